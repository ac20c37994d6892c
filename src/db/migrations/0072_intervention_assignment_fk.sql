-- An insats user's assignment must name an intervention of the same förbund (the interventions area's table
-- came after the users migration).
alter table intervention_assignment
  add constraint intervention_assignment_intervention_fk
  foreign key (federation_id, intervention_id) references intervention (federation_id, id) on delete cascade;
