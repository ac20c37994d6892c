import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef, type RequestContext } from '../context.ts';
import { formFields } from '../kit/requestBody.ts';
import { pathId } from '../kit/params.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { today } from '../../core/calendar.ts';
import { yearAmountLines } from '../../core/applications/application.ts';
import { isReadyForAgenda } from '../../core/applications/application.ts';
import { normalEmail } from '../../core/meetings/minutes.ts';
import { documentContentTypes, parseDocumentFormat, renderDocument } from '../../exports/documentFile.ts';
import { listMeetings } from '../../services/reports/board.ts';
import { listApplications } from '../../services/decisions/applications.ts';
import { approveMinutes, getMeetingAgenda, getMinutes, giveMeetingNotice, saveMinutes } from '../../services/decisions/minutes.ts';
import { meetingFileNames, noticeDocument, protocolDocument } from '../../services/decisions/documents.ts';
import { MeetingListPage, MeetingProtocolPage, type MeetingListModel, type MeetingProtocolModel } from './meetingProtocolPages.tsx';

async function loadMeetingList(db: Database, federation: FederationRef, ctx: RequestContext): Promise<MeetingListModel> {
  return {
    federation, today: today(), canWrite: ctx.can('meetings:write', { federationId: federation.id }),
    meetings: await listMeetings(db, federation.id),
    ready: (await listApplications(db, federation.id)).filter((a) => isReadyForAgenda(a.status)),
  };
}

async function loadMeetingProtocol(db: Database, federation: FederationRef, ctx: RequestContext, meetingId: number): Promise<MeetingProtocolModel> {
  const meeting = await getMeetingAgenda(db, federation.id, meetingId);
  const protocol = await getMinutes(db, federation.id, meetingId);
  const me = normalEmail(ctx.user.id);
  return {
    federation, meeting, protocol, canWrite: ctx.can('meetings:write', { federationId: federation.id }),
    canApprove: !!protocol && !protocol.adjustedAt && protocol.required.includes(me) && !protocol.approvals.some((a) => a.approver === me),
  };
}

const lines = (v: unknown) => (typeof v === 'string' ? v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : []);

/** The notice form as the service reads it: chosen applications, then the other items one a line. */
function noticeFields(form: Record<string, unknown>): Record<string, unknown> {
  const apps = Array.isArray(form.applications) ? form.applications : [];
  return { date: form.date, note: form.note, items: [...apps.map((a) => ({ application: a })), ...lines(form.items).map((title) => ({ title }))] };
}

/** The protocol form as the service reads it: one paragraph per agenda item with a decision, in agenda order. */
function protocolFields(form: Record<string, unknown>): Record<string, unknown> {
  const numbers = Object.keys(form).map((k) => /^decision_(\d+)$/.exec(k)?.[1]).filter((n): n is string => !!n && String(form[`decision_${n}`]).trim() !== '').map(Number).sort((a, b) => a - b);
  return {
    present: lines(form.present), chair: form.chair, secretary: form.secretary,
    adjusters: [form.adjuster1, form.adjuster2].filter((a) => typeof a === 'string' && a.trim()),
    paragraphs: numbers.map((n) => ({ item: n, decision: form[`decision_${n}`], amounts: yearAmountLines(String(form[`amounts_${n}`] ?? '')) })),
  };
}

/** Board meetings: notices with agendas, protocols, justering by the named people, and the documents. */
export const meetingProtocolRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();

  app.get('/f/:federationId/moten', async (c) => {
    const ctx = requirePermission(c, 'applications:read');
    return c.html(<MeetingListPage model={await loadMeetingList(db, requireFederation(c), ctx)} />);
  });

  app.post('/f/:federationId/moten', async (c) => {
    const ctx = requirePermission(c, 'meetings:write');
    const f = requireFederation(c);
    const m = await giveMeetingNotice(db, f.id, noticeFields(await formFields(c)), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/moten/${m.id}`, 'notice');
  });

  app.get('/f/:federationId/moten/:mid', async (c) => {
    const ctx = requirePermission(c, 'applications:read');
    return c.html(<MeetingProtocolPage model={await loadMeetingProtocol(db, requireFederation(c), ctx, pathId(c, 'mid'))} />);
  });

  app.post('/f/:federationId/moten/:mid/protokoll', async (c) => {
    const ctx = requirePermission(c, 'meetings:write');
    const f = requireFederation(c);
    const mid = pathId(c, 'mid');
    await saveMinutes(db, f.id, mid, protocolFields(await formFields(c)), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/moten/${mid}`, 'minutes');
  });

  app.post('/f/:federationId/moten/:mid/justera', async (c) => {
    // Justerare are among those who read the förbund's decisions (the board, the kansli); being named is checked after.
    const ctx = requirePermission(c, 'applications:read');
    const f = requireFederation(c);
    const mid = pathId(c, 'mid');
    await approveMinutes(db, f.id, mid, ctx.user.id, ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/moten/${mid}`, 'approved');
  });

  const download = (path: string, name: (date: string) => string, build: typeof noticeDocument) =>
    app.get(`/f/:federationId/moten/:mid/${path}`, async (c) => {
      requirePermission(c, 'applications:read');
      const f = requireFederation(c);
      const mid = pathId(c, 'mid');
      const format = parseDocumentFormat(c.req.query('format') ?? 'pdf');
      const meeting = await getMeetingAgenda(db, f.id, mid);
      const bytes = await renderDocument(await build(db, f.id, mid), format);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': documentContentTypes[format],
        'content-disposition': `attachment; filename="${name(meeting.date)}.${format}"`,
      });
    });
  download('kallelse', meetingFileNames.notice, noticeDocument);
  download('protokoll', meetingFileNames.protocol, protocolDocument);
  return app;
};
