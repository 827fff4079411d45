/** The engine's state, cluster: see state.ts for the units and rules. */
import type { RngState } from './rng.js';
import type { Fault } from '../faults/state.js';
import type { FormatFile, RestoreJob, RootserviceEvent } from '../restore/state.js';
import type { TenantState } from '../tenant/state.js';

// ---------------------------------------------------------------------------------------------------------------
// Cluster
// ---------------------------------------------------------------------------------------------------------------

export interface ClockState {
  /** SHOW EMULATOR STATUS: clock mode and speed (emulator.md). */
  mode: 'MANUAL' | 'REALTIME';
  /** Virtual seconds per real second in REALTIME mode. */
  speed: number;
  /** REALTIME: virtual = anchorVirtualUs + (clock.now() - anchorRealUs) * speed. */
  anchorRealUs: number;
  anchorVirtualUs: number;
}

export interface ClusterState {
  readonly formatVersion: 1;
  /** SHOW EMULATOR STATUS: cluster name ('' is the default cluster). */
  clusterName: string;
  /** SHOW EMULATOR STATUS: the seed everything is derived from. */
  seed: number;
  /** The seeded random stream (advanced in place). */
  rng: RngState;
  /** Virtual now, µs since the epoch. Views take it as their `now`. */
  nowUs: number;
  /** The last GTS handed out (ns); GTS is strictly increasing. */
  lastGtsScn: bigint;
  clock: ClockState;
  /** Cluster parameters ALTER SYSTEM SET changed, by name, as typed (GV$OB_PARAMETERS; the rest show defaults). */
  parameters: Record<string, string>;
  /** DBA_OB_TENANTS rows (sys, meta and user tenants), ordered by id. Dropped tenants are removed. */
  tenants: TenantState[];
  /** The next user tenant id (even); its meta tenant is id - 1 (views.md §10.1). */
  nextUserTenantId: number;
  /** Format files of every dest root written in this cluster: who owns a directory (statements.md §7.3). */
  formatFiles: FormatFile[];
  /** DBA_OB_ROOTSERVICE_EVENT_HISTORY rows, in order. */
  rootserviceEvents: RootserviceEvent[];
  /**
   * Resource units and pools: DBA_OB_UNIT_CONFIGS, DBA_OB_RESOURCE_POOLS. The built-in sys_unit_config / sys_pool
   * (id 1), each start-up tenant's own (tenant/resources.ts) and those of CREATE / DROP RESOURCE UNIT / POOL.
   */
  resourceUnits: ResourceUnit[];
  resourcePools: ResourcePool[];
  /** UNIT_CONFIG_ID / RESOURCE_POOL_ID of the next unit or pool created (user objects count from 1001). */
  nextUnitConfigId: number;
  nextResourcePoolId: number;
  /** CDB_OB_RESTORE_PROGRESS rows (live restore jobs: a sys row with TENANT_ID 1 and a row of the new tenant). */
  restoreJobs: RestoreJob[];
  /** CDB_OB_RESTORE_HISTORY rows, append-only (STATUS `SUCCESS` / `FAIL`). */
  restoreHistory: RestoreJob[];
  /** JOB_ID of the next restore (one cluster-wide counter; the doc sample's first job is 1). */
  nextRestoreJobId: number;
  /** DBA_OB_CLUSTER_EVENT_HISTORY rows, in order (TIMESTAMP, MODULE, EVENT, NAME1..6 / VALUE1..6). */
  clusterEvents: RootserviceEvent[];
  /** SHOW EMULATOR FAULTS rows: every fault injected and not cleared, in id order (emulator.md "Faults"). */
  faults: Fault[];
  /** FAULT_ID of the next fault injected. */
  nextFaultId: number;
}

export interface NamedOptions {
  name: string;
  options: { name: string; value: string }[];
}

/** A DBA_OB_UNIT_CONFIGS row: the options as typed (max_cpu, memory_size, …), plus its stable id and times. */
export interface ResourceUnit extends NamedOptions {
  /** UNIT_CONFIG_ID (1001, 1002, … in creation order; never reused). */
  id: number;
  /** CREATE_TIME, MODIFY_TIME. */
  createUs: number;
  modifyUs: number;
}

/** A DBA_OB_RESOURCE_POOLS row: the options as typed (unit, unit_num, zone_list), its id, times and tenant. */
export interface ResourcePool extends NamedOptions {
  /** RESOURCE_POOL_ID (1001, 1002, … in creation order; never reused). */
  id: number;
  /** TENANT_ID: the tenant the pool is granted to (a restore's pool_list, CREATE TENANT's resource_pool_list), else null. */
  tenantId: number | null;
  /** CREATE_TIME, MODIFY_TIME. */
  createUs: number;
  modifyUs: number;
}
