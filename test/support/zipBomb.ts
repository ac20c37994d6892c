/**
 * Zip files for upload tests: a real zip (local headers, central directory) whose one part inflates to many
 * times its size, optionally declaring a small uncompressed size (a lying bomb).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

interface Part {
  readonly name: string;
  readonly deflated: Buffer;
  readonly crc: number;
  readonly size: number;
}

/** A part of `repeat` copies of `unit`, deflated in one go (for small parts). */
export function repeatedPart(name: string, unit: string, repeat: number): Part {
  const whole = Buffer.from(unit.repeat(repeat));
  return { name, deflated: deflateRawSync(whole, { level: constants.Z_BEST_COMPRESSION }), crc: crc32(whole), size: whole.length };
}

/**
 * A part that inflates to `megabytes` MB cheaply: one 1 MB chunk deflated on its own (ending on a sync flush,
 * so it refers to nothing before it) repeated, then an empty final block. Its CRC is not computed (0): the
 * bounds check stops at the size long before any CRC would be compared.
 */
export function bombPart(name: string, megabytes: number): Part {
  // One row whose one cell holds about a megabyte of "a": deflate packs it about 1 000 to 1.
  const chunk = Buffer.from(`<row><c t="inlineStr"><is><t>${'a'.repeat(1024 * 1024 - 60)}</t></is></c></row>`);
  const block = deflateRawSync(chunk, { level: constants.Z_BEST_COMPRESSION, finishFlush: constants.Z_SYNC_FLUSH });
  const deflated = Buffer.concat([...Array.from({ length: megabytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
  return { name, deflated, crc: 0, size: chunk.length * megabytes };
}

export function zipOf(parts: readonly Part[], opts: { declaredSize?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = opts.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, p.deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** An "XLSX" whose sheet unpacks to about `megabytes` MB of rows. */
export function xlsxBomb(megabytes: number, opts: { declaredSize?: number } = {}): Buffer {
  return zipOf(
    [
      repeatedPart('[Content_Types].xml', '<?xml version="1.0"?><Types/>', 1),
      bombPart('xl/worksheets/sheet1.xml', megabytes),
    ],
    opts,
  );
}
