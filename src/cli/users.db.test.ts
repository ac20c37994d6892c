import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbedded } from '../db/embedded.ts';
import { verifyPassword } from '../services/auth/passwords.ts';
import { addTestInterventions } from '../../test/support/auth.ts';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'bin/samordna.js');

describe.skipIf(!!process.env.DATABASE_URL)('npx samordna user …', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samordna-users-'));
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [cli, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', SAMORDNA_DATA_DIR: dataDir } });

  it('creates the first administrator from a password on standard input, then users with roles, and lists them', async () => {
    const empty = run(['user', 'list']);
    expect(empty.stdout).toContain('Inga användarkonton');

    const weak = run(['user', 'add', '--admin', '--email', 'admin@forbund.se', '--password-stdin'], 'kort\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('minst 12 tecken');

    const admin = run(['user', 'add', '--admin', '--email', 'Admin@Forbund.se', '--name', 'Ada Admin', '--password-stdin'], 'ett-riktigt-långt-lösenord\n');
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toContain('admin@forbund.se är skapad (administratör)');

    const noFed = run(['user', 'add', '--email', 'k@forbund.se', '--federation', 'Okänt', '--role', 'kansli', '--password-stdin'], 'ett-riktigt-långt-lösenord\n');
    expect(noFed.status).toBe(1);
    expect(noFed.stderr).toContain('Det finns inget förbund som heter "Okänt"');

    {
      const db = await openEmbedded({ dataDir });
      const [f] = await db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Test') returning id");
      await addTestInterventions(db, f!.id, [3, 5]);
      await db.close();
    }
    const badRole = run(['user', 'add', '--email', 'k@forbund.se', '--federation', 'Samordningsförbundet Test', '--role', 'chef', '--password-stdin'], 'x\n');
    expect(badRole.stderr).toContain('Okänd roll "chef"');
    const insats = run(
      ['user', 'add', '--email', 'team@forbund.se', '--federation', 'Samordningsförbundet Test', '--role', 'insats', '--intervention', '3', '--intervention', '5', '--password-stdin'],
      'ett-riktigt-långt-lösenord\n',
    );
    expect(insats.status).toBe(0);

    const list = run(['user', 'list']);
    expect(list.stdout.trim().split('\n')).toEqual([
      'admin@forbund.se\tAda Admin\tadministratör\t',
      'team@forbund.se\tteam@forbund.se\t\tSamordningsförbundet Test: insats',
    ]);

    const db = await openEmbedded({ dataDir });
    try {
      const [u] = await db.query<{ password_hash: string }>("select password_hash from app_user where email = 'admin@forbund.se'");
      expect(u!.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(u!.password_hash, 'ett-riktigt-långt-lösenord')).toBe(true);
      expect(await db.query('select intervention_id from intervention_assignment order by 1')).toEqual([{ intervention_id: 3 }, { intervention_id: 5 }]);
      expect((await db.query<{ actor: string }>("select distinct actor from audit_log where table_name = 'app_user'")).map((r) => r.actor)).toEqual(['cli']);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('refuses a personnummer in a display name or an e-mail address (user add --name / --email)', () => {
    // The identity guard reads display names and e-mail addresses too, and never repeats the number.
    const named = run(['user', 'add', '--admin', '--email', 'bert@forbund.se', '--name', 'Bert 90:01:01:1239', '--password-stdin'], 'ett-riktigt-långt-lösenord\n');
    expect(named.status).toBe(1);
    expect(named.stderr).toContain('personnummer');
    expect(named.stderr).not.toContain('1239');
    const mailed = run(['user', 'add', '--admin', '--email', 'bert.900101_1239@forbund.se', '--password-stdin'], 'ett-riktigt-långt-lösenord\n');
    expect(mailed.status).toBe(1);
    expect(mailed.stderr).not.toContain('1239');
  }, 120_000);

  it('enrols TOTP from the command line for the first administrator, printing the otpauth:// URI once (user mfa enable)', async () => {
    const enabled = run(['user', 'mfa', 'enable', '--email', 'admin@forbund.se']);
    expect(enabled.stderr).toBe('');
    const uri = enabled.stdout.split('\n').find((l) => l.startsWith('otpauth://totp/'));
    expect(uri).toBeDefined();
    const u = new URL(uri!);
    expect(u.searchParams.get('issuer')).toBe('Samordna');
    expect(decodeURIComponent(u.pathname)).toContain('admin@forbund.se');
    expect(u.searchParams.get('secret')).toMatch(/^[A-Z2-7]{32}$/);
    expect(enabled.stdout.match(/^ {2}[a-z2-9]{5}-[a-z2-9]{5}$/gm)).toHaveLength(10);
    // Once: a second run is refused and prints no secret; the enrolment is unchanged.
    const again = run(['user', 'mfa', 'enable', '--email', 'admin@forbund.se']);
    expect(again.status).toBe(1);
    expect(again.stdout).not.toContain('otpauth://');
    const db = await openEmbedded({ dataDir });
    try {
      const [t] = await db.query<{ secret: string; confirmed: boolean }>(
        "select totp_secret as secret, confirmed_at is not null as confirmed from auth_totp t join app_user a on a.id = t.user_id where a.email = 'admin@forbund.se'",
      );
      expect(t).toEqual({ secret: u.searchParams.get('secret'), confirmed: true });
    } finally {
      await db.close();
    }
    const reset = run(['user', 'mfa', 'reset', '--email', 'admin@forbund.se']);
    expect(reset.stdout).toContain('är återställd');
    expect(run(['user', 'mfa', 'enable', '--email', 'nobody@forbund.se']).stderr).toContain('Det finns inget konto');
  }, 120_000);
});
