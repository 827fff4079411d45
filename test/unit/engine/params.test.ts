import { describe, expect, it } from 'vitest';
import { assertInvariants, createCluster, execute, stableJson, versionsAt } from '../../../src/engine/index.js';
import type { BackupStatement, ControlStatement } from '../../../grammar/ast.js';
import {
  START_US,
  SYS,
  T1,
  T2,
  advanceTime,
  archivelog,
  backup,
  fails,
  newCluster,
  ok,
  session,
  set,
  step,
  tenant,
} from './helpers.js';

describe('parameters and dests (statements.md §4, §7)', () => {
  it('§4.7: ha_low_thread_score accepts 0-100 per tenant; out of range gives OB_INVALID_CONFIG (checked: verify_config)', () => {
    const c = newCluster();
    ok(c, session(T1), set('ha_low_thread_score', 10));
    expect(tenant(c, T1).parameters.ha_low_thread_score).toBe(10);
    const e = fails(c, session(T1), set('ha_low_thread_score', 101));
    expect([e.code, e.errno, e.message]).toEqual([-4147, 4147, 'Invalid config']);
    expect(fails(c, session(T1), set('ha_low_thread_score', 'x')).name).toBe('OB_INVALID_CONFIG');
  });

  it('§4.7: from sys, TENANT = all_user and all mean all user tenants; a name means that tenant', () => {
    const c = newCluster();
    ok(c, session(SYS), set('ha_low_thread_score', 7, 'all_user'));
    expect([tenant(c, T1).parameters.ha_low_thread_score, tenant(c, T2).parameters.ha_low_thread_score]).toEqual([7, 7]);
    ok(c, session(SYS), set('ha_low_thread_score', 3, 'all'));
    ok(c, session(SYS), set('HA_LOW_THREAD_SCORE', 9, 'MYSQL_TENANT'));
    expect([tenant(c, T1).parameters.ha_low_thread_score, tenant(c, T2).parameters.ha_low_thread_score]).toEqual([9, 3]);
    expect(fails(c, session(SYS), set('ha_low_thread_score', 1, 'nope')).errno).toBe(5160);
  });

  it('§4.2 checks 1-2: TENANT = from a user tenant → 1227; backup and non-backup items together → not supported', () => {
    const c = newCluster();
    expect(fails(c, session(T1), set('ha_low_thread_score', 1, 'mysql_tenant')).message).toBe('Access denied');
    const mixed: BackupStatement = {
      kind: 'AlterSystemSet',
      items: [
        { name: 'data_backup_dest', value: { kind: 'StringValue', value: 'file:///d' } },
        { name: 'ha_low_thread_score', value: { kind: 'NumberValue', text: '1' } },
      ],
    };
    expect(fails(c, session(T1), mixed).message).toBe(
      'backup configuration items cannot be set together with non data backup configuration items not supported',
    );
  });

  it('§7.2: malformed dests give OB_INVALID_BACKUP_DEST, OB_INVALID_ARGUMENT or 9113 in the documented cases', () => {
    const c = newCluster();
    const ctx = session(T1);
    for (const bad of ['nfs:///x', 'file://relative', 'file:///x?host=h', 'oss://b/d?host=h&access_id=a', 'oss://b/d']) {
      expect(fails(c, ctx, set('data_backup_dest', bad)).name).toBe('OB_INVALID_BACKUP_DEST');
    }
    expect(fails(c, ctx, set('data_backup_dest', 'oss://b/d?host=h&access_id=a&access_key=k&s3_region=r')).name).toBe('OB_INVALID_ARGUMENT');
    expect(fails(c, ctx, set('data_backup_dest', 'oss://b/d?host=h&access_id=a&access_key=k&delete_mode=x')).name).toBe('OB_INVALID_ARGUMENT');
    expect(fails(c, ctx, set('data_backup_dest', 'oss://b/d?host=h&access_id=a&access_key=k&checksum_type=crc32')).message).toBe(
      'checksum type crc32 is not supported for the input destination',
    );
    ok(c, ctx, set('data_backup_dest', 'oss://b/d?host=oss.example.com&access_id=a&access_key=k&delete_mode=delete'));
    const dest = tenant(c, T1).backup!.dataBackupDest!;
    expect([dest.root, dest.path, dest.endpoint, dest.extension]).toEqual(['oss://b/d', 'oss://b/d?host=oss.example.com', 'host=oss.example.com', 'delete_mode=delete']);
    expect(dest.path).not.toContain('access_key');
  });

  it('§4.3 / §7.3: a directory belongs to one tenant and one purpose (9081); sys cannot have a data dest; dest ids from 1001', () => {
    const c = newCluster();
    ok(c, session(T1), set('log_archive_dest', 'location=file:///b/archive'));
    ok(c, session(T1), set('data_backup_dest', 'file:///b/data/'));
    const b = tenant(c, T1).backup!;
    expect([b.archiveDests[0]!.destId, b.dataBackupDest!.destId, b.dataBackupDest!.root]).toEqual([1001, 1002, 'file:///b/data']);
    expect(fails(c, session(T1), set('data_backup_dest', 'file:///b/archive')).errno).toBe(9081);
    expect(fails(c, session(T2), set('data_backup_dest', 'file:///b/data')).errno).toBe(9081);
    expect(fails(c, session(SYS), set('data_backup_dest', 'file:///s')).message).toBe('Not supported feature or function');
    expect(b.storageInfo.map((r) => [r.destId, r.destType, r.path])).toEqual([
      [1001, 'archive_log', 'file:///b/archive'],
      [1002, 'backup_data', 'file:///b/data'],
    ]);
    // Only data_backup_dest is a DBA_OB_BACKUP_PARAMETER row; the archive dest is in DBA_OB_ARCHIVE_DEST.
    expect(b.parameterRows.map((r) => r.name)).toEqual(['data_backup_dest']);
  });

  it('§4.3 check 4: data_backup_dest cannot change while a backup job exists (9036)', () => {
    const c = newCluster();
    const ctx = session(T1);
    ok(c, ctx, set('log_archive_dest', 'location=file:///b/archive'));
    ok(c, ctx, set('data_backup_dest', 'file:///b/data'));
    ok(c, ctx, archivelog());
    step(c, 5000);
    ok(c, ctx, backup());
    expect(fails(c, ctx, set('data_backup_dest', 'file:///b/data2')).errno).toBe(9036);
  });

  it('§4.4: log_archive_dest checks: unknown key, no location, running, piece interval, lag target, compression', () => {
    const c = newCluster();
    const ctx = session(T1);
    expect(fails(c, ctx, set('log_archive_dest', 'location=file:///a foo=1')).message).toBe('Not supported feature or function');
    expect(fails(c, ctx, set('log_archive_dest', 'binding=optional')).message).toBe('set archive dest without location is not supported');
    expect(fails(c, ctx, set('log_archive_dest', 'location=file:///a piece_switch_interval=8d')).message).toBe(
      'invalid piece_switch_interval out of range [1d,7d] is not supported',
    );
    expect(fails(c, ctx, set('log_archive_dest', 'location=file:///a lag_target=2h')).name).toBe('OB_INVALID_ARGUMENT');
    expect(fails(c, ctx, set('log_archive_dest', 'location=file:///a compression=zstd')).name).toBe('OB_NOT_SUPPORTED');
    ok(c, ctx, set('log_archive_dest', 'LOCATION=file:///a BINDING=mandatory PIECE_SWITCH_INTERVAL=2d'));
    expect(tenant(c, T1).backup!.archiveDests[0]!.binding).toBe('MANDATORY');
    ok(c, ctx, archivelog());
    step(c, 5000);
    expect(fails(c, ctx, set('log_archive_dest', 'location=file:///b')).message).toBe(
      'change archive dest when archive is running is not supported',
    );
    expect(fails(c, ctx, set('log_archive_dest', '')).message).toBe('change archive dest when archive is running is not supported');
    expect(fails(c, ctx, set('log_archive_dest_state', 'sleep')).name).toBe('OB_INVALID_ARGUMENT');
  });
});

