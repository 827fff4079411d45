/**
 * Starts a throw-away MariaDB (Debian's mariadb-server) in a temporary directory, listening on a Unix socket only,
 * for the differential test. Returns undefined when the binaries are absent.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';

const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((p) => existsSync(p));
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((p) => existsSync(p));

export interface MariaDb {
  readonly connection: mysql.Connection;
  stop(): Promise<void>;
}

export function mariadbAvailable(): boolean {
  return MARIADBD !== undefined && INSTALL_DB !== undefined;
}

export async function startMariaDb(): Promise<MariaDb> {
  if (!MARIADBD || !INSTALL_DB) throw new Error('mariadb-server is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'ob-sim-diff-'));
  // Its own tmpdir: servers started side by side (vitest's workers, or two checkouts) otherwise share /tmp for
  // bootstrap's temporary tables, and one's clean-up failed the other's mariadb-install-db.
  const datadir = join(dir, 'data');
  const socket = join(dir, 'mysqld.sock');
  const install = spawnSync(
    INSTALL_DB,
    ['--no-defaults', `--datadir=${datadir}`, `--tmpdir=${dir}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  const server: ChildProcess = spawn(
    MARIADBD,
    ['--no-defaults', `--datadir=${datadir}`, `--tmpdir=${dir}`, `--socket=${socket}`, '--skip-networking', '--skip-grant-tables', '--user=root', '--skip-log-bin'],
    { stdio: 'ignore' },
  );
  const connection = await connectWithRetry(socket);
  return {
    connection,
    stop: async () => {
      await connection.end().catch(() => undefined);
      server.kill('SIGTERM');
      await new Promise((resolve) => {
        server.once('exit', resolve);
        setTimeout(resolve, 5000);
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function connectWithRetry(socketPath: string): Promise<mysql.Connection> {
  let last: unknown;
  for (let i = 0; i < 200; i++) {
    try {
      return await mysql.createConnection({ socketPath, user: 'root', multipleStatements: true });
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`could not connect to the test MariaDB: ${String(last)}`);
}
