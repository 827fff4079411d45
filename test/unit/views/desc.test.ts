/**
 * DESC of every views.md view equals views.md (written from its tables: name | type as DESC prints it | Null, `?`
 * where views.md records no Null), for the DBA_ form and, where there is one, the CDB_ form with TENANT_ID first.
 */
import { describe, expect, it } from 'vitest';
import { typeText } from '../../../src/result.js';
import { viewDef } from '../../../src/views/index.js';

const SPEC: Record<string, string> = {
  BACKUP_JOBS: `
    JOB_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    BACKUP_SET_ID | bigint(20) | YES
    INITIATOR_TENANT_ID | bigint(20) | NO
    INITIATOR_JOB_ID | bigint(20) | NO
    EXECUTOR_TENANT_ID | varchar(65536) | NO
    PLUS_ARCHIVELOG | varchar(4096) | NO
    BACKUP_TYPE | varchar(4096) | NO
    JOB_LEVEL | varchar(4096) | NO
    ENCRYPTION_MODE | varchar(4096) | YES
    PASSWD | varchar(4096) | YES
    START_TIMESTAMP | timestamp(6) | NO
    END_TIMESTAMP | timestamp(6) | NO
    STATUS | varchar(4096) | NO
    RESULT | bigint(20) | NO
    COMMENT | varchar(4096) | YES
    DESCRIPTION | varchar(4096) | YES
    PATH | varchar(4096) | YES
  `,
  BACKUP_TASKS: `
    TASK_ID | bigint(20) | NO
    JOB_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    BACKUP_SET_ID | bigint(20) | NO
    START_TIMESTAMP | timestamp(6) | NO
    END_TIMESTAMP | timestamp(6) | NO
    STATUS | varchar(4096) | NO
    START_SCN | bigint(20) unsigned | NO
    END_SCN | bigint(20) unsigned | NO
    USER_LS_START_SCN | bigint(20) unsigned | NO
    ENCRYPTION_MODE | varchar(4096) | YES
    PASSWD | varchar(4096) | YES
    INPUT_BYTES | bigint(20) | YES
    OUTPUT_BYTES | bigint(20) | YES
    OUTPUT_RATE_BYTES | decimal(32,4) | NO
    EXTRA_META_BYTES | bigint(20) | YES
    TABLET_COUNT | bigint(20) | YES
    FINISH_TABLET_COUNT | bigint(20) | YES
    MACRO_BLOCK_COUNT | bigint(20) | YES
    FINISH_MACRO_BLOCK_COUNT | bigint(20) | YES
    FILE_COUNT | bigint(20) | YES
    META_TURN_ID | bigint(20) | YES
    DATA_TURN_ID | bigint(20) | YES
    RESULT | bigint(20) | YES
    COMMENT | varchar(4096) | YES
    PATH | varchar(4096) | YES
    MINOR_TURN_ID | bigint(20) | NO
    MAJOR_TURN_ID | bigint(20) | NO
  `,
  BACKUP_SET_FILES: `
    BACKUP_SET_ID | bigint(20) | NO
    DEST_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    BACKUP_TYPE | varchar(64) | NO
    PREV_FULL_BACKUP_SET_ID | bigint(20) | NO
    PREV_INC_BACKUP_SET_ID | bigint(20) | NO
    START_TIMESTAMP | timestamp(6) | NO
    END_TIMESTAMP | timestamp(6) | NO
    STATUS | varchar(64) | NO
    FILE_STATUS | varchar(64) | NO
    ELAPSED_SECONDES | decimal(22,0) | NO
    PLUS_ARCHIVELOG | varchar(4096) | NO
    START_REPLAY_SCN | bigint(20) unsigned | NO
    START_REPLAY_SCN_DISPLAY | datetime(6) | NO
    MIN_RESTORE_SCN | bigint(20) unsigned | NO
    MIN_RESTORE_SCN_DISPLAY | varchar(4096) | NO
    INPUT_BYTES | bigint(20) | YES
    OUTPUT_BYTES | bigint(20) | YES
    OUTPUT_RATE_BYTES | decimal(32,4) | NO
    EXTRA_META_BYTES | bigint(20) | YES
    TABLET_COUNT | bigint(20) | YES
    FINISH_TABLET_COUNT | bigint(20) | YES
    MACRO_BLOCK_COUNT | bigint(20) | YES
    FINISH_MACRO_BLOCK_COUNT | bigint(20) | YES
    FILE_COUNT | bigint(20) | YES
    META_TURN_ID | bigint(20) | YES
    DATA_TURN_ID | bigint(20) | YES
    RESULT | bigint(20) | NO
    COMMENT | varchar(4096) | YES
    ENCRYPTION_MODE | varchar(64) | YES
    PASSWD | varchar(128) | YES
    TENANT_COMPATIBLE | varchar(4096) | NO
    BACKUP_COMPATIBLE | bigint(20) | NO
    PATH | varchar(4096) | YES
    CLUSTER_VERSION | varchar(4096) | NO
    CONSISTENT_SCN | bigint(20) unsigned | NO
    MINOR_TURN_ID | bigint(20) | NO
    MAJOR_TURN_ID | bigint(20) | NO
  `,
  BACKUP_PARAMETER: `
    NAME | varchar(1024) | NO
    VALUE | longtext | NO
  `,
  BACKUP_STORAGE_INFO: `
    TENANT_ID | bigint(20) | NO
    PATH | varchar(1024) | NO
    ENDPOINT | varchar(256) | NO
    DEST_ID | bigint(20) | YES
    DEST_TYPE | varchar(64) | YES
    AUTHORIZATION | varchar(1024) | NO
    EXTENSION | varchar(512) | NO
    CHECK_FILE_NAME | varchar(256) | YES
    LAST_CHECK_TIMESTAMP | timestamp(6) | YES
  `,
  ARCHIVELOG: `
    DEST_ID | bigint(20) | NO
    ROUND_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    DEST_NO | bigint(20) | NO
    STATUS | varchar(64) | NO
    START_SCN | bigint(20) unsigned | NO
    START_SCN_DISPLAY | datetime(6) | NO
    CHECKPOINT_SCN | bigint(20) unsigned | NO
    CHECKPOINT_SCN_DISPLAY | datetime(6) | NO
    COMPATIBLE | bigint(20) | NO
    BASE_PIECE_ID | bigint(20) | NO
    USED_PIECE_ID | bigint(20) | NO
    PIECE_SWITCH_INTERVAL | bigint(20) | NO
    UNIT_SIZE | bigint(20) | NO
    COMPRESSION | varchar(128) | NO
    INPUT_BYTES | bigint(21) | NO
    INPUT_BYTES_DISPLAY | varchar(28) | NO
    OUTPUT_BYTES | bigint(21) | NO
    OUTPUT_BYTES_DISPLAY | varchar(28) | NO
    COMPRESSION_RATIO | decimal(24,2) | NO
    DELETED_INPUT_BYTES | bigint(20) | NO
    DELETED_INPUT_BYTES_DISPLAY | varchar(27) | NO
    DELETED_OUTPUT_BYTES | bigint(20) | NO
    DELETED_OUTPUT_BYTES_DISPLAY | varchar(27) | NO
    COMMENT | varchar(262144) | NO
    PATH | varchar(2048) | NO
  `,
  ARCHIVELOG_SUMMARY: `
    DEST_ID | bigint(20) | NO
    ROUND_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    DEST_NO | bigint(20) | NO
    STATUS | varchar(64) | NO
    START_SCN | bigint(20) unsigned | NO
    START_SCN_DISPLAY | datetime(6) | NO
    CHECKPOINT_SCN | bigint(20) unsigned | NO
    CHECKPOINT_SCN_DISPLAY | datetime(6) | NO
    COMPATIBLE | bigint(20) | NO
    BASE_PIECE_ID | bigint(20) | NO
    USED_PIECE_ID | bigint(20) | NO
    PIECE_SWITCH_INTERVAL | bigint(20) | NO
    UNIT_SIZE | bigint(20) | NO
    COMPRESSION | varchar(128) | NO
    INPUT_BYTES | bigint(20) | NO
    INPUT_BYTES_DISPLAY | varchar(27) | NO
    OUTPUT_BYTES | bigint(20) | NO
    OUTPUT_BYTES_DISPLAY | varchar(27) | NO
    COMPRESSION_RATIO | decimal(23,2) | NO
    DELETED_INPUT_BYTES | bigint(20) | NO
    DELETED_INPUT_BYTES_DISPLAY | varchar(27) | NO
    DELETED_OUTPUT_BYTES | bigint(20) | NO
    DELETED_OUTPUT_BYTES_DISPLAY | varchar(27) | NO
    PATH | varchar(2048) | NO
    COMMENT | varchar(262144) | NO
  `,
  ARCHIVELOG_PIECE_FILES: `
    DEST_ID | bigint(20) | NO
    ROUND_ID | bigint(20) | NO
    PIECE_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    DEST_NO | bigint(20) | NO
    STATUS | varchar(64) | NO
    START_SCN | bigint(20) unsigned | NO
    START_SCN_DISPLAY | datetime(6) | NO
    CHECKPOINT_SCN | bigint(20) unsigned | NO
    CHECKPOINT_SCN_DISPLAY | datetime(6) | NO
    MAX_SCN | bigint(20) unsigned | NO
    END_SCN | bigint(20) unsigned | NO
    END_SCN_DISPLAY | datetime(6) | NO
    COMPATIBLE | bigint(20) | NO
    UNIT_SIZE | bigint(20) | NO
    COMPRESSION | varchar(128) | NO
    INPUT_BYTES | bigint(20) | NO
    INPUT_BYTES_DISPLAY | varchar(27) | NO
    OUTPUT_BYTES | bigint(20) | NO
    OUTPUT_BYTES_DISPLAY | varchar(27) | NO
    COMPRESSION_RATIO | decimal(23,2) | NO
    FILE_STATUS | varchar(64) | NO
    PATH | varchar(2048) | NO
  `,
  ARCHIVE_DEST: `
    DEST_NO | bigint(20) | NO
    NAME | varchar(1024) | NO
    VALUE | varchar(4096) | NO
  `,
  LS_LOG_ARCHIVE_PROGRESS: `
    DEST_ID | bigint(20) | NO
    LS_ID | bigint(20) | NO
    ROUND_ID | bigint(20) | NO
    PIECE_ID | bigint(20) | NO
    INCARNATION | bigint(20) | ?
    START_SCN | bigint(20) unsigned | ?
    MIN_LSN | bigint(20) unsigned | ?
    MAX_LSN | bigint(20) unsigned | ?
    CHECKPOINT_SCN | bigint(20) unsigned | ?
    STATUS | varchar(64) | ?
    FILE_ID | bigint(20) | ?
    FILE_OFFSET | bigint(20) | ?
    INPUT_BYTES | bigint(20) | ?
    OUTPUT_BYTES | bigint(20) | ?
  `,
  BACKUP_DELETE_POLICY: `
    POLICY_NAME | varchar(256) | NO
    RECOVERY_WINDOW | varchar(64) | NO
  `,
  BACKUP_DELETE_JOBS: `
    JOB_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    INITIATOR_TENANT_ID | bigint(20) | NO
    INITIATOR_JOB_ID | bigint(20) | NO
    EXECUTOR_TENANT_ID | varchar(65536) | NO
    TYPE | varchar(64) | NO
    PARAMETER | timestamp(6) | NO
    JOB_LEVEL | varchar(64) | NO
    START_TIMESTAMP | timestamp(6) | NO
    END_TIMESTAMP | timestamp(6) | NO
    STATUS | varchar(64) | NO
    TASK_COUNT | bigint(20) | YES
    SUCCESS_TASK_COUNT | bigint(20) | YES
    RESULT | bigint(20) | NO
    COMMENT | varchar(4096) | YES
  `,
  BACKUP_DELETE_TASKS: `
    TASK_ID | bigint(20) | NO
    INCARNATION | bigint(20) | NO
    JOB_ID | bigint(20) | NO
    TASK_TYPE | varchar(64) | NO
    ID | bigint(20) | NO
    ROUND_ID | bigint(20) | NO
    DEST_ID | bigint(20) | NO
    START_TIMESTAMP | timestamp(6) | NO
    END_TIMESTAMP | timestamp(6) | NO
    STATUS | varchar(64) | NO
    TOTAL_LS_COUNT | bigint(20) | YES
    FINISH_LS_COUNT | bigint(20) | YES
    RESULT | bigint(20) | YES
    COMMENT | varchar(4096) | YES
    PATH | varchar(1024) | NO
  `,
  RESTORE_PROGRESS: `
    JOB_ID | bigint(20) | NO
    RESTORE_TENANT_NAME | longtext | NO
    RESTORE_TENANT_ID | longtext | NO
    BACKUP_TENANT_NAME | longtext | NO
    BACKUP_TENANT_ID | longtext | NO
    BACKUP_CLUSTER_NAME | longtext | NO
    BACKUP_DEST | longtext | NO
    RESTORE_OPTION | longtext | NO
    RESTORE_TYPE | longtext | NO
    RESTORE_SCN | longtext | NO
    RESTORE_SCN_DISPLAY | datetime(6) | NO
    STATUS | longtext | NO
    START_TIMESTAMP | timestamp(6) | NO
    BACKUP_SET_LIST | longtext | NO
    BACKUP_PIECE_LIST | longtext | NO
    TOTAL_BYTES | bigint(20) | NO
    TOTAL_BYTES_DISPLAY | varchar(27) | NO
    FINISH_BYTES | bigint(20) | NO
    FINISH_BYTES_DISPLAY | varchar(27) | NO
    DESCRIPTION | longtext | NO
  `,
  RESTORE_HISTORY: `
    JOB_ID | bigint(20) | NO
    RESTORE_TENANT_NAME | varchar(128) | NO
    RESTORE_TENANT_ID | bigint(20) | NO
    BACKUP_TENANT_NAME | varchar(128) | NO
    BACKUP_TENANT_ID | bigint(20) | NO
    BACKUP_CLUSTER_NAME | varchar(128) | NO
    BACKUP_DEST | longtext | NO
    RESTORE_SCN | bigint(20) unsigned | NO
    RESTORE_SCN_DISPLAY | datetime(6) | NO
    RESTORE_OPTION | varchar(4096) | NO
    RESTORE_TYPE | varchar(4096) | NO
    START_TIMESTAMP | timestamp(6) | YES
    FINISH_TIMESTAMP | timestamp(6) | YES
    STATUS | varchar(64) | NO
    BACKUP_PIECE_LIST | longtext | NO
    BACKUP_SET_LIST | longtext | NO
    BACKUP_CLUSTER_VERSION | bigint(20) | NO
    LS_COUNT | bigint(20) | NO
    FINISH_LS_COUNT | bigint(20) | NO
    TABLET_COUNT | bigint(20) | NO
    FINISH_TABLET_COUNT | bigint(20) | NO
    TOTAL_BYTES | bigint(20) | NO
    TOTAL_BYTES_DISPLAY | varchar(27) | NO
    FINISH_BYTES | bigint(20) | NO
    FINISH_BYTES_DISPLAY | varchar(27) | NO
    DESCRIPTION | varchar(1024) | YES
    COMMENT | varchar(1024) | YES
  `,
  TENANTS: `
    TENANT_ID | bigint(20) | ?
    TENANT_NAME | varchar(128) | ?
    TENANT_TYPE | varchar(4) | ?
    CREATE_TIME | timestamp(6) | ?
    MODIFY_TIME | timestamp(6) | ?
    PRIMARY_ZONE | varchar(128) | ?
    LOCALITY | varchar(4096) | ?
    PREVIOUS_LOCALITY | varchar(4096) | ?
    COMPATIBILITY_MODE | varchar(6) | ?
    STATUS | varchar(64) | ?
    IN_RECYCLEBIN | varchar(3) | ?
    LOCKED | varchar(3) | ?
    TENANT_ROLE | varchar(100) | ?
    SWITCHOVER_STATUS | varchar(100) | ?
    SWITCHOVER_EPOCH | bigint(20) | ?
    SYNC_SCN | bigint(20) unsigned | ?
    REPLAYABLE_SCN | bigint(20) unsigned | ?
    READABLE_SCN | bigint(20) unsigned | ?
    RECOVERY_UNTIL_SCN | bigint(20) unsigned | ?
    LOG_MODE | varchar(100) | ?
    ARBITRATION_SERVICE_STATUS | varchar(64) | ?
    UNIT_NUM | bigint(20) | ?
    COMPATIBLE | varchar(65536) | ?
    MAX_LS_ID | bigint(20) | ?
  `,
};

