/**
 * The system under test over the MySQL wire: one mysql2 connection per model connection to a startServer on a
 * free port, each run in its own cluster (`root@tenant#cluster`), so runs on one server never see each other.
 * Values are read as the text the protocol carried.
 */
import mysql from 'mysql2/promise';
import type { RunningServer } from '../../src/index.js';
import { TENANT_SQL_NAME } from './model.js';
import type { Conn } from './model.js';
import { InvariantTracker } from './system.js';
import type { Outcome, System } from './system.js';

interface WireError {
  readonly errno?: number;
  readonly sqlMessage?: string;
}

export class WireSystem implements System {
  readonly #connections = new Map<Conn, mysql.Connection>();
  readonly #tracker = new InvariantTracker();

  constructor(readonly server: RunningServer, readonly cluster: string) {}

  async #connection(conn: Conn): Promise<mysql.Connection> {
    let c = this.#connections.get(conn);
    if (c === undefined) {
      const tenant = conn === 'sys' ? 'sys' : TENANT_SQL_NAME[conn];
      c = await mysql.createConnection({ host: this.server.host, port: this.server.port, user: `root@${tenant}#${this.cluster}`, password: '' });
      this.#connections.set(conn, c);
    }
    return c;
  }

  async exec(conn: Conn, sql: string): Promise<Outcome> {
    const c = await this.#connection(conn);
    try {
      const [rows] = await c.query({ sql, rowsAsArray: true, typeCast: (field) => field.string('utf8') });
      if (!Array.isArray(rows)) return { kind: 'ok' };
      return { kind: 'rows', rows: (rows as unknown as (string | null)[][]).map((r) => r.map((v) => v ?? 'NULL')) };
    } catch (e) {
      const err = e as WireError;
      if (err.errno === undefined) throw e;
      return { kind: 'error', errno: err.errno, message: err.sqlMessage ?? '' };
    }
  }

  async rows(sql: string): Promise<string[][]> {
    const out = await this.exec('sys', sql);
    if (out.kind !== 'rows') throw new Error(`view query failed: ${JSON.stringify(out)}\n  sql: ${sql}`);
    return out.rows;
  }

  async reconnect(conn: Conn): Promise<void> {
    await this.#connections.get(conn)?.end();
    this.#connections.delete(conn);
  }

  invariants(): void {
    this.#tracker.check(this.server.inspect(this.cluster));
  }

  async close(): Promise<void> {
    for (const c of this.#connections.values()) await c.end();
    this.#connections.clear();
  }
}
