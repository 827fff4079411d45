/** MVCC: reads at an SCN see exactly what was committed at or before it, across row writes and DDL; pruning. */
import { describe, expect, it } from 'vitest';
import { advance, findUserTable, getRow, scanRows } from '../../../../src/engine/index.js';
import type { Cluster } from '../../../../src/engine/index.js';
import { readyTenant, tenant } from '../helpers.js';
import { backupNow } from '../restore-helpers.js';
import { dataFails, dataOk, item, itemsSchema, k, newCluster, put, session, T1 } from './helpers.js';

const t1 = session(T1);

/** A tenant with a successful backup set, so that history is kept from its MIN_RESTORE_SCN on. */
function backedUp(): Cluster {
  const cluster = newCluster();
  const ctx = readyTenant(cluster);
  backupNow(cluster, ctx);
  return cluster;
}

function ids(cluster: Cluster, tableId: number, scn?: bigint): unknown[] {
  return [...scanRows(cluster.state, T1, tableId, scn)].map((r) => r[0]);
}

describe('reads at an SCN', () => {
  it('inserts, updates and deletes are undone for a read below them', () => {
    const cluster = backedUp();
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    const s1 = dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1), put(id, 2), put(id, 3)] }).commitScn!;
    advance(cluster, 1000);
    const s2 = dataOk(cluster, t1, { op: 'commit', writes: [put(id, 2, item(2, 'two')), put(id, 3, null), put(id, 4)] }).commitScn!;
    advance(cluster, 1000);
    const s3 = dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1, null), put(id, 3)] }).commitScn!;
    expect(ids(cluster, id, s1)).toEqual([1, 2, 3]);
    expect(ids(cluster, id, s2 - 1n)).toEqual([1, 2, 3]);
    expect(ids(cluster, id, s2)).toEqual([1, 2, 4]);
    expect(ids(cluster, id, s3)).toEqual([2, 3, 4]);
    expect(ids(cluster, id)).toEqual([2, 3, 4]);
    expect(getRow(cluster.state, T1, id, k(2), s1)).toEqual(item(2));
    expect(getRow(cluster.state, T1, id, k(2), s2)).toEqual(item(2, 'two'));
    expect(getRow(cluster.state, T1, id, k(3), s2)).toBeUndefined();
    expect(getRow(cluster.state, T1, id, k(1), s2)).toEqual(item(1));
    // Before the table existed there is no table to read.
    expect(ids(cluster, id, s1 - 2n)).toEqual([]);
  });

  it('a dropped, truncated or altered table is still read as it was before the DDL', () => {
    const cluster = backedUp();
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    const s1 = dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1), put(id, 2)] }).commitScn!;
    const s2 = dataOk(cluster, t1, { op: 'truncateTable', database: 'test', name: 'items' }).commitScn!;
    const s3 = dataOk(cluster, t1, { op: 'commit', writes: [put(id, 7)] }).commitScn!;
    const s4 = dataOk(cluster, t1, { op: 'dropTable', tables: [{ database: 'test', name: 'items' }], ifExists: false }).commitScn!;
    expect(ids(cluster, id, s1)).toEqual([1, 2]);
    expect(ids(cluster, id, s2)).toEqual([]);
    expect(ids(cluster, id, s3)).toEqual([7]);
    expect(ids(cluster, id, s4)).toEqual([]);
    expect(ids(cluster, id)).toEqual([]);
    // A write to it now names it as it was (its last version is still kept for the restorable points).
    expect(dataFails(cluster, t1, { op: 'commit', writes: [put(id, 8)] }).message).toBe("Table 'test.items' doesn't exist");
  });
});

describe('pruning (versions older than the oldest restorable point go)', () => {
  it('a tenant with no backup keeps only the latest versions', () => {
    const cluster = newCluster();
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1)] });
    dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1, item(1, 'x'))] });
    dataOk(cluster, t1, { op: 'truncateTable', database: 'test', name: 'items' });
    const catalog = tenant(cluster, T1).backup!.data.catalog!;
    expect(catalog.tables.length).toBe(1);
    expect(catalog.tables[0]!.store.history).toEqual([]);
  });

  it('with a backup set, history from its MIN_RESTORE_SCN on is kept; cleaning the set lets it go', () => {
    const cluster = backedUp();
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1)] });
    dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1, item(1, 'x'))] });
    const store = () => tenant(cluster, T1).backup!.data.catalog!.tables.find((t) => t.droppedScn === null)!.store;
    expect(store().history.length).toBe(2);
    // The set becomes unusable (what a clean or delete policy does): the next commit prunes everything older.
    for (const s of tenant(cluster, T1).backup!.setFiles) s.fileStatus = 'DELETED';
    dataOk(cluster, t1, { op: 'commit', writes: [put(id, 2)] });
    expect(store().history).toEqual([]);
  });
});
