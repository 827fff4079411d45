/** UNION ALL keeps every row of every term, the first one's duplicates too; a DISTINCT UNION removes them to its left. */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError } from '../../../src/index.js';

const rows = (sql: string): unknown => {
  const r = createEmulator({ startTime: '2024-01-31T03:20:00Z' }).execute(sql);
  return isObError(r) ? r.message : r.kind === 'rows' ? r.resultSet.rows : 'OK';
};

describe('UNION [ALL] and duplicates', () => {
  const tenants = 'SELECT TENANT_TYPE FROM oceanbase.DBA_OB_TENANTS';
  it('UNION ALL only: the first term keeps its duplicates', () => {
    const first = rows(tenants) as unknown[];
    expect(new Set(first.map((r) => JSON.stringify(r))).size).toBeLessThan(first.length);
    expect(rows(`${tenants} UNION ALL SELECT 'X'`)).toEqual([...first, ['X']]);
  });

  it('a DISTINCT UNION after them removes duplicates from everything to its left', () => {
    expect(rows(`${tenants} UNION ALL SELECT 'USER' UNION SELECT 'X' ORDER BY 1`)).toEqual([['META'], ['SYS'], ['USER'], ['X']]);
    expect(rows(`${tenants} UNION SELECT 'X' UNION ALL SELECT 'X' ORDER BY 1`)).toEqual([['META'], ['SYS'], ['USER'], ['X'], ['X']]);
  });
});
