/** One autocannon measurement of one address, as every HTTP bench reports it. */
import autocannon from 'autocannon';

export interface Measure {
  path: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  ratioToTrivial?: number;
}

/** `connections` clients for `seconds`; with cookies, each client sends one of them (its own login session). */
export async function measure(url: string, path: string, opts: { connections: number; seconds: number; cookies?: readonly string[] }): Promise<Measure> {
  let next = 0;
  const cookies = opts.cookies;
  const r = await autocannon({
    url: url + path,
    connections: opts.connections,
    duration: opts.seconds,
    // A request slower than this counts as an error.
    timeout: 30,
    ...(cookies?.length ? { setupClient: (client: autocannon.Client) => client.setHeaders({ cookie: cookies[next++ % cookies.length]! }) } : {}),
  });
  return {
    path,
    requestsPerSecond: Math.round(r.requests.average),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
  };
}
