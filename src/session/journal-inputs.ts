/**
 * The journal's side of running a statement (`serve --data-dir`): an engine statement is run with its session
 * variables watched, then journaled with what it read, durably, before it is answered. Statements that cannot
 * change the cluster (they read it, or change only the session) are not journaled.
 */
import { execute, executeData, type DataOp, type DataOutcome, type EngineStatement, type Outcome, type SessionContext, type SessionVariables } from '../engine/index.js';
import type { ObError } from '../errors.js';
import type { SysVarValue } from '../query/index.js';
import type { ClusterEntry } from './clusters.js';

/** Engine statements that leave the cluster as it was: SHOW, the session's own encryption and restore settings. */
const LEAVES_CLUSTER: ReadonlySet<EngineStatement['kind']> = new Set<EngineStatement['kind']>([
  'ShowEmulatorStatus',
  'ShowEmulatorFaults',
  'SetEncryption',
  'SetDecryption',
  'AddRestoreSource',
  'ClearRestoreSource',
  'RestorePreview',
]);

export function journaledExecute(entry: ClusterEntry, ctx: SessionContext, stmt: EngineStatement): Outcome {
  if (LEAVES_CLUSTER.has(stmt.kind)) return execute(entry.cluster, ctx, stmt);
  const reads: [string, string | null][] = [];
  const inner = ctx.variables;
  const variables: SessionVariables = {
    get: (name) => {
      const value = inner.get(name);
      reads.push([name, value]);
      return value;
    },
    set: (name, value) => inner.set(name, value),
    delete: (name) => inner.delete(name),
  };
  const started = performance.now();
  const outcome = execute(entry.cluster, { ...ctx, variables }, stmt);
  const costMs = performance.now() - started;
  // Even a refused statement is journaled: NOARCHIVELOG over several tenants may fail after switching some.
  entry.journal?.append({ k: 'exec', c: entry.name, realUs: entry.clock.now(), tenantId: ctx.tenantId, user: ctx.user, reads, stmt }, true, costMs);
  return outcome;
}

/**
 * A data-plane op, journaled (durably, before the client hears of it) when it changed something: a refused op
 * changes nothing, so a replay has nothing to redo for it. Rows carry bigints, so the journal frames it with V8.
 */
export function journaledData(entry: ClusterEntry, ctx: SessionContext, op: DataOp): DataOutcome | ObError {
  const started = performance.now();
  const outcome = executeData(entry.cluster, ctx, op);
  if (outcome.kind === 'ObError' || (outcome.commitScn === undefined && op.op !== 'reserveAutoIncrement')) return outcome;
  entry.journal?.append({ k: 'data', c: entry.name, realUs: entry.clock.now(), tenantId: ctx.tenantId, user: ctx.user, op }, true, performance.now() - started);
  return outcome;
}

/** The global variables last journaled per cluster, so a SET that changed none writes nothing. */
const journaledGlobals = new WeakMap<ClusterEntry, readonly (readonly [string, SysVarValue])[]>();

export function journalGlobals(entry: ClusterEntry): void {
  const entries = [...entry.globalVariables];
  const last = journaledGlobals.get(entry) ?? [];
  if (entries.length === last.length && entries.every(([k, v], i) => last[i]![0] === k && last[i]![1] === v)) return;
  journaledGlobals.set(entry, entries);
  entry.journal?.append({ k: 'globals', c: entry.name, entries }, true);
}

/** After LOAD SNAPSHOT replaced the globals (journaled with it), the next SET compares with those. */
export function forgetJournaledGlobals(entry: ClusterEntry): void {
  journaledGlobals.set(entry, [...entry.globalVariables]);
}

/** The session variables a replayed statement reads: what the live one read, first value of each name. */
export function replayVariables(reads: readonly (readonly [string, string | null])[]): SessionVariables {
  const values = new Map<string, string | null>();
  for (const [name, value] of reads) if (!values.has(name)) values.set(name, value);
  return {
    get: (name) => values.get(name) ?? null,
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
  };
}
