import { describe, expect, it } from 'vitest';
import { isObError } from '../../../src/errors.js';
import { evaluateSelect, describeSelect } from '../../../src/query/index.js';
import { Decimal, Temporal, type ResultSet } from '../../../src/result.js';
import { asc, BIG, bin, catalog, col, context, countStar, desc, fn, from, item, NULL, num, select, star, str, table, TS6, VC } from './helpers.js';

const jobs = table(
  'CDB_OB_BACKUP_JOB_HISTORY',
  [
    ['TENANT_ID', BIG, false],
    ['JOB_ID', BIG, false],
    ['STATUS', VC, false],
    ['END_TIMESTAMP', TS6, false],
    ['COMMENT', VC],
  ],
  [
    [1002n, 1n, 'COMPLETED', new Temporal('TIMESTAMP', 1714564800000000n), ''],
    [1002n, 2n, 'FAILED', new Temporal('TIMESTAMP', 1714568400123456n), 'oops'],
    [1004n, 1n, 'CANCELED', null, null],
    [1002n, 3n, 'DOING', null, ''],
  ],
);
const tenants = table(
  'DBA_OB_TENANTS',
  [
    ['TENANT_ID', BIG, false],
    ['TENANT_NAME', VC, false],
    ['TENANT_TYPE', VC, false],
  ],
  [
    [1n, 'sys', 'SYS'],
    [1002n, 't1', 'USER'],
    [1004n, 't2', 'USER'],
  ],
);
const cat = catalog(jobs, tenants);
const ctx = context();

function ok(r: ResultSet | ReturnType<typeof evaluateSelect>): ResultSet {
  if (isObError(r)) throw new Error(`unexpected error ${r.errno}: ${r.message}`);
  return r;
}

describe('SELECT basics', () => {
  it('SELECT * keeps the table column names in order, WHERE with string-number coercion, ORDER BY DESC LIMIT', () => {
    const r = ok(
      evaluateSelect(
        select({
          items: [star],
          from: [from('cdb_ob_backup_job_history', undefined, 'oceanbase')],
          where: bin('=', col('tenant_id'), str('1002')),
          orderBy: [desc(col('JOB_ID'))],
          limit: { count: num(1) },
        }),
        cat,
        ctx,
      ),
    );
    expect(r.columns.map((c) => c.name)).toEqual(['TENANT_ID', 'JOB_ID', 'STATUS', 'END_TIMESTAMP', 'COMMENT']);
    expect(r.rows).toEqual([[1002n, 3n, 'DOING', null, '']]);
  });

  it('labels explicit columns as spelled and expressions by their text; repeats allowed', () => {
    const r = ok(
      evaluateSelect(
        select({
          items: [item(col('job_id'), 'job_id'), item(col('job_id', 't'), 't.job_id'), item(fn('lower', col('status')), 'lower(status)', 'status'), item(countStar, 'count(*)')],
          from: [from('CDB_OB_BACKUP_JOB_HISTORY', 't')],
          groupBy: [col('job_id'), col('status')],
          orderBy: [asc(num(1)), asc(col('status'))],
        }),
        cat,
        ctx,
      ),
    );
    expect(r.columns.map((c) => c.name)).toEqual(['job_id', 'job_id', 'status', 'count(*)']);
    expect(r.rows).toEqual([
      [1n, 1n, 'canceled', 1n],
      [1n, 1n, 'completed', 1n],
      [2n, 2n, 'failed', 1n],
      [3n, 3n, 'doing', 1n],
    ]);
  });

  it('compares strings case-insensitively with trailing spaces ignored', () => {
    const r = ok(
      evaluateSelect(
        select({ items: [item(col('TENANT_NAME'), 'TENANT_NAME')], from: [from('DBA_OB_TENANTS')], where: bin('=', col('tenant_type'), str('user  ')) }),
        cat,
        ctx,
      ),
    );
    expect(r.rows).toEqual([['t1'], ['t2']]);
  });

  it('comma join with aliases, qualified columns', () => {
    const r = ok(
      evaluateSelect(
        select({
          items: [item(col('tenant_name', 'd'), 'd.tenant_name'), item(col('JOB_ID', 't'), 't.JOB_ID')],
          from: [from('CDB_OB_BACKUP_JOB_HISTORY', 't'), from('DBA_OB_TENANTS', 'd')],
          where: bin('AND', bin('=', col('tenant_id', 't'), col('tenant_id', 'd')), bin('=', col('status', 't'), str('failed'))),
        }),
        cat,
        ctx,
      ),
    );
    expect(r.columns.map((c) => c.name)).toEqual(['tenant_name', 'JOB_ID']);
    expect(r.rows).toEqual([['t1', 2n]]);
  });

  it('COALESCE(MAX(x), 0) over no rows, count(*) = 0', () => {
    const r = ok(
      evaluateSelect(
        select({
          items: [item(fn('COALESCE', fn('MAX', col('JOB_ID')), num(0)), 'COALESCE(MAX(JOB_ID), 0)'), item(countStar, 'count(*)')],
          from: [from('CDB_OB_BACKUP_JOB_HISTORY')],
          where: bin('=', col('TENANT_ID'), num(9999)),
        }),
        cat,
        ctx,
      ),
    );
    expect(r.rows).toEqual([[0n, 0n]]);
    expect(r.columns[1]?.type).toEqual({ base: 'bigint', width: 21, unsigned: false });
    expect(r.columns[1]?.nullable).toBe(false);
  });

  it("obshell's DELAY: truncate((time_to_usec(now()) - scn / 1000) / 1000000, 4) is an exact decimal(…,4)", () => {
    const scn = 1714564790000000000n; // 10 s before NOW_US, in ns
    const expr = fn(
      'truncate',
      bin('/', bin('-', fn('time_to_usec', fn('now')), bin('/', num(scn.toString()), num(1000))), num(1000000)),
      num(4),
    );
    const r = ok(evaluateSelect(select({ items: [item(expr, 'x', 'DELAY')] }), cat, ctx));
    expect(r.rows[0]?.[0]).toEqual(new Decimal(100000n, 4));
    expect(r.columns[0]?.type).toMatchObject({ base: 'decimal', scale: 4 });
  });

  it('integer arithmetic stays bigint; / gives scale 4; division by zero is NULL; overflow is 1690', () => {
    const r = ok(
      evaluateSelect(
        select({ items: [item(bin('+', num(1), num(2)), '1+2'), item(bin('/', num(1), num(3)), '1/3'), item(bin('/', num(1), num(0)), '1/0')] }),
        cat,
        ctx,
      ),
    );
    expect(r.rows).toEqual([[3n, new Decimal(3333n, 4), null]]);
    const e = evaluateSelect(select({ items: [item(bin('+', num('9223372036854775807'), num(1)), 'x')] }), cat, ctx);
    expect(e).toMatchObject({ errno: 1690, message: "BIGINT value is out of range in '(9223372036854775807 + 1)'" });
  });

  it('NULL logic: NULL = 1 is NULL, NULL OR 1 is 1, IS NULL', () => {
    const r = ok(
      evaluateSelect(select({ items: [item(bin('=', NULL, num(1)), 'a'), item(bin('OR', NULL, num(1)), 'b'), item(bin('AND', NULL, num(0)), 'c')] }), cat, ctx),
    );
    expect(r.rows).toEqual([[null, 1n, 0n]]);
  });

  it('compares a string with a TIMESTAMP by reading it in the session zone', () => {
    // 2024-05-01 20:00:00 +08:00 = 12:00:00 UTC = the first row's END_TIMESTAMP.
    const r = ok(
      evaluateSelect(
        select({
          items: [item(col('JOB_ID'), 'JOB_ID')],
          from: [from('CDB_OB_BACKUP_JOB_HISTORY')],
          where: bin('>=', col('END_TIMESTAMP'), str('2024-05-01 20:00:00')),
          orderBy: [asc(col('JOB_ID'))],
        }),
        cat,
        ctx,
      ),
    );
    expect(r.rows).toEqual([[1n], [2n]]);
  });
});

