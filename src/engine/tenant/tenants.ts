/**
 * Tenants: the sys tenant, user tenants with their meta tenants (views.md §10.1), their default rows in
 * DBA_OB_TENANTS, and the seeded synthetic data each user tenant starts with (emulator.md "data per tenant").
 */
import { newCatalog } from '../data/catalog.js';
import { emptyChangeLog } from '../data/macroblocks.js';
import { nextFloat, nextInt } from '../cluster/rng.js';
import type { RngState } from '../cluster/rng.js';
import type { ClusterState, CompatibilityMode, TenantBackup, TenantData, TenantState } from '../state.js';

export const SYS_TENANT_ID = 1;
/** The version profile: CE 4.2.5 (emulator.md); TENANT_COMPATIBLE / CLUSTER_VERSION / COMPATIBLE. */
export const DATA_VERSION = '4.2.5.0';
/** RECOVERY_UNTIL_SCN of a primary tenant: SCN max. */
export const SCN_MAX = 4611686018427387903n;
/** OB_START_DEST_ID (checked: share/backup/ob_backup_struct.h, `const int64_t OB_START_DEST_ID = 1001`). */
export const START_DEST_ID = 1001;

export function isUserTenantId(id: number): boolean {
  return id > 1000 && id % 2 === 0;
}

/** The tenant with that name (names compare case-insensitively, as the schema lookup does), or undefined. */
export function findTenantByName(state: ClusterState, name: string): TenantState | undefined {
  const lower = name.toLowerCase();
  return state.tenants.find((t) => t.name.toLowerCase() === lower);
}

export function findTenant(state: ClusterState, id: number): TenantState | undefined {
  return state.tenants.find((t) => t.id === id);
}

export function userTenants(state: ClusterState): TenantState[] {
  return state.tenants.filter((t) => t.type === 'USER');
}

/** The tenant's backup state; sys and user tenants have one. */
export function backupOf(tenant: TenantState): TenantBackup {
  if (tenant.backup === null) throw new Error(`tenant ${tenant.id} has no backup state`);
  return tenant.backup;
}

interface DataShape {
  macroBlockCount?: number | undefined;
  writeRateBytesPerSec?: number | undefined;
}

/** A seeded synthetic tenant: a few hundred 2 MB macroblocks over some dozens of tablets (emulator.md). */
export function seededData(rng: RngState, atUs: number, shape: DataShape): TenantData {
  const macroBlockCount = shape.macroBlockCount ?? nextInt(rng, 120, 250);
  const tabletCount = Math.min(macroBlockCount, nextInt(rng, 24, 72));
  // Copied macroblocks compress to 1.25%-2% (the real 4.2.2 pair in views.md §11: ~1.5%); see backup-sets.ts.
  const compressionRatio = 0.0125 + nextFloat(rng) * 0.0075;
  const writeRateBytesPerSec = shape.writeRateBytesPerSec ?? nextInt(rng, 32, 96) * 1024;
  return {
    macroBlockCount,
    tabletCount,
    compressionRatio,
    writeRateBytesPerSec,
    writtenUntilUs: atUs,
    writeCarry: 0,
    changes: emptyChangeLog(),
    logSegments: [{ fromUs: atUs, bytesAtFrom: 0, rateBytesPerSec: logRateOf(writeRateBytesPerSec) }],
  };
}

/** Log generation for a data write rate: redo is about the data written plus a small background (clog, meta). */
export function logRateOf(writeRateBytesPerSec: number): number {
  // WRITE RATE 0 leaves only the test's own writes: no background redo either.
  return writeRateBytesPerSec === 0 ? 0 : Math.round(writeRateBytesPerSec * 1.1) + 4096;
}

