/**
 * The rows of an INSERT's source, handed to the insert one at a time. A VALUES list of plain literals becomes
 * values row by row as the insert reaches it instead of all rows first: a 1,000-row statement then no longer holds
 * a thousand rows of values (bigints, decimals) until its end, which every young-generation collection in
 * between had to copy. Only lists whose evaluation cannot fail are read lazily, so the first error of a statement
 * is the same either way (a wrong row width, 1136, is still checked for every row before any is stored).
 */
import type { ValueItem } from '../../../grammar/ast.js';
import type { SqlValue } from '../../result.js';

/** One source row's values by position, `undefined` standing for DEFAULT. */
export type SourceRow = (SqlValue | undefined)[];

export interface SourceRows {
  readonly length: number;
  row(i: number): SourceRow;
}

export function eagerRows(rows: readonly SourceRow[]): SourceRows {
  return { length: rows.length, row: (i) => rows[i] as SourceRow };
}

/** Digits only, short enough that negating the number cannot leave BIGINT's range (operators.ts checkBigint). */
const SHORT_INTEGER = /^\d{1,18}$/;

/**
 * Whether evaluating the item can never fail: DEFAULT, a literal or a bound `?`, or `-` before a number that
 * stays in range (a longer integer could overflow BIGINT when negated, which is an error).
 */
export function cannotFail(e: ValueItem): boolean {
  if (e === undefined) return true;
  switch (e.kind) {
    case 'StringLiteral':
    case 'NullLiteral':
    case 'BoolLiteral':
    case 'NumberLiteral':
    case 'Parameter':
      return true;
    case 'Unary':
      return e.op === '-' && e.operand.kind === 'NumberLiteral' && (SHORT_INTEGER.test(e.operand.text) || !/^\d+$/.test(e.operand.text));
    default:
      return false;
  }
}

/** The rows of a VALUES list whose items all `cannotFail` (rows already checked for width), evaluated on demand. */
export function lazyRows(items: readonly (readonly ValueItem[])[], width: number, evaluate: (e: Exclude<ValueItem, undefined>) => SqlValue): SourceRows {
  return {
    length: items.length,
    row: (i) => {
      const row = items[i] as readonly ValueItem[];
      // `VALUES ()` is a row of defaults for every column.
      if (row.length === 0) return new Array<undefined>(width).fill(undefined);
      const out: SourceRow = new Array<SqlValue | undefined>(row.length);
      for (let j = 0; j < row.length; j++) {
        const e = row[j];
        out[j] = e === undefined ? undefined : evaluate(e);
      }
      return out;
    },
  };
}
