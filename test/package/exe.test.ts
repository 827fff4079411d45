/**
 * The single-file executable (issue 23): `npm run build:exe` makes dist/exe/ob-backup-sim (Node's single executable
 * applications, injected with postject), and it runs as a Go, Python or Java project's CI would run it: one file,
 * no Node on the PATH, `./ob-backup-sim serve`. Acceptance-style: scenario files (archiving, full and PLUS
 * ARCHIVELOG backups, the docs' history example, cancel, delete policies, a dest fault) run over the wire against it, exactly
 * as the fixture suite runs them against startServer.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFailure, runScenarioFile, type ClusterSetup } from '../../src/scenario/index.js';
import { wireTargets, type WireServer } from '../support/slt-wire.js';

const root = resolve(import.meta.dirname, '../..');
const exe = join(root, 'dist/exe/ob-backup-sim');
/** Nothing on the PATH (so no Node): the executable must not need it. */
const env = { PATH: mkdtempSync(join(tmpdir(), 'ob-sim-empty-path-')), HOME: process.env['HOME'] ?? '/tmp' };
const children: ChildProcess[] = [];

const SCENARIOS = [
  'fixtures/archivelog/010-enable-archivelog.slt',
  'fixtures/backup/010-full-backup-user-tenant.slt',
  'fixtures/backup/040-plus-archivelog.slt',
  'fixtures/backup/050-docs-history-example.slt',
  'fixtures/cancel/010-cancel-from-user-tenant.slt',
  'fixtures/clean/010-delete-policy.slt',
  'fixtures/faults/020-backup-dest-out-of-space.slt',
];

function startExe(setup: ClusterSetup): Promise<WireServer> {
  const args = ['serve', '--port', '0', '--clock', 'manual', '--seed', String(setup.seed), '--start-time', setup.startTime, '--log-level', 'warn'];
  const child = spawn(exe, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  let ready = false;
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`the executable exited with ${code}: ${err}`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^ob-backup-sim listening on ([\d.]+):(\d+)\n/.exec(out);
      // Only the ready line counts; the dashboard line after it must not run this again (it would drop the
      // caller's own 'exit' listeners).
      if (m === null || ready) return;
      ready = true;
      child.removeAllListeners('exit');
      ok({
        host: m[1] ?? '127.0.0.1',
        port: Number(m[2]),
        close: () => new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

const wire = wireTargets(startExe);

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-exe.mjs')], { cwd: root, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  expect(existsSync(exe)).toBe(true);
}, 180_000);

afterAll(async () => {
  await wire.close();
  for (const c of children) c.kill('SIGKILL');
});

describe('the single-file executable', () => {
  it('runs without Node: --version, and serve exits 0 on SIGTERM', async () => {
    expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env }).status).not.toBe(0);
    expect(spawnSync(exe, ['--version'], { env, encoding: 'utf8' })).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/), stderr: '' });
    const server = await startExe({ seed: 1, startTime: '2024-01-31T03:20:00Z' });
    const child = children[children.length - 1] as ChildProcess;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await server.close();
    expect(await exited).toBe(0);
  });

  it.each(SCENARIOS)('passes %s over the wire', async (file) => {
    const report = await runScenarioFile(join(root, file), wire.targets);
    expect(report.failures.map(formatFailure)).toEqual([]);
    expect(report.passed).toBeGreaterThan(0);
  });
});
