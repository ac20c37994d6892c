/**
 * The server of bench/profile.ts in a process of its own (so a CPU profile holds the server alone): argv[2] is
 * the PostgreSQL URL of an already seeded database. Tells the parent its URL over IPC; 'start' starts the CPU
 * profiler (node:inspector, so start-up and logins are not in the profile), 'stop' writes the profile to the
 * file named in the message and closes down.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { openServer } from '../src/db/server.ts';
import { startServer } from '../src/http/server.ts';

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';
process.env.SAMORDNA_MFA_REQUIRED = 'none'; // the bench's kansli accounts sign in with a password alone
const db = await openServer(process.argv[2]!);
const server = await startServer({ db }, { port: 0 });
const session = new Session();
session.connect();
process.send!({ kind: 'ready', url: server.url });
process.on('message', async (m: { kind: string; file?: string }) => {
  if (m.kind === 'start') {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    process.send!({ kind: 'started' });
  } else if (m.kind === 'stop') {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(m.file!, JSON.stringify(profile));
    // Requests still in flight when the load ended finish before the database closes.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await server.close();
    await db.close();
    process.exit(0);
  }
});
