/**
 * Wire fuzzing against a live emulator (issue 8 item 4): fast-check generates hostile connections (handshake
 * mutations, truncations, huge lengths, SSL and auth-switch garbage) and batches of hostile commands (random command
 * bytes, unknown statement ids, parameters of wrong types, mutated SQL, garbage after valid commands), run by many
 * connections in parallel while a well-behaved mysql2 client in another cluster keeps querying and checking answers.
 *
 * Checks: the server never crashes (it still accepts a fresh login at the end), replies are well framed, every
 * connection logs exactly one ending line (one `wire.incident` per hostile connection, none for clean ones), the
 * well-behaved client gets every answer right, and rss stays within a generous bound.
 *
 * FC_SEED fixes the inputs (printed in the title); FUZZ_INPUTS scales the run (the soak uses 1,000,000).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/index.js';
import { fuzzCommand } from './support/commands.js';
import { connectionScript } from './support/connection-scripts.js';
import { EndingLedger } from './support/ending-ledger.js';
import { runBatch, runScript } from './support/runners.js';
import { fuzzInputs, fuzzSeed, reportSoak, settledHeapMb } from './support/scale.js';
import { SteadyClient } from './support/steady-client.js';
import { loggedIn } from './support/wire-client.js';

const SEED = fuzzSeed();
const INPUTS = fuzzInputs();
/** A fifth of the inputs need a connection each; the rest ride in batches of up to 60 commands. */
const SCRIPT_INPUTS = Math.ceil(INPUTS / 5);
const COMMAND_INPUTS = INPUTS - SCRIPT_INPUTS;
const COMMAND_LANES = 6;
const SCRIPT_LANES = 12;
const RSS_BOUND_MB = 400;

let server: RunningServer;
const ledger = new EndingLedger();

beforeAll(async () => {
  server = await startServer({ port: 0, clock: 'manual', startTime: '2024-01-31T03:20:59Z', seed: SEED, logger: ledger });
});
afterAll(async () => {
  await server?.close();
});

/**
 * Runs lanes in parallel, each a series of fc.assert rounds with seeds derived from FC_SEED, until the lane has
 * run its share of inputs. `run` returns how many inputs one generated value held.
 */
async function lanes<T>(count: number, share: number, perRun: number, arb: fc.Arbitrary<T>, run: (input: T) => Promise<number>): Promise<number> {
  const done = await Promise.all(
    Array.from({ length: count }, async (_, lane) => {
      let inputs = 0;
      for (let round = 0; inputs < share; round++) {
        await fc.assert(
          fc.asyncProperty(arb, async (input) => {
            inputs += await run(input);
          }),
          { seed: SEED + lane * 1000 + round, numRuns: Math.max(1, Math.min(200, Math.ceil((share - inputs) / perRun))) },
        );
      }
      return inputs;
    }),
  );
  return done.reduce((a, b) => a + b, 0);
}

describe('wire fuzzing against a live server', () => {
  it(
    `survives ${INPUTS} fuzz inputs (FC_SEED=${SEED}): no crash, one log line per incident, a steady client unaffected, bounded memory`,
    async () => {
      const target = { port: server.port, ledger };
      const steady = await SteadyClient.start(server.port, ledger);
      // Warm-up: one batch and one script, so the rss baseline includes the clusters and code paths in use.
      await runScript(target, fc.sample(connectionScript, { seed: SEED, numRuns: 1 })[0]!);
      await runBatch(target, fc.sample(fuzzCommand, { seed: SEED, numRuns: 30 }));
      const rssBefore = process.memoryUsage().rss;
      const heapBeforeMb = settledHeapMb();

      const batch = fc.array(fuzzCommand, { minLength: 1, maxLength: 60, size: 'max' });
      const [commands, scripts] = await Promise.all([
        lanes(COMMAND_LANES, Math.ceil(COMMAND_INPUTS / COMMAND_LANES), 30, batch, (b) => runBatch(target, b)),
        lanes(SCRIPT_LANES, Math.ceil(SCRIPT_INPUTS / SCRIPT_LANES), 1, connectionScript, async (s) => {
          await runScript(target, s);
          return 1;
        }),
      ]);

      const steadyQueries = await steady.stop();
      const rssAfter = process.memoryUsage().rss;
      const heapAfterMb = settledHeapMb();
      // Still serving: a fresh login works and ends as a plain disconnect.
      const after = await loggedIn(server.port, 'root@mysql_tenant#after_fuzz');
      after.client.end();
      expect((await ledger.take(after.connectionId)).ending).toBe('disconnect');

      const mb = (n: number): number => Math.round(n / 1e6);
      const summary = { seed: SEED, inputs: commands + scripts, commands, connections: scripts, incidents: ledger.incidents, steadyQueries, rssBeforeMb: mb(rssBefore), rssAfterMb: mb(rssAfter), heapBeforeMb, heapAfterMb };
      console.log(`wire fuzz: ${JSON.stringify(summary)}`);
      reportSoak('fuzz', summary);

      expect(commands + scripts).toBeGreaterThanOrEqual(INPUTS);
      expect(steadyQueries).toBeGreaterThan(0);
      expect(ledger.violations).toEqual([]);
      expect(mb(rssAfter - rssBefore)).toBeLessThan(RSS_BOUND_MB);
    },
    Math.max(120_000, INPUTS * 10),
  );

  it('leaves no connection without its ending line checked', async () => {
    // Every connection's line was taken by the run that opened it; a line left over is a second ending line.
    await new Promise((r) => setTimeout(r, 200));
    expect(ledger.untaken()).toEqual([]);
    expect(ledger.violations).toEqual([]);
  });
});
