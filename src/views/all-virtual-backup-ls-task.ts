/**
 * `__all_virtual_backup_ls_task`: the log stream tasks of running data backups, the rows of each tenant's
 * `__all_backup_ls_task` (OB_ALL_VIRTUAL_BACKUP_LS_TASK_TID). This is where 4.2 shows a retried LS task: when a
 * task fails, ObBackupDataLSTaskMgr::finish_ leaves it FINISH with RESULT, the ObHAResultInfo COMMENT and END_TS;
 * OB_BACKUP_RETRY_TIME_INTERVAL later redo_ls_task writes it back as a new attempt (RETRY_ID + 1, STATUS INIT, then
 * DOING, RESULT 0) and keeps the COMMENT of the failure. TURN_ID is not bumped by a retry (redo_ls_task passes the
 * same turn): turns change when tablets move, which the emulator never does.
 *
 * Columns: those ObBackupLSTaskOperator::fill_dml_with_ls_task_ writes (ob_backup_data_table_operator.cpp), in its
 * order after the primary key; the 4.2 DESC was not read. One row per set task, for the LS its phase works on
 * (the sys LS 1 or the user LS 1001, as __all_virtual_backup_schedule_task shows).
 */
import type { BackupTask, TenantState } from '../engine/index.js';
import { PHASE_TASKS } from './all-virtual-backup-schedule-task.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { SYS_TENANT_ID } from './read.js';
import type { Row, ViewDef } from './types.js';
import { int } from './values.js';

/** yyyymmdd of a virtual time, as backup_date_ (the day the set task started, UTC). */
function backupDate(us: number): bigint {
  const d = new Date(Math.floor(us / 1000));
  return BigInt(d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate());
}

function lsTaskRow(tenant: TenantState, task: BackupTask): Row | null {
  const entry = PHASE_TASKS[task.status];
  if (entry === undefined) return null;
  const [taskType, lsId] = entry;
  const job = tenant.backup?.jobs.find((j) => j.jobId === task.jobId);
  const since = task.statusLog[task.statusLog.length - 1]?.atUs ?? task.startUs;
  const failure = task.lsFailure ?? null;
  // Between a failure and its redo the row is the failed attempt; after the redo, the new one.
  const waiting = failure !== null && task.pausedAtUs != null;
  const retryId = (task.lsRetryId ?? 0) - (waiting ? 1 : 0);
  const data = taskType === 'BACKUP_DATA_MINOR' || taskType === 'BACKUP_DATA_MAJOR';
  const turn = taskType === 'BACKUP_DATA_MAJOR' ? task.majorTurnId : taskType === 'BACKUP_DATA_MINOR' ? task.minorTurnId : 1;
  return [
    int(tenant.id),
    int(task.taskId),
    int(lsId),
    int(task.jobId),
    int(task.backupSetId),
    job?.backupType ?? 'FULL',
    taskType,
    waiting ? 'FINISH' : 'DOING',
    int(since),
    int(waiting ? failure.atUs : 0),
    backupDate(task.startUs),
    '',
    SERVER.ip,
    int(SERVER.rpcPort),
    '',
    int(data && lsId !== 1 ? task.outputBytes : 0),
    int(data && lsId !== 1 ? task.inputBytes : 0),
    int(data && lsId !== 1 ? task.tabletCount : 0),
    int(data && lsId !== 1 ? task.finishTabletCount : 0),
    int(data && lsId !== 1 ? task.macroBlockCount : 0),
    int(data && lsId !== 1 ? task.finishMacroBlockCount : 0),
    int(0),
    int(0),
    int(1),
    int(Math.max(1, turn)),
    int(retryId),
    int(waiting ? failure.result : 0),
    failure?.comment ?? '',
    0n,
    int(0),
    int(0),
  ];
}

export const ALL_VIRTUAL_BACKUP_LS_TASK: ViewDef = {
  name: '__all_virtual_backup_ls_task',
  kind: 'SYSTEM TABLE',
  visibility: 'all',
  columns: [
    col('tenant_id', T.bigint(), 'NO'),
    col('task_id', T.bigint(), 'NO'),
    col('ls_id', T.bigint(), 'NO'),
    col('job_id', T.bigint(), 'NO'),
    col('backup_set_id', T.bigint(), 'NO'),
    col('backup_type', T.varchar(64), 'NO'),
    col('task_type', T.varchar(64), 'NO'),
    col('status', T.varchar(64), 'NO'),
    col('start_ts', T.bigint(), 'NO'),
    col('end_ts', T.bigint(), 'NO'),
    col('date', T.bigint(), 'NO'),
    col('black_list', T.varchar(4096), 'YES'),
    col('svr_ip', T.varchar(46), 'YES'),
    col('svr_port', T.bigint(), 'YES'),
    col('task_trace_id', T.varchar(64), 'YES'),
    col('output_bytes', T.bigint(), 'NO'),
    col('input_bytes', T.bigint(), 'NO'),
    col('tablet_count', T.bigint(), 'NO'),
    col('finish_tablet_count', T.bigint(), 'NO'),
    col('macro_block_count', T.bigint(), 'NO'),
    col('finish_macro_block_count', T.bigint(), 'NO'),
    col('extra_bytes', T.bigint(), 'NO'),
    col('file_count', T.bigint(), 'NO'),
    col('start_turn_id', T.bigint(), 'NO'),
    col('turn_id', T.bigint(), 'NO'),
    col('retry_id', T.bigint(), 'NO'),
    col('result', T.bigint(), 'NO'),
    col('comment', T.varchar(4096), 'YES'),
    col('max_tablet_checkpoint_scn', T.ubigint(), 'NO'),
    col('log_file_count', T.bigint(), 'NO'),
    col('finish_log_file_count', T.bigint(), 'NO'),
  ],
  rows: (ctx) => {
    const rows: Row[] = [];
    for (const tenant of ctx.state.tenants) {
      if (tenant.backup === null) continue;
      if (ctx.tenantId !== SYS_TENANT_ID && ctx.tenantId !== tenant.id) continue;
      for (const task of tenant.backup.tasks) {
        const r = lsTaskRow(tenant, task);
        if (r !== null) rows.push(r);
      }
    }
    return rows;
  },
};