/** View name suffix → the views.md table it follows. */
const VIEWS: [string, string][] = [
  ['OB_BACKUP_JOBS', 'BACKUP_JOBS'],
  ['OB_BACKUP_JOB_HISTORY', 'BACKUP_JOBS'],
  ['OB_BACKUP_TASKS', 'BACKUP_TASKS'],
  ['OB_BACKUP_TASK_HISTORY', 'BACKUP_TASKS'],
  ['OB_BACKUP_SET_FILES', 'BACKUP_SET_FILES'],
  ['OB_BACKUP_PARAMETER', 'BACKUP_PARAMETER'],
  ['OB_ARCHIVELOG', 'ARCHIVELOG'],
  ['OB_ARCHIVELOG_SUMMARY', 'ARCHIVELOG_SUMMARY'],
  ['OB_ARCHIVELOG_PIECE_FILES', 'ARCHIVELOG_PIECE_FILES'],
  ['OB_ARCHIVE_DEST', 'ARCHIVE_DEST'],
  ['OB_LS_LOG_ARCHIVE_PROGRESS', 'LS_LOG_ARCHIVE_PROGRESS'],
  ['OB_BACKUP_DELETE_POLICY', 'BACKUP_DELETE_POLICY'],
  ['OB_BACKUP_DELETE_JOBS', 'BACKUP_DELETE_JOBS'],
  ['OB_BACKUP_DELETE_JOB_HISTORY', 'BACKUP_DELETE_JOBS'],
  ['OB_BACKUP_DELETE_TASKS', 'BACKUP_DELETE_TASKS'],
  ['OB_BACKUP_DELETE_TASK_HISTORY', 'BACKUP_DELETE_TASKS'],
  ['OB_RESTORE_PROGRESS', 'RESTORE_PROGRESS'],
  ['OB_RESTORE_HISTORY', 'RESTORE_HISTORY'],
];

