/**
 * `ob-backup-sim serve` as a process (emulator.md "Command line", issue 5 item 4): the ready line, --trace JSON
 * lines, strict authentication with --password, isolated clusters, and a clean exit on SIGTERM and SIGINT.
 * It runs both ways the server starts: the `bin` (dist/src/cli/main.js) and the start-up snapshot `npm start`
 * uses (dist/snapshot/serve.blob), both built by `npm test`'s build step.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mysql from 'mysql2/promise';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'dist/src/cli/main.js');
/** `npm start`'s node arguments before `serve` (the snapshot and its flags), with paths made absolute. */
const npmStart = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .replace(/^node /, '')
  .replace(/ serve$/, '')
  .split(' ')
  .map((a) => (a.startsWith('dist/') ? join(root, a) : a));
/** The node arguments before `serve …`, per way of starting. */
const launches: readonly (readonly [string, readonly string[]])[] = [
  ['the bin', [cli]],
  ['npm start (the start-up snapshot)', npmStart],
];
const running: ChildProcess[] = [];

interface Started {
  readonly child: ChildProcess;
  readonly port: number;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

function start(launch: readonly string[], args: readonly string[], env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [...launch, 'serve', '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  running.push(child);
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolvePort, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^ob-backup-sim listening on 127\.0\.0\.1:(\d+)\n/.exec(out);
      if (m) resolvePort({ child, port: Number(m[1]), stdout: () => out, stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

describe.each(launches)('ob-backup-sim serve started by %s', (_how, launch) => {
  const serve = (args: readonly string[], env: Record<string, string> = {}): Promise<Started> => start(launch, args, env);

  it('prints exactly the ready line, answers queries, and exits 0 on SIGTERM', async () => {
    const s = await serve(['--clock', 'manual', '--start-time', '2024-01-31T03:20:59Z', '--log-level', 'warn', '--http-port', 'off']);
    const conn = await mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root@mysql_tenant' });
    const [rows] = await conn.query('SELECT ob_version() AS v, @@version AS version');
    expect(rows).toEqual([{ v: '4.2.5.0', version: '5.7.25-OceanBase_CE-v4.2.5.0' }]);
    await conn.end();
    const exited = exitOf(s.child);
    s.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(s.stdout()).toBe(`ob-backup-sim listening on 127.0.0.1:${s.port}\n`);
    expect(s.stderr()).toBe('');
  });

  it('prints the dashboard line after the ready line; --http-port 0 picks a free port that serves the API', async () => {
    const s = await serve(['--clock', 'manual', '--log-level', 'warn', '--http-port', '0']);
    await new Promise((r) => setTimeout(r, 100));
    const m = /^ob-backup-sim listening on 127\.0\.0\.1:(\d+)\ndashboard on http:\/\/127\.0\.0\.1:(\d+)\/\n$/.exec(s.stdout());
    expect(m?.[1]).toBe(String(s.port));
    const health = await fetch(`http://127.0.0.1:${m?.[2]}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const exited = exitOf(s.child);
    s.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(s.stderr()).toBe('');
  });

  it('--http-port off and OB_SIM_HTTP_PORT=off print no dashboard line; a bad value is refused', async () => {
    const off = await serve(['--log-level', 'warn', '--http-port', 'off']);
    const offEnv = await serve(['--log-level', 'warn'], { OB_SIM_HTTP_PORT: 'off' });
    await new Promise((r) => setTimeout(r, 100));
    expect(off.stdout()).toBe(`ob-backup-sim listening on 127.0.0.1:${off.port}\n`);
    expect(offEnv.stdout()).toBe(`ob-backup-sim listening on 127.0.0.1:${offEnv.port}\n`);
    await expect(serve(['--http-port', 'nope'])).rejects.toThrow("invalid --http-port 'nope'");
  });

  it('writes one --trace JSON line per statement and exits 0 on SIGINT', async () => {
    const trace = join(mkdtempSync(join(tmpdir(), 'ob-sim-')), 'trace.jsonl');
    const s = await serve(['--clock', 'manual', '--start-time', '2024-01-31T03:20:59Z', '--log-level', 'error'], { OB_SIM_TRACE: trace });
    const conn = await mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root@mysql_tenant#traced', multipleStatements: true });
    await conn.query('SELECT 1; SELECT 2');
    await expect(conn.query('ALTER SYSTEM BACKUP DATABASE')).rejects.toThrow(/backup can not start/);
    await conn.end();
    const exited = exitOf(s.child);
    s.child.kill('SIGINT');
    expect(await exited).toBe(0);
    const lines = readFileSync(trace, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l['statement'], l['outcome'], l['code'] ?? null, l['cluster'], l['tenant']])).toEqual([
      ['SELECT 1', 'rows', null, 'traced', 'mysql_tenant'],
      ['SELECT 2', 'rows', null, 'traced', 'mysql_tenant'],
      ['ALTER SYSTEM BACKUP DATABASE', 'error', 9040, 'traced', 'mysql_tenant'],
    ]);
    expect(lines[0]?.['time']).toBe('2024-01-31T03:20:59.000Z');
  });

  it('with --password only root (or SYS of an Oracle tenant) with that password logs in (1045 otherwise)', async () => {
    const s = await serve(['--password', 's3cret', '--log-level', 'error']);
    const ok = await mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root@mysql_tenant', password: 's3cret' });
    await ok.end();
    const sys = await mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'SYS@oracle_tenant', password: 's3cret' });
    await sys.end();
    await expect(mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root@mysql_tenant', password: 'wrong' })).rejects.toThrow(
      "Access denied for user 'root'@'127.0.0.1' (using password: YES)",
    );
    await expect(mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'operator', password: 's3cret' })).rejects.toThrow(
      "Access denied for user 'operator'@'127.0.0.1' (using password: YES)",
    );
    await expect(mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root@nope' })).rejects.toThrow(
      "Access denied for user 'root'@'127.0.0.1' (using password: NO)",
    );
  });

  it('applies the connection limits given as flags and variables: --max-connections, --connect-timeout, --max-allowed-packet', async () => {
    const s = await serve(['--max-connections', '1', '--connect-timeout', '0.5', '--log-level', 'error'], { OB_SIM_MAX_ALLOWED_PACKET: '1048576' });
    const first = await mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root@mysql_tenant' });
    await expect(mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root@mysql_tenant' })).rejects.toMatchObject({ errno: 1040 });
    await expect(first.query(`SELECT LENGTH('${'x'.repeat(1024 * 1024)}')`)).rejects.toMatchObject({ errno: 1153 });
    first.destroy();
    // Once the server has seen that close, a socket gets a greeting again (not the 1040 of a full server) and, never
    // answering it, is closed after the connect timeout.
    let silent = connect(s.port, '127.0.0.1');
    let greeting = await new Promise<Buffer>((r) => silent.once('data', r));
    for (let tries = 0; greeting[4] === 0xff && tries < 100; tries++) {
      silent.destroy();
      await new Promise((r) => setTimeout(r, 50));
      silent = connect(s.port, '127.0.0.1');
      greeting = await new Promise<Buffer>((r) => silent.once('data', r));
    }
    expect(greeting[4]).toBe(10);
    const closed = await new Promise<boolean>((r) => {
      silent.once('close', () => r(true));
      setTimeout(() => r(false), 10_000);
    });
    expect(closed).toBe(true);
  });

  it('keeps two clusters used at once isolated over the wire', async () => {
    const s = await serve(['--clock', 'manual', '--start-time', '2024-01-31T03:20:59Z', '--log-level', 'error']);
    const a = await mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'root@mysql_tenant#a', database: 'oceanbase' });
    const b = await mysql.createConnection({ host: '127.0.0.1', port: s.port, user: 'b:mysql_tenant:root', database: 'oceanbase' });
    for (const conn of [a, b]) {
      await conn.query("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///backup/archive'");
      await conn.query("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///backup/data'");
      await conn.query('ALTER SYSTEM ARCHIVELOG');
    }
    await a.query('ALTER EMULATOR ADVANCE TIME 1 MINUTES');
    await a.query('ALTER SYSTEM BACKUP DATABASE');
    const [aJobs] = await a.query('SELECT count(*) AS n FROM DBA_OB_BACKUP_JOBS');
    const [bJobs] = await b.query('SELECT count(*) AS n FROM DBA_OB_BACKUP_JOBS');
    const [bArchive] = await b.query('SELECT STATUS FROM DBA_OB_ARCHIVELOG');
    expect([aJobs, bJobs, bArchive]).toEqual([[{ n: 1 }], [{ n: 0 }], []]);
    await Promise.all([a.end(), b.end()]);
  });
});
