/** User data survives a snapshot (v8.serialize through the persist container) and structuredClone (RESET). */
import { describe, expect, it } from 'vitest';
import { adoptState, createCluster, findUserTable, getRow, lookupUnique, scanRows, stableJson } from '../../../../src/engine/index.js';
import { decodeSnapshot, encodeSnapshot } from '../../../../src/persist/snapshot.js';
import { readyTenant } from '../helpers.js';
import { backupNow } from '../restore-helpers.js';
import { dataOk, item, itemsSchema, k, newCluster, put, session, T1 } from './helpers.js';

const t1 = session(T1);

describe('snapshots of user data', () => {
  it('a table with rows, its unique index and its history round-trip through SAVE / LOAD SNAPSHOT', () => {
    const cluster = newCluster();
    backupNow(cluster, readyTenant(cluster));
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema('items', true), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    const writes = Array.from({ length: 50 }, (_, i) => put(id, i + 1, item(i + 1), true));
    const s1 = dataOk(cluster, t1, { op: 'commit', writes }).commitScn!;
    dataOk(cluster, t1, { op: 'commit', writes: [put(id, 3, null, true), put(id, 60, [60n, 'big', null, '1.00'], true)] });

    const bytes = encodeSnapshot({ config: cluster.config, state: cluster.state, globals: [] }, 'test');
    const image = decodeSnapshot(bytes, 'test');
    const loaded = createCluster(cluster.config);
    adoptState(loaded, image.state);
    expect(stableJson(loaded.state.tenants.find((t) => t.id === T1)!.backup!.data.catalog)).toBe(
      stableJson(cluster.state.tenants.find((t) => t.id === T1)!.backup!.data.catalog),
    );
    expect([...scanRows(loaded.state, T1, id)]).toEqual([...scanRows(cluster.state, T1, id)]);
    expect([...scanRows(loaded.state, T1, id, s1)].length).toBe(50);
    expect(getRow(loaded.state, T1, id, k(60))).toEqual([60n, 'big', null, '1.00']);
    expect(lookupUnique(loaded.state, T1, id, 'uk_name', 'item7')).toBe(k(7));
    // The loaded cluster takes writes like the original.
    dataOk(loaded, t1, { op: 'commit', writes: [put(id, 61, item(61), true)] });
    expect([...scanRows(loaded.state, T1, id)].length).toBe(51);
  });

  it('structuredClone (RESET to a start snapshot) keeps Maps and shared stores', () => {
    const cluster = newCluster();
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1), put(id, 2)] });
    const copy = structuredClone(cluster.state);
    expect([...scanRows(copy, T1, id)]).toEqual([item(1), item(2)]);
  });
});
