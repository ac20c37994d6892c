/**
 * Reports: the annual report's texts and status (/f/:id/arsredovisning), the board register with meetings and
 * decision items (/f/:id/styrelse), and the three documents as downloads (/f/:id/rapporter/…). Kansli edits
 * (reports:write); kansli, styrelse and revisor download (reports:read). The pages are drawn by the views in
 * views/reports/; this module holds their loaders and handlers.
 */
import { Hono, type Context } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef, type RequestContext } from '../context.ts';
import { redirectWithFlash, type FlashKey } from '../kit/flash.tsx';
import { confirmRemoval, redirectRemoved } from '../kit/removal.tsx';
import { pathId, pathYear, queryMonth, queryYear } from '../kit/params.ts';
import { formTextFields } from '../kit/requestBody.ts';
import { problemsToFieldErrors } from '../kit/refusedForm.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { parseIsoDate, parseYear, valueOrThrow } from '../../core/input/index.ts';
import { chapterDef, chapterGuidance } from '../../core/reports/chapters.ts';
import { documentContentTypes, parseDocumentFormat, renderDocument } from '../../exports/documentFile.ts';
import { listMembers } from '../../services/members/members.ts';
import {
  addAuditor,
  addBoardMember,
  addDecisionItem,
  addMeeting,
  listAuditors,
  listBoardMembers,
  listDecisionItems,
  listMeetings,
  removeAuditor,
  removeBoardMember,
  removeDecisionItem,
  removeMeeting,
  updateBoardMember,
  updateDecisionItem,
} from '../../services/reports/board.ts';
import { annualReportDocument, annualReportGaps, boardPackDocument, interimReportDocument, reportFileNames } from '../../services/reports/documents.ts';
import {
  adoptAnnualReport,
  copyPreviousYearTexts,
  disabledChapters,
  getAnnualReportState,
  listTextVersions,
  reopenAnnualReport,
  saveChapterText,
  setChapterEnabled,
  setReportReady,
} from '../../services/reports/texts.ts';
import { AnnualReportPage, type AnnualReportModel, type RefusedReportForm } from './annualReportPage.tsx';
import { ChapterTextPage, type ChapterTextModel } from './chapterTextPage.tsx';
import { BoardMemberEditPage, BoardPage, type BoardMemberEditModel, type BoardModel } from './boardPages.tsx';
import { DecisionItemEditPage, MeetingPage, type DecisionItemEditModel, type MeetingModel } from './meetingPages.tsx';
import { currentYear } from '../../core/calendar.ts';

type Ctx = Context<AppEnv>;

/** The annual report of a year: status, texts, chapters switched off, the meetings for the board pack download. */
export async function loadAnnualReport(db: Database, federation: FederationRef, ctx: RequestContext, year: number, refused?: RefusedReportForm): Promise<AnnualReportModel> {
  const state = await getAnnualReportState(db, federation.id, year);
  const off = await disabledChapters(db, federation.id);
  const meetings = await listMeetings(db, federation.id);
  return {
    federation,
    year,
    state,
    disabledChapters: off,
    meetingDates: meetings.map((m) => m.date),
    canRead: ctx.can('reports:read'),
    canWrite: ctx.can('reports:write'),
    refused,
    checklist: ctx.can('reports:write') && state.status !== 'adopted' ? await annualReportGaps(db, federation.id, year) : [],
  };
}

/** One chapter's text and versions; 404 for a chapter that does not exist or has no text. */
export async function loadChapterText(db: Database, federation: FederationRef, ctx: RequestContext, year: number, chapter: string, refused?: ChapterTextModel['refused']): Promise<ChapterTextModel> {
  const def = chapterDef(chapter);
  if (!def || !def.narrative) throw new NotFoundError('Avsnittet finns inte.');
  const state = await getAnnualReportState(db, federation.id, year);
  const versions = await listTextVersions(db, federation.id, year, chapter);
  const lastYear = (await getAnnualReportState(db, federation.id, year - 1)).texts.find((t) => t.chapter === chapter);
  return {
    federation,
    year,
    chapter: def,
    guidance: chapterGuidance[chapter] ?? '',
    lastYearText: lastYear?.body ?? null,
    status: state.status,
    current: state.texts.find((t) => t.chapter === chapter),
    versions,
    canWrite: ctx.can('reports:write') && state.status !== 'adopted',
    refused,
  };
}

