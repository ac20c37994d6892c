/** What one audited change did, as values before and after (null: the row did not exist). */
export interface AuditChange {
  readonly oldValues: Readonly<Record<string, unknown>> | null;
  readonly newValues: Readonly<Record<string, unknown>> | null;
}

/** Which columns changed in an update (for display); all columns for insert and delete. */
export function changedColumns(e: AuditChange): string[] {
  const o = e.oldValues ?? {};
  const n = e.newValues ?? {};
  const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])];
  if (!e.oldValues || !e.newValues) return keys;
  return keys.filter((k) => JSON.stringify(o[k]) !== JSON.stringify(n[k]));
}
