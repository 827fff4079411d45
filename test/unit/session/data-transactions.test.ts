/**
 * Transactions over user tables (issue 20): autocommit, BEGIN / COMMIT / ROLLBACK, savepoints, autocommit = 0,
 * DDL's implicit commit; a session reads its own uncommitted writes and the others only committed rows (read
 * committed); a commit is one SCN; a unique key another session committed first fails the later commit with 1062.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type Emulator, type EmulatorSession, type StatementResult } from '../../../src/index.js';

function cells(r: StatementResult): unknown {
  if (isObError(r)) return `${r.errno} ${r.message}`;
  if (r.kind === 'rows') return r.resultSet.rows.map((row) => row.map((v) => (typeof v === 'bigint' ? String(v) : v)));
  return 'OK';
}

function twoSessions(): { emu: Emulator; a: EmulatorSession; b: EmulatorSession } {
  const emu = createEmulator({ startTime: '2024-01-31T03:20:00Z' });
  const a = emu.session({ tenant: 'mysql_tenant', database: 'test' });
  const b = emu.session({ tenant: 'mysql_tenant', database: 'test' });
  for (const sql of ['CREATE TABLE acct (id INT PRIMARY KEY, owner VARCHAR(8), balance INT, UNIQUE KEY u_owner (owner))', "INSERT INTO acct VALUES (1, 'ann', 100), (2, 'bob', 50)"]) {
    expect(cells(a.execute(sql)), sql).toBe('OK');
  }
  return { emu, a, b };
}

const balances = (s: EmulatorSession): unknown => cells(s.execute('SELECT id, balance FROM acct ORDER BY id'));

/** The tenant's last commit SCN, as the engine's data catalog keeps it. */
function lastCommitScn(emu: Emulator): bigint {
  const tenant = emu.inspect().state.tenants.find((t) => t.name === 'mysql_tenant');
  return tenant?.backup?.data.catalog?.lastCommitScn ?? -1n;
}

