/**
 * The column list and row mapping shared by DBA_OB_BACKUP_JOBS and DBA_OB_BACKUP_JOB_HISTORY (views.md §4.1): the two
 * views have identical columns; they differ in which rows they show.
 */
import type { BackupJob } from '../engine/index.js';
import { InvariantError } from '../errors.js';
import type { SqlValue } from '../result.js';
import { T, col } from './columns.js';
import type { Row } from './types.js';
import { int, onOff, timestamp, timestampOrNull } from './values.js';

const V4096 = T.varchar(4096);

export const BACKUP_JOB_COLUMNS = [
  col('JOB_ID', T.bigint(), 'NO'),
  col('INCARNATION', T.bigint(), 'NO'),
  col('BACKUP_SET_ID', T.bigint(), 'YES'),
  col('INITIATOR_TENANT_ID', T.bigint(), 'NO'),
  col('INITIATOR_JOB_ID', T.bigint(), 'NO'),
  col('EXECUTOR_TENANT_ID', T.varchar(65536), 'NO'),
  col('PLUS_ARCHIVELOG', V4096, 'NO'),
  col('BACKUP_TYPE', V4096, 'NO'),
  col('JOB_LEVEL', V4096, 'NO'),
  col('ENCRYPTION_MODE', V4096, 'YES'),
  col('PASSWD', V4096, 'YES'),
  col('START_TIMESTAMP', T.timestamp6(), 'NO'),
  col('END_TIMESTAMP', T.timestamp6(), 'NO'),
  col('STATUS', V4096, 'NO'),
  col('RESULT', T.bigint(), 'NO'),
  col('COMMENT', V4096, 'YES'),
  col('DESCRIPTION', V4096, 'YES'),
  col('PATH', V4096, 'YES'),
];

/**
 * Rows of finished jobs, by job. A job in the history never changes again (the engine's append-only rule for
 * histories, which its invariant checker asserts), so its row is built once instead of on every read of the view;
 * a poller reading 1,000 history rows spent most of its time here. Keyed weakly: a reset or cloned state's jobs
 * are other objects, and the rows of forgotten ones go with them. Frozen, since every reader shares them.
 */
const historyRows = new WeakMap<BackupJob, Row>();

/** backupJobRow of a job that is in the history. */
export function historyJobRow(job: BackupJob): Row {
  let row = historyRows.get(job);
  if (row === undefined) {
    row = Object.freeze(backupJobRow(job));
    historyRows.set(job, row);
  }
  return row;
}

/**
 * The rows of a whole job history. The history array only ever grows by push, so the same array at the same
 * length holds the same jobs and the list from last time is still right: a poll costs one look-up, not one per job.
 */
const historyLists = new WeakMap<readonly BackupJob[], readonly Row[]>();

export function historyJobRows(history: readonly BackupJob[]): readonly Row[] {
  const known = historyLists.get(history);
  if (known !== undefined && known.length === history.length) return known;
  const rows = Object.freeze(history.map(historyJobRow));
  historyLists.set(history, rows);
  return rows;
}

/** JOB_ID's place in the row. */
export const JOB_ID_COLUMN = 0;

/**
 * historyJobRows sorted ascending by JOB_ID, for `ORDER BY JOB_ID [DESC] LIMIT n` (ViewDef.keyOrder). The history is
 * appended as jobs end, not in job-id order, so it is sorted here, once per version of the row list: keyed by the
 * identity of the list historyJobRows returns, which is a new list whenever the history changed, so a sorted copy
 * can only ever be looked up with exactly the rows it was made from.
 */
const sortedLists = new WeakMap<readonly Row[], readonly Row[]>();

export function historyJobRowsByJobId(history: readonly BackupJob[]): readonly Row[] {
  const rows = historyJobRows(history);
  let sorted = sortedLists.get(rows);
  if (sorted === undefined) {
    sorted = Object.freeze([...rows].sort((a, b) => compareIds(a[JOB_ID_COLUMN], b[JOB_ID_COLUMN])));
    sortedLists.set(rows, sorted);
  }
  return sorted;
}

function compareIds(a: SqlValue | undefined, b: SqlValue | undefined): number {
  if (typeof a !== 'bigint' || typeof b !== 'bigint') throw new InvariantError('JOB_ID is not a BIGINT');
  return a < b ? -1 : a > b ? 1 : 0;
}

export function backupJobRow(job: BackupJob): Row {
  return [
    int(job.jobId),
    int(job.incarnation),
    int(job.backupSetId),
    int(job.initiatorTenantId),
    int(job.initiatorJobId),
    // A comma list without spaces: `1002` or `1002,1004`.
    job.executorTenantIds.join(','),
    onOff(job.plusArchivelog),
    job.backupType,
    job.jobLevel,
    job.encryptionMode,
    job.passwd,
    timestamp(job.startUs),
    // NULL while running, although DESC says NO (views.md §2.2).
    timestampOrNull(job.endUs),
    job.status,
    int(job.result),
    job.comment,
    job.description,
    // The engine stores the dest's PATH form: the root without credentials ('' for a sys job).
    job.path,
  ];
}
