/**
 * The engine's public API, for the session layer and src/index.ts:
 *
 * - `createCluster(config, clock?)`: a cluster with sys, the configured user tenants and their seeded data.
 * - `execute(cluster, ctx, stmt)`: runs a BackupStatement or ControlStatement for a session (`SessionContext`:
 *   login tenant, user, and the session's user variables); returns `ok`, `status` (SHOW EMULATOR STATUS) or an
 *   ObError. A rejected statement changes nothing.
 * - `advance(cluster, ms)` / `advanceUs`: moves virtual time, stepping every job and round through each state it
 *   reaches, in order; `syncClock(cluster)` brings a REALTIME cluster to the injected clock; `now(cluster)`.
 * - `assertInvariants(cluster, before?)`, `stableJson(value)`: for tests.
 * - `restorePreviewRows(cluster, tenantId, variables)`: SHOW RESTORE PREVIEW after `ALTER SYSTEM RESTORE … PREVIEW`
 *   (rows BACKUP_TYPE, BACKUP_ID, PREVIEW_PATH, BACKUP_DESC, or the restore's error; clears the preview variables).
 * - `executeData(cluster, ctx, op)`: one DataOp (DDL or a commit of row writes) for a MySQL-mode user tenant;
 *   `userDatabases`, `userTables`, `findUserTable`, `scanRows` / `scanKeyed`, `getRow`, `lookupUnique`: reads of
 *   user data, latest or at an SCN (data/*.ts).
 * - `cluster.state` (state.ts): plain data the views read, with `nowUs` as their `now`.
 */
export { adoptState, advance, advanceUs, beginAdvance, createCluster, initialState, now, resetState, syncClock } from './cluster/cluster.js';
export { advanceSpanUs, MAX_ADVANCE_US } from './cluster/control.js';
export { execute } from './execute.js';
export { restorePreviewRows, PREVIEW_BACKUP_DEST_VAR, PREVIEW_SCN_VAR, PREVIEW_TIMESTAMP_VAR } from './restore/restore-manage.js';
export type { RestorePreviewRow } from './restore/restore-manage.js';
export type { EngineStatement } from './execute.js';
export { assertInvariants, stableJson } from './invariants.js';
export { serverStatus } from './faults/faults.js';
export { countChangedBetween, versionsAt, MACRO_BLOCK_BYTES } from './data/macroblocks.js';
export { logBytesAt } from './data/log-bytes.js';
export { CLUSTER_PARAMETERS, TENANT_PARAMETERS } from './parameters/table.js';
export type { ParameterDef } from './parameters/table.js';
export { scnOfUs, usOfScn, scnDisplay9 } from './cluster/time.js';
export { SYS_TENANT_ID, findTenant, findTenantByName } from './tenant/tenants.js';
export {
  DECRYPTION_PASSWD_ARRAY_VAR,
  ENCRYPTION_MODE_VAR,
  ENCRYPTION_PASSWD_VAR,
  RESTORE_SOURCE_VAR,
} from './backup/encryption.js';
export type * from './state.js';
export type * from './types.js';
export { executeData } from './data/data-op.js';
export type { DataOp, DataOutcome, RowWrite, TableRef } from './data/data-op-types.js';
export { findUserDatabase, findUserTable, getRow, lookupUnique, scanKeyed, scanRows, userDatabases, userTables } from './data/reads.js';
export type { UserDatabase, UserTable } from './data/reads.js';
export { hiddenKey } from './data/commit.js';