describe('errors', () => {
  const q = (stmt: Parameters<typeof evaluateSelect>[0]) => evaluateSelect(stmt, cat, ctx);
  it('unknown table is 1146 with the schema', () => {
    expect(q(select({ items: [star], from: [from('NOPE')] }))).toMatchObject({ errno: 1146, sqlState: '42S02', message: "Table 'oceanbase.NOPE' doesn't exist" });
  });
  it('unknown column is 1054 naming the clause', () => {
    expect(q(select({ items: [star], from: [from('DBA_OB_TENANTS')], where: bin('=', col('x'), num(1)) }))).toMatchObject({
      errno: 1054,
      message: "Unknown column 'x' in 'where clause'",
    });
  });
  it('ambiguous column is 1052', () => {
    expect(q(select({ items: [item(col('tenant_id'), 'tenant_id')], from: [from('DBA_OB_TENANTS', 'a'), from('DBA_OB_TENANTS', 'b')] }))).toMatchObject({
      errno: 1052,
      message: "Column 'tenant_id' in field list is ambiguous",
    });
  });
  it('unknown function is 1305, wrong argument count 1582', () => {
    expect(q(select({ items: [item(fn('nosuch', num(1)), 'nosuch(1)')] }))).toMatchObject({ errno: 1305, message: 'FUNCTION nosuch does not exist' });
    expect(q(select({ items: [item(fn('ifnull', num(1)), 'ifnull(1)')] }))).toMatchObject({
      errno: 1582,
      message: "Incorrect parameter count in the call to native function 'ifnull'",
    });
  });
  it('aggregate in WHERE is 1111; unknown system variable 1193', () => {
    expect(q(select({ items: [star], from: [from('DBA_OB_TENANTS')], where: bin('=', countStar, num(1)) }))).toMatchObject({ errno: 1111 });
    expect(q(select({ items: [item({ kind: 'SystemVariable', scope: null, name: 'nope' }, '@@nope')] }))).toMatchObject({
      errno: 1193,
      message: "Unknown system variable 'nope'",
    });
  });
  it('deep nesting is refused with an error, not an exception', () => {
    let e = num(1);
    for (let i = 0; i < 5000; i++) e = bin('+', e, num(1));
    const r = q(select({ items: [item(e, 'deep')] }));
    expect(isObError(r)).toBe(true);
  });
  it('describeSelect gives the columns without running', () => {
    const cols = describeSelect(select({ items: [item(col('job_id'), 'job_id'), item(countStar, 'count(*)')], from: [from('CDB_OB_BACKUP_JOB_HISTORY')] }), cat, ctx);
    expect(isObError(cols) ? cols : cols.map((c) => [c.name, c.type.base])).toEqual([
      ['job_id', 'bigint'],
      ['count(*)', 'bigint'],
    ]);
  });
});
