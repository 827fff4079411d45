/**
 * `__all_virtual_backup_schedule_task`: the rootservice backup scheduler's queued LS tasks (ObBackupScheduleTask),
 * which obdiag dumps with `SELECT * … where tenant_id = 1002`. While a set task is in a data or log phase, the
 * scheduler holds one task per log stream it works on: the sys LS (1) in BACKUP_SYS_META / BACKUP_DATA_SYS, the
 * user LS (1001) otherwise. The columns are inferred from the scheduler task's fields (the 4.2 DESC was not read).
 */
import type { BackupTask, TaskStatus } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { SYS_TENANT_ID } from './read.js';
import type { Row, ViewDef } from './types.js';
import { int, timestamp } from './values.js';

/** The LS task type and log stream of each set-task phase that schedules LS work (views.md §8.2). */
export const PHASE_TASKS: Partial<Record<TaskStatus, [string, number]>> = {
  BACKUP_SYS_META: ['BACKUP_META', 1],
  BACKUP_USER_META: ['BACKUP_META', 1001],
  BACKUP_DATA_SYS: ['BACKUP_DATA_MINOR', 1],
  BACKUP_DATA_MINOR: ['BACKUP_DATA_MINOR', 1001],
  BACKUP_DATA_MAJOR: ['BACKUP_DATA_MAJOR', 1001],
  BEFORE_BACKUP_LOG: ['BEFORE_PLUS_ARCHIVE_LOG', 1001],
  BACKUP_LOG: ['PLUS_ARCHIVE_LOG', 1001],
};

function scheduleRow(task: BackupTask): Row | null {
  const entry = PHASE_TASKS[task.status];
  if (entry === undefined) return null;
  // The task was queued when its phase began: the last status change.
  const since = task.statusLog[task.statusLog.length - 1]?.atUs ?? task.startUs;
  return [
    int(task.tenantId),
    int(task.jobId),
    int(task.taskId),
    int(entry[1]),
    entry[0],
    'DOING',
    SERVER.ip,
    int(SERVER.rpcPort),
    timestamp(since),
    timestamp(since),
  ];
}

export const ALL_VIRTUAL_BACKUP_SCHEDULE_TASK: ViewDef = {
  name: '__all_virtual_backup_schedule_task',
  kind: 'SYSTEM TABLE',
  visibility: 'all',
  columns: [
    col('tenant_id', T.bigint(), 'NO'),
    col('job_id', T.bigint(), 'NO'),
    col('task_id', T.bigint(), 'NO'),
    col('ls_id', T.bigint(), 'NO'),
    col('task_type', T.varchar(64), 'NO'),
    col('status', T.varchar(64), 'NO'),
    col('svr_ip', T.varchar(46), 'NO'),
    col('svr_port', T.bigint(), 'NO'),
    col('generate_time', T.timestamp6(), 'NO'),
    col('schedule_time', T.timestamp6(), 'NO'),
  ],
  rows: (ctx) => {
    const rows: Row[] = [];
    for (const tenant of ctx.state.tenants) {
      if (tenant.backup === null) continue;
      if (ctx.tenantId !== SYS_TENANT_ID && ctx.tenantId !== tenant.id) continue;
      for (const task of tenant.backup.tasks) {
        const r = scheduleRow(task);
        if (r !== null) rows.push(r);
      }
    }
    return rows;
  },
};
