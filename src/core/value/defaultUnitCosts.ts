import type { UnitCost } from './valueModel.ts';

/**
 * The unit-cost table Samordna ships, used for a year the förbund has not imported a table of its own for.
 * Every figure cites a public statistic and its year (docs/value-per-member.md). Only figures whose source
 * could be checked are here: a support source or payer that is missing costs 0 (the model's rule), so the
 * shipped table understates the effect rather than invent one. A förbund imports its own table (CSV).
 */
export const defaultUnitCosts: readonly UnitCost[] = [
  {
    supportSource: 'income_support',
    payer: 'kommun',
    // Socialstyrelsen, statistik om ekonomiskt bistånd 2024: riket 10 915 807 tkr till 145 456 biståndshushåll.
    annualOre: 75_045_00,
    source:
      'Socialstyrelsen, Statistik om ekonomiskt bistånd 2024: utbetalt ekonomiskt bistånd per biståndshushåll i riket, 75 045 kr (per hushåll, inte per person). Återgiven av Regionfakta, https://www.regionfakta.com/gotlands-lan/befolkning-och-hushall/ekonomiskt-bistand',
  },
];
