/**
 * `ob-backup-sim repl` in a real terminal (tmux): the prompt, a statement over several lines, a table like the
 * mysql CLI's, `\G`, an OceanBase error, the history recalled with the Up key and kept in the history file, and
 * `quit`. The formatter and the statement-end scanner are also checked on their own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { completeStatement, formatResult } from '../../../src/cli/repl-format.js';
import { createEmulator } from '../../../src/index.js';

const cli = resolve(import.meta.dirname, '../../../dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'ob-sim-repl-'));
const socket = `ob-sim-repl-${process.pid}`;
const tmux = (...args: string[]): string => {
  const r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

/** Types a line: the text literally (a trailing `;` escaped: tmux reads it as its own command separator), then Enter. */
function typeLine(text: string): void {
  tmux('send-keys', '-t', 'repl', '-l', text.endsWith(';') ? `${text.slice(0, -1)}\\;` : text);
  tmux('send-keys', '-t', 'repl', 'Enter');
}

async function screenShows(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'repl');
    if (pattern.test(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the screen shows:\n${screen}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('ob-backup-sim repl in a terminal', () => {
  it('reads multi-line statements, prints tables and errors like the mysql CLI, and keeps a history', async () => {
    const history = join(dir, 'history');
    const command = `OB_SIM_HISTORY=${history} ${process.execPath} ${cli} repl --login root@mysql_tenant --start-time 2024-01-31T03:20:00Z`;
    // The pane outlives the repl (and shows its exit status), so the screen can still be read after `quit`.
    tmux('new-session', '-d', '-s', 'repl', '-x', '160', '-y', '50', `${command}; echo "exit status $?"; sleep 60`);
    await screenShows(/ob-sim\(root@mysql_tenant\)> $/m);
    typeLine('SELECT 1 AS one,');
    await screenShows(/^ {4}-> $/m);
    typeLine("  'two' AS word;");
    let screen = await screenShows(/1 row in set/);
    expect(screen).toContain(['+-----+------+', '| one | word |', '+-----+------+', '|   1 | two  |', '+-----+------+'].join('\n'));

    typeLine('SELECT tenant_name FROM oceanbase.DBA_OB_TENANTS\\G');
    screen = await screenShows(/tenant_name: mysql_tenant/i);
    expect(screen).toMatch(/\*{27} 1\. row \*{27}\n\s*TENANT_NAME: mysql_tenant/i);

    typeLine('SELEC 1;');
    screen = await screenShows(/ERROR 1064 \(42000\)/);

    // Up twice: the \G statement again, run again.
    tmux('send-keys', '-t', 'repl', 'Up', 'Up', 'Enter');
    screen = await screenShows(/(TENANT_NAME: mysql_tenant[\s\S]*){2}/i);

    typeLine('quit');
    await screenShows(/Bye\nexit status 0/);
    expect(readFileSync(history, 'utf8').split('\n')).toEqual([
      'SELECT 1 AS one,',
      "  'two' AS word;",
      'SELECT tenant_name FROM oceanbase.DBA_OB_TENANTS\\G',
      'SELEC 1;',
      'SELECT tenant_name FROM oceanbase.DBA_OB_TENANTS\\G',
      '',
    ]);
  });
});

describe('repl formatting', () => {
  it('ends a statement at ; or \\G outside quotes and comments', () => {
    expect(completeStatement('SELECT 1')).toBeNull();
    expect(completeStatement("SELECT ';'")).toBeNull();
    expect(completeStatement("SELECT ';' ;")).toEqual({ sql: "SELECT ';'", layout: 'table' });
    expect(completeStatement('SELECT 1 /* ; */')).toBeNull();
    expect(completeStatement('SELECT 1 -- ;\n;')).toEqual({ sql: 'SELECT 1 -- ;', layout: 'table' });
    expect(completeStatement('SHOW EMULATOR STATUS\\G')).toEqual({ sql: 'SHOW EMULATOR STATUS', layout: 'vertical' });
    expect(completeStatement('SELECT 1; SELECT 2;')).toEqual({ sql: 'SELECT 1; SELECT 2', layout: 'table' });
  });

  it('prints OK packets, empty sets and errors as the mysql CLI does', () => {
    const s = createEmulator({ startTime: '2024-01-31T03:20:00Z' }).session({ tenant: 'mysql_tenant' });
    const offset = (us: bigint): number => s.utcOffsetSeconds(us);
    expect(formatResult(s.execute('SET @a = 1'), 'table', 0, offset)).toBe('Query OK, 0 rows affected (0.00 sec)\n');
    expect(formatResult(s.execute('SELECT * FROM oceanbase.DBA_OB_BACKUP_JOBS'), 'table', 0.004, offset)).toBe('Empty set (0.00 sec)\n');
    expect(formatResult(s.execute('SELECT nope'), 'table', 0, offset)).toBe("ERROR 1054 (42S22): Unknown column 'nope' in 'field list'\n");
    expect(formatResult(s.execute('SELECT NULL AS n, 2.50 AS d'), 'table', 0, offset)).toBe(
      ['+------+------+', '| n    | d    |', '+------+------+', '| NULL | 2.50 |', '+------+------+', '1 row in set (0.00 sec)', ''].join('\n'),
    );
  });
});
