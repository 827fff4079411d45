/**
 * A value written to a column, as MySQL's strict mode (OceanBase 4.2's default sql_mode holds STRICT_ALL_TABLES)
 * stores it or refuses it: out of range 1264, too long 1406, not a number 1366, not a date 1292, NULL into NOT NULL
 * 1048. DECIMAL rounds half away from zero to its scale; an integer column rounds a fraction the same way.
 * The stored form is the engine's primitive (state.ts): DECIMAL as canonical text, times as UTC micros.
 */
import type { ColumnSchema, ColumnType, StoredValue } from '../../engine/index.js';
import { obErrorWith } from '../../errors.js';
import { Decimal, Temporal, type SqlValue } from '../../result.js';
import { decRound, pow10 } from '../decimal-math.js';
import { asDecimal, asDouble } from '../numeric.js';
import { fail } from '../scope.js';
import { fromWallClock, parseDateTime, toWallClock } from '../time.js';
import { textOf } from '../values.js';

const INT_BITS = { tinyint: 8, smallint: 16, mediumint: 24, int: 32, bigint: 64 } as const;
/** Bytes each TEXT type holds (MySQL's L + length-prefix limits). */
const TEXT_BYTES = { tinytext: 255, text: 65_535, mediumtext: 16_777_215, longtext: 4_294_967_295 } as const;
const NUMBER_TEXT = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** What a conversion error names: the column and the 1-based row of the statement. */
export interface WriteSite {
  readonly column: string;
  readonly row: number;
  /**
   * INSERT / UPDATE IGNORE: a value the column cannot hold is adjusted as MySQL adjusts it (clipped to the range,
   * cut to the length, the implicit default for NULL, the leading number of a text) and counted as a warning.
   */
  readonly lenient?: { warnings: number };
}

/** Under IGNORE, the adjusted value with a warning; otherwise the error. */
function adjust<T>(site: WriteSite, value: T, error: () => never): T {
  if (site.lenient === undefined) return error();
  site.lenient.warnings += 1;
  return value;
}

const LEADING_NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;

const RANGES = Object.fromEntries(
  Object.entries(INT_BITS).map(([base, n]) => {
    const bits = BigInt(n);
    return [base, { signed: [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n] as const, unsigned: [0n, 2n ** bits - 1n] as const }];
  }),
) as Record<keyof typeof INT_BITS, { readonly signed: readonly [bigint, bigint]; readonly unsigned: readonly [bigint, bigint] }>;

export function intRange(type: { readonly base: keyof typeof INT_BITS; readonly unsigned: boolean }): readonly [bigint, bigint] {
  const r = RANGES[type.base];
  return type.unsigned ? r.unsigned : r.signed;
}

function outOfRange(site: WriteSite): never {
  return fail(obErrorWith('OB_DATA_OUT_OF_RANGE', site.column, site.row));
}

function wrongValue(kind: string, v: SqlValue, site: WriteSite, zone: string | undefined): never {
  const text = v === null ? 'NULL' : textOf(v, 6, zone);
  return fail(obErrorWith('OB_ERR_TRUNCATED_WRONG_VALUE_FOR_FIELD', kind, text, site.column, site.row));
}

/** A string as a number, or a 1366 naming `kind`; the empty string is not a number in strict mode. */
function numericText(v: string, kind: string, site: WriteSite, zone: string | undefined): Decimal | number {
  let t = v.trim();
  if (!NUMBER_TEXT.test(v)) t = adjust(site, LEADING_NUMBER.exec(v)?.[0].trim() ?? '0', () => wrongValue(kind, v, site, zone));
  if (/[eE]/.test(t)) return Number(t);
  return asDecimal(t, zone);
}

/** A double as an integer, rounded half away from zero; an infinity past either end of any range. */
function doubleToInteger(x: number): bigint {
  if (!Number.isFinite(x)) return x > 0 ? 2n ** 64n : -(2n ** 64n);
  return BigInt(Math.sign(x) * Math.round(Math.abs(x)));
}

