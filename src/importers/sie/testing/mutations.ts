import fc from 'fast-check';

/** Random damage to a file: truncation, byte changes, deleted / duplicated / swapped lines, inserted junk. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'bytes'; edits: { at: number; byte: number }[] }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'insert'; line: number; text: string };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  position.map((at) => ({ kind: 'truncate' as const, at })),
  fc.array(fc.record({ at: position, byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }).map((edits) => ({ kind: 'bytes' as const, edits })),
  position.map((line) => ({ kind: 'deleteLine' as const, line })),
  position.map((line) => ({ kind: 'duplicateLine' as const, line })),
  fc.tuple(position, position).map(([a, b]) => ({ kind: 'swapLines' as const, a, b })),
  fc.tuple(position, fc.constantFrom('{', '}', '#VER A 1 20250101', '#TRANS 1930 {} 1.00', '#RAR 0 20250101 20251231', '#KSUMMA', '"', '#UB 0 1930 -1', '#IB', '\u0000\u00ff')).map(([line, text]) => ({ kind: 'insert' as const, line, text })),
);

export function applyMutation(file: Buffer, m: Mutation): Buffer {
  if (m.kind === 'truncate') return file.subarray(0, Math.floor(file.length * m.at));
  if (m.kind === 'bytes') {
    const out = Buffer.from(file);
    for (const e of m.edits) out[Math.floor(out.length * e.at)] = e.byte;
    return out;
  }
  const lines = file.toString('latin1').split('\n');
  const i = (p: number) => Math.floor(lines.length * p);
  if (m.kind === 'deleteLine') lines.splice(i(m.line), 1);
  else if (m.kind === 'duplicateLine') lines.splice(i(m.line), 0, lines[i(m.line)]!);
  else if (m.kind === 'swapLines') [lines[i(m.a)], lines[i(m.b)]] = [lines[i(m.b)]!, lines[i(m.a)]!];
  else lines.splice(i(m.line), 0, m.text);
  return Buffer.from(lines.join('\n'), 'latin1');
}
