/**
 * The package as users get it (issue 23): `npm pack`, then `npm install` of the tarball in an empty project, and
 * from there the bin, `npx ob-backup-sim serve` (stopping npx stops the server: the port is free within 2 s), the
 * embedded API and its types (`tsc --noEmit` on a file that uses them). The tarball is what `npm test`'s build
 * step made; packing skips the `prepare` build that would redo it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
let dir = '';
let project = '';
const children: ChildProcess[] = [];

function sh(command: string, args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ob-sim-package-'));
  const packed = sh('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], root);
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = join(dir, packed.stdout.trim().split('\n').pop() ?? '');
  project = join(dir, 'project');
  sh('mkdir', [project], dir);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true, type: 'module' }));
  const installed = sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], project);
  expect(installed.status, installed.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** Spawns a server and resolves with its port once it prints the ready line. */
function serve(command: string, args: readonly string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(command, args, { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((ok, fail) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ob-backup-sim listening on 127\.0\.0\.1:(\d+)\n/.exec(out);
      if (m) ok({ child, port: Number(m[1]) });
    });
    child.once('exit', (code) => fail(new Error(`exited with ${code}: ${err}`)));
  });
}

async function selectOne(port: number): Promise<unknown> {
  const c = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
  const [rows] = await c.query('SELECT 1 AS one');
  await c.end();
  return rows;
}

/** Whether the port can be bound again (nothing listens there any more). */
function portFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer();
    s.once('error', () => ok(false));
    s.listen(port, '127.0.0.1', () => s.close(() => ok(true)));
  });
}

async function freeWithin(port: number, ms: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    if (await portFree(port)) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
  }
  return Number.POSITIVE_INFINITY;
}

describe('the installed package', () => {
  it('runs the bin: --version, and serve answers a query', async () => {
    const bin = join(project, 'node_modules/.bin/ob-backup-sim');
    expect(sh(bin, ['--version'], project).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const s = await serve(bin, ['serve', '--port', '0', '--log-level', 'warn']);
    expect(await selectOne(s.port)).toEqual([{ one: 1 }]);
    s.child.kill('SIGTERM');
    expect(await freeWithin(s.port, 2000)).toBeLessThan(2000);
  });

  it.each(['SIGTERM', 'SIGKILL'] as const)('npx ob-backup-sim serve: after %s of the npx process the port is free within 2 s', async (signal) => {
    const s = await serve('npx', ['--no-install', 'ob-backup-sim', 'serve', '--port', '0', '--log-level', 'warn']);
    expect(await selectOne(s.port)).toEqual([{ one: 1 }]);
    s.child.kill(signal);
    expect(await freeWithin(s.port, 2000)).toBeLessThan(2000);
  });

  it('imports the embedded API and runs a statement', () => {
    writeFileSync(
      join(project, 'embedded.mjs'),
      "import { createEmulator } from 'ob-backup-sim';\n" +
        "const emu = createEmulator({ startTime: '2024-01-31T03:20:00Z' });\n" +
        "const r = emu.session({ tenant: 'mysql_tenant' }).rows('SELECT 1 AS one');\n" +
        'console.log(JSON.stringify(r, (k, v) => (typeof v === "bigint" ? `${v}n` : v)));\n',
    );
    const r = sh(process.execPath, ['embedded.mjs'], project);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ columns: [{ name: 'one' }], rows: [['1n']] });
  });

  it("type-checks a file that uses the API with the package's types", () => {
    writeFileSync(
      join(project, 'uses.ts'),
      "import { createEmulator, isObError, startServer, type ResultSet, type ObError } from 'ob-backup-sim';\n" +
        "const emu = createEmulator({ clock: 'manual', seed: 1 });\n" +
        "const r: ResultSet | ObError = emu.session({ tenant: 'mysql_tenant' }).rows('SELECT 1');\n" +
        "emu.advance('10m');\n" +
        'const now: Date = emu.now();\n' +
        'export async function setup(): Promise<number> {\n' +
        '  const server = await startServer({ port: 0 });\n' +
        '  await server.close();\n' +
        '  return server.port + now.getTime() + (isObError(r) ? 0 : r.rows.length);\n' +
        '}\n' +
        '// @ts-expect-error: no such option\n' +
        'createEmulator({ bogus: true });\n',
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'ES2022', noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(root, 'node_modules/@types')] },
        files: ['uses.ts'],
      }),
    );
    const r = sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
