/** An additive relation of a table: the cells `parts` sum to the cell `total` (cells by index). */
export interface Relation {
  readonly parts: readonly number[];
  readonly total: number;
}
