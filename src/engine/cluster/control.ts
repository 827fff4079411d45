/**
 * The emulator's control statements (emulator.md "Control statements"): ADVANCE TIME, SET CLOCK, WRITE
 * MACROBLOCKS, SET WRITE RATE, RESET, SHOW EMULATOR STATUS. Ours, not OceanBase's. The clock is the cluster's
 * (a cluster is the unit of isolation), so every tenant moves it; a user tenant changes and sees only itself,
 * and RESET (the whole cluster) is sys's.
 */
import type { ControlStatement } from '../../../grammar/ast.js';
import { isObError, obError, obErrorWith } from '../../errors.js';
import { advanceSyncedUs, resetState } from './cluster.js';
import { changeLogRate } from '../data/log-bytes.js';
import { MACRO_BLOCK_BYTES, writeDistinctMacroblocks } from '../data/macroblocks.js';
import type { TenantState } from '../state.js';
import { SYS_TENANT_ID, findTenant, findTenantByName, logRateOf } from '../tenant/tenants.js';
import { US_PER_SECOND, scnOfUs } from './time.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

const UNIT_US = { SECONDS: US_PER_SECOND, MINUTES: 60 * US_PER_SECOND, HOURS: 3600 * US_PER_SECOND, DAYS: 86400 * US_PER_SECOND };

/**
 * The steady workload records every macroblock it changes (restores replay that history), so its rate bounds
 * memory: 100 MB/s is 50 changed 2 MB macroblocks a second, about 52 MB of change log per virtual day.
 */
const MAX_WRITE_RATE_MB_PER_SEC = 100;

/**
 * One ADVANCE TIME moves at most 100 years (36,525 days): the steps it runs grow with the span (a piece a day, a
 * job per schedule), so a bound keeps a typo such as 99999999999999999999 DAYS a clear error, not hours of work.
 */
export const MAX_ADVANCE_US = 36_525 * UNIT_US.DAYS;

/** The span of an ADVANCE TIME in microseconds, or its error (not a number, beyond MAX_ADVANCE_US). */
export function advanceSpanUs(stmt: Extract<ControlStatement, { kind: 'EmulatorAdvanceTime' }>): number | ReturnType<typeof obError> {
  const n = nonNegative(stmt.amount);
  if (n === null) return obErrorWith('OB_INVALID_ARGUMENT', 'ADVANCE TIME');
  const us = n * UNIT_US[stmt.unit];
  if (!(us <= MAX_ADVANCE_US)) return obErrorWith('OB_INVALID_ARGUMENT', 'ADVANCE TIME, it should be at most 100 years (36525 DAYS) per statement');
  return us;
}

function nonNegative(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null;
  return Number(text);
}

/** The tenant a WRITE / WRITE RATE control acts on: TENANT = name, else the session's; it must have data. */
function dataTenant(cluster: Cluster, ctx: SessionContext, name: string | null, what: string): TenantState | ReturnType<typeof obError> {
  const tenant = name === null ? findTenant(cluster.state, ctx.tenantId) : findTenantByName(cluster.state, name);
  if (tenant === undefined) return obError('OB_ERR_INVALID_TENANT_NAME');
  // A user tenant changes only itself: another tenant is refused as ALTER SYSTEM … TENANT = refuses it (1227).
  if (ctx.tenantId !== SYS_TENANT_ID && tenant.id !== ctx.tenantId) return obError('OB_ERR_NO_PRIVILEGE');
  if (tenant.type !== 'USER') return obErrorWith('OB_INVALID_ARGUMENT', `${what}, the tenant has no user data`);
  return tenant;
}

type ClockControl = Exclude<ControlStatement, { kind: 'EmulatorInjectFault' | 'EmulatorClearFault' | 'ShowEmulatorFaults' }>;

/** The clock and workload controls; execute has synced the clock, so each reads one instant. */
export function control(cluster: Cluster, ctx: SessionContext, stmt: ClockControl): Outcome {
  const state = cluster.state;
  switch (stmt.kind) {
    case 'EmulatorAdvanceTime': {
      const us = advanceSpanUs(stmt);
      if (typeof us !== 'number') return us;
      advanceSyncedUs(cluster, us);
      return OK;
    }
    case 'EmulatorSetClock': {
      const speed = stmt.speed === null ? 1 : nonNegative(stmt.speed);
      if (speed === null || speed <= 0) return obErrorWith('OB_INVALID_ARGUMENT', 'SPEED');
      if (stmt.mode === 'REALTIME' && cluster.clock === null) return obErrorWith('OB_NOT_SUPPORTED', 'REALTIME clock without a real clock is');
      state.clock = {
        mode: stmt.mode,
        speed: stmt.mode === 'REALTIME' ? speed : state.clock.speed,
        anchorRealUs: cluster.clock ? cluster.clock.now() : 0,
        anchorVirtualUs: state.nowUs,
      };
      return OK;
    }
    case 'EmulatorWriteMacroblocks': {
      const n = nonNegative(stmt.count);
      if (n === null || !Number.isInteger(n)) return obErrorWith('OB_INVALID_ARGUMENT', 'WRITE MACROBLOCKS');
      const tenant = dataTenant(cluster, ctx, stmt.tenant, 'WRITE MACROBLOCKS');
      if (isObError(tenant)) return tenant;
      const data = tenant.backup!.data;
      const written = writeDistinctMacroblocks(data, state.rng, state.nowUs, n);
      const seg = data.logSegments[data.logSegments.length - 1]!;
      changeLogRate(data, state.nowUs, seg.rateBytesPerSec, Math.round(written * MACRO_BLOCK_BYTES * 1.1));
      return { kind: 'ok', affectedRows: written };
    }
    case 'EmulatorSetWriteRate': {
      const mb = nonNegative(stmt.mbPerSecond);
      if (mb === null || mb > MAX_WRITE_RATE_MB_PER_SEC) {
        return obErrorWith('OB_INVALID_ARGUMENT', `WRITE RATE, it should be between 0 and ${MAX_WRITE_RATE_MB_PER_SEC} MB per second`);
      }
      const tenant = dataTenant(cluster, ctx, stmt.tenant, 'WRITE RATE');
      if (isObError(tenant)) return tenant;
      const data = tenant.backup!.data;
      data.writeRateBytesPerSec = Math.round(mb * 1024 * 1024);
      changeLogRate(data, state.nowUs, logRateOf(data.writeRateBytesPerSec));
      return OK;
    }
    case 'EmulatorReset':
      // RESET rebuilds the whole cluster (sys's and every tenant's history), so only sys may run it.
      if (ctx.tenantId !== SYS_TENANT_ID) return obError('OB_ERR_NO_PRIVILEGE');
      resetState(cluster);
      return OK;
    case 'ShowEmulatorStatus':
      return {
        kind: 'status',
        status: {
          clockMode: state.clock.mode,
          speed: state.clock.speed,
          nowUs: state.nowUs,
          scn: scnOfUs(state.nowUs),
          seed: state.seed,
          cluster: state.clusterName,
          // A user tenant sees only itself, as in DBA_OB_TENANTS.
          tenants: state.tenants.filter((t) => t.type !== 'META' && (ctx.tenantId === SYS_TENANT_ID || t.id === ctx.tenantId)).map((t) => ({ id: t.id, name: t.name, mode: t.compatibilityMode })),
        },
      };
  }
}
