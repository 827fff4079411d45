/**
 * `ob-backup-sim repl`: an interactive SQL prompt on an in-process emulator (no socket), for teaching. Lines are
 * gathered until a statement ends (repl-format.ts decides, as the mysql CLI does), run in one session whose
 * variables last, and printed like the mysql CLI. The line history is kept in ~/.ob_backup_sim_history (or
 * OB_SIM_HISTORY's file). Reading from a pipe works too: the same output without prompts.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { createEmulator, type EmulatorSession } from '../index.js';
import { COMMANDS } from './help.js';
import { parseServeOptions } from './options.js';
import { completeStatement, formatResult } from './repl-format.js';

const HISTORY_SIZE = 1000;

interface Login {
  readonly user: string;
  readonly tenant: string;
  readonly cluster: string;
}

/** `user`, `user@tenant` or `user@tenant#cluster`, as the server reads a login name. */
function parseLogin(text: string): Login | null {
  const m = /^([^@#]+)(?:@([^@#]+)(?:#([^@#]+))?)?$/.exec(text);
  return m === null ? null : { user: m[1] ?? 'root', tenant: m[2] ?? 'sys', cluster: m[3] ?? '' };
}

/** `--login X` out of the arguments; the rest are emulator options. */
function takeLogin(args: readonly string[], env: NodeJS.ProcessEnv): { login: string; rest: string[] } {
  let login = env['OB_SIM_LOGIN'] ?? 'root@sys';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--login') login = args[++i] ?? '';
    else if (a.startsWith('--login=')) login = a.slice('--login='.length);
    else rest.push(a);
  }
  return { login, rest };
}

export async function runRepl(args: readonly string[]): Promise<number> {
  const { login: loginText, rest } = takeLogin(args, process.env);
  const help = COMMANDS.repl;
  const parsed = parseServeOptions(rest, process.env, help.options, help.defaults);
  const login = parseLogin(loginText);
  if (!parsed.ok || login === null) {
    process.stderr.write(`ob-backup-sim repl: ${parsed.ok ? `invalid --login '${loginText}'` : parsed.message}\n`);
    return 2;
  }
  const o = parsed.options;
  let session: EmulatorSession;
  try {
    const emulator = createEmulator({
      clock: o.clock,
      speed: o.speed,
      seed: o.seed,
      ...(o.tenants === null ? {} : { tenants: o.tenants }),
      ...(o.startTime === null ? {} : { startTime: o.startTime }),
    });
    session = emulator.session(login);
  } catch (e) {
    process.stderr.write(`ob-backup-sim repl: ${(e as Error).message}\n`);
    return 1;
  }
  return prompt(session, login);
}

function historyFile(): string {
  return process.env['OB_SIM_HISTORY'] ?? join(homedir(), '.ob_backup_sim_history');
}

/** The history file's lines, newest first (readline's order). */
function loadHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').reverse().slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

function prompt(session: EmulatorSession, login: Login): Promise<number> {
  const interactive = process.stdin.isTTY === true;
  const file = historyFile();
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive, history: interactive ? loadHistory(file) : [], historySize: HISTORY_SIZE });
  const first = `ob-sim(${login.user}@${login.tenant}${login.cluster === '' ? '' : `#${login.cluster}`})> `;
  const more = '    -> ';
  if (interactive) {
    process.stdout.write("ob-backup-sim repl: an in-process emulator of OceanBase 4.2's backup engine. End statements with ; or \\G, leave with quit.\n\n");
  }
  let pending = '';
  const ask = (): void => {
    rl.setPrompt(pending === '' ? first : more);
    if (interactive) rl.prompt();
  };
  rl.on('SIGINT', () => {
    // As the mysql CLI: Ctrl-C drops the statement being typed; on an empty prompt it leaves.
    if (pending === '' && rl.line === '') return rl.close();
    pending = '';
    process.stdout.write('^C\n');
    ask();
  });
  rl.on('line', (line) => {
    if (pending === '' && /^\s*(quit|exit|\\q)\s*;?\s*$/i.test(line)) return rl.close();
    if (interactive && line.trim() !== '') {
      try {
        appendFileSync(file, `${line}\n`);
      } catch {
        // No writable home: the history lasts only for this session.
      }
    }
    pending = pending === '' ? line : `${pending}\n${line}`;
    const statement = completeStatement(pending);
    if (statement !== null) {
      pending = '';
      if (statement.sql !== '') run(session, statement.sql, statement.layout);
    }
    ask();
  });
  ask();
  return new Promise((resolve) => {
    rl.on('close', () => {
      if (interactive) process.stdout.write('Bye\n');
      resolve(0);
    });
  });
}

function run(session: EmulatorSession, sql: string, layout: 'table' | 'vertical'): void {
  const t0 = performance.now();
  const results = session.query(sql);
  const seconds = (performance.now() - t0) / 1000;
  for (const result of results) process.stdout.write(`${formatResult(result, layout, seconds, (us) => session.utcOffsetSeconds(us))}\n`);
}
