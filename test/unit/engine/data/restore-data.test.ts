/**
 * Backup and restore carry data: RESTORE … UNTIL SCN s / TIME t builds the new tenant with exactly the rows
 * committed at or before s, its databases and tables (same ids), and only with the set's password when it has one.
 */
import { describe, expect, it } from 'vitest';
import { advance, findUserTable, scanRows, userDatabases, userTables } from '../../../../src/engine/index.js';
import type { Cluster, SessionContext } from '../../../../src/engine/index.js';
import { fails, ok, readyTenant, step, tenant } from '../helpers.js';
import { ARCHIVE, DATA, backupNow, finishRestores, sql, timeText } from '../restore-helpers.js';
import { dataFails, dataOk, item, itemsSchema, newCluster, put, session, SYS, T1 } from './helpers.js';

const t1 = session(T1);
const sys = session(SYS);
const FROM = `'${DATA},${ARCHIVE}'`;
/** The restored tenant's id: after sys, mysql_tenant (1002) and oracle_tenant (1004). */
const R1 = 1006;

function withPool(cluster: Cluster): void {
  ok(cluster, sys, sql("CREATE RESOURCE UNIT IF NOT EXISTS uc1 MAX_CPU 2, MEMORY_SIZE '4G'"));
  ok(cluster, sys, sql("CREATE RESOURCE POOL IF NOT EXISTS p1 UNIT='uc1', UNIT_NUM=1, ZONE_LIST=('zone1')"));
}

interface Source {
  cluster: Cluster;
  ctx: SessionContext;
  tableId: number;
}

/** A backed-up tenant with table items and rows 1..3 committed after the FULL. */
function source(): Source {
  const cluster = newCluster();
  const ctx = readyTenant(cluster);
  backupNow(cluster, ctx);
  dataOk(cluster, t1, { op: 'createDatabase', name: 'shop', ifNotExists: false });
  dataOk(cluster, t1, { op: 'createTable', database: 'shop', schema: itemsSchema('items', true), ifNotExists: false });
  const tableId = findUserTable(cluster.state, T1, 'shop', 'items')!.tableId;
  dataOk(cluster, t1, { op: 'commit', writes: [1, 2, 3].map((i) => put(tableId, i, item(i), true)) });
  return { cluster, ctx, tableId };
}

/** Lets the archive pass everything committed so far, then restores r1 with `until` and waits for it. */
function restore(cluster: Cluster, until = ''): void {
  step(cluster, 300_000, 10_000);
  withPool(cluster);
  ok(cluster, sys, sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} ${until} WITH 'pool_list=p1'`));
  finishRestores(cluster);
  expect(tenant(cluster, R1).role).toBe('STANDBY');
}

function restoredIds(cluster: Cluster, tableId: number): unknown[] {
  return [...scanRows(cluster.state, R1, tableId)].map((r) => r[0]);
}

describe('restore carries data', () => {
  it('insert, back up, delete, restore to before the delete: the rows are back (same database, table and tablet ids)', () => {
    const { cluster, tableId } = source();
    advance(cluster, 5000);
    const beforeDelete = dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 4, item(4), true)] }).commitScn!;
    advance(cluster, 5000);
    dataOk(cluster, t1, { op: 'commit', writes: [1, 2, 3, 4].map((i) => put(tableId, i, null)) });
    expect([...scanRows(cluster.state, T1, tableId)]).toEqual([]);
    restore(cluster, `UNTIL SCN = ${beforeDelete}`);
    expect(restoredIds(cluster, tableId)).toEqual([1, 2, 3, 4]);
    const src = findUserTable(cluster.state, T1, 'shop', 'items')!;
    const copy = findUserTable(cluster.state, R1, 'shop', 'items')!;
    expect([copy.tableId, copy.tabletId, copy.schema]).toEqual([src.tableId, src.tabletId, src.schema]);
    expect(userDatabases(cluster.state, R1)).toEqual(userDatabases(cluster.state, T1));
  });

  it('a restore to a time between two transactions holds the first and not the second', () => {
    const { cluster, tableId } = source();
    advance(cluster, 10_000);
    const between = cluster.state.nowUs;
    advance(cluster, 10_000);
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 2, item(2, 'changed'), true), put(tableId, 9, item(9), true)] });
    dataOk(cluster, t1, { op: 'createTable', database: 'shop', schema: itemsSchema('later'), ifNotExists: false });
    restore(cluster, `UNTIL TIME = '${timeText(between)}'`);
    expect([...scanRows(cluster.state, R1, tableId)]).toEqual([item(1), item(2), item(3)]);
    expect(userTables(cluster.state, R1).map((t) => t.schema.name)).toEqual(['items']);
  });

  it('without UNTIL the newest restorable point: every commit the archive holds', () => {
    const { cluster, tableId } = source();
    advance(cluster, 5000);
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 7, item(7), true)] });
    restore(cluster);
    expect(restoredIds(cluster, tableId)).toEqual([1, 2, 3, 7]);
  });

  it('a rolled-back transaction never reaches a backup: only commits do, and a rejected commit is none', () => {
    const { cluster, tableId } = source();
    // The SQL layer keeps an open transaction's writes to itself; ROLLBACK drops them without a DataOp. A commit
    // that fails (1062 here) changes nothing either.
    const rejected = dataFails(cluster, t1, { op: 'commit', writes: [put(tableId, 8, item(8), true), put(tableId, 9, item(9, 'item1'), true)] });
    expect(rejected.errno).toBe(1062);
    restore(cluster);
    expect(restoredIds(cluster, tableId)).toEqual([1, 2, 3]);
  });

  it('the restored tenant is read only until ACTIVATE STANDBY, then takes writes', () => {
    const { cluster, tableId } = source();
    restore(cluster);
    const r1 = session(R1);
    expect(dataFails(cluster, r1, { op: 'commit', writes: [put(tableId, 5, item(5), true)] }).name).toBe('OB_STANDBY_READ_ONLY');
    ok(cluster, sys, sql('ALTER SYSTEM ACTIVATE STANDBY TENANT = r1'));
    dataOk(cluster, r1, { op: 'commit', writes: [put(tableId, 5, item(5), true)] });
    expect(restoredIds(cluster, tableId)).toEqual([1, 2, 3, 5]);
    // Its unique index came along: a duplicate name is refused in the restored tenant too.
    expect(dataFails(cluster, r1, { op: 'commit', writes: [put(tableId, 6, item(6, 'item1'), true)] }).errno).toBe(1062);
    expect([...scanRows(cluster.state, T1, tableId)].length).toBe(3);
  });

  it('a password-protected set restores its data only with the password', () => {
    const cluster = newCluster();
    const ctx = readyTenant(cluster);
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const tableId = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 1)] });
    ok(cluster, ctx, sql("SET ENCRYPTION ON IDENTIFIED BY 'secret' ONLY"));
    backupNow(cluster, ctx);
    step(cluster, 300_000, 10_000);
    withPool(cluster);
    const stmt = sql(`ALTER SYSTEM RESTORE r1 FROM ${FROM} WITH 'pool_list=p1'`);
    expect(fails(cluster, sys, stmt).errno).toBe(9047);
    expect(cluster.state.tenants.some((t) => t.name === 'r1')).toBe(false);
    ok(cluster, sys, sql("SET DECRYPTION IDENTIFIED BY 'secret'"));
    ok(cluster, sys, stmt);
    finishRestores(cluster);
    expect(restoredIds(cluster, tableId)).toEqual([1]);
  });
});
