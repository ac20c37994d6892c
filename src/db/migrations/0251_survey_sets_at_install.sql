-- The shipped question sets (src/core/surveys/sets.ts, builtinSets) are installed when a förbund is created, not
-- when someone first opens a survey page: reading never writes (issue 28). install_builtin_survey_sets() holds
-- the shipped wording (src/services/surveys/builtinSets.db.test.ts checks it against the core's definitions);
-- a trigger runs it in the transaction that inserts the förbund (so the audit trail names whoever created it),
-- and this migration runs it once for every förbund that exists. Synthetic förbund (national demonstration and
-- benchmark data) answer no surveys and get none; a restore copies the sets with everything else.
-- A new version of a shipped set is a new migration that redefines the function and runs it again.

create function install_builtin_survey_sets(fid integer) returns void language plpgsql as $$
declare
  sid integer;
begin
  if not exists (select 1 from survey_set where federation_id = fid and key = 'insatspersonal' and version = 1) then
    insert into survey_set (federation_id, key, version, kind, respondent_group, name, builtin, free_text_prompt, free_text_prompt_easy)
    values (fid, 'insatspersonal', 1, 'indicator', 'insatspersonal', 'Indikatorer FINSAM – insatspersonal', true, null, null) returning id into sid;
    insert into survey_statement (federation_id, set_id, position, key, indicator, text, easy_text, scale) values
      (fid, sid, 1, 'q1', '', 'Stödet får ta den tid som behövs', null, array['Aldrig', 'Sällan', 'Ibland', 'Ofta', 'För det mesta', 'Alltid']),
      (fid, sid, 2, 'q2', '', 'Tillräcklig planering efter avslutad insats', null, array['Aldrig', 'Sällan', 'Ibland', 'Ofta', 'För det mesta', 'Alltid']),
      (fid, sid, 3, 'q3', '', 'Samverkansparter lyssnar på mig', null, array['Aldrig', 'Sällan', 'Ibland', 'Ofta', 'För det mesta', 'Alltid']),
      (fid, sid, 4, 'q4', '', 'Samverkansparter vet vad jag kan tillföra', null, array['Aldrig', 'Sällan', 'Ibland', 'Ofta', 'För det mesta', 'Alltid']),
      (fid, sid, 5, 'q5', '', 'Tas erfarenheter, kunskaper och synpunkter från deltagare systematiskt tillvara?', null, array['Inte alls', 'Till liten del', 'Delvis', 'Till stor del', 'Till mycket stor del', 'Helt och hållet']),
      (fid, sid, 6, 'q6', '', 'Finns rutiner för samarbete med andra aktörer i arbetet med insatser för deltagarna?', null, array['Inte alls', 'Till liten del', 'Delvis', 'Till stor del', 'Till mycket stor del', 'Helt och hållet']),
      (fid, sid, 7, 'q7', '', 'Finns strukturer för att initiera och underhålla relationer mellan de samverkande myndigheterna?', null, array['Inte alls', 'Till liten del', 'Delvis', 'Till stor del', 'Till mycket stor del', 'Helt och hållet']),
      (fid, sid, 8, 'q8', '', 'Omfattas synsättet kring människors resurser och möjligheter av alla i den samordnade insatsen?', null, array['Inte alls', 'Till liten del', 'Delvis', 'Till stor del', 'Till mycket stor del', 'Helt och hållet']),
      (fid, sid, 9, 'q9', '', 'Fungerar olika arbetssätt inom den samordnade insatsen väl tillsammans?', null, array['Inte alls', 'Till liten del', 'Delvis', 'Till stor del', 'Till mycket stor del', 'Helt och hållet']),
      (fid, sid, 10, 'q10', '', 'Finns rutiner för att arbeta med jämställdhet, jämlikhet och mångfald i insatsen?', null, array['Inte alls', 'Till liten del', 'Delvis', 'Till stor del', 'Till mycket stor del', 'Helt och hållet']),
      (fid, sid, 11, 'q11', '', 'Avsätts tid för lärande och reflektion kopplat till jämställdhet, jämlikhet och mångfald?', null, array['Inte alls', 'Till liten del', 'Delvis', 'Till stor del', 'Till mycket stor del', 'Helt och hållet']);
  end if;
  if not exists (select 1 from survey_set where federation_id = fid and key = 'styrelse-sjalvskattning' and version = 1) then
    insert into survey_set (federation_id, key, version, kind, respondent_group, name, builtin, free_text_prompt, free_text_prompt_easy)
    values (fid, 'styrelse-sjalvskattning', 1, 'board_self_assessment', 'styrelse', 'Styrelsens självskattning', true, null, null) returning id into sid;
    insert into survey_statement (federation_id, set_id, position, key, indicator, text, easy_text, scale) values
      (fid, sid, 1, 'q1', '', 'Samverkan mellan myndigheter', null, array['Inte etablerad', 'Delvis etablerad', 'God', 'Mycket god']),
      (fid, sid, 2, 'q2', '', 'Uppföljning och utvärdering', null, array['Inte etablerad', 'Delvis etablerad', 'God', 'Mycket god']),
      (fid, sid, 3, 'q3', '', 'Användning av uppföljning i utvecklingsarbete', null, array['Inte etablerad', 'Delvis etablerad', 'God', 'Mycket god']),
      (fid, sid, 4, 'q4', '', 'Användning av könsuppdelad statistik', null, array['Inte etablerad', 'Delvis etablerad', 'God', 'Mycket god']),
      (fid, sid, 5, 'q5', '', 'Integrering av JJM i verksamhetsplanering', null, array['Inte etablerad', 'Delvis etablerad', 'God', 'Mycket god']);
  end if;
end
$$;

create function federation_install_survey_sets() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('samordna.restoring', true), '') <> 'on' and not new.synthetic then
    perform install_builtin_survey_sets(new.id);
  end if;
  return null;
end
$$;

create trigger federation_survey_sets after insert on federation
  for each row execute function federation_install_survey_sets();

select install_builtin_survey_sets(id) from federation where not synthetic;
