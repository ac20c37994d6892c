/**
 * What happens after one attempt to hand a message to the mail server. A 4xx reply (and a connection that
 * failed before any reply) is temporary: the message waits and is tried again, each time twice as long
 * (1 minute, 2, 4 … at most 6 hours), and fails after `maxAttempts`. A 5xx reply is permanent: the server
 * refused the message (no such mailbox, relaying denied), so trying again cannot help.
 */
export const maxAttempts = 8;
const firstWaitSeconds = 60;
const longestWaitSeconds = 6 * 60 * 60;

export type AttemptResult = { readonly ok: true; readonly reply: string } | { readonly ok: false; readonly code: number | null; readonly reply: string };

export type NextStep =
  | { readonly state: 'sent'; readonly reply: string }
  | { readonly state: 'pending'; readonly retryInSeconds: number; readonly reply: string }
  | { readonly state: 'failed'; readonly reply: string };

export function isPermanent(code: number | null): boolean {
  return code !== null && code >= 500 && code < 600;
}

/** `attempts` counts this attempt too (1 after the first). */
export function nextStep(result: AttemptResult, attempts: number): NextStep {
  if (result.ok) return { state: 'sent', reply: result.reply };
  if (isPermanent(result.code) || attempts >= maxAttempts) return { state: 'failed', reply: result.reply };
  return { state: 'pending', retryInSeconds: backoffSeconds(attempts), reply: result.reply };
}

export function backoffSeconds(attempts: number): number {
  return Math.min(firstWaitSeconds * 2 ** Math.max(0, attempts - 1), longestWaitSeconds);
}

/** A reply as shown and stored: one line, at most 500 characters. */
export function replyText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 500);
}
