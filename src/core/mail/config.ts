/**
 * The mail settings of the installation, read from SAMORDNA_SMTP_URL and SAMORDNA_MAIL_FROM. Without a URL
 * mail is off and everything works as before (one-time links are shown to whoever made them). A URL that
 * names no server, or a sender that is not an address, is refused at start with a message naming the variable.
 */
export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://…:465 (TLS from the start). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (smtps://). */
  readonly secure: boolean;
  readonly from: string;
  /** The server without user name or password, safe to show and log: "smtps://mail.example.se:465". */
  readonly shown: string;
}

export class MailConfigError extends Error {}

const noHost = 'SAMORDNA_SMTP_URL saknar server (värdnamn): skriv till exempel smtp://användare:lösenord@smtp.example.se:587.';

const addressPattern = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** A sender written as an address or as `Name <address>`. */
function senderAddress(from: string): string | null {
  const angle = /^[^<>]*<([^<>]+)>\s*$/.exec(from);
  const address = (angle ? angle[1]! : from).trim();
  return addressPattern.test(address) ? address : null;
}

export function parseMailConfig(env: { readonly SAMORDNA_SMTP_URL?: string; readonly SAMORDNA_MAIL_FROM?: string }): MailConfig | null {
  const raw = (env.SAMORDNA_SMTP_URL ?? '').trim();
  if (!raw) return null;
  // The host is looked for before the URL is parsed: "smtp://user:pass@" is no URL at all to the parser, and the
  // message should say what is missing.
  const authority = /^smtps?:\/\/(?:[^@/?#]*@)?([^:/?#]*)/i.exec(raw);
  if (authority && !authority[1]) throw new MailConfigError(noHost);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MailConfigError('SAMORDNA_SMTP_URL är ingen giltig adress. Skriv till exempel smtp://användare:lösenord@smtp.example.se:587 eller smtps://smtp.example.se:465.');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new MailConfigError(`SAMORDNA_SMTP_URL ska börja med smtp:// eller smtps://, inte ${url.protocol}//.`);
  }
  if (!url.hostname) throw new MailConfigError(noHost);
  const secure = url.protocol === 'smtps:';
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const from = (env.SAMORDNA_MAIL_FROM ?? '').trim();
  if (!from) throw new MailConfigError('SAMORDNA_MAIL_FROM saknas: ange avsändaradressen, till exempel "Samordna <noreply@forbundet.se>".');
  if (!senderAddress(from) || /[\r\n]/.test(from)) throw new MailConfigError(`SAMORDNA_MAIL_FROM är ingen e-postadress: "${from}".`);
  return { url: raw, host: url.hostname, port, secure, from, shown: `${url.protocol}//${url.hostname}:${port}` };
}
