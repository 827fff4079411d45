/**
 * MySQL value semantics the evaluator shares: truth, numeric coercion of strings, utf8mb4_general_ci string
 * comparison (case- and accent-insensitive, trailing spaces ignored), and one total comparison across types.
 */
import { Decimal, Temporal, type SqlValue } from '../result.js';
import { decCompare, decToNumber, parseDecimal } from './decimal-math.js';
import { formatTemporal, parseDateTime, toWallClock } from './time.js';

const ASCII = /^[\x00-\x7f]*$/;

/** The utf8mb4_general_ci sort key: PAD SPACE, case- and accent-folded. */
export function ciKey(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  const t = end === s.length ? s : s.slice(0, end);
  return ASCII.test(t) ? t.toUpperCase() : t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}

export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const fast = compareAscii(a, b);
  if (fast !== undefined) return fast;
  const x = ciKey(a);
  const y = ciKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * compareStrings for two ASCII strings without building their keys (a WHERE on a status or type column compares
 * every row): trailing spaces ignored, a-z folded to A-Z, then code units in order, as ciKey does for ASCII.
 * Undefined when either string holds anything else, which takes the general path.
 */
function compareAscii(a: string, b: string): number | undefined {
  let ea = a.length;
  while (ea > 0 && a.charCodeAt(ea - 1) === 32) ea--;
  let eb = b.length;
  while (eb > 0 && b.charCodeAt(eb - 1) === 32) eb--;
  const n = Math.min(ea, eb);
  let order = 0;
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x >= 0x80 || y >= 0x80) return undefined;
    if (order !== 0) continue;
    if (x >= 97 && x <= 122) x -= 32;
    if (y >= 97 && y <= 122) y -= 32;
    if (x !== y) order = x < y ? -1 : 1;
  }
  for (let i = n; i < ea; i++) if (a.charCodeAt(i) >= 0x80) return undefined;
  for (let i = n; i < eb; i++) if (b.charCodeAt(i) >= 0x80) return undefined;
  if (order !== 0) return order;
  return ea === eb ? 0 : ea < eb ? -1 : 1;
}

const NUMERIC_PREFIX = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;

/** MySQL reads a string as a number by its leading numeric prefix: '12abc' is 12, 'abc' is 0. */
export function stringToDouble(s: string): number {
  const m = NUMERIC_PREFIX.exec(s);
  return m ? Number(m[1]) : 0;
}

/** The string as an exact number when it is one entirely (`' 1002 '`, `'-1.50'`), else undefined. */
export function stringToExact(s: string): bigint | Decimal | undefined {
  const t = s.trim();
  if (/^[+-]?\d+$/.test(t)) return BigInt(t);
  return parseDecimal(t);
}

/** A DATETIME as MySQL's number YYYYMMDDHHMMSS[.ffffff]. */
export function temporalToDouble(t: Temporal, zone: string | undefined): number {
  const w = toWallClock(t.utcMicros, zone);
  const date = w.year * 10000 + w.month * 100 + w.day;
  if (t.type === 'DATE') return date;
  return date * 1000000 + w.hour * 10000 + w.minute * 100 + w.second + w.micros / 1e6;
}

export function toDouble(v: Exclude<SqlValue, null>, zone: string | undefined): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return stringToDouble(v);
  if (v instanceof Decimal) return decToNumber(v);
  return temporalToDouble(v, zone);
}

/** SQL truth: NULL stays unknown; numbers are true when non-zero; strings by their numeric prefix. */
export function truth(v: SqlValue, zone: string | undefined): boolean | null {
  if (v === null) return null;
  if (typeof v === 'bigint') return v !== 0n;
  if (v instanceof Decimal) return v.unscaled !== 0n;
  if (v instanceof Temporal) return true;
  return toDouble(v, zone) !== 0;
}

function cmpNum(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareExact(a: bigint | Decimal, b: bigint | Decimal): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = typeof a === 'bigint' ? new Decimal(a, 0) : a;
  const y = typeof b === 'bigint' ? new Decimal(b, 0) : b;
  return decCompare(x, y);
}

const isExact = (v: SqlValue): v is bigint | Decimal => typeof v === 'bigint' || v instanceof Decimal;

/**
 * Compares two non-NULL values as MySQL does for `<`, `=`, ORDER BY and MAX: strings by collation, numbers
 * exactly, a string against a number as numbers (exactly when the string is an exact number, like OceanBase's
 * decimal comparison), a string against a time by reading the string in the session zone.
 */
export function compareValues(a: Exclude<SqlValue, null>, b: Exclude<SqlValue, null>, zone: string | undefined): number {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (isExact(a) && isExact(b)) return compareExact(a, b);
  if (a instanceof Temporal || b instanceof Temporal) return compareTemporal(a, b, zone);
  if (typeof a === 'string' && isExact(b)) {
    const x = stringToExact(a);
    if (x !== undefined) return compareExact(x, b);
  }
  if (typeof b === 'string' && isExact(a)) {
    const y = stringToExact(b);
    if (y !== undefined) return compareExact(a, y);
  }
  return cmpNum(toDouble(a, zone), toDouble(b, zone));
}

function compareTemporal(a: Exclude<SqlValue, null>, b: Exclude<SqlValue, null>, zone: string | undefined): number {
  if (a instanceof Temporal && b instanceof Temporal) return a.utcMicros < b.utcMicros ? -1 : a.utcMicros > b.utcMicros ? 1 : 0;
  if (a instanceof Temporal && typeof b === 'string') {
    const t = parseDateTime(b, zone);
    if (t !== undefined) return a.utcMicros < t ? -1 : a.utcMicros > t ? 1 : 0;
    return compareStrings(formatTemporal(a.utcMicros, a.type, 6, zone), b);
  }
  if (b instanceof Temporal && typeof a === 'string') return -compareTemporal(b, a, zone);
  return cmpNum(toDouble(a, zone), toDouble(b, zone));
}

/** MySQL's text for a double: shortest round-trip digits, exponent without '+'. */
export function formatDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (Object.is(n, -0)) return '0';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-15)) return n.toExponential().replace('e+', 'e');
  return String(n);
}

/** The text of a value, as CONCAT and the text protocol see it; `fsp` is the time column's fraction digits. */
export function textOf(v: Exclude<SqlValue, null>, fsp: number, zone: string | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatDouble(v);
  if (v instanceof Decimal) return v.toString();
  return formatTemporal(v.utcMicros, v.type, fsp, zone);
}

/**
 * A key under which equal values (by compareValues within one column's type) collide: GROUP BY, DISTINCT,
 * COUNT(DISTINCT). Numbers of different representation but equal value share a key.
 */
export function groupKey(v: SqlValue): string {
  if (v === null) return 'N';
  if (typeof v === 'string') return `S${ciKey(v)}`;
  if (typeof v === 'bigint') return `D${v}`;
  if (v instanceof Decimal) return `D${normalizeDecimal(v)}`;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 53 ? `D${BigInt(v)}` : `F${v}`;
  return `T${v.utcMicros}`;
}

function normalizeDecimal(d: Decimal): string {
  let u = d.unscaled;
  let s = d.scale;
  while (s > 0 && u % 10n === 0n) {
    u /= 10n;
    s--;
  }
  return s === 0 ? u.toString() : new Decimal(u, s).toString();
}
