/**
 * The archival package of a förbund-year (E-ARK CSIP/SIP, the basis of FGS Paketstruktur 2.0): a root METS.xml
 * (with the CSIP extension attributes) listing every file with its SHA-256, size and MIME type; PREMIS with each
 * file's fixity and the package's events; the data as CSV (RFC 4180, UTF-8) each with a JSON table schema; the
 * documents as PDF/A-2a; the XML schemas under schemas/. Files are returned as path → bytes, the writer puts
 * them in a folder or a ZIP. See docs/records-and-archive.md.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ArchiveContents, ArchiveTable } from '../../core/archive/contents.ts';
import { renderPdf } from '../pdf/render.ts';

export const schemaFiles = ['mets.xsd', 'xlink.xsd', 'premis-v2-3.xsd', 'DILCISExtensionMETS.xsd', 'package.xsd'] as const;
const schemaDir = new URL('../../../schemas/archive/', import.meta.url);
export const readSchema = (name: string) => readFileSync(new URL(name, schemaDir));

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableCsv(t: ArchiveTable): string {
  return [t.fields.map((f) => f.name), ...t.rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function tableSchema(t: ArchiveTable): string {
  return JSON.stringify({ name: t.name, title: t.title, description: t.description, format: 'csv', encoding: 'utf-8', dialect: { delimiter: ',', header: true }, fields: t.fields }, null, 2) + '\n';
}

interface PackedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly mime: string;
  readonly group: 'data' | 'documents' | 'schemas';
}

export interface ArchivePackage {
  readonly id: string;
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/** Builds the package. `created` fixes the creation time (tests); `id` the package's identifier. */
export async function buildArchivePackage(c: ArchiveContents, opts: { created?: Date; id?: string } = {}): Promise<ArchivePackage> {
  const created = (opts.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const id = opts.id ?? `uuid-${randomUUID()}`;
  const enc = new TextEncoder();
  const packed: PackedFile[] = [];
  for (const t of c.tables) {
    packed.push({ path: `representations/rep1/data/${t.name}.csv`, bytes: enc.encode(tableCsv(t)), mime: 'text/csv', group: 'data' });
    packed.push({ path: `representations/rep1/data/${t.name}.schema.json`, bytes: enc.encode(tableSchema(t)), mime: 'application/json', group: 'data' });
  }
  for (const d of c.documents) {
    packed.push({ path: `representations/rep2/data/${d.name}.pdf`, bytes: new Uint8Array(await renderPdf({ ...d.doc, created: opts.created ?? d.doc.created }, { archival: true })), mime: 'application/pdf', group: 'documents' });
  }
  for (const s of schemaFiles) packed.push({ path: `schemas/${s}`, bytes: new Uint8Array(readSchema(s)), mime: 'application/xml', group: 'schemas' });

  const premis = enc.encode(premisXml(c, packed, created));
  const premisPath = 'metadata/preservation/premis.xml';
  const mets = enc.encode(metsXml(c, id, created, packed, { path: premisPath, bytes: premis }));
  const files = new Map<string, Uint8Array>([['METS.xml', mets], [premisPath, premis], ...packed.map((f) => [f.path, f.bytes] as [string, Uint8Array])]);
  return { id, files };
}

const fileId = (i: number) => `ID-FILE-${i + 1}`;

function metsXml(c: ArchiveContents, id: string, created: string, files: readonly PackedFile[], premis: { path: string; bytes: Uint8Array }): string {
  const fileEl = (f: PackedFile, i: number) =>
    `      <mets:file ID="${fileId(i)}" MIMETYPE="${f.mime}" SIZE="${f.bytes.length}" CREATED="${created}" CHECKSUM="${sha256(f.bytes)}" CHECKSUMTYPE="SHA-256">
        <mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="${xml(f.path)}"/>
      </mets:file>`;
  const group = (use: string, gid: string, g: PackedFile['group']) =>
    `    <mets:fileGrp ID="${gid}" USE="${use}">
${files.map((f, i) => (f.group === g ? fileEl(f, i) : null)).filter(Boolean).join('\n')}
    </mets:fileGrp>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:csip="https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
  xsi:schemaLocation="http://www.loc.gov/METS/ schemas/mets.xsd http://www.w3.org/1999/xlink schemas/xlink.xsd https://DILCIS.eu/XML/METS/CSIPExtensionMETS schemas/DILCISExtensionMETS.xsd"
  OBJID="${xml(id)}" LABEL="${xml(`${c.federation.name}: arkivpaket ${c.year}`)}" TYPE="OTHER" csip:OTHERTYPE="Samordningsförbundets räkenskapsår"
  csip:CONTENTINFORMATIONTYPE="MIXED" PROFILE="https://earksip.dilcis.eu/profile/E-ARK-SIP.xml">
  <mets:metsHdr CREATEDATE="${created}" RECORDSTATUS="NEW" csip:OAISPACKAGETYPE="SIP">
    <mets:agent ROLE="ARCHIVIST" TYPE="ORGANIZATION">
      <mets:name>${xml(c.federation.name)}</mets:name>${c.federation.organisationNumber ? `\n      <mets:note>${xml(c.federation.organisationNumber)}</mets:note>` : ''}
    </mets:agent>
    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
      <mets:name>Samordna</mets:name>
      <mets:note csip:NOTETYPE="SOFTWARE VERSION">1</mets:note>
    </mets:agent>
  </mets:metsHdr>
  <mets:amdSec ID="ID-AMD">
    <mets:digiprovMD ID="ID-PREMIS" CREATED="${created}">
      <mets:mdRef LOCTYPE="URL" xlink:type="simple" xlink:href="${premis.path}" MDTYPE="PREMIS" MIMETYPE="text/xml" SIZE="${premis.bytes.length}"
        CREATED="${created}" CHECKSUM="${sha256(premis.bytes)}" CHECKSUMTYPE="SHA-256"/>
    </mets:digiprovMD>
  </mets:amdSec>
  <mets:fileSec ID="ID-FILESEC">
${group('Representations/rep1', 'ID-GRP-DATA', 'data')}
${group('Representations/rep2', 'ID-GRP-DOCUMENTS', 'documents')}
${group('Schemas', 'ID-GRP-SCHEMAS', 'schemas')}
  </mets:fileSec>
  <mets:structMap ID="ID-STRUCTMAP" TYPE="PHYSICAL" LABEL="CSIP">
    <mets:div ID="ID-ROOT" LABEL="${xml(id)}">
      <mets:div ID="ID-DIV-METADATA" LABEL="Metadata" ADMID="ID-PREMIS"/>
      <mets:div ID="ID-DIV-SCHEMAS" LABEL="Schemas"><mets:fptr FILEID="ID-GRP-SCHEMAS"/></mets:div>
      <mets:div ID="ID-DIV-REP1" LABEL="Representations/rep1"><mets:fptr FILEID="ID-GRP-DATA"/></mets:div>
      <mets:div ID="ID-DIV-REP2" LABEL="Representations/rep2"><mets:fptr FILEID="ID-GRP-DOCUMENTS"/></mets:div>
    </mets:div>
  </mets:structMap>
</mets:mets>
`;
}

function premisXml(c: ArchiveContents, files: readonly PackedFile[], created: string): string {
  const format = (f: PackedFile) => (f.mime === 'application/pdf' ? 'PDF/A-2a' : f.mime === 'text/csv' ? 'CSV' : f.mime === 'application/json' ? 'JSON' : 'XML');
  const objects = files
    .map(
      (f) => `  <premis:object xsi:type="premis:file">
    <premis:objectIdentifier><premis:objectIdentifierType>local</premis:objectIdentifierType><premis:objectIdentifierValue>${xml(f.path)}</premis:objectIdentifierValue></premis:objectIdentifier>
    <premis:objectCharacteristics>
      <premis:compositionLevel>0</premis:compositionLevel>
      <premis:fixity><premis:messageDigestAlgorithm>SHA-256</premis:messageDigestAlgorithm><premis:messageDigest>${sha256(f.bytes)}</premis:messageDigest><premis:messageDigestOriginator>Samordna</premis:messageDigestOriginator></premis:fixity>
      <premis:size>${f.bytes.length}</premis:size>
      <premis:format><premis:formatDesignation><premis:formatName>${format(f)}</premis:formatName></premis:formatDesignation></premis:format>
    </premis:objectCharacteristics>
  </premis:object>`,
    )
    .join('\n');
  const event = (n: number, type: string, date: string, detail: string) => `  <premis:event>
    <premis:eventIdentifier><premis:eventIdentifierType>local</premis:eventIdentifierType><premis:eventIdentifierValue>event-${n}</premis:eventIdentifierValue></premis:eventIdentifier>
    <premis:eventType>${type}</premis:eventType>
    <premis:eventDateTime>${date}</premis:eventDateTime>
    <premis:eventDetail>${xml(detail)}</premis:eventDetail>
    <premis:eventOutcomeInformation><premis:eventOutcome>success</premis:eventOutcome></premis:eventOutcomeInformation>
    <premis:linkingAgentIdentifier><premis:linkingAgentIdentifierType>local</premis:linkingAgentIdentifierType><premis:linkingAgentIdentifierValue>samordna</premis:linkingAgentIdentifierValue></premis:linkingAgentIdentifier>
  </premis:event>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<premis:premis xmlns:premis="info:lc/xmlns/premis-v2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="info:lc/xmlns/premis-v2 ../../schemas/premis-v2-3.xsd" version="2.3">
${objects}
${event(1, 'closing', c.closedAt, `Räkenskapsåret ${c.year} stängdes (bokslut); siffrorna är slutliga.`)}
${event(2, 'creation', created, `Arkivpaketet skapades ur Samordna för ${c.federation.name}, år ${c.year}.`)}
${event(3, 'message digest calculation', created, 'SHA-256 beräknades för varje fil i paketet.')}
  <premis:agent>
    <premis:agentIdentifier><premis:agentIdentifierType>local</premis:agentIdentifierType><premis:agentIdentifierValue>samordna</premis:agentIdentifierValue></premis:agentIdentifier>
    <premis:agentName>Samordna</premis:agentName>
    <premis:agentType>software</premis:agentType>
  </premis:agent>
</premis:premis>
`;
}
