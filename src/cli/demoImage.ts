/**
 * The demo database made once at build time, so that `npm start` on an empty data folder answers within seconds:
 * creating an embedded PostgreSQL, running every migration and loading the demo takes several seconds of CPU,
 * copying a finished data folder a fraction of one. The image lies beside the compiled code (dist/) and records
 * what it was made from: the build's source hash and the demo files. A missing or stale image is not used; the
 * start then creates the database as before.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoFile, openYearDemoFile, reportDemoFile, demoSteps } from './demo.ts';

/** Where the image lies and which build it must match: by default the build this module was compiled into. */
export interface ImagePlace {
  readonly dir: string;
  readonly sourceHash: string | null;
}

const builtDir = fileURLToPath(new URL('..', import.meta.url));
const thisBuild = (): ImagePlace => ({ dir: builtDir, sourceHash: buildSourceHash() });

interface ImageRecord {
  readonly sourceHash: string;
  readonly demoHash: string;
}

function demoHash(): string {
  const h = createHash('sha256');
  for (const f of [demoFile, reportDemoFile, openYearDemoFile]) h.update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

/** The build's source hash, or null when this code does not run from a build (development from src/). */
function buildSourceHash(): string | null {
  try {
    return (JSON.parse(readFileSync(join(builtDir, 'build.json'), 'utf8')) as { sourceHash?: string }).sourceHash ?? null;
  } catch {
    return null;
  }
}

/** Makes the image: a database in memory, migrated, with the demo loaded, dumped beside the build. */
export async function writeDemoImage(place: ImagePlace = thisBuild()): Promise<{ bytes: number }> {
  const { sourceHash } = place;
  if (!sourceHash) throw new Error('Demodatabasen görs bara i en byggd kopia (dist/).');
  const [{ openMigratedInMemory }, { loadDemoIfEmpty }] = await Promise.all([import('../db/open.ts'), import('../services/demo/index.ts')]);
  const db = await openMigratedInMemory();
  try {
    await loadDemoIfEmpty(db, demoSteps);
    const dump = await (db as unknown as { dumpDataDir(): Promise<Blob> }).dumpDataDir();
    const bytes = Buffer.from(await dump.arrayBuffer());
    const tmp = join(place.dir, `demo-database.tar.${process.pid}`);
    writeFileSync(tmp, bytes);
    renameSync(tmp, join(place.dir, 'demo-database.tar'));
    writeFileSync(join(place.dir, 'demo-database.json'), JSON.stringify({ sourceHash, demoHash: demoHash() } satisfies ImageRecord) + '\n');
    return { bytes: bytes.length };
  } finally {
    await db.close();
  }
}

/** The image, when there is one made from this very build and these demo files; else undefined. */
export function readDemoImage(place: ImagePlace = thisBuild()): Blob | undefined {
  try {
    const record = JSON.parse(readFileSync(join(place.dir, 'demo-database.json'), 'utf8')) as ImageRecord;
    if (!place.sourceHash || record.sourceHash !== place.sourceHash || record.demoHash !== demoHash()) return undefined;
    return new Blob([readFileSync(join(place.dir, 'demo-database.tar'))]);
  } catch {
    return undefined;
  }
}
