/**
 * Secrets of `ob-backup-sim serve` (issue 18 item 5): the --trace file is created 0600 and holds no password a
 * session set, and a non-loopback --host without --password prints a warning after the listening line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mysql from 'mysql2/promise';
import { afterEach, expect, it } from 'vitest';

const cli = join(resolve(import.meta.dirname, '../../..'), 'dist/src/cli/main.js');
const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

function serve(args: readonly string[]): Promise<{ child: ChildProcess; port: number; stderr: () => string }> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--clock', 'manual', ...args], { stdio: 'pipe' });
  running.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolvePort, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^ob-backup-sim listening on [^\n]*:(\d+)\n/.exec(out);
      if (m) resolvePort({ child, port: Number(m[1]), stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((r) => child.once('exit', () => r()));

it('writes a 0600 trace in which no password a session set appears', async () => {
  const trace = join(mkdtempSync(join(tmpdir(), 'ob-sim-trace-')), 'trace.jsonl');
  const { child, port } = await serve(['--trace', trace]);
  const c = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root@sys', password: '' });
  const secrets = ['Enc-Pw-1', 'Dec-Pw-2', 'Dec-Pw-3', 'User-Pw-4'];
  await c.query(`SET ENCRYPTION ON IDENTIFIED BY '${secrets[0]}' ONLY`);
  await c.query(`SET DECRYPTION IDENTIFIED BY '${secrets[1]}', '${secrets[2]}'`);
  await c.query(`CREATE USER u IDENTIFIED BY '${secrets[3]}'`).catch(() => undefined);
  await c.end();
  child.kill('SIGTERM');
  await exited(child);
  const text = readFileSync(trace, 'utf8');
  expect(text).toContain('SET DECRYPTION IDENTIFIED BY');
  for (const s of secrets) expect(text).not.toContain(s);
  expect(statSync(trace).mode & 0o777).toBe(0o600);
}, 20_000);

it('warns, after the listening line, when it listens beyond loopback without --password', async () => {
  const open = await serve(['--host', '0.0.0.0']);
  await new Promise((r) => setTimeout(r, 200));
  expect(open.stderr()).toMatch(new RegExp(`warning: listening on 0\\.0\\.0\\.0 port ${open.port} and HTTP port \\d+ \\(the dashboard and its SQL API\\) without --password`));
  open.child.kill('SIGTERM');
  await exited(open.child);
  const noHttp = await serve(['--host', '0.0.0.0', '--http-port', 'off']);
  await new Promise((r) => setTimeout(r, 200));
  expect(noHttp.stderr()).toContain(`warning: listening on 0.0.0.0 port ${noHttp.port} without --password`);
  noHttp.child.kill('SIGTERM');
  await exited(noHttp.child);
  const local = await serve([]);
  await new Promise((r) => setTimeout(r, 200));
  expect(local.stderr()).not.toContain('warning');
}, 20_000);
