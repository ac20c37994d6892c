/**
 * The report views rendered from hand-made models, as a reader sees them (styrelse, revisor: no post forms):
 * Swedish labels, dates and terms as given, the lock stated, nothing to edit.
 */
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import type { AppEnv, RequestContext } from '../context.ts';
import { jsx } from 'hono/jsx';
import { AnnualReportPage, type AnnualReportModel } from './annualReportPage.tsx';
import { BoardPage, type BoardModel } from './boardPages.tsx';
import { ChapterTextPage } from './chapterTextPage.tsx';
import { MeetingPage } from './meetingPages.tsx';
import { chapterDef } from '../../core/reports/chapters.ts';

/** A page with forms, rendered inside a request with context storage (as in app.tsx), so forms get their CSRF field. */
async function htmlInRequest(component: unknown, model: unknown): Promise<string> {
  const app = new Hono<AppEnv>();
  app.use('*', contextStorage());
  app.get('/', (c) => {
    c.set('ctx', { csrfToken: 'token', can: () => false, principal: { local: false, national: false, admin: false, federations: new Map() }, assignedInterventions: [] } as unknown as RequestContext);
    return c.html(jsx(component as never, { model }) as never);
  });
  return (await app.request('/')).text();
}

/** Renders a page component to its HTML (a .ts file, so no JSX syntax here). */
const html = (component: unknown, model: unknown) => String(jsx(component as never, { model }));
const federation = { id: 7, name: 'Samordningsförbundet Test' };
const text = (out: string) => out.replace(/<[^>]+>/g, '');

describe('AnnualReportPage', () => {
  const model: AnnualReportModel = {
    federation,
    year: 2025,
    state: {
      year: 2025,
      status: 'adopted',
      adoptedDate: '2026-03-12',
      adoptedParagraph: '§ 12',
      texts: [{ chapter: 'chair', body: 'Ett bra år.', version: 2, changedBy: 'kansli@forbund.se', changedAt: '2026-02-01 10:15' }],
      events: [{ event: 'adopted', note: '', actor: 'kansli@forbund.se', at: '2026-03-12 14:00' }],
    },
    disabledChapters: new Set(['events']),
    checklist: [],
    meetingDates: ['2025-05-14', '2025-09-01'],
    canRead: true,
    canWrite: false,
  };

  it('states the adoption and the lock, lists the chapters with their texts, offers the three downloads', () => {
    const out = html(AnnualReportPage, model);
    expect(out).toContain('<h1>Årsredovisning 2025</h1>');
    expect(text(out)).toContain('Status: Fastställd av styrelsen (2026-03-12, § 12). Årsredovisningen är låst.');
    expect(out).toContain('<th scope="row">Ordförande har ordet</th>');
    expect(text(out)).toContain('Version 2, kansli@forbund.se, 2026-02-01 10:15');
    // A reader may view a written text, never write one.
    expect(out).toContain('href="/f/7/arsredovisning/2025/text/chair">Visa<span class="visually-hidden"> Ordförande har ordet</span>');
    expect(out).not.toContain('Skriv');
    // The switched-off chapter is not in the report.
    expect(text(out)).toMatch(/Händelser av väsentlig betydelse[^]*?Nej/);
    expect(out).toContain('action="/f/7/rapporter/arsredovisning"');
    expect(out).toContain('action="/f/7/rapporter/delarsrapport"');
    // The latest meeting is chosen for the board pack.
    expect(out).toContain('<option value="2025-09-01" selected="">2025-09-01</option>');
    expect(text(out)).toContain('2026-03-12 14:00 kansli@forbund.se: fastställd');
    expect(out).not.toContain('method="post"');
  });

  it('without meetings a board member is not told to add meetings, which only the kansli can do', () => {
    const out = html(AnnualReportPage, { ...model, meetingDates: [] });
    expect(out).not.toContain('rapporter/handlingar');
    expect(out).not.toContain('Lägg till styrelsens möten');
    expect(out).toContain('när kansliet har lagt in mötet');
  });
});

describe('AnnualReportPage before locking', () => {
  it('lists what is still to write, each chapter text linked to its editor, and the data still missing', async () => {
    const out = await htmlInRequest(AnnualReportPage, {
      federation,
      year: 2025,
      state: { year: 2025, status: 'draft', adoptedDate: null, adoptedParagraph: null, texts: [], events: [] },
      disabledChapters: new Set<string>(),
      meetingDates: [],
      canRead: true,
      canWrite: true,
      checklist: [
        { chapter: '1.2 Uppdrag', chapterKey: 'mission', what: 'Kapitlets text', kind: 'text' },
        { chapter: '4 Kassaflödesanalys', chapterKey: 'cash_flow', what: 'Kassaflödesanalysen (räknas fram ur huvudboken, SIE)', kind: 'data' },
      ],
    });
    expect(text(out)).toContain('Kvar att göra innan årsredovisningen låses');
    expect(out).toContain('href="/f/7/arsredovisning/2025/text/mission"');
    expect(text(out)).toContain('1.2 Uppdrag: kapitlets text saknas');
    expect(text(out)).toContain('4 Kassaflödesanalys: Kassaflödesanalysen (räknas fram ur huvudboken, SIE) är inte registrerat eller inläst');
  });
});

