/**
 * The log streams a tenant has on the one server, and the SCNs they are at: shared by DBA_OB_LS, GV$OB_LOG_STAT and
 * DBA_OB_TABLE_LOCATIONS. Every tenant has the sys LS 1; a user tenant also has its user LS 1001 … MAX_LS_ID (one,
 * as it is created with one unit in one zone). Meta tenants have only LS 1.
 */
import { scnOfUs } from '../engine/index.js';
import type { TenantState } from '../engine/index.js';

export const SYS_LS_ID = 1;

export function isUserTenant(t: TenantState): boolean {
  return t.type === 'USER';
}

export function logStreamIds(t: TenantState): number[] {
  const ids = [SYS_LS_ID];
  if (isUserTenant(t)) for (let id = 1001; id <= t.maxLsId; id++) ids.push(id);
  return ids;
}

/** SCN::base_scn(): where a new tenant info's SCNs start. */
export const BASE_SCN = 1n;

/**
 * Where a user tenant's logs are synced to: a primary follows the GTS (now); a restoring or standby tenant is where
 * its replay has reached, the base SCN before any (state.ts followsGts, replayedScn).
 */
export function userSyncScn(t: TenantState, nowUs: number): bigint {
  return t.followsGts ? scnOfUs(nowUs) : (t.replayedScn ?? BASE_SCN);
}
