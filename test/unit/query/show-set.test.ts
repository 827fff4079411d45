import { describe, expect, it } from 'vitest';
import { isObError } from '../../../src/errors.js';
import { applySet, describeTable, evaluateSelect, evaluateShow, rejectWrite, type VariableStore } from '../../../src/query/index.js';
import type { ResultSet } from '../../../src/result.js';
import { BIG, catalog, context, item, select, str, table, TS6, VC } from './helpers.js';

const jobs = table('DBA_OB_BACKUP_JOBS', [['JOB_ID', BIG, false], ['END_TIMESTAMP', TS6, false], ['COMMENT', VC, true]], []);
const cat = catalog(jobs);

function ok(r: ResultSet | { kind: 'ObError'; message: string }): ResultSet {
  if (isObError(r)) throw new Error(r.message);
  return r;
}

describe('DESC and SHOW', () => {
  it('DESC prints Field, Type, Null, Key, Default, Extra as OceanBase does', () => {
    const r = ok(describeTable({ schema: 'oceanbase', name: 'dba_ob_backup_jobs' }, cat, context()));
    expect(r.columns.map((c) => c.name)).toEqual(['Field', 'Type', 'Null', 'Key', 'Default', 'Extra']);
    expect(r.rows).toEqual([
      ['JOB_ID', 'bigint(20)', 'NO', '', null, ''],
      ['END_TIMESTAMP', 'timestamp(6)', 'NO', '', null, ''],
      ['COMMENT', 'varchar(4096)', 'YES', '', null, ''],
    ]);
    expect(describeTable({ name: 'NOPE' }, cat, context())).toMatchObject({ errno: 1146, message: "Table 'oceanbase.NOPE' doesn't exist" });
  });

  it('SHOW DATABASES and SHOW TABLES [LIKE]', () => {
    expect(ok(evaluateShow({ kind: 'ShowDatabases' }, cat, context())).rows).toEqual([['information_schema'], ['mysql'], ['oceanbase']]);
    const t = ok(evaluateShow({ kind: 'ShowTables', full: true, like: 'dba%' }, cat, context()));
    expect(t.columns.map((c) => c.name)).toEqual(['Tables_in_oceanbase', 'Table_type']);
    expect(t.rows).toEqual([['DBA_OB_BACKUP_JOBS', 'SYSTEM VIEW']]);
    expect(evaluateShow({ kind: 'ShowTables', full: false, database: 'nodb' }, cat, context())).toMatchObject({ errno: 1049 });
  });

  it("SHOW VARIABLES LIKE / WHERE Variable_name in (…) with OceanBase's defaults", () => {
    const r = ok(evaluateShow({ kind: 'ShowVariables', scope: null, like: 'version_comment' }, cat, context()));
    expect(r.rows[0]?.[1]).toMatch(/^OceanBase_CE 4\.2\.5\.0 \(r.*\) \(Built .*\)$/);
    const where = {
      kind: 'In' as const,
      expr: { kind: 'ColumnRef' as const, column: 'Variable_name' },
      list: ['max_allowed_packet', 'system_time_zone', 'time_zone', 'auto_increment_increment', 'autocommit'].map(str),
      not: false,
    };
    expect(ok(evaluateShow({ kind: 'ShowVariables', scope: null, where }, cat, context())).rows).toEqual([
      ['auto_increment_increment', '1'],
      ['autocommit', 'ON'],
      ['max_allowed_packet', '16777216'],
      ['system_time_zone', 'CST'],
      ['time_zone', '+08:00'],
    ]);
  });

  it('writes to a view are 1288; to an unknown table 1146', () => {
    expect(rejectWrite('DELETE', { name: 'DBA_OB_BACKUP_JOBS' }, cat, context())).toMatchObject({
      errno: 1288,
      message: 'The target table DBA_OB_BACKUP_JOBS of the DELETE is not updatable',
    });
    expect(rejectWrite('INSERT', { name: 'X' }, cat, context())).toMatchObject({ errno: 1146 });
  });
});

describe('system variables and SET', () => {
  const store = (): VariableStore => ({ session: new Map(), global: new Map(), user: new Map() });
  const sysvar = (name: string, scope: 'GLOBAL' | 'SESSION' | null = null) => ({ kind: 'SystemVariable' as const, scope, name });

  it('the connect-time SELECT of Connector/J answers with typed values', () => {
    const r = ok(
      evaluateSelect(
        select({
          items: [
            item(sysvar('max_allowed_packet'), '@@max_allowed_packet'),
            item(sysvar('tx_isolation'), '@@tx_isolation', 'tx_isolation'),
            item(sysvar('tx_read_only', 'SESSION'), '@@session.tx_read_only', 'tx_read_only'),
            item(sysvar('version'), '@@version'),
            item({ kind: 'FunctionCall', name: 'ob_version', args: [], star: false, distinct: false }, 'ob_version()'),
          ],
        }),
        cat,
        context(),
      ),
    );
    expect(r.columns.map((c) => c.name)).toEqual(['@@max_allowed_packet', 'tx_isolation', 'tx_read_only', '@@version', 'ob_version()']);
    expect(r.rows).toEqual([[16777216n, 'READ-COMMITTED', 0n, '5.7.25-OceanBase_CE-v4.2.5.0', '4.2.5.0']]);
  });

  it('SET stores session and user variables; a bad assignment changes nothing', () => {
    const s = store();
    const num = (text: string) => ({ kind: 'NumberLiteral' as const, text });
    expect(
      applySet(
        {
          kind: 'Set',
          assignments: [
            { target: { kind: 'SystemVariable', scope: 'SESSION', name: 'ob_query_timeout' }, value: num('3216672000000000') },
            { target: { kind: 'UserVariable', name: 'kms_encrypt_info' }, value: str('x') },
            { target: { kind: 'SystemVariable', scope: null, name: 'autocommit' }, value: { kind: 'ColumnRef', column: 'OFF' } },
          ],
        },
        context(),
        s,
      ),
    ).toBeUndefined();
    expect(s.session.get('ob_query_timeout')).toBe(3216672000000000n);
    expect(s.session.get('autocommit')).toBe(0n);
    expect(s.user.get('kms_encrypt_info')).toBe('x');

    const t = store();
    const err = applySet(
      {
        kind: 'Set',
        assignments: [
          { target: { kind: 'SystemVariable', scope: null, name: 'autocommit' }, value: num('0') },
          { target: { kind: 'SystemVariable', scope: null, name: 'no_such_var' }, value: num('1') },
        ],
      },
      context(),
      t,
    );
    expect(err).toMatchObject({ errno: 1193, message: "Unknown system variable 'no_such_var'" });
    expect(t.session.size).toBe(0);
  });

  it('scope and read-only rules', () => {
    const set = (scope: 'GLOBAL' | 'SESSION' | null, name: string, value = str('1')) =>
      applySet({ kind: 'Set', assignments: [{ target: { kind: 'SystemVariable', scope, name }, value }] }, context(), store());
    expect(set(null, 'version_comment')).toMatchObject({ errno: 1238 });
    expect(set('SESSION', 'max_allowed_packet')).toMatchObject({ errno: 1621 });
    expect(set(null, 'time_zone', str('Mars/Olympus'))).toMatchObject({ errno: 1298 });
    expect(set(null, 'tx_isolation', str('nope'))).toMatchObject({ errno: 1231 });
    expect(set('GLOBAL', 'time_zone', str('+00:00'))).toBeUndefined();
  });
});
