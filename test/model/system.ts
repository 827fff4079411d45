/**
 * The system under test, as the commands see it: SQL on a named connection (sys, t1, t2), reconnects, and the
 * engine's invariant checker. Two implementations: in process through createEmulator (this file) and over the
 * MySQL wire through mysql2 (wire-system.ts).
 */
import { assertInvariants } from '../../src/engine/index.js';
import type { ClusterState } from '../../src/engine/index.js';
import { createEmulator, isObError } from '../../src/index.js';
import type { Emulator, EmulatorSession, SqlValue, StatementResult } from '../../src/index.js';
import { TENANT_SQL_NAME } from './model.js';
import type { Conn } from './model.js';

export type Outcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'error'; readonly errno: number; readonly message: string }
  | { readonly kind: 'rows'; readonly rows: string[][] };

export interface System {
  exec(conn: Conn, sql: string): Promise<Outcome>;
  /** A query on the sys connection; every value as text, NULL as 'NULL'. */
  rows(sql: string): Promise<string[][]>;
  reconnect(conn: Conn): Promise<void>;
  /** The engine's invariant checker, with history append-only since the previous call. */
  invariants(): void;
  close(): Promise<void>;
}

/** Every model run starts from the default tenants and the scenario runner's default start time, manual clock. */
export const START_TIME = '2024-01-31T03:20:00Z';

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'object' && 'toString' in v) return String(v);
  return String(v as SqlValue);
}

export function outcomeOf(r: StatementResult): Outcome {
  if (isObError(r)) return { kind: 'error', errno: r.errno, message: r.message };
  if (r.kind === 'rows') return { kind: 'rows', rows: r.resultSet.rows.map((row) => row.map(cellText)) };
  return { kind: 'ok' };
}

/** Tracks the state between checks so the checker can also prove history rows never change. */
export class InvariantTracker {
  #before: ClusterState | undefined;
  check(cluster: Parameters<typeof assertInvariants>[0] & { state: ClusterState }): void {
    assertInvariants(cluster, this.#before);
    this.#before = structuredClone(cluster.state);
  }
}

export class EngineSystem implements System {
  readonly #emulator: Emulator;
  readonly #sessions: Record<Conn, EmulatorSession>;
  readonly #tracker = new InvariantTracker();

  constructor(seed: number) {
    this.#emulator = createEmulator({ startTime: START_TIME, seed, clock: 'manual' });
    const open = (conn: Conn): EmulatorSession => this.#emulator.session({ tenant: conn === 'sys' ? 'sys' : TENANT_SQL_NAME[conn] });
    this.#sessions = { sys: open('sys'), t1: open('t1'), t2: open('t2') };
  }

  exec(conn: Conn, sql: string): Promise<Outcome> {
    return Promise.resolve(outcomeOf(this.#sessions[conn].execute(sql)));
  }

  async rows(sql: string): Promise<string[][]> {
    const out = await this.exec('sys', sql);
    if (out.kind !== 'rows') throw new Error(`view query failed: ${JSON.stringify(out)}\n  sql: ${sql}`);
    return out.rows;
  }

  reconnect(conn: Conn): Promise<void> {
    this.#sessions[conn] = this.#emulator.session({ tenant: conn === 'sys' ? 'sys' : TENANT_SQL_NAME[conn] });
    return Promise.resolve();
  }

  invariants(): void {
    this.#tracker.check(this.#emulator.inspect());
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
