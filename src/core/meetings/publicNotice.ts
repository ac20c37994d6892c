/**
 * The anslag (PublicNotice) of a justerat protocol on the förbund's public page. Kommunallagen (2017:725) applies
 * to a samordningsförbund through FINSAM: the justering is announced on the notice board within two days of the
 * justering, the notice says where the protocol is kept and on which day it went up, and it stays up until the
 * three weeks for an appeal (laglighetsprövning, 13 kap. 5 §) have run out. See docs/meetings-and-protocols.md.
 */
import { ConflictError } from '../errors.ts';

/** Days after the justering by which the notice must be up (KL 8 kap. 12 §). */
export const noticeWithinDays = 2;
/** The appeal period counted from the day of the notice (KL 13 kap. 5 §): three weeks. */
export const appealDays = 21;

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface NoticePeriod {
  /** The day the notice went up: Samordna publishes it the day of the last approval. */
  readonly firstDay: string;
  /** The last day of the appeal period: the notice stays up through it. */
  readonly lastDay: string;
  /** The latest day the law allows for putting the notice up. */
  readonly latestPublication: string;
}

export function noticePeriod(adjustedOn: string): NoticePeriod {
  return { firstDay: adjustedOn, lastDay: addDays(adjustedOn, appealDays), latestPublication: addDays(adjustedOn, noticeWithinDays) };
}

/** Is the notice up on this day? */
export const isNoticeUp = (p: NoticePeriod, day: string) => day >= p.firstDay && day <= p.lastDay;

/** A notice (kallelse) is given only for a meeting still to come. */
export function assertNoticeAllowed(meetingDate: string, todayIso: string): void {
  if (meetingDate < todayIso) {
    throw new ConflictError(`Mötet ${meetingDate} har redan hållits; det kan inte få en ny kallelse.`);
  }
}
