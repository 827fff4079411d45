#!/usr/bin/env node
/**
 * `npm run test:soak` (never part of `npm test`): the CI reliability tests at soak size, one file after another so
 * each has the machine to itself and its memory figures mean something.
 *
 *   MODEL_RUNS=100000     model command sequences (test/model/engine.model.test.ts)
 *   FUZZ_INPUTS=1000000   wire fuzz inputs (test/fuzz/wire-fuzz.test.ts)
 *   LOAD_SECONDS=600      load duration (test/load/load.test.ts)
 *
 * Then the hostile cases of issue 18, each with the machine to itself: a runaway ADVANCE TIME and a 3-way cartesian
 * ended by ob_query_timeout, KILL QUERY and a closed client cancelling them, a watchdog client of another cluster
 * answered meanwhile (test/unit/session/cost-controls.test.ts); silent, trickling and non-reading connections
 * closed, the connection cap, max_allowed_packet from the header (test/unit/wire/connection-limits.test.ts).
 *
 * Each can be set lower for a smoke run. The fuzz and load tests append their figures to SOAK_REPORT; the last line
 * printed is the one-line summary that goes in the README's Reliability section.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = {
  ...process.env,
  MODEL_RUNS: process.env.MODEL_RUNS ?? '100000',
  FUZZ_INPUTS: process.env.FUZZ_INPUTS ?? '1000000',
  LOAD_SECONDS: process.env.LOAD_SECONDS ?? '600',
};
const dir = mkdtempSync(join(tmpdir(), 'ob-soak-'));
env.SOAK_REPORT = join(dir, 'figures.jsonl');
const files = [
  'test/model/engine.model.test.ts',
  'test/fuzz/wire-fuzz.test.ts',
  'test/load/load.test.ts',
  'test/unit/session/cost-controls.test.ts',
  'test/unit/wire/connection-limits.test.ts',
];

const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', ...files, '--fileParallelism=false', '--reporter=default', '--reporter=json', `--outputFile.json=${join(dir, 'vitest.json')}`], {
  env,
  stdio: 'inherit',
});
const minutes = ((Date.now() - started) / 60_000).toFixed(1);

function readJson(path, fallback) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return fallback;
  }
}

const figures = {};
try {
  for (const line of readFileSync(env.SOAK_REPORT, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const entry = JSON.parse(line);
    figures[entry.kind] = entry;
  }
} catch {
  // A run that died before reporting leaves no figures; the summary says so.
}
const report = readJson(join(dir, 'vitest.json'), { testResults: [] });
const status = (file) => report.testResults.find((r) => r.name.endsWith(file))?.status ?? 'not run';
rmSync(dir, { recursive: true, force: true });

const fuzz = figures.fuzz;
const load = figures.load;
const parts = [
  `model ${env.MODEL_RUNS} sequences (${status(files[0])})`,
  fuzz
    ? `fuzz ${fuzz.inputs} inputs, ${fuzz.connections} hostile connections, ${fuzz.incidents} incidents, rss ${fuzz.rssBeforeMb}->${fuzz.rssAfterMb} MB (${status(files[1])})`
    : `fuzz (${status(files[1])}, no figures)`,
  load
    ? `load ${load.seconds} s, ${load.connections} connections, ${load.statements} statements, ${load.jobs} jobs, ${load.unexpectedErrors} unexpected errors, rss ${load.rssWarmMb}->${load.rssEndMb} MB (${status(files[2])})`
    : `load (${status(files[2])}, no figures)`,
  `hostile: runaway statements (${status(files[3])}), connection limits (${status(files[4])})`,
];
const ok = run.status === 0;
console.log(`soak ${ok ? 'PASSED' : 'FAILED'} in ${minutes} min: ${parts.join('; ')}`);
process.exit(ok ? 0 : 1);
