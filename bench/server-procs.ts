/**
 * The two servers of `npm run bench` as real child processes: the built CLI (`serve --clock manual`) and, when
 * Debian's mariadb-server is installed, a MariaDB 10.11 started from a data directory prepared once. Each start is
 * timed from spawn to the first successful query, and resident memory is read from /proc, so the figures are
 * those of a server process, not of code sharing the benchmark's heap.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2';

const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'].find((p) => existsSync(p));
const INSTALL_DB = ['/usr/bin/mariadb-install-db', '/usr/bin/mysql_install_db'].find((p) => existsSync(p));
/** dist/bench/server-procs.js → dist/src/cli/main.js, the `bin`. */
const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli', 'main.js');
/** dist/bench/server-procs.js → the repository, where package.json says how `npm start` runs the server. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** How a server process is started: as `npm start` does (from the snapshot), or through the `bin`. */
export type Launch = 'npm start' | 'bin';

/** The node arguments before `serve`: the bin, or exactly those of package.json's start script (paths made absolute). */
function launchArgs(launch: Launch): string[] {
  if (launch === 'bin') return [CLI];
  const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const m = /^node (.*) serve$/.exec(start);
  if (m === null) throw new Error(`package.json's start script is not "node … serve": ${start}`);
  const args = (m[1] ?? '').split(' ').map((a) => (a.startsWith('dist/') ? join(ROOT, a) : a));
  const blob = args.find((a) => a.endsWith('.blob'));
  if (blob !== undefined && !existsSync(blob)) throw new Error(`no start-up snapshot at ${blob}: run npm run build`);
  return args;
}

export interface Started {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly pid: number;
  /** Milliseconds from spawn to the first successful `SELECT 1`. */
  readonly firstQueryMs: number;
  stop(): Promise<void>;
}

export type ConnectOptions = mysql.ConnectionOptions;

export function connect(options: ConnectOptions): Promise<mysql.Connection> {
  return new Promise((ok, fail) => {
    const c = mysql.createConnection(options);
    c.connect((err) => (err ? fail(err) : ok(c)));
  });
}

export function run(c: mysql.Connection, sql: string): Promise<unknown> {
  return new Promise((ok, fail) => c.query(sql, (err, rows) => (err ? fail(err) : ok(rows))));
}

export function end(c: mysql.Connection): Promise<void> {
  return new Promise((ok) => c.end(() => ok()));
}

/** Resident set size of a process, in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    child.kill('SIGTERM');
  });
}

async function firstQuery(options: ConnectOptions): Promise<void> {
  const c = await connect(options);
  await run(c, 'SELECT 1');
  await end(c);
}

/** Starts `ob-backup-sim serve --port 0 --clock manual …` and times it to its first answered query. */
export function startEmulator(args: readonly string[], launch: Launch = 'npm start'): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...launchArgs(launch), 'serve', '--port', '0', '--clock', 'manual', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    let seen = false;
    child.once('exit', (code) => fail(new Error(`the emulator exited (${code}) before listening`)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (seen) return;
      out += chunk.toString('utf8');
      const m = /listening on ([^\s:]+):(\d+)/.exec(out);
      if (m === null) return;
      seen = true;
      const host = m[1] ?? '127.0.0.1';
      const port = Number(m[2]);
      firstQuery({ host, port, user: 'root' }).then(() => {
        child.removeAllListeners('exit');
        ok({ name: 'emulator', host, port, pid: child.pid ?? 0, firstQueryMs: performance.now() - t0, stop: () => stopProcess(child) });
      }, fail);
    });
  });
}

export function mariadbAvailable(): boolean {
  return MARIADBD !== undefined && INSTALL_DB !== undefined;
}

export function mariadbVersion(): string {
  if (MARIADBD === undefined) return 'not installed';
  return spawnSync(MARIADBD, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^.*Ver\s+/, '').replace(/\s+for .*$/, '');
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** A MariaDB data directory, made once by mariadb-install-db and removed by dispose(). */
export interface MariaDbDir {
  readonly datadir: string;
  start(): Promise<Started>;
  dispose(): void;
}

/** `options`: extra mariadbd options for every start (e.g. the default time zone). */
export function prepareMariaDb(options: readonly string[] = []): MariaDbDir {
  if (MARIADBD === undefined || INSTALL_DB === undefined) throw new Error('mariadb-server is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'ob-sim-bench-'));
  const datadir = join(dir, 'data');
  const install = spawnSync(
    INSTALL_DB,
    ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  const mariadbd = MARIADBD;
  return {
    datadir,
    start: async () => {
      const port = await freePort();
      const t0 = performance.now();
      const child = spawn(
        mariadbd,
        [
          '--no-defaults',
          `--datadir=${datadir}`,
          `--socket=${join(dir, 'mysqld.sock')}`,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          '--skip-grant-tables',
          '--skip-name-resolve',
          '--skip-log-bin',
          '--user=root',
          ...options,
        ],
        { stdio: 'ignore' },
      );
      await untilAnswered({ host: '127.0.0.1', port, user: 'root' }, child);
      return { name: 'MariaDB', host: '127.0.0.1', port, pid: child.pid ?? 0, firstQueryMs: performance.now() - t0, stop: () => stopProcess(child) };
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Tries to connect every 2 ms (a refused connection costs microseconds on loopback) until a query succeeds. */
async function untilAnswered(options: ConnectOptions, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mariadbd exited with ${child.exitCode}`);
    try {
      await firstQuery(options);
      return;
    } catch (e) {
      if (performance.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}
