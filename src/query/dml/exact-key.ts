/**
 * The key a WHERE's `keycol = value` names, when exactly one key can hold every row the scan would match. A point
 * read (lookup.ts) reads only the row that key names, so a value whose conversion to the column is not exact must
 * leave the table to the scan: `id = '4242abc'` and `id = 4242.0e0` compare as doubles, several stored values can
 * then equal one value, and the scan finds them all. What is exact: an integer or DECIMAL value, or a string the
 * comparison itself reads as one (values.ts stringToExact), compared with an integer or DECIMAL column; an integer
 * double below 2^53 with an integer column. Strings against text columns are a collation question (the key folds
 * case only, the comparison also drops accents: 'cafe' = 'café'), temporal and floating keys a rounding one: they
 * are scanned.
 */
import type { ColumnSchema, ColumnType, StoredValue, TableSchema } from '../../engine/index.js';
import { Decimal, type SqlValue } from '../../result.js';
import { pow10 } from '../decimal-math.js';
import { EvalFailure } from '../scope.js';
import { stringToExact } from '../values.js';
import { encodeKey } from './keys.js';
import { storeValue } from './store-value.js';

/** Doubles at or above this magnitude stand for more than one integer: 2^53 + 1 compares equal to 2^53. */
const EXACT_DOUBLE = 2 ** 53;

/** `v` as the exact integer or decimal it is, or undefined when the comparison would read it as a double. */
function exactNumber(v: Exclude<SqlValue, null>): bigint | Decimal | undefined {
  if (typeof v === 'bigint' || v instanceof Decimal) return v;
  if (typeof v === 'string') return stringToExact(v);
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < EXACT_DOUBLE) return BigInt(v);
  return undefined;
}

/** `n` at `scale` digits, or undefined when that would drop a non-zero digit (no row of that scale equals it). */
function atScale(n: bigint | Decimal, scale: number): Decimal | undefined {
  const d = typeof n === 'bigint' ? new Decimal(n, 0) : n;
  if (d.scale <= scale) return new Decimal(d.unscaled * pow10(scale - d.scale), scale);
  const drop = pow10(d.scale - scale);
  return d.unscaled % drop === 0n ? new Decimal(d.unscaled / drop, scale) : undefined;
}

/** `v` brought exactly to column type `type`, before the write path's own conversion; undefined when it is not exact. */
function exactFor(type: ColumnType, v: SqlValue): SqlValue | undefined {
  if (v === null) return undefined;
  switch (type.base) {
    case 'tinyint':
    case 'smallint':
    case 'mediumint':
    case 'int':
    case 'bigint': {
      if (typeof v === 'number' && !Number.isInteger(v)) return undefined;
      const n = exactNumber(v);
      return n === undefined ? undefined : atScale(n, 0)?.unscaled;
    }
    case 'decimal': {
      const n = typeof v === 'number' ? undefined : exactNumber(v);
      return n === undefined ? undefined : atScale(n, type.scale);
    }
    default:
      return undefined;
  }
}

/** `v` stored in column `c` as an INSERT would store it, or undefined when not exact or out of the column's range. */
export function exactStored(c: ColumnSchema, v: SqlValue, zone: string | undefined): StoredValue | undefined {
  const exact = exactFor(c.type, v);
  if (exact === undefined) return undefined;
  try {
    return storeValue({ ...c, nullable: true }, exact, { column: c.name, row: 1 }, zone);
  } catch (error) {
    // Out of range (1264) or too many digits for the precision: no stored row can equal it; the scan says so.
    if (error instanceof EvalFailure) return undefined;
    throw error;
  }
}

/** The key of the columns at `positions` from their compared values, or undefined when any is missing or inexact. */
export function exactKey(schema: TableSchema, positions: readonly number[], values: ReadonlyMap<number, SqlValue>, zone: string | undefined): string | undefined {
  if (positions.length === 0) return undefined;
  const row: StoredValue[] = new Array<StoredValue>(schema.columns.length).fill(null);
  for (const p of positions) {
    const c = schema.columns[p];
    if (c === undefined || !values.has(p)) return undefined;
    const stored = exactStored(c, values.get(p) ?? null, zone);
    if (stored === undefined) return undefined;
    row[p] = stored;
  }
  return encodeKey(schema, positions, row);
}
