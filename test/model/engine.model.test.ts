/**
 * Model-based test of the whole system through SQL in process (issue 8 item 1, STYLE.md §F): generated sequences
 * of up to 50 user actions, legal and illegal, from sys and from the user tenants, run through createEmulator's
 * sessions (so the parser is exercised too); after every command the views are compared with the model and the
 * engine's invariant checker runs. Fault commands (INJECT FAULT BACKUP DEST with a final error, ARCHIVE DEST with
 * a fatal one, CLEAR FAULTS) interleave with the rest, and every run ends with recovery.ts: clear the faults,
 * recover as a DBA would, and a new FULL backup of each tenant completes. MODEL_RUNS raises the number of
 * sequences (100,000 for `npm run test:soak`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runsFrom, seedTitle } from '../support/seed.js';
import { allCommands } from './arbitraries.js';
import { outcomeCounts } from './commands/command.js';
import { assertModel, runSequence } from './harness.js';
import { EngineSystem } from './system.js';

const RUNS = runsFrom('MODEL_RUNS', 1000);
const MAX_COMMANDS = 50;

describe(seedTitle('model: the engine through SQL in process'), () => {
  it(`${RUNS} sequences of up to ${MAX_COMMANDS} commands agree with the model`, async () => {
    let commands = 0;
    let sequences = 0;
    const property = fc.asyncProperty(
      fc.integer({ min: 1, max: 0x7fffffff }),
      fc.constantFrom(true, true, true, false),
      fc.commands(allCommands, { maxCommands: MAX_COMMANDS, size: 'max' }),
      async (seed, prepared, cmds) => {
        sequences++;
        const counted = [...cmds];
        commands += counted.length;
        await runSequence(prepared, cmds, new EngineSystem(seed));
      },
    );
    const started = performance.now();
    await assertModel(property, { numRuns: RUNS }, (seed) => new EngineSystem(seed));
    const seconds = (performance.now() - started) / 1000;
    console.log(`model (in process): ${sequences} sequences, ${commands} generated commands, ${seconds.toFixed(1)} s`);
    console.log([...outcomeCounts].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n'));
    expect(sequences).toBeGreaterThanOrEqual(RUNS);
    // About 0.1 s per sequence on a loaded 2-core machine; the soak's 100,000 need hours, not the default hour.
  }, Math.max(3_600_000, RUNS * 500));
});
