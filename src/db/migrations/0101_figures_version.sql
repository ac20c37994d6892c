-- A version number of the data the year's figures are computed from (src/services/economy/yearFacts.ts).
-- Every statement that writes to one of those tables bumps it, in the same transaction, so the version a
-- reader sees changes exactly when (and no earlier than) the write becomes visible. A cache of the year's
-- figures keyed by this version can never serve figures older than the data — whichever process wrote it.
create table figures_version (
  id boolean primary key default true check (id),
  version bigint not null
);
insert into figures_version (id, version) values (true, 0);

-- The version row is bookkeeping, not the förbund's data: not audited row by row.
create or replace function audit_exempt(t text) returns boolean language sql immutable as $$
  select t in ('audit_log', 'schema_migration', 'auth_session', 'auth_login_attempt', 'figures_version')
      or (t like 'ledger\_%' and t not in ('ledger_import', 'ledger_mapping', 'ledger_class_range'))
$$;

create function bump_figures_version() returns trigger language plpgsql as $$
begin
  update figures_version set version = version + 1;
  return null;
end
$$;

do $$
declare
  t text;
begin
  foreach t in array array[
    'federation', 'member', 'budget_line', 'fiscal_year', 'year_summary', 'contribution', 'budget_amount',
    'budget_revision', 'budget_revision_line', 'outcome_entry', 'ledger_year', 'ledger_account_total',
    'ledger_class_range', 'ledger_mapping'
  ] loop
    execute format('create trigger figures_version_bump after insert or update or delete on %I for each statement execute function bump_figures_version()', t);
    execute format('create trigger figures_version_bump_truncate after truncate on %I for each statement execute function bump_figures_version()', t);
  end loop;
end
$$;
