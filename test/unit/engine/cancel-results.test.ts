/**
 * Cancel and sys-job results, each rule checked against OceanBase's source (ob_backup_data_scheduler.cpp,
 * ob_backup_data_set_task_mgr.cpp, ob_backup_data_table_operator.cpp): what RESULT and COMMENT the job, the set task
 * and the set file show after a cancel, and what a sys (CLUSTER) job learns from its children.
 */
import { describe, expect, it } from 'vitest';
import type { BackupJob } from '../../../src/engine/index.js';
import { SYS, T1, T2, archivelog, backup, finishJobs, newCluster, ok, readyTenant, session, step, tenant } from './helpers.js';

const sysHistory = (c: ReturnType<typeof newCluster>): [string, number][] =>
  tenant(c, SYS).backup!.jobHistory.map((j: BackupJob) => [j.status, j.result]);

describe('report_failed_to_initiator_ (ob_backup_data_scheduler.cpp): any non-zero child RESULT reaches the sys job', () => {
  it('a child canceled with TENANT = … hands -4072 to its DOING sys job, which then ends FAILED with -4072', () => {
    const c = newCluster();
    readyTenant(c, T1);
    readyTenant(c, T2);
    ok(c, session(SYS), backup());
    step(c, 5000);
    ok(c, session(SYS), { kind: 'CancelBackup', tenants: ['oracle_tenant'] });
    finishJobs(c, T2);
    // The canceled child is in the history and the sys job, still DOING, already carries its result.
    const sysJob = tenant(c, SYS).backup!.jobs[0]!;
    expect([sysJob.status, sysJob.result]).toEqual(['DOING', -4072]);
    finishJobs(c, T1);
    finishJobs(c, SYS);
    expect(tenant(c, T1).backup!.jobHistory.map((j) => [j.status, j.result])).toEqual([['COMPLETED', 0]]);
    expect(sysHistory(c)).toEqual([['FAILED', -4072]]);
  });

  it('only the first non-zero result is kept (the UPDATE has "and result=0"): a failed child first, then a canceled one', () => {
    const c = newCluster();
    const t1 = readyTenant(c, T1);
    readyTenant(c, T2);
    ok(c, session(SYS), backup());
    step(c, 5000);
    ok(c, t1, archivelog(false));
    finishJobs(c, T1);
    expect(tenant(c, SYS).backup!.jobs[0]!.result).toBe(-9029);
    ok(c, session(SYS), { kind: 'CancelBackup', tenants: ['oracle_tenant'] });
    finishJobs(c, T2);
    finishJobs(c, SYS);
    expect(tenant(c, T2).backup!.jobHistory.map((j) => [j.status, j.result])).toEqual([['CANCELED', -4072]]);
    expect(sysHistory(c)).toEqual([['FAILED', -9029]]);
  });

  it('children that complete report nothing: the sys job ends COMPLETED with 0', () => {
    const c = newCluster();
    readyTenant(c, T1);
    ok(c, session(SYS), backup());
    finishJobs(c, T1);
    finishJobs(c, SYS);
    expect(sysHistory(c)).toEqual([['COMPLETED', 0]]);
  });
});

describe('cancel_user_tenant_job_ (ob_backup_data_scheduler.cpp): a canceled sys job ends CANCELED with OB_CANCELED', () => {
  it('CANCEL BACKUP with no list while the sys job is still INIT (no child created): RESULT -4072', () => {
    const c = newCluster();
    readyTenant(c, T1);
    ok(c, session(SYS), backup());
    ok(c, session(SYS), { kind: 'CancelBackup', tenants: null });
    finishJobs(c, SYS);
    expect(tenant(c, T1).backup!.jobHistory).toEqual([]);
    expect(sysHistory(c)).toEqual([['CANCELED', -4072]]);
  });

  it('CANCEL BACKUP with no list while the children run: every job, the sys job included, ends CANCELED with -4072', () => {
    const c = newCluster();
    readyTenant(c, T1);
    readyTenant(c, T2);
    ok(c, session(SYS), backup());
    step(c, 5000);
    ok(c, session(SYS), { kind: 'CancelBackup', tenants: null });
    finishJobs(c, T1);
    finishJobs(c, T2);
    finishJobs(c, SYS);
    for (const id of [T1, T2]) expect(tenant(c, id).backup!.jobHistory.map((j) => [j.status, j.result])).toEqual([['CANCELED', -4072]]);
    expect(sysHistory(c)).toEqual([['CANCELED', -4072]]);
  });
});

describe('set_backup_set_files_failed_ (ob_backup_data_set_task_mgr.cpp): a canceled set copies the job result, still 0', () => {
  it('after CANCEL BACKUP the set row is FAILED / INCOMPLETE with RESULT 0 and COMMENT \'\'; the task row has -4072', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    ok(c, ctx, backup());
    step(c, 6000);
    ok(c, ctx, { kind: 'CancelBackup', tenants: null });
    finishJobs(c, T1);
    const b = tenant(c, T1).backup!;
    const set = b.setFiles[0]!;
    expect([set.status, set.fileStatus, set.result, set.comment]).toEqual(['FAILED', 'INCOMPLETE', 0, '']);
    expect(set.endUs).toBe(b.taskHistory[0]!.endUs);
    expect([b.taskHistory[0]!.status, b.taskHistory[0]!.result]).toEqual(['CANCELED', -4072]);
    expect(b.jobHistory[0]!.result).toBe(-4072);
  });

  it('a failed job\'s set, by contrast, carries the failure (deal_non_reentrant_job sets the job result first)', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    ok(c, ctx, backup());
    step(c, 5000);
    ok(c, ctx, archivelog(false));
    finishJobs(c, T1);
    expect(tenant(c, T1).backup!.setFiles[0]!.result).toBe(-9029);
  });
});

describe('the set task COMMENT after a cancel (update_set_task_to_canceling_, advance_task_status)', () => {
  it('CANCELING writes the job RESULT (0) and no text; CANCELED writes -4072 and ob_strerror(-4072)', () => {
    const c = newCluster();
    const ctx = readyTenant(c);
    ok(c, ctx, backup());
    step(c, 6000);
    ok(c, ctx, { kind: 'CancelBackup', tenants: null });
    step(c, 1000);
    const canceling = tenant(c, T1).backup!.tasks[0]!;
    expect([canceling.status, canceling.result, canceling.comment]).toEqual(['CANCELING', 0, '']);
    finishJobs(c, T1);
    const t = tenant(c, T1).backup!.taskHistory[0]!;
    expect([t.status, t.result, t.comment]).toEqual(['CANCELED', -4072, 'Operation canceled']);
    // The job row gets RESULT -4072 but no COMMENT: advance_job_status does not write one.
    expect([tenant(c, T1).backup!.jobHistory[0]!.result, tenant(c, T1).backup!.jobHistory[0]!.comment]).toEqual([-4072, '']);
  });
});
