/**
 * The embedded server of the memory bench (bench/memory.bench.ts), in a process of its own so that its resident
 * memory is the server's alone (the load generator runs in the parent). argv = PGlite settings
 * (e.g. shared_buffers=16MB). Started with fork(): it loads the demo, listens on loopback and tells the parent
 * { url, federationId, sharedBuffers, rss… }; then answers each 'sample' message with its memory, and 'stop' by
 * closing down.
 */
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { startServer } from '../src/http/server.ts';
import { seed } from './http.bench.ts';

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';
process.env.SAMORDNA_MFA_REQUIRED = 'none'; // the bench's kansli accounts sign in with a password alone

const mb = (n: number) => Math.round(n / 2 ** 20);
function memory() {
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers) };
}

const settings = process.argv.slice(2);
const db = await openEmbedded({ settings });
await migrate(db);
const sharedBuffers = (await db.query<{ shared_buffers: string }>('show shared_buffers'))[0]?.shared_buffers ?? '?';
const empty = memory();
const federationId = await seed(db);
const server = await startServer({ db }, { port: 0 });
global.gc?.();
process.send!({ kind: 'ready', url: server.url, federationId, sharedBuffers, empty, demoLoaded: memory() });

process.on('message', async (m: { kind: string; gc?: boolean }) => {
  if (m.kind === 'sample') {
    if (m.gc) global.gc?.();
    process.send!({ kind: 'sample', ...memory() });
  } else if (m.kind === 'stop') {
    await server.close();
    await db.close();
    process.exit(0);
  }
});
