/**
 * One seed for every property test of a file (STYLE.md §E): read from FC_SEED, given to fast-check globally and
 * shown in the describe title, so any failure can be replayed with `FC_SEED=<n> npx vitest run <file>`. In CI
 * (CI=true) an unset FC_SEED falls back to a fixed seed, still printed; locally it is drawn at random.
 */
import fc from 'fast-check';

/** The seed CI uses when FC_SEED is not set (printed in every title, so a red run names it). */
export const CI_DEFAULT_SEED = 20240131;

function resolveSeed(): number {
  const raw = process.env['FC_SEED'];
  if (raw !== undefined && raw.trim() !== '') {
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) throw new Error(`FC_SEED must be an integer, got '${raw}'`);
    return n;
  }
  if (process.env['CI'] === 'true') return CI_DEFAULT_SEED;
  // Tests only: a fresh seed per local run, printed so it can be pinned.
  return Math.floor(Math.random() * 0x7fffffff);
}

export const SEED = resolveSeed();
fc.configureGlobal({ seed: SEED });

/** `title [FC_SEED=n]`, for describe blocks. */
export function seedTitle(title: string): string {
  return `${title} [FC_SEED=${SEED}]`;
}

/**
 * Number of runs: `fallback` normally; the value of the environment variable `name` (e.g. MODEL_RUNS=100000 for
 * `npm run test:soak`) when it is set.
 */
export function runsFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return n;
}
