/** What every page of the national view shares: its menu, the synthetic-data banner and the open-data links. */
import type { NavItem } from '../kit/layout.tsx';
import { syntheticNote } from '../../core/statistics/nationalTables.ts';

/**
 * The national view's own menu: suppressed participant counts and economy figures of every förbund side by side,
 * per county and for the country, and the state's allocation model.
 */
export const nationalNav: readonly NavItem[] = [
  { href: '/nationell', label: 'Deltagare' },
  { href: '/nationell/ekonomi', label: 'Ekonomi' },
  { href: '/nationell/kon-och-avslut', label: 'Kön och avslut' },
  { href: '/nationell/trender', label: 'Trender' },
  { href: '/nationell/fordelning', label: 'Statens fördelning' },
  { href: '/', label: 'Start' },
];

/** A deployment with the synthetic demonstration set says so on every page. */
export function SyntheticBanner(props: { synthetic: boolean }) {
  return props.synthetic ? (
    <p class="notice warning" role="note">
      <strong>Syntetiska data.</strong> {syntheticNote}
    </p>
  ) : null;
}

/** The year's tables as open data (CSV and JSON). */
export function Downloads(props: { year: number }) {
  return (
    <p>
      Öppna data: <a href={`/nationell/statistik.csv?ar=${props.year}`}>alla tabeller som CSV</a> ·{' '}
      <a href={`/api/national/statistics?year=${props.year}`}>JSON</a>
    </p>
  );
}
