import type { YearStatements } from './statements.ts';

/** A line of a printed statement: amounts in öre as the report prints them (costs negative). */
export interface StatementRow {
  readonly key: string;
  readonly label: string;
  readonly note?: number;
  readonly kind: 'row' | 'subtotal' | 'total' | 'heading';
  readonly currentOre: number | null;
  readonly previousOre: number | null;
}

export interface StatementLayout {
  readonly key: 'income' | 'balance' | 'cash_flow';
  readonly title: string;
  readonly rows: readonly StatementRow[];
}

type Pick = (s: YearStatements) => number;

function rows(cur: YearStatements, prev: YearStatements | null, spec: readonly (readonly [string, string, Pick, StatementRow['kind'], number?])[]): StatementRow[] {
  return spec.map(([key, label, pick, kind, note]) => ({
    key,
    label,
    kind,
    ...(note ? { note } : {}),
    currentOre: kind === 'heading' ? null : pick(cur),
    previousOre: kind === 'heading' || !prev ? null : pick(prev),
  }));
}

const heading = (key: string, label: string) => [key, label, () => 0, 'heading'] as const;

/**
 * The three statements laid out as in the annual report (Samordningsförbundet Västmanland 2025): the same
 * rows, labels and note numbers, the year and the year before side by side. Rows for items the förbund does not
 * have (fixed assets, long-term liabilities, investing) appear only when either year has an amount.
 */
export function layoutStatements(cur: YearStatements, prev: YearStatements | null): StatementLayout[] {
  const either = (f: Pick) => f(cur) !== 0 || (prev !== null && f(prev) !== 0);
  const fixed: Pick = (s) => s.balance.fixedAssetsOre;
  const longTerm: Pick = (s) => s.balance.longTermLiabilitiesOre;
  const investing: Pick = (s) => s.cashFlow.investingOre;
  return [
    {
      key: 'income',
      title: 'Resultaträkning',
      rows: rows(cur, prev, [
        ['operating_income', 'Verksamhetens intäkter', (s) => s.income.operatingIncomeOre, 'row', 2],
        ['operating_cost', 'Verksamhetens kostnader', (s) => -s.income.operatingCostOre, 'row', 3],
        ['operating_result', 'Verksamhetens resultat', (s) => s.income.operatingResultOre, 'subtotal'],
        ['financial_income', 'Finansiella intäkter', (s) => s.income.financialIncomeOre, 'row'],
        ['financial_cost', 'Finansiella kostnader', (s) => -s.income.financialCostOre, 'row'],
        ['result_after_financial', 'Resultat efter finansiella poster', (s) => s.income.resultAfterFinancialOre, 'subtotal'],
        ['result', 'Årets resultat', (s) => s.income.resultOre, 'total'],
      ]),
    },
    {
      key: 'balance',
      title: 'Balansräkning',
      rows: rows(cur, prev, [
        heading('assets', 'Tillgångar'),
        ...(either(fixed) ? [['fixed_assets', 'Summa anläggningstillgångar', fixed, 'subtotal'] as const] : []),
        ['receivables', 'Fordringar', (s) => s.balance.receivablesOre, 'row', 4],
        ['cash', 'Kassa och bank', (s) => s.balance.cashOre, 'row'],
        ['current_assets', 'Summa omsättningstillgångar', (s) => s.balance.currentAssetsOre, 'subtotal'],
        ['total_assets', 'Summa tillgångar', (s) => s.balance.totalAssetsOre, 'total'],
        heading('equity_heading', 'Eget kapital, avsättningar och skulder'),
        ['result', 'Årets resultat', (s) => s.balance.resultOre, 'row', 5],
        ['other_equity', 'Övrigt eget kapital', (s) => s.balance.otherEquityOre, 'row', 5],
        ['equity', 'Summa eget kapital', (s) => s.balance.equityOre, 'subtotal'],
        ['provisions', 'Avsättningar för pensioner', (s) => s.balance.provisionsOre, 'row'],
        ...(either(longTerm) ? [['long_term_liabilities', 'Långfristiga skulder', longTerm, 'row'] as const] : []),
        ['short_term_liabilities', 'Kortfristiga skulder', (s) => s.balance.shortTermLiabilitiesOre, 'row', 6],
        ['total_equity_and_liabilities', 'Summa eget kapital, avsättningar och skulder', (s) => s.balance.totalEquityAndLiabilitiesOre, 'total'],
      ]),
    },
    {
      key: 'cash_flow',
      title: 'Kassaflödesanalys',
      rows: rows(cur, prev, [
        ['result', 'Årets resultat', (s) => s.cashFlow.resultOre, 'row'],
        ['non_cash_adjustments', 'Justering för ej likviditetspåverkande poster', (s) => s.cashFlow.nonCashAdjustmentsOre, 'row'],
        ['funds_before_wc', 'Medel från verksamheten före förändring av rörelsekapital', (s) => s.cashFlow.fundsBeforeWorkingCapitalOre, 'subtotal'],
        ['change_receivables', '-/+ Ökning/minskning kortfristiga fordringar', (s) => s.cashFlow.changeReceivablesOre, 'row'],
        ['change_liabilities', '+/- Ökning/minskning kortfristiga skulder', (s) => s.cashFlow.changeShortTermLiabilitiesOre, 'row'],
        ['operating_cf', 'Kassaflöde från den löpande verksamheten', (s) => s.cashFlow.operatingOre, 'subtotal'],
        ...(either(investing) ? [['investing_cf', 'Kassaflöde från investeringsverksamheten', investing, 'subtotal'] as const] : []),
        ['financing_cf', 'Kassaflöde från finansieringsverksamheten', (s) => s.cashFlow.financingOre, 'subtotal', 5],
        ['net_cf', 'Årets kassaflöde', (s) => s.cashFlow.netOre, 'total'],
        ['cash_open', 'Likvida medel vid årets början', (s) => s.cashFlow.cashOpeningOre, 'row'],
        ['cash_close', 'Likvida medel vid årets slut', (s) => s.cashFlow.cashClosingOre, 'row'],
      ]),
    },
  ];
}
