/** The start page for a user who is not sent straight on: the förbund they work in, each linked to where their work is. */
import { Layout } from '../kit/layout.tsx';
import { AccountNotice, type AccountNoticeModel } from './accountNotice.tsx';

/** A förbund on the start page and the page the user lands on there. */
export interface HomePlace {
  readonly id: number;
  readonly name: string;
  readonly landing: string;
}

export interface HomePageModel {
  /** The national reader: the page is the statistics of every förbund. */
  readonly national: boolean;
  /** May read the national comparison (a link to it). */
  readonly canReadNational: boolean;
  readonly places: readonly HomePlace[];
  readonly account: AccountNoticeModel;
}

export function HomePage(props: { model: HomePageModel }) {
  const { national, canReadNational, places, account } = props.model;
  return (
    <Layout title={national ? 'Statistik i alla förbund' : 'Start'}>
      <h1>{national ? 'Statistik i alla förbund' : 'Samordna'}</h1>
      <AccountNotice account={account} />
      {national ? <p>Deltagarstatistiken per förbund, med små tal dolda. Välj förbund.</p> : null}
      {canReadNational ? (
        <p>
          <a href="/nationell">Nationell jämförelse</a> – alla förbunds deltagare och ekonomi sida vid sida, och statens fördelning.
        </p>
      ) : null}
      {places.length ? (
        <>
          <h2>Förbund</h2>
          <ul>
            {places.map((f) => (
              <li>
                <a href={f.landing}>{f.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{account?.mode === 'session' ? 'Ditt konto har ingen roll i något förbund ännu. Kontakta förbundets kansli.' : 'Det finns inga förbund ännu.'}</p>
      )}
    </Layout>
  );
}
