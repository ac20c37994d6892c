import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** One message as the test SMTP server received it. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
  /** The connection was upgraded with STARTTLS (or was TLS from the start). */
  readonly secure: boolean;
  readonly user: string | null;
}

export interface TestSmtp {
  readonly port: number;
  /** smtp://user:password@127.0.0.1:port (with ?tls.rejectUnauthorized=false when STARTTLS is offered: the server's certificate is self-signed). */
  readonly url: string;
  readonly password: string;
  readonly received: ReceivedMail[];
  /** The replies to the next RCPT TO commands, e.g. [451, 451] then accept; a number ≥ 400 refuses with that code. */
  refuseNext(...codes: number[]): void;
  stop(): Promise<void>;
}

/**
 * A real SMTP server (npm smtp-server) on a free loopback port, for the tests of the outbox: it takes AUTH
 * (one user and password), offers STARTTLS when asked, and refuses recipients with the codes it is told.
 */
export async function startTestSmtp(options: { starttls?: boolean } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const refusals: number[] = [];
  const password = 'smtp-hemligt-Lösen-42';
  const serverOptions: SMTPServerOptions = {
    logger: false,
    disabledCommands: options.starttls ? [] : ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, callback) {
      if (auth.username === 'samordna' && auth.password === password) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      const code = refusals.shift();
      if (code) {
        const err = new Error(code >= 500 ? `${code} 5.1.1 Mailbox unavailable` : `${code} 4.2.0 Try again later`) as Error & { responseCode: number };
        err.responseCode = code;
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          user: (session.user as string | undefined) ?? null,
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://samordna:${encodeURIComponent(password)}@127.0.0.1:${port}${options.starttls ? '?tls.rejectUnauthorized=false' : ''}`,
    password,
    received,
    refuseNext: (...codes) => refusals.push(...codes),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded text part of a received message (quoted-printable undone), to read its link. */
export function textOf(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '');
  const decoded = unfolded.replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
  return decoded;
}

/** The decoded Subject header of a received message (RFC 2047 encoded words, Q or B). */
export function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    )
    .replace(/\r?\n[ \t]/g, ' ');
}
