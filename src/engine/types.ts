/**
 * The engine's public surface types: configuration, the injected clock, the session context a statement runs in,
 * and the outcome of a statement. The session layer (src/session*) adapts its own objects to these.
 */
import type { ObError } from '../errors.js';
import type { ClusterState, Fault } from './state.js';

/**
 * The only source of real time, injected from outside (src/index.ts passes a real-time clock; tests a manual one).
 * `now()` is REAL microseconds since the epoch; the engine reads it only in REALTIME mode, to derive virtual time.
 */
export interface Clock {
  now(): number;
}

export interface TenantSpec {
  readonly name: string;
  readonly mode?: 'mysql' | 'oracle';
}

export interface ClusterConfig {
  /** '' (default) or the `#cluster` / `cluster:` part of the login name (emulator.md "Clusters"). */
  readonly clusterName?: string;
  /** User tenants to create, in order (ids 1002, 1004, …). Default: mysql_tenant (MySQL), oracle_tenant (Oracle). */
  readonly tenants?: readonly TenantSpec[];
  /** The seed every size, duration and random choice derives from. Default 1. */
  readonly seed?: number;
  /** Virtual start time, µs since the epoch. Required: the engine never reads the real clock by itself. */
  readonly startTimeUs: number;
  /** Clock mode at start-up. Default MANUAL (index.ts passes REALTIME speed 1 for `serve`). */
  readonly clock?: { readonly mode: 'MANUAL' } | { readonly mode: 'REALTIME'; readonly speed?: number };
  /** Overrides for benchmarks and tests: macroblocks per user tenant, steady write rate (bytes/s). */
  readonly macroBlocksPerTenant?: number;
  readonly writeRateBytesPerSec?: number;
}

/** A cluster: its plain-data state, its start-up configuration (for RESET) and the injected clock. */
export interface Cluster {
  state: ClusterState;
  readonly config: ClusterConfig;
  readonly clock: Clock | null;
  /**
   * The state RESET returns to when the cluster did not start blank (`serve --snapshot`): never changed, RESET
   * takes a copy. Absent: RESET rebuilds the blank start-up state from `config`.
   */
  readonly startState?: ClusterState;
}

/**
 * A session's user variables, as the engine needs them: SET ENCRYPTION writes @__ob_backup_encryption_mode__ and
 * @__ob_backup_encryption_passwd__, BACKUP reads them, SET DECRYPTION writes @__ob_backup_decryption_passwd_array__,
 * ADD / CLEAR RESTORE SOURCE edit @__ob_restore_source_name__. Names are given without the '@'. `get` returns null
 * when the variable is absent or NULL; non-string values are given as their string form.
 */
export interface SessionVariables {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** Who runs a statement: the session's login tenant and user, and its variables. */
export interface SessionContext {
  readonly tenantId: number;
  readonly user: string;
  readonly variables: SessionVariables;
}

/** SHOW EMULATOR STATUS, as data; the session layer turns it into a result set. */
export interface EmulatorStatus {
  readonly clockMode: 'MANUAL' | 'REALTIME';
  readonly speed: number;
  readonly nowUs: number;
  readonly scn: bigint;
  readonly seed: number;
  readonly cluster: string;
  readonly tenants: readonly { readonly id: number; readonly name: string; readonly mode: 'MYSQL' | 'ORACLE' }[];
}

export type Outcome =
  | { readonly kind: 'ok'; readonly affectedRows: number; readonly info?: string; readonly lastInsertId?: number }
  | { readonly kind: 'status'; readonly status: EmulatorStatus }
  /** SHOW EMULATOR FAULTS: the cluster's faults, a copy. */
  | { readonly kind: 'faults'; readonly faults: readonly Fault[] }
  | ObError;

export const OK: Outcome = { kind: 'ok', affectedRows: 0 };
