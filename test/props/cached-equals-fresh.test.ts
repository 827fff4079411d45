/**
 * Every cache on a statement's path (parse, plan, the session's catalog and context memos, constant and history
 * rows) gives the answer a fresh computation gives, across random changes of the cluster and the session. The
 * cached side is one long-lived session asking the same texts again; the fresh side is a new emulator started from
 * a snapshot of the same cluster (new objects, so no view's kept rows apply) asking a text no cache has seen (a
 * unique comment in front), so nothing it uses was kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator, type StatementResult } from '../../src/index.js';

const QUERIES = [
  'SELECT 1',
  "SELECT job_id, status, backup_type, start_timestamp, end_timestamp FROM DBA_OB_BACKUP_JOB_HISTORY WHERE backup_type = 'FULL' ORDER BY job_id DESC LIMIT 1",
  'SELECT * FROM DBA_OB_BACKUP_JOB_HISTORY',
  'SELECT job_id, status, comment FROM DBA_OB_BACKUP_JOBS',
  'SELECT round_id, status, checkpoint_scn FROM DBA_OB_ARCHIVELOG',
  'SELECT count(*), max(piece_id) FROM DBA_OB_ARCHIVELOG_PIECE_FILES',
  'SELECT backup_set_id, status, file_status, min_restore_scn FROM DBA_OB_BACKUP_SET_FILES ORDER BY backup_set_id',
  'SELECT @@time_zone, DATABASE()',
];

const command = fc.oneof(
  fc.integer({ min: 1, max: 4000 }).map((s) => `ALTER EMULATOR ADVANCE TIME ${s} SECONDS`),
  fc.constantFrom(
    'ALTER SYSTEM BACKUP DATABASE',
    'ALTER SYSTEM BACKUP INCREMENTAL DATABASE',
    'ALTER SYSTEM CANCEL BACKUP',
    'ALTER SYSTEM NOARCHIVELOG',
    'ALTER SYSTEM ARCHIVELOG',
    'ALTER EMULATOR WRITE 50 MACROBLOCKS',
  ),
  fc.constantFrom("'+00:00'", "'+08:00'", "'-05:30'", "'SYSTEM'").map((tz) => `SET time_zone = ${tz}`),
);

const SET_UP = [
  "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'",
  "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'",
  'ALTER SYSTEM ARCHIVELOG',
];

function last(results: readonly StatementResult[]): StatementResult {
  return results[results.length - 1]!;
}

describe('caches', () => {
  it('a cached answer equals a fresh one across random state changes (property)', () => {
    let unique = 0;
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 12 }), (commands) => {
        const emu = createEmulator({ startTime: '2024-01-31T03:20:00Z', seed: 7 });
        const as = { tenant: 'mysql_tenant', database: 'oceanbase' };
        const cached = emu.session(as);
        for (const sql of SET_UP) cached.execute(sql);
        let timeZone: string | null = null;
        for (const sql of commands) {
          cached.execute(sql);
          const zone = /^SET time_zone = (.*)$/.exec(sql);
          if (zone) timeZone = zone[1]!;
          const copy = createEmulator({ snapshot: emu.saveSnapshot() });
          for (const query of QUERIES) {
            const fresh = copy.session(as);
            const script = `${timeZone === null ? '' : `SET time_zone = ${timeZone}; `}/* fresh ${unique++} */ ${query}`;
            expect(cached.execute(query), query).toEqual(last(fresh.query(script)));
          }
        }
      }),
      { numRuns: 25, seed: 20261207 },
    );
  });
});
