/**
 * Issue 5 "Must show": the interop scenario through MariaDB Connector/J 2.7.6 on Java 17 (single-file source launch),
 * plain (PreparedStatement emulated client-side: COM_QUERY text) and with useServerPrepStmts=true (COM_STMT_PREPARE
 * / EXECUTE, binary rows). Connector/J pipelines its connect-time queries behind the auth response (wire.md §8).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONNECTOR_J_JAR, haveConnectorJ, skipUnless } from './support/availability.js';
import { expectedScenario } from './support/expected.js';
import { useInteropServer, withTap } from './support/fixture.js';
import { runOk } from './support/run.js';
import { startInteropServer } from './support/server.js';
import type { CommandTap } from './support/command-tap.js';

const SOURCE = fileURLToPath(new URL('./clients/Scenario.java', import.meta.url));
const HISTORY = 'SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = ';

/** UTC in the JVM: Connector/J reads TIMESTAMP text in the JVM's zone, so UTC prints it back unchanged. */
function runScenario(tap: CommandTap, cluster: string, serverPrepares: boolean): Promise<string> {
  const args = ['-Duser.timezone=UTC', '-cp', CONNECTOR_J_JAR, SOURCE, String(tap.port), cluster];
  return runOk('java', serverPrepares ? [...args, 'serverPrepares'] : args, { timeoutMs: 60_000 });
}

/**
 * The queries Connector/J 2.7.6 sends before the application's first statement, and not its fallback (a SHOW
 * VARIABLES after "could not load system variables"), which would mean the sysvar answer had the wrong shape.
 */
function expectConnectTimeQueries(tap: CommandTap): void {
  expect(tap.queries().slice(0, 3)).toEqual([
    "set autocommit=1, sql_mode = concat(@@sql_mode,',STRICT_TRANS_TABLES')",
    'SELECT @@max_allowed_packet,@@system_time_zone,@@time_zone,@@auto_increment_increment',
    "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'",
  ]);
  expect(tap.queries().filter((q) => /^show variables/i.test(q))).toEqual([]);
}

const skip = skipUnless(haveConnectorJ(), 'MariaDB Connector/J', 'libmariadb-java default-jre-headless');

// First in the file, so nothing has parsed a statement in this process yet: `npm start`, then a JDBC application.
describe.skipIf(skip)('MariaDB Connector/J 2.7.6 on a freshly started server', () => {
  it('gets its pipelined connect-time queries answered within its 500 ms socket timeout', async () => {
    // Connector/J sets SO_TIMEOUT to 500 ms while it reads the answers to the queries it pipelined behind the auth
    // response (AbstractConnectProtocol.postConnectionQueries, usePipelineAuth), so a slow first statement fails the
    // connection with "Read timed out".
    const server = await startInteropServer();
    try {
      await withTap(server, async (tap) => {
        expect(await runScenario(tap, 'connector-j-cold', false)).toBe(expectedScenario());
      });
      expect(server.warnings()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(skip)('MariaDB Connector/J 2.7.6', () => {
  const server = useInteropServer({ warm: true });

  it('plain: the scenario with client-side prepared statements', async () => {
    await withTap(server(), async (tap) => {
      expect(await runScenario(tap, 'connector-j', false)).toBe(expectedScenario());
      expectConnectTimeQueries(tap);
      expect(tap.names()).not.toContain('COM_STMT_PREPARE');
      expect(tap.queries()).toContain(`${HISTORY}1`);
    });
    expect(server().warnings()).toEqual([]);
  });

  it('useServerPrepStmts=true: the reads as COM_STMT_PREPARE / EXECUTE with binary rows', async () => {
    await withTap(server(), async (tap) => {
      expect(await runScenario(tap, 'connector-j-prepared', true)).toBe(expectedScenario());
      expectConnectTimeQueries(tap);
      const prepared = tap.commands().filter((c) => c.command === 'COM_STMT_PREPARE').map((c) => c.text);
      expect(prepared).toContain(`${HISTORY}?`);
      expect(tap.names().filter((n) => n === 'COM_STMT_EXECUTE').length).toBeGreaterThanOrEqual(3);
    });
    expect(server().warnings()).toEqual([]);
  });
});
