-- A version number of the data the year's figures are computed from (src/services/economy/yearFacts.ts).
-- Every statement that writes to one of those tables bumps it, in the same transaction, so the version a
-- reader sees changes exactly when (and no earlier than) the write becomes visible. A cache of the year's
-- figures keyed by this version can never serve figures older than the data — whichever process wrote it.
-- Bookkeeping, not the förbund's data: kept in a schema of its own, outside the audit trail's reach
-- (ensure_audit_triggers attaches to the tables of the current schema only).
create schema if not exists samordna_internal;

create table samordna_internal.figures_version (
  id boolean primary key default true check (id),
  version bigint not null
);
insert into samordna_internal.figures_version (id, version) values (true, 0);

create function samordna_internal.bump_figures_version() returns trigger language plpgsql as $$
begin
  update samordna_internal.figures_version set version = version + 1;
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
    execute format('create trigger figures_version_bump after insert or update or delete on %I for each statement execute function samordna_internal.bump_figures_version()', t);
    execute format('create trigger figures_version_bump_truncate after truncate on %I for each statement execute function samordna_internal.bump_figures_version()', t);
  end loop;
end
$$;
