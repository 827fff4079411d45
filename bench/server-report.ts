/**
 * The table `npm run bench` prints: one line per measurement, the emulator/MariaDB ratio, the target of issue 9
 * and whether it is met, plus a header naming the machine, the load on it and the date.
 */
import { cpus, loadavg, totalmem, release } from 'node:os';
import type { LoadResult } from './server-load.js';
import type { StartPathLine } from './server-starts.js';

export type Line =
  | { readonly kind: 'qps'; readonly label: string; readonly connections: number; readonly emulator: LoadResult; readonly mariadb: LoadResult | undefined }
  | { readonly kind: 'start'; readonly label: string; readonly emulator: number; readonly mariadb: number | undefined }
  | { readonly kind: 'rss'; readonly label: string; readonly emulator: number; readonly mariadb: number | undefined; readonly target?: 'idle' | 'clusters' }
  | StartPathLine;

const MB = 1024 * 1024;
const START_LIMIT_MS = 200;
const START_RATIO = 2.0;
const IDLE_LIMIT = 80 * MB;
const CLUSTERS_LIMIT = 1024 * MB;

function qpsCell(r: LoadResult): string {
  const cpu = Number.isFinite(r.serverCpuUs) ? ` · server CPU ${r.serverCpuUs.toFixed(0)} µs/q` : '';
  return `${Math.round(r.qps).toLocaleString('en-US')} qps · p50 ${r.p50Ms.toFixed(3)} · p99 ${r.p99Ms.toFixed(3)} ms${cpu}`;
}

function verdict(ok: boolean | undefined): string {
  return ok === undefined ? 'n/a' : ok ? 'pass' : '**FAIL**';
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function render(line: Line): string {
  switch (line.kind) {
    case 'qps': {
      const ratio = line.mariadb === undefined ? undefined : line.emulator.qps / line.mariadb.qps;
      const min = line.connections === 1 ? 1.0 : 0.9;
      const ok = ratio === undefined ? undefined : ratio >= min;
      return row([line.label, qpsCell(line.emulator), line.mariadb ? qpsCell(line.mariadb) : '—', ratio?.toFixed(2) ?? '—', `qps ratio ≥ ${min.toFixed(1)}`, verdict(ok)]);
    }
    case 'start': {
      const ratio = line.mariadb === undefined ? undefined : line.emulator / line.mariadb;
      const ok = line.emulator <= START_LIMIT_MS && (ratio === undefined || ratio <= START_RATIO);
      const ms = (v: number): string => `${v.toFixed(0)} ms`;
      return row([line.label, ms(line.emulator), line.mariadb === undefined ? '—' : ms(line.mariadb), ratio?.toFixed(2) ?? '—', `≤ ${START_LIMIT_MS} ms and ratio ≤ ${START_RATIO.toFixed(1)}`, verdict(ok)]);
    }
    case 'startPath': {
      // Issue 23's target: at most 1.5 × Node's own start + 60 ms, and 200 ms on a quiet machine.
      const limit = 1.5 * line.nodeMs + 60;
      const ratio = line.ms / line.nodeMs;
      const absolute = line.quiet ? `and ≤ ${START_LIMIT_MS} ms` : `(≤ ${START_LIMIT_MS} ms not judged: machine under load)`;
      return row([
        `start path: ${line.label}`,
        `${line.ms.toFixed(0)} ms`,
        '—',
        line.ms === line.nodeMs && line.reference === true ? '—' : `${ratio.toFixed(2)} × node -e 0`,
        line.reference === true ? '—' : `≤ ${limit.toFixed(0)} ms (1.5 × node + 60) ${absolute}`,
        line.reference === true ? '—' : verdict(line.ms <= limit && (!line.quiet || line.ms <= START_LIMIT_MS)),
      ]);
    }
    case 'rss': {
      const ratio = line.mariadb === undefined ? undefined : line.emulator / line.mariadb;
      const limit = line.target === 'idle' ? IDLE_LIMIT : line.target === 'clusters' ? CLUSTERS_LIMIT : undefined;
      const target = limit === undefined ? '—' : `≤ ${limit >= 1024 * MB ? '1 GB' : `${limit / MB} MB`}`;
      const mb = (v: number): string => `${(v / MB).toFixed(1)} MB`;
      return row([line.label, mb(line.emulator), line.mariadb === undefined ? '—' : mb(line.mariadb), ratio?.toFixed(2) ?? '—', target, limit === undefined ? '—' : verdict(line.emulator <= limit)]);
    }
  }
}

export function renderTable(lines: readonly Line[]): string {
  const head = [row(['measure', 'emulator', 'MariaDB', 'emulator / MariaDB', 'target', 'result']), row(['---', '---', '---', '---', '---', '---'])];
  return [...head, ...lines.map(render)].join('\n');
}

export function machine(date: Date, mariadb: string, run: { seconds: number; slices: number; starts: number }): string {
  const cpu = cpus();
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  return [
    `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB, Linux ${release()}, Node ${process.version}, MariaDB ${mariadb}`,
    `Date: ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC; load average at the end ${load}; ${run.seconds} s per server and line in ${run.slices} alternating slices, median of ${run.starts} starts; client: mysql2 in one Node process on the same cores`,
  ].join('\n');
}
