/** An archival package on disk: a folder, or a ZIP file when the path ends in .zip. */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { ArchivePackage } from './package.ts';

export async function writePackage(pkg: ArchivePackage, output: string): Promise<void> {
  if (output.toLowerCase().endsWith('.zip')) {
    const entries: Record<string, Uint8Array> = {};
    for (const [path, bytes] of pkg.files) entries[`${pkg.id}/${path}`] = bytes;
    await mkdir(dirname(output), { recursive: true });
    await writeFile(output, zipSync(entries, { level: 6 }));
    return;
  }
  const root = join(output, pkg.id);
  for (const [path, bytes] of pkg.files) {
    const file = join(root, ...path.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
}

/**
 * A package's files by their path below the package root (the folder holding METS.xml): from a ZIP, a package
 * folder, or a folder holding one package folder.
 */
export async function readPackage(path: string): Promise<Map<string, Uint8Array>> {
  const all = new Map<string, Uint8Array>();
  if ((await stat(path)).isFile()) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(new Uint8Array(await readFile(path)));
    } catch {
      throw new Error(`${path} är ingen läsbar ZIP-fil.`);
    }
    for (const [name, bytes] of Object.entries(entries)) if (!name.endsWith('/')) all.set(name, bytes);
  } else {
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        const full = join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else all.set(relative(path, full).split(sep).join('/'), new Uint8Array(await readFile(full)));
      }
    };
    await walk(path);
  }
  const metsPath = [...all.keys()].filter((k) => k === 'METS.xml' || k.endsWith('/METS.xml')).sort((a, b) => a.length - b.length)[0];
  const prefix = metsPath ? metsPath.slice(0, -'METS.xml'.length) : '';
  return new Map([...all].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}
