/**
 * The command line's own surface (emulator.md "Command line", issue 23): `--help` for the tool and for every
 * command, printed from the option table (each option with its OB_SIM_* variable and default, one example),
 * `--version`, and the documented exit codes. Run through the bundled bin, as users run it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/help.js';
import { envName, SERVE_OPTIONS } from '../../../src/cli/options.js';
import { VERSION } from '../../../src/cli/version.js';

const root = resolve(import.meta.dirname, '../../..');
const bin = resolve(root, 'dist/bundle/cli.mjs');
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: '' });

describe('ob-backup-sim --help, <command> --help, --version', () => {
  it('lists every command and how to get its options', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(r.stdout).toContain('exit codes: 0 success; 1 failure');
    expect(cli().stdout).toBe(r.stdout);
    expect(cli('help').stdout).toBe(r.stdout);
  });

  it.each(Object.keys(COMMANDS))('%s --help: usage, options with their variable and default, an example', (name) => {
    const r = cli(name, '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: ob-backup-sim /);
    expect(r.stdout).toMatch(/\nexample:\n {2}ob-backup-sim \S/);
    expect(cli('help', name).stdout).toBe(r.stdout);
    expect(cli(name, '-h').stdout).toBe(r.stdout);
  });

  it('serve --help documents every row of the option table', () => {
    const help = cli('serve', '--help').stdout;
    for (const row of Object.values(SERVE_OPTIONS)) {
      expect(help).toContain(`  --${row.flag} ${row.value}`);
      expect(help).toContain(`variable ${envName(row.flag)}`);
      expect(help).toMatch(new RegExp(`variable ${envName(row.flag)}[^\\n]*; default \\S`));
    }
  });

  it("repl --help shows repl's own default clock", () => {
    expect(cli('repl', '--help').stdout).toContain('variable OB_SIM_CLOCK; default manual');
  });

  it("--version prints package.json's version", () => {
    const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(VERSION).toBe(version);
    expect(cli('--version')).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('exits 2 on bad usage and 1 on a syntax error', () => {
    expect(cli('bogus')).toMatchObject({ status: 2, stderr: expect.stringContaining("unknown command 'bogus'") });
    expect(cli('serve', '--bogus')).toMatchObject({ status: 2, stderr: "ob-backup-sim serve: unknown option '--bogus'\n" });
    expect(cli('repl', '--port', '1')).toMatchObject({ status: 2, stderr: "ob-backup-sim repl: unknown option '--port'\n" });
    expect(cli('parse', 'SELEC 1').status).toBe(1);
    expect(cli('parse', 'SELECT 1').status).toBe(0);
  });
});
