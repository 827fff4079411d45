/**
 * Value rules shared by the views (views.md §2.2, §2.3, §4, §5, §11): timestamps from µs, SCN displays, the byte
 * display format, OUTPUT_RATE_BYTES, ELAPSED_SECONDES and COMPRESSION_RATIO. All arithmetic is exact (bigint): the
 * view SQL computes on decimals, and ROUND rounds half away from zero, so floats would drift on the last digit.
 */
import { Decimal, Temporal } from '../result.js';
import type { SqlValue } from '../result.js';

/** An integer column value (ids, counts, bytes, SCNs): always bigint, never a JS number (clients.md §2.3). */
export function int(n: number | bigint): bigint {
  return typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
}

/** USEC_TO_TIME(x): a TIMESTAMP instant. */
export function timestamp(us: number): Temporal {
  return new Temporal('TIMESTAMP', BigInt(Math.trunc(us)));
}

/** `CASE WHEN x = 0 THEN NULL ELSE USEC_TO_TIME(x) END` (END_TIMESTAMP while running, unset times). */
export function timestampOrNull(us: number): Temporal | null {
  return us === 0 ? null : timestamp(us);
}

/**
 * `CASE WHEN scn = 0 THEN NULL ELSE SCN_TO_TIMESTAMP(scn) END`: a DATETIME of the instant, which the evaluator
 * renders in the session time zone. SCNs are ns; the display keeps µs (datetime(6)), truncating the ns part.
 */
export function scnDisplay(scn: bigint): Temporal | null {
  return scn === 0n ? null : new Temporal('DATETIME', scn / 1000n);
}

/** q = n / d rounded half away from zero (d > 0). */
export function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (2n * abs + d) / (2n * d);
  return negative ? -q : q;
}

const MB = 1024n ** 2n;
const UNITS: readonly [bigint, string][] = [
  [1024n ** 5n, 'PB'],
  [1024n ** 4n, 'TB'],
  [1024n ** 3n, 'GB'],
];

/**
 * The byte display format (views.md §2.3): PB / TB / GB from 1 GB up, MB below (never KB or B), two decimals
 * always, no space before the unit: `15.00GB`, `298.65MB`, `0.00MB`.
 */
export function bytesDisplay(bytes: number | bigint): string {
  const b = int(bytes);
  const [unit, suffix] = UNITS.find(([u]) => b >= u) ?? [MB, 'MB'];
  return `${new Decimal(roundDiv(b * 100n, unit), 2).toString()}${suffix}`;
}

/**
 * OUTPUT_RATE_BYTES decimal(32,4): `CASE WHEN END_TS = 0 THEN 0 ELSE OUTPUT_BYTES / ((END_TS - START_TS)/1000/1000)
 * END`. The elapsed time is exact at µs, so the rate is bytes · 10^6 / µs, rounded to four decimals.
 */
export function outputRate(outputBytes: number, startUs: number, endUs: number): Decimal {
  if (endUs === 0) return new Decimal(0n, 4);
  const elapsedUs = int(endUs - startUs);
  // A zero elapsed time divides by zero, which MySQL answers with NULL; the view's NOT NULL column then shows 0.
  if (elapsedUs <= 0n) return new Decimal(0n, 4);
  return new Decimal(roundDiv(int(outputBytes) * 1_000_000n * 10_000n, elapsedUs), 4);
}

/** ELAPSED_SECONDES decimal(22,0): `CASE WHEN END_TS = 0 THEN 0 ELSE ROUND((END_TS - START_TS)/1000/1000, 0) END`. */
export function elapsedSeconds(startUs: number, endUs: number): Decimal {
  if (endUs === 0) return new Decimal(0n, 0);
  return new Decimal(roundDiv(int(endUs - startUs), 1_000_000n), 0);
}

/** COMPRESSION_RATIO decimal(n,2): `0` when input is 0, else `ROUND(output / input, 2)`. */
export function compressionRatio(inputBytes: number | bigint, outputBytes: number | bigint): Decimal {
  const input = int(inputBytes);
  if (input === 0n) return new Decimal(0n, 2);
  return new Decimal(roundDiv(int(outputBytes) * 100n, input), 2);
}

/** PLUS_ARCHIVELOG and the like. */
export function onOff(flag: boolean): string {
  return flag ? 'ON' : 'OFF';
}

/** `''` as NULL (PREVIOUS_LOCALITY and other view rules that map the empty string). */
export function emptyAsNull(text: string): SqlValue {
  return text === '' ? null : text;
}
