import nodemailer from 'nodemailer';
import type { MailConfig } from '../../core/mail/config.ts';
import { replyText, type AttemptResult } from '../../core/mail/retry.ts';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Hands one message to the mail server and says what the server answered. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<AttemptResult>;
  close(): void;
}

/**
 * SMTP through nodemailer. smtp:// upgrades with STARTTLS whenever the server offers it (nodemailer's default
 * for a connection that is not `secure`), smtps:// is TLS from the first byte. The time limits keep one
 * attempt well inside the sender's lease (sender.ts), so a slow server never makes a message look abandoned.
 */
export function smtpTransport(config: MailConfig): MailTransport {
  const transporter = nodemailer.createTransport(config.url, {
    from: config.from,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
  } as never);
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
        return { ok: true, reply: replyText(String(info.response ?? '')) };
      } catch (err) {
        const e = err as { responseCode?: number; response?: string; message?: string; code?: string };
        const code = typeof e.responseCode === 'number' ? e.responseCode : null;
        return { ok: false, code, reply: replyText(e.response || `${e.code ?? 'Fel'}: ${e.message ?? String(err)}`) };
      }
    },
    close: () => transporter.close(),
  };
}
