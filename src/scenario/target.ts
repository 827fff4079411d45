/**
 * What the runner drives: a target opens connections (one per `connection` name) on an isolated cluster and runs
 * one SQL text at a time. Two targets exist — the in-process emulator (engine-target.ts) and the MySQL wire
 * through mysql2 (the tests' slt-wire.ts) — and both report outcomes in the same rendered form, so one expected
 * block serves both runs.
 */
import type { RunMode } from './model.js';

/** A result cell as text (see values.ts), or null for SQL NULL. */
export type Cell = string | null;

export type Outcome =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'rows';
      readonly columns: readonly string[];
      /** One letter per column (I integer, R decimal or float, T anything else): what a rewrite writes. */
      readonly types: string;
      readonly rows: readonly (readonly Cell[])[];
    }
  | {
      readonly kind: 'error';
      /** The OceanBase error name where the target knows it (in process); null over the wire. */
      readonly name: string | null;
      readonly errno: number;
      readonly sqlState: string;
      readonly message: string;
    };

export interface Login {
  readonly user: string;
  readonly tenant: string;
}

export interface TargetConnection {
  run(sql: string): Promise<Outcome>;
  close(): Promise<void>;
}

export interface Target {
  readonly mode: RunMode;
  /** Opens a session on `cluster`; a refused login is an error outcome. */
  connect(login: Login, cluster: string): Promise<TargetConnection | Extract<Outcome, { kind: 'error' }>>;
}

/** Where a fixture's cluster starts: each file may name its own seed and start time. */
export interface ClusterSetup {
  readonly seed: number;
  readonly startTime: string;
}

/** Makes the target a file runs on, for its seed and start time. */
export type TargetFactory = (setup: ClusterSetup) => Promise<Target>;
