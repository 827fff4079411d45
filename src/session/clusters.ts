/**
 * The emulated clusters of one emulator (emulator.md "Clusters"): each distinct cluster name of a login gets its
 * own isolated cluster, created on first use from the start-up configuration, so parallel test workers on one
 * server never see each other. Cluster-wide session facts (global system variables, live connections for KILL and
 * SHOW PROCESSLIST) live beside the engine's cluster.
 */
import { beginAdvance, createCluster, syncClock } from '../engine/index.js';
import type { Clock, Cluster, ClusterConfig } from '../engine/index.js';
import type { SysVarValue } from '../query/index.js';
import type { ClusterImage, JournalPort, Persistence, SnapshotStore } from './persistence.js';

/**
 * The emulator's options, normalised once (src/index.ts): what every cluster is created from, and what the
 * session layer needs beside it.
 */
export interface EmulatorConfig {
  /** Every cluster's engine configuration; only its name differs (set per cluster). */
  readonly cluster: Omit<ClusterConfig, 'clusterName'>;
  /** root's password in every tenant (strict authentication), or null for permissive logins. */
  readonly password: string | null;
  /** The only real clock (real µs since the epoch), injected by src/index.ts; null for a purely manual emulator. */
  readonly realClock: Clock | null;
  /** Receives one record per statement (`serve --trace`), or null. */
  readonly trace: ((record: StatementTrace) => void) | null;
  /** Snapshots and the start-up snapshot (`serve --snapshot-dir`, `--snapshot`); absent: neither. */
  readonly persistence?: Persistence;
  /**
   * Global variables every new cluster starts with, from the server's own options (`--max-allowed-packet` is
   * @@max_allowed_packet); a start-up image's SET GLOBAL values win over them.
   */
  readonly startGlobals?: readonly (readonly [string, SysVarValue])[];
}

/**
 * A cluster's view of the real clock, held still for the length of one statement: every reading the engine takes
 * while it runs is the same instant, so a journaled statement replays with exactly the time it saw. Replay pins
 * it at each record's instant.
 */
export class StatementClock implements Clock {
  #pinned: number | null = null;
  constructor(readonly real: Clock | null) {}
  now(): number {
    if (this.#pinned !== null) return this.#pinned;
    if (this.real === null) throw new Error('a REALTIME cluster needs a Clock');
    return this.real.now();
  }
  /** Holds the clock at the real time now (or at `realUs`), returning the instant; 0 without a real clock. */
  pin(realUs?: number): number {
    this.#pinned = realUs ?? (this.real === null ? 0 : this.real.now());
    return this.#pinned;
  }
  unpin(): void {
    this.#pinned = null;
  }
}

/** One `--trace` line (emulator.md): what ran where, how it ended and how long it took. */
export interface StatementTrace {
  /** Virtual time of the statement, ISO 8601 UTC. */
  readonly time: string;
  readonly cluster: string;
  readonly tenant: string;
  /** The connection id. */
  readonly session: number;
  readonly statement: string;
  /** `ok`, `rows`, or `error`. */
  readonly outcome: 'ok' | 'rows' | 'error';
  /** The MySQL errno of an error. */
  readonly code?: number;
  /** Real milliseconds spent. */
  readonly durationMs: number;
}

/** A connection as the cluster sees it: enough for KILL and SHOW PROCESSLIST. */
export interface ConnectionEntry {
  readonly connectionId: number;
  readonly user: string;
  readonly tenant: string;
  readonly host: string;
  database(): string | undefined;
  kill(): void;
  /** KILL QUERY: the running statement, if any, ends with OB_TIMEOUT at its next check. */
  cancelQuery(): void;
}

export interface ClusterEntry {
  readonly name: string;
  readonly cluster: Cluster;
  /** SET GLOBAL values (lower-case names), shared by the cluster's sessions. */
  readonly globalVariables: Map<string, SysVarValue>;
  readonly connections: Map<number, ConnectionEntry>;
  /** Virtual time the cluster was created (COM_STATISTICS uptime). */
  readonly startedUs: number;
  /** Statements received (COM_STATISTICS `Questions`). */
  questions: number;
  readonly trace: ((record: StatementTrace) => void) | null;
  /** The clock the cluster reads (held still during a statement). */
  readonly clock: StatementClock;
  /** `serve --snapshot-dir`, or null: SAVE / LOAD SNAPSHOT are refused. */
  readonly snapshots: SnapshotStore | null;
  /** `serve --data-dir`'s journal, or null (also while the journal is being replayed). */
  journal: JournalPort | null;
  /** The next id of an ADVANCE TIME of this cluster, so the journal tells concurrent advances apart. */
  nextAdvanceId: number;
  /** The image the cluster started from (`serve --snapshot`), or null: what a checkpoint keeps for RESET. */
  readonly start: ClusterImage | null;
}

export class ClusterRegistry {
  readonly #clusters = new Map<string, ClusterEntry>();
  #journal: JournalPort | null = null;

