/**
 * The per-file fixture of the interop tests: one server for the file (each client uses its own cluster name, so
 * runs never see each other), and a command tap per test so each test sees only its own client's commands.
 */
import mysql from 'mysql2/promise';
import { afterAll, beforeAll } from 'vitest';
import { startCommandTap, type CommandTap } from './command-tap.js';
import { startInteropServer, type InteropServer } from './server.js';

/**
 * Registers the file's server; call the returned function inside a test. `warm` runs one statement first (in a
 * cluster of its own): the first statement a server process parses takes the better part of a second, longer than
 * Connector/J's 500 ms limit on its pipelined connect-time queries. connector-j.test.ts shows that bug on a cold
 * server; the other tests need not trip over it.
 */
export function useInteropServer(options: { readonly warm?: boolean } = {}): () => InteropServer {
  let server: InteropServer | undefined;
  beforeAll(async () => {
    server = await startInteropServer();
    if (options.warm === true) await warmUp(server);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (server === undefined) throw new Error('the interop server is not running');
    return server;
  };
}

/** Runs `body` with a fresh tap in front of the server and closes it afterwards. */
export async function withTap<T>(server: InteropServer, body: (tap: CommandTap) => Promise<T>): Promise<T> {
  const tap = await startCommandTap(server.port);
  try {
    return await body(tap);
  } finally {
    await tap.close();
  }
}

async function warmUp(server: InteropServer): Promise<void> {
  const conn = await mysql.createConnection({ host: server.host, port: server.port, user: 'root@mysql_tenant#warm-up' });
  try {
    await conn.query('SELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG');
  } finally {
    await conn.end();
  }
}
