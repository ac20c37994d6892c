-- Progression (BIP-style): a förbund's own instrument — indicators with a scale, who rates, the interval. A
-- förbund without one uses Samordna's neutral default set (a constant in the core, not stored: reading never
-- writes). Ratings stay in progression_measurement (indicator = the indicator's key), now with who rated.
create table progression_instrument (
  federation_id integer not null references federation (id) on delete cascade,
  name text not null,
  raters text not null check (raters in ('participant', 'staff', 'both')),
  interval_months smallint not null check (interval_months between 1 and 24),
  indicators jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (federation_id)
);

alter table progression_measurement add column rater text check (rater in ('participant', 'staff'));
