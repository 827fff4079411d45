/**
 * Running model command sequences against a System, and turning a failing one into a scenario file body
 * (STYLE.md §F-§G): the shrunk counterexample is replayed once more, the model's expectation of every step is
 * printed as a record, and the views the model expects after the failing step close the script.
 */
import fc from 'fast-check';
import { AdvanceClock } from './commands/advance-clock.js';
import { ArchiveMode } from './commands/archive-mode.js';
import type { ModelCommand } from './commands/command.js';
import { SetArchiveDest } from './commands/set-archive-dest.js';
import { SetDataDest } from './commands/set-data-dest.js';
import { initialModel, TENANT_SQL_NAME } from './model.js';
import type { Conn, Model } from './model.js';
import type { System } from './system.js';
import { START_TIME } from './system.js';
import { recoverAndBackUp } from './recovery.js';
import { expectedViews } from './views-check.js';

/** fast-check hands the property wrapped commands; the replay needs ours. */
function unwrap(c: unknown): ModelCommand {
  const inner = (c as { cmd?: unknown }).cmd;
  return (inner ?? c) as ModelCommand;
}

/** What fc.commands generates from the command arbitraries. */
export type Commands = Iterable<fc.AsyncCommand<Model, System>>;

/**
 * The docs' preparation, as ordinary commands (so it is checked and printed like the rest): both tenants get an
 * archive dest and a data dest (t1 from itself, t2 from sys), sys turns ARCHIVELOG on for all, and 5 s pass so
 * both rounds are DOING. Most runs start from it, since backups need all of it.
 */
export function preparation(): ModelCommand[] {
  return [
    new SetArchiveDest('t1', 'archive1', false),
    new SetDataDest('t1', 'data1', false),
    new SetArchiveDest('t2', 'archive1', true),
    new SetDataDest('t2', 'data1', true),
    new ArchiveMode(true, 'sys', null),
    new AdvanceClock(5),
  ];
}

/** The commands of a run: the preparation when `prepared`, then the generated ones. */
export function sequence(prepared: boolean, cmds: Iterable<unknown>): unknown[] {
  return [...(prepared ? preparation() : []), ...cmds];
}

export async function runSequence(prepared: boolean, cmds: Commands, system: System): Promise<void> {
  try {
    await fc.asyncModelRun(() => ({ model: initialModel(), real: system }), sequence(prepared, cmds) as Commands);
    await recoverAndBackUp(system);
  } finally {
    await system.close();
  }
}

const LOGIN: Record<Conn, string> = { sys: 'root', t1: `root@${TENANT_SQL_NAME.t1}`, t2: `root@${TENANT_SQL_NAME.t2}` };

/**
 * Replays `cmds` against `system` until the first failure and returns the scenario body the model expects,
 * plus the error (null when the replay passes).
 */
export async function scenarioOf(seed: number, cmds: Iterable<unknown>, system: System): Promise<{ body: string; error: unknown }> {
  const lines = [
    '# name: fixtures/regressions/NNN-<what>.slt',
    '# description: <one sentence: what the engine did wrong, now fixed>',
    '# teaches: <statements and views>',
    `# seed: ${seed}`,
    `# start-time: ${START_TIME}`,
  ];
  const opened = new Set<Conn>();
  let current: Conn | null = null;
  const recModel = initialModel();
  const runModel = initialModel();
  let error: unknown = null;
  try {
    for (const wrapped of cmds) {
      const c = unwrap(wrapped);
      if (!c.check(recModel)) continue;
      if (c.conn !== current) {
        lines.push('', opened.has(c.conn) ? `connection ${c.conn}` : `connection ${c.conn} as ${LOGIN[c.conn]}`);
        opened.add(c.conn);
        current = c.conn;
      }
      lines.push('', c.record(recModel));
      try {
        await c.run(runModel, system);
      } catch (e) {
        error = e;
        break;
      }
    }
  } finally {
    await system.close();
  }
  lines.push('', '# What the model expects now (rows it cannot place yet are left out):');
  if (current !== 'sys') lines.push(opened.has('sys') ? 'connection sys' : `connection sys as ${LOGIN.sys}`);
  for (const [view, want] of expectedViews(recModel)) {
    lines.push('', `query ${view.types} rowsort`, view.sql, '----', ...want.rows.map((r) => r.join('\t')));
  }
  return { body: lines.join('\n') + '\n', error };
}

/**
 * fc.check on the property; on failure, throws fast-check's report followed by the counterexample as a scenario
 * body ready for fixtures/regressions/.
 */
export async function assertModel(
  property: fc.IAsyncPropertyWithHooks<[number, boolean, Commands]>,
  params: fc.Parameters<[number, boolean, Commands]>,
  replayOn: (seed: number) => System,
): Promise<void> {
  const details = await fc.check(property, params);
  if (!details.failed) return;
  const report = fc.defaultReportMessage(details) ?? 'property failed';
  const [seed, prepared, cmds] = details.counterexample ?? [0, false, []];
  const { body, error } = await scenarioOf(seed, sequence(prepared, cmds), replayOn(seed));
  const why = error instanceof Error ? (error.stack ?? error.message) : String(error ?? details.errorInstance);
  const message = `${report}\n\n${why}\n\nCounterexample as a scenario file:\n\n${body}`;
  // Printed whole as well: test reporters shorten long error messages.
  console.error(message);
  throw new Error(message);
}
