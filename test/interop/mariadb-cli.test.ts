/**
 * Issue 5 "Must show": the mariadb CLI (1:10.11), in batch mode (`-N -B`, `-e` and stdin: the KubeBlocks way) through
 * the whole scenario, and interactively on a pseudo-terminal, where it sends `select @@version_comment limit 1` for
 * its banner, `use` triggers auto-rehash (SHOW DATABASES, SHOW TABLES, one COM_FIELD_LIST per table) and `status`
 * sends `select DATABASE(), USER() limit 1`, the @@character_set_* select and COM_STATISTICS (wire.md §8).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { probe, skipUnless } from './support/availability.js';
import { expectedScenario } from './support/expected.js';
import { useInteropServer, withTap } from './support/fixture.js';
import { PtySession } from './support/pty-session.js';
import { runOk } from './support/run.js';

const SCRIPT = fileURLToPath(new URL('./clients/scenario-cli.sh', import.meta.url));
const haveCli = probe('mariadb', ['--version']);
const haveScript = probe('script', ['--version']);

/** The prompt of the CLI against a server whose version does not say MariaDB. */
const PROMPT = /MySQL \[[^\]\n]*\]> $/;

describe.skipIf(skipUnless(haveCli, 'mariadb CLI', 'mariadb-client'))('mariadb CLI, batch mode', () => {
  const server = useInteropServer();

  it('runs the scenario with one -e call per step and the reads on stdin', async () => {
    await withTap(server(), async (tap) => {
      const out = await runOk('bash', [SCRIPT, String(tap.port), 'mariadb-batch']);
      expect(out).toBe(expectedScenario());
      // Batch mode sends nothing of its own: not the version comment, no rehash, no prepares.
      expect(tap.queries()).not.toContain('select @@version_comment limit 1');
      expect(new Set(tap.names())).toEqual(new Set(['COM_QUERY', 'COM_QUIT']));
      // The CLI splits `-e "A; B"` on `;` and sends each statement alone.
      expect(tap.queries()).toContain('ALTER EMULATOR WRITE 100 MACROBLOCKS');
    });
    expect(server().warnings()).toEqual([]);
  });
});

const skipInteractive = skipUnless(haveCli && haveScript, 'interactive mariadb CLI', 'mariadb-client and util-linux (script)');

describe.skipIf(skipInteractive)('mariadb CLI, interactive on a terminal', () => {
  const server = useInteropServer();

  it('shows the banner, runs statements at the prompt, rehashes on use and prints status', async () => {
    await withTap(server(), async (tap) => {
      const cli = new PtySession(`mariadb --no-defaults -h 127.0.0.1 -P ${tap.port} -u 'root@mysql_tenant#mariadb-tty'`, {
        MYSQL_HISTFILE: '/dev/null',
      });
      const banner = await cli.expect(PROMPT);
      // The banner's server version is the handshake version followed by @@version_comment.
      expect(banner).toMatch(/^Server version: 5\.7\.25 OceanBase_CE 4\.2\.5\.0 \(.+\)$/m);
      expect(banner).toMatch(/^Your MySQL connection id is 32212\d+$/m);

      cli.send('use oceanbase');
      expect(await cli.expect(PROMPT)).toContain('Database changed');

      cli.send("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data';");
      expect(await cli.expect(PROMPT)).toMatch(/Query OK, 0 rows affected/);

      cli.send("SELECT name, value FROM DBA_OB_BACKUP_PARAMETER WHERE name = 'data_backup_dest';");
      const table = await cli.expect(PROMPT);
      expect(table).toMatch(/^\| name +\| value +\|$/m);
      expect(table).toMatch(/^\| data_backup_dest \| file:\/\/\/data\/nfs\/backup\/data \|$/m);
      expect(table).toMatch(/^1 row in set/m);

      cli.send('ALTER SYSTEM BACKUP TENANT = mysql_tenant;');
      expect(await cli.expect(PROMPT)).toContain('ERROR 1235 (0A000): user tenant cannot specify tenant names not supported');

      cli.send('status');
      const status = await cli.expect(PROMPT);
      expect(status).toMatch(/^Current database:\toceanbase$/m);
      expect(status).toMatch(/^Current user:\t\troot@127\.0\.0\.1$/m);
      expect(status).toMatch(/^Server version:\t\t5\.7\.25 OceanBase_CE 4\.2\.5\.0 /m);
      expect(status).toMatch(/^Server characterset:\tutf8mb4$/m);
      expect(status).toMatch(/^Conn\.  characterset:\tutf8mb4$/m);
      // The last line comes from COM_STATISTICS.
      expect(status).toMatch(/^Uptime:\t+\d+ (sec|min)/m);
      expect(status).toMatch(/^Threads: \d+ {2}Questions: \d+ {2}Slow queries: \d+ {2}Opens: \d+ /m);

      cli.send('quit');
      await cli.expect(/^Bye$/m);
      expect(await cli.exited()).toBe(0);

      const commands = tap.commands();
      expect(commands[0]).toMatchObject({ command: 'COM_QUERY', text: 'select @@version_comment limit 1' });
      const names = commands.map((c) => c.command);
      expect(names).toContain('COM_INIT_DB');
      expect(names.filter((n) => n === 'COM_FIELD_LIST').length).toBeGreaterThan(0);
      expect(names).toContain('COM_STATISTICS');
      expect(tap.queries()).toEqual(
        expect.arrayContaining([
          'SELECT DATABASE()',
          'show databases',
          'show tables',
          'select DATABASE(), USER() limit 1',
          'select @@character_set_client, @@character_set_connection, @@character_set_server, @@character_set_database limit 1',
        ]),
      );
    });
    expect(server().warnings()).toEqual([]);
  });
});
