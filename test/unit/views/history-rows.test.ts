/**
 * DBA/CDB_OB_BACKUP_JOB_HISTORY build each finished job's row once: the same job gives the same frozen row on every
 * read (and an unchanged history the same list), new jobs add rows, and a cloned state gives equal rows.
 */
import { describe, expect, it } from 'vitest';
import { advance } from '../../../src/engine/index.js';
import { createCatalog } from '../../../src/views/index.js';
import { archivelog, backup, newCluster, ok, session, set } from './helpers.js';

describe('job history rows', () => {
  it('are built once per finished job and shared, frozen, by every read', () => {
    const c = newCluster();
    const s = session(1002);
    ok(c, s, set('log_archive_dest', 'location=file:///backup/1002/archive'));
    ok(c, s, set('data_backup_dest', 'file:///backup/1002/data'));
    ok(c, s, archivelog(true));
    advance(c, 10_000);
    ok(c, s, backup(false));
    advance(c, 600_000);
    const read = (state = c.state) => [...createCatalog(state, state.nowUs, 1002).resolve(undefined, 'DBA_OB_BACKUP_JOB_HISTORY')!.rows()];
    const first = read();
    expect(first).toHaveLength(1);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(read()[0]).toBe(first[0]);
    const table = () => createCatalog(c.state, c.state.nowUs, 1002).resolve(undefined, 'DBA_OB_BACKUP_JOB_HISTORY')!;
    expect(table().rows()).toBe(table().rows());

    ok(c, s, backup(true));
    advance(c, 600_000);
    const second = read();
    expect(second).toHaveLength(2);
    expect(second[0]).toBe(first[0]);
    expect(second[1]?.[0]).toBe(2n);

    const cloned = read(structuredClone(c.state));
    expect(cloned[0]).not.toBe(second[0]);
    expect(cloned).toEqual(second);
    const cdb = [...createCatalog(c.state, c.state.nowUs, 1).resolve(undefined, 'CDB_OB_BACKUP_JOB_HISTORY')!.rows()];
    expect(cdb.filter((r) => r[0] === 1002n).map((r) => r.slice(1))).toEqual(second);
  });
});
