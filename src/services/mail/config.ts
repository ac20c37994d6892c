import { parseMailConfig, type MailConfig } from '../../core/mail/config.ts';

/**
 * The installation's mail settings from the environment (SAMORDNA_SMTP_URL, SAMORDNA_MAIL_FROM), or null when
 * mail is off. Read on every call, so a test or a CLI run sees the environment it was started with; the server
 * and `mail send-pending` call it once at start, which refuses a bad setting before anything else happens.
 */
export function mailConfig(): MailConfig | null {
  return parseMailConfig(process.env);
}

export function mailIsOn(): boolean {
  return mailConfig() !== null;
}

/** The site's address for links in messages: SAMORDNA_PUBLIC_URL, else the address given (a request's origin). */
export function siteAddress(fallback = 'http://localhost:3000'): string {
  return (process.env.SAMORDNA_PUBLIC_URL || fallback).replace(/\/+$/, '');
}
