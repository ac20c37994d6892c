/**
 * The board's documents in the document model (rendered to DOCX and tagged PDF by src/exports): the notice with
 * its agenda (kallelse, föredragningslista), the protocol, an extract of one paragraph (protokollsutdrag) and the
 * decision letter to an applicant. Each in the förbund's name.
 */
import { bold, bullets, doc, heading, italic, numbered, para, signatures, table, cellKronor } from '../documents/build.ts';
import type { Block, Doc } from '../documents/model.ts';
import { formatKronor } from '../format.ts';
import { noticePeriod } from './publicNotice.ts';

export interface NoticeFacts {
  readonly federation: string;
  readonly meetingDate: string;
  readonly note: string;
  readonly called: readonly { name: string; role: string }[];
  readonly items: readonly { number: number; title: string; applicationTitle: string | null }[];
}

export interface ProtocolParagraphFacts {
  readonly number: number;
  readonly itemTitle: string | null;
  readonly text: string;
  readonly amounts: readonly { year: number; amountOre: number }[];
}

export interface ProtocolFacts {
  readonly federation: string;
  readonly meetingDate: string;
  readonly present: readonly string[];
  readonly chair: string;
  readonly secretary: string;
  readonly adjusters: readonly string[];
  readonly keptAt: string;
  readonly approvals: readonly { approver: string; approvedAt: string }[];
  readonly adjustedAt: string | null;
  readonly paragraphs: readonly ProtocolParagraphFacts[];
}

const meta = (federation: string, title: string, keywords: string[]) => ({ title: `${title} – ${federation}`, author: federation, subject: title, keywords, runningHeader: federation });

export function buildNotice(f: NoticeFacts): Doc {
  const title = `Kallelse till styrelsens sammanträde ${f.meetingDate}`;
  const blocks: Block[] = [
    heading(1, title),
    para(bold(f.federation)),
    para(`Förbundsstyrelsen kallas till sammanträde ${f.meetingDate}.`),
    ...(f.note ? [para(f.note)] : []),
    heading(2, 'Föredragningslista'),
    f.items.length ? numbered(f.items.map((i) => i.title)) : para(italic('Inga ärenden är anmälda ännu.')),
    ...(f.called.length ? [heading(2, 'Kallade'), bullets(f.called.map((c) => (c.role ? `${c.name}, ${c.role}` : c.name)))] : []),
    para('Ersättare tjänstgör i den ordning som bestämts när en ledamot har förhinder. Handlingarna finns hos förbundets kansli och i Samordna.'),
  ];
  return doc(meta(f.federation, title, ['kallelse', 'föredragningslista', f.meetingDate]), blocks);
}

function paragraphBlocks(p: ProtocolParagraphFacts): Block[] {
  return [
    heading(2, `§ ${p.number} ${p.itemTitle ?? ''}`.trim()),
    para(bold('Beslut: '), p.text),
    ...(p.amounts.length
      ? [table({
          caption: `Beviljade medel, § ${p.number}`,
          columns: [{ header: 'År' }, { header: 'Belopp (kr)', align: 'right' }],
          rows: p.amounts.map((a) => [String(a.year), cellKronor(a.amountOre)]),
        })]
      : []),
  ];
}

function adjustmentBlocks(f: ProtocolFacts): Block[] {
  if (!f.adjustedAt) return [para(italic('Protokollet är inte justerat.'))];
  const n = noticePeriod(f.adjustedAt.slice(0, 10));
  return [
    heading(2, 'Justering och anslag'),
    bullets([
      ...f.approvals.map((a) => `Justerat av ${a.approver} ${a.approvedAt.replace('T', ' ')}`),
      `Protokollet justerades ${f.adjustedAt.slice(0, 10)} och anslogs på förbundets anslagstavla ${n.firstDay} till och med ${n.lastDay}.`,
      `Protokollet förvaras: ${f.keptAt}`,
    ]),
  ];
}

export function buildProtocol(f: ProtocolFacts): Doc {
  const title = `Protokoll från styrelsens sammanträde ${f.meetingDate}`;
  const blocks: Block[] = [
    heading(1, title),
    para(bold(f.federation)),
    heading(2, 'Närvarande'),
    bullets(f.present),
    para(bold('Ordförande: '), f.chair),
    para(bold('Sekreterare: '), f.secretary),
    para(bold('Justerare: '), f.adjusters.join(' och ')),
    ...f.paragraphs.flatMap(paragraphBlocks),
    ...adjustmentBlocks(f),
    signatures([{ name: f.secretary, role: 'Sekreterare' }, { name: f.chair, role: 'Ordförande' }, ...f.adjusters.map((a) => ({ name: a, role: 'Justerare' }))]),
  ];
  return doc(meta(f.federation, title, ['protokoll', f.meetingDate]), blocks);
}

/** Protokollsutdrag: one paragraph, with the protocol's date, chair and justering, for whoever the decision concerns. */
export function buildExtract(f: ProtocolFacts, paragraphNumber: number): Doc | null {
  const p = f.paragraphs.find((x) => x.number === paragraphNumber);
  if (!p) return null;
  const title = `Protokollsutdrag, styrelsens sammanträde ${f.meetingDate}, § ${p.number}`;
  return doc(meta(f.federation, title, ['protokollsutdrag', f.meetingDate]), [
    heading(1, title),
    para(bold(f.federation)),
    ...paragraphBlocks(p),
    ...adjustmentBlocks(f),
    para(italic('Utdraget bestyrks.')),
    signatures([{ name: f.secretary, role: 'Sekreterare' }]),
  ]);
}

export interface DecisionLetterFacts {
  readonly federation: string;
  readonly applicationTitle: string;
  readonly ownerName: string | null;
  readonly contactPerson: string;
  readonly meetingDate: string;
  readonly paragraph: number;
  readonly granted: boolean;
  readonly text: string;
  readonly amounts: readonly { year: number; amountOre: number }[];
  readonly conditions: string;
}

/** The letter to the applicant: granted (amounts per year, conditions, what follows) or rejected with the reason. */
export function buildDecisionLetter(f: DecisionLetterFacts): Doc {
  const title = `Beslut om ansökan: ${f.applicationTitle}`;
  const blocks: Block[] = [
    heading(1, title),
    para(bold(f.federation)),
    para(`Till: ${[f.ownerName, f.contactPerson].filter(Boolean).join(', ') || 'sökande'}`),
    para(`Styrelsen har vid sitt sammanträde ${f.meetingDate} (§ ${f.paragraph}) ${f.granted ? 'beviljat' : 'avslagit'} ansökan.`),
    para(bold('Beslut: '), f.text),
    ...(f.granted && f.amounts.length
      ? [
          table({ caption: 'Beviljade medel per år', columns: [{ header: 'År' }, { header: 'Belopp (kr)', align: 'right' }], rows: f.amounts.map((a) => [String(a.year), cellKronor(a.amountOre)]) }),
          para(`Totalt ${formatKronor(f.amounts.reduce((s, a) => s + a.amountOre, 0))}.`),
        ]
      : []),
    ...(f.granted && f.conditions ? [para(bold('Villkor: '), f.conditions)] : []),
    ...(f.granted ? [para('Medlen rekvireras från förbundet. Insatsen följs upp och återrapporteras till styrelsen enligt ansökans plan för uppföljning.')] : []),
    para('Beslutet kan överklagas genom laglighetsprövning enligt kommunallagen 13 kap. inom tre veckor från den dag då protokollets justering tillkännagavs på förbundets anslagstavla.'),
  ];
  return doc(meta(f.federation, title, ['beslut', f.meetingDate]), blocks);
}
