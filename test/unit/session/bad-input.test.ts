/**
 * Bad input through the whole statement path (issue 4 "Bad input"): unknown names, wrong argument counts, type
 * mismatches, division by zero, huge LIMITs and deep nesting give OceanBase's error or MySQL's result, never an
 * exception escaping to the caller.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type StatementResult } from '../../../src/index.js';

const session = () => createEmulator({ startTime: '2024-01-31T03:20:00Z' }).session({ database: 'oceanbase' });

function outcome(result: StatementResult): unknown {
  if (isObError(result)) return `${result.errno} ${result.message}`;
  return result.kind === 'rows' ? result.resultSet.rows : 'OK';
}

describe('bad input gives an error or a MySQL result, never an exception', () => {
  it.each([
    ['SELECT SUBSTR()', "1582 Incorrect parameter count in the call to native function 'SUBSTR'"],
    ['SELECT nosuchfn(1)', '1305 FUNCTION nosuchfn does not exist'],
    ['SELECT nosuch FROM DBA_OB_TENANTS', "1054 Unknown column 'nosuch' in 'field list'"],
    ['SELECT * FROM nosuch_view', "1146 Table 'oceanbase.nosuch_view' doesn't exist"],
    ['SELECT TENANT_ID FROM DBA_OB_TENANTS ORDER BY 5', "1054 Unknown column '5' in 'order clause'"],
    ['INSERT INTO DBA_OB_BACKUP_JOBS VALUES (1)', '1288 The target table DBA_OB_BACKUP_JOBS of the INSERT is not updatable'],
    ['UPDATE nosuch SET a = 1', "1146 Table 'oceanbase.nosuch' doesn't exist"],
  ])('%s', (sql, expected) => {
    expect(outcome(session().execute(sql))).toBe(expected);
  });

  it('coerces mismatched types as MySQL does, and division by zero is NULL', () => {
    expect(outcome(session().execute("SELECT 'abc' + 1, '12abc' * 2, 1 / 0, 5 % 0, 1 = 'a', 'a' = 0"))).toEqual([[1, 24, null, null, 0n, 1n]]);
  });

  it('a LIMIT far beyond the rows is fine', () => {
    expect(outcome(session().execute('SELECT TENANT_ID FROM DBA_OB_TENANTS ORDER BY 1 LIMIT 18446744073709551615'))).toEqual([
      [1n],
      [1001n],
      [1002n],
      [1003n],
      [1004n],
    ]);
  });

  it('deep nesting is an error value, not a crash', () => {
    const parens = `SELECT ${'('.repeat(300)}1${')'.repeat(300)}`;
    expect((outcome(session().execute(parens)) as string).slice(0, 4)).toBe('1064');
    const chain = `SELECT ${Array.from({ length: 5000 }, (_, i) => i).join(' + ')}`;
    const r = session().execute(chain);
    expect(isObError(r) || r.kind === 'rows').toBe(true);
  });
});
