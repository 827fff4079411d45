/**
 * Issue 5 "Must show": the interop scenario through PyMySQL 1.0.2, which checks sequence ids strictly (wire.md §8),
 * so any framing slip fails the run. Its `%s` parameters are interpolated client-side: every command is COM_QUERY.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pythonWith, skipUnless } from './support/availability.js';
import { expectedScenario } from './support/expected.js';
import { useInteropServer, withTap } from './support/fixture.js';
import { runOk } from './support/run.js';

const python = pythonWith('pymysql');
const SCRIPT = fileURLToPath(new URL('./clients/scenario.py', import.meta.url));

describe.skipIf(skipUnless(python !== null, 'PyMySQL', 'python3-pymysql'))('PyMySQL', () => {
  const server = useInteropServer();

  it('runs the scenario with strict sequence ids, text protocol only', async () => {
    await withTap(server(), async (tap) => {
      const out = await runOk(python ?? 'python3', [SCRIPT, String(tap.port), 'pymysql']);
      expect(out).toBe(expectedScenario());
      // Nothing on connect when the greeting status has no AUTOCOMMIT bit (wire.md §8): the first query is ours.
      expect(tap.queries()[0]).toBe("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'");
      expect(tap.queries()).toContain(
        'SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = 1',
      );
      expect(new Set(tap.names())).toEqual(new Set(['COM_QUERY', 'COM_QUIT']));
    });
    expect(server().warnings()).toEqual([]);
  });
});
