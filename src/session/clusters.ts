/**
 * The emulated clusters of one emulator (emulator.md "Clusters"): each distinct cluster name of a login gets its
 * own isolated cluster, created on first use from the start-up configuration, so parallel test workers on one
 * server never see each other. Cluster-wide session facts (global system variables, live connections for KILL and
 * SHOW PROCESSLIST) live beside the engine's cluster.
 */
import { createCluster } from '../engine/index.js';
import type { Clock, Cluster, ClusterConfig } from '../engine/index.js';
import type { SysVarValue } from '../query/index.js';

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
}

export class ClusterRegistry {
  readonly #clusters = new Map<string, ClusterEntry>();

  constructor(readonly config: EmulatorConfig) {}

  /** The cluster of that name, created on first use. Names are case-sensitive, as OBProxy's are. */
  get(name: string): ClusterEntry {
    let entry = this.#clusters.get(name);
    if (entry === undefined) {
      const cluster = createCluster({ ...this.config.cluster, clusterName: name }, this.config.realClock);
      entry = { name, cluster, globalVariables: new Map(), connections: new Map(), startedUs: cluster.state.nowUs, questions: 0, trace: this.config.trace };
      this.#clusters.set(name, entry);
    }
    return entry;
  }

  /** Clusters created so far, in creation order. */
  list(): readonly ClusterEntry[] {
    return [...this.#clusters.values()];
  }
}
