/**
 * Real writes drive the macroblock change tracking: user tablets own macroblocks, a commit marks the ones its bytes
 * landed in, an INC copies exactly those (MACRO_BLOCK_COUNT read through the views, in process), and the commit's
 * redo is added to the log the archive reads.
 */
import { describe, expect, it } from 'vitest';
import { advance, assertInvariants, createCluster, executeData, findUserTable, logBytesAt } from '../../../../src/engine/index.js';
import type { Cluster } from '../../../../src/engine/index.js';
import { view } from '../../views/helpers.js';
import { START_US, readyTenant, tenant } from '../helpers.js';
import { backupNow } from '../restore-helpers.js';
import { dataOk, item, itemsSchema, put, session, T1 } from './helpers.js';

const t1 = session(T1);

/** A quiet tenant: 10 synthetic macroblocks and no background writes, so a test sees only its own. */
function quiet(): Cluster {
  return createCluster({ startTimeUs: START_US, seed: 42, macroBlocksPerTenant: 10, writeRateBytesPerSec: 0 });
}

function macroBlockCounts(cluster: Cluster): unknown[] {
  return view(cluster, T1, 'DBA_OB_BACKUP_SET_FILES').map((r) => [r['BACKUP_TYPE'], Number(r['MACRO_BLOCK_COUNT'])]);
}

/** Bulk inserts straight through executeData (the per-op state comparison of dataOk would dominate), then the invariants. */
function insertRows(cluster: Cluster, tableId: number, from: number, count: number, batch = 1000, nameLength = 8): void {
  for (let i = 0; i < count; i += batch) {
    const writes = Array.from({ length: Math.min(batch, count - i) }, (_, j) => put(tableId, from + i + j, item(from + i + j, 'n'.repeat(nameLength))));
    const out = executeData(cluster, t1, { op: 'commit', writes });
    expect(out.kind).toBe('data');
  }
  assertInvariants(cluster);
}

describe('macroblocks follow real writes', () => {
  it('an INC after 20,000 inserts copies exactly the macroblocks they filled; a FULL copies every one', () => {
    const cluster = quiet();
    const ctx = readyTenant(cluster);
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    backupNow(cluster, ctx);
    insertRows(cluster, id, 1, 20_000, 1000, 300);
    const blocks = tenant(cluster, T1).backup!.data.catalog!.tables[0]!.store.blocks.length;
    expect(blocks).toBeGreaterThan(2);
    backupNow(cluster, ctx, true);
    // Nothing written since: the next INC copies nothing.
    advance(cluster, 60_000);
    backupNow(cluster, ctx, true);
    // One row updated: the macroblock holding it.
    dataOk(cluster, t1, { op: 'commit', writes: [put(id, 5, item(5, 'changed'))] });
    backupNow(cluster, ctx, true);
    backupNow(cluster, ctx);
    expect(macroBlockCounts(cluster)).toEqual([
      ['FULL', 10],
      ['INC', blocks],
      ['INC', 0],
      ['INC', 1],
      ['FULL', 10 + blocks],
    ]);
    // TABLET_COUNT: the synthetic tablets plus the user table's.
    const sets = view(cluster, T1, 'DBA_OB_BACKUP_SET_FILES');
    expect(Number(sets[4]!['TABLET_COUNT'])).toBe(tenant(cluster, T1).backup!.data.tabletCount + 1);
  });

  it('a macroblock changed twice between two backups is marked once (the change log stays small)', () => {
    const cluster = quiet();
    const ctx = readyTenant(cluster);
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    backupNow(cluster, ctx);
    const changes = () => tenant(cluster, T1).backup!.data.changes.length;
    dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1)] });
    const after1 = changes();
    for (let i = 0; i < 50; i++) dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1, item(1, `v${i}`))] });
    expect(changes()).toBe(after1);
    backupNow(cluster, ctx, true);
    dataOk(cluster, t1, { op: 'commit', writes: [put(id, 1, item(1, 'after'))] });
    expect(changes()).toBe(after1 + 1);
  });

  it("a commit's redo joins the tenant's log (archive INPUT_BYTES); WRITE RATE 0 adds nothing else", () => {
    const cluster = quiet();
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    const data = () => tenant(cluster, T1).backup!.data;
    advance(cluster, 3_600_000);
    const before = logBytesAt(data(), cluster.state.nowUs);
    insertRows(cluster, id, 1, 10_000);
    const after = logBytesAt(data(), cluster.state.nowUs);
    // At least the rows' values and keys plus a mutator header each.
    expect(after - before).toBeGreaterThan(10_000 * 100);
    advance(cluster, 3_600_000);
    expect(logBytesAt(data(), cluster.state.nowUs)).toBe(after);
    expect(data().changes.length).toBeGreaterThan(0);
    const synthetic = Array.from(data().changes.blocks.subarray(0, data().changes.length)).filter((b) => b < 10);
    expect(synthetic).toEqual([]);
  });
});

describe("a commit's redo in the archive", () => {
  it('lands in the piece the archive is writing, also right after a piece switch', () => {
    const cluster = quiet();
    readyTenant(cluster);
    dataOk(cluster, t1, { op: 'createTable', database: 'test', schema: itemsSchema(), ifNotExists: false });
    const id = findUserTable(cluster.state, T1, 'test', 'items')!.tableId;
    const pieces = () => tenant(cluster, T1).backup!.pieces;
    const first = pieces()[0]!;
    // The next piece starts a day (piece_switch_interval) after the first: commit 30 s before and 10 s after.
    const switchUs = Number(first.startScn / 1000n) + 86_400_000_000;
    advance(cluster, (switchUs - 30_000_000 - cluster.state.nowUs) / 1000);
    insertRows(cluster, id, 1, 100);
    advance(cluster, 40_000);
    const piece = pieces().find((p) => Number(p.startScn / 1000n) === switchUs)!;
    expect(piece).toBeDefined();
    const before = piece.inputBytes;
    insertRows(cluster, id, 101, 1000);
    advance(cluster, 300_000);
    const active = pieces().find((p) => p.pieceId === piece.pieceId)!;
    // Each row's redo is at least its 48-byte mutator header: all of it is in the current piece.
    expect(active.inputBytes - before).toBeGreaterThan(1000 * 48);
  });
});
