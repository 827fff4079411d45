/**
 * Virtual time and SCNs: GTS = virtual nanoseconds since the epoch (views.md §10.5), strictly increasing, with a
 * seeded sub-microsecond part so SCNs keep full ns precision like real ones.
 */
import { nextInt } from './rng.js';
import type { ClusterState } from '../state.js';

export const US_PER_SECOND = 1_000_000;
export const US_PER_DAY = 86_400 * US_PER_SECOND;

/** The SCN of a virtual instant, at µs precision (ns part 000, as checkpoint SCNs in samples). */
export function scnOfUs(us: number): bigint {
  return BigInt(Math.floor(us)) * 1000n;
}

/** The virtual µs of an SCN (floor). */
export function usOfScn(scn: bigint): number {
  return Number(scn / 1000n);
}

/** A fresh GTS at the current virtual time: strictly greater than every earlier one. */
export function nextGts(state: ClusterState): bigint {
  const candidate = scnOfUs(state.nowUs) + BigInt(nextInt(state.rng, 0, 999));
  const gts = candidate > state.lastGtsScn ? candidate : state.lastGtsScn + 1n;
  state.lastGtsScn = gts;
  return gts;
}

/**
 * The observer's own time zone: OceanBase's default `time_zone` is +08:00, and the server writes local times
 * with it (check file names, MIN_RESTORE_SCN_DISPLAY) and reads UNTIL TIME = '…' in it (ObRestoreUtil converts
 * the restore timestamp in the backed-up cluster's zone).
 */
export const SERVER_UTC_OFFSET_US = 8 * 3_600 * US_PER_SECOND;

/** The wall clock of an instant in the server's zone, as a Date whose UTC fields read as that wall clock. */
function serverWallClock(us: number): Date {
  return new Date(Math.floor((us + SERVER_UTC_OFFSET_US) / 1000));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYYMMDDThhmmss` in the server's zone (check file names, piece markers). */
export function compactTimestamp(us: number): string {
  const d = serverWallClock(us);
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

/**
 * BACKUP_SET_FILES.MIN_RESTORE_SCN_DISPLAY: a stored string with 9 fractional digits (views.md §4.3 #16). The
 * real one is written in the server's time zone, e.g. `2024-01-31 11:23:08.756316000` for 03:23:08 UTC.
 */
export function scnDisplay9(scn: bigint): string {
  const d = serverWallClock(Number(scn / 1000n));
  const frac = (scn % 1_000_000_000n).toString().padStart(9, '0');
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${frac}`
  );
}

/**
 * Parses an OceanBase time string (`ObConfigTimeParser`): a number with an optional unit us / ms / s / m / h / d
 * (case-insensitive; no unit means µs... except where callers say otherwise). Returns µs, or null if malformed.
 */
export function parseTimeString(text: string, defaultUnitUs = 1): number | null {
  const m = /^\s*(\d+)\s*(us|ms|s|m|h|d)?\s*$/i.exec(text);
  if (!m) return null;
  const units: Record<string, number> = { us: 1, ms: 1000, s: US_PER_SECOND, m: 60 * US_PER_SECOND, h: 3600 * US_PER_SECOND, d: US_PER_DAY };
  const unit = m[2] === undefined ? defaultUnitUs : (units[m[2].toLowerCase()] ?? 1);
  return Number(m[1]) * unit;
}
