/**
 * ALTER EMULATOR SAVE SNAPSHOT 'name' / LOAD SNAPSHOT 'name' (emulator.md "Control statements"): the session's
 * whole cluster to `<snapshot dir>/<name>.obsnap`, or replaced by it. Both act on every tenant at once, so only
 * sys may run them (as RESET); without `serve --snapshot-dir` they are refused, so a client never chooses where
 * the server writes, and a name can only be a file name inside that directory.
 */
import type { PersistStatement } from '../../grammar/index.js';
import { adoptState, SYS_TENANT_ID } from '../engine/index.js';
import { isObError, obError, obErrorWith, type ObError } from '../errors.js';
import type { ClusterEntry } from './clusters.js';
import { forgetJournaledGlobals } from './journal-inputs.js';
import type { ClusterImage } from './persistence.js';
import { OK, type StatementResult } from './port.js';

/** What a snapshot name may be (emulator.md): no separator, so `<dir>/<name>.obsnap` stays inside the directory. */
export const SNAPSHOT_NAME = /^[A-Za-z0-9_.-]+$/;

export function runSnapshotStatement(entry: ClusterEntry, tenantId: number, stmt: PersistStatement): StatementResult {
  if (tenantId !== SYS_TENANT_ID) return obError('OB_ERR_NO_PRIVILEGE');
  if (entry.snapshots === null) return obErrorWith('OB_OP_NOT_ALLOW', `${stmt.action} SNAPSHOT without serve --snapshot-dir (no snapshot directory) is`);
  if (!SNAPSHOT_NAME.test(stmt.name)) {
    return obErrorWith('OB_INVALID_ARGUMENT', `${stmt.action} SNAPSHOT: the name '${stmt.name}' (a snapshot name is [A-Za-z0-9_.-]+)`);
  }
  if (stmt.action === 'SAVE') {
    const failed = entry.snapshots.save(stmt.name, captureImage(entry));
    return failed ?? OK;
  }
  const image = entry.snapshots.load(stmt.name);
  if (isObError(image)) return image;
  return installImage(entry, image) ?? OK;
}

/** The cluster as a snapshot holds it. Not a copy: it is serialized before anything runs again. */
export function captureImage(entry: ClusterEntry): ClusterImage {
  return { config: entry.cluster.config, state: entry.cluster.state, globals: [...entry.globalVariables] };
}

/**
 * Replaces the cluster with a loaded image (owned from now on) and journals it; the cluster keeps its name, its
 * own start-up configuration (what RESET returns to) and its sessions.
 */
export function installImage(entry: ClusterEntry, image: ClusterImage): ObError | null {
  const realUs = entry.clock.pin();
  try {
    adoptState(entry.cluster, image.state);
  } catch (e) {
    return obErrorWith('OB_ERR_UNEXPECTED', `LOAD SNAPSHOT: ${(e as Error).message}`);
  } finally {
    entry.clock.unpin();
  }
  entry.globalVariables.clear();
  for (const [name, value] of image.globals) entry.globalVariables.set(name, value);
  forgetJournaledGlobals(entry);
  entry.journal?.append({ k: 'load', c: entry.name, realUs, image }, true);
  return null;
}
