import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbedded } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import { findInvitation } from '../services/auth/accounts.ts';
import { startTestSmtp, textOf, type TestSmtp } from '../../test/support/smtp.ts';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'bin/samordna.js');

/** `npx samordna user invite` and `npx samordna mail send-pending`, with mail off and on (a real SMTP server on loopback). */
describe.skipIf(!!process.env.DATABASE_URL)('npx samordna user invite / mail send-pending', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samordna-mail-'));
  let smtp: TestSmtp;
  const base = { ...process.env, DATABASE_URL: '', SAMORDNA_DATA_DIR: dataDir, SAMORDNA_PUBLIC_URL: 'https://samordna.forbund.test', SAMORDNA_SMTP_URL: '', SAMORDNA_MAIL_FROM: '' };
  // Asynchronous, so that the SMTP server in this process can answer while the command runs.
  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...base, ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });

  beforeAll(async () => {
    smtp = await startTestSmtp();
    const db = await openEmbedded({ dataDir });
    await migrate(db);
    await db.query("insert into federation (name) values ('Samordningsförbundet Cli')");
    await db.close();
  });
  afterAll(() => smtp.stop());

  it('refuses an SMTP URL without a host at start, before anything else happens', () => {
    const env = { ...base, SAMORDNA_SMTP_URL: 'smtp://user:pass@', SAMORDNA_MAIL_FROM: 'noreply@forbund.test' };
    const start = spawnSync(process.execPath, [cli, 'start', '--port', '0'], { cwd: root, env, encoding: 'utf8', timeout: 90_000 });
    expect(start.status).toBe(1);
    expect(start.stderr).toContain('SAMORDNA_SMTP_URL saknar server');
    expect(start.stderr).not.toContain('pass');
    const send = spawnSync(process.execPath, [cli, 'mail', 'send-pending'], { cwd: root, env, encoding: 'utf8', timeout: 90_000 });
    expect(send.status).toBe(1);
    expect(send.stderr).toContain('SAMORDNA_SMTP_URL saknar server');
  });

  it('mail off: the invitation prints its link; send-pending sends nothing', async () => {
    const r = await run(['user', 'invite', '--email', 'Av@Forbund.test', '--federation', 'Samordningsförbundet Cli', '--role', 'styrelse']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const token = /https:\/\/samordna\.forbund\.test\/inbjudan\?t=([A-Za-z0-9_-]+)/.exec(r.stdout)?.[1];
    expect(token).toBeDefined();
    const db = await openEmbedded({ dataDir });
    expect((await findInvitation(db, token!))?.email).toBe('av@forbund.test');
    await db.close();
    expect((await run(['mail', 'send-pending'])).stdout).toContain('E-post är avstängd');
    const bad = await run(['user', 'invite', '--email', 'inte-en-adress', '--federation', 'Samordningsförbundet Cli', '--role', 'styrelse']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Ange en giltig e-postadress.');
  });

  it('mail on: the invitation is queued ("skickat"), send-pending sends it once and exits; the link works and is in no output', async () => {
    const env = { SAMORDNA_SMTP_URL: smtp.url, SAMORDNA_MAIL_FROM: 'Samordna <noreply@forbund.test>' };
    const r = await run(['user', 'invite', '--email', 'pa@forbund.test', '--federation', 'Samordningsförbundet Cli', '--role', 'kansli'], env);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Skickat: inbjudan till pa@forbund.test');
    expect(r.stdout).not.toContain('?t=');
    const sent = await run(['mail', 'send-pending'], env);
    expect(sent.stderr).toBe('');
    expect(sent.stdout).toContain('Skickade 1, försöker igen senare 0, misslyckade 0');
    expect(smtp.received).toHaveLength(1);
    const token = /https:\/\/samordna\.forbund\.test\/inbjudan\?t=([A-Za-z0-9_-]+)/.exec(textOf(smtp.received[0]!.raw))?.[1];
    expect(token).toBeDefined();
    for (const out of [r.stdout, r.stderr, sent.stdout, sent.stderr]) {
      expect(out).not.toContain(token!);
      expect(out).not.toContain(smtp.password);
      expect(out).not.toContain(encodeURIComponent(smtp.password));
    }
    const db = await openEmbedded({ dataDir });
    expect((await findInvitation(db, token!))?.email).toBe('pa@forbund.test');
    await db.close();
    // Once: a second run finds nothing due.
    expect((await run(['mail', 'send-pending'], env)).stdout).toContain('Skickade 0');
    expect(smtp.received).toHaveLength(1);
  });
});
