/**
 * Sizes and seeds from the environment: FC_SEED (fixed by default, printed in test titles), FUZZ_INPUTS and
 * LOAD_SECONDS (small in `npm test`, large in `npm run test:soak`), and SOAK_REPORT, a file the soak script reads
 * the figures back from.
 */
import { appendFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got '${raw}'`);
  return n;
}

export const fuzzSeed = (): number => Math.floor(envNumber('FC_SEED', 20240131));
export const fuzzInputs = (): number => Math.floor(envNumber('FUZZ_INPUTS', 12_000));
export const loadSeconds = (): number => envNumber('LOAD_SECONDS', 20);

/** Appends one JSON line for the soak summary, when the soak script asked for it. */
export function reportSoak(kind: string, figures: Readonly<Record<string, unknown>>): void {
  const file = process.env.SOAK_REPORT;
  if (file !== undefined && file !== '') appendFileSync(file, `${JSON.stringify({ kind, ...figures })}\n`);
}

/**
 * Heap in use right after a full garbage collection, in MB: unlike rss, it does not depend on when V8 last
 * collected, so it shows whether memory is really retained. The collector is reached through V8's flag.
 */
export function settledHeapMb(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
}
