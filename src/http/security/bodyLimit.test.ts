import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bodyLimits } from './bodyLimit.ts';

describe('request size limits', () => {
  it('are what the README says (it once promised 200 MB uploads while the server allowed 50 MB)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const { bodyBytes, uploadBytes } = bodyLimits({});
    const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;
    expect(readme).toContain(`Begäranden större än ${mb(bodyBytes)} (\`SAMORDNA_MAX_BODY_KB\`) och uppladdningar större än ${mb(uploadBytes)}`);
    const uploadPromises = [...readme.matchAll(/filer upp till (\d+) MB/g)].map((m) => `${m[1]} MB`);
    expect(uploadPromises.length).toBeGreaterThan(0);
    for (const promised of uploadPromises) expect(promised).toBe(mb(uploadBytes));
  });

  it('read their environment variables', () => {
    expect(bodyLimits({ SAMORDNA_MAX_UPLOAD_MB: '5', SAMORDNA_MAX_BODY_KB: '64' })).toEqual({ bodyBytes: 64 * 1024, uploadBytes: 5 * 1024 * 1024 });
  });
});
