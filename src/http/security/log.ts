/**
 * Structured JSON log lines on stdout: an event name and a few fields chosen by the caller. Never request
 * bodies, never participant data, never passwords or tokens; user ids and client addresses only.
 */
export function logEvent(event: string, fields: Record<string, string | number | boolean | null> = {}): void {
  if (process.env.SAMORDNA_LOG === 'off') return;
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', event, ...fields }) + '\n');
}