  constructor(readonly config: EmulatorConfig) {}

  /** The cluster of that name, created on first use. Names are case-sensitive, as OBProxy's are. */
  get(name: string): ClusterEntry {
    const known = this.#clusters.get(name);
    if (known !== undefined) return known;
    const start = this.config.persistence?.startImage ?? null;
    const config: ClusterConfig = { clusterName: name, ...this.config.cluster };
    const realUs = this.config.realClock === null ? 0 : this.config.realClock.now();
    const entry = this.create(name, config, start, realUs);
    entry.journal?.append({ k: 'create', c: name, realUs, config, start }, false);
    return entry;
  }

  /**
   * A cluster made from a given configuration and start-up image (the journal's replay re-creates clusters as
   * they were first made); replaces any cluster of that name.
   */
  create(name: string, config: ClusterConfig, start: ClusterImage | null, realUs?: number): ClusterEntry {
    const clock = new StatementClock(this.config.realClock);
    clock.pin(realUs);
    const cluster = createCluster(config, clock, start?.state);
    clock.unpin();
    const entry: ClusterEntry = {
      name,
      cluster,
      globalVariables: new Map([...(this.config.startGlobals ?? []), ...(start?.globals ?? [])]),
      connections: new Map(),
      startedUs: cluster.state.nowUs,
      questions: 0,
      trace: this.config.trace,
      clock,
      snapshots: this.config.persistence?.snapshots ?? null,
      journal: this.#journal,
      nextAdvanceId: 1,
      start,
    };
    this.#clusters.set(name, entry);
    return entry;
  }

  /** From now on every cluster's accepted inputs go to `journal` (after a data directory's replay). */
  attachJournal(journal: JournalPort | null): void {
    this.#journal = journal;
    for (const entry of this.#clusters.values()) entry.journal = journal;
  }

  /** Clusters created so far, in creation order. */
  list(): readonly ClusterEntry[] {
    return [...this.#clusters.values()];
  }
}

/**
 * Brings a REALTIME cluster to its clock (held at `realUs` if given); with a journal, a sync that moved time is
 * recorded, so a replay steps time in the same pieces. A MANUAL cluster is left as it is.
 */
export function syncEntry(entry: ClusterEntry, realUs?: number): void {
  const state = entry.cluster.state;
  if (state.clock.mode !== 'REALTIME') return;
  const before = state.nowUs;
  const at = realUs ?? entry.clock.pin();
  try {
    syncClock(entry.cluster);
  } finally {
    if (realUs === undefined) entry.clock.unpin();
  }
  if (entry.journal !== null && entry.cluster.state.nowUs !== before) entry.journal.append({ k: 'sync', c: entry.name, realUs: at }, false);
}

/**
 * The embedded API's advance with a journal: the same slices a replay will run, each journaled. (Without one,
 * src/index.ts advances the engine directly.)
 */
export function journaledAdvance(entry: ClusterEntry, us: number): void {
  const realUs = entry.clock.pin();
  let step;
  try {
    syncEntry(entry, realUs);
    step = beginAdvance(entry.cluster, us);
  } finally {
    entry.clock.unpin();
  }
  const a = entry.nextAdvanceId++;
  entry.journal?.append({ k: 'advance', c: entry.name, a, realUs, us }, false);
  const started = performance.now();
  step(Number.MAX_SAFE_INTEGER);
  entry.journal?.append({ k: 'step', c: entry.name, a, events: Number.MAX_SAFE_INTEGER, done: true }, true, performance.now() - started);
}
