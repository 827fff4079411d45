/**
 * Calendar arithmetic for the edge: a Temporal (UTC microseconds) becomes local wall-clock fields in the session's
 * time zone, and those fields become text ('YYYY-MM-DD HH:MM:SS.ffffff') or the binary date format.
 */
import type { Temporal } from '../result.js';

export interface DateTimeFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly micro: number;
}

const MICROS_PER_DAY = 86_400_000_000n;

const MICROS_PER_DAY_NUMBER = 86_400_000_000;
/**
 * Up to this many µs from the epoch (about ±285 years), an instant plus any zone offset (under 2^37 µs) is still a
 * double that holds every microsecond; beyond it the bigint path runs.
 */
const EXACT_MICROS = 2 ** 53 - 2 ** 37;

/** Wall-clock fields of `value`; DATE values are calendar days and take no offset. */
export function temporalFields(value: Temporal, offsetSeconds: number): DateTimeFields {
  const asNumber = Number(value.utcMicros);
  // Every instant a view shows fits a double exactly; bigint arithmetic is kept for the others.
  if (Math.abs(asNumber) <= EXACT_MICROS) return fieldsOfNumber(value.type === 'DATE' ? asNumber : asNumber + offsetSeconds * 1_000_000);
  const local = value.type === 'DATE' ? value.utcMicros : value.utcMicros + BigInt(offsetSeconds) * 1_000_000n;
  let days = local / MICROS_PER_DAY;
  let rest = local % MICROS_PER_DAY;
  if (rest < 0n) {
    rest += MICROS_PER_DAY;
    days -= 1n;
  }
  const [year, month, day] = civilFromDays(Number(days));
  const micros = Number(rest);
  const seconds = Math.floor(micros / 1_000_000);
  return {
    year,
    month,
    day,
    hour: Math.floor(seconds / 3600),
    minute: Math.floor(seconds / 60) % 60,
    second: seconds % 60,
    micro: micros % 1_000_000,
  };
}

function fieldsOfNumber(local: number): DateTimeFields {
  const days = Math.floor(local / MICROS_PER_DAY_NUMBER);
  const rest = local - days * MICROS_PER_DAY_NUMBER;
  const [year, month, day] = civilFromDays(days);
  const seconds = Math.floor(rest / 1_000_000);
  return {
    year,
    month,
    day,
    hour: Math.floor(seconds / 3600),
    minute: Math.floor(seconds / 60) % 60,
    second: seconds % 60,
    micro: rest % 1_000_000,
  };
}

/** Days since 1970-01-01 to a proleptic Gregorian (year, month, day) (H. Hinnant's civil_from_days). */
function civilFromDays(daysSinceEpoch: number): [number, number, number] {
  const z = daysSinceEpoch + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** '00' … '99': most fields are two digits, and this is the hot path of every time a result carries. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

function pad(n: number, width: number): string {
  if (width === 2 && n >= 0 && n < 100) return TWO_DIGITS[n] as string;
  return String(n).padStart(width, '0');
}

export function formatDate(f: DateTimeFields): string {
  return `${pad(f.year, 4)}-${pad(f.month, 2)}-${pad(f.day, 2)}`;
}

/** 'YYYY-MM-DD HH:MM:SS' plus `fsp` fraction digits (truncated, as the column's precision shows them). */
export function formatDateTime(f: DateTimeFields, fsp: number): string {
  const base = `${formatDate(f)} ${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}`;
  return fsp > 0 ? `${base}.${pad(f.micro, 6).slice(0, fsp)}` : base;
}

const DATETIME_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,6}))?)?$/;

/** Reads 'YYYY-MM-DD[ HH:MM:SS[.ffffff]]' (a string a session put in a DATETIME column), or null. */
export function parseDateTimeText(text: string): DateTimeFields | null {
  const m = DATETIME_TEXT.exec(text.trim());
  if (m === null) return null;
  const n = (i: number): number => Number(m[i] ?? '0');
  return {
    year: n(1),
    month: n(2),
    day: n(3),
    hour: n(4),
    minute: n(5),
    second: n(6),
    micro: Number((m[7] ?? '').padEnd(6, '0')),
  };
}
