-- The state's allocation model (statens fördelningsmodell) and the county of each förbund (for the national
-- view and the county catalogue).

alter table federation add column county text;

-- Inputs per förbund and year: population aged 16–64 and försörjningsmått of the förbund's area.
create table state_allocation_input (
  federation_id integer not null references federation (id) on delete cascade,
  year integer not null check (year between 1990 and 2200),
  population_16_64 integer not null check (population_16_64 >= 0),
  -- hundredths (1 234,56 → 123456): the measure may have decimals; integer arithmetic throughout
  support_measure_hundredths bigint not null check (support_measure_hundredths >= 0),
  primary key (federation_id, year)
);

-- The state's total for a year and the optional limit on one förbund's fall from the year before.
-- National, not one förbund's: no federation_id (the national role and the CLI write it).
create table state_allocation_year (
  year integer primary key check (year between 1990 and 2200),
  total_ore bigint not null check (total_ore >= 0),
  max_fall_bp integer check (max_fall_bp is null or max_fall_bp between 0 and 10000)
);
