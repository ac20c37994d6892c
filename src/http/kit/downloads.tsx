/**
 * Download links for a year's tables as XLSX and CSV. The files come from the economy API's one export
 * endpoint (/api/federations/:id/years/:year/export/<table>.<csv|xlsx>, src/http/economy/apiRoutes.ts), so a
 * page, the API and the CLI hand out the same file.
 */
export function exportHref(federationId: number, year: number, table: string, format: 'csv' | 'xlsx'): string {
  return `/api/federations/${federationId}/years/${year}/export/${table}.${format}`;
}

export function Downloads(props: { federationId: number; year: number; files: readonly (readonly [table: string, label: string])[] }) {
  return (
    <section aria-labelledby="downloads-title">
      <h2 id="downloads-title">Ladda ned</h2>
      <ul class="downloads">
        {props.files.flatMap(([table, label]) => [
          <li>
            <a href={exportHref(props.federationId, props.year, table, 'xlsx')} download>
              {label} som Excel (XLSX)
            </a>
          </li>,
          <li>
            <a href={exportHref(props.federationId, props.year, table, 'csv')} download>
              {label} som CSV
            </a>
          </li>,
        ])}
      </ul>
    </section>
  );
}
