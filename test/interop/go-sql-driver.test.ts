/**
 * Issue 5 "Must show": the interop scenario through go-sql-driver/mysql 1.5.0 (Debian's source, built offline in
 * GOPATH mode) with parseTime=true and without interpolateParams: the reads with arguments go through
 * COM_STMT_PREPARE / EXECUTE / CLOSE and TIMESTAMP columns scan into time.Time, as in obshell (clients.md §1).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { GO_PATH, haveGoSqlDriver, skipUnless } from './support/availability.js';
import { expectedScenario } from './support/expected.js';
import { useInteropServer, withTap } from './support/fixture.js';
import { runOk } from './support/run.js';

const SOURCE = fileURLToPath(new URL('./clients/scenario.go', import.meta.url));

/**
 * Builds the client once per source version; the binary and Go's build cache live under the system temp dir, so
 * later runs start at once (the first build takes a few seconds).
 */
async function buildScenario(): Promise<string> {
  const root = join(tmpdir(), 'ob-backup-sim-interop-go');
  const hash = createHash('sha256').update(readFileSync(SOURCE)).digest('hex').slice(0, 16);
  const binary = join(root, `scenario-${hash}`);
  if (existsSync(binary)) return binary;
  mkdirSync(root, { recursive: true });
  await runOk('go', ['build', '-o', binary, SOURCE], {
    cwd: root,
    env: { GOPATH: GO_PATH, GO111MODULE: 'off', GOFLAGS: '', GOCACHE: join(root, 'cache'), GOPROXY: 'off' },
    timeoutMs: 120_000,
  });
  return binary;
}

describe.skipIf(skipUnless(haveGoSqlDriver(), 'go-sql-driver/mysql', 'golang-go golang-github-go-sql-driver-mysql-dev'))('go-sql-driver/mysql', () => {
  const server = useInteropServer();
  let binary = '';
  beforeAll(async () => {
    binary = await buildScenario();
  }, 120_000);

  it('runs the scenario with server-side prepares and parseTime=true', async () => {
    await withTap(server(), async (tap) => {
      expect(await runOk(binary, [String(tap.port), 'go-sql-driver'])).toBe(expectedScenario());
      const commands = tap.commands();
      const prepared = commands.filter((c) => c.command === 'COM_STMT_PREPARE').map((c) => c.text);
      expect(prepared).toEqual([
        'SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = ?',
        'SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = ?',
        'SELECT backup_set_id, backup_type, prev_full_backup_set_id, status, file_status, macro_block_count, min_restore_scn, start_replay_scn FROM oceanbase.DBA_OB_BACKUP_SET_FILES WHERE backup_set_id >= ? ORDER BY backup_set_id',
      ]);
      const names = commands.map((c) => c.command);
      expect(names.filter((n) => n === 'COM_STMT_EXECUTE')).toHaveLength(3);
      expect(names.filter((n) => n === 'COM_STMT_CLOSE')).toHaveLength(3);
      // Without DSN parameters the driver sends nothing on connect (wire.md §8): the first command is ours.
      expect(commands[0]?.text).toBe("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'");
    });
    expect(server().warnings()).toEqual([]);
  });
});
