/**
 * `npm run bench` lines of issue 22 (state that lasts), each beside a reference measured in the same run:
 * - snapshot save and load of the 30-day cluster (bench/thirty-days.ts), against building it from its statements
 *   (what a snapshot saves a CI job), and the file's size against the state's JSON text;
 * - start to first answered query of `serve --data-dir` holding that cluster, against the same start without one;
 * - statement throughput (a state-changing statement, one connection) with `--data-dir` against without.
 * BENCH_PERSIST_ONLY=1 runs only these lines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../src/index.js';
import { stableJson } from '../src/engine/index.js';
import { THIRTY_DAYS_START, thirtyDayStatements } from './thirty-days.js';
import { runAlternating, type LoadResult } from './server-load.js';
import { startEmulator } from './server-procs.js';

export interface PersistLine {
  readonly kind: 'persist';
  readonly label: string;
  readonly value: string;
  readonly reference: string;
  readonly ratio: string;
  readonly target: string;
  readonly ok: boolean;
}

const MB = 1024 * 1024;
const ARGS = ['--seed', '7', '--start-time', THIRTY_DAYS_START, '--log-level', 'warn'];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

export async function measurePersistence(options: { seconds: number; warmupSeconds: number; slices: number; starts: number }): Promise<PersistLine[]> {
  const lines: PersistLine[] = [];
  const root = mkdtempSync(join(tmpdir(), 'obsim-bench-persist-'));
  try {
    process.stderr.write('bench: the 30-day cluster, its snapshot and its data directory…\n');
    const dataDir = join(root, 'data');
    const t0 = performance.now();
    const emu = createEmulator({ clock: 'manual', startTime: THIRTY_DAYS_START, seed: 7, dataDir });
    const t = emu.session({ tenant: 'mysql_tenant' });
    for (const sql of thirtyDayStatements()) {
      const r = t.execute(sql);
      if (r.kind === 'ObError') throw new Error(`${sql}: ${r.message}`);
    }
    const buildMs = performance.now() - t0;
    const saves: number[] = [];
    const loads: number[] = [];
    let bytes: Uint8Array = new Uint8Array(0);
    for (let i = 0; i < 5; i++) {
      const s0 = performance.now();
      bytes = emu.saveSnapshot();
      saves.push(performance.now() - s0);
      const target = createEmulator({ clock: 'manual', startTime: THIRTY_DAYS_START });
      const l0 = performance.now();
      target.loadSnapshot(bytes);
      loads.push(performance.now() - l0);
    }
    const jsonBytes = Buffer.byteLength(stableJson(emu.inspect().state));
    emu.close();
    const ms = (v: number): string => `${v.toFixed(1)} ms`;
    const vsBuild = (v: number): string => `${(v / buildMs).toFixed(3)} × building it`;
    lines.push({ kind: 'persist', label: 'snapshot save, 30-day cluster', value: ms(median(saves)), reference: `build ${ms(buildMs)}`, ratio: vsBuild(median(saves)), target: '—', ok: true });
    lines.push({ kind: 'persist', label: 'snapshot load, 30-day cluster', value: ms(median(loads)), reference: `build ${ms(buildMs)}`, ratio: vsBuild(median(loads)), target: '< 100 ms', ok: median(loads) < 100 });
    lines.push({
      kind: 'persist',
      label: 'snapshot file, 30-day cluster',
      value: `${(bytes.length / MB).toFixed(2)} MB`,
      reference: `state as JSON ${(jsonBytes / MB).toFixed(2)} MB`,
      ratio: `${(bytes.length / jsonBytes).toFixed(2)} × JSON`,
      target: '< 5 MB',
      ok: bytes.length < 5 * MB,
    });

    process.stderr.write(`bench: ${options.starts} starts with and without that data directory…\n`);
    const withDir: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < options.starts; i++) {
      const a = await startEmulator([...ARGS, '--data-dir', dataDir]);
      withDir.push(a.firstQueryMs);
      await a.stop();
      const b = await startEmulator(ARGS);
      without.push(b.firstQueryMs);
      await b.stop();
    }
    lines.push({
      kind: 'persist',
      label: 'start to first query, --data-dir with the 30-day cluster',
      value: ms(median(withDir)),
      reference: `without ${ms(median(without))}`,
      ratio: `${(median(withDir) / median(without)).toFixed(2)} × without`,
      target: '< 300 ms',
      ok: median(withDir) < 300,
    });

    process.stderr.write('bench: statement throughput with and without --data-dir…\n');
    const journaled = await startEmulator([...ARGS, '--data-dir', join(root, 'throughput')]);
    const plain = await startEmulator(ARGS);
    try {
      const spec = { sql: 'ALTER EMULATOR WRITE 1 MACROBLOCKS', rows: -1, mode: 'query' as const, connections: 1, seconds: options.seconds, warmupSeconds: options.warmupSeconds };
      const login = (port: number) => ({ host: '127.0.0.1', port, user: 'root@mysql_tenant' });
      const [j, p] = (await runAlternating(
        [
          { ...spec, login: login(journaled.port), pid: journaled.pid },
          { ...spec, login: login(plain.port), pid: plain.pid },
        ],
        options.slices,
      )) as [LoadResult, LoadResult];
      const qps = (r: LoadResult): string => `${Math.round(r.qps).toLocaleString('en-US')} qps · p99 ${r.p99Ms.toFixed(3)} ms`;
      lines.push({
        kind: 'persist',
        label: 'WRITE 1 MACROBLOCKS · query · 1 conn, --data-dir',
        value: qps(j),
        reference: `without ${qps(p)}`,
        ratio: `${(j.qps / p.qps).toFixed(2)} × without`,
        target: '≥ 0.8 × without',
        ok: j.qps / p.qps >= 0.8,
      });
    } finally {
      await journaled.stop();
      await plain.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return lines;
}
