/**
 * The status machines of jobs, tasks, rounds and restore rows, as typed tables: from each status, the statuses it
 * may move to, and the status a row is born with. Every setter (backup/jobs.ts, archive/scheduler.ts,
 * clean/scheduler.ts, restore/scheduler.ts) asserts its edge through `changeStatus` when it writes it, and the
 * invariant checker (invariants.ts) reads the same tables over the logs.
 */
import { invariant } from '../errors.js';
import type { RestoreStatus } from './restore/state.js';
import type { JobStatus, RoundStatus, StatusChange, TaskStatus } from './state-vocabulary.js';

export interface StatusMachine<S extends string> {
  /** The status a row is created with (its log's first change is from null to it). */
  readonly initial: readonly S[];
  readonly edges: Readonly<Record<S, readonly S[]>>;
}

/** Backup jobs, delete jobs and delete tasks (ObBackupStatus: the first six). */
export const JOB_MACHINE: StatusMachine<JobStatus> = {
  initial: ['INIT'],
  edges: {
    INIT: ['DOING', 'FAILED', 'CANCELING'],
    DOING: ['COMPLETED', 'FAILED', 'CANCELING'],
    CANCELING: ['CANCELED'],
    COMPLETED: [],
    FAILED: [],
    CANCELED: [],
  },
};

/** A set task walks the backup phases in order; any phase may fail or be canceled. */
export const TASK_MACHINE: StatusMachine<TaskStatus> = {
  initial: ['INIT'],
  edges: {
    INIT: ['BACKUP_SYS_META', 'FAILED', 'CANCELING'],
    BACKUP_SYS_META: ['BACKUP_USER_META', 'FAILED', 'CANCELING'],
    BACKUP_USER_META: ['BACKUP_DATA_SYS', 'FAILED', 'CANCELING'],
    BACKUP_DATA_SYS: ['BACKUP_DATA_MINOR', 'FAILED', 'CANCELING'],
    BACKUP_DATA_MINOR: ['BACKUP_DATA_MAJOR', 'FAILED', 'CANCELING'],
    BACKUP_DATA_MAJOR: ['BEFORE_BACKUP_LOG', 'COMPLETED', 'FAILED', 'CANCELING'],
    BEFORE_BACKUP_LOG: ['BACKUP_LOG', 'FAILED', 'CANCELING'],
    BACKUP_LOG: ['COMPLETED', 'FAILED', 'CANCELING'],
    // Listed by OceanBase, never reached by the emulator's tasks.
    BACKUP_META_FINISH: [],
    DOING: [],
    CANCELING: ['CANCELED'],
    COMPLETED: [],
    FAILED: [],
    CANCELED: [],
  },
};

/** Archive rounds (ObArchiveRoundState). */
export const ROUND_MACHINE: StatusMachine<RoundStatus> = {
  initial: ['PREPARE'],
  edges: {
    PREPARE: ['BEGINNING', 'STOPPING'],
    BEGINNING: ['DOING', 'INTERRUPTED', 'STOPPING'],
    DOING: ['INTERRUPTED', 'STOPPING', 'SUSPENDING'],
    INTERRUPTED: ['STOPPING', 'SUSPENDING'],
    SUSPENDING: ['SUSPEND', 'STOPPING'],
    SUSPEND: ['BEGINNING', 'STOPPING'],
    STOPPING: ['STOP'],
    STOP: [],
  },
};

const NO_RESTORE_EDGES = {
  CREATE_TENANT: [],
  WAIT_TENANT_RESTORE_FINISH: [],
  RESTORE_PRE: [],
  RESTORE_CREATE_INIT_LS: [],
  RESTORE_WAIT_LS: [],
  POST_CHECK: [],
  UPGRADE: [],
  RESTORE_SUCCESS: [],
  RESTORE_FAIL: [],
  SUCCESS: [],
  FAIL: [],
} as const satisfies Record<RestoreStatus, readonly RestoreStatus[]>;

/** The sys row of a restore job (ObRestoreScheduler on sys). */
export const SYS_RESTORE_MACHINE: StatusMachine<RestoreStatus> = {
  initial: ['CREATE_TENANT'],
  edges: {
    ...NO_RESTORE_EDGES,
    CREATE_TENANT: ['WAIT_TENANT_RESTORE_FINISH', 'RESTORE_FAIL'],
    WAIT_TENANT_RESTORE_FINISH: ['RESTORE_SUCCESS', 'RESTORE_FAIL'],
    RESTORE_SUCCESS: ['SUCCESS'],
    RESTORE_FAIL: ['FAIL'],
  },
};

/** The restored tenant's own row: the steps in order, any of them may fail. */
export const TENANT_RESTORE_MACHINE: StatusMachine<RestoreStatus> = {
  initial: ['RESTORE_PRE'],
  edges: {
    ...NO_RESTORE_EDGES,
    RESTORE_PRE: ['RESTORE_CREATE_INIT_LS', 'RESTORE_FAIL'],
    RESTORE_CREATE_INIT_LS: ['RESTORE_WAIT_LS', 'RESTORE_FAIL'],
    RESTORE_WAIT_LS: ['POST_CHECK', 'RESTORE_FAIL'],
    POST_CHECK: ['UPGRADE', 'RESTORE_FAIL'],
    UPGRADE: ['RESTORE_SUCCESS', 'RESTORE_FAIL'],
    RESTORE_SUCCESS: ['SUCCESS'],
    RESTORE_FAIL: ['FAIL'],
  },
};

export function allowedEdge<S extends string>(machine: StatusMachine<S>, from: S | null, to: S): boolean {
  return from === null ? machine.initial.includes(to) : machine.edges[from].includes(to);
}

/** Writes a status change and its log entry, asserting the edge first: a disallowed edge is a programmer error. */
export function changeStatus<S extends string>(
  machine: StatusMachine<S>,
  what: string,
  row: { status: S; readonly statusLog: StatusChange<S>[] },
  to: S,
  atUs: number,
): void {
  invariant(allowedEdge(machine, row.status, to), `${what}: status change ${row.status} -> ${to} is not allowed`);
  row.statusLog.push({ from: row.status, to, atUs });
  row.status = to;
}
