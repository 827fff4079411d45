/**
 * Primary and unique keys as the engine keeps them: one string per key that sorts and compares, as JavaScript
 * compares strings, the way the key's columns do. Numbers are fixed-width hex in offset binary (order-preserving),
 * doubles their IEEE bits flipped so that the order holds for negatives, strings as utf8mb4_general_ci compares
 * them (case-insensitive, trailing spaces ignored: 'a' and 'A ' are one key) with a terminator, so a shorter
 * string sorts first.
 */
import type { ColumnType, IndexSchema, StoredRow, StoredValue, TableSchema } from '../../engine/index.js';
import { pow10 } from '../decimal-math.js';

const HEX64 = 16;
/** Hex digits of a DECIMAL(65) in offset binary: 2 * 10^65 < 16^56. */
const HEX_DECIMAL = 56;
/** The offsets, computed once (a bigint power per key part was a bulk INSERT's garbage). */
const SIGNED_BIAS = 2n ** 63n;
const DECIMAL_BIAS = pow10(65);

function offsetHex(n: bigint, bias: bigint, width: number): string {
  return (n + bias).toString(16).padStart(width, '0');
}

function doubleKey(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x === 0 ? 0 : x);
  let bits = view.getBigUint64(0);
  bits = x < 0 ? ~bits & 0xffff_ffff_ffff_ffffn : bits | 0x8000_0000_0000_0000n;
  return bits.toString(16).padStart(HEX64, '0');
}

/** The collation key of utf8mb4_general_ci, near enough: upper-cased, trailing spaces dropped. */
export function textKey(s: string): string {
  return s.replace(/ +$/, '').toUpperCase();
}

function stringPart(s: string): string {
  // \u0000 terminates; \u0000 and \u0001 inside are escaped so that the terminator still sorts lowest.
  return `${textKey(s).replace(/[\u0000\u0001]/g, (c) => `\u0001${c === '\u0000' ? '\u0001' : '\u0002'}`)}\u0000`;
}

function decimalPart(text: string, scale: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const unscaled = BigInt(`${whole}${fraction.padEnd(scale, '0')}` || '0');
  return offsetHex(negative ? -unscaled : unscaled, DECIMAL_BIAS, HEX_DECIMAL);
}

function part(type: ColumnType, v: StoredValue): string {
  if (v === null) return '\u0000';
  switch (type.base) {
    case 'tinyint':
    case 'smallint':
    case 'mediumint':
    case 'int':
    case 'bigint':
      return offsetHex(v as bigint, type.unsigned ? 0n : SIGNED_BIAS, HEX64);
    case 'decimal':
      return decimalPart(String(v), type.scale);
    case 'float':
    case 'double':
      return doubleKey(v as number);
    case 'date':
    case 'datetime':
    case 'timestamp':
      return offsetHex(v as bigint, SIGNED_BIAS, HEX64);
    default:
      return stringPart(String(v));
  }
}

/** The key of the columns at `positions` of `row`. */
export function encodeKey(schema: TableSchema, positions: readonly number[], row: StoredRow): string {
  let key = '';
  for (const p of positions) key += part((schema.columns[p] as { type: ColumnType }).type, row[p] ?? null);
  return key;
}

/** As MySQL shows a key in "Duplicate entry '…'": the values joined by '-'. */
export function keyDisplay(positions: readonly number[], row: readonly (string | null)[]): string {
  // A one-column key is most keys: its text without an array and a join for every row written.
  if (positions.length === 1) return row[positions[0] as number] ?? 'NULL';
  return positions.map((p) => row[p] ?? 'NULL').join('-');
}

/** Per schema object (schemas are never changed in place): uniqueKeysOf runs for every row a statement writes. */
const uniqueBySchema = new WeakMap<TableSchema, readonly IndexSchema[]>();

export function uniqueIndexes(schema: TableSchema): readonly IndexSchema[] {
  let unique = uniqueBySchema.get(schema);
  if (unique === undefined) {
    unique = schema.indexes.filter((i) => i.unique);
    uniqueBySchema.set(schema, unique);
  }
  return unique;
}

/** Per unique index in schema order: its key, or null when one of its columns is NULL (NULLs never collide). */
export function uniqueKeysOf(schema: TableSchema, row: StoredRow, shown: readonly (string | null)[]): ({ index: string; key: string; display: string } | null)[] {
  const unique = uniqueIndexes(schema);
  if (unique.length === 0) return [];
  return unique.map((ix) => {
    if (ix.columns.some((c) => row[c] === null || row[c] === undefined)) return null;
    return { index: ix.name, key: encodeKey(schema, ix.columns, row), display: keyDisplay(ix.columns, shown) };
  });
}
