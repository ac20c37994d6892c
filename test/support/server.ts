import { createTestDb } from './db.ts';
import { startServer } from '../../src/http/server.ts';

/** A real HTTP server on a free loopback port over a fresh test database. */
export async function startTestServer() {
  const db = await createTestDb();
  const server = await startServer({ db }, { port: 0 });
  return {
    db,
    url: server.url,
    async stop() {
      await server.close();
      await db.drop();
    },
  };
}
