import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestInterventions, addTestUser } from '../../../test/support/auth.ts';
import { enqueueDueReminders, reminderSettings, setReminderSettings } from './reminders.ts';
import { enqueueFollowUpReminders, enqueueJusteringRequest, enqueueMeetingNotice, enqueueProtocolJusterat, enqueueSurveyRoundLink, roundsToMail } from './notices.ts';

/**
 * Reminders and notices queue what is due, once, to the right people, only with mail on and the reminder on;
 * the identity guard and the address check refuse a notice before anything is queued.
 */
describe('reminders and notices', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  const actor = { id: 'kansli@r.se' };
  const saved = { ...process.env };
  const queued = (kind: string) => db.query<{ recipient: string; subject: string; params: Record<string, unknown> }>('select recipient, subject, mail_params as params from mail_outbox where kind = $1 order by recipient', [kind]);

  beforeAll(async () => {
    process.env.SAMORDNA_SMTP_URL = 'smtp://127.0.0.1:2525';
    process.env.SAMORDNA_MAIL_FROM = 'noreply@r.se';
    process.env.SAMORDNA_PUBLIC_URL = 'https://samordna.r.se';
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbund R') returning id")) as [{ id: number }];
    await addTestInterventions(db, fid, [41, 42]);
    await addTestUser(db, { email: 'team41@r.se', federationId: fid, role: 'insats', interventionIds: [41] });
    await addTestUser(db, { email: 'team42@r.se', federationId: fid, role: 'insats', interventionIds: [42] });
    await db.query('insert into intervention_grant (federation_id, intervention_id, year, decided_ore, decision_date) values ($1, 41, 2026, 100000000, $2), ($1, 42, 2026, 100000000, $2)', [fid, '2025-12-01']);
    // Intervention 42 has its second-quarter requisition; 41 has only the first quarter's.
    await db.query("insert into requisition (federation_id, intervention_id, requisition_date, amount_ore) values ($1, 41, '2026-03-31', 1), ($1, 42, '2026-06-02', 1)", [fid]);
  });
  afterEach(() => db.query('delete from mail_outbox'));
  afterAll(async () => {
    process.env = saved;
    await db.drop();
  });

  it('a requisition missing in the last two weeks of the quarter reminds that intervention’s staff, once', async () => {
    expect(await enqueueDueReminders(db, '2026-06-16')).toBe(0);
    expect(await enqueueDueReminders(db, '2026-06-20')).toBe(1);
    expect(await enqueueDueReminders(db, '2026-06-21')).toBe(0);
    const [r] = await queued('requisition_reminder');
    expect(r).toMatchObject({ recipient: 'team41@r.se', subject: 'Påminnelse: rekvisition för Testinsats 41' });
    expect(r!.params).toEqual({ federationName: 'Förbund R', interventionName: 'Testinsats 41', periodLabel: 'kvartal 2 2026', dueOn: '2026-06-30' });
  });

  it('a survey round closing within a week with few answers reminds the staff of its interventions', async () => {
    const [set] = await db.query<{ id: number }>('select id from survey_set where federation_id = $1 limit 1', [fid]);
    const [round] = await db.query<{ id: number }>(
      "insert into survey_round (federation_id, set_id, year, respondent_group, name, opens_on, closes_on) values ($1, $2, 2026, 'deltagare', 'Vårens enkät', '2026-05-01', '2026-05-31') returning id",
      [fid, set!.id],
    );
    await db.query('insert into survey_round_intervention (federation_id, round_id, intervention_id) values ($1, $2, 42)', [fid, round!.id]);
    expect(await enqueueDueReminders(db, '2026-05-20')).toBe(0);
    expect(await enqueueDueReminders(db, '2026-05-26')).toBe(1);
    const [r] = await queued('survey_reminder');
    expect(r).toMatchObject({ recipient: 'team42@r.se', subject: 'Påminnelse: enkäten Vårens enkät stänger 2026-05-31' });
    expect(r!.params.link).toBe(`https://samordna.r.se/f/${fid}/enkater/${round!.id}`);
  });

  it('the open round’s link goes to the staff of its interventions, who hand it out', async () => {
    const [round] = await db.query<{ id: number }>("select id from survey_round where name = 'Vårens enkät'");
    await expect(enqueueSurveyRoundLink(db, fid, round!.id, actor)).rejects.toThrow('ingen öppen länk');
    await db.query("update survey_round set open_token = 'oppen-lank-123' where id = $1", [round!.id]);
    expect(await roundsToMail(db, fid, '2026-05-10')).toEqual([{ id: round!.id, name: 'Vårens enkät', closesOn: '2026-05-31' }]);
    expect(await roundsToMail(db, fid, '2026-06-01')).toEqual([]);
    expect(await enqueueSurveyRoundLink(db, fid, round!.id, actor)).toBe(1);
    const [r] = await queued('survey_link');
    expect(r).toMatchObject({ recipient: 'team42@r.se', subject: 'Enkäten Vårens enkät: länken att dela ut' });
    expect(r!.params.link).toBe('https://samordna.r.se/e/oppen-lank-123');
    await db.query('delete from survey_round_intervention where round_id = $1', [round!.id]);
    await expect(enqueueSurveyRoundLink(db, fid, round!.id, actor)).rejects.toThrow('ingen personal');
    await db.query('insert into survey_round_intervention (federation_id, round_id, intervention_id) values ($1, $2, 42)', [fid, round!.id]);
  });

  it('a reminder the förbund turned off is not queued; mail off queues nothing', async () => {
    await setReminderSettings(db, fid, ['survey_reminder', 'follow_up_reminder'], actor);
    expect(await reminderSettings(db, fid)).toEqual({ requisition_reminder: false, survey_reminder: true, follow_up_reminder: true });
    expect(await enqueueDueReminders(db, '2026-06-20')).toBe(0);
    await setReminderSettings(db, fid, ['requisition_reminder', 'survey_reminder', 'follow_up_reminder'], actor);
    await expect(setReminderSettings(db, fid, ['okänd'], actor)).rejects.toThrow('Välj påminnelser ur listan.');
    process.env.SAMORDNA_SMTP_URL = '';
    try {
      expect(await enqueueDueReminders(db, '2026-06-20')).toBe(0);
      expect(await enqueueMeetingNotice(db, fid, { meetingTitle: 'M', meetingDate: '2026-06-01', place: '', agenda: [], path: '/f/1', recipients: ['a@r.se'] }, actor)).toBe(0);
    } finally {
      process.env.SAMORDNA_SMTP_URL = 'smtp://127.0.0.1:2525';
    }
  });

  it('follow-up reminders (issue 23) go to the staff once per intervention, months and period, unless turned off', async () => {
    const due = [{ interventionId: 41, interventionName: 'Testinsats 41', months: 6 as const, period: '2026-06', path: `/f/${fid}/insatser/41` }];
    expect(await enqueueFollowUpReminders(db, fid, due, actor)).toBe(1);
    expect(await enqueueFollowUpReminders(db, fid, due, actor)).toBe(0);
    expect((await queued('follow_up_reminder'))[0]).toMatchObject({ recipient: 'team41@r.se', subject: 'Påminnelse: 6-månadersuppföljning i Testinsats 41' });
    await setReminderSettings(db, fid, ['requisition_reminder', 'survey_reminder'], actor);
    expect(await enqueueFollowUpReminders(db, fid, [{ ...due[0]!, period: '2026-07' }], actor)).toBe(0);
    await setReminderSettings(db, fid, ['requisition_reminder', 'survey_reminder', 'follow_up_reminder'], actor);
  });

  it('the board’s notice, justering request and announcement (issue 21) go to each address once; a bad address or a personnummer refuses all', async () => {
    const notice = { meetingTitle: 'Styrelsemöte', meetingDate: '2026-09-10', place: 'Kommunhuset', agenda: ['Budget 2027'], path: `/f/${fid}/moten/7`, recipients: ['Ledamot@R.se', 'ersattare@r.se', 'ledamot@r.se'] };
    expect(await enqueueMeetingNotice(db, fid, notice, actor)).toBe(2);
    const rows = await queued('meeting_notice');
    expect(rows.map((r) => r.recipient)).toEqual(['ersattare@r.se', 'ledamot@r.se']);
    expect(rows[0]!.params).toMatchObject({ agenda: ['Budget 2027'], link: `https://samordna.r.se/f/${fid}/moten/7`, federationName: 'Förbund R' });
    await db.query('delete from mail_outbox');
    await expect(enqueueMeetingNotice(db, fid, { ...notice, recipients: ['ledamot@r.se', 'inte en adress'] }, actor)).rejects.toThrow('Ange en giltig e-postadress.');
    await expect(enqueueMeetingNotice(db, fid, { ...notice, agenda: ['Ärende för 811228-9874'] }, actor)).rejects.toThrow();
    expect(await queued('meeting_notice')).toEqual([]);
    const protocol = { meetingTitle: 'Styrelsemöte', meetingDate: '2026-09-10', path: `/f/${fid}/moten/7/protokoll`, recipients: ['justerare@r.se'] };
    expect(await enqueueJusteringRequest(db, fid, protocol, actor)).toBe(1);
    expect(await enqueueProtocolJusterat(db, fid, protocol, actor)).toBe(1);
    expect((await queued('justering_request'))[0]!.subject).toBe('Protokoll att justera: Styrelsemöte 2026-09-10');
    expect((await queued('protocol_justerat'))[0]!.subject).toBe('Protokollet är justerat: Styrelsemöte 2026-09-10');
  });
});
