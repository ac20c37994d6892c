-- The ledger's bulk rows (accounts, balances, vouchers, transactions read from an SIE file) are audited as one
-- import-history row each; but the mapping of accounts to budget lines and the account-class ranges are the
-- förbund's own decisions and are audited row by row like everything else.
create or replace function audit_exempt(t text) returns boolean language sql immutable as $$
  select t in ('audit_log', 'schema_migration', 'auth_session', 'auth_login_attempt')
      or (t like 'ledger\_%' and t not in ('ledger_import', 'ledger_mapping', 'ledger_class_range'))
$$;
