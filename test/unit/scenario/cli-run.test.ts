/**
 * `ob-backup-sim run` as a process (emulator.md "Command line"): failures with file, line and diff, a summary line,
 * exit 1 on failure and 0 on success, exit 2 on bad usage, and --rewrite. It runs the built CLI (dist/), which
 * `npm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = resolve(import.meta.dirname, '../../../dist/src/cli/main.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'run', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ob-backup-sim run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slt-cli-'));
  const good = join(dir, 'good.slt');
  const bad = join(dir, 'bad.slt');
  writeFileSync(good, 'query I\nSELECT 1 + 1\n----\n2\n');
  writeFileSync(bad, 'query T\nSELECT ob_version()\n----\n4.2.1.0\n');

  it('passes a good file with exit 0 and a summary line', () => {
    expect(run(good)).toEqual({ code: 0, stdout: '1 file(s), 1 record(s): 1 passed, 0 failed in 0 file(s), 0 skipped\n', stderr: '' });
  });

  it('prints the failure with file, line and diff, and exits 1', () => {
    const r = run(good, bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        `FAIL ${bad}:1: query T`,
        '    SELECT ob_version()',
        '  the rows differ:',
        '    expected   actual',
        '  ! 4.2.1.0  ! 4.2.5.0',
        '',
        '2 file(s), 2 record(s): 1 passed, 1 failed in 1 file(s), 0 skipped',
        '',
      ].join('\n'),
    );
  });

  it('rewrites with --rewrite, after which the file passes', () => {
    const file = join(dir, 'rewrite.slt');
    writeFileSync(file, 'query T\nSELECT ob_version()\n----\n4.2.1.0\n');
    expect(run('--rewrite', file).stdout).toContain(`rewrote 1 record(s) in ${file}`);
    expect(readFileSync(file, 'utf8')).toBe('query T\nSELECT ob_version()\n----\n4.2.5.0\n');
    expect(run(file).code).toBe(0);
  });

  it('exits 2 on bad usage', () => {
    expect(run().code).toBe(2);
    expect(run('--bogus', good)).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option '--bogus'") });
    expect(run(join(dir, 'missing.slt'))).toMatchObject({ code: 2, stderr: expect.stringContaining('ENOENT') });
  });
});
