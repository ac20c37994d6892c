-- Closing a year (bokslut, "Stäng året"): a year's figures are complete only when the kansli has closed it —
-- saving a December line does not. One row per closed year, with who closed it and when; reopening deletes
-- the row. Both are in the audit trail (the generic trigger attaches to the new table). A year imported from a
-- published report (the reference format) arrives closed.
create table year_closing (
  federation_id integer not null,
  year integer not null,
  closed_at timestamptz not null default now(),
  closed_by text not null,
  primary key (federation_id, year),
  foreign key (federation_id, year) references fiscal_year (federation_id, year) on delete cascade
);

-- The year's figures read it (and the ledger's last month with vouchers, for an open year's period): a write
-- invalidates the cached figures (see 0101_figures_version.sql).
do $$
declare
  t text;
begin
  foreach t in array array['year_closing', 'ledger_month_total'] loop
    execute format('create trigger figures_version_bump after insert or update or delete on %I for each statement execute function samordna_internal.bump_figures_version()', t);
    execute format('create trigger figures_version_bump_truncate after truncate on %I for each statement execute function samordna_internal.bump_figures_version()', t);
  end loop;
end
$$;

-- Years already in a database were entered or imported before years could be closed. Those imported from a
-- published report (outcome from the reference format and nothing later) are closed, as a new import would be.
insert into year_closing (federation_id, year, closed_at, closed_by)
select distinct o.federation_id, o.year, now(), 'migration'
from outcome_entry o
where o.source = 'reference'
  and not exists (select 1 from outcome_entry x where x.federation_id = o.federation_id and x.year = o.year and x.source <> 'reference');
