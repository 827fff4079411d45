/**
 * The command line's usage texts (emulator.md "Command line"): the tool's `--help` and each command's, printed
 * from one table of commands and, for their options, from options.ts's table, so an option added there is
 * documented here with its variable and default.
 */
import { ROWS, envName, type ServeOptions } from './options.js';
import { VERSION } from './version.js';

export type CommandName = 'serve' | 'parse' | 'run' | 'repl';

interface CommandHelp {
  readonly usage: string;
  readonly summary: string;
  /** What the command does beyond its summary line. */
  readonly detail: string;
  /** Rows of options.ts's table the command takes. */
  readonly options: readonly (keyof ServeOptions)[];
  /** Options of its own (flag with value, help). */
  readonly own: readonly (readonly [string, string])[];
  readonly example: string;
  /** Defaults that differ from serve's (the option table's). */
  readonly defaults?: Partial<ServeOptions>;
}

/** The emulator's own settings: what serve and repl share. */
const EMULATOR_OPTIONS = ['tenants', 'clock', 'speed', 'startTime', 'seed'] as const;

export const COMMANDS: { readonly [K in CommandName]: CommandHelp } = {
  serve: {
    usage: 'ob-backup-sim serve [options]',
    summary: 'run the MySQL-protocol server (what `npm start` runs)',
    detail:
      'Prints one line, `ob-backup-sim listening on HOST:PORT`, once it accepts connections, then\n' +
      '`dashboard on http://HOST:PORT/` (the dashboard and JSON API; --http-port off disables it). SIGINT and SIGTERM\n' +
      'close it cleanly; started by npm or npx, it also stops when that parent process goes away.',
    options: ROWS.map(([key]) => key),
    own: [],
    example: 'ob-backup-sim serve --port 0 --clock manual --start-time 2024-01-31T03:20:00Z',
  },
  parse: {
    usage: 'ob-backup-sim parse "<sql>" | -',
    summary: "print each statement's AST as JSON, or the syntax error with line and column",
    detail: '`-` reads the script from standard input. A syntax error is printed as OceanBase\'s 1064 error (exit 1).',
    options: [],
    own: [],
    example: `ob-backup-sim parse "ALTER SYSTEM BACKUP DATABASE PLUS ARCHIVELOG"`,
  },
  run: {
    usage: 'ob-backup-sim run FILE.slt|DIR… [--rewrite]',
    summary: 'run scenario files on an in-process emulator',
    detail: 'Prints each failing record with a diff, then one summary line (exit 1 if a record failed).',
    options: [],
    own: [['--rewrite', "rewrite the files' expected blocks with the actual results"]],
    example: 'ob-backup-sim run fixtures/',
  },
  repl: {
    usage: 'ob-backup-sim repl [options]',
    summary: 'an interactive SQL prompt on an in-process emulator (no socket), for teaching',
    detail:
      'Statements end with `;` (or `\\G` for one column per line) and may span lines; results print as tables like\n' +
      'the mysql CLI. Up and down recall earlier statements (kept in ~/.ob_backup_sim_history). `quit`, `exit` or\n' +
      'Ctrl-D leave; Ctrl-C drops the statement being typed.',
    options: EMULATOR_OPTIONS,
    own: [['--login USER@TENANT', 'the session\'s login (default root@sys; also OB_SIM_LOGIN)']],
    defaults: { clock: 'manual' },
    example: 'ob-backup-sim repl --login root@mysql_tenant --start-time 2024-01-31T03:20:00Z',
  },
};

const EXIT_CODES = 'exit codes: 0 success; 1 failure (a syntax error, a failed scenario record, a port that cannot be\nbound); 2 bad usage (unknown command or option, invalid value).';

export function toolHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = (Object.entries(COMMANDS) as [CommandName, CommandHelp][]).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    `ob-backup-sim ${VERSION}: an emulator of OceanBase 4.2's backup engine over the MySQL protocol`,
    '',
    'usage: ob-backup-sim <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'ob-backup-sim <command> --help   the command\'s options, their OB_SIM_* variables and defaults',
    'ob-backup-sim --version          the version',
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}

export function commandHelp(name: CommandName): string {
  const c = COMMANDS[name];
  const options = ROWS.filter(([key]) => c.options.includes(key)).map(([key, row]) => {
    const flag = `--${row.flag} ${row.value}${row.repeatable ? ' (repeatable)' : ''}`;
    return `  ${flag}\n      ${row.help}\n      variable ${envName(row.flag)}${row.repeatable ? ' (a comma list)' : ''}; default ${c.defaults?.[key] === undefined ? row.shownDefault : String(c.defaults[key])}`;
  });
  const own = c.own.map(([flag, help]) => `  ${flag}\n      ${help}`);
  const all = [...options, ...own];
  return [
    `usage: ${c.usage}`,
    '',
    `${c.summary[0]?.toUpperCase()}${c.summary.slice(1)}.`,
    c.detail,
    '',
    ...(all.length === 0 ? [] : ['options' + (options.length > 0 ? ' (each also an environment variable; a flag wins over it):' : ':'), ...all, '']),
    'example:',
    `  ${c.example}`,
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}
