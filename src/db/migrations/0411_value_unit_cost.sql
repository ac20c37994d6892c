-- Value per member (samhällsekonomisk effekt): the annual public cost of each support source for each payer,
-- per förbund and year, with the source of every figure (a figure without a source is refused). A negative
-- amount is income (a job: tax income). Replaced as a whole, all or nothing.
create table value_unit_cost (
  federation_id integer not null references federation (id) on delete cascade,
  year integer not null check (year between 2000 and 2100),
  support_source text not null,
  payer text not null check (payer in ('fk', 'af', 'region', 'kommun')),
  annual_ore bigint not null,
  source text not null check (length(btrim(source)) > 0),
  primary key (federation_id, year, support_source, payer)
);