describe('tenants, statements 4.2 refuses, control statements (issue 3 items 1, 10; statements.md §3.3-§3.5)', () => {
  it('item 1: default tenants are mysql_tenant 1002 (MySQL) and oracle_tenant 1004 (Oracle) with meta tenants 1001, 1003', () => {
    const c = newCluster();
    expect(c.state.tenants.map((t) => [t.id, t.name, t.type, t.compatibilityMode])).toEqual([
      [1, 'sys', 'SYS', 'MYSQL'],
      [1001, 'META$1002', 'META', 'MYSQL'],
      [1002, 'mysql_tenant', 'USER', 'MYSQL'],
      [1003, 'META$1004', 'META', 'MYSQL'],
      [1004, 'oracle_tenant', 'USER', 'ORACLE'],
    ]);
  });

  it('item 1: CREATE TENANT takes the next even id; duplicates give 5156; DROP of a missing tenant 5157', () => {
    const c = newCluster();
    const sys = session(SYS);
    ok(c, sys, { kind: 'CreateTenant', ifNotExists: false, name: 't3', options: [], variables: [{ name: 'ob_compatibility_mode', value: { kind: 'StringValue', value: 'oracle' } }] });
    expect(tenant(c, 1006).compatibilityMode).toBe('ORACLE');
    expect(fails(c, sys, { kind: 'CreateTenant', ifNotExists: false, name: 'T3', options: [], variables: [] }).message).toBe("tenant 'T3' already exist");
    ok(c, sys, { kind: 'DropTenant', ifExists: false, name: 't3', force: true, purge: false });
    expect(fails(c, sys, { kind: 'DropTenant', ifExists: false, name: 't3', force: true, purge: false }).message).toBe("Unknown tenant 't3'");
    ok(c, sys, { kind: 'DropTenant', ifExists: true, name: 't3', force: true, purge: false });
    expect(fails(c, session(T1), { kind: 'CreateTenant', ifNotExists: false, name: 'x', options: [], variables: [] }).errno).toBe(1227);
  });

  it('§3.3-§3.5: unsupported BACKUP MANAGE forms, DELETE BACKUPSET, BACKUP KEY (CE: Parse error); CANCEL DELETE succeeds', () => {
    const c = newCluster();
    const sys = session(SYS);
    expect(fails(c, sys, { kind: 'BackupManage', action: 'SUSPEND_BACKUP', id: null, copy: null }).errno).toBe(1235);
    const del = (action: 'DELETE_BACKUP_SET' | 'CANCEL_DELETE', tenants: string[] | null): BackupStatement => ({ kind: 'BackupClean', action, id: '1', copy: null, tenants, description: null });
    expect(fails(c, sys, del('DELETE_BACKUP_SET', ['mysql_tenant'])).message).toBe('function is not supported');
    expect(fails(c, sys, del('DELETE_BACKUP_SET', null)).message).toBe('need to specify a tenant name not supported');
    expect(fails(c, sys, del('DELETE_BACKUP_SET', ['mysql_tenant', 'oracle_tenant'])).message).toBe(
      'Too many tenant names specified, only one tenant name can be specified not supported',
    );
    ok(c, sys, del('CANCEL_DELETE', null));
    const key = fails(c, sys, { kind: 'BackupKey', tenants: null, dest: null, encryptedBy: null });
    expect([key.errno, key.message]).toEqual([1064, 'Parse error']);
  });

  it('§3.4: delete policy `default` for exactly one tenant, with the resolver messages', () => {
    const c = newCluster();
    const sys = session(SYS);
    const policy = (p: Partial<Extract<BackupStatement, { kind: 'DeletePolicy' }>>): BackupStatement => ({
      kind: 'DeletePolicy', action: 'ADD', name: 'default', recoveryWindow: '7d', redundancy: null, backupCopies: null, tenants: ['mysql_tenant'], ...p,
    });
    expect(fails(c, sys, policy({ name: 'p1' })).message).toBe("The policy name is not 'default', it is not supported");
    expect(fails(c, sys, policy({ tenants: null })).message).toBe('Too little tenant names specified, only one tenant name can be specified not supported');
    expect(fails(c, sys, policy({ recoveryWindow: null })).message).toBe('Neither recovery_window nor redundancy is set not supported');
    expect(fails(c, sys, policy({ recoveryWindow: 'week' })).message).toBe('recovery window is not be time string not supported');
    expect(fails(c, sys, policy({ redundancy: '2' })).message).toBe('Redundancy not equal to 1 is not supported');
    ok(c, sys, policy({}));
    expect(tenant(c, T1).backup!.deletePolicies).toEqual([{ policyName: 'default', recoveryWindow: '7d', redundancy: 1, backupCopies: 0 }]);
    expect(fails(c, sys, policy({})).name).toBe('OB_ERR_PRIMARY_KEY_DUPLICATE');
    ok(c, session(T1), policy({ action: 'DROP', tenants: null }));
    expect(fails(c, session(T1), policy({ action: 'DROP', tenants: null })).name).toBe('OB_ENTRY_NOT_EXIST');
  });

  it('emulator.md control: ADVANCE TIME, WRITE MACROBLOCKS (versions reconstructible), SET WRITE RATE, SHOW STATUS, RESET', () => {
    const c = newCluster({ writeRateBytesPerSec: 0 });
    const ctx = session(T1);
    ok(c, ctx, advanceTime(2, 'MINUTES'));
    expect(c.state.nowUs).toBe(START_US + 120_000_000);
    ok(c, ctx, { kind: 'EmulatorWriteMacroblocks', count: '3', tenant: null });
    const data = tenant(c, T1).backup!.data;
    expect(data.changes.length).toBe(3);
    expect(Array.from(versionsAt(data, c.state.nowUs)).reduce((a, b) => a + b, 0)).toBe(3);
    expect(Array.from(versionsAt(data, c.state.nowUs - 1)).reduce((a, b) => a + b, 0)).toBe(0);
    // Another tenant is sys's to change (1227 from a user tenant, issue 18).
    expect(fails(c, ctx, { kind: 'EmulatorSetWriteRate', mbPerSecond: '2', tenant: 'oracle_tenant' }).name).toBe('OB_ERR_NO_PRIVILEGE');
    ok(c, session(SYS), { kind: 'EmulatorSetWriteRate', mbPerSecond: '2', tenant: 'oracle_tenant' });
    ok(c, ctx, advanceTime(10));
    expect(tenant(c, T2).backup!.data.changes.length).toBe(10);
    expect(fails(c, session(SYS), { kind: 'EmulatorWriteMacroblocks', count: '1', tenant: null }).name).toBe('OB_INVALID_ARGUMENT');
    // The steady workload's change log bounds memory, so its rate is capped (a fuzzer's 100 GB/s took 3.8 GB).
    expect(fails(c, ctx, { kind: 'EmulatorSetWriteRate', mbPerSecond: '100.5', tenant: null }).message).toBe(
      'Incorrect arguments to WRITE RATE, it should be between 0 and 100 MB per second',
    );
    ok(c, ctx, { kind: 'EmulatorSetWriteRate', mbPerSecond: '100', tenant: null });
    const status = execute(c, ctx, { kind: 'ShowEmulatorStatus' });
    expect(status.kind === 'status' && [status.status.clockMode, status.status.nowUs, status.status.seed]).toEqual(['MANUAL', c.state.nowUs, 42]);
    // RESET goes back to the start-up state, time included, so the before/after history check does not apply.
    // RESET rebuilds the whole cluster: a user tenant may not (1227), sys may.
    expect(fails(c, ctx, { kind: 'EmulatorReset' }).name).toBe('OB_ERR_NO_PRIVILEGE');
    expect(execute(c, session(SYS), { kind: 'EmulatorReset' })).toEqual({ kind: 'ok', affectedRows: 0 });
    assertInvariants(c);
    expect(c.state.nowUs).toBe(START_US);
    expect(stableJson(c.state)).toBe(stableJson(newCluster({ writeRateBytesPerSec: 0 }).state));
    expect(fails(c, ctx, { kind: 'EmulatorSetClock', mode: 'REALTIME', speed: null }).name).toBe('OB_NOT_SUPPORTED');
  });

  it('issue 3 item 2: REALTIME mode derives virtual time from the injected clock times the speed', () => {
    let real = 5_000_000;
    const c = createCluster({ startTimeUs: START_US, clock: { mode: 'REALTIME', speed: 10 } }, { now: () => real });
    real += 1_000_000;
    execute(c, session(T1), { kind: 'ShowEmulatorStatus' });
    expect(c.state.nowUs).toBe(START_US + 10_000_000);
    execute(c, session(T1), { kind: 'EmulatorSetClock', mode: 'MANUAL', speed: null });
    real += 1_000_000;
    execute(c, session(T1), { kind: 'ShowEmulatorStatus' });
    expect(c.state.nowUs).toBe(START_US + 10_000_000);
  });

  it('Must show, determinism: the same statements with a fixed seed, start time and manual clock give identical state', () => {
    const script: (BackupStatement | ControlStatement)[] = [
      set('log_archive_dest', 'location=file:///b/archive'),
      set('data_backup_dest', 'file:///b/data'),
      archivelog(),
      advanceTime(10),
      backup({ plusArchivelog: true }),
      advanceTime(2, 'MINUTES'),
      { kind: 'EmulatorWriteMacroblocks', count: '7', tenant: null },
      backup({ incremental: true }),
      advanceTime(1, 'HOURS'),
    ];
    const runOnce = (): string => {
      const c = newCluster();
      const ctx = session(T1);
      for (const s of script) execute(c, ctx, s);
      return stableJson(c.state);
    };
    const a = runOnce();
    expect(a).toBe(runOnce());
    expect(a).toContain('"backupType":"INC"');
    const other = newCluster({ seed: 43 });
    expect(stableJson(other.state)).not.toBe(stableJson(newCluster().state));
  });
});
