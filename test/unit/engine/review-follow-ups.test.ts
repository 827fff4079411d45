/**
 * Review follow-ups: archive_lag_target is a tenant parameter (ob_parameter_seed.ipp), the backup data scheduler's
 * rootservice events start_backup_data / cancel_backup_data (ob_backup_data_scheduler.cpp), and
 * updata_backup_file_status_ (ob_backup_dest_mgr: a dest directory re-registered without its format file gets a new
 * dest id and the old dest's sets or pieces become DELETED; statements.md §7.4).
 */
import { describe, expect, it } from 'vitest';
import { isObError } from '../../../src/errors.js';
import { createEmulator } from '../../../src/index.js';
import type { Cluster, RootserviceEvent } from '../../../src/engine/index.js';
import { SYS, T1, archivelog, backup, fails, newCluster, ok, readyTenant, session, set, step, tenant } from './helpers.js';
import { ARCHIVE, DATA, backupNow, sql } from './restore-helpers.js';

const events = (c: Cluster, event: string): RootserviceEvent['values'][] =>
  c.state.rootserviceEvents.filter((e) => e.module === 'backup_data' && e.event === event).map((e) => e.values);

describe('archive_lag_target: DEF_TIME(archive_lag_target, OB_TENANT_PARAMETER, "120s", "[0ms,7200s]")', () => {
  it('obshell\'s ALTER SYSTEM SET ARCHIVE_LAG_TARGET = \'…\' TENANT = t is accepted and stored as typed (default 120s)', () => {
    const c = newCluster();
    expect(tenant(c, T1).parameters.archive_lag_target).toBe('120s');
    ok(c, session(SYS), sql("ALTER SYSTEM SET ARCHIVE_LAG_TARGET = '60s' TENANT = mysql_tenant;"));
    expect(tenant(c, T1).parameters.archive_lag_target).toBe('60s');
    ok(c, session(T1), set('archive_lag_target', '0ms'));
    expect(tenant(c, T1).parameters.archive_lag_target).toBe('0ms');
    ok(c, session(T1), set('archive_lag_target', '7200s'));
    expect(tenant(c, T1).parameters.archive_lag_target).toBe('7200s');
  });

  it('out of [0ms, 7200s] or not a time string: OB_INVALID_CONFIG, nothing changes (checked: verify_config)', () => {
    const c = newCluster();
    expect(fails(c, session(T1), set('archive_lag_target', '7201s')).name).toBe('OB_INVALID_CONFIG');
    expect(fails(c, session(T1), set('archive_lag_target', '3h')).name).toBe('OB_INVALID_CONFIG');
    expect(fails(c, session(T1), set('archive_lag_target', 'soon')).name).toBe('OB_INVALID_CONFIG');
    expect(fails(c, session(SYS), set('archive_lag_target', '1s', 'nope')).errno).toBe(5160);
    expect(tenant(c, T1).parameters.archive_lag_target).toBe('120s');
  });

  it('it is not a backup parameter: it cannot be set together with one (statements.md §4.2 row 2)', () => {
    const c = newCluster();
    const stmt = sql(`ALTER SYSTEM SET archive_lag_target = '60s', data_backup_dest = '${DATA}'`);
    expect(fails(c, session(T1), stmt).name).toBe('OB_NOT_SUPPORTED');
  });

  it('GV$OB_PARAMETERS shows it per tenant (meta tenants too), in section LOGSERVICE; SHOW PARAMETERS the session tenant\'s', () => {
    const emulator = createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 42 });
    const s = emulator.session({ tenant: 'sys', database: 'oceanbase' });
    expect(isObError(s.execute("ALTER SYSTEM SET ARCHIVE_LAG_TARGET = '90s' TENANT = mysql_tenant"))).toBe(false);
    const rs = s.rows("SELECT TENANT_ID, VALUE, SECTION FROM oceanbase.GV$OB_PARAMETERS WHERE NAME = 'archive_lag_target' ORDER BY TENANT_ID");
    if (isObError(rs)) throw new Error(rs.message);
    expect(rs.rows).toEqual([
      [1n, '120s', 'LOGSERVICE'],
      [1001n, '120s', 'LOGSERVICE'],
      [1002n, '90s', 'LOGSERVICE'],
      [1003n, '120s', 'LOGSERVICE'],
      [1004n, '120s', 'LOGSERVICE'],
    ]);
    // SHOW PARAMETERS: `tenant_id = <session tenant> or tenant_id is null` (ob_show_resolver.cpp).
    const show = s.rows("SHOW PARAMETERS LIKE 'archive_lag_target'");
    if (isObError(show)) throw new Error(show.message);
    expect(show.rows.map((r) => r[6])).toEqual(['120s']);
    const t1 = s.rows("SHOW PARAMETERS LIKE 'archive_lag_target' TENANT = mysql_tenant");
    if (isObError(t1)) throw new Error(t1.message);
    expect(t1.rows.map((r) => r[6])).toEqual(['90s']);
  });
});

