/**
 * The board's documents from the database: notice, protocol, protocol extract and decision letter, built by the
 * pure builders in src/core/meetings/documents.ts. Rendering is src/exports/documentFile.ts.
 */
import { buildDecisionLetter, buildExtract, buildNotice, buildProtocol, type ProtocolFacts } from '../../core/meetings/documents.ts';
import type { Doc } from '../../core/documents/model.ts';
import { ConflictError, NotFoundError } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';
import { listBoardMembers } from '../reports/board.ts';
import { getApplication } from './applications.ts';
import { getMeetingAgenda, getMinutes } from './minutes.ts';

async function federationName(db: Queryable, federationId: number): Promise<string> {
  const [f] = await db.query<{ name: string }>('select name from federation where id = $1', [federationId]);
  if (!f) throw new NotFoundError('Förbundet finns inte.');
  return f.name;
}

const seatLabels: Record<string, string> = { ledamot: 'ledamot', ersattare: 'ersättare' };

export async function noticeDocument(db: Queryable, federationId: number, meetingId: number): Promise<Doc> {
  const federation = await federationName(db, federationId);
  const m = await getMeetingAgenda(db, federationId, meetingId);
  const board = await listBoardMembers(db, federationId, { from: m.date, to: m.date });
  return buildNotice({
    federation, meetingDate: m.date, note: m.note,
    called: board.map((b) => ({ name: b.name, role: [seatLabels[b.seat] ?? b.seat, b.memberName].filter(Boolean).join(', ') })),
    items: m.items.map((i) => ({ number: i.number, title: i.title, applicationTitle: i.applicationTitle })),
  });
}

async function protocolFacts(db: Queryable, federationId: number, meetingId: number): Promise<ProtocolFacts> {
  const federation = await federationName(db, federationId);
  const m = await getMinutes(db, federationId, meetingId);
  if (!m) throw new NotFoundError('Mötet har inget protokoll.');
  return { federation, ...m };
}

export async function protocolDocument(db: Queryable, federationId: number, meetingId: number): Promise<Doc> {
  return buildProtocol(await protocolFacts(db, federationId, meetingId));
}

export async function protocolExtractDocument(db: Queryable, federationId: number, meetingId: number, paragraph: number): Promise<Doc> {
  const d = buildExtract(await protocolFacts(db, federationId, meetingId), paragraph);
  if (!d) throw new NotFoundError(`Protokollet har ingen § ${paragraph}.`);
  return d;
}

/** The letter to the applicant, once the decision is justerat. */
export async function decisionLetterDocument(db: Queryable, federationId: number, applicationId: number): Promise<Doc> {
  const federation = await federationName(db, federationId);
  const a = await getApplication(db, federationId, applicationId);
  if (!a.decision) throw new ConflictError('Ansökan är inte beslutad i ett justerat protokoll ännu.');
  return buildDecisionLetter({
    federation, applicationTitle: a.title, ownerName: a.ownerName, contactPerson: a.contactPerson, meetingDate: a.decision.meetingDate,
    paragraph: a.decision.paragraph, granted: a.status === 'beviljad', text: a.decision.text, amounts: a.decision.amounts, conditions: a.proposalConditions,
  });
}

export const meetingFileNames = {
  notice: (date: string) => `kallelse-styrelsemote-${date}`,
  protocol: (date: string) => `protokoll-styrelsemote-${date}`,
  extract: (date: string, paragraph: number) => `protokollsutdrag-${date}-paragraf-${paragraph}`,
  letter: (applicationId: number) => `beslut-ansokan-${applicationId}`,
};
