/**
 * Times in the session zone: instants are UTC microseconds (result.ts Temporal); the session's time_zone decides
 * how they are shown and how a string such as '2024-05-01 12:00:00' compared with them is read.
 */

const OFFSET = /^([+-])(\d{1,2}):(\d{2})$/;

/** True when `zone` is an offset (`+08:00`, `-5:30`), SYSTEM, or a zone name the runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  const m = OFFSET.exec(zone.trim());
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3]);
    // MySQL accepts -12:59 … +13:00 (OceanBase the same range).
    return Number(m[3]) < 60 && (m[1] === '+' ? minutes <= 13 * 60 : minutes <= 12 * 60 + 59);
  }
  if (zone.toUpperCase() === 'SYSTEM') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offsets of the fixed-offset zone texts met so far (`+08:00`, `SYSTEM`): the wire asks once per time value. */
const fixedOffsets = new Map<string, number>();
const FIXED_OFFSETS_MAX = 256;
/** The key of "no zone", which no zone text can equal. */
const DEFAULT_ZONE_KEY = '\u0000';

/** The zone's offset from UTC at `utcMs`, in minutes. SYSTEM is OceanBase's default +08:00. */
export function offsetMinutes(zone: string | undefined, utcMs: number): number {
  const key = zone ?? DEFAULT_ZONE_KEY;
  const known = fixedOffsets.get(key);
  if (known !== undefined) return known;
  const fixed = fixedOffsetMinutes(zone);
  if (fixed === undefined) return namedZoneOffsetMinutes((zone ?? '').trim(), utcMs);
  if (fixedOffsets.size < FIXED_OFFSETS_MAX) fixedOffsets.set(key, fixed);
  return fixed;
}

/** The offset of a zone text that names a fixed offset (no zone means +08:00), else undefined. */
function fixedOffsetMinutes(zone: string | undefined): number | undefined {
  const z = (zone ?? '+08:00').trim();
  const m = OFFSET.exec(z);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  if (z.toUpperCase() === 'SYSTEM') return 8 * 60;
  return undefined;
}

function namedZoneOffsetMinutes(z: string, utcMs: number): number {
  let f = formatters.get(z);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: z,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return 8 * 60;
    }
    formatters.set(z, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly micros: number;
}

const MICROS_PER_MS = 1000n;

/** The wall clock of an instant in the zone. */
export function toWallClock(utcMicros: bigint, zone: string | undefined): WallClock {
  const floorMs = utcMicros >= 0n ? utcMicros / MICROS_PER_MS : -((-utcMicros + 999n) / MICROS_PER_MS);
  const micros = Number(utcMicros - floorMs * MICROS_PER_MS) + (Number(floorMs) % 1000 + 1000) % 1000 * 1000;
  const ms = Number(floorMs);
  const d = new Date(ms + offsetMinutes(zone, ms) * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    micros,
  };
}

/** The instant of a wall clock in the zone (two passes, so zones with DST land on the right offset). */
export function fromWallClock(w: WallClock, zone: string | undefined): bigint {
  const localMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  let utcMs = localMs - offsetMinutes(zone, localMs) * 60000;
  utcMs = localMs - offsetMinutes(zone, utcMs) * 60000;
  return BigInt(utcMs) * MICROS_PER_MS + BigInt(w.micros);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD HH:MM:SS[.ffffff]` with `fsp` fractional digits; `YYYY-MM-DD` for DATE. */
export function formatTemporal(utcMicros: bigint, type: 'DATETIME' | 'TIMESTAMP' | 'DATE', fsp: number, zone: string | undefined): string {
  const w = toWallClock(utcMicros, zone);
  const date = `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
  if (type === 'DATE') return date;
  const time = `${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}`;
  const fraction = fsp > 0 ? `.${pad(w.micros, 6).slice(0, fsp)}` : '';
  return `${date} ${time}${fraction}`;
}

const DATETIME_TEXT = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,6})\d*)?)?)?\s*$/;
const COMPACT_TEXT = /^\s*(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})(?:\.(\d{1,6})\d*)?)?\s*$/;

/** Reads `YYYY-MM-DD[ HH:MM[:SS[.ffffff]]]` (or `YYYYMMDD[HHMMSS]`) as a wall clock in the zone; undefined if invalid. */
export function parseDateTime(text: string, zone: string | undefined): bigint | undefined {
  const m = DATETIME_TEXT.exec(text) ?? COMPACT_TEXT.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const micros = m[7] === undefined ? 0 : Number(m[7].padEnd(6, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  return fromWallClock({ year, month, day, hour, minute, second, micros }, zone);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
