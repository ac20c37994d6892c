import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { popplerAvailable } from '../../../test/support/documents.ts';
import { demoSteps } from '../../cli/demo.ts';
import { loadDemo } from '../../services/demo/index.ts';
import { archiveContents } from '../../services/archive/contents.ts';
import { registerEntry } from '../../services/records/registry.ts';
import { freezeAllClosedYears } from '../../services/interventions/publishedStatistics.ts';
import { buildArchivePackage, type ArchivePackage } from './package.ts';
import { checkArchivePackage } from './check.ts';
import { readPackage, writePackage } from './files.ts';

describe('archival package of a closed year (demo, database)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let pkg: ArchivePackage;
  const dir = mkdtempSync(join(tmpdir(), 'samordna-arkiv-'));
  beforeAll(async () => {
    db = await createTestDb();
    await loadDemo(db, demoSteps);
    fid = (await db.query<{ id: number }>('select id from federation'))[0]!.id;
    await registerEntry(db, fid, { date: '2025-05-02', direction: 'in', party: 'Region Västmanland', subject: 'Läkarutlåtande om teamets arbetsmiljö', secrecy: { section: '21 kap. 1 § OSL' } }, { id: 'test' });
    await registerEntry(db, fid, { date: '2025-06-10', direction: 'out', party: 'Sala kommun', subject: 'Svar, "offert", ändring', secrecy: null }, { id: 'test' });
    await freezeAllClosedYears(db);
    pkg = await buildArchivePackage(await archiveContents(db, fid, 2025), { created: new Date('2026-02-01T10:00:00Z'), id: 'uuid-test-2025' });
  }, 300_000);
  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an open year with the reason', async () => {
    await expect(archiveContents(db, fid, 2026)).rejects.toThrow(/Året 2026 är inte stängt/);
  });

  it('is valid against the METS (CSIP extension), PREMIS and XLink schemas, with every checksum right — as a ZIP and as a folder', async () => {
    expect([...pkg.files.keys()].sort()).toEqual(
      expect.arrayContaining(['METS.xml', 'metadata/preservation/premis.xml', 'representations/rep1/data/huvudbok.csv', 'representations/rep1/data/diarium.schema.json', 'representations/rep2/data/arsredovisning.pdf', 'schemas/mets.xsd']),
    );
    await writePackage(pkg, join(dir, 'paket.zip'));
    await writePackage(pkg, join(dir, 'mapp'));
    expect(await checkArchivePackage(await readPackage(join(dir, 'paket.zip')))).toEqual([]);
    expect(await checkArchivePackage(await readPackage(join(dir, 'mapp')))).toEqual([]);
  }, 120_000);

  it('the data are CSV with their schema; the registry keeps its secrecy marking; the statistics are the published cells', () => {
    const csv = new TextDecoder().decode(pkg.files.get('representations/rep1/data/diarium.csv'));
    expect(csv.split('\r\n')[0]).toBe('diarienummer,datum,riktning,part,mening,handlaggare,arende,handlingsslag,sekretess');
    expect(csv).toContain('2025/1,2025-05-02,in,Region Västmanland,Läkarutlåtande om teamets arbetsmiljö,,,,21 kap. 1 § OSL');
    expect(csv).toContain('2025/2,2025-06-10,out,Sala kommun,"Svar, ""offert"", ändring",,,,');
    const schema = JSON.parse(new TextDecoder().decode(pkg.files.get('representations/rep1/data/utfall.schema.json'))) as { fields: { name: string; type: string }[] };
    expect(schema.fields.map((f) => f.name)).toEqual(['manad', 'avsnitt', 'budgetpost', 'intakt_ore', 'kostnad_ore', 'kalla']);
    const outcome = new TextDecoder().decode(pkg.files.get('representations/rep1/data/utfall.csv')).trim().split('\r\n');
    expect(outcome.length).toBeGreaterThan(1);
    expect(outcome.slice(1).every((l) => /^\d{1,2},[a-z_]+,/.test(l))).toBe(true);
  });

  it('finds a changed file, a file too many, a missing PDF/UA declaration and an invalid METS', async () => {
    const tampered = new Map(pkg.files);
    const csv = tampered.get('representations/rep1/data/utfall.csv')!;
    tampered.set('representations/rep1/data/utfall.csv', new Uint8Array([...csv.slice(0, -3), 0x39, 0x0d, 0x0a]));
    tampered.set('representations/rep1/data/extra.csv', new TextEncoder().encode('a\r\n'));
    const pdf = Buffer.from(tampered.get('representations/rep2/data/arsredovisning.pdf')!).toString('latin1').replace('<pdfuaid:part>1</pdfuaid:part>', '<pdfuaid:part>0</pdfuaid:part>');
    tampered.set('representations/rep2/data/arsredovisning.pdf', new Uint8Array(Buffer.from(pdf, 'latin1')));
    tampered.set('METS.xml', new TextEncoder().encode(new TextDecoder().decode(tampered.get('METS.xml')).replace('RECORDSTATUS="NEW"', 'RECORDSTATUS="NEW" BOGUS="1"').replace('csip:CONTENTINFORMATIONTYPE="MIXED"', 'csip:CONTENTINFORMATIONTYPE="NONSENSE"')));
    const problems = (await checkArchivePackage(tampered)).join('\n');
    expect(problems).toContain('representations/rep1/data/utfall.csv: kontrollsumman stämmer inte');
    expect(problems).toContain('representations/rep1/data/extra.csv: finns i paketet men inte i METS.xml');
    expect(problems).toContain('XMP saknar pdfuaid:part 1');
    expect(problems).toMatch(/METS\.xml: .*BOGUS/);
    expect(problems).toMatch(/METS\.xml: .*CONTENTINFORMATIONTYPE/);
  }, 120_000);

  it.skipIf(!popplerAvailable)('the annual report is PDF/A-2a and PDF/UA-1: fonts embedded (pdffonts), XMP declares both', () => {
    const file = join(dir, 'arsredovisning.pdf');
    writeFileSync(file, pkg.files.get('representations/rep2/data/arsredovisning.pdf')!);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // emb, sub
    const meta = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });
});
