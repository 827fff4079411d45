/**
 * A long-running tenant with steady writes, daily backups and a 1-day recovery window keeps its data plane flat:
 * the delete policy cleans old sets, which moves the oldest restorable point, and history older than it goes.
 */
import { describe, expect, it } from 'vitest';
import { advance, assertInvariants, createCluster, executeData, findUserTable, scanRows } from '../../../../src/engine/index.js';
import { ok, readyTenant, START_US, tenant } from '../helpers.js';
import { backupNow, sql } from '../restore-helpers.js';
import { dataOk, item, itemsSchema, put, session, T1 } from './helpers.js';

const t1 = session(T1);
const HOUR_MS = 3_600_000;

describe('a long run stays flat', () => {
  it('six days of hourly commits with daily FULLs and RECOVERY_WINDOW 1d keep about two days of history', () => {
    const cluster = createCluster({ startTimeUs: START_US, seed: 42, macroBlocksPerTenant: 10, writeRateBytesPerSec: 0 });
    const ctx = readyTenant(cluster);
    ok(cluster, ctx, sql("ALTER SYSTEM ADD DELETE BACKUP POLICY 'default' RECOVERY_WINDOW '1d'"));
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    const store = () => tenant(cluster, T1).backup!.data.catalog!.tables.find((t) => t.droppedScn === null)!.store;
    const perDay: { history: number; changes: number }[] = [];
    let n = 0;
    for (let day = 0; day < 6; day++) {
      backupNow(cluster, ctx);
      for (let hour = 0; hour < 24; hour++) {
        // 100 rows rewritten every hour: the table stays the same size, its history grows with the commits.
        const writes = Array.from({ length: 100 }, (_, i) => put(id, i, item(i, `v${n}`)));
        n++;
        expect(executeData(cluster, t1, { op: 'commit', writes }).kind).toBe('data');
        advance(cluster, HOUR_MS);
      }
      assertInvariants(cluster);
      perDay.push({ history: store().history.length, changes: tenant(cluster, T1).backup!.data.changes.length });
    }
    // The history holds the commits since the oldest set still available: at most about two days of them.
    for (const d of perDay.slice(2)) expect(d.history).toBeLessThanOrEqual(2 * 24 + 2);
    expect(perDay[5]!.history).toBeLessThanOrEqual(perDay[3]!.history + 24);
    // The sets older than the window were cleaned: that is what moved the point.
    expect(tenant(cluster, T1).backup!.setFiles.some((s) => s.fileStatus === 'DELETED')).toBe(true);
    // The change log grows by the macroblocks changed per backup window (one here), not per commit.
    expect(perDay[5]!.changes - perDay[4]!.changes).toBeLessThanOrEqual(2);
    expect([...scanRows(cluster.state, T1, id)].length).toBe(100);
  });
});
