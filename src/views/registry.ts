/** Every table the catalog knows, in database `oceanbase`, in the order SHOW TABLES lists them (by name). */
import { ALL_SERVER } from './all-server.js';
import { ALL_TENANT } from './all-tenant.js';
import { ALL_ZONE } from './all-zone.js';
import { ALL_VIRTUAL_BACKUP_SCHEDULE_TASK } from './all-virtual-backup-schedule-task.js';
import { CDB_OB_ARCHIVE_DEST, DBA_OB_ARCHIVE_DEST } from './dba-ob-archive-dest.js';
import { CDB_OB_ARCHIVELOG, DBA_OB_ARCHIVELOG } from './dba-ob-archivelog.js';
import { CDB_OB_ARCHIVELOG_PIECE_FILES, DBA_OB_ARCHIVELOG_PIECE_FILES } from './dba-ob-archivelog-piece-files.js';
import { CDB_OB_ARCHIVELOG_SUMMARY, DBA_OB_ARCHIVELOG_SUMMARY } from './dba-ob-archivelog-summary.js';
import {
  CDB_OB_BACKUP_DELETE_JOB_HISTORY,
  CDB_OB_BACKUP_DELETE_JOBS,
  DBA_OB_BACKUP_DELETE_JOB_HISTORY,
  DBA_OB_BACKUP_DELETE_JOBS,
} from './dba-ob-backup-delete-jobs.js';
import { CDB_OB_BACKUP_DELETE_POLICY, DBA_OB_BACKUP_DELETE_POLICY } from './dba-ob-backup-delete-policy.js';
import {
  CDB_OB_BACKUP_DELETE_TASK_HISTORY,
  CDB_OB_BACKUP_DELETE_TASKS,
  DBA_OB_BACKUP_DELETE_TASK_HISTORY,
  DBA_OB_BACKUP_DELETE_TASKS,
} from './dba-ob-backup-delete-tasks.js';
import { CDB_OB_BACKUP_JOB_HISTORY, DBA_OB_BACKUP_JOB_HISTORY } from './dba-ob-backup-job-history.js';
import { CDB_OB_BACKUP_JOBS, DBA_OB_BACKUP_JOBS } from './dba-ob-backup-jobs.js';
import { CDB_OB_BACKUP_PARAMETER, DBA_OB_BACKUP_PARAMETER } from './dba-ob-backup-parameter.js';
import { CDB_OB_BACKUP_SET_FILES, DBA_OB_BACKUP_SET_FILES } from './dba-ob-backup-set-files.js';
import {
  CDB_OB_BACKUP_STORAGE_INFO,
  CDB_OB_BACKUP_STORAGE_INFO_HISTORY,
  DBA_OB_BACKUP_STORAGE_INFO,
  DBA_OB_BACKUP_STORAGE_INFO_HISTORY,
} from './dba-ob-backup-storage-info.js';
import { CDB_OB_BACKUP_TASK_HISTORY, DBA_OB_BACKUP_TASK_HISTORY } from './dba-ob-backup-task-history.js';
import { CDB_OB_BACKUP_TASKS, DBA_OB_BACKUP_TASKS } from './dba-ob-backup-tasks.js';
import { DBA_OB_CLUSTER_EVENT_HISTORY } from './dba-ob-cluster-event-history.js';
import { CDB_OB_FREEZE_INFO, DBA_OB_FREEZE_INFO } from './dba-ob-freeze-info.js';
import { CDB_OB_LOG_RESTORE_SOURCE, DBA_OB_LOG_RESTORE_SOURCE } from './dba-ob-log-restore-source.js';
import { CDB_OB_LS, DBA_OB_LS } from './dba-ob-ls.js';
import { CDB_OB_LS_LOG_ARCHIVE_PROGRESS, DBA_OB_LS_LOG_ARCHIVE_PROGRESS } from './dba-ob-ls-log-archive-progress.js';
import { DBA_OB_RESOURCE_POOLS } from './dba-ob-resource-pools.js';
import { CDB_OB_RESTORE_HISTORY, DBA_OB_RESTORE_HISTORY } from './dba-ob-restore-history.js';
import { CDB_OB_RESTORE_PROGRESS, DBA_OB_RESTORE_PROGRESS } from './dba-ob-restore-progress.js';
import { DBA_OB_ROOTSERVICE_EVENT_HISTORY } from './dba-ob-rootservice-event-history.js';
import { DBA_OB_SERVER_EVENT_HISTORY } from './dba-ob-server-event-history.js';
import { DBA_OB_SERVERS } from './dba-ob-servers.js';
import { CDB_OB_TABLE_LOCATIONS, DBA_OB_TABLE_LOCATIONS } from './dba-ob-table-locations.js';
import { DBA_OB_TENANT_JOBS } from './dba-ob-tenant-jobs.js';
import { DBA_OB_TENANTS } from './dba-ob-tenants.js';
import { DBA_OB_UNIT_CONFIGS } from './dba-ob-unit-configs.js';
import { DBA_OB_UNITS } from './dba-ob-units.js';
import { DBA_OB_ZONES } from './dba-ob-zones.js';
import { GV_OB_LOG_STAT, V_OB_LOG_STAT } from './gv-ob-log-stat.js';
import { GV_OB_PARAMETERS, V_OB_PARAMETERS } from './gv-ob-parameters.js';
import { GV_OB_SERVERS } from './gv-ob-servers.js';
import { GV_OB_UNITS } from './gv-ob-units.js';
import type { ViewDef } from './types.js';
import { V_OB_ARCHIVE_DEST_STATUS } from './v-ob-archive-dest-status.js';

