/**
 * The fault control statements (emulator.md "Faults"): ALTER EMULATOR INJECT FAULT, CLEAR FAULT id / CLEAR FAULTS
 * and SHOW EMULATOR FAULTS. Any tenant may run them; they act on the session's cluster.
 */
import type { ControlStatement, TimeSpan } from '../../../grammar/ast.js';
import { obError, obErrorWith } from '../../errors.js';
import { clearedEdge } from './edges.js';
import { checkEffect, clearFaults, injectFault } from './faults.js';
import { advanceTo } from '../cluster/scheduler.js';
import type { FaultEffect } from '../state.js';
import { SYS_TENANT_ID, findTenantByName } from '../tenant/tenants.js';
import { US_PER_SECOND } from '../cluster/time.js';
import type { Cluster, Outcome, SessionContext } from '../types.js';
import { OK } from '../types.js';

type FaultStatement = Extract<ControlStatement, { kind: 'EmulatorInjectFault' | 'EmulatorClearFault' | 'ShowEmulatorFaults' }>;

const UNIT_US = { SECONDS: US_PER_SECOND, MINUTES: 60 * US_PER_SECOND, HOURS: 3600 * US_PER_SECOND, DAYS: 86400 * US_PER_SECOND };

function spanUs(span: TimeSpan | null): number | null {
  if (span === null) return null;
  if (!/^\d+(\.\d+)?$/.test(span.amount)) return -1;
  return Math.floor(Number(span.amount) * UNIT_US[span.unit]);
}

function effectOf(stmt: Extract<FaultStatement, { kind: 'EmulatorInjectFault' }>): FaultEffect | null {
  const e = stmt.effect;
  if (e.kind === 'ERROR') return { kind: 'ERROR', errorName: e.name.toUpperCase() };
  if (e.kind === 'DOWN') return { kind: 'DOWN' };
  if (!/^\d+(\.\d+)?$/.test(e.mbPerSecond)) return null;
  return { kind: 'THROUGHPUT', bytesPerSecond: Math.round(Number(e.mbPerSecond) * 1024 * 1024), mbPerSecond: e.mbPerSecond };
}

function inject(cluster: Cluster, ctx: SessionContext, stmt: Extract<FaultStatement, { kind: 'EmulatorInjectFault' }>): Outcome {
  const state = cluster.state;
  let tenantId = ctx.tenantId;
  if (stmt.tenant !== null) {
    if (stmt.target === 'SERVER') return obErrorWith('OB_INVALID_ARGUMENT', 'TENANT, the SERVER fault is the whole observer');
    const tenant = findTenantByName(state, stmt.tenant);
    if (tenant === undefined || tenant.type === 'META') return obError('OB_ERR_INVALID_TENANT_NAME');
    // A user tenant names only itself; another tenant is refused as ALTER SYSTEM refuses it (1227).
    if (ctx.tenantId !== SYS_TENANT_ID && tenant.id !== ctx.tenantId) return obError('OB_ERR_NO_PRIVILEGE');
    tenantId = tenant.id;
  }
  // The SERVER fault stops the whole observer, every tenant's work: sys's to arm.
  if (stmt.target === 'SERVER' && ctx.tenantId !== SYS_TENANT_ID) return obError('OB_ERR_NO_PRIVILEGE');
  if (stmt.target === 'SERVER') tenantId = SYS_TENANT_ID;
  const effect = effectOf(stmt);
  if (effect === null) return obErrorWith('OB_INVALID_ARGUMENT', 'THROUGHPUT');
  const bad = checkEffect(stmt.target, effect);
  if (bad !== null) return bad;
  const afterUs = spanUs(stmt.after) ?? 0;
  const forUs = spanUs(stmt.for);
  if (afterUs < 0) return obErrorWith('OB_INVALID_ARGUMENT', 'AFTER');
  if (forUs !== null && forUs <= 0) return obErrorWith('OB_INVALID_ARGUMENT', 'FOR');
  const fault = injectFault(state, { target: stmt.target, tenantId, effect, afterUs, forUs });
  // Armed from now: it takes effect at once (its edge runs now), not at the next advance of time.
  advanceTo(state, state.nowUs);
  return { kind: 'ok', affectedRows: 0, lastInsertId: fault.faultId };
}

export function faultControl(cluster: Cluster, ctx: SessionContext, stmt: FaultStatement): Outcome {
  const state = cluster.state;
  switch (stmt.kind) {
    case 'EmulatorInjectFault':
      return inject(cluster, ctx, stmt);
    case 'EmulatorClearFault': {
      const id = stmt.faultId === null ? null : Number(stmt.faultId);
      // A user tenant sees and clears only its own faults: another tenant's fault id is as unknown as a missing one.
      const own = ctx.tenantId === SYS_TENANT_ID ? null : ctx.tenantId;
      // A cleared fault disarms now: what waited on it (a stalled archive, a retried task) resumes from now.
      const removed = clearFaults(state, id, own);
      if (id !== null && removed.length === 0) return obErrorWith('OB_ENTRY_NOT_EXIST', `fault ${stmt.faultId} does not exist`);
      clearedEdge(state, removed);
      return OK;
    }
    case 'ShowEmulatorFaults':
      // A user tenant sees its own faults and sys's cluster-wide ones (which act on it too), never another's.
      return { kind: 'faults', faults: structuredClone(state.faults.filter((f) => ctx.tenantId === SYS_TENANT_ID || f.tenantId === ctx.tenantId || f.tenantId === SYS_TENANT_ID)) };
  }
}
