/**
 * The start-up snapshot only starts under the Node and the V8 flags that built it (NODE_OPTIONS such as
 * --max-old-space-size included): scripts/build-snapshot.mjs stamps both beside the blob and `--if-stale`, the
 * `prestart` step of `npm start`, rebuilds when either differs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = resolve(import.meta.dirname, '../../../scripts/build-snapshot.mjs');

function node(args: readonly string[], nodeOptions: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, NODE_OPTIONS: nodeOptions };
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/build-snapshot.mjs', () => {
  it('rebuilds with --if-stale when NODE_OPTIONS changed, and the blob then starts under them', () => {
    const out = mkdtempSync(join(tmpdir(), 'ob-sim-snapshot-'));
    const blob = join(out, 'serve.blob');
    expect(node([script, '--out', out], '').status).toBe(0);
    const built = statSync(blob).mtimeMs;
    expect(node(['--snapshot-blob', blob, 'help'], '').stdout).toMatch(/^ob-backup-sim \d+\.\d+\.\d+: /);

    // Another heap limit: Node refuses the blob, so the stale check must see it.
    const refused = node(['--snapshot-blob', blob, 'help'], '--max-old-space-size=1024');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/different V8 configurations/);

    expect(node([script, '--out', out, '--if-stale'], '').status).toBe(0);
    expect(statSync(blob).mtimeMs).toBe(built);
    expect(node([script, '--out', out, '--if-stale'], '--max-old-space-size=1024').status).toBe(0);
    expect(readFileSync(join(out, 'node-version'), 'utf8')).toContain('NODE_OPTIONS=--max-old-space-size=1024');
    expect(node(['--snapshot-blob', blob, 'help'], '--max-old-space-size=1024').stdout).toMatch(/^ob-backup-sim \d+\.\d+\.\d+: /);
  }, 60_000);
});
