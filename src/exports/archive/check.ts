/**
 * Checks an archival package: METS.xml and premis.xml valid against the schemas shipped with Samordna (METS
 * 1.12.1 with the E-ARK CSIP extension, PREMIS 2.3, XLink — not the copies inside the package, which could be
 * altered with it); every file listed with its SHA-256 and size, every checksum right, no file unlisted; the
 * PDFs declaring PDF/A-2 and PDF/UA-1 in their XMP, with an output intent, every font embedded, no
 * transparency group, no soft mask and no encryption. Returns the problems in Swedish; none = valid.
 */
import { createHash } from 'node:crypto';
import { validateXML } from 'xmllint-wasm';
import { readSchema } from './package.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

async function schemaProblems(fileName: string, contents: string, main: string, preload: readonly string[]): Promise<string[]> {
  const r = await validateXML({
    xml: [{ fileName, contents }],
    schema: [{ fileName: main, contents: readSchema(main).toString('utf8') }],
    preload: preload.map((p) => ({ fileName: p, contents: readSchema(p).toString('utf8') })),
  });
  return r.valid ? [] : r.errors.map((e) => `${fileName}: ${e.rawMessage ?? e.message}`);
}

/** PDF/A-2 and PDF/UA declarations and what PDF/A forbids, read from the file's bytes. */
export function pdfProblems(path: string, bytes: Uint8Array): string[] {
  const s = latin1(bytes);
  const p: string[] = [];
  if (!/<pdfaid:part>2<\/pdfaid:part>/.test(s)) p.push(`${path}: XMP saknar pdfaid:part 2 (PDF/A-2).`);
  if (!/<pdfaid:conformance>[AB]<\/pdfaid:conformance>/.test(s)) p.push(`${path}: XMP saknar pdfaid:conformance.`);
  if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(s)) p.push(`${path}: XMP saknar pdfuaid:part 1 (PDF/UA).`);
  if (!/\/OutputIntents\s*\[/.test(s)) p.push(`${path}: saknar OutputIntent (färgprofil).`);
  if (!/\/MarkInfo\s+(\d+\s+0\s+R|<<)/.test(s) || !/\/Marked\s+true/.test(s) || !/\/StructTreeRoot\s+\d+\s+0\s+R/.test(s)) p.push(`${path}: är inte taggad (MarkInfo).`);
  const descriptors = (s.match(/\/Type\s*\/FontDescriptor/g) ?? []).length;
  const embedded = (s.match(/\/FontFile[23]?\s+\d+\s+0\s+R/g) ?? []).length;
  if (descriptors === 0 || embedded < descriptors) p.push(`${path}: alla typsnitt är inte inbäddade (${embedded} av ${descriptors}).`);
  if (/\/Subtype\s*\/Type1\b/.test(s) && !/\/FontFile\s/.test(s)) p.push(`${path}: använder ett standardtypsnitt som inte är inbäddat.`);
  if (/\/S\s*\/Transparency/.test(s)) p.push(`${path}: innehåller en transparensgrupp.`);
  if (/\/SMask\s+\d+\s+0\s+R/.test(s)) p.push(`${path}: innehåller en mjuk mask (SMask).`);
  if (/\/Encrypt\b/.test(s)) p.push(`${path}: är krypterad.`);
  return p;
}

export async function checkArchivePackage(files: ReadonlyMap<string, Uint8Array>): Promise<string[]> {
  const problems: string[] = [];
  const metsBytes = files.get('METS.xml');
  if (!metsBytes) return ['Paketet saknar METS.xml i roten.'];
  const mets = text(metsBytes);
  problems.push(...(await schemaProblems('METS.xml', mets, 'package.xsd', ['mets.xsd', 'xlink.xsd', 'DILCISExtensionMETS.xsd'])));
  if (!/PROFILE="https:\/\/earksip\.dilcis\.eu\/profile\/E-ARK-SIP\.xml"/.test(mets)) problems.push('METS.xml: PROFILE anger inte E-ARK SIP-profilen.');
  if (!/csip:OAISPACKAGETYPE="SIP"/.test(mets)) problems.push('METS.xml: metsHdr saknar csip:OAISPACKAGETYPE.');
  const listed = new Map<string, { checksum: string; size: number }>();
  const ref = /<mets:(?:file|mdRef)\b([^>]*?)\/?>(?:\s*<mets:FLocat[^>]*xlink:href="([^"]+)")?/g;
  for (const m of mets.matchAll(ref)) {
    const attrs = m[1]!;
    const href = m[2] ?? /xlink:href="([^"]+)"/.exec(attrs)?.[1];
    const checksum = /CHECKSUM="([0-9a-f]{64})"/.exec(attrs)?.[1];
    const size = /SIZE="(\d+)"/.exec(attrs)?.[1];
    if (!href) continue;
    const path = href.replace(/&amp;/g, '&');
    if (!checksum || !/CHECKSUMTYPE="SHA-256"/.test(attrs)) problems.push(`METS.xml: ${path} saknar SHA-256.`);
    listed.set(path, { checksum: checksum ?? '', size: Number(size ?? -1) });
  }
  for (const [path, l] of listed) {
    const bytes = files.get(path);
    if (!bytes) problems.push(`${path}: finns i METS.xml men inte i paketet.`);
    else if (sha256(bytes) !== l.checksum) problems.push(`${path}: kontrollsumman stämmer inte (SHA-256).`);
    else if (bytes.length !== l.size) problems.push(`${path}: storleken stämmer inte.`);
  }
  for (const path of files.keys()) if (path !== 'METS.xml' && !listed.has(path)) problems.push(`${path}: finns i paketet men inte i METS.xml.`);
  const premisPath = 'metadata/preservation/premis.xml';
  const premis = files.get(premisPath);
  if (!premis) problems.push('Paketet saknar metadata/preservation/premis.xml.');
  else {
    const p = text(premis);
    problems.push(...(await schemaProblems('premis.xml', p, 'premis-v2-3.xsd', ['xlink.xsd'])));
    for (const [path, bytes] of files) {
      if (path === 'METS.xml' || path === premisPath) continue;
      const esc = path.replace(/&/g, '&amp;');
      const m = new RegExp(`<premis:objectIdentifierValue>${esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</premis:objectIdentifierValue>[\\s\\S]*?<premis:messageDigest>([0-9a-f]{64})</premis:messageDigest>`).exec(p);
      if (!m) problems.push(`premis.xml: ${path} saknar fixitet.`);
      else if (m[1] !== sha256(bytes)) problems.push(`premis.xml: kontrollsumman för ${path} stämmer inte.`);
    }
  }
  for (const [path, bytes] of files) if (path.endsWith('.pdf')) problems.push(...pdfProblems(path, bytes));
  return problems;
}