describe('backup_data rootservice events (ObBackupDataScheduler)', () => {
  it('start_backup_data: tenant_id is the issuing tenant, result 0, written once per accepted BACKUP DATABASE', () => {
    const c = newCluster();
    const t = readyTenant(c);
    expect(fails(c, session(1004), backup()).name).toBe('OB_BACKUP_CAN_NOT_START');
    expect(events(c, 'start_backup_data')).toEqual([]);
    ok(c, t, backup());
    expect(events(c, 'start_backup_data')).toEqual([[['tenant_id', '1002'], ['result', '0']]]);
    // The job is inserted before the event, as in start_backup_data.
    const i = c.state.rootserviceEvents.findIndex((e) => e.event === 'start_backup_data');
    expect(c.state.rootserviceEvents.slice(i).every((e) => e.event === 'start_backup_data')).toBe(true);
    step(c, 120_000);
    ok(c, session(SYS), backup({ plusArchivelog: false }));
    expect(events(c, 'start_backup_data')[1]).toEqual([['tenant_id', '1'], ['result', '0']]);
  });

  it('cancel_backup_data: K(tenant_id), K(backup_tenant_ids), also when nothing runs', () => {
    const c = newCluster();
    readyTenant(c);
    ok(c, session(T1), sql('ALTER SYSTEM CANCEL BACKUP'));
    ok(c, session(SYS), sql('ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant, oracle_tenant'));
    ok(c, session(SYS), sql('ALTER SYSTEM CANCEL BACKUP'));
    expect(events(c, 'cancel_backup_data')).toEqual([
      [['tenant_id', '1002'], ['backup_tenant_ids', '[]']],
      [['tenant_id', '1'], ['backup_tenant_ids', '[1002, 1004]']],
      [['tenant_id', '1'], ['backup_tenant_ids', '[]']],
    ]);
  });
});

describe('updata_backup_file_status_ (statements.md §7.4)', () => {
  /** The emulator has no statement that empties a directory; the test removes the format file as an operator would. */
  function emptyDirectory(c: Cluster, root: string): void {
    c.state.formatFiles = c.state.formatFiles.filter((f) => f.root !== root);
  }

  it('re-setting a dest whose format file is still there changes nothing: same dest id, sets AVAILABLE', () => {
    const c = newCluster();
    const t = readyTenant(c);
    backupNow(c, t);
    const before = tenant(c, T1).backup!.dataBackupDest!.destId;
    ok(c, t, set('data_backup_dest', DATA));
    const b = tenant(c, T1).backup!;
    expect([b.dataBackupDest!.destId, b.setFiles[0]!.destId, b.setFiles[0]!.fileStatus]).toEqual([before, before, 'AVAILABLE']);
  });

  it('a data dest set again after its directory was emptied: new dest id, the old dest\'s sets DELETED', () => {
    const c = newCluster();
    const t = readyTenant(c);
    backupNow(c, t);
    backupNow(c, t, true);
    const b = tenant(c, T1).backup!;
    const old = b.dataBackupDest!.destId;
    emptyDirectory(c, DATA);
    ok(c, t, set('data_backup_dest', DATA));
    expect(b.setFiles.map((s) => [s.destId, s.fileStatus])).toEqual([[old, 'DELETED'], [old, 'DELETED']]);
    expect(b.dataBackupDest!.destId).toBe(old + 1);
    expect(b.storageInfo.filter((r) => r.path === DATA).map((r) => r.destId)).toEqual([old + 1]);
    // The pieces of the archive dest are another dest: untouched.
    expect(b.pieces.every((p) => p.fileStatus !== 'DELETED')).toBe(true);
    // The next backup starts a FULL in the new dest (the old sets are gone).
    expect(backupNow(c, t)).toBe(3);
    expect(b.setFiles[2]!.destId).toBe(old + 1);
  });

  it('an archive dest set again after its directory was emptied: the old dest\'s pieces DELETED', () => {
    const c = newCluster();
    const t = readyTenant(c);
    step(c, 60_000);
    ok(c, t, archivelog(false));
    step(c, 10_000);
    const b = tenant(c, T1).backup!;
    const old = b.archiveDests[0]!.destId;
    expect(b.pieces.length).toBeGreaterThan(0);
    emptyDirectory(c, ARCHIVE);
    ok(c, t, set('log_archive_dest', `location=${ARCHIVE}`));
    expect(b.pieces.every((p) => p.destId === old && p.fileStatus === 'DELETED')).toBe(true);
    expect(b.archiveDests[0]!.destId).not.toBe(old);
    expect(b.setFiles).toEqual([]);
  });
});
