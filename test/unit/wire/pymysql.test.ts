/**
 * PyMySQL checks sequence ids strictly (spec/wire.md §8): the best canary for framing mistakes. Skipped with a
 * message where python3-pymysql is not installed, except in CI (CI=true), where it must run.
 */
import { execFile, execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from './session-host-double.js';
import { startHarness, type Harness } from './server-harness.js';

/** The first Python that can import pymysql: PATH's python3 may be a pyenv shim that does not see Debian's package. */
function pythonWithPymysql(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(python, ['-c', 'import pymysql'], { stdio: 'ignore' });
      return python;
    } catch {
      // try the next one
    }
  }
  return null;
}

const python = pythonWithPymysql();
const available = python !== null;
if (!available && process.env.CI === 'true') throw new Error('PyMySQL is required in CI (python3-pymysql)');
if (!available) console.warn('skipping the PyMySQL wire test: python3-pymysql is not installed');

const SCRIPT = `
import sys, pymysql
c = pymysql.connect(host='127.0.0.1', port=int(sys.argv[1]), user='root@mysql_tenant', password=sys.argv[2], database='oceanbase')
cur = c.cursor()
cur.execute('select typed')
rows = cur.fetchall()
print(rows[0][0], rows[0][1], rows[0][4], rows[0][9], rows[1][1])
try:
    cur.execute('boom')
except pymysql.err.OperationalError as e:
    print('error', e.args[0])
cur.execute('len ' + 'z' * (17 * 1024 * 1024))
print('len', cur.fetchone()[0])
cur.execute('set x = 1; select 1')
print('multi', cur.fetchall(), cur.nextset(), cur.fetchall())
c.ping()
c.close()
`;

describe.skipIf(!available)('PyMySQL (strict sequence ids)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('connects, reads typed rows, errors, a 17 MB query and a chained multi-statement result', async () => {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(python ?? 'python3', ['-c', SCRIPT, String(h.port), PASSWORD], { maxBuffer: 1 << 20 }, (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
      );
    });
    expect(out.trim().split('\n')).toEqual([
      '42 18446744073709551615 -123.45 2024-01-02 11:04:05.123456 None',
      'error 9040',
      `len ${17 * 1024 * 1024}`,
      'multi () True ((1,),)',
    ]);
    expect(h.logger.warnings()).toEqual([]);
  });
});