const ALL: readonly ViewDef[] = [
  DBA_OB_BACKUP_JOBS, CDB_OB_BACKUP_JOBS,
  DBA_OB_BACKUP_JOB_HISTORY, CDB_OB_BACKUP_JOB_HISTORY,
  DBA_OB_BACKUP_TASKS, CDB_OB_BACKUP_TASKS,
  DBA_OB_BACKUP_TASK_HISTORY, CDB_OB_BACKUP_TASK_HISTORY,
  DBA_OB_BACKUP_SET_FILES, CDB_OB_BACKUP_SET_FILES,
  DBA_OB_ARCHIVELOG, CDB_OB_ARCHIVELOG,
  DBA_OB_ARCHIVELOG_SUMMARY, CDB_OB_ARCHIVELOG_SUMMARY,
  DBA_OB_ARCHIVELOG_PIECE_FILES, CDB_OB_ARCHIVELOG_PIECE_FILES,
  DBA_OB_ARCHIVE_DEST, CDB_OB_ARCHIVE_DEST,
  DBA_OB_BACKUP_PARAMETER, CDB_OB_BACKUP_PARAMETER,
  DBA_OB_BACKUP_STORAGE_INFO, CDB_OB_BACKUP_STORAGE_INFO,
  DBA_OB_BACKUP_STORAGE_INFO_HISTORY, CDB_OB_BACKUP_STORAGE_INFO_HISTORY,
  DBA_OB_BACKUP_DELETE_POLICY, CDB_OB_BACKUP_DELETE_POLICY,
  DBA_OB_BACKUP_DELETE_JOBS, CDB_OB_BACKUP_DELETE_JOBS,
  DBA_OB_BACKUP_DELETE_JOB_HISTORY, CDB_OB_BACKUP_DELETE_JOB_HISTORY,
  DBA_OB_BACKUP_DELETE_TASKS, CDB_OB_BACKUP_DELETE_TASKS,
  DBA_OB_BACKUP_DELETE_TASK_HISTORY, CDB_OB_BACKUP_DELETE_TASK_HISTORY,
  DBA_OB_RESTORE_PROGRESS, CDB_OB_RESTORE_PROGRESS,
  DBA_OB_RESTORE_HISTORY, CDB_OB_RESTORE_HISTORY,
  DBA_OB_LS_LOG_ARCHIVE_PROGRESS, CDB_OB_LS_LOG_ARCHIVE_PROGRESS,
  DBA_OB_LOG_RESTORE_SOURCE, CDB_OB_LOG_RESTORE_SOURCE,
  DBA_OB_TENANTS,
  ALL_SERVER, ALL_TENANT, ALL_VIRTUAL_BACKUP_SCHEDULE_TASK,
  DBA_OB_SERVERS, DBA_OB_ZONES, GV_OB_SERVERS, GV_OB_UNITS,
  DBA_OB_UNIT_CONFIGS, DBA_OB_RESOURCE_POOLS,
  DBA_OB_ROOTSERVICE_EVENT_HISTORY, DBA_OB_CLUSTER_EVENT_HISTORY,
  V_OB_ARCHIVE_DEST_STATUS, GV_OB_PARAMETERS, V_OB_PARAMETERS,
  DBA_OB_LS, CDB_OB_LS,
  DBA_OB_TABLE_LOCATIONS, CDB_OB_TABLE_LOCATIONS,
  DBA_OB_FREEZE_INFO, CDB_OB_FREEZE_INFO,
  GV_OB_LOG_STAT, V_OB_LOG_STAT,
  DBA_OB_SERVER_EVENT_HISTORY, DBA_OB_UNITS, DBA_OB_TENANT_JOBS, ALL_ZONE,
];

/** All view definitions, sorted by name (case-insensitively, as SHOW TABLES sorts). */
export const VIEW_DEFS: readonly ViewDef[] = [...ALL].sort((a, b) => {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
});

const BY_NAME = new Map(VIEW_DEFS.map((d) => [d.name.toUpperCase(), d]));

/** The definition named `name` (case-insensitive), regardless of who may see it. */
export function viewDef(name: string): ViewDef | undefined {
  return BY_NAME.get(name.toUpperCase());
}