export function emptyBackup(data: TenantData): TenantBackup {
  return {
    counters: { jobId: 1, taskId: 1, backupSetId: 1, destId: START_DEST_ID },
    dataBackupDest: null,
    archiveDests: [],
    archiveDestStates: [],
    parameterRows: [],
    storageInfo: [],
    storageInfoHistory: [],
    rounds: [],
    roundHistory: [],
    pieces: [],
    jobs: [],
    jobHistory: [],
    tasks: [],
    taskHistory: [],
    setFiles: [],
    deletePolicies: [],
    archiveCheckAtUs: null,
    data,
    deleteJobs: [],
    deleteJobHistory: [],
    deleteTasks: [],
    deleteTaskHistory: [],
    deleteCheckAtUs: null,
    logRestoreSource: null,
  };
}

export function baseTenant(id: number, name: string, type: TenantState['type'], mode: CompatibilityMode, atUs: number): TenantState {
  const user = type === 'USER';
  return {
    id,
    name,
    type,
    createUs: atUs,
    modifyUs: atUs,
    primaryZone: 'RANDOM',
    locality: 'FULL{1}@zone1',
    previousLocality: '',
    compatibilityMode: mode,
    status: 'NORMAL',
    inRecyclebin: 'NO',
    locked: 'NO',
    role: 'PRIMARY',
    switchoverStatus: 'NORMAL',
    switchoverEpoch: 0,
    followsGts: user,
    recoveryUntilScn: user ? SCN_MAX : null,
    replayedScn: null,
    logMode: 'NOARCHIVELOG',
    arbitrationServiceStatus: 'DISABLED',
    unitNum: 1,
    compatible: DATA_VERSION,
    maxLsId: user ? 1001 : 1,
    parameters: { ha_low_thread_score: 0, ha_high_thread_score: 0, log_archive_concurrency: 0, archive_lag_target: '120s', other: {} },
    backup: null,
  };
}

export function sysTenant(atUs: number): TenantState {
  const t = baseTenant(SYS_TENANT_ID, 'sys', 'SYS', 'MYSQL', atUs);
  t.backup = emptyBackup({
    macroBlockCount: 0,
    tabletCount: 0,
    compressionRatio: 0,
    writeRateBytesPerSec: 0,
    writtenUntilUs: atUs,
    writeCarry: 0,
    changes: emptyChangeLog(16),
    logSegments: [{ fromUs: atUs, bytesAtFrom: 0, rateBytesPerSec: 0 }],
  });
  return t;
}

/** Creates a user tenant (and its meta tenant) with the next even id; returns the user tenant. */
export function addUserTenant(state: ClusterState, name: string, mode: CompatibilityMode, shape: DataShape = {}): TenantState {
  const id = state.nextUserTenantId;
  state.nextUserTenantId += 2;
  const meta = baseTenant(id - 1, `META$${id}`, 'META', 'MYSQL', state.nowUs);
  const user = baseTenant(id, name, 'USER', mode, state.nowUs);
  user.backup = emptyBackup(seededData(state.rng, state.nowUs, shape));
  // A MySQL tenant starts with its user database `test`; user tablets take macroblocks after the synthetic ones.
  if (mode === 'MYSQL') user.backup.data.catalog = newCatalog(state.nowUs, user.backup.data.macroBlockCount);
  state.tenants.push(meta, user);
  state.tenants.sort((a, b) => a.id - b.id);
  return user;
}

/**
 * Removes a user tenant and its meta tenant (the emulator drops at once). Its format files stay: they are files
 * on the backup media, so the directories still belong to the dropped tenant (reuse gives 9081).
 */
export function removeUserTenant(state: ClusterState, tenant: TenantState): void {
  state.tenants = state.tenants.filter((t) => t.id !== tenant.id && t.id !== tenant.id - 1);
  // Its pools are free again (DBA_OB_RESOURCE_POOLS.TENANT_ID NULL).
  for (const pool of state.resourcePools) {
    if (pool.tenantId === tenant.id) {
      pool.tenantId = null;
      pool.modifyUs = state.nowUs;
    }
  }
}
