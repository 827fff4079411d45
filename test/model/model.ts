/**
 * The tiny reference model of the model-based tests (STYLE.md §F): what statements.md §3-§5 and views.md §9-§10
 * promise, per tenant, with no scheduler and no import from src/engine or src/views. Time is coarse on purpose:
 * the model only claims what the spec makes certain (a job is live for its first seconds, finished after minutes;
 * an archive change has settled a few seconds later) and says "unknown" in between; commands whose outcome would
 * depend on an unknown are not generated in that state (their check() is false).
 */
import type { FatalArchiveError } from './commands/inject-archive-fault.js';
import type { FinalDestError } from './commands/inject-fault.js';

export const USER_TENANTS = ['t1', 't2'] as const;
export type TenantName = (typeof USER_TENANTS)[number];
export type Conn = 'sys' | TenantName;
export const TENANT_ID: Readonly<Record<TenantName, number>> = { t1: 1002, t2: 1004 };
/**
 * The emulator's default user tenants (emulator.md "Defaults"), so a counterexample runs as a scenario file
 * unchanged: t1 is the connection to mysql_tenant, t2 to oracle_tenant.
 */
export const TENANT_SQL_NAME: Readonly<Record<TenantName, string>> = { t1: 'mysql_tenant', t2: 'oracle_tenant' };

/** A tenant as written in SQL: t1 / t2 become their tenant names; anything else (sys, unknown names) as is. */
export function sqlName(name: string): string {
  return name === 't1' || name === 't2' ? TENANT_SQL_NAME[name] : name;
}

/** A job is certainly still INIT / DOING this long after it was created (the set task alone has 5 phases). */
export const JOB_LIVE_MS = 5_000;
/** Every job of these small tenants has finished and moved to history this long after it was created. */
export const JOB_DONE_MS = 5 * 60_000;
/** A cancel or an archive stop has reached history this long after it happened. */
export const FATE_DONE_MS = 10_000;
/** An archive change (mode, dest, dest state) has settled this long after it happened (emulator.md: ~2 s + ~2 s). */
export const ARCHIVE_SETTLE_MS = 5_000;

export const RESULT_CANCELED = -4072;
export const RESULT_ARCHIVE_NOT_RUNNING = -9029;
/** OB_LOG_ARCHIVE_INTERRUPTED: a job whose tenant's round is INTERRUPTED fails with it (check_can_backup_). */
export const RESULT_ARCHIVE_INTERRUPTED = -9027;

export interface Round {
  readonly id: number;
  readonly status: 'DOING' | 'SUSPEND' | 'STOP' | 'INTERRUPTED';
}

export interface Job {
  readonly tenant: Conn;
  readonly jobId: number;
  /** 0 for the sys (CLUSTER) job. */
  readonly setId: number;
  readonly type: 'FULL' | 'INC';
  readonly plus: boolean;
  readonly initiator: Conn;
  readonly encrypted: boolean;
  readonly createdAt: number;
  readonly prevFull: number;
  readonly prevInc: number;
  readonly destRoot: string;
  fate: 'run' | 'cancel' | 'fail';
  fateAt: number;
  /** fate 'fail' only: RESULT, when not OB_LOG_ARCHIVE_NOT_RUNNING (an injected dest fault's code). */
  failResult?: number;
  /** Sys job only: executor tenants, and whether their child jobs exist yet (created one second later). */
  readonly executors: readonly TenantName[];
  childrenCreated: boolean;
  /** Child job only: the sys job id. */
  readonly parent: number;
}

export interface TenantModel {
  readonly name: TenantName;
  readonly id: number;
  logMode: 'ARCHIVELOG' | 'NOARCHIVELOG';
  archiveDest: string | null;
  destState: 'ENABLE' | 'DEFER';
  dataDest: string | null;
  /** The round before the archive change at `archiveChangedAt` (the state at that instant). */
  roundBefore: Round | null;
  archiveChangedAt: number;
  nextJobId: number;
  nextSetId: number;
  policy: boolean;
  threadScore: number;
  /** The final error armed on the tenant's backup dest (commands/inject-fault.ts), or null. */
  destFault: FinalDestError | null;
  /** The fatal error armed on the tenant's archive dest (commands/inject-archive-fault.ts), or null. */
  archiveFault: FatalArchiveError | null;
  /**
   * When an archive fault last interrupted the round under live jobs: they fail at their next step with
   * OB_LOG_ARCHIVE_INTERRUPTED only if the round is still INTERRUPTED then, so no archive change is generated at
   * that instant.
   */
  interruptedJobsAt: number;
}

export interface Model {
  now: number;
  readonly tenants: Record<TenantName, TenantModel>;
  readonly jobs: Job[];
  sysNextJobId: number;
  /** Format files: which tenant and purpose a directory belongs to (statements.md §7.3). */
  readonly formats: Map<string, { tenant: TenantName; type: 'data' | 'archive' }>;
  /** SET ENCRYPTION state of each connection (statements.md §8.1): lost on reconnect. */
  readonly encrypted: Record<Conn, boolean>;
}

function tenantModel(name: TenantName): TenantModel {
  return {
    name,
    id: TENANT_ID[name],
    logMode: 'NOARCHIVELOG',
    archiveDest: null,
    destState: 'ENABLE',
    dataDest: null,
    roundBefore: null,
    archiveChangedAt: -1,
    nextJobId: 1,
    nextSetId: 1,
    policy: false,
    threadScore: 0,
    destFault: null,
    archiveFault: null,
    interruptedJobsAt: -1,
  };
}

export function initialModel(): Model {
  return {
    now: 0,
    tenants: { t1: tenantModel('t1'), t2: tenantModel('t2') },
    jobs: [],
    sysNextJobId: 1,
    formats: new Map(),
    encrypted: { sys: false, t1: false, t2: false },
  };
}

export const otherTenant = (t: TenantName): TenantName => (t === 't1' ? 't2' : 't1');
export const dataRoot = (t: TenantName, n: 1 | 2): string => `file:///backup/${t}/data${n}`;
export const archiveRoot = (t: TenantName, n: 1 | 2): string => `file:///backup/${t}/archive${n}`;
