/**
 * createCatalog: case-insensitive names in database `oceanbase`, sys-only tables absent from user tenants (so the
 * evaluator answers 1146), SHOW DATABASES / TABLES lists, and structural compatibility with src/query's Catalog.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/index.js';
import type { Catalog } from '../../../src/query/catalog.js';
import { VIEW_DEFS, createCatalog } from '../../../src/views/index.js';

const cluster = createCluster({ startTimeUs: Date.UTC(2024, 0, 31, 3, 20) * 1000, seed: 7 });

describe('createCatalog', () => {
  it('is a Catalog the evaluator can read', () => {
    const catalog: Catalog = createCatalog(cluster.state, cluster.state.nowUs, 1);
    expect(catalog.resolve('oceanbase', 'dba_ob_tenants')?.name).toBe('DBA_OB_TENANTS');
  });

  it('resolves names case-insensitively, with or without the oceanbase schema', () => {
    const c = createCatalog(cluster.state, cluster.state.nowUs, 1);
    expect(c.resolve(undefined, 'cdb_ob_backup_jobs')?.name).toBe('CDB_OB_BACKUP_JOBS');
    expect(c.resolve('OceanBase', 'Cdb_Ob_Backup_Jobs')?.name).toBe('CDB_OB_BACKUP_JOBS');
    expect(c.resolve('oceanbase', '__ALL_SERVER')?.name).toBe('__all_server');
    expect(c.resolve('oceanbase', 'gv$ob_parameters')?.name).toBe('GV$OB_PARAMETERS');
    expect(c.resolve('mysql', 'DBA_OB_TENANTS')).toBeUndefined();
    expect(c.resolve(undefined, 'DBA_OB_NO_SUCH_VIEW')).toBeUndefined();
  });

  it('CDB_ views and sys-only tables do not exist in a user tenant; DBA_ views do', () => {
    const c = createCatalog(cluster.state, cluster.state.nowUs, 1002);
    expect(c.resolve(undefined, 'CDB_OB_BACKUP_JOBS')).toBeUndefined();
    expect(c.resolve(undefined, '__all_server')).toBeUndefined();
    expect(c.resolve(undefined, 'DBA_OB_SERVERS')).toBeUndefined();
    expect(c.resolve(undefined, 'DBA_OB_BACKUP_JOBS')?.name).toBe('DBA_OB_BACKUP_JOBS');
    expect(c.resolve(undefined, 'V$OB_ARCHIVE_DEST_STATUS')?.name).toBe('V$OB_ARCHIVE_DEST_STATUS');
    const names = c.tables('oceanbase')!.map((t) => t.name);
    expect(names.some((n) => n.startsWith('CDB_'))).toBe(false);
    expect(names).toContain('DBA_OB_ARCHIVELOG');
  });

  it('lists databases per tenant kind and the oceanbase tables sorted by name', () => {
    const sys = createCatalog(cluster.state, cluster.state.nowUs, 1);
    const user = createCatalog(cluster.state, cluster.state.nowUs, 1002);
    expect(sys.databases()).toEqual(['information_schema', 'LBACSYS', 'mysql', 'oceanbase', 'ORAAUDITOR', 'SYS', 'test']);
    expect(user.databases()).toEqual(['information_schema', 'mysql', 'oceanbase', 'test']);
    expect(user.tables('TEST')).toEqual([]);
    expect(user.tables('nope')).toBeUndefined();
    const names = sys.tables('OCEANBASE')!.map((t) => t.name);
    expect(names).toHaveLength(VIEW_DEFS.length);
    expect([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))).toEqual(names);
    expect(sys.resolve(undefined, 'CDB_OB_BACKUP_JOBS')!.kind).toBe('SYSTEM VIEW');
    expect(sys.resolve(undefined, '__all_tenant')!.kind).toBe('SYSTEM TABLE');
  });

  it('every row of every table has one value per column, and integers are bigint', () => {
    for (const tenantId of [1, 1002]) {
      const c = createCatalog(cluster.state, cluster.state.nowUs, tenantId);
      for (const t of c.tables('oceanbase')!) {
        for (const row of t.rows()) {
          expect(row).toHaveLength(t.columns.length);
          t.columns.forEach((col, i) => {
            const v = row[i];
            if (col.type.base === 'bigint' && v !== null) expect(typeof v, `${t.name}.${col.name}`).toBe('bigint');
          });
        }
      }
    }
  });
});
