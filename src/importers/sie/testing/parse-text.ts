import { Readable } from 'node:stream';
import { parseSieAll } from '../read.ts';
import { SieValidator } from '../validate.ts';

/** Parses and validates SIE text or bytes (tests): records, all problems, and the per-account totals. */
export async function parseAndValidate(input: string | Buffer, file = 'test.se', chunkSize = 0) {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const chunks = chunkSize > 0 ? Array.from({ length: Math.ceil(buf.length / chunkSize) }, (_, i) => buf.subarray(i * chunkSize, (i + 1) * chunkSize)) : [buf];
  const { records, parser } = await parseSieAll(Readable.from(chunks), file);
  const validator = new SieValidator(file);
  for (const r of records) validator.add(r);
  const summary = validator.finish();
  return { records, summary, problems: [...parser.problems, ...validator.problems] };
}
