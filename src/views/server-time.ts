/**
 * The emulated observer's own time zone, for the few values OceanBase stores as pre-formatted text rather than as
 * instants: BACKUP_SET_FILES.MIN_RESTORE_SCN_DISPLAY (views.md §4.3 #16) is written by the server in its zone (the
 * engine stores it; this renders the fallback for a set without the stored text).
 * OceanBase's default is +08:00 (system_time_zone CST), which is also the evaluator's default session time_zone
 * (src/query/sysvars.ts), so with default settings the stored text and SCN_TO_TIMESTAMP agree, as in the real
 * 4.2.2 sample: SCN 1706671388756316000 → `2024-01-31 11:23:08.756316000`.
 */

/** +08:00 in µs. */
export const SERVER_UTC_OFFSET_US = 8n * 3600n * 1_000_000n;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD hh:mm:ss` of a UTC µs instant, in the server's zone. */
function serverDateTime(utcUs: bigint): string {
  const localUs = utcUs + SERVER_UTC_OFFSET_US;
  const secondsUs = localUs - (((localUs % 1_000_000n) + 1_000_000n) % 1_000_000n);
  const d = new Date(Number(secondsUs / 1000n));
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** An SCN as SCN_TO_TIMESTAMP text in the server's zone, six fractional digits. */
export function serverScnText6(scn: bigint): string {
  return `${serverDateTime(scn / 1000n)}.${((scn / 1000n) % 1_000_000n).toString().padStart(6, '0')}`;
}
