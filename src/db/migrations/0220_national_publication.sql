-- The national publication of a year, fixed the first time the year is published (every förbund with
-- participations has frozen it): the suppressed count tables exactly as shown, with the förbund (id, name,
-- county) they cover. Later reads show this row and never recompute it, so a förbund added afterwards, a moved
-- county or changed settings cannot make a second version whose difference from the first reveals a hidden
-- count (docs/statistics-protection.md). National, not one förbund's: no federation_id.
create table national_publication (
  year integer primary key check (year between 1990 and 2200),
  published_from date not null,
  published_at timestamptz not null default now(),
  data jsonb not null
);
