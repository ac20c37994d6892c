-- The day the kansli closed a round ahead of its last day ("Stäng omgången"): no answers after it, and the
-- round's results are published from that day (docs/statistics-protection.md, "Enkätresultat"). Null: the round
-- closes after closes_on, and its results are published when the time for paper forms has passed.
alter table survey_round add column closed_on date;
alter table survey_round add constraint survey_round_closed_on check (closed_on is null or closed_on >= opens_on);
