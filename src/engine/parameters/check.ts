/**
 * Whether a value is one ObConfigItem would take (ObAdminSetConfig::verify_config: check_unit, set_value, check).
 * The parsers follow src/share/config/ob_config_helper.cpp: integers are C strtol with base 0 and must use the
 * whole string; capacities must carry a unit when set (check_unit) though a range bound without one means MB; times
 * default to seconds; booleans are true/false/on/off/yes/no/t/f/1/0. A range `[a,b]` / `(a,b)` with an empty side is
 * open on that side, each bound parsed as the item's own type. STRING items with a custom checker (compress
 * function names, audit modes, …) accept any value here: their checkers are not modelled, and refusing a value
 * OceanBase takes would break the tools that set it.
 */
import { InvariantError } from '../../errors.js';
import type { ParameterDef } from './table.js';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** C strtol(str, &end, 0): leading space, a sign, 0x / 0 prefixes; saturates like strtol. Returns value and rest. */
function strtol(text: string): { value: bigint; rest: string } | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  if (m === null) return null;
  const digits = m[2] ?? '0';
  let value = digits.length > 1 && digits.startsWith('0') && !/^0[xX]/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  if (m[1] === '-') value = -value;
  if (value > INT64_MAX) value = INT64_MAX;
  if (value < INT64_MIN) value = INT64_MIN;
  return { value, rest: text.slice(m[0].length) };
}

const CAP_SHIFT: Record<string, bigint> = { b: 0n, byte: 0n, k: 10n, kb: 10n, m: 20n, mb: 20n, g: 30n, gb: 30n, t: 40n, tb: 40n, p: 50n, pb: 50n };
const TIME_US: Record<string, bigint> = { us: 1n, ms: 1_000n, '': 1_000_000n, s: 1_000_000n, m: 60_000_000n, h: 3_600_000_000n, d: 86_400_000_000n };

function parseInt64(text: string): bigint | null {
  const n = strtol(text);
  return n !== null && n.rest === '' ? n.value : null;
}

/** ObConfigCapacityParser::get; `unitRequired` is check_unit. */
function parseCapacity(text: string, unitRequired: boolean): bigint | null {
  const n = strtol(text);
  if (n === null || n.value < 0n) return null;
  if (n.rest === '') return unitRequired ? null : n.value << 20n;
  const shift = CAP_SHIFT[n.rest.toLowerCase()];
  return shift === undefined ? null : n.value << shift;
}

function parseTime(text: string): bigint | null {
  const n = strtol(text);
  if (n === null || n.value < 0n) return null;
  const unit = TIME_US[n.rest.toLowerCase()];
  return unit === undefined ? null : n.value * unit;
}

/** C strtod over the whole string. */
function parseDouble(text: string): number | null {
  const t = text.replace(/^[ \t\n\v\f\r]+/, '');
  if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf(inity)?|nan)$/i.test(t)) return null;
  return Number(t.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
}

interface Range<T> {
  min: T | null;
  minOpen: boolean;
  max: T | null;
  maxOpen: boolean;
}

/** ObConfigIntegralItem::parse_range: the last `(`/`[`, `,` and `)`/`]`; a bound that does not parse is no bound. */
function parseRange<T>(range: string, bound: (text: string) => T | null): Range<T> {
  const open = Math.max(range.lastIndexOf('('), range.lastIndexOf('['));
  const comma = range.lastIndexOf(',');
  const close = Math.max(range.lastIndexOf(')'), range.lastIndexOf(']'));
  if (open < 0 || !(open < comma && comma < close)) return { min: null, minOpen: false, max: null, maxOpen: false };
  const left = range.slice(open + 1, comma);
  const right = range.slice(comma + 1, close);
  return {
    min: left === '' ? null : bound(left),
    minOpen: range[open] === '(',
    max: right === '' ? null : bound(right),
    maxOpen: range[close] === ')',
  };
}

function inRange<T extends bigint | number>(v: T, r: Range<T>): boolean {
  if (r.min !== null && (r.minOpen ? !(v > r.min) : !(v >= r.min))) return false;
  if (r.max !== null && (r.maxOpen ? !(v < r.max) : !(v <= r.max))) return false;
  return true;
}

const BOOL_WORDS = new Set(['true', 'false', 'on', 'off', 'yes', 'no', 't', 'f', '1', '0']);
const LOG_LEVELS = new Set(['DEBUG', 'TRACE', 'WDIAG', 'EDIAG', 'INFO', 'WARN', 'ERROR']);

/** OB_LOGGER.parse_check: `LEVEL`, or `mod[.sub]:LEVEL` items separated by commas; PERF is also taken. */
function isLogLevel(text: string): boolean {
  if (text.toUpperCase() === 'PERF') return true;
  return text.split(',').every((item) => {
    const m = /^\s*(?:[A-Za-z_]+(?:\.[A-Za-z_*]+)?\s*:\s*)?([A-Za-z]+)\s*$/.exec(item);
    return m !== null && LOG_LEVELS.has((m[1] ?? '').toUpperCase());
  });
}

/** ObConfigMomentItem::set: `disable` or strptime's `%H:%M`. */
function isMoment(text: string): boolean {
  if (text.toLowerCase() === 'disable') return true;
  const m = /^\s*(\d{1,2})\s*:\s*(\d{1,2})/.exec(text);
  return m !== null && Number(m[1]) <= 23 && Number(m[2]) <= 59;
}

/** true when OceanBase would store the value; false is OB_INVALID_CONFIG. */
export function isValidParameterValue(def: ParameterDef, value: string): boolean {
  switch (def.type) {
    case 'INT': {
      const v = parseInt64(value);
      return v !== null && inRange(v, parseRange(def.range, parseInt64));
    }
    case 'CAP': {
      const v = parseCapacity(value, true);
      return v !== null && inRange(v, parseRange(def.range, (b) => parseCapacity(b, false)));
    }
    case 'TIME': {
      const v = parseTime(value);
      return v !== null && inRange(v, parseRange(def.range, parseTime));
    }
    case 'DOUBLE': {
      const v = parseDouble(value);
      return v !== null && inRange(v, parseRange(def.range, parseDouble));
    }
    case 'BOOL':
      return BOOL_WORDS.has(value.toLowerCase());
    case 'LOG_LEVEL':
      return isLogLevel(value);
    case 'MOMENT':
      return isMoment(value);
    case 'VERSION':
      return /^\d+\.\d+(\.\d+){0,2}$/.test(value);
    case 'STRING':
    case 'STRING_LIST':
      return true;
  }
}

/** An INT parameter's value as OceanBase reads it (strtol base 0); call only on a value isValidParameterValue took. */
export function parseIntLikeOceanBase(value: string): bigint {
  const v = parseInt64(value);
  if (v === null) throw new InvariantError(`not an integer parameter value: ${value}`);
  return v;
}