/** The board register: ledamöter, auditors, meetings, and the members that appoint ledamöter. */
export async function loadBoard(db: Database, federation: FederationRef, ctx: RequestContext, refused?: BoardModel['refused']): Promise<BoardModel> {
  return {
    federation,
    canWrite: ctx.can('reports:write'),
    members: await listMembers(db, federation.id),
    board: await listBoardMembers(db, federation.id),
    auditors: await listAuditors(db, federation.id),
    meetings: await listMeetings(db, federation.id),
    refused,
  };
}

/** One ledamot to correct; 404 when not in this förbund. */
export async function loadBoardMemberEdit(db: Database, federation: FederationRef, id: number): Promise<BoardMemberEditModel> {
  const boardMember = (await listBoardMembers(db, federation.id)).find((x) => x.id === id);
  if (!boardMember) throw new NotFoundError('Ledamoten finns inte.');
  return { federation, boardMember, members: await listMembers(db, federation.id) };
}

/** A meeting with its decision items; 404 when not in this förbund. */
export async function loadMeeting(db: Database, federation: FederationRef, ctx: RequestContext, meetingId: number, refused?: MeetingModel['refused']): Promise<MeetingModel> {
  const meeting = (await listMeetings(db, federation.id)).find((m) => m.id === meetingId);
  if (!meeting) throw new NotFoundError('Mötet finns inte.');
  const items = await listDecisionItems(db, federation.id, meetingId);
  return { federation, meeting, items, canRead: ctx.can('reports:read'), canWrite: ctx.can('reports:write'), refused };
}

/** One decision item of a meeting to correct; 404 when not in that meeting. */
export async function loadDecisionItemEdit(db: Database, federation: FederationRef, meetingId: number, itemId: number): Promise<DecisionItemEditModel> {
  const item = (await listDecisionItems(db, federation.id, meetingId)).find((x) => x.id === itemId);
  if (!item) throw new NotFoundError('Beslutsärendet finns inte.');
  return { federation, meetingId, item };
}

async function download(c: Ctx, name: string, build: () => Promise<Parameters<typeof renderDocument>[0]>) {
  const format = parseDocumentFormat(c.req.query('format') ?? 'pdf');
  const bytes = await renderDocument(await build(), format);
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': documentContentTypes[format],
    'content-disposition': `attachment; filename="${name}.${format}"`,
  });
}

