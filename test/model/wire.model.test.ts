/**
 * The model-based run over the MySQL wire (STYLE.md §F): fewer, shorter sequences than the in-process run, the same
 * commands and checks, through mysql2 against startServer on a free port with a manual clock. Each sequence uses
 * its own cluster. WIRE_MODEL_RUNS raises the number of sequences for soak runs.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/index.js';
import type { RunningServer } from '../../src/index.js';
import { runsFrom, seedTitle } from '../support/seed.js';
import { allCommands } from './arbitraries.js';
import { assertModel, runSequence } from './harness.js';
import { START_TIME } from './system.js';
import { WireSystem } from './wire-system.js';

const RUNS = runsFrom('WIRE_MODEL_RUNS', 60);
const MAX_COMMANDS = 30;

/** The emulator seed is the server's; each sequence gets a fresh cluster of that server. */
const SERVER_SEED = 7;

describe(seedTitle('model: the server through mysql2'), () => {
  let server: RunningServer;
  let clusters = 0;
  beforeAll(async () => {
    server = await startServer({ port: 0, clock: 'manual', startTime: START_TIME, seed: SERVER_SEED });
  });
  afterAll(async () => {
    await server.close();
  });

  it(`${RUNS} sequences of up to ${MAX_COMMANDS} commands agree with the model`, async () => {
    let sequences = 0;
    const property = fc.asyncProperty(
      fc.constant<number>(SERVER_SEED),
      fc.constantFrom(true, true, true, false),
      fc.commands(allCommands, { maxCommands: MAX_COMMANDS, size: 'max' }),
      async (_seed, prepared, cmds) => {
        sequences++;
        await runSequence(prepared, cmds, new WireSystem(server, `model${clusters++}`));
      },
    );
    await assertModel(property, { numRuns: RUNS }, () => new WireSystem(server, `replay${clusters++}`));
    expect(sequences).toBeGreaterThanOrEqual(RUNS);
  }, 3_600_000);
});
