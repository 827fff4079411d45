/**
 * Views are pure: the same state and now give the same rows, and reading every view leaves the state exactly as it
 * was (no mutation, no caching across calls: rows follow the state when it moves on).
 */
import { describe, expect, it } from 'vitest';
import { advance, stableJson } from '../../../src/engine/index.js';
import { createCatalog } from '../../../src/views/index.js';
import { archivelog, backup, newCluster, ok, session, set } from './helpers.js';

function readAll(state: Parameters<typeof createCatalog>[0], nowUs: number): unknown[] {
  const out: unknown[] = [];
  for (const tenantId of [1, 1002, 1004]) {
    const catalog = createCatalog(state, nowUs, tenantId);
    for (const t of catalog.tables('oceanbase')!) out.push(t.name, [...t.rows()]);
  }
  return out;
}

describe('views are pure functions of (state, now, tenant)', () => {
  it('same state and now → same rows; the state is unchanged after reading every view', () => {
    const c = newCluster();
    const s = session(1002);
    ok(c, s, set('log_archive_dest', 'location=file:///backup/1002/archive'));
    ok(c, s, set('data_backup_dest', 'file:///backup/1002/data'));
    ok(c, s, archivelog(true));
    advance(c, 10_000);
    ok(c, s, backup(false));
    advance(c, 8_000);
    const before = stableJson(c.state);
    const first = readAll(c.state, c.state.nowUs);
    const second = readAll(structuredClone(c.state), c.state.nowUs);
    expect(stableJson(c.state)).toBe(before);
    expect(second).toEqual(first);
  });

  it('a table bound by the catalog reads the state when called, and `now` only through the context', () => {
    const c = newCluster();
    const table = createCatalog(c.state, c.state.nowUs, 1).resolve(undefined, 'CDB_OB_ARCHIVE_DEST')!;
    expect([...table.rows()]).toEqual([]);
    ok(c, session(1002), set('log_archive_dest', 'location=file:///a'));
    expect([...table.rows()].length).toBe(5);
    const later = createCatalog(c.state, c.state.nowUs + 5_000_000, 1).resolve(undefined, 'DBA_OB_TENANTS')!;
    const user = [...later.rows()].find((r) => r[0] === 1002n)!;
    expect(user[15]).toBe(BigInt(c.state.nowUs + 5_000_000) * 1000n);
  });
});
