/** executeData: each DataOp, its errors (OceanBase's codes and texts), and the reads that follow it. */
import { describe, expect, it } from 'vitest';
import { findUserTable, getRow, lookupUnique, scanKeyed, scanRows, userDatabases, userTables } from '../../../../src/engine/index.js';
import { dataFails, dataOk, item, itemsSchema, k, newCluster, put, session, SYS, T1, T2 } from './helpers.js';

const t1 = session(T1);

function createItems(cluster = newCluster(), unique = false, name = 'items') {
  dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(name, unique), ifNotExists: false });
  return { cluster, tableId: findUserTable(cluster.state, T1, 'test', name)!.tableId };
}

describe('databases', () => {
  it('a MySQL tenant starts with `test` (object id 500001); CREATE / DROP DATABASE with their errors', () => {
    const cluster = newCluster();
    expect(userDatabases(cluster.state, T1)).toEqual([{ id: 500001, name: 'test' }]);
    const created = dataOk(cluster, t1, { op: 'createDatabase', name: 'App', ifNotExists: false });
    expect(created.affectedRows).toBe(1);
    expect(created.commitScn).toBeGreaterThan(0n);
    expect(userDatabases(cluster.state, T1).map((d) => d.name)).toEqual(['test', 'app']);
    const exists = dataFails(cluster, t1, { op: 'createDatabase', name: 'APP', ifNotExists: false });
    expect([exists.errno, exists.message]).toEqual([1007, "Can't create database 'app'; database exists"]);
    expect(dataOk(cluster, t1, { op: 'createDatabase', name: 'app', ifNotExists: true })).toEqual({ kind: 'data', affectedRows: 0 });
    const missing = dataFails(cluster, t1, { op: 'dropDatabase', name: 'nope', ifExists: false });
    expect([missing.errno, missing.message]).toEqual([1008, "Can't drop database 'nope'; database doesn't exist"]);
    expect(dataOk(cluster, t1, { op: 'dropDatabase', name: 'nope', ifExists: true }).affectedRows).toBe(0);
    dataOk(cluster, t1, { op: 'createTable', database: 'app', schema: itemsSchema('a'), ifNotExists: false });
    dataOk(cluster, t1, { op: 'createTable', database: 'app', schema: itemsSchema('b'), ifNotExists: false });
    // DROP DATABASE reports the tables it dropped, as MySQL does.
    expect(dataOk(cluster, t1, { op: 'dropDatabase', name: 'app', ifExists: false }).affectedRows).toBe(2);
    expect(userTables(cluster.state, T1)).toEqual([]);
  });

  it('system databases exist (CREATE is 1007) and take no DDL (1044)', () => {
    const cluster = newCluster();
    const create = dataFails(cluster, t1, { op: 'createDatabase', name: 'MySQL', ifNotExists: false });
    expect([create.errno, create.message]).toEqual([1007, "Can't create database 'mysql'; database exists"]);
    expect(dataOk(cluster, t1, { op: 'createDatabase', name: 'oceanbase', ifNotExists: true }).affectedRows).toBe(0);
    const drop = dataFails(cluster, t1, { op: 'dropDatabase', name: 'oceanbase', ifExists: true });
    expect([drop.errno, drop.sqlState, drop.message]).toEqual([1044, '42000', "Access denied for user 'root'@'%' to database 'oceanbase'"]);
    const table = dataFails(cluster, t1, { op: 'createTable', database: 'information_schema', schema: itemsSchema(), ifNotExists: false });
    expect(table.errno).toBe(1044);
    expect(userDatabases(cluster.state, T1).map((d) => d.name)).toEqual(['test']);
  });

  it('sys and Oracle-mode tenants answer OB_NOT_SUPPORTED; they list no user databases', () => {
    const cluster = newCluster();
    const sys = dataFails(cluster, session(SYS), { op: 'createDatabase', name: 'x', ifNotExists: false });
    const oracle = dataFails(cluster, session(T2), { op: 'createDatabase', name: 'x', ifNotExists: false });
    expect([sys.name, sys.errno, oracle.name, oracle.errno]).toEqual(['OB_NOT_SUPPORTED', 1235, 'OB_NOT_SUPPORTED', 1235]);
    expect(userDatabases(cluster.state, T2)).toEqual([]);
    expect(userDatabases(cluster.state, SYS)).toEqual([]);
  });
});

