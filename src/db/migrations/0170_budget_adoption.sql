-- The board's decision that adopts a year's budget: the date and the reference (minutes' paragraph, e.g.
-- "Styrelsen 2024-11-20 § 45"). Once a year has one, its original budget (budget_amount) is locked: changes
-- go through a tilläggsbudget (budget_revision). The services refuse writes to a locked budget.
create table budget_adoption (
  federation_id integer not null,
  year integer not null,
  adopted_on date not null,
  reference text not null check (length(reference) between 1 and 500),
  primary key (federation_id, year),
  foreign key (federation_id, year) references fiscal_year (federation_id, year) on delete cascade
);
