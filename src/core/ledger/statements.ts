import { classify, isBalanceSheetClass, type AccountClass, type ClassRange } from './classification.ts';

/** One account's balances for one year, öre, debit positive. Income statement accounts: opening 0, closing = the year's result. */
export interface AccountBalance {
  readonly account: string;
  readonly openingOre: number;
  readonly closingOre: number;
}

export interface IncomeStatement {
  readonly operatingIncomeOre: number;
  /** Positive. */
  readonly operatingCostOre: number;
  readonly operatingResultOre: number;
  readonly financialIncomeOre: number;
  /** Positive. */
  readonly financialCostOre: number;
  readonly resultAfterFinancialOre: number;
  readonly resultOre: number;
}

export interface BalanceSheet {
  readonly fixedAssetsOre: number;
  readonly receivablesOre: number;
  readonly cashOre: number;
  readonly currentAssetsOre: number;
  readonly totalAssetsOre: number;
  readonly resultOre: number;
  readonly otherEquityOre: number;
  readonly equityOre: number;
  readonly openingEquityOre: number;
  readonly provisionsOre: number;
  readonly longTermLiabilitiesOre: number;
  readonly shortTermLiabilitiesOre: number;
  readonly totalEquityAndLiabilitiesOre: number;
}

export interface CashFlowStatement {
  readonly resultOre: number;
  readonly nonCashAdjustmentsOre: number;
  readonly fundsBeforeWorkingCapitalOre: number;
  readonly changeReceivablesOre: number;
  readonly changeShortTermLiabilitiesOre: number;
  readonly operatingOre: number;
  readonly investingOre: number;
  readonly financingOre: number;
  readonly netOre: number;
  readonly cashOpeningOre: number;
  readonly cashClosingOre: number;
}

export interface YearStatements {
  readonly income: IncomeStatement;
  readonly balance: BalanceSheet;
  readonly cashFlow: CashFlowStatement;
  /** Soliditet: equity / total assets; null when there are no assets. */
  readonly equityRatio: number | null;
  /** Accounts no class range holds (shown as a warning; left out of the statements). */
  readonly unclassified: readonly AccountBalance[];
}

/**
 * Resultaträkning, balansräkning and kassaflödesanalys (indirect method) of one year from its account
 * balances. The year's result may or may not have been booked to equity: a balance sheet whose accounts do
 * not sum to zero holds the unbooked result, which is counted as equity.
 */
export function computeStatements(balances: readonly AccountBalance[], ranges: readonly ClassRange[]): YearStatements {
  const open = new Map<AccountClass, number>();
  const close = new Map<AccountClass, number>();
  let financialIncome = 0;
  let financialCost = 0;
  let balanceOpen = 0;
  let balanceClose = 0;
  const unclassified: AccountBalance[] = [];
  for (const b of balances) {
    const c = classify(b.account, ranges);
    if (!c) {
      if (b.openingOre || b.closingOre) unclassified.push(b);
      continue;
    }
    open.set(c, (open.get(c) ?? 0) + b.openingOre);
    close.set(c, (close.get(c) ?? 0) + b.closingOre);
    if (isBalanceSheetClass(c)) {
      balanceOpen += b.openingOre;
      balanceClose += b.closingOre;
    }
    if (c === 'financial') {
      if (b.closingOre < 0) financialIncome -= b.closingOre;
      else financialCost += b.closingOre;
    }
  }
  const o = (c: AccountClass) => open.get(c) ?? 0;
  const k = (c: AccountClass) => close.get(c) ?? 0;

  const operatingIncome = -k('operating_income');
  const operatingCost = k('operating_cost');
  financialIncome += -k('financial_income');
  financialCost += k('financial_cost');
  const operatingResult = operatingIncome - operatingCost;
  const result = operatingResult + financialIncome - financialCost;

  const equity = -k('equity') + balanceClose;
  const openingEquity = -o('equity') + balanceOpen;
  const receivables = k('receivables');
  const cash = k('cash');
  const fixed = k('fixed_assets');
  const currentAssets = receivables + cash;
  const totalAssets = fixed + currentAssets;
  const provisions = -k('provisions');
  const longTerm = -k('long_term_liabilities');
  const shortTerm = -k('short_term_liabilities');

  const nonCash = -(k('provisions') - o('provisions'));
  const changeReceivables = -(k('receivables') - o('receivables'));
  const changeShortTerm = -(k('short_term_liabilities') - o('short_term_liabilities'));
  const operating = result + nonCash + changeReceivables + changeShortTerm;
  const investing = -(k('fixed_assets') - o('fixed_assets'));
  const financing = equity - openingEquity - result - (k('long_term_liabilities') - o('long_term_liabilities'));

  return {
    income: {
      operatingIncomeOre: operatingIncome,
      operatingCostOre: operatingCost,
      operatingResultOre: operatingResult,
      financialIncomeOre: financialIncome,
      financialCostOre: financialCost,
      resultAfterFinancialOre: result,
      resultOre: result,
    },
    balance: {
      fixedAssetsOre: fixed,
      receivablesOre: receivables,
      cashOre: cash,
      currentAssetsOre: currentAssets,
      totalAssetsOre: totalAssets,
      resultOre: result,
      otherEquityOre: equity - result,
      equityOre: equity,
      openingEquityOre: openingEquity,
      provisionsOre: provisions,
      longTermLiabilitiesOre: longTerm,
      shortTermLiabilitiesOre: shortTerm,
      totalEquityAndLiabilitiesOre: equity + provisions + longTerm + shortTerm,
    },
    cashFlow: {
      resultOre: result,
      nonCashAdjustmentsOre: nonCash,
      fundsBeforeWorkingCapitalOre: result + nonCash,
      changeReceivablesOre: changeReceivables,
      changeShortTermLiabilitiesOre: changeShortTerm,
      operatingOre: operating,
      investingOre: investing,
      financingOre: financing,
      netOre: operating + investing + financing,
      cashOpeningOre: o('cash'),
      cashClosingOre: cash,
    },
    equityRatio: totalAssets > 0 ? equity / totalAssets : null,
    unclassified,
  };
}
