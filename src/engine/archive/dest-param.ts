/**
 * log_archive_dest[_n] values (statements.md §4.4): space-separated `key=value` tokens (LOCATION, BINDING,
 * PIECE_SWITCH_INTERVAL, LAG_TARGET, COMPRESSION), checked in the documented order; and log_archive_dest_state.
 */
import { isObError, obError, obErrorWith } from '../../errors.js';
import type { ObError } from '../../errors.js';
import { parseDest } from '../dest/parse.js';
import type { ArchiveDest, ClusterState, ParsedDest, TenantState } from '../state.js';
import { backupOf } from '../tenant/tenants.js';
import { US_PER_DAY, US_PER_SECOND, parseTimeString } from '../cluster/time.js';

export interface ArchiveDestValue {
  location: ParsedDest;
  binding: ArchiveDest['binding'];
  pieceSwitchInterval: string;
  pieceSwitchIntervalUs: number;
  lagTargetUs: number;
  compression: ArchiveDest['compression'];
}

const KEYS = ['location', 'binding', 'piece_switch_interval', 'lag_target', 'compression'];
const DEFAULT_LAG_TARGET_US = 120 * US_PER_SECOND;
const MIN_LAG_TARGET_US = US_PER_SECOND;
const MIN_LAG_TARGET_FOR_S3_US = 60 * US_PER_SECOND;
const MAX_LAG_TARGET_US = 3600 * US_PER_SECOND;

/** Whether a round is running on that dest_no (any round not STOP). */
export function archiveRunningOn(tenant: TenantState, destNo: number): boolean {
  return backupOf(tenant).rounds.some((r) => r.destNo === destNo && r.status !== 'STOP');
}

/** Parses a non-empty log_archive_dest value; `running` is whether a round runs on its dest_no. */
export function parseArchiveDestValue(value: string, running: boolean): ArchiveDestValue | ObError {
  const fields = new Map<string, string>();
  for (const token of value.trim().split(/\s+/)) {
    const eq = token.indexOf('=');
    const key = (eq < 0 ? token : token.slice(0, eq)).toLowerCase();
    if (!KEYS.includes(key)) return obError('OB_NOT_SUPPORTED');
    fields.set(key, eq < 0 ? '' : token.slice(eq + 1));
  }
  const locationText = fields.get('location');
  if (locationText === undefined) return obErrorWith('OB_NOT_SUPPORTED', 'set archive dest without location is');
  if (running) return obErrorWith('OB_NOT_SUPPORTED', 'change archive dest when archive is running is');
  const pieceSwitchInterval = fields.get('piece_switch_interval') ?? '1d';
  const pieceUs = parseTimeString(pieceSwitchInterval);
  if (pieceUs === null || pieceUs < US_PER_DAY || pieceUs > 7 * US_PER_DAY) {
    return obErrorWith('OB_NOT_SUPPORTED', 'invalid piece_switch_interval out of range [1d,7d] is');
  }
  const lagText = fields.get('lag_target');
  const lagTargetUs = lagText === undefined ? DEFAULT_LAG_TARGET_US : parseTimeString(lagText);
  const minLag = locationText.startsWith('s3://') ? MIN_LAG_TARGET_FOR_S3_US : MIN_LAG_TARGET_US;
  if (lagTargetUs === null || lagTargetUs < minLag || lagTargetUs > MAX_LAG_TARGET_US) return obError('OB_INVALID_ARGUMENT');
  const compression = fields.get('compression');
  if (compression !== undefined && compression !== 'enable' && compression !== 'disable') return obError('OB_NOT_SUPPORTED');
  const binding = (fields.get('binding') ?? 'optional').toUpperCase();
  if (binding !== 'OPTIONAL' && binding !== 'MANDATORY') return obError('OB_INVALID_ARGUMENT');
  const location = parseDest(locationText);
  if (isObError(location)) return location;
  return { location, binding, pieceSwitchInterval, pieceSwitchIntervalUs: pieceUs, lagTargetUs, compression: compression ?? null };
}

/** The dest_no of a parameter name: `log_archive_dest` → 0, `log_archive_dest_3` → 3; null if not one. */
export function archiveDestNo(name: string, prefix: 'log_archive_dest' | 'log_archive_dest_state'): number | null {
  if (name === prefix) return 0;
  const m = new RegExp(`^${prefix}_([1-8])$`).exec(name);
  return m ? Number(m[1]) : null;
}

/** log_archive_dest_state values: ENABLE or DEFER (statements.md §4.5); anything else is OB_INVALID_ARGUMENT. */
export function parseDestState(value: string): 'ENABLE' | 'DEFER' | ObError {
  const upper = value.trim().toUpperCase();
  return upper === 'ENABLE' || upper === 'DEFER' ? upper : obError('OB_INVALID_ARGUMENT');
}

/** The state of a dest_no (ENABLE unless set to DEFER). */
export function destStateOf(tenant: TenantState, destNo: number): 'ENABLE' | 'DEFER' {
  return backupOf(tenant).archiveDestStates.find((s) => s.destNo === destNo)?.state ?? 'ENABLE';
}

/** Schedules the archive scheduler's next look at the tenant (statements.md §3.1), one second from now. */
export function wakeArchiveScheduler(state: ClusterState, tenant: TenantState): void {
  const backup = backupOf(tenant);
  const at = state.nowUs + US_PER_SECOND;
  if (backup.archiveCheckAtUs === null || backup.archiveCheckAtUs > at) backup.archiveCheckAtUs = at;
}
