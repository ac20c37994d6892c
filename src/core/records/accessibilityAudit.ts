/**
 * The project's own accessibility audit of the public pages, as data: which pages axe-core checks against
 * WCAG 2.1 A and AA (the level EN 301 549 refers to), and the violations it found. The browser test
 * src/http/records/accessibility.browser.test.ts runs axe on every page listed here and fails when its findings
 * differ from `violations`, so the statement generated from this can never claim fewer problems than axe finds.
 * `knownExceptions` are what automatic testing cannot see, stated by the project.
 */
export interface AuditedPage {
  readonly label: string;
  /** The path with ID for the förbund's id. */
  readonly path: string;
}

export const accessibilityAudit = {
  tool: 'axe-core (regler för WCAG 2.0 och 2.1, nivå A och AA)',
  checkedOn: '2026-12-07',
  pages: [
    { label: 'Publika diariet', path: '/diarium/ID' },
    { label: 'Insatskatalogen', path: '/katalog/ID' },
    { label: 'Tillgänglighetsredogörelsen', path: '/tillganglighet/ID' },
  ] as readonly AuditedPage[],
  /** axe's rule ids with a Swedish description; empty when axe finds nothing. */
  violations: [] as readonly { readonly rule: string; readonly page: string; readonly description: string }[],
  knownExceptions: [
    'Automatisk granskning hittar bara en del av alla brister. Sidorna har inte granskats manuellt med skärmläsare av en extern part.',
    'Dokument som laddas ned i Word-format (DOCX) är avsedda att redigeras och är inte granskade mot kraven för dokument (EN 301 549 kapitel 10).',
  ] as readonly string[],
} as const;