describe('tables', () => {
  it('CREATE TABLE numbers table 500002 on tablet 200001, lower-cases the name, and refuses 1049 / 1050', () => {
    const cluster = newCluster();
    dataOk(cluster, t1, { op: 'createTable', database: 'TEST', schema: itemsSchema('Items'), ifNotExists: false });
    const t = findUserTable(cluster.state, T1, 'test', 'ITEMS')!;
    expect([t.tableId, t.tabletId, t.database, t.schema.name, t.autoIncrementNext]).toEqual([500002, 200001, 'test', 'items', 1n]);
    expect(t.schema.columns[0]!.name).toBe('id');
    const bad = dataFails(cluster, t1, { op: 'createTable', database: 'nodb', schema: itemsSchema(), ifNotExists: false });
    expect([bad.errno, bad.message]).toEqual([1049, "Unknown database 'nodb'"]);
    const dup = dataFails(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema('ITEMS'), ifNotExists: false });
    expect([dup.errno, dup.sqlState, dup.message]).toEqual([1050, '42S01', "Table 'items' already exists"]);
    expect(dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: true }).commitScn).toBeUndefined();
  });

  it('CREATE TABLE … AS SELECT writes its rows in the same commit (tableId 0 = the new table)', () => {
    const cluster = newCluster();
    const out = dataOk(cluster, t1, {
      op: 'createTable',
      database: 'test',
      schema: itemsSchema('copy', true),
      ifNotExists: false,
      rows: [put(0, 1, item(1), true), put(0, 2, item(2), true)],
    });
    expect(out.affectedRows).toBe(2);
    const t = findUserTable(cluster.state, T1, 'test', 'copy')!;
    expect([...scanRows(cluster.state, T1, t.tableId)]).toEqual([item(1), item(2)]);
    expect(t.autoIncrementNext).toBe(3n);
    // The rows are checked among themselves: a duplicate unique key fails the whole CREATE.
    const dup = dataFails(cluster, t1, {
      op: 'createTable',
      database: 'test',
      schema: itemsSchema('copy2', true),
      ifNotExists: false,
      rows: [put(0, 1, item(1, 'same'), true), put(0, 2, item(2, 'same'), true)],
    });
    expect(dup.message).toBe("Duplicate entry 'same' for key 'uk_name'");
    expect(findUserTable(cluster.state, T1, 'test', 'copy2')).toBeUndefined();
  });

  it('DROP TABLE names every missing table at once (1051) and drops nothing then; IF EXISTS drops the rest', () => {
    const { cluster } = createItems();
    const e = dataFails(cluster, t1, { op: 'dropTable', tables: [{ database: 'test', name: 'items' }, { database: 'test', name: 'a' }, { database: 'test', name: 'b' }], ifExists: false });
    expect([e.errno, e.message]).toEqual([1051, "Unknown table 'test.a,test.b'"]);
    expect(findUserTable(cluster.state, T1, 'test', 'items')).toBeDefined();
    dataOk(cluster, t1, { op: 'dropTable', tables: [{ database: 'test', name: 'items' }, { database: 'test', name: 'a' }], ifExists: true });
    expect(userTables(cluster.state, T1)).toEqual([]);
  });

  it('TRUNCATE empties the table on a new tablet and restarts AUTO_INCREMENT; 1146 for a missing table', () => {
    const { cluster, tableId } = createItems();
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 1), put(tableId, 2)] });
    dataOk(cluster, t1, { op: 'truncateTable', database: 'test', name: 'items' });
    const t = findUserTable(cluster.state, T1, 'test', 'items')!;
    expect([t.tableId, t.tabletId, t.autoIncrementNext, t.rowCount]).toEqual([tableId, 200002, 1n, 0]);
    expect([...scanRows(cluster.state, T1, tableId)]).toEqual([]);
    const e = dataFails(cluster, t1, { op: 'truncateTable', database: 'test', name: 'nope' });
    expect([e.errno, e.message]).toEqual([1146, "Table 'test.nope' doesn't exist"]);
  });

  it('RENAME applies in order (a swap through a temporary name), keeps ids and rows, and is all or nothing', () => {
    const { cluster, tableId: a } = createItems(undefined, false, 'a');
    const { tableId: b } = createItems(cluster, false, 'b');
    dataOk(cluster, t1, { op: 'commit', writes: [put(a, 1), put(b, 2)] });
    dataOk(cluster, t1, {
      op: 'renameTable',
      renames: [
        { from: { database: 'test', name: 'a' }, to: { database: 'test', name: 'tmp' } },
        { from: { database: 'test', name: 'b' }, to: { database: 'test', name: 'a' } },
        { from: { database: 'test', name: 'tmp' }, to: { database: 'test', name: 'B' } },
      ],
    });
    expect(findUserTable(cluster.state, T1, 'test', 'a')!.tableId).toBe(b);
    expect(findUserTable(cluster.state, T1, 'test', 'b')!.tableId).toBe(a);
    expect([...scanRows(cluster.state, T1, a)]).toEqual([item(1)]);
    const exists = dataFails(cluster, t1, { op: 'renameTable', renames: [{ from: { database: 'test', name: 'a' }, to: { database: 'test', name: 'b' } }] });
    expect([exists.errno, exists.message]).toEqual([1050, "Table 'b' already exists"]);
    const nodb = dataFails(cluster, t1, { op: 'renameTable', renames: [{ from: { database: 'test', name: 'a' }, to: { database: 'x', name: 'c' } }] });
    expect(nodb.errno).toBe(1049);
    const missing = dataFails(cluster, t1, {
      op: 'renameTable',
      renames: [
        { from: { database: 'test', name: 'a' }, to: { database: 'test', name: 'c' } },
        { from: { database: 'test', name: 'zz' }, to: { database: 'test', name: 'd' } },
      ],
    });
    expect([missing.errno, missing.message]).toEqual([1146, "Table 'test.zz' doesn't exist"]);
    expect(findUserTable(cluster.state, T1, 'test', 'c')).toBeUndefined();
  });

  it('ALTER TABLE ADD / DROP COLUMN rewrites every row through the column map; the primary key must stay', () => {
    const { cluster, tableId } = createItems(undefined, true);
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 1, item(1), true), put(tableId, 2, item(2), true)] });
    const base = itemsSchema('items', true);
    const schema = { ...base, columns: [base.columns[0]!, base.columns[1]!, { name: 'note', type: { base: 'text' as const }, nullable: true, autoIncrement: false }] };
    dataOk(cluster, t1, { op: 'alterTable', database: 'test', name: 'items', schema, columnMap: [0, 1, { value: 'n/a' }] });
    expect([...scanRows(cluster.state, T1, tableId)]).toEqual([[1, 'item1', 'n/a'], [2, 'item2', 'n/a']]);
    // The unique index kept its keys through the rewrite.
    expect(lookupUnique(cluster.state, T1, tableId, 'uk_name', 'item2')).toBe(k(2));
    const noPk = dataFails(cluster, t1, { op: 'alterTable', database: 'test', name: 'items', schema: { ...schema, primaryKey: [1] }, columnMap: [0, 1, 2] });
    expect(noPk.name).toBe('OB_NOT_SUPPORTED');
  });
});