describe('transactions over user tables', () => {
  it('a session reads its own uncommitted writes; another sees them only after COMMIT, at one SCN', () => {
    const { emu, a, b } = twoSessions();
    const before = lastCommitScn(emu);
    expect(cells(a.execute('BEGIN'))).toBe('OK');
    expect(cells(a.execute('UPDATE acct SET balance = balance - 30 WHERE id = 1'))).toBe('OK');
    expect(cells(a.execute('UPDATE acct SET balance = balance + 30 WHERE id = 2'))).toBe('OK');
    expect(cells(a.execute("INSERT INTO acct VALUES (3, 'cy', 0)"))).toBe('OK');
    expect(balances(a)).toEqual([['1', '70'], ['2', '80'], ['3', '0']]);
    expect(balances(b)).toEqual([['1', '100'], ['2', '50']]);
    expect(lastCommitScn(emu)).toBe(before);
    expect(cells(a.execute('COMMIT'))).toBe('OK');
    expect(balances(b)).toEqual([['1', '70'], ['2', '80'], ['3', '0']]);
    // Three statements, one commit: the manual clock stands still, so each commit takes the next SCN.
    expect(lastCommitScn(emu)).toBe(before + 1n);
    const after = lastCommitScn(emu);
    expect(cells(b.execute('SELECT 1'))).toEqual([['1']]);
    expect(lastCommitScn(emu)).toBe(after);
  });

  it('ROLLBACK drops the writes; ROLLBACK TO SAVEPOINT only those after the savepoint', () => {
    const { a, b } = twoSessions();
    for (const sql of ['START TRANSACTION', 'UPDATE acct SET balance = 0 WHERE id = 1', 'SAVEPOINT s1', 'DELETE FROM acct WHERE id = 2']) expect(cells(a.execute(sql))).toBe('OK');
    expect(balances(a)).toEqual([['1', '0']]);
    expect(cells(a.execute('ROLLBACK TO SAVEPOINT s1'))).toBe('OK');
    expect(balances(a)).toEqual([['1', '0'], ['2', '50']]);
    expect(cells(a.execute('ROLLBACK'))).toBe('OK');
    expect(balances(a)).toEqual([['1', '100'], ['2', '50']]);
    expect(balances(b)).toEqual([['1', '100'], ['2', '50']]);
  });

  it('autocommit = 0 holds writes until COMMIT; SET autocommit = 1 commits them; DDL commits implicitly', () => {
    const { a, b } = twoSessions();
    expect(cells(a.execute('SET autocommit = 0'))).toBe('OK');
    expect(cells(a.execute('UPDATE acct SET balance = 1 WHERE id = 1'))).toBe('OK');
    expect(balances(b)).toEqual([['1', '100'], ['2', '50']]);
    expect(cells(a.execute('SET autocommit = 1'))).toBe('OK');
    expect(balances(b)).toEqual([['1', '1'], ['2', '50']]);
    expect(cells(a.execute('BEGIN'))).toBe('OK');
    expect(cells(a.execute('UPDATE acct SET balance = 2 WHERE id = 1'))).toBe('OK');
    expect(cells(a.execute('CREATE TABLE other (x INT)'))).toBe('OK');
    expect(balances(b)).toEqual([['1', '2'], ['2', '50']]);
    // The transaction ended with the DDL: a ROLLBACK now has nothing to undo.
    expect(cells(a.execute('ROLLBACK'))).toBe('OK');
    expect(balances(a)).toEqual([['1', '2'], ['2', '50']]);
  });

  it('a unique key committed by another session first fails the later commit with 1062, which rolls it back', () => {
    const { a, b } = twoSessions();
    expect(cells(a.execute('BEGIN'))).toBe('OK');
    expect(cells(b.execute('BEGIN'))).toBe('OK');
    expect(cells(a.execute("INSERT INTO acct VALUES (7, 'dee', 1)"))).toBe('OK');
    expect(cells(b.execute("INSERT INTO acct VALUES (8, 'dee', 2)"))).toBe('OK');
    expect(cells(a.execute('COMMIT'))).toBe('OK');
    expect(cells(b.execute('COMMIT'))).toBe("1062 Duplicate entry 'dee' for key 'u_owner'");
    expect(cells(b.execute('SELECT id, owner FROM acct WHERE id > 2'))).toEqual([['7', 'dee']]);
    // The same primary key inserted by both: the second commit fails on PRIMARY.
    expect(cells(a.execute('BEGIN'))).toBe('OK');
    expect(cells(a.execute("INSERT INTO acct VALUES (9, 'eve', 1)"))).toBe('OK');
    expect(cells(b.execute("INSERT INTO acct VALUES (9, 'fay', 1)"))).toBe('OK');
    expect(cells(a.execute('COMMIT'))).toBe("1062 Duplicate entry '9' for key 'PRIMARY'");
  });

  it('SET GLOBAL autocommit = 0 holds the writes of sessions that have not set their own', () => {
    const { emu, a, b } = twoSessions();
    expect(cells(a.execute('SET GLOBAL autocommit = 0'))).toBe('OK');
    const c = emu.session({ tenant: 'mysql_tenant', database: 'test' });
    expect(cells(c.execute('UPDATE acct SET balance = 0 WHERE id = 2'))).toBe('OK');
    expect(balances(b)).toEqual([['1', '100'], ['2', '50']]);
    expect(cells(c.execute('COMMIT'))).toBe('OK');
    expect(balances(b)).toEqual([['1', '100'], ['2', '0']]);
    // A session's own SET autocommit = 1 wins over the global 0.
    expect(cells(c.execute('SET autocommit = 1'))).toBe('OK');
    expect(cells(c.execute('UPDATE acct SET balance = 5 WHERE id = 2'))).toBe('OK');
    expect(balances(b)).toEqual([['1', '100'], ['2', '5']]);
  });

  it('unique keys the transaction holds are checked against its own later rows, and after ROLLBACK TO', () => {
    const { a } = twoSessions();
    for (const sql of ['BEGIN', "UPDATE acct SET owner = 'zed' WHERE id = 1", 'SAVEPOINT s', "INSERT INTO acct VALUES (3, 'ann', 0)"]) expect(cells(a.execute(sql)), sql).toBe('OK');
    expect(cells(a.execute("INSERT INTO acct VALUES (4, 'zed', 0)"))).toBe("1062 Duplicate entry 'zed' for key 'u_owner'");
    expect(cells(a.execute('ROLLBACK TO s'))).toBe('OK');
    // 'ann' is free again after the rollback to the savepoint; 'zed' is still the transaction's.
    expect(cells(a.execute("INSERT INTO acct VALUES (5, 'ann', 0)"))).toBe('OK');
    expect(cells(a.execute("INSERT INTO acct VALUES (6, 'zed', 0)"))).toBe("1062 Duplicate entry 'zed' for key 'u_owner'");
    expect(cells(a.execute('COMMIT'))).toBe('OK');
    expect(cells(a.execute('SELECT id, owner FROM acct ORDER BY id'))).toEqual([['1', 'zed'], ['2', 'bob'], ['5', 'ann']]);
  });

  it('a failed statement inside a transaction leaves the earlier writes in it', () => {
    const { a, b } = twoSessions();
    expect(cells(a.execute('BEGIN'))).toBe('OK');
    expect(cells(a.execute("INSERT INTO acct VALUES (3, 'cy', 1)"))).toBe('OK');
    expect(cells(a.execute("INSERT INTO acct VALUES (4, 'dd', 1), (3, 'x', 1)"))).toBe("1062 Duplicate entry '3' for key 'PRIMARY'");
    expect(cells(a.execute('COMMIT'))).toBe('OK');
    expect(cells(b.execute('SELECT id FROM acct ORDER BY id'))).toEqual([['1'], ['2'], ['3']]);
  });
});
