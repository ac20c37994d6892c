-- A large SIE import no longer holds the (embedded database's only) session for its whole length: its rows are
-- written in many short statements into a year that nobody sees (state 'staging'), and one short transaction
-- then makes it the förbund's year ('active') and retires the one it replaces ('retired', deleted afterwards in
-- short steps). Only 'active' years are read anywhere; a failed or interrupted import leaves a staging year
-- that is deleted (by the import itself, or by the förbund's next import), never shown.
alter table ledger_year add column state text not null default 'active' check (state in ('staging', 'active', 'retired'));
alter table ledger_year add column created_at timestamptz not null default now();
-- The import history row is written when the year is published; a staging year has none yet.
alter table ledger_year alter column import_id drop not null;
alter table ledger_year add constraint ledger_year_import_when_published check (state = 'staging' or import_id is not null);
alter table ledger_year drop constraint ledger_year_federation_id_start_date_key;
create unique index ledger_year_active_start on ledger_year (federation_id, start_date) where state = 'active';

-- The year's booked amounts per account, objects and month (#TRANS and #RTRANS; #BTRANS never counts), written
-- by the import as it stages the rows. The outcome per budget line (src/services/ledger/ledgerOutcome.ts) sums
-- these instead of every transaction row, so publishing a large file, the mapping page and every mapping
-- change read a few thousand rows, not hundreds of thousands. A key may have several rows (partial sums):
-- readers group by it.
create table ledger_month_total (
  federation_id integer not null,
  year_id integer not null,
  account text not null,
  objects jsonb,
  month integer not null check (month between 1 and 12),
  amount_ore bigint not null,
  foreign key (federation_id, year_id) references ledger_year (federation_id, id) on delete cascade
);
create index ledger_month_total_year on ledger_month_total (year_id);

insert into ledger_month_total (federation_id, year_id, account, objects, month, amount_ore)
select federation_id, year_id, account, objects, extract(month from transaction_date)::int, sum(amount_ore)
from ledger_transaction where kind <> 'removed'
group by federation_id, year_id, account, objects, extract(month from transaction_date);
