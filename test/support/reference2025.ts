/**
 * Known exceptions of the 2025 reference (vastmanland-2025.source.json): printed figures that no kronor amounts
 * can give, shared by the driftredovisning test and the annual report tests.
 */
/**
 * Printed cells that the import file's kronor cannot give (asserted as the computed value, with the reason).
 * The first seven are listed by the reference as kind "rounding"; the last two are not (see the report).
 */
export const notFromKronor: { row: string; cell: string; printed: number; computed: number; reason: string }[] = [
  { row: 'total', cell: 'outcomeIncome', printed: 18965, computed: 18964, reason: 'SUMMA intäkt: the source added rounded parts; exact 18 964 118 kr (Not 2) rounds to 18 964' },
  { row: 'total', cell: 'budgetNet', printed: -2029, computed: -2028, reason: 'budget SUMMA: income 18 958 tkr and cost 20 986 tkr allow at most −2 028 (exact −2 028 499 kr)' },
  { row: 'total', cell: 'previousIncome', printed: 19042, computed: 19043, reason: 'SUMMA intäkt 2024: exact 19 042 563 kr rounds to 19 043 (the five-year table prints 19 043)' },
  { row: 'Kansli + Bilkonto', cell: 'deviation', printed: 68, computed: 69, reason: 'reference check drift_rowdev_Kansli + Bilkonto (rounding): exact deviation 68 600 kr' },
  { row: 'Samordningsteam SVM', cell: 'deviation', printed: 56, computed: 57, reason: 'reference check drift_rowdev_Samordningsteam SVM (rounding): exact 57 000 kr' },
  { row: 'Processstöd samverkansinsatser', cell: 'deviation', printed: -19, computed: -20, reason: 'reference check drift_rowdev_Processstöd samverkansinsatser (rounding): exact −19 511 kr' },
  { row: 'process_support', cell: 'deviation', printed: -19, computed: -20, reason: 'reference check drift_rowdev_Summa processtöd samverkansinsatser (rounding): exact −19 511 kr' },
  {
    row: 'Samordningsteam Sala',
    cell: 'deviation',
    printed: 49,
    computed: 48,
    reason: 'not in the reference list: the import file chose outcome 1 671 337 and budget 1 719 600 kr, whose deviation 48 263 kr rounds to 48; the printed 49 is the difference of the printed nets',
  },
  {
    row: 'individual',
    cell: 'deviation',
    printed: 1443,
    computed: 1444,
    reason: 'not in the reference list: follows from the Sala line: the file’s budget 13 842 499 kr − Not 3 outcome 12 398 937 kr = 1 443 562 kr rounds to 1 444',
  },
];