export const reportRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  // ---- Downloads ----
  app.get('/f/:federationId/rapporter/arsredovisning', async (c) => {
    requirePermission(c, 'reports:read');
    const f = requireFederation(c);
    const year = queryYear(c, ['ar', 'year']);
    if (year === undefined) throw new InputError({ field: 'ar', message: 'Ange år.' });
    return download(c, reportFileNames.annual(year), () => annualReportDocument(db, f.id, year));
  });
  app.get('/f/:federationId/rapporter/delarsrapport', async (c) => {
    requirePermission(c, 'reports:read');
    const f = requireFederation(c);
    const year = queryYear(c, ['ar', 'year']);
    const month = queryMonth(c, ['manad', 'throughMonth']);
    if (year === undefined) throw new InputError({ field: 'ar', message: 'Ange år.' });
    if (month === undefined) throw new InputError({ field: 'manad', message: 'Ange månad (1–12).' });
    return download(c, reportFileNames.interim(year, month), () => interimReportDocument(db, f.id, year, month));
  });
  app.get('/f/:federationId/rapporter/handlingar', async (c) => {
    requirePermission(c, 'reports:read');
    const f = requireFederation(c);
    const date = valueOrThrow(parseIsoDate(c.req.query('datum') ?? ''), { field: 'datum' });
    return download(c, reportFileNames.boardPack(date), () => boardPackDocument(db, f.id, date));
  });

  // ---- The annual report: status, chapters, texts ----
  app.get('/f/:federationId/arsredovisning', async (c) => {
    requirePermission(c, 'reports:read');
    const f = requireFederation(c);
    const year = queryYear(c, ['ar', 'year']) ?? currentYear() - 1;
    return c.html(<AnnualReportPage model={await loadAnnualReport(db, f, c.get('ctx'), year)} />);
  });

  /** Runs a write; an InputError shows the annual report page again with the problems and what was posted (400). */
  const write = async (c: Ctx, year: number, fn: () => Promise<unknown>, notice: FlashKey) => {
    const f = requireFederation(c);
    try {
      await fn();
      return redirectWithFlash(c, `/f/${f.id}/arsredovisning?ar=${year}`, notice);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { fields, general } = problemsToFieldErrors(e.problems);
      return c.html(<AnnualReportPage model={await loadAnnualReport(db, f, c.get('ctx'), year, { errors: fields, general, values: await formTextFields(c) })} />, 400);
    }
  };

  app.post('/f/:federationId/arsredovisning/avsnitt', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const form = await formTextFields(c);
    const year = valueOrThrow(parseYear(form.ar ?? ''), { field: 'ar' });
    return write(c, year, () => setChapterEnabled(db, requireFederation(c).id, form.chapter ?? '', form.enabled === 'ja', ctx.actor), 'chapters');
  });
  app.post('/f/:federationId/arsredovisning/:year/kopiera', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const year = pathYear(c);
    return write(c, year, () => copyPreviousYearTexts(db, requireFederation(c).id, year, ctx.actor), 'copied');
  });
  app.post('/f/:federationId/arsredovisning/:year/status', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const year = pathYear(c);
    const form = await formTextFields(c);
    return write(c, year, () => setReportReady(db, requireFederation(c).id, year, form.ready === 'ja', ctx.actor), 'status');
  });
  app.post('/f/:federationId/arsredovisning/:year/faststall', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const year = pathYear(c);
    const form = await formTextFields(c);
    return write(c, year, () => adoptAnnualReport(db, requireFederation(c).id, year, form, ctx.actor), 'report-adopted');
  });
  app.post('/f/:federationId/arsredovisning/:year/oppna', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const year = pathYear(c);
    const form = await formTextFields(c);
    return write(c, year, () => reopenAnnualReport(db, requireFederation(c).id, year, form, ctx.actor), 'report-reopened');
  });

  // ---- One chapter's text ----
  app.get('/f/:federationId/arsredovisning/:year/text/:chapter', async (c) => {
    requirePermission(c, 'reports:read');
    return c.html(<ChapterTextPage model={await loadChapterText(db, requireFederation(c), c.get('ctx'), pathYear(c), c.req.param('chapter'))} />);
  });
  app.post('/f/:federationId/arsredovisning/:year/text/:chapter', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    const year = pathYear(c);
    const chapter = c.req.param('chapter');
    const form = await formTextFields(c);
    try {
      await saveChapterText(db, f.id, year, chapter, form.body ?? '', ctx.actor);
      return redirectWithFlash(c, `/f/${f.id}/arsredovisning?ar=${year}`, 'text');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // The text's problems name their lines; the first sits beside the field, the rest above the form.
      const messages = e.problems.map((p) => (p.line ? `Rad ${p.line}: ${p.message}` : p.message));
      const refused = { error: messages[0], general: messages.slice(1), value: form.body ?? '' };
      return c.html(<ChapterTextPage model={await loadChapterText(db, f, ctx, year, chapter, refused)} />, 400);
    }
  });

  // ---- Board register ----
  app.get('/f/:federationId/styrelse', async (c) => {
    requirePermission(c, 'reports:read');
    return c.html(<BoardPage model={await loadBoard(db, requireFederation(c), c.get('ctx'))} />);
  });
  // Adding a ledamot, an auditor or a meeting: a refusal draws the board page again with what was typed and
  // each message beside its field in the form that was posted (the common mechanism, app.tsx renderFormAgain).
  const boardAdd = (path: string, add: (federationId: number, form: Record<string, string>, actor: RequestContext['actor']) => Promise<unknown>) =>
    app.post(`/f/:federationId/styrelse/${path}`, async (c) => {
      const ctx = requirePermission(c, 'reports:write');
      const f = requireFederation(c);
      await add(f.id, await formTextFields(c), ctx.actor);
      return redirectWithFlash(c, `/f/${f.id}/styrelse`, 'board');
    });
  boardAdd('ledamot', (fid, form, actor) => addBoardMember(db, fid, form, actor));
  boardAdd('revisor', (fid, form, actor) => addAuditor(db, fid, form, actor));
  boardAdd('mote', (fid, form, actor) => addMeeting(db, fid, form, actor));
  // Removing a row, once its box is ticked (kit/removal.tsx; unticked, the board page comes back with the message
  // beside the box): a malformed id in the address shows the board page again with the problem (400).
  const boardRemove = (path: string, what: string, remove: (federationId: number, id: number, actor: RequestContext['actor']) => Promise<string>) =>
    app.post(`/f/:federationId/styrelse/${path}/:id/ta-bort`, async (c) => {
      const ctx = requirePermission(c, 'reports:write');
      const f = requireFederation(c);
      confirmRemoval(await formTextFields(c), what);
      try {
        const name = await remove(f.id, pathId(c, 'id'), ctx.actor);
        return redirectRemoved(c, `/f/${f.id}/styrelse`, `${what} ${name}`);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const { fields, general } = problemsToFieldErrors(e.problems);
        return c.html(<BoardPage model={await loadBoard(db, f, ctx, { errors: fields, general })} />, 400);
      }
    });
  boardRemove('ledamot', 'ledamoten', (fid, id, actor) => removeBoardMember(db, fid, id, actor));
  boardRemove('revisor', 'revisorn', (fid, id, actor) => removeAuditor(db, fid, id, actor));
  boardRemove('mote', 'mötet', (fid, id, actor) => removeMeeting(db, fid, id, actor));
  // Correct a ledamot: a refusal draws this page again with what was typed (app.tsx renderFormAgain).
  app.get('/f/:federationId/styrelse/ledamot/:id', async (c) => {
    requirePermission(c, 'reports:write');
    return c.html(<BoardMemberEditPage model={await loadBoardMemberEdit(db, requireFederation(c), pathId(c, 'id'))} />);
  });
  app.post('/f/:federationId/styrelse/ledamot/:id', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    await updateBoardMember(db, f.id, pathId(c, 'id'), await formTextFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/styrelse`, 'board');
  });

  // ---- A meeting: its decision items and board pack ----
  app.get('/f/:federationId/styrelse/mote/:id', async (c) => {
    requirePermission(c, 'reports:read');
    return c.html(<MeetingPage model={await loadMeeting(db, requireFederation(c), c.get('ctx'), pathId(c, 'id'))} />);
  });
  /** Runs a write on a meeting's items; an InputError shows the meeting page again with the problems (400). */
  const itemWrite = async (c: Ctx, fn: (form: Record<string, string>) => Promise<unknown>) => {
    const ctx = requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    const meetingId = pathId(c, 'id');
    const form = await formTextFields(c);
    try {
      await fn(form);
      return redirectWithFlash(c, `/f/${f.id}/styrelse/mote/${meetingId}`, 'item');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const { fields, general } = problemsToFieldErrors(e.problems);
      return c.html(<MeetingPage model={await loadMeeting(db, f, ctx, meetingId, { errors: fields, general, values: form })} />, 400);
    }
  };
  app.post('/f/:federationId/styrelse/mote/:id/arende', (c) => itemWrite(c, (form) => addDecisionItem(db, requireFederation(c).id, pathId(c, 'id'), form, c.get('ctx').actor)));
  // Correct a decision item.
  app.get('/f/:federationId/styrelse/mote/:id/arende/:itemId', async (c) => {
    requirePermission(c, 'reports:write');
    return c.html(<DecisionItemEditPage model={await loadDecisionItemEdit(db, requireFederation(c), pathId(c, 'id'), pathId(c, 'itemId'))} />);
  });
  app.post('/f/:federationId/styrelse/mote/:id/arende/:itemId', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    const meetingId = pathId(c, 'id');
    await updateDecisionItem(db, f.id, meetingId, pathId(c, 'itemId'), await formTextFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/styrelse/mote/${meetingId}`, 'item');
  });
  app.post('/f/:federationId/styrelse/mote/:id/arende/:itemId/ta-bort', async (c) => {
    const ctx = requirePermission(c, 'reports:write');
    const f = requireFederation(c);
    const meetingId = pathId(c, 'id');
    confirmRemoval(await formTextFields(c), 'ärendet');
    const title = await removeDecisionItem(db, f.id, pathId(c, 'itemId'), ctx.actor);
    return redirectRemoved(c, `/f/${f.id}/styrelse/mote/${meetingId}`, `ärendet ${title}`);
  });
  return app;
};
