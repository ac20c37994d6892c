/**
 * Checks an XLSX (a zip) before anything unpacks it for real: reads the central directory, refuses
 * encryption, unknown compression and Zip64, and inflates every part as a stream, counting the bytes it
 * gives and discarding them, so that what the parts really unpack to (not what they declare) stays under
 * the limit. Memory stays at a few chunks whatever the file claims.
 */
import { createInflateRaw } from 'node:zlib';
import { InputError } from '../../core/errors.ts';
import type { TabularLimits } from './limits.ts';

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function centralDirectory(buf: Buffer, file: string, limits: TabularLimits): Entry[] {
  const notXlsx = () => new InputError({ file, message: 'Filen är inte en giltig XLSX-fil (Excel-arbetsbok).' });
  // End of central directory: at least 22 bytes from the end, with a comment of at most 65 535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new InputError({ file, message: 'Filen är en Zip64-arkivfil; spara den på nytt som en vanlig Excel-arbetsbok (.xlsx).' });
  if (count > limits.maxZipEntries) throw new InputError({ file, message: `Arbetsboken har för många delar (${count}, högst ${limits.maxZipEntries}).` });
  if (offset + size > eocd) throw notXlsx();
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw notXlsx();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, method, flags, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Counts the bytes a raw deflate stream gives, stopping as soon as the budget is spent. */
function inflatedSize(data: Buffer, budget: number): Promise<number | 'over' | 'broken'> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    let done = false;
    const finish = (r: number | 'over' | 'broken') => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(r);
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > budget) finish('over');
    });
    inflate.on('end', () => finish(total));
    inflate.on('error', () => finish('broken'));
    inflate.end(data);
  });
}

export async function checkZipBounds(data: Uint8Array, file: string, limits: TabularLimits): Promise<void> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries = centralDirectory(buf, file, limits);
  let remaining = limits.maxUnpackedBytes;
  const tooLarge = () => new InputError({ file, message: `Arbetsboken packas upp till mer än ${mb(limits.maxUnpackedBytes)}. Dela upp den i mindre filer eller spara den som CSV.` });
  for (const e of entries) {
    if (e.flags & 0x1) throw new InputError({ file, message: 'Arbetsboken är krypterad (lösenordsskyddad); spara den utan lösenord.' });
    const p = e.localOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new InputError({ file, message: 'Filen är inte en giltig XLSX-fil (Excel-arbetsbok).' });
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const body = buf.subarray(start, start + e.compressedSize);
    let size: number | 'over' | 'broken';
    if (e.method === 0) size = body.length > remaining ? 'over' : body.length;
    else if (e.method === 8) size = await inflatedSize(body, remaining);
    else throw new InputError({ file, message: `Arbetsboken använder en komprimering som inte stöds (${e.method}).` });
    if (size === 'over') throw tooLarge();
    if (size === 'broken') throw new InputError({ file, message: `Filen är skadad (delen ${e.name.slice(0, 60)} går inte att packa upp).` });
    remaining -= size;
  }
}