function toInteger(v: Exclude<SqlValue, null>, type: { base: keyof typeof INT_BITS; unsigned: boolean }, site: WriteSite, zone: string | undefined): bigint {
  let n: bigint;
  if (typeof v === 'bigint') n = v;
  else if (typeof v === 'number') n = doubleToInteger(v);
  else if (v instanceof Decimal) n = decRound(v, 0, false).unscaled;
  else if (typeof v === 'string') {
    const x = numericText(v, 'integer', site, zone);
    n = typeof x === 'number' ? doubleToInteger(x) : decRound(x, 0, false).unscaled;
  } else n = BigInt(Math.round(asDouble(v, zone)));
  const [lo, hi] = intRange(type);
  if (n < lo) return adjust(site, lo, () => outOfRange(site));
  if (n > hi) return adjust(site, hi, () => outOfRange(site));
  return n;
}

function toDecimalText(v: Exclude<SqlValue, null>, precision: number, scale: number, site: WriteSite, zone: string | undefined): string {
  let d: Decimal;
  if (typeof v === 'string') {
    const x = numericText(v, 'decimal', site, zone);
    d = typeof x === 'number' ? asDecimal(x, zone) : x;
  } else if (typeof v === 'number' && !Number.isFinite(v)) d = new Decimal(v > 0 ? pow10(precision) : -pow10(precision), 0);
  else d = asDecimal(v, zone);
  const rounded = decRound(d, scale, false);
  const unscaled = rounded.scale === scale ? rounded.unscaled : rounded.unscaled * pow10(scale - rounded.scale);
  const max = pow10(precision) - 1n;
  if ((unscaled < 0n ? -unscaled : unscaled) > max) return adjust(site, new Decimal(unscaled < 0n ? -max : max, scale).toString(), () => outOfRange(site));
  return new Decimal(unscaled, scale).toString();
}

function toDouble(v: Exclude<SqlValue, null>, float: boolean, site: WriteSite, zone: string | undefined): number {
  const x = typeof v === 'string' ? numericText(v, float ? 'float' : 'double', site, zone) : v;
  const n = typeof x === 'number' ? x : asDouble(x, zone);
  const limit = float ? 3.40282e38 : Number.MAX_VALUE;
  if (!Number.isFinite(n) || Math.abs(n) > limit) return adjust(site, n > 0 ? limit : -limit, () => outOfRange(site));
  if (!float) return n;
  // FLOAT keeps single precision; clients see its shortest form of six significant digits, as MySQL prints it.
  return Number(Math.fround(n).toPrecision(6));
}

function characters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

function toText(v: Exclude<SqlValue, null>, type: ColumnType, site: WriteSite, zone: string | undefined): string {
  let s = typeof v === 'string' ? v : textOf(v, v instanceof Temporal ? 6 : 0, zone);
  if (type.base === 'char' || type.base === 'varchar') {
    // CHAR drops trailing spaces on retrieval (PAD_CHAR_TO_FULL_LENGTH is off); trailing spaces past the length
    // of either type are cut without an error, as MySQL does even in strict mode.
    if (characters(s) > type.length) {
      const trimmed = s.replace(/ +$/, '');
      if (characters(trimmed) > type.length) s = adjust(site, firstCharacters(trimmed, type.length), () => fail(obErrorWith('OB_ERR_DATA_TOO_LONG', site.column, site.row)));
      else s = trimmed.padEnd(type.length, ' ');
    }
    return type.base === 'char' ? s.replace(/ +$/, '') : s;
  }
  const limit = TEXT_BYTES[type.base as keyof typeof TEXT_BYTES];
  if (utf8Length(s) > limit) return adjust(site, firstBytes(s, limit), () => fail(obErrorWith('OB_ERR_DATA_TOO_LONG', site.column, site.row)));
  return s;
}

/** The first `n` characters (code points) of `s`. */
function firstCharacters(s: string, n: number): string {
  return Array.from(s).slice(0, n).join('');
}

/** The longest start of `s` that fits `limit` UTF-8 bytes. */
function firstBytes(s: string, limit: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of s) {
    bytes += utf8Length(ch);
    if (bytes > limit) break;
    out += ch;
  }
  return out;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const MICROS_PER_DAY = 86_400_000_000n;

