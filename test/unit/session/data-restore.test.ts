/**
 * Rows through backup and restore, end to end in SQL (issue 20): rows written with INSERT / UPDATE / DELETE are
 * in the tenant RESTORE … UNTIL TIME builds exactly as they were committed at that time, a rolled-back
 * transaction never is, and the restored tenant takes writes once ACTIVATE STANDBY has made it a primary.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator, isObError, type EmulatorSession, type StatementResult } from '../../../src/index.js';

function cells(r: StatementResult): unknown {
  if (isObError(r)) return `${r.errno} ${r.message}`;
  if (r.kind === 'rows') return r.resultSet.rows.map((row) => row.map((v) => (typeof v === 'bigint' ? String(v) : v)));
  return 'OK';
}

function ok(s: EmulatorSession, ...sql: string[]): void {
  for (const q of sql) expect(cells(s.execute(q)), q).not.toMatch(/^\d{4} /);
}

describe('rows in backups and restores', () => {
  it('RESTORE UNTIL TIME gives back the rows committed by then, not a rolled-back transaction, and takes writes after ACTIVATE', () => {
    // Manual clock; the cluster's time zone is +08:00, so 03:20 UTC is 11:20 on the wall.
    const emu = createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 7 });
    const t1 = emu.session({ tenant: 'mysql_tenant' });
    const sys = emu.session();
    ok(t1, "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'", "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'", 'ALTER SYSTEM ARCHIVELOG');
    emu.advance('10s');
    ok(t1, 'CREATE TABLE test.t (id INT PRIMARY KEY, v VARCHAR(8))', "INSERT INTO test.t VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    ok(t1, 'CREATE TABLE test.a (id INT AUTO_INCREMENT PRIMARY KEY)', 'INSERT INTO test.a () VALUES ()');
    ok(t1, 'ALTER SYSTEM BACKUP DATABASE');
    emu.advance('10m');
    // 11:30:10: the point to restore to lies after these changes, before the next ones.
    ok(t1, "UPDATE test.t SET v = 'TWO' WHERE id = 2", 'DELETE FROM test.t WHERE id = 3');
    ok(t1, 'BEGIN', "INSERT INTO test.t VALUES (9, 'rolled')", 'ROLLBACK');
    emu.advance('5m');
    ok(t1, 'DELETE FROM test.t');
    emu.advance('10m');
    ok(sys, "CREATE RESOURCE UNIT IF NOT EXISTS ru MAX_CPU 2, MEMORY_SIZE '4G'", "CREATE RESOURCE POOL IF NOT EXISTS rp UNIT = 'ru', UNIT_NUM = 1, ZONE_LIST = ('zone1')");
    ok(sys, "ALTER SYSTEM RESTORE back FROM 'file:///data/nfs/backup/data,file:///data/nfs/backup/archive' UNTIL TIME = '2024-01-31 11:33:00' WITH 'pool_list=rp'");
    emu.advance('10m');
    expect(cells(sys.execute("SELECT DISTINCT STATUS FROM oceanbase.CDB_OB_RESTORE_HISTORY WHERE RESTORE_TENANT_NAME = 'back'"))).toEqual([['SUCCESS']]);
    const back = emu.session({ tenant: 'back' });
    expect(cells(back.execute('SELECT id, v FROM test.t ORDER BY id'))).toEqual([['1', 'one'], ['2', 'TWO']]);
    expect(cells(t1.execute('SELECT COUNT(*) FROM test.t'))).toEqual([['0']]);
    // A restored tenant is a standby until activated: read only.
    expect(cells(back.execute("INSERT INTO test.t VALUES (5, 'five')"))).toMatch(/^4688 /);
    // Even the AUTO_INCREMENT value an insert would take is refused, before any row.
    expect(cells(back.execute('INSERT INTO test.a () VALUES ()'))).toMatch(/^4688 /);
    ok(sys, 'ALTER SYSTEM ACTIVATE STANDBY TENANT = back');
    emu.advance('1m');
    ok(back, "INSERT INTO test.t VALUES (5, 'five')");
    expect(cells(back.execute('SELECT id FROM test.t ORDER BY id'))).toEqual([['1'], ['2'], ['5']]);
    ok(back, 'INSERT INTO test.a () VALUES ()');
    expect(cells(back.execute('SELECT id FROM test.a ORDER BY id'))).toEqual([['1'], ['2']]);
  });
});
