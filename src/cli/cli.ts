/**
 * The `ob-backup-sim` command line (emulator.md "Command line"): one function from arguments to an exit code, run
 * by main.ts (the `bin`) and by the start-up snapshot that `npm start` uses (snapshot.ts). Each command lives in
 * its own file.
 */
import { stderr, stdout } from 'node:process';

const usage = `usage: ob-backup-sim <command> [options]

commands:
  parse "<sql>" | -  print each statement's AST as JSON, or the syntax error with line and column (exit 1)
  run FILE.slt|DIR… [--rewrite]
                    run scenario files in process; --rewrite rewrites their expected blocks
  serve [options]   run the MySQL-protocol server (--host, --port, --tenant, --clock, --speed, --start-time,
                    --seed, --password, --log-level, --trace; or OB_SIM_* variables)
  help              this text
`;

export async function main(args: readonly string[]): Promise<number> {
  const [command] = args;
  switch (command) {
    case 'serve': {
      const { runServe } = await import('./serve.js');
      return runServe(args.slice(1));
    }
    case 'run': {
      const { runRun } = await import('./run.js');
      return runRun(args.slice(1));
    }
    case 'parse': {
      const { runParse } = await import('./parse.js');
      return runParse(args.slice(1));
    }
    case undefined:
    case 'help':
    case '--help':
      stdout.write(usage);
      return 0;
    default:
      stderr.write(`ob-backup-sim: unknown command '${command}'\n${usage}`);
      return 2;
  }
}
