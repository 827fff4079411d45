/**
 * Issue 5 "Must show": the interop scenario through mysql2, the Node driver, with `.query()` (COM_QUERY, text rows,
 * `?` interpolated client-side) and `.execute()` (COM_STMT_PREPARE / EXECUTE for every statement, binary rows).
 */
import { describe, expect, it } from 'vitest';
import { mysql2Scenario } from './clients/mysql2-scenario.js';
import { expectedScenario } from './support/expected.js';
import { useInteropServer, withTap } from './support/fixture.js';

describe('mysql2', () => {
  const server = useInteropServer();

  it('.query(): the scenario over the text protocol', async () => {
    await withTap(server(), async (tap) => {
      expect(await mysql2Scenario(tap.port, 'mysql2-query', 'query')).toBe(expectedScenario());
      expect(tap.names()).not.toContain('COM_STMT_PREPARE');
      // bigNumberStrings: the job id read back is a string, so mysql2 quotes it (a string compared with a number).
      expect(tap.queries()).toContain(
        "SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = '2'",
      );
    });
    expect(server().warnings()).toEqual([]);
  });

  it('.execute(): the scenario over server-side prepared statements and binary rows', async () => {
    await withTap(server(), async (tap) => {
      expect(await mysql2Scenario(tap.port, 'mysql2-execute', 'execute')).toBe(expectedScenario());
      const names = tap.names();
      expect(names).not.toContain('COM_QUERY');
      expect(names.filter((n) => n === 'COM_STMT_EXECUTE').length).toBeGreaterThan(10);
      const prepared = tap.commands().filter((c) => c.command === 'COM_STMT_PREPARE').map((c) => c.text);
      expect(prepared).toContain('ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
      expect(prepared).toContain(
        'SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = ?',
      );
    });
    expect(server().warnings()).toEqual([]);
  });
});
