/**
 * State that lasts (emulator.md), as the session layer sees it: what a cluster is when saved (a ClusterImage),
 * the ports through which snapshots are written and read and accepted inputs are journaled, and the journal's
 * records. The files themselves are src/persist's business (src/index.ts wires it in): the session layer never
 * touches the file system, and the engine never learns that anything lasts.
 *
 * The engine is deterministic, so a cluster's state is its start-up configuration plus the inputs it accepted,
 * in order: a statement with the session facts the engine read and the real instant its clock showed, a slice of
 * ADVANCE TIME, SET GLOBAL, a snapshot loaded. A journal of those, replayed from a checkpoint, rebuilds the state.
 */
import type { DataOp, EngineStatement } from '../engine/index.js';
import type { ClusterConfig, ClusterState } from '../engine/index.js';
import type { ObError } from '../errors.js';
import type { SysVarValue } from '../query/index.js';

export type { SysVarValue } from '../query/index.js';

/** Everything a cluster is: what a snapshot holds. */
export interface ClusterImage {
  /** The configuration the saved cluster was created with (informational: a loaded cluster keeps its own). */
  readonly config: ClusterConfig;
  readonly state: ClusterState;
  /** SET GLOBAL values of the cluster's sessions. */
  readonly globals: readonly (readonly [string, SysVarValue])[];
}

/** `serve --snapshot-dir`: SAVE / LOAD SNAPSHOT by name. */
export interface SnapshotStore {
  /** Writes `<dir>/<name>.obsnap` (replacing it whole, never half-written), or says why not. */
  save(name: string, image: ClusterImage): ObError | null;
  /** The image of `<dir>/<name>.obsnap`, or why it is refused (missing, foreign, truncated, corrupted, too new). */
  load(name: string): ClusterImage | ObError;
}

/** One accepted input of one cluster (`c`); `realUs` is the real instant the cluster's clock showed for it. */
/** Events an ADVANCE TIME runs between two budget checks (a few milliseconds of work); a replay slices alike. */
export const ADVANCE_SLICE_EVENTS = 16;

export type JournalRecord =
  /** The cluster was created on first use, from `config` (and a start-up snapshot's image, if any). */
  | { readonly k: 'create'; readonly c: string; readonly realUs: number; readonly config: ClusterConfig; readonly start: ClusterImage | null }
  /** A REALTIME cluster was brought to its clock (by any statement, even a SELECT). */
  | { readonly k: 'sync'; readonly c: string; readonly realUs: number }
  /** A statement the engine ran, with the session variables it read, in the order it read them. */
  | {
      readonly k: 'exec';
      readonly c: string;
      readonly realUs: number;
      readonly tenantId: number;
      readonly user: string;
      readonly reads: readonly (readonly [string, string | null])[];
      readonly stmt: EngineStatement;
    }
  /** A data-plane operation (DDL, a commit, an AUTO_INCREMENT reservation) of a tenant's session. */
  | { readonly k: 'data'; readonly c: string; readonly realUs: number; readonly tenantId: number; readonly user: string; readonly op: DataOp }
  /** ADVANCE TIME began (`a` names it among the cluster's running advances) over `us` µs. */
  | { readonly k: 'advance'; readonly c: string; readonly a: number; readonly realUs: number; readonly us: number }
  /** One slice of advance `a`, of at most `events` events; `done` when it reached its target or was given up. */
  | { readonly k: 'step'; readonly c: string; readonly a: number; readonly events: number; readonly done: boolean }
  /** SET GLOBAL changed the cluster's global variables to these. */
  | { readonly k: 'globals'; readonly c: string; readonly entries: readonly (readonly [string, SysVarValue])[] }
  /** LOAD SNAPSHOT replaced the cluster. */
  | { readonly k: 'load'; readonly c: string; readonly realUs: number; readonly image: ClusterImage };

/** `serve --data-dir`: where accepted inputs go. */
export interface JournalPort {
  /**
   * Appends a record. `durable`: written to the operating system before this returns (the statement is answered
   * after it); otherwise it may wait for the next durable record or the periodic flush. `costMs`: the real time
   * the input took to run, what a replay would spend on it again (the checkpoint policy adds it up).
   */
  append(record: JournalRecord, durable: boolean, costMs?: number): void;
}

/** How the clusters of an emulator last: either, both or neither. */
export interface Persistence {
  readonly snapshots: SnapshotStore | null;
  /** The image every new cluster starts from (`serve --snapshot`), or null for the blank start-up state. */
  readonly startImage: ClusterImage | null;
}
