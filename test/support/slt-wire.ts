/**
 * The wire target for scenario files: the same records sent through mysql2 (a real MySQL client) to startServer
 * on a free port, manual clock, one server per seed and start time. Every value is read as the text the protocol
 * carried (`field.string()`), which is what the in-process target renders, so one expected block serves both.
 */
import mysql from 'mysql2/promise';
import { startServer, type RunningServer } from '../../src/index.js';
import type { ClusterSetup, Outcome, Target, TargetConnection, TargetFactory } from '../../src/scenario/target.js';

/** mysql2's column type codes that read as numbers. */
const INTEGER_TYPES = new Set([1, 2, 3, 8, 9]);
const REAL_TYPES = new Set([0, 4, 5, 246]);

interface WireError {
  readonly errno?: number;
  readonly sqlState?: string;
  readonly sqlMessage?: string;
  readonly message?: string;
}

function errorOutcome(e: unknown): Extract<Outcome, { kind: 'error' }> {
  const err = e as WireError;
  return { kind: 'error', name: null, errno: err.errno ?? 0, sqlState: err.sqlState ?? '', message: err.sqlMessage ?? err.message ?? String(e) };
}

function wireConnection(conn: mysql.Connection): TargetConnection {
  return {
    run: async (sql) => {
      try {
        const [rows, fields] = await conn.query({ sql, rowsAsArray: true, typeCast: (field) => field.string('utf8') });
        if (!Array.isArray(rows) || fields === undefined) return { kind: 'ok' };
        const types = fields.map((f) => (INTEGER_TYPES.has(f.columnType ?? -1) ? 'I' : REAL_TYPES.has(f.columnType ?? -1) ? 'R' : 'T')).join('');
        return { kind: 'rows', columns: fields.map((f) => f.name), types, rows: rows as unknown as (string | null)[][] };
      } catch (e) {
        return errorOutcome(e);
      }
    },
    close: () => conn.end(),
  };
}

/** A server the records go to: startServer in this process, or another process (the single-file executable). */
export type WireServer = Pick<RunningServer, 'host' | 'port' | 'close'>;

const inProcess = (setup: ClusterSetup): Promise<WireServer> => startServer({ port: 0, clock: 'manual', seed: setup.seed, startTime: setup.startTime });

/** A wire target factory and the servers it started (close them when the suite ends). */
export function wireTargets(start: (setup: ClusterSetup) => Promise<WireServer> = inProcess): { readonly targets: TargetFactory; close(): Promise<void> } {
  const servers = new Map<string, Promise<WireServer>>();
  const serverFor = (setup: ClusterSetup): Promise<WireServer> => {
    const key = `${setup.seed}@${setup.startTime}`;
    let server = servers.get(key);
    if (server === undefined) {
      server = start(setup);
      servers.set(key, server);
    }
    return server;
  };
  const targets = async (setup: ClusterSetup): Promise<Target> => {
    const server = await serverFor(setup);
    return {
      mode: 'wire',
      connect: async (login, cluster) => {
        try {
          const conn = await mysql.createConnection({ host: server.host, port: server.port, user: `${login.user}@${login.tenant}#${cluster}` });
          return wireConnection(conn);
        } catch (e) {
          return errorOutcome(e);
        }
      },
    };
  };
  return {
    targets,
    close: async () => {
      for (const server of servers.values()) await (await server).close();
    },
  };
}
