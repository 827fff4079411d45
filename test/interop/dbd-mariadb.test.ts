/**
 * Issue 5 "Must show": the interop scenario through Perl's DBD::MariaDB 1.22 (libmariadb), which sends its burst of
 * SETs on connect (wire.md §8) and emulates `?` placeholders client-side, so every command is COM_QUERY.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { probe, skipUnless } from './support/availability.js';
import { expectedScenario } from './support/expected.js';
import { useInteropServer, withTap } from './support/fixture.js';
import { runOk } from './support/run.js';

const SCRIPT = fileURLToPath(new URL('./clients/scenario.pl', import.meta.url));
const available = probe('perl', ['-MDBD::MariaDB', '-e', '1']);

describe.skipIf(skipUnless(available, 'DBD::MariaDB', 'libdbd-mariadb-perl'))('DBD::MariaDB', () => {
  const server = useInteropServer();

  it('runs the scenario after its connect-time SET burst', async () => {
    await withTap(server(), async (tap) => {
      expect(await runOk('perl', [SCRIPT, String(tap.port), 'dbd-mariadb'])).toBe(expectedScenario());
      const queries = tap.queries();
      const firstOwn = queries.indexOf("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'");
      expect(queries.slice(0, firstOwn)).toEqual(DRIVER_SETS);
      expect(queries).toContain(
        "SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = '1'",
      );
      expect(tap.names()).not.toContain('COM_STMT_PREPARE');
    });
    expect(server().warnings()).toEqual([]);
  });
});

/** The SETs built into the driver (wire.md §8). */
const DRIVER_SETS = [
  "SET NAMES 'utf8mb4'",
  "SET character_set_server = 'utf8mb4'",
  "SET collation_connection = 'utf8mb4_unicode_ci'",
  "SET collation_server = 'utf8mb4_unicode_ci'",
];