function spec(key: string): string[][] {
  return SPEC[key]!.trim().split('\n').map((l) => l.split('|').map((x) => x.trim()));
}

function desc(name: string): string[][] {
  const def = viewDef(name);
  if (def === undefined) throw new Error(`no view ${name}`);
  return def.columns.map((c) => [c.name, typeText(c.type), c.nullable ? 'YES' : 'NO']);
}

/** Compares DESC with the spec; a `?` Null in the spec compares names and types only. */
function expectDesc(name: string, expected: string[][]): void {
  const actual = desc(name);
  expect(actual.map((c) => c[0])).toEqual(expected.map((c) => c[0]));
  expect(actual.map((c, i) => [c[0], c[1], expected[i]![2] === '?' ? '?' : c[2]])).toEqual(expected);
}

describe('DESC equals views.md (4.2 profile)', () => {
  for (const [suffix, key] of VIEWS) {
    it(`DBA_${suffix} follows views.md ${key}`, () => expectDesc(`DBA_${suffix}`, spec(key)));
    it(`CDB_${suffix} is TENANT_ID bigint(20) NO, then the DBA columns`, () =>
      expectDesc(`CDB_${suffix}`, [['TENANT_ID', 'bigint(20)', 'NO'], ...spec(key)]));
  }

  it('BACKUP_STORAGE_INFO (+ _HISTORY): the DBA form already has TENANT_ID and the CDB form is identical (§4.5)', () => {
    for (const name of ['OB_BACKUP_STORAGE_INFO', 'OB_BACKUP_STORAGE_INFO_HISTORY']) {
      expectDesc(`DBA_${name}`, spec('BACKUP_STORAGE_INFO'));
      expectDesc(`CDB_${name}`, spec('BACKUP_STORAGE_INFO'));
    }
  });

  it('DBA_OB_TENANTS has the 24 columns of §7.3 in order, with their types', () => expectDesc('DBA_OB_TENANTS', spec('TENANTS')));

  it('column counts of §3 (4.2 profile)', () => {
    const counts = Object.fromEntries(VIEWS.map(([s]) => [s, viewDef(`DBA_${s}`)!.columns.length]));
    expect(counts).toMatchObject({
      OB_BACKUP_JOBS: 18, OB_BACKUP_TASKS: 28, OB_BACKUP_TASK_HISTORY: 28, OB_BACKUP_SET_FILES: 38, OB_ARCHIVELOG: 26,
      OB_ARCHIVELOG_SUMMARY: 26, OB_ARCHIVELOG_PIECE_FILES: 23, OB_ARCHIVE_DEST: 3, OB_BACKUP_PARAMETER: 2,
      OB_BACKUP_DELETE_POLICY: 2, OB_BACKUP_DELETE_JOBS: 15, OB_BACKUP_DELETE_TASKS: 15, OB_RESTORE_PROGRESS: 20,
      OB_RESTORE_HISTORY: 27, OB_LS_LOG_ARCHIVE_PROGRESS: 14,
    });
  });
});
