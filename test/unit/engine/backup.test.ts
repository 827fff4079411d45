import { describe, expect, it } from 'vitest';
import { advance, countChangedBetween } from '../../../src/engine/index.js';
import {
  SYS,
  T1,
  T2,
  advanceTime,
  archivelog,
  backup,
  fails,
  finishJobs,
  newCluster,
  ok,
  readyTenant,
  session,
  set,
  step,
  tenant,
} from './helpers.js';

describe('data backup (statements.md §3.2, views.md §9.1-§9.4, §10, §11)', () => {
  it('§9.1-§9.2: a poller advancing in small steps sees INIT, DOING, COMPLETED and every task phase in order', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    ok(c, ctx, backup());
    const b = tenant(c, T1).backup!;
    expect(b.jobs[0]!.status).toBe('INIT');
    const jobSeen: string[] = [];
    const taskSeen: string[] = [];
    for (let i = 0; i < 400 && b.jobHistory.length === 0; i++) {
      step(c, 250, 250);
      const j = b.jobs[0] ?? b.jobHistory[0];
      const t = b.tasks[0] ?? b.taskHistory[0];
      if (j && jobSeen[jobSeen.length - 1] !== j.status) jobSeen.push(j.status);
      if (t && taskSeen[taskSeen.length - 1] !== t.status) taskSeen.push(t.status);
    }
    expect(jobSeen).toEqual(['INIT', 'DOING', 'COMPLETED']);
    expect(taskSeen).toEqual([
      'INIT', 'BACKUP_SYS_META', 'BACKUP_USER_META', 'BACKUP_DATA_SYS', 'BACKUP_DATA_MINOR', 'BACKUP_DATA_MAJOR', 'COMPLETED',
    ]);
    const job = b.jobHistory[0]!;
    const elapsedS = (job.endUs - job.startUs) / 1e6;
    expect(elapsedS).toBeGreaterThanOrEqual(10);
    expect(elapsedS).toBeLessThanOrEqual(35);
    const set0 = b.setFiles[0]!;
    expect([set0.status, set0.fileStatus, set0.backupType, set0.destId, set0.path]).toEqual([
      'SUCCESS', 'AVAILABLE', 'FULL', 1002, 'file:///backup/1002/data',
    ]);
    expect(set0.macroBlockCount).toBe(b.data.macroBlockCount);
    expect(set0.minRestoreScnDisplay).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9}$/);
  });

  it('§9.2: PLUS ARCHIVELOG adds BEFORE_BACKUP_LOG and BACKUP_LOG; DESCRIPTION is stored', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    ok(c, ctx, backup({ plusArchivelog: true, description: 'nightly' }));
    finishJobs(c, T1);
    const b = tenant(c, T1).backup!;
    expect(b.taskHistory[0]!.statusLog.map((x) => x.to)).toContain('BEFORE_BACKUP_LOG');
    expect(b.taskHistory[0]!.statusLog.map((x) => x.to).slice(-3)).toEqual(['BEFORE_BACKUP_LOG', 'BACKUP_LOG', 'COMPLETED']);
    expect([b.jobHistory[0]!.plusArchivelog, b.jobHistory[0]!.description]).toEqual([true, 'nightly']);
  });

  it('§9.1 step 1 / §10.4: INC without a base set runs as FULL; the next INC builds on it with PREV ids', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    ok(c, ctx, backup({ incremental: true }));
    expect(tenant(c, T1).backup!.jobs[0]!.backupType).toBe('FULL');
    finishJobs(c, T1);
    ok(c, ctx, advanceTime(10, 'MINUTES'));
    ok(c, ctx, { kind: 'EmulatorWriteMacroblocks', count: '5', tenant: null });
    ok(c, ctx, backup({ incremental: true }));
    finishJobs(c, T1);
    ok(c, ctx, backup({ incremental: true }));
    finishJobs(c, T1);
    const sets = tenant(c, T1).backup!.setFiles;
    expect(sets.map((s) => [s.backupSetId, s.backupType, s.prevFullBackupSetId, s.prevIncBackupSetId])).toEqual([
      [1, 'FULL', 0, 0],
      [2, 'INC', 1, 1],
      [3, 'INC', 1, 2],
    ]);
  });

  it('issue 3 item 6: an INC copies exactly the distinct macroblocks changed since the base set, and visits every tablet', () => {
    const c = newCluster({ writeRateBytesPerSec: 0 });
    const ctx = readyTenant(c);
    ok(c, ctx, backup());
    finishJobs(c, T1);
    ok(c, ctx, { kind: 'EmulatorWriteMacroblocks', count: '20', tenant: null });
    const data = tenant(c, T1).backup!.data;
    const base = tenant(c, T1).backup!.setFiles[0]!;
    const expected = countChangedBetween(data.changes, base.snapshotUs, c.state.nowUs);
    expect(expected).toBeGreaterThan(10);
    expect(expected).toBeLessThanOrEqual(20);
    ok(c, ctx, backup({ incremental: true }));
    finishJobs(c, T1);
    const [full, inc] = tenant(c, T1).backup!.setFiles;
    expect(inc!.macroBlockCount).toBe(expected);
    expect(inc!.tabletCount).toBe(full!.tabletCount);
    expect(inc!.inputBytes).toBeLessThan(full!.inputBytes);
  });

  it('§4.7: a higher ha_low_thread_score makes a FULL faster', () => {
    const durations: number[] = [];
    for (const score of [0, 8]) {
      const c = newCluster({ macroBlocksPerTenant: 400 });
      const ctx = readyTenant(c);
      ok(c, ctx, set('ha_low_thread_score', score));
      ok(c, ctx, backup());
      finishJobs(c, T1);
      const j = tenant(c, T1).backup!.jobHistory[0]!;
      durations.push(j.endUs - j.startUs);
    }
    expect(durations[1]!).toBeLessThan(durations[0]! / 2);
  });

  it('§10.6: START_REPLAY_SCN <= START_SCN < USER_LS_START_SCN < CONSISTENT_SCN < END_SCN = MIN_RESTORE_SCN', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    step(c, 300_000, 10_000);
    ok(c, ctx, backup());
    finishJobs(c, T1);
    const b = tenant(c, T1).backup!;
    const [task, s] = [b.taskHistory[0]!, b.setFiles[0]!];
    expect(s.startReplayScn < task.startScn).toBe(true);
    expect(task.startScn < task.userLsStartScn && task.userLsStartScn < s.consistentScn && s.consistentScn < task.endScn).toBe(true);
    expect(task.endScn).toBe(s.minRestoreScn);
  });

  it('§3.2 RS checks 1-4: no dest → bare 9040; second backup → 9036; archive not doing → 9040 with reason', () => {
    const c = newCluster();
    const ctx = session(T1);
    const e1 = fails(c, ctx, backup());
    expect([e1.errno, e1.message]).toEqual([9040, 'backup can not start']);
    ok(c, ctx, set('data_backup_dest', 'file:///backup/data'));
    expect(fails(c, ctx, backup()).message).toBe('backup can not start, because log archive status is not doing.');
    ok(c, ctx, set('log_archive_dest', 'location=file:///backup/archive'));
    ok(c, ctx, archivelog());
    step(c, 5000);
    ok(c, ctx, backup());
    const e3 = fails(c, ctx, backup());
    expect([e3.errno, e3.message]).toEqual([9036, 'Backup is in progress']);
  });

  it('§3.2 resolver: TENANT form from a user tenant, TO dest, empty DESCRIPTION, sys without list', () => {
    const c = newCluster();
    expect(fails(c, session(T1), backup({ tenantForm: true })).message).toBe('user tenant cannot specify tenant names not supported');
    expect(fails(c, session(T1), backup({ dest: 'file:///x' })).message).toBe('backup do not support using specify path not supported');
    expect(fails(c, session(T1), backup({ description: '' })).errno).toBe(1149);
    expect(fails(c, session(SYS), backup({ tenantForm: true })).message).toBe('No tenant name specified not supported');
    expect(fails(c, session(SYS), backup({ tenantForm: true, tenants: ['nope'] })).errno).toBe(5160);
    const e = fails(c, session(SYS), backup({ tenantForm: true, tenants: ['sys'] }));
    expect([e.code, e.errno, e.message]).toEqual([-4016, 4016, 'Internal error']);
  });

  it('§3.2 sys with no list: no eligible tenant gives 9040 with the U+FFFC message; ineligible tenants are skipped', () => {
    const c = newCluster();
    const e = fails(c, session(SYS), backup());
    expect(e.message).toContain(', \uFFFCplease check the tenant status');
    expect(Buffer.from(e.message, 'utf8').includes(Buffer.from([0xef, 0xbf, 0xbc]))).toBe(true);
    readyTenant(c, T1);
    ok(c, session(SYS), backup());
    const sysJob = tenant(c, SYS).backup!.jobs[0]!;
    expect([sysJob.jobLevel, sysJob.backupSetId, sysJob.initiatorJobId, sysJob.executorTenantIds, sysJob.path]).toEqual([
      'CLUSTER', 0, sysJob.jobId, [T1], '',
    ]);
  });

  it('§3.2 sys with a list: per-tenant reasons in source order', () => {
    const c = newCluster();
    readyTenant(c, T1);
    expect(fails(c, session(SYS), backup({ tenantForm: true, tenants: ['mysql_tenant', 'oracle_tenant'] })).message).toBe(
      'backup can not start, because log archive status is not doing.',
    );
    const ctx2 = session(T2);
    ok(c, ctx2, set('log_archive_dest', 'location=file:///b2/archive'));
    ok(c, ctx2, archivelog());
    step(c, 5000);
    expect(fails(c, session(SYS), backup({ tenantForm: true, tenants: ['oracle_tenant'] })).message).toBe(
      'backup can not start, because backup dest is not set.',
    );
  });

  it('§9.3: a sys job has one USER_TENANT child per tenant and completes when every child is gone', () => {
    const c = newCluster();
    readyTenant(c, T1);
    readyTenant(c, T2);
    ok(c, session(SYS), backup({ tenantForm: true, tenants: ['mysql_tenant', 'oracle_tenant', 'mysql_tenant'] }));
    step(c, 2000);
    for (const id of [T1, T2]) {
      const child = tenant(c, id).backup!.jobs[0]!;
      expect([child.initiatorTenantId, child.initiatorJobId, child.jobLevel, child.jobId, child.backupSetId]).toEqual([SYS, 1, 'USER_TENANT', 1, 1]);
    }
    finishJobs(c, T1);
    finishJobs(c, T2);
    finishJobs(c, SYS);
    expect(tenant(c, SYS).backup!.jobHistory.map((j) => [j.status, j.executorTenantIds])).toEqual([['COMPLETED', [T1, T2]]]);
  });

  it('§3.2 asynchronous failure: archive stopped while running fails the job with -9029; the set is FAILED / INCOMPLETE', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    ok(c, ctx, backup());
    step(c, 5000);
    ok(c, ctx, archivelog(false));
    finishJobs(c, T1);
    const b = tenant(c, T1).backup!;
    expect([b.jobHistory[0]!.status, b.jobHistory[0]!.result]).toEqual(['FAILED', -9029]);
    expect(b.jobHistory[0]!.comment).toMatch(/^\(ROOTSERVICE\)addr: .*result: -9029\(log archive is not running\), trace_id: /);
    expect([b.setFiles[0]!.status, b.setFiles[0]!.fileStatus]).toEqual(['FAILED', 'INCOMPLETE']);
    expect(b.counters.backupSetId).toBe(2);
  });

  it('§3.3 cancel: INIT / DOING → CANCELING → CANCELED with RESULT -4072; nothing running is a success', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    ok(c, ctx, { kind: 'CancelBackup', tenants: null });
    ok(c, ctx, backup());
    step(c, 6000);
    ok(c, ctx, { kind: 'CancelBackup', tenants: null });
    expect(tenant(c, T1).backup!.jobs[0]!.status).toBe('CANCELING');
    finishJobs(c, T1);
    const b = tenant(c, T1).backup!;
    expect(b.jobHistory[0]!.statusLog.map((x) => x.to)).toEqual(['INIT', 'DOING', 'CANCELING', 'CANCELED']);
    expect(b.jobHistory[0]!.result).toBe(-4072);
    expect(b.taskHistory[0]!.status).toBe('CANCELED');
    expect(b.setFiles[0]!.fileStatus).toBe('INCOMPLETE');
    expect(fails(c, ctx, { kind: 'CancelBackup', tenants: ['x'] }).message).toBe('Not supported feature or function');
  });

  it('§8.3: SET ENCRYPTION then BACKUP records PASSWORD and the stage-2 hash; another session records NONE', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    ok(c, ctx, { kind: 'SetEncryption', password: 'secret' });
    expect(ctx.vars.get('__ob_backup_encryption_mode__')).toBe('PASSWORD');
    // SHA1(SHA1('secret')), as MySQL's PASSWORD('secret').
    expect(ctx.vars.get('__ob_backup_encryption_passwd__')).toBe('*14E65567ABDB5135D0CFD9A70B3032C179A49EE7');
    ok(c, ctx, backup());
    const job = tenant(c, T1).backup!.jobs[0]!;
    expect([job.encryptionMode, job.passwd]).toEqual(['PASSWORD', '*14E65567ABDB5135D0CFD9A70B3032C179A49EE7']);
    finishJobs(c, T1);
    expect(tenant(c, T1).backup!.setFiles[0]!.encryptionMode).toBe('PASSWORD');
    ok(c, session(T1), backup());
    expect(tenant(c, T1).backup!.jobs[0]!.encryptionMode).toBe('NONE');
    ctx.vars.set('__ob_backup_encryption_mode__', 'bogus');
    finishJobs(c, T1);
    expect(fails(c, ctx, backup()).name).toBe('OB_INVALID_ARGUMENT');
  });

  it('§3.6 / §8.4: SET DECRYPTION is sys only and stores the joined stage-2 hashes', () => {
    const c = newCluster();
    expect(fails(c, session(T1), { kind: 'SetDecryption', passwords: ['a'] }).message).toBe('non-sys tenant set decryption is not supported');
    const sys = session(SYS);
    ok(c, sys, { kind: 'SetDecryption', passwords: ['a', 'b'] });
    expect(sys.vars.get('__ob_backup_decryption_passwd_array__')!.split(',')).toHaveLength(2);
  });

  it('ids: JOB_ID, TASK_ID and BACKUP_SET_ID are per-tenant counters from 1; failed and canceled sets consume ids', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    for (let i = 0; i < 3; i++) {
      ok(c, ctx, backup());
      if (i === 1) ok(c, ctx, { kind: 'CancelBackup', tenants: null });
      finishJobs(c, T1);
    }
    const b = tenant(c, T1).backup!;
    expect(b.jobHistory.map((j) => [j.jobId, j.backupSetId, j.status])).toEqual([
      [1, 1, 'COMPLETED'],
      [2, 2, 'CANCELED'],
      [3, 3, 'COMPLETED'],
    ]);
    advance(c, 1000);
  });
});
