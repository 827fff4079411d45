/**
 * SAVEPOINT / ROLLBACK TO / RELEASE as OceanBase 4.2 answers them (ob_tcl_executor.cpp): savepoints live in the
 * open transaction; outside BEGIN with autocommit on, the implicit transaction a SAVEPOINT opens commits at once,
 * so nothing is left to roll back to. Unknown names fail with 1305 `savepoint does not exist` and change nothing.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type StatementResult } from '../../../src/index.js';

const session = () => createEmulator({ startTime: '2024-01-31T03:20:00Z' }).session({ database: 'oceanbase' });

function outcome(result: StatementResult): string {
  if (isObError(result)) return `${result.errno} ${result.sqlState} ${result.message}`;
  return result.kind === 'rows' ? JSON.stringify(result.resultSet.rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) : 'OK';
}

const NOT_EXIST = '1305 42000 savepoint does not exist';

function run(statements: readonly string[]): string[] {
  const s = session();
  return statements.map((sql) => outcome(s.execute(sql)));
}

describe('savepoints', () => {
  it('inside BEGIN: set, roll back to (kept), release (gone), and later ones go with an earlier one', () => {
    expect(
      run(['BEGIN', 'SAVEPOINT a', 'SAVEPOINT b', 'SAVEPOINT c', 'ROLLBACK TO SAVEPOINT b', 'ROLLBACK TO c', 'ROLLBACK WORK TO b', 'RELEASE SAVEPOINT a', 'ROLLBACK TO b', 'COMMIT']),
    ).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', NOT_EXIST, 'OK', 'OK', NOT_EXIST, 'OK']);
  });

  it('COMMIT, ROLLBACK and a new BEGIN end the transaction and its savepoints', () => {
    expect(run(['START TRANSACTION', 'SAVEPOINT a', 'COMMIT', 'ROLLBACK TO a'])).toEqual(['OK', 'OK', 'OK', NOT_EXIST]);
    expect(run(['BEGIN', 'SAVEPOINT a', 'ROLLBACK', 'RELEASE SAVEPOINT a'])).toEqual(['OK', 'OK', 'OK', NOT_EXIST]);
    expect(run(['BEGIN', 'SAVEPOINT a', 'BEGIN', 'ROLLBACK TO a'])).toEqual(['OK', 'OK', 'OK', NOT_EXIST]);
  });

  it('outside BEGIN with autocommit on, a savepoint is committed away; with autocommit off it stays until COMMIT', () => {
    expect(run(['SAVEPOINT a', 'ROLLBACK TO SAVEPOINT a', 'RELEASE SAVEPOINT a'])).toEqual(['OK', NOT_EXIST, NOT_EXIST]);
    expect(run(['SET autocommit = 0', 'SAVEPOINT a', 'ROLLBACK TO a', 'COMMIT', 'ROLLBACK TO a'])).toEqual(['OK', 'OK', 'OK', 'OK', NOT_EXIST]);
    // Turning autocommit back on ends the implicit transaction.
    expect(run(['SET autocommit = 0', 'SAVEPOINT a', 'SET autocommit = 1', 'ROLLBACK TO a'])).toEqual(['OK', 'OK', 'OK', NOT_EXIST]);
  });

  it('setting a name again moves it to the end', () => {
    expect(run(['BEGIN', 'SAVEPOINT a', 'SAVEPOINT b', 'SAVEPOINT a', 'ROLLBACK TO a', 'ROLLBACK TO b'])).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'OK']);
    expect(run(['BEGIN', 'SAVEPOINT a', 'SAVEPOINT b', 'SAVEPOINT a', 'RELEASE SAVEPOINT b', 'ROLLBACK TO a'])).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', NOT_EXIST]);
  });
});

describe('CONVERT and LOCATE, as metadata queries use them', () => {
  it('CONVERT(x, type) and CONVERT(x USING charset) are casts', () => {
    expect(run(["SELECT CONVERT(NULL, UNSIGNED INTEGER), CONVERT('7', UNSIGNED INTEGER), CONVERT(2.5, CHAR), CONVERT('é' USING utf8mb4)"])).toEqual([
      JSON.stringify([[null, '7', '2.5', 'é']]),
    ]);
  });

  it('LOCATE / INSTR: 1-based, case-insensitive, 0 when absent or out of range', () => {
    expect(run(["SELECT LOCATE('(', 'bigint(20)'), LOCATE('B', 'abcb', 3), INSTR('abc', 'C'), LOCATE('x', 'abc'), LOCATE('', 'abc', 4), LOCATE('', 'abc', 5), LOCATE('a', 'abc', 0), LOCATE(NULL, 'a')"])).toEqual([
      JSON.stringify([['7', '4', '3', '0', '4', '0', '0', null]]),
    ]);
  });
});
