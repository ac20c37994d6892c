import { readFileSync } from 'node:fs';

/**
 * The 2025 reference (annual report of Samordningsförbundet Västmanland, test/fixtures) expressed as a chart of
 * accounts with balances in kronor: what the generator books. BAS / Kommun-BAS style accounts: 1 assets
 * (19 cash), 20 equity, 22 provisions, 24–29 short-term liabilities, 3 operating income, 4–7 operating costs,
 * 84 financial income, 85 financial costs. Amounts here are kronor from the reference; nothing is computed
 * from Samordna's own code.
 */
export interface RefAccount {
  readonly account: string;
  readonly name: string;
  readonly type: 'T' | 'S' | 'I' | 'K';
}

export interface RefLine {
  readonly object: string;
  readonly section: string;
  readonly label: string;
  readonly account: string;
  readonly incomeKr: number;
  readonly costKr: number;
}

export interface ReferenceLedger {
  readonly company: string;
  readonly accounts: readonly RefAccount[];
  /** Kronor, debit positive, per account: 2023 closing (IB −1), 2024 closing (UB −1), 2025 opening (IB 0), 2025 closing (UB 0). */
  readonly ibPrev: ReadonlyMap<string, number>;
  readonly ubPrev: ReadonlyMap<string, number>;
  readonly ib: ReadonlyMap<string, number>;
  readonly ub: ReadonlyMap<string, number>;
  /** Income statement accounts, kronor debit positive: 2024 (RES −1) and 2025 (RES 0). */
  readonly resPrev: ReadonlyMap<string, number>;
  readonly res: ReadonlyMap<string, number>;
  /** 2025 driftredovisning lines (vastmanland.import.json), each booked on its own project object (dimension 6). */
  readonly lines: readonly RefLine[];
  /** Kronor moved from 2099 to 2080 when the 2024 result is carried forward (a 2025 voucher). */
  readonly carriedForwardKr: number;
  /** Capital contribution 2024 (financing), booked on 2080 against the bank in 2024. */
  readonly contributionPrevKr: number;
}

const fixtures = new URL('../../../../test/fixtures/', import.meta.url);
type Row = { label: string; y2025: number; y2024: number; member?: unknown; kind?: string };

