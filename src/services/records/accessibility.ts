/** The accessibility statement's editable fields per förbund, and the statement generated from them. */
import { accessibilityStatement, parseAccessibilityFields, type AccessibilityFields, type AccessibilityStatement } from '../../core/records/accessibility.ts';
import { accessibilityAudit } from '../../core/records/accessibilityAudit.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { publicFederation } from './publicFederation.ts';

const defaults: AccessibilityFields = { contactEmail: '', contactPhone: '', responseDays: 5, knownExceptions: '', assessedOn: null };

export async function accessibilityFields(db: Queryable, federationId: number): Promise<AccessibilityFields & { updatedOn: string | null }> {
  const [r] = await db.query<AccessibilityFields & { updatedOn: string }>(
    `select contact_email as "contactEmail", contact_phone as "contactPhone", response_days as "responseDays", known_exceptions as "knownExceptions",
            to_char(assessed_on, 'YYYY-MM-DD') as "assessedOn", to_char(updated_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "updatedOn"
     from accessibility_statement where federation_id = $1`,
    [federationId],
  );
  return r ?? { ...defaults, updatedOn: null };
}

export async function saveAccessibilityFields(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const f = parseAccessibilityFields(raw);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into accessibility_statement (federation_id, contact_email, contact_phone, response_days, known_exceptions, assessed_on, updated_at, updated_by)
       values ($1, $2, $3, $4, $5, $6, now(), $7)
       on conflict (federation_id) do update set contact_email = excluded.contact_email, contact_phone = excluded.contact_phone, response_days = excluded.response_days,
         known_exceptions = excluded.known_exceptions, assessed_on = excluded.assessed_on, updated_at = now(), updated_by = excluded.updated_by`,
      [federationId, f.contactEmail, f.contactPhone, f.responseDays, f.knownExceptions, f.assessedOn, actor.id],
    );
  }, { ...actor, federationId });
}

/** The public statement: the förbund's fields (or none yet) with the project's audit. */
export async function publicAccessibilityStatement(db: Queryable, federationId: number): Promise<AccessibilityStatement> {
  const f = await publicFederation(db, federationId);
  const fields = await accessibilityFields(db, federationId);
  return accessibilityStatement(f.name, fields, accessibilityAudit, fields.updatedOn ?? accessibilityAudit.checkedOn);
}
