/** The förbund's settings: the equity cap (share of the allocation, optionally in steps) and floor, and the statistics protection. */
import type { FederationRef } from '../context.ts';
import type { EquityCapStep, FederationSettings } from '../../core/settings.ts';
import { Layout } from '../kit/layout.tsx';
import { Form, SubmitButton, TextField, AmountField, formState } from '../kit/form.tsx';
import { formatKronor, formatNumber, formatShare, kronorText } from '../kit/present.ts';

export interface SettingsPageModel {
  readonly federation: FederationRef;
  readonly settings: FederationSettings;
  readonly canWrite: boolean;
  /** Whether the installation sends e-mail (SAMORDNA_SMTP_URL), and from which address. */
  readonly mail: { readonly on: true; readonly from: string } | { readonly on: false };
  /** The outbox page is offered to those who may open it. */
  readonly canSeeOutbox: boolean;
}

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

/** A share as per cent typed into the form: "20", or "12,5" with two decimals when not whole. */
const percentText = (share: number) => plain(formatNumber(share * 100, Number.isInteger(Math.round(share * 1e6) / 1e4) ? 0 : 2));

/** The steps as typed into the form: "20 000 000: 15; 40 000 000: 10" (amount in kronor, share in per cent). */
function stepsText(steps: readonly EquityCapStep[]): string {
  return steps.map((st) => `${plain(formatKronor(st.fromAllocationOre))}: ${percentText(st.share)}`).join('; ');
}

export function SettingsPage(props: { model: SettingsPageModel }) {
  const { federation, settings: s, canWrite, mail, canSeeOutbox } = props.model;
  const action = `/f/${federation.id}/installningar`;
  // What is saved, or — after a refusal (app.tsx renderFormAgain) — what was typed, with the messages beside the fields.
  const f = formState(action, {
    equityCap: percentText(s.equityCapShare),
    equitySteps: stepsText(s.equityCapSteps),
    equityFloor: s.equityFloorOre === null ? '' : plain(formatKronor(s.equityFloorOre)),
    minCellSize: String(s.minCellSize),
    protectionInterval: String(s.protectionInterval),
    statisticsClosingDays: String(s.statisticsClosingDays),
  });
  return (
    <Layout title="Inställningar" federation={federation}>
      <h1>Inställningar</h1>
      <p>
        Eget kapital bör enligt Nationella rådet vara högst 20 % av årets medelstilldelning. Förbundet kan också ha ett lokalt golv, t.ex. att
        det egna kapitalet inte ska understiga 500 tkr. Översikten och nyckeltalen varnar när gränserna passeras.
      </p>
      <dl>
        <dt>Tak för eget kapital</dt>
        <dd>
          {formatShare(s.equityCapShare)} av medelstilldelningen
          {s.equityCapSteps.map((st) => `; från ${kronorText(st.fromAllocationOre)}: ${formatShare(st.share)}`).join('')}
        </dd>
        <dt>Golv för eget kapital</dt>
        <dd>{s.equityFloorOre === null ? 'Inget' : kronorText(s.equityFloorOre)}</dd>
        <dt>Minsta antal som visas i statistik</dt>
        <dd>{formatNumber(s.minCellSize)}</dd>
        <dt>Skyddsintervall för dolda tal</dt>
        <dd>{formatNumber(s.protectionInterval)}</dd>
        <dt>Publiceringsperiod för deltagarstatistik</dt>
        <dd>{formatNumber(s.statisticsPeriodMonths)} månader (kalenderår)</dd>
        <dt>Dagar efter årets slut innan året stängs och fastställs</dt>
        <dd>{formatNumber(s.statisticsClosingDays)}</dd>
      </dl>
      <p>
        Deltagarstatistiken skyddas med samordnad maskering över alla tabeller, insatser och år och publiceras per stängt kalenderår, som
        sedan fastställs och aldrig ändras (metoden beskrivs i docs/statistics-protection.md).
        Ändringar gäller år som fastställs efter ändringen; redan fastställda år ändras inte.
      </p>
      <h2>E-post</h2>
      <p id="mail-state">
        {mail.on
          ? `E-post är på: inbjudningar, länkar för nytt lösenord, kontoaviseringar och påminnelser skickas från ${mail.from}.`
          : 'E-post är av: länkar för inbjudan och nytt lösenord visas på skärmen för den som skapar dem.'}{' '}
        {canSeeOutbox ? <a href={`/f/${federation.id}/epost`}>Utkorg och påminnelser</a> : null}
      </p>
      {canWrite ? (
        <>
          <h2>Ändra</h2>
          <Form action={action} label="Ändra inställningar">
            <TextField {...f.bind('equityCap')} label="Tak för eget kapital (procent av medelstilldelningen)" inputmode="decimal" size={6} />
            <TextField
              {...f.bind('equitySteps')}
              label="Trappa efter medelstilldelningens storlek (valfri)"
              hint="Steg som ”från belopp: procent”, skilda med semikolon, t.ex. 20 000 000: 15; 40 000 000: 10. Tomt = taket ovan för alla storlekar."
            />
            <AmountField {...f.bind('equityFloor')} label="Golv för eget kapital (kronor)" hint="Lämna tomt om förbundet inte har något golv." />
            <TextField {...f.bind('minCellSize')} label="Minsta antal som visas i statistik" inputmode="numeric" size={4} hint="Mindre antal döljs, så att ingen deltagare kan pekas ut." />
            <TextField
              {...f.bind('protectionInterval')}
              label="Skyddsintervall för dolda tal"
              inputmode="numeric"
              size={4}
              hint="1–100. Det intervall en läsare kan räkna fram för ett dolt tal ur allt publicerat ska vara minst så brett. 1 = aldrig låst till ett enda värde."
            />
            <TextField
              {...f.bind('statisticsClosingDays')}
              label="Dagar efter årets slut innan året stängs"
              inputmode="numeric"
              size={4}
              hint="0–366. Sena registreringar för december hinner med; sedan fastställs årets statistik."
            />
            <SubmitButton label="Spara inställningar" />
          </Form>
        </>
      ) : null}
    </Layout>
  );
}