export function loadReferenceLedger(): ReferenceLedger {
  const src = JSON.parse(readFileSync(new URL('vastmanland-2025.source.json', fixtures), 'utf8'));
  const imp = JSON.parse(readFileSync(new URL('vastmanland.import.json', fixtures), 'utf8'));
  const accounts: RefAccount[] = [];
  const ibPrev = new Map<string, number>();
  const ubPrev = new Map<string, number>();
  const ib = new Map<string, number>();
  const ub = new Map<string, number>();
  const resPrev = new Map<string, number>();
  const res = new Map<string, number>();
  const add = (account: string, name: string, type: RefAccount['type']) => accounts.push({ account, name, type });
  const bal = (account: string, name: string, type: 'T' | 'S', y2023: number, y2024: number, y2025: number) => {
    add(account, name, type);
    ibPrev.set(account, y2023);
    ubPrev.set(account, y2024);
    ib.set(account, y2024);
    ub.set(account, y2025);
  };
  const row = (rows: Row[], label: string): Row => {
    const r = rows.find((x) => x.label === label);
    if (!r) throw new Error(`Referensen saknar raden "${label}"`);
    return r;
  };

  // Note 4, receivables. 2023 closing balances are not in the reference; only their total (369 468 kr, from the
  // cash flow: 266 361 + 103 107) is, so it is split over the accounts here.
  const n4 = src.note_4_receivables.rows as Row[];
  // The 2025 receivables are booked 1 kr higher than Not 4 prints (Moms 62 234, total 102 836): the report's
  // balance sheet is 1 kr out of balance (equity + liabilities 9 453 289, assets 9 453 288) and a ledger must
  // balance. With 102 836 the cash flow's printed change in receivables (163 525) and cash (9 350 453) hold.
  const receivables: [string, string, string, number, number][] = [
    ['1510', 'Kundfordringar', 'Kundfordringar', 10_000, 0],
    ['1630', 'Skattekonto', 'Skattekontot', 30_000, 0],
    ['1640', 'Debiterad preliminärskatt', 'Debiterad preliminärskatt', 8_844, 0],
    ['1650', 'Momsfordran', 'Moms', 90_000, 1],
    ['1790', 'Förutbetalda kostnader och upplupna intäkter', 'Förutbetalda kostnader, upplupna intäkter', 230_624, 0],
  ];
  for (const [a, name, label, y2023, adjust2025] of receivables) {
    const r = row(n4, label);
    bal(a, name, 'T', y2023, r.y2024, r.y2025 + adjust2025);
  }
  const cash = (src.balance_sheet.assets as Row[]).find((r) => r.label === 'Kassa och bank')!;
  const cf = src.cash_flow.rows as (Row & { key: string })[];
  bal('1930', 'Bank', 'T', cf.find((r) => r.key === 'cash_open')!.y2024, cash.y2024, cash.y2025);

  // Equity (note 5): 2080 other equity, 2099 the year's result. 2024's result is still on 2099 when 2025 opens.
  const n5 = src.note_5_equity.rows as Row[];
  const openingPrev = row(n5, 'Ingående eget kapital enl. fastställd balansräkning').y2024;
  const contribution = row(n5, 'Kapitaltillskott nya förbundsmedlemmar').y2024;
  const resultPrev = row(n5, 'Årets resultat').y2024;
  add('2080', 'Övrigt eget kapital', 'S');
  ibPrev.set('2080', -openingPrev);
  ubPrev.set('2080', -(openingPrev + contribution));
  ib.set('2080', -(openingPrev + contribution));
  ub.set('2080', -(openingPrev + contribution + resultPrev));
  add('2099', 'Årets resultat', 'S');
  ibPrev.set('2099', 0);
  ubPrev.set('2099', 0);
  ib.set('2099', -resultPrev);
  ub.set('2099', 0);

  const bsRows = src.balance_sheet.equity_and_liabilities as Row[];
  const pension = row(bsRows, 'Avsättningar för pensioner');
  const pensionChangePrev = cf.find((r) => r.key === 'non_cash_adjustments')!.y2024;
  bal('2240', 'Avsättningar för pensioner', 'S', -(pension.y2024 - pensionChangePrev), -pension.y2024, -pension.y2025);

  // Note 6, short-term liabilities (printed negative, i.e. as credit balances already). 2023: total 1 805 224
  // (3 453 767 − 1 648 543 from the cash flow), split over the accounts here.
  const n6 = src.note_6_current_liabilities.rows as Row[];
  const liabilities: [string, string, string, number][] = [
    ['2440', 'Leverantörsskulder', 'Leverantörsskulder', -400_000],
    ['2710', 'Personalens källskatt', 'Preliminärskatt löner', -50_000],
    ['2790', 'Övriga kortfristiga skulder', 'Övriga korta skulder', 0],
    ['2920', 'Semesterlöneskuld', 'Semesterlöneskuld', -80_000],
    ['2730', 'Lagstadgade sociala avgifter', 'Lagstadgade sociala avgifter', -50_000],
    ['2940', 'Upplupen särskild löneskatt, individuell del', 'Upplupen särskild löneskatt individuell del', -30_000],
    ['2950', 'Upplupen pensionskostnad, individuell del', 'Upplupen pensionskostnad individuell del', -90_000],
    ['2990', 'Övriga upplupna kostnader', 'Övriga upplupna kostnader', -1_105_224],
  ];
  for (const [a, name, label, y2023] of liabilities) {
    const r = row(n6, label);
    bal(a, name, 'S', y2023, r.y2024, r.y2025);
  }

  // Note 2, income: one account per payer (credit = negative).
  const n2 = src.note_2_income.rows as Row[];
  let municipality = 31;
  for (const r of n2) {
    const account =
      r.kind === 'state' ? '3410' : r.kind === 'region' ? '3420' : r.kind === 'municipality' ? `34${municipality++}` : r.label === 'Övriga intäkter' ? '3990' : '3490';
    add(account, r.label, 'I');
    if (r.y2024) resPrev.set(account, -r.y2024);
    if (r.y2025) res.set(account, -r.y2025);
  }

  // Note 3, costs per section; 2025 per driftredovisning line (each line a project object).
  const costAccounts: Record<string, [string, string]> = {
    individual: ['4610', 'Köp av verksamhet, individinsatser'],
    structural: ['4620', 'Köp av verksamhet, strukturpåverkande insatser'],
    process_support: ['5010', 'Personalkostnader, processtöd'],
    admin: ['6010', 'Administrationskostnader'],
  };
  for (const [key, [a, name]] of Object.entries(costAccounts)) {
    add(a, name, 'K');
    const r = (src.note_3_costs.rows as (Row & { key: string })[]).find((x) => x.key === key)!;
    resPrev.set(a, -r.y2024);
    res.set(a, -r.y2025);
  }
  const y2025 = (imp.years as { year: number; outcome: { section: string; label: string; income: number; cost: number }[] }[]).find((y) => y.year === 2025)!;
  const lines: RefLine[] = [];
  let n = 1;
  for (const l of y2025.outcome) {
    if (l.section === 'income') continue;
    const account = costAccounts[l.section === 'administration' ? 'admin' : l.section]![0];
    lines.push({ object: `P${String(n++).padStart(2, '0')}`, section: l.section, label: l.label, account, incomeKr: l.income, costKr: l.cost });
  }

  // Financial items.
  const is = src.income_statement.rows as Row[];
  add('8410', 'Ränteintäkter', 'I');
  resPrev.set('8410', -row(is, 'Finansiella intäkter').y2024);
  res.set('8410', -row(is, 'Finansiella intäkter').y2025);
  add('8510', 'Räntekostnader', 'K');
  resPrev.set('8510', -row(is, 'Finansiella kostnader').y2024);
  res.set('8510', -row(is, 'Finansiella kostnader').y2025);

  return {
    company: src.organisation as string,
    accounts,
    ibPrev,
    ubPrev,
    ib,
    ub,
    resPrev,
    res,
    lines,
    carriedForwardKr: resultPrev,
    contributionPrevKr: contribution,
  };
}
