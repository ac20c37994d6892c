/**
 * One process at a time on an embedded data directory, held by the operating system rather than by a pid in
 * a file: the holder listens on a local socket (a Unix domain socket, a named pipe on Windows) named after
 * the directory. The kernel closes it when the process ends in any way — kill -9, a crash, a zombie waiting
 * for its parent — so a dead holder never blocks, and a new process that happens to get the old pid is no
 * holder. A pid file beside the data is only there to name the holder in the message.
 */
import { createServer, connect, type Server } from 'node:net';
import { createHash } from 'node:crypto';
import { realpathSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function socketPath(dataDir: string): string {
  const id = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 24);
  return process.platform === 'win32' ? `\\\\.\\pipe\\samordna-${id}` : join(tmpdir(), `samordna-${id}.lock`);
}

function listen(path: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      server.unref();
      resolve(server);
    });
  });
}

/** Whether a live process answers on the socket (a leftover socket file of a dead one refuses). */
function answered(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(path);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Takes the directory's lock or throws a Swedish message naming the holder; returns the release. */
export async function takeDataDirLock(dataDir: string): Promise<() => void> {
  const path = socketPath(dataDir);
  const pidFile = join(dataDir, 'samordna.lock');
  let server: Server;
  try {
    server = await listen(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    if (await answered(path)) {
      const pid = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : '?';
      throw new Error(
        `Databasen i ${dataDir} används redan av en annan process (pid ${pid}). ` +
          'Stoppa den först, eller kör mot en PostgreSQL-server med DATABASE_URL.',
      );
    }
    // The socket file of a process that is gone: nobody listens, so it is ours to replace.
    rmSync(path, { force: true });
    server = await listen(path);
  }
  writeFileSync(pidFile, String(process.pid));
  return () => {
    server.close();
    rmSync(pidFile, { force: true });
  };
}
