-- Reporting to Försäkringskassan's Uppföljning Finsam: the two facts of an intervention that FK asks for and
-- Samordna did not hold (follow-up method, ESF financing), and what the förbund last reported per year, for the
-- reconciliation. Nothing here identifies a participant: the report holds counts by gender only.
alter table intervention add column fk_follow_up_method text not null default '';
alter table intervention add column esf_financed boolean not null default false;

create table finsam_report (
  federation_id integer not null references federation (id) on delete cascade,
  year integer not null check (year between 2000 and 2100),
  reported_at timestamptz not null default now(),
  reported_by text not null,
  data jsonb not null,
  primary key (federation_id, year)
);
