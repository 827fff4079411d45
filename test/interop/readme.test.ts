/**
 * The README's walk-through stays true: its example.sql, piped into the mysql CLI against a server started as the
 * README says (manual clock from 2024-01-31T03:20:00Z), prints exactly the output the README shows.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/index.js';
import { probe, skipUnless } from './support/availability.js';
import { run } from './support/run.js';

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The fenced block that follows `marker` in the README. */
function blockAfter(marker: string, fence: string): string {
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README has no "${marker}"`);
  const start = readme.indexOf(fence, at) + fence.length;
  return readme.slice(start, readme.indexOf('```\n', start));
}

const skip = skipUnless(probe('mysql', ['--version']), 'mysql CLI', 'mariadb-client');

describe.skipIf(skip)('README: the docs procedure through the mysql CLI', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, clock: 'manual', startTime: '2024-01-31T03:20:00Z' });
  });
  afterAll(() => server.close());

  it('prints exactly what the README shows', async () => {
    const sql = blockAfter('where `example.sql` holds:', '```sql\n');
    const shown = blockAfter('It prints (times in the session time zone', '```\n');
    const out = await run('mysql', ['-h127.0.0.1', `-P${server.port}`, '-uroot@mysql_tenant', '-t'], { input: sql });
    expect(out.code).toBe(1);
    expect(out.stdout + out.stderr).toBe(shown);
  });
});
