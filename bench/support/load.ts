/** One autocannon measurement of one address (or a round of addresses), as every HTTP bench reports it. */
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

export interface MeasureOptions {
  connections: number;
  seconds: number;
  /** With cookies, each client sends one of them (its own login session). */
  cookies?: readonly string[];
  /** Further addresses: each client asks for `path` and these in turn. */
  morePaths?: readonly string[];
  /** Requests per second from all clients together (no limit when omitted): a steady load, not the most the server takes. */
  overallRate?: number;
}

/** `connections` clients for `seconds` against `path` (and `morePaths`, in turn). */
export async function measure(url: string, path: string, opts: MeasureOptions): Promise<Measure> {
  let next = 0;
  const cookies = opts.cookies;
  const paths = [path, ...(opts.morePaths ?? [])];
  const r = await autocannon({
    url: url + path,
    connections: opts.connections,
    duration: opts.seconds,
    // A request slower than this counts as an error.
    timeout: 30,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
    ...(cookies?.length || paths.length > 1
      ? {
          setupClient: (client: autocannon.Client) => {
            const headers: Record<string, string> = cookies?.length ? { cookie: cookies[next++ % cookies.length]! } : {};
            if (paths.length > 1) client.setRequests(paths.map((p) => ({ method: 'GET', path: p, headers })));
            else client.setHeaders(headers);
          },
        }
      : {}),
  });
  return {
    path: paths.join(' + '),
    requestsPerSecond: Math.round(r.requests.average),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
  };
}
