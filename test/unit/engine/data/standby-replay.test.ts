/**
 * A standby fed by LOG_RESTORE_SOURCE replays its primary's commits: with LOCATION (the primary's archive) up to
 * the archive's newest checkpoint, with SERVICE (the primary itself) up to now, and never past RECOVERY_UNTIL_SCN.
 * A restored tenant stops at its restore SCN until RECOVER STANDBY UNTIL UNLIMITED (or a later point) lets it go on.
 */
import { describe, expect, it } from 'vitest';
import { advance, findUserTable, scanRows, userTables } from '../../../../src/engine/index.js';
import type { Cluster } from '../../../../src/engine/index.js';
import { ok, readyTenant, step, tenant } from '../helpers.js';
import { ARCHIVE, DATA, backupNow, finishRestores, sql } from '../restore-helpers.js';
import { dataOk, item, itemsSchema, newCluster, put, session, SYS, T1 } from './helpers.js';

const t1 = session(T1);
const sys = session(SYS);
const R1 = 1006;

/** A primary with rows 1..2, restored to standby r1 (replayed to the archive's end at the time). */
function primaryAndStandby(): { cluster: Cluster; tableId: number } {
  const cluster = newCluster();
  const ctx = readyTenant(cluster);
  backupNow(cluster, ctx);
  dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema('items', true), ifNotExists: false });
  const tableId = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
  dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 1, item(1), true), put(tableId, 2, item(2), true)] });
  step(cluster, 300_000, 10_000);
  ok(cluster, sys, sql("CREATE RESOURCE UNIT uc1 MAX_CPU 2, MEMORY_SIZE '4G'"));
  ok(cluster, sys, sql("CREATE RESOURCE POOL p1 UNIT='uc1', UNIT_NUM=1, ZONE_LIST=('zone1')"));
  ok(cluster, sys, sql(`ALTER SYSTEM RESTORE r1 FROM '${DATA},${ARCHIVE}' WITH 'pool_list=p1'`));
  finishRestores(cluster);
  return { cluster, tableId };
}

function standbyIds(cluster: Cluster, tableId: number): unknown[] {
  return [...scanRows(cluster.state, R1, tableId)].map((r) => r[0]);
}

describe('standby replay', () => {
  it('LOCATION: the standby follows the primary up to the archive checkpoint, then to RECOVERY_UNTIL_SCN only', () => {
    const { cluster, tableId } = primaryAndStandby();
    expect(standbyIds(cluster, tableId)).toEqual([1, 2]);
    // Without a source the standby stands still.
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 3, item(3), true), put(tableId, 1, null)] });
    step(cluster, 300_000, 10_000);
    expect(standbyIds(cluster, tableId)).toEqual([1, 2]);
    ok(cluster, sys, sql(`ALTER SYSTEM SET LOG_RESTORE_SOURCE = 'LOCATION=${ARCHIVE}' TENANT = r1`));
    step(cluster, 300_000, 10_000);
    // The source alone does not move it past its restore SCN (RECOVERY_UNTIL_SCN).
    expect(standbyIds(cluster, tableId)).toEqual([1, 2]);
    ok(cluster, sys, sql('ALTER SYSTEM RECOVER STANDBY TENANT = r1 UNTIL UNLIMITED'));
    step(cluster, 300_000, 10_000);
    expect(standbyIds(cluster, tableId)).toEqual([2, 3]);
    // It stops at what the archive holds: a commit after the last checkpoint is not there yet.
    const pieces = tenant(cluster, T1).backup!.pieces;
    const checkpoint = pieces.reduce((m, p) => (p.checkpointScn > m ? p.checkpointScn : m), 0n);
    expect(tenant(cluster, R1).replayedScn).toBe(checkpoint);
    // DDL is replayed too: a new table with its rows.
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema('more'), ifNotExists: false });
    const more = findUserTable(cluster.state, T1, 'test', 'more')!.tableId;
    dataOk(cluster, t1, { op: 'commit', writes: [put(more, 1)] });
    const stopAt = dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 4, item(4), true)] }).commitScn!;
    ok(cluster, sys, sql(`ALTER SYSTEM RECOVER STANDBY TENANT = r1 UNTIL SCN = ${stopAt}`));
    advance(cluster, 1000);
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 5, item(5), true)] });
    step(cluster, 300_000, 10_000);
    expect(standbyIds(cluster, tableId)).toEqual([2, 3, 4]);
    expect(userTables(cluster.state, R1).map((t) => t.schema.name)).toEqual(['items', 'more']);
    expect([...scanRows(cluster.state, R1, more)]).toEqual([item(1)]);
    expect(tenant(cluster, R1).replayedScn).toBe(stopAt);
  });

  it('SERVICE: the standby reads the primary itself; after ACTIVATE it stops following and takes writes', () => {
    const { cluster, tableId } = primaryAndStandby();
    ok(cluster, sys, sql("ALTER SYSTEM SET LOG_RESTORE_SOURCE = 'SERVICE=127.0.0.1:2881 USER=rep@mysql_tenant PASSWORD=pw' TENANT = r1"));
    ok(cluster, sys, sql('ALTER SYSTEM RECOVER STANDBY TENANT = r1 UNTIL UNLIMITED'));
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 2, item(2, 'two'), true)] });
    advance(cluster, 1000);
    expect([...scanRows(cluster.state, R1, tableId)]).toEqual([item(1), item(2, 'two')]);
    ok(cluster, sys, sql('ALTER SYSTEM ACTIVATE STANDBY TENANT = r1'));
    dataOk(cluster, session(R1), { op: 'commit', writes: [put(tableId, 9, item(9), true)] });
    dataOk(cluster, t1, { op: 'commit', writes: [put(tableId, 7, item(7), true)] });
    advance(cluster, 1000);
    expect(standbyIds(cluster, tableId)).toEqual([1, 2, 9]);
  });
});