function toTemporal(v: Exclude<SqlValue, null>, type: Extract<ColumnType, { base: 'date' | 'datetime' | 'timestamp' }>, site: WriteSite, zone: string | undefined): bigint {
  let micros: bigint | undefined;
  if (v instanceof Temporal) micros = v.utcMicros;
  else if (typeof v === 'string') micros = parseDateTime(v.trim(), zone);
  else if (typeof v === 'bigint' || v instanceof Decimal) micros = parseDateTime(String(v instanceof Decimal ? v.unscaled / pow10(v.scale) : v), zone);
  if (micros === undefined) {
    const kind = type.base === 'date' ? 'date' : type.base;
    const text = textOf(v, 6, zone);
    return fail(obErrorWith('OB_INVALID_DATE_VALUE', kind, text, site.column, site.row));
  }
  if (type.base === 'date') {
    const wall = toWallClock(micros, zone);
    return fromWallClock({ ...wall, hour: 0, minute: 0, second: 0, micros: 0 }, UTC);
  }
  // The fraction rounds to the column's fsp, as MySQL rounds (TIME_TRUNCATE_FRACTIONAL is off).
  const step = 10n ** BigInt(6 - type.fsp);
  const rounded = ((micros + step / 2n) / step) * step;
  if (type.base === 'timestamp' && (rounded < 0n || rounded >= 2_147_483_648n * 1_000_000n)) return outOfRange(site);
  if (rounded < -MICROS_PER_DAY * 800_000n) return outOfRange(site);
  // A TIMESTAMP is an instant; a DATETIME is the wall clock it shows in the session's zone.
  return type.base === 'timestamp' ? rounded : toWall(rounded, zone);
}

/** `v` as column `c` stores it, or the strict-mode error. NULL into a NOT NULL column is 1048. */
export function storeValue(c: ColumnSchema, v: SqlValue, site: WriteSite, zone: string | undefined): StoredValue {
  if (v === null) {
    if (!c.nullable) return adjust(site, implicitDefault(c.type), () => fail(obErrorWith('OB_BAD_NULL_ERROR', c.name)));
    return null;
  }
  const type = c.type;
  switch (type.base) {
    case 'tinyint':
    case 'smallint':
    case 'mediumint':
    case 'int':
    case 'bigint':
      return toInteger(v, type, site, zone);
    case 'decimal':
      return toDecimalText(v, type.precision, type.scale, site, zone);
    case 'float':
    case 'double':
      return toDouble(v, type.base === 'float', site, zone);
    case 'char':
    case 'varchar':
    case 'tinytext':
    case 'text':
    case 'mediumtext':
    case 'longtext':
      return toText(v, type, site, zone);
    case 'date':
    case 'datetime':
    case 'timestamp':
      return toTemporal(v, type, site, zone);
  }
}

/** The value MySQL gives a NOT NULL column that has no default when the statement names it only implicitly. */
export function implicitDefault(type: ColumnType): StoredValue {
  switch (type.base) {
    case 'decimal':
      return new Decimal(0n, type.scale).toString();
    case 'float':
    case 'double':
      return 0;
    case 'char':
    case 'varchar':
    case 'tinytext':
    case 'text':
    case 'mediumtext':
    case 'longtext':
      return '';
    case 'date':
    case 'datetime':
    case 'timestamp':
      return 0n;
    default:
      return 0n;
  }
}

/** The instant NOW() at a column's fsp, for DEFAULT / ON UPDATE CURRENT_TIMESTAMP. */
export function nowAt(nowMicros: bigint, fsp: number): bigint {
  const step = 10n ** BigInt(6 - Math.min(Math.max(fsp, 0), 6));
  return (nowMicros / step) * step;
}

/** NOW() at the column's fsp as the column stores it: an instant for TIMESTAMP, the session's wall clock for DATETIME. */
export function nowFor(type: ColumnType, fsp: number, nowMicros: bigint, zone: string | undefined): bigint {
  const instant = nowAt(nowMicros, fsp);
  return type.base === 'timestamp' ? instant : toWall(instant, zone);
}

const UTC = '+00:00';

/** The wall clock an instant shows in the zone, as micros of that wall clock read as UTC. */
export function toWall(instant: bigint, zone: string | undefined): bigint {
  return fromWallClock(toWallClock(instant, zone), UTC);
}

const readers = new Map<string | undefined, (wall: bigint) => bigint>();

/** The instant that shows a stored wall clock in the zone: how a session reads its DATE and DATETIME values. */
export function fromWall(zone: string | undefined): (wall: bigint) => bigint {
  let f = readers.get(zone);
  if (f === undefined) {
    f = (wall) => fromWallClock(toWallClock(wall, UTC), zone);
    if (readers.size < 64) readers.set(zone, f);
  }
  return f;
}
