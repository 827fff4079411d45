/**
 * The start-path lines of `npm run bench` (issue 23): for every way users start the emulator, the median time
 * from spawning the process to its first answered `SELECT 1`, beside `node -e 0` (Node's own start, spawn to exit)
 * measured in the same run, alternating path by path. Paths: the bin (dist/bundle/cli.mjs), `npx ob-backup-sim
 * serve` in a project where the packed tarball is installed, the single-file executable (when `npm run build:exe`
 * made dist/exe/ob-backup-sim), `startServer` and the embedded import plus first statement (a script importing
 * the bundled API, the time to its answer).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, end, run } from './server-procs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLE = join(ROOT, 'dist', 'bundle');
const EXE = join(ROOT, 'dist', 'exe', 'ob-backup-sim');

export interface StartPathLine {
  readonly kind: 'startPath';
  readonly label: string;
  readonly ms: number;
  readonly nodeMs: number;
  /** A reference line (Node's own start, npm's own start): shown, not judged. */
  readonly reference?: boolean;
  /**
   * Whether the machine was quiet during the run (1-minute load average below the number of cores, before and
   * after): the absolute 200 ms applies only then; under load only the ratio to `node -e 0` is judged.
   */
  readonly quiet: boolean;
}

interface Path {
  readonly label: string;
  /** Milliseconds from spawn to the first answered SELECT 1. */
  readonly time: () => Promise<number>;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Spawns `command`; when its stdout shows the ready line, queries it, then stops it. */
function timeServer(command: string, args: readonly string[], cwd = ROOT): Promise<number> {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    child.once('exit', (code) => fail(new Error(`${command} exited (${code}) before answering`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on ([^\s:]+):(\d+)/.exec(out);
      if (m === null || out.includes('\u0000')) return;
      out += '\u0000';
      void (async () => {
        const c = await connect({ host: m[1], port: Number(m[2]), user: 'root' });
        await run(c, 'SELECT 1');
        const ms = performance.now() - t0;
        await end(c);
        child.removeAllListeners('exit');
        child.once('exit', () => ok(ms));
        child.kill('SIGTERM');
      })().catch(fail);
    });
  });
}

/** Spawns a script; the time until it prints its answer line. */
function timeScript(args: readonly string[], cwd: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let ms = 0;
    child.stdout.once('data', () => (ms = performance.now() - t0));
    child.once('exit', (code) => (code === 0 && ms > 0 ? ok(ms) : fail(new Error(`script exited with ${code}`))));
  });
}

function timeExit(command: string, args: readonly string[], cwd = ROOT): Promise<number> {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd, stdio: 'ignore' });
  return new Promise((ok) => child.once('exit', () => ok(performance.now() - t0)));
}

function quietNow(): boolean {
  return (loadavg()[0] ?? Number.POSITIVE_INFINITY) < cpus().length;
}

/** A project with the packed tarball installed, for the npx line; undefined if packing or installing failed. */
function installedProject(dir: string): string | undefined {
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  const tarball = packed.stdout.trim().split('\n').pop();
  if (packed.status !== 0 || tarball === undefined) return undefined;
  const project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{"name":"bench-project","version":"1.0.0","private":true}');
  const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tarball)], { cwd: project, encoding: 'utf8' });
  if (installed.status !== 0) return undefined;
  // npm's own share of the npx line: npx running a bin that exits at once, found the same way (node_modules/.bin).
  const bin = join(project, 'node_modules', '.bin', 'bench-exit-at-once');
  writeFileSync(bin, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return project;
}

export async function measureStartPaths(starts: number): Promise<StartPathLine[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ob-sim-bench-starts-'));
  try {
    const serve = ['serve', '--port', '0', '--clock', 'manual', '--log-level', 'warn'];
    writeFileSync(
      join(dir, 'start-server.mjs'),
      `import { startServer } from ${JSON.stringify(join(BUNDLE, 'index.mjs'))};\n` +
        "const s = await startServer({ port: 0, clock: 'manual' });\n" +
        "process.stdout.write(`ob-backup-sim listening on ${s.host}:${s.port}\\n`);\n" +
        "process.once('SIGTERM', () => void s.close());\n",
    );
    writeFileSync(
      join(dir, 'embedded.mjs'),
      `import { createEmulator } from ${JSON.stringify(join(BUNDLE, 'index.mjs'))};\n` +
        "const r = createEmulator().session().rows('SELECT 1');\n" +
        "if (!('rows' in r) || r.rows[0]?.[0] !== 1n) throw new Error('no answer');\n" +
        "process.stdout.write('answered\\n');\n",
    );
    process.stderr.write('bench: packing and installing the tarball for the npx line…\n');
    const project = installedProject(dir);
    const paths: Path[] = [
      { label: 'the bin (dist/bundle/cli.mjs)', time: () => timeServer(process.execPath, [join(BUNDLE, 'cli.mjs'), ...serve]) },
      ...(project === undefined ? [] : [{ label: 'npx ob-backup-sim serve (installed tarball)', time: () => timeServer('npx', ['--no-install', 'ob-backup-sim', ...serve], project) }]),
      ...(existsSync(EXE) ? [{ label: 'single-file executable (dist/exe)', time: () => timeServer(EXE, serve) }] : []),
      { label: 'startServer (bundled API)', time: () => timeServer(process.execPath, [join(dir, 'start-server.mjs')]) },
      { label: 'embedded: import + first statement', time: () => timeScript([join(dir, 'embedded.mjs')], dir) },
    ];
    const times = paths.map(() => [] as number[]);
    const node: number[] = [];
    const npx: number[] = [];
    let quiet = quietNow();
    for (let i = 0; i < starts; i++) {
      node.push(await timeExit(process.execPath, ['-e', '0']));
      if (project !== undefined) npx.push(await timeExit('npx', ['--no-install', 'bench-exit-at-once'], project));
      for (const [p, path] of paths.entries()) times[p]?.push(await path.time());
    }
    quiet &&= quietNow();
    const nodeMs = median(node);
    const npxReference: StartPathLine[] = project === undefined ? [] : [{ kind: 'startPath', label: "npx of a bin that exits at once (reference: npm's own start)", ms: median(npx), nodeMs, reference: true, quiet }];
    return [
      { kind: 'startPath', label: 'node -e 0 (reference: spawn to exit)', ms: nodeMs, nodeMs, reference: true, quiet },
      ...npxReference,
      ...paths.map((p, i) => ({ kind: 'startPath' as const, label: p.label, ms: median(times[i] ?? []), nodeMs, quiet })),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
