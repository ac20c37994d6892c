import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from './app.tsx';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server; port 0 picks a free port (tests). */
export async function startServer(deps: AppDeps, options: { port: number; hostname?: string }): Promise<RunningServer> {
  const app = createApp(deps);
  const hostname = options.hostname ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostname}:${port}`,
    close: () => new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
