/**
 * From application to decision (issue 21), on a real database: a "beviljas" paragraph grants nothing until the
 * protocol is justerat; the last approval makes the application beviljad and creates the intervention with the
 * application's title and the decided amounts per year. Each refusal leaves every table as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { ConflictError, ForbiddenError, InputError } from '../../core/errors.ts';
import { addDays } from '../../core/meetings/publicNotice.ts';
import { today } from '../../core/calendar.ts';
import { createApplication, getApplication, listApplications, setProposal, submitApplication, updateApplication } from './applications.ts';
import { addCriterion, addPreparationComment, getPreparation, judgeCriterion, retireCriterion } from './preparation.ts';
import { addDelegationRule, listDelegatedDecisions, recordDelegatedDecision } from './delegation.ts';
import { approveMinutes, giveMeetingNotice, listProtocols, publicNotices, saveMinutes } from './minutes.ts';

const kansli = { id: 'kansli@exempel.se' };

describe('from application to decision', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let members: number[];
  const future = addDays(today(), 14);

  const snapshot = async () =>
    JSON.stringify(
      await Promise.all(
        ['application', 'application_amount', 'board_meeting', 'decision_item', 'minutes', 'minutes_paragraph', 'minutes_approval', 'intervention', 'intervention_grant', 'goal'].map((t) =>
          db.query(`select * from ${t} where federation_id = $1 order by 1`, [fid]),
        ),
      ),
    );
  const unchangedBy = async (f: () => Promise<unknown>, error: new (...a: never[]) => Error) => {
    const before = await snapshot();
    await expect(f()).rejects.toBeInstanceOf(error);
    expect(await snapshot()).toBe(before);
  };

  const application = (title: string) => ({
    title,
    ownerMember: members[0],
    cooperatingMembers: [members[1]],
    level: 'individual',
    periodStart: '2027-01-01',
    periodEnd: '2028-12-31',
    budget: [{ year: 2027, amount: 600000 }, { year: 2028, amount: 550000 }],
    goals: ['Hälften av deltagarna närmar sig arbete', 'Samverkan mellan kommun och Arbetsförmedlingen'],
    problem: 'Unga som står långt från arbetsmarknaden.',
    targetGroup: 'Unga 18–29 år',
    followUp: 'Indikatorer och deltagarenkät.',
  });
  const protocolFor = (paragraphs: unknown[]) => ({
    present: ['Anna Ordförande', 'Bo Ledamot', 'Dan Ledamot'], chair: 'Anna Ordförande', secretary: 'Cecilia Sekreterare',
    adjusters: ['bo@exempel.se', 'dan@exempel.se'], paragraphs,
  });

  beforeAll(async () => {
    db = await createTestDb();
    fid = (await importReferenceFile(db, new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url).pathname, { id: 'test' })).federationId;
    members = (await db.query<{ id: number }>('select id from member where federation_id = $1 order by id', [fid])).map((m) => m.id);
  });
  afterAll(() => db?.drop());

  it('grants exactly the decided amounts per year once the protocol is justerat, and not before', async () => {
    const appId = await createApplication(db, fid, application('Unga vuxna i arbete'), kansli);
    expect((await getApplication(db, fid, appId)).status).toBe('inkommen');
    const meeting = await giveMeetingNotice(db, fid, { date: future, items: [{ title: 'Ekonomisk uppföljning' }, { title: 'Ansökan om medel', application: appId }] }, kansli);
    expect(meeting.items.map((i) => [i.number, i.applicationId])).toEqual([[1, null], [2, appId]]);
    expect((await getApplication(db, fid, appId)).status).toBe('till_styrelsen');

    await saveMinutes(db, fid, meeting.id, protocolFor([
      { item: 1, decision: 'Informationen läggs till handlingarna.' },
      { item: 2, decision: 'beviljas', amounts: [{ year: 2027, amount: 500000 }, { year: 2028, amount: '450 000,50' }] },
    ]), kansli);
    const grants = () => db.query<{ year: number; decided_ore: string; name: string }>(
      'select g.year, g.decided_ore, i.name from intervention_grant g join intervention i on i.federation_id = g.federation_id and i.id = g.intervention_id where g.federation_id = $1 and i.name = $2 order by g.year',
      [fid, 'Unga vuxna i arbete']);
    expect(await grants()).toEqual([]);

    await approveMinutes(db, fid, meeting.id, 'bo@exempel.se', { id: 'bo@exempel.se' });
    expect(await grants()).toEqual([]);
    expect((await getApplication(db, fid, appId)).status).toBe('till_styrelsen');

    const done = await approveMinutes(db, fid, meeting.id, 'DAN@exempel.se', { id: 'dan@exempel.se' });
    expect(done.adjustedAt).not.toBeNull();
    const a = await getApplication(db, fid, appId);
    expect(a.status).toBe('beviljad');
    expect((await grants()).map((g) => [g.year, Number(g.decided_ore)])).toEqual([[2027, 50_000_000], [2028, 45_000_050]]);
    expect(a.decision).toMatchObject({ meetingId: meeting.id, paragraph: 2, text: 'beviljas', amounts: [{ year: 2027, amount: 500000 }, { year: 2028, amount: 450000.5 }] });
    const [intervention] = await db.query<{ id: number; name: string; owner_member_id: number; period_start: string; kind: string }>(
      "select id, name, owner_member_id, to_char(period_start, 'YYYY-MM-DD') as period_start, kind from intervention where federation_id = $1 and id = $2", [fid, a.decision!.interventionId]);
    expect(intervention).toMatchObject({ name: 'Unga vuxna i arbete', owner_member_id: members[0], period_start: '2027-01-01', kind: 'individual' });
    expect((await db.query<{ text: string }>('select text from goal where federation_id = $1 and intervention_id = $2 order by sort_order', [fid, intervention!.id])).map((g) => g.text))
      .toEqual(application('x').goals);

    // The registry holds the application (in), the justerat protocol and the decision (out), once each.
    const registered = await db.query<{ source_kind: string; direction: string; subject: string }>(
      "select source_kind, direction, subject from registry_entry where federation_id = $1 and source_kind in ('application', 'protocol', 'decision') order by id", [fid]);
    expect(registered.filter((r) => r.subject.includes('Unga vuxna i arbete') || r.source_kind === 'protocol').map((r) => [r.source_kind, r.direction])).toEqual([
      ['application', 'in'], ['protocol', 'internal'], ['decision', 'out'],
    ]);

    const found = await listProtocols(db, fid, 'handlingar');
    expect(found.map((p) => [p.meetingId, p.hits])).toEqual([[meeting.id, ['§ 1 Informationen läggs till handlingarna.']]]);
    expect(await listProtocols(db, fid, 'rymdfärd')).toEqual([]);
    const notices = await publicNotices(db, fid);
    expect(notices.notices[0]).toMatchObject({ meetingId: meeting.id, firstDay: today(), lastDay: addDays(today(), 21), up: true });

    // A justerat protocol cannot be changed, nor approved again, and the application cannot be decided twice.
    await unchangedBy(() => saveMinutes(db, fid, meeting.id, protocolFor([{ item: 1, decision: 'Ändrat.' }]), kansli), ConflictError);
    await unchangedBy(() => approveMinutes(db, fid, meeting.id, 'bo@exempel.se', { id: 'bo@exempel.se' }), ConflictError);
    const later = await giveMeetingNotice(db, fid, { date: addDays(future, 30), items: [{ title: 'Övrigt' }] }, kansli);
    await unchangedBy(() => giveMeetingNotice(db, fid, { date: addDays(future, 30), items: [{ title: 'Igen', application: appId }] }, kansli), ConflictError);
    await unchangedBy(() => saveMinutes(db, fid, later.id, protocolFor([{ item: 1, decision: 'Noteras.' }, { item: 1, decision: 'avslås' }]), kansli), InputError);
  });

  it('a rejection keeps the application and its reason; nothing is granted', async () => {
    const appId = await createApplication(db, fid, application('Avslaget projekt'), kansli);
    await setProposal(db, fid, appId, { amounts: [{ year: 2027, amount: 1000 }], conditions: 'Ingen' }, kansli);
    const meeting = await giveMeetingNotice(db, fid, { date: addDays(future, 60), items: [{ title: 'Ansökan', application: appId }] }, kansli);
    await saveMinutes(db, fid, meeting.id, protocolFor([{ item: 1, decision: 'avslås' }]), kansli);
    await approveMinutes(db, fid, meeting.id, 'bo@exempel.se', { id: 'bo@exempel.se' });
    await approveMinutes(db, fid, meeting.id, 'dan@exempel.se', { id: 'dan@exempel.se' });
    const a = await getApplication(db, fid, appId);
    expect(a).toMatchObject({ status: 'avslagen', title: 'Avslaget projekt', proposal: [{ year: 2027, amountOre: 100_000 }] });
    expect(a.decision?.text).toBe('avslås');
    expect(await db.query('select 1 from intervention where federation_id = $1 and name = $2', [fid, 'Avslaget projekt'])).toEqual([]);
  });

  it('refuses approval by anyone but the named justerare, and a notice for a meeting already held', async () => {
    const appId = await createApplication(db, fid, application('Tredje ansökan'), kansli);
    const meeting = await giveMeetingNotice(db, fid, { date: addDays(future, 90), items: [{ title: 'Ansökan', application: appId }] }, kansli);
    await saveMinutes(db, fid, meeting.id, protocolFor([{ item: 1, decision: 'Beviljas' }]), kansli);
    await unchangedBy(() => approveMinutes(db, fid, meeting.id, 'eva@exempel.se', { id: 'eva@exempel.se' }), ForbiddenError);
    await unchangedBy(() => giveMeetingNotice(db, fid, { date: addDays(today(), -1), items: [{ title: 'För sent' }] }, kansli), ConflictError);
  });

  it('a draft is saved over several visits and submitted when complete', async () => {
    const id = await createApplication(db, fid, { title: 'Utkast', draft: true }, kansli);
    expect((await getApplication(db, fid, id)).status).toBe('utkast');
    await unchangedBy(() => submitApplication(db, fid, id, kansli), InputError);
    await updateApplication(db, fid, id, { ...application('Utkast, klart'), draft: true }, kansli);
    await submitApplication(db, fid, id, kansli);
    const a = await getApplication(db, fid, id);
    expect(a).toMatchObject({ status: 'inkommen', title: 'Utkast, klart', appliedOre: 115_000_000 });
    await unchangedBy(() => updateApplication(db, fid, id, { title: 'Ändrad efteråt' }, kansli), ConflictError);
    expect((await listApplications(db, fid, { text: 'klart' })).map((x) => x.id)).toEqual([id]);
  });

  it('decisions under delegation are recorded within their rule and reported at the next meeting as an agenda item', async () => {
    await addDelegationRule(db, fid, { reference: '3.2', matter: 'Mindre bidrag till utbildning', delegate: 'Förbundschef', maxAmount: 50000 }, kansli);
    await unchangedBy(() => recordDelegatedDecision(db, fid, { reference: '3.2', decidedOn: today(), decidedBy: 'Förbundschef', text: 'För stort', amount: 60000 }, kansli), ConflictError);
    await unchangedBy(() => recordDelegatedDecision(db, fid, { reference: '9.9', decidedOn: today(), decidedBy: 'Förbundschef', text: 'Okänd punkt' }, kansli), InputError);
    await recordDelegatedDecision(db, fid, { reference: '3.2', decidedOn: today(), decidedBy: 'Förbundschef', text: 'Utbildning i motiverande samtal', amount: 40000 }, kansli);
    const m = await giveMeetingNotice(db, fid, { date: addDays(future, 120), items: [{ title: 'Ekonomisk uppföljning' }] }, kansli);
    expect(m.items.map((i) => i.title)).toEqual(['Ekonomisk uppföljning', 'Anmälan av delegationsbeslut']);
    const [{ body }] = (await db.query<{ body: string }>('select body from decision_item where federation_id = $1 and id = $2', [fid, m.items[1]!.id])) as [{ body: string }];
    expect(body).toContain('punkt 3.2, Förbundschef: Utbildning i motiverande samtal');
    expect((await listDelegatedDecisions(db, fid, true)).length).toBe(0);
    const next = await giveMeetingNotice(db, fid, { date: addDays(future, 150), items: [{ title: 'Övrigt' }] }, kansli);
    expect(next.items.map((i) => i.title)).toEqual(['Övrigt']);
  });

  it('prepares against the förbund\'s own checklist, with comments; a draft or a decided application is not prepared', async () => {
    const vision = await addCriterion(db, fid, { label: 'Stödjer visionen' }, kansli);
    const old = await addCriterion(db, fid, { label: 'Gammalt kriterium' }, kansli);
    await retireCriterion(db, fid, old, kansli);
    const id = await createApplication(db, fid, application('Beredd ansökan'), kansli);
    await judgeCriterion(db, fid, id, { criterion: vision, met: true, note: 'Tydlig koppling' }, kansli);
    await addPreparationComment(db, fid, id, { text: 'Beredningsgruppen tillstyrker.' }, { id: 'beredning@exempel.se' });
    const p = await getPreparation(db, fid, id);
    expect(p.checklist).toEqual([{ criterionId: vision, label: 'Stödjer visionen', met: true, note: 'Tydlig koppling' }]);
    expect(p.comments.map((c) => [c.author, c.text])).toEqual([['beredning@exempel.se', 'Beredningsgruppen tillstyrker.']]);
    await unchangedBy(() => judgeCriterion(db, fid, id, { criterion: old, met: false }, kansli), InputError);
    const draft = await createApplication(db, fid, { title: 'Bara utkast', draft: true }, kansli);
    await unchangedBy(() => addPreparationComment(db, fid, draft, { text: 'För tidigt' }, kansli), ConflictError);
  });
});