describe('ChapterTextPage', () => {
  it('guides the kansli and offers last year’s text as a start when this year’s is not written', async () => {
    const out = await htmlInRequest(ChapterTextPage, {
      federation,
      year: 2025,
      chapter: chapterDef('mission'),
      guidance: 'Förbundets ändamål och uppgift.',
      lastYearText: 'Förra årets text om uppdraget.',
      status: 'draft',
      current: undefined,
      versions: [],
      canWrite: true,
    });
    expect(text(out)).toContain('Vad avsnittet ska innehålla');
    expect(text(out)).toContain('Förbundets ändamål och uppgift.');
    expect(text(out)).toContain('Texten nedan är förra årets (2024), som start.');
    expect(out).toMatch(/<textarea[^>]*>Förra årets text om uppdraget\.<\/textarea>/);
  });

  it('shows a locked chapter’s text and its versions to a reader', () => {
    const v1 = { chapter: 'chair', body: 'Första.', version: 1, changedBy: 'a@f.se', changedAt: '2026-01-10 09:00' };
    const v2 = { ...v1, body: 'Andra **fet**.', version: 2, changedAt: '2026-01-11 09:00' };
    const out = html(ChapterTextPage, { federation, year: 2025, chapter: chapterDef('chair'), guidance: '', lastYearText: null, status: 'adopted', current: v2, versions: [v2, v1], canWrite: false });
    expect(out).toContain('Ordförande har ordet – årsredovisning 2025');
    expect(out).toContain('Årsredovisningen är fastställd och låst.');
    expect(out).toContain('<pre class="markup-source">Andra **fet**.</pre>');
    expect(text(out)).toContain('Version 1: a@f.se, 2026-01-10 09:00');
    expect(out).not.toContain('<textarea');
  });
});

describe('BoardPage', () => {
  const model: BoardModel = {
    federation,
    canWrite: false,
    members: [{ id: 1, name: 'Västerås stad' }],
    board: [
      { id: 1, name: 'Anna Andersson', memberId: 1, memberName: 'Västerås stad', seat: 'ledamot', position: 'ordforande', termStart: '2023-01-01', termEnd: '2026-12-31' },
      { id: 2, name: 'Bo Berg', memberId: null, memberName: null, seat: 'ersattare', position: '', termStart: '2023-01-01', termEnd: null },
    ],
    auditors: [{ id: 1, name: 'Revi Sor', title: 'Auktoriserad revisor', appointedBy: 'Region Västmanland', termStart: '2023-01-01', termEnd: '2026-12-31' }],
    meetings: [{ id: 3, date: '2025-05-14', note: 'Vårmöte' }],
  };

  it('lists the board, the auditors and the meetings for a reader, with nothing to change', () => {
    const out = html(BoardPage, model);
    expect(out).toContain('<th scope="row">Anna Andersson</th><td>Ordförande</td><td>Västerås stad</td><td>2023-01-01 – 2026-12-31</td>');
    expect(out).toContain('<th scope="row">Bo Berg</th><td>Ersättare</td><td>–</td><td>2023-01-01 – </td>');
    expect(text(out)).toContain('Revi Sor, Auktoriserad revisor (utsedd av Region Västmanland) 2023-01-01 – 2026-12-31');
    expect(out).toContain('<a href="/f/7/styrelse/mote/3">2025-05-14</a> – Vårmöte');
    expect(out).not.toContain('<form');
    expect(out).not.toContain('Ändra');
  });

  it('says so when nothing is registered', () => {
    const out = html(BoardPage, { ...model, board: [], auditors: [], meetings: [] });
    for (const s of ['Ingen ledamot är registrerad.', 'Ingen revisor är registrerad.', 'Inget möte är registrerat.']) expect(out).toContain(s);
  });
});

describe('MeetingPage', () => {
  it('lists the decision items with their proposals and offers the board pack', () => {
    const items = [{ id: 5, meetingId: 3, title: 'Budget 2026', body: 'Underlag.', proposal: 'Att anta budgeten.' }];
    const out = html(MeetingPage, { federation, meeting: { id: 3, date: '2025-05-14', note: '' }, items, canRead: true, canWrite: false });
    expect(out).toContain('<h1>Styrelsemöte 2025-05-14</h1>');
    expect(text(out)).toContain('Budget 2026 – förslag till beslut: Att anta budgeten.');
    expect(out).toContain('<input type="hidden" name="datum" value="2025-05-14"/>');
    expect(out).not.toContain('method="post"');
  });
});
