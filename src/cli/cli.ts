/**
 * The `ob-backup-sim` command line (emulator.md "Command line"): one function from arguments to an exit code, run
 * by main.ts (the `bin`), by the start-up snapshot that `npm start` uses (snapshot.ts) and by the single-file
 * executable. Each command lives in its own file; `--help` texts come from help.ts.
 */
import { stderr, stdout } from 'node:process';
import { COMMANDS, commandHelp, toolHelp, type CommandName } from './help.js';
import { VERSION } from './version.js';

/** Each command's entry, loaded when it runs. */
const RUNNERS: { readonly [K in CommandName]: () => Promise<(args: readonly string[]) => Promise<number>> } = {
  serve: async () => (await import('./serve.js')).runServe,
  run: async () => (await import('./run.js')).runRun,
  parse: async () => (await import('./parse.js')).runParse,
  repl: async () => (await import('./repl.js')).runRepl,
};

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);
const wantsHelp = (arg: string | undefined): boolean => arg === '--help' || arg === '-h';

export async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || wantsHelp(command)) {
    stdout.write(toolHelp());
    return 0;
  }
  if (command === 'help') {
    const [topic] = rest;
    if (topic === undefined) stdout.write(toolHelp());
    else if (isCommand(topic)) stdout.write(commandHelp(topic));
    else return unknownCommand(topic);
    return 0;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!isCommand(command)) return unknownCommand(command);
  // `--help` anywhere among a command's options (not as an option's value: no option's value is `--help`).
  if (rest.some(wantsHelp)) {
    stdout.write(commandHelp(command));
    return 0;
  }
  const run = await RUNNERS[command]();
  return run(rest);
}

function unknownCommand(command: string): number {
  stderr.write(`ob-backup-sim: unknown command '${command}' (ob-backup-sim --help lists the commands)\n`);
  return 2;
}