describe('commits', () => {
  it('writes rows in key order, updates and deletes; reads by key; affected rows count real changes', () => {
    const { cluster, tableId } = createItems();
    expect(dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 3), put(tableId, 1), put(tableId, 2)] }).affectedRows).toBe(3);
    expect([...scanRows(cluster.state, T1, tableId)].map((r) => r[0])).toEqual([1, 2, 3]);
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 2, item(2, 'two')), put(tableId, 3, null), put(tableId, 9, null)] });
    expect([...scanKeyed(cluster.state, T1, tableId)]).toEqual([[k(1), item(1)], [k(2), item(2, 'two')]]);
    expect(getRow(cluster.state, T1, tableId, k(2))).toEqual(item(2, 'two'));
    expect(getRow(cluster.state, T1, tableId, k(3))).toBeUndefined();
    // Deleting a missing row changes nothing: no commit at all.
    expect(dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 7, null)] })).toEqual({ kind: 'data', affectedRows: 0 });
  });

  it('each commit gets a larger SCN, at least the SCN of now, after every GTS handed out', () => {
    const { cluster, tableId } = createItems();
    const a = dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 1)] }).commitScn!;
    const b = dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 2)] }).commitScn!;
    expect(b).toBe(a + 1n);
    expect(a).toBeGreaterThanOrEqual(BigInt(cluster.state.nowUs) * 1000n);
    expect(cluster.state.lastGtsScn).toBe(b);
  });

  it('a unique key held by another row is 1062 with the display text; an insert of an existing key is 1062 PRIMARY', () => {
    const { cluster, tableId } = createItems(undefined, true);
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 1, item(1, 'Apple'), true)] });
    const dup = dataFails(cluster, t1, { op: 'commit', writes: [put(tableId, 2, item(2, 'apple'), true)] });
    expect([dup.errno, dup.sqlState, dup.message]).toEqual([1062, '23000', "Duplicate entry 'apple' for key 'uk_name'"]);
    // Moving the key within one commit is fine: row 1 gives 'apple' up before row 2 takes it.
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 1, item(1, 'pear'), true), put(tableId, 2, item(2, 'apple'), true)] });
    expect(lookupUnique(cluster.state, T1, tableId, 'uk_name', 'apple')).toBe(k(2));
    expect(lookupUnique(cluster.state, T1, tableId, 'uk_name', 'pear')).toBe(k(1));
    // The other order too: unique keys are checked on the commit's outcome (statements are the SQL layer's).
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 2, item(2, 'pear'), true), put(tableId, 1, item(1, 'apple'), true)] });
    expect(lookupUnique(cluster.state, T1, tableId, 'uk_name', 'pear')).toBe(k(2));
    // Two rows of one commit claiming one key: the later write is the one named.
    const both = dataFails(cluster, t1, { op: 'commit', writes: [put(tableId, 5, item(5, 'fig'), true), put(tableId, 6, item(6, 'Fig'), true)] });
    expect(both.message).toBe("Duplicate entry 'Fig' for key 'uk_name'");
    // NULL never conflicts.
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 3, item(3, null), true), put(tableId, 4, item(4, null), true)] });
    const pk = dataFails(cluster, t1, { op: 'commit', writes: [put(tableId, 1, item(1, 'kiwi'), true, true)] });
    expect(pk.message).toBe("Duplicate entry '1' for key 'PRIMARY'");
    const gone = dataFails(cluster, t1, { op: 'commit', writes: [put(999, 1)] });
    expect(gone.errno).toBe(1146);
    // A table another session dropped since the statement resolved it: named by its id once no version is kept.
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema('other'), ifNotExists: false });
    const other = findUserTable(cluster.state, T1, 'test', 'other')!.tableId;
    dataOk(cluster, t1, { op: 'dropTable', tables: [{ database: 'test', name: 'other' }], ifExists: false });
    expect(dataFails(cluster, t1, { op: 'commit', writes: [put(other, 1)] }).message).toBe(`Table 'unknown.${other}' doesn't exist`);
  });

  it('a table without a PRIMARY KEY numbers its rows (hidden pk, in insertion order)', () => {
    const cluster = newCluster();
    const schema = { ...itemsSchema('heap'), primaryKey: [] };
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema, ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'heap')!.tableId;
    const rows = Array.from({ length: 40 }, (_, i) => ({ tableId: id, key: '', row: item(i) }));
    dataOk(cluster, t1, { op: 'commit', writes: rows });
    expect([...scanRows(cluster.state, T1, id)].map((r) => r[0])).toEqual(rows.map((_, i) => i));
    const [firstKey] = [...scanKeyed(cluster.state, T1, id)][0]!;
    dataOk(cluster, t1, { op: 'commit', writes: [{ tableId: id, key: firstKey, row: null }] });
    expect([...scanRows(cluster.state, T1, id)].length).toBe(39);
  });

  it('AUTO_INCREMENT: reservations are never handed out twice, explicit values move the counter', () => {
    const { cluster, tableId } = createItems();
    expect(dataOk(cluster, t1, { op: 'reserveAutoIncrement', tableId, count: 3 }).autoIncrement).toBe(1n);
    expect(dataOk(cluster, t1, { op: 'reserveAutoIncrement', tableId, count: 1 }).autoIncrement).toBe(4n);
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 100)] });
    expect(findUserTable(cluster.state, T1, 'test', 'items')!.autoIncrementNext).toBe(101n);
    expect(dataOk(cluster, t1, { op: 'reserveAutoIncrement', tableId, count: 1, atLeast: 500n }).autoIncrement).toBe(500n);
  });

  it('a standby or restoring tenant is read only (OB_STANDBY_READ_ONLY)', () => {
    const cluster = newCluster();
    cluster.state.tenants.find((t) => t.id === T1)!.role = 'STANDBY';
    const e = dataFails(cluster, t1, { op: 'createDatabase', name: 'x', ifNotExists: false });
    expect([e.errno, e.message]).toEqual([4688, 'standby tenant is read only']);
  });
});
