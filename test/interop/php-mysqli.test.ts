/**
 * Issue 5 "Must show": the interop scenario through PHP 8.2's mysqli on mysqlnd: the reads with a parameter are
 * COM_STMT_PREPARE / EXECUTE (bind_param) with binary rows, read through get_result and through bind_result.
 * mysqlnd fails with "PREPARE packet shorter than expected" on a malformed PREPARE_OK (wire.md §8).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { probe, skipUnless } from './support/availability.js';
import { expectedScenario } from './support/expected.js';
import { useInteropServer, withTap } from './support/fixture.js';
import { runOk } from './support/run.js';

const SCRIPT = fileURLToPath(new URL('./clients/scenario.php', import.meta.url));
const available = probe('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']);

describe.skipIf(skipUnless(available, 'PHP mysqli', 'php8.2-cli php8.2-mysql'))('PHP mysqli', () => {
  const server = useInteropServer();

  it('runs the scenario with prepared statements (get_result and bind_result)', async () => {
    await withTap(server(), async (tap) => {
      expect(await runOk('php', [SCRIPT, String(tap.port), 'php-mysqli'])).toBe(expectedScenario());
      const prepared = tap.commands().filter((c) => c.command === 'COM_STMT_PREPARE').map((c) => c.text);
      expect(prepared).toEqual([
        'SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = ?',
        'SELECT backup_set_id, backup_type, prev_full_backup_set_id, status, file_status, macro_block_count, min_restore_scn, start_replay_scn FROM oceanbase.DBA_OB_BACKUP_SET_FILES WHERE backup_set_id >= ? ORDER BY backup_set_id',
      ]);
      const names = tap.names();
      expect(names.filter((n) => n === 'COM_STMT_EXECUTE')).toHaveLength(3);
      expect(names.filter((n) => n === 'COM_STMT_CLOSE')).toHaveLength(2);
    });
    expect(server().warnings()).toEqual([]);
  });
});
