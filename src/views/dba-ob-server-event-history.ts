/**
 * DBA_OB_SERVER_EVENT_HISTORY (sys): what observers record with SERVER_EVENT_ADD, here the backup and restore
 * events of the storage layer, derived from the engine's job history (a pure view: each event is where the source
 * writes it, at the time the job's history says that happened). Columns: desc_sys_views_in_sys.result
 * (oceanbase/oceanbase c8ace58297bb2326ecab2048bd3f80b1dc997c16).
 *
 * - `backup_data` / `report_result` (ObBackupUtils::report_task_result, storage/backup/ob_backup_utils.cpp): when an
 *   LS backup task reports to the leader, job_id, task_id, tenant_id, ls_id, turn_id, retry_id, and the result as
 *   EXTRA_INFO. One report per LS of the tenant when its backup task finished (COMPLETED or FAILED); the data
 *   phases' separate turns are not told apart here.
 * - `storage_ha` / `restore_ls` (ObILSRestoreState::report_ls_restore_status_, storage/restore/
 *   ob_ls_restore_handler.cpp): each LS's step through the leader's restore states, tenant_id, ls_id, curr_status,
 *   next_status and their names, spread evenly over the time the restore job spent in RESTORE_WAIT_LS; for
 *   restores that succeeded (a failed one's LS steps are not modelled).
 * The archive's only event, `log_archive` / `mark_fatal_error`, needs a fatal archive error, which no path here has.
 */
import type { TenantState } from '../engine/index.js';
import { SERVER } from './cluster-profile.js';
import { T, col } from './columns.js';
import { logStreamIds } from './log-streams.js';
import { tenantOf } from './read.js';
import type { Row, ViewContext, ViewDef } from './types.js';
import { timestamp } from './values.js';

interface ServerEvent {
  atUs: number;
  module: string;
  event: string;
  pairs: readonly (readonly [string, string])[];
  extra: string;
}

/** ObLSRestoreStatus in the order a leader goes through them, ending at RESTORE_NONE (ob_ls_restore_status.h). */
const LS_RESTORE_PATH: readonly (readonly [number, string])[] = [
  [1, 'RESTORE_START'],
  [2, 'RESTORE_SYS_TABLETS'],
  [3, 'WAIT_RESTORE_SYS_TABLETS'],
  [4, 'RESTORE_TABLETS_META'],
  [5, 'WAIT_RESTORE_TABLETS_META'],
  [6, 'RESTORE_TO_CONSISTENT_SCN'],
  [7, 'WAIT_RESTORE_TO_CONSISTENT_SCN'],
  [8, 'QUICK_RESTORE'],
  [9, 'WAIT_QUICK_RESTORE'],
  [10, 'QUICK_RESTORE_FINISH'],
  [11, 'RESTORE_MAJOR_DATA'],
  [12, 'WAIT_RESTORE_MAJOR_DATA'],
  [0, 'RESTORE_NONE'],
];

function backupEvents(t: TenantState): ServerEvent[] {
  const out: ServerEvent[] = [];
  for (const task of t.backup?.taskHistory ?? []) {
    if (task.status !== 'COMPLETED' && task.status !== 'FAILED') continue;
    for (const lsId of logStreamIds(t)) {
      out.push({
        atUs: task.endUs,
        module: 'backup_data',
        event: 'report_result',
        pairs: [
          ['job_id', String(task.jobId)],
          ['task_id', String(task.taskId)],
          ['tenant_id', String(t.id)],
          ['ls_id', String(lsId)],
          ['turn_id', String(Math.max(1, task.majorTurnId))],
          ['retry_id', '0'],
        ],
        extra: String(task.result),
      });
    }
  }
  return out;
}

function restoreEvents(ctx: ViewContext): ServerEvent[] {
  const out: ServerEvent[] = [];
  for (const job of ctx.state.restoreHistory) {
    if (job.tenantId === 1 || job.status !== 'SUCCESS') continue;
    const tenant = tenantOf(ctx, job.restoreTenantId);
    if (tenant === undefined) continue;
    const log = job.statusLog;
    const i = log.findIndex((c) => c.to === 'RESTORE_WAIT_LS');
    if (i < 0) continue;
    const fromUs = log[i]!.atUs;
    const toUs = log[i + 1]?.atUs ?? job.finishUs;
    const steps = LS_RESTORE_PATH.length - 1;
    for (const lsId of logStreamIds(tenant)) {
      for (let s = 0; s < steps; s++) {
        const [curr, currName] = LS_RESTORE_PATH[s]!;
        const [next, nextName] = LS_RESTORE_PATH[s + 1]!;
        out.push({
          atUs: fromUs + Math.floor(((toUs - fromUs) * (s + 1)) / steps),
          module: 'storage_ha',
          event: 'restore_ls',
          pairs: [
            ['tenant_id', String(tenant.id)],
            ['ls_id', String(lsId)],
            ['curr_status', String(curr)],
            ['next_status', String(next)],
            ['curr_status_str', currName],
            ['next_status_str', nextName],
          ],
          extra: '',
        });
      }
    }
  }
  return out;
}

function eventRows(ctx: ViewContext): Row[] {
  const events = [...ctx.state.tenants.flatMap(backupEvents), ...restoreEvents(ctx)];
  // A stable sort: events of one instant keep the order they were written in.
  events.sort((a, b) => a.atUs - b.atUs);
  return events.map((e) => {
    const pairs: (string | null)[] = [];
    for (let i = 0; i < 6; i++) pairs.push(e.pairs[i]?.[0] ?? '', e.pairs[i]?.[1] ?? '');
    return [timestamp(e.atUs), SERVER.ip, BigInt(SERVER.rpcPort), e.module, e.event, ...pairs, e.extra];
  });
}

export const DBA_OB_SERVER_EVENT_HISTORY: ViewDef = {
  name: 'DBA_OB_SERVER_EVENT_HISTORY',
  kind: 'SYSTEM VIEW',
  visibility: 'sys',
  columns: [
    col('TIMESTAMP', T.timestamp6(), 'NO'),
    col('SVR_IP', T.varchar(46), 'NO'),
    col('SVR_PORT', T.bigint(), 'NO'),
    col('MODULE', T.varchar(64), 'NO'),
    col('EVENT', T.varchar(64), 'NO'),
    col('NAME1', T.varchar(256), 'YES'),
    col('VALUE1', T.varchar(512), 'YES'),
    col('NAME2', T.varchar(256), 'YES'),
    col('VALUE2', T.longtext(), 'YES'),
    col('NAME3', T.varchar(256), 'YES'),
    col('VALUE3', T.varchar(512), 'YES'),
    col('NAME4', T.varchar(256), 'YES'),
    col('VALUE4', T.varchar(512), 'YES'),
    col('NAME5', T.varchar(256), 'YES'),
    col('VALUE5', T.varchar(512), 'YES'),
    col('NAME6', T.varchar(256), 'YES'),
    col('VALUE6', T.varchar(512), 'YES'),
    col('EXTRA_INFO', T.varchar(512), 'YES'),
  ],
  rows: eventRows,
};
