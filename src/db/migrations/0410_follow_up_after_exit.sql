-- Follow-up after exit: the status 6 and 12 months after a participation ended, per participation code
-- (never per person). "Ej nådd" (not reached) is a legitimate answer: then neither the support source nor
-- work/studies is known. The status date is the day the status was taken; it cannot be before the exit.
create table participation_follow_up (
  federation_id integer not null,
  participation_id integer not null,
  months smallint not null check (months in (6, 12)),
  status_date date not null,
  reached boolean not null,
  support_source text,
  work_or_studies boolean,
  recorded_at timestamptz not null default now(),
  primary key (federation_id, participation_id, months),
  check (reached = (support_source is not null)),
  check (reached = (work_or_studies is not null)),
  foreign key (federation_id, participation_id) references participation (federation_id, id) on delete cascade
);
