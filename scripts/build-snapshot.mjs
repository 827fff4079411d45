#!/usr/bin/env node
/**
 * Builds the start-up snapshot `npm start` runs (part of `npm run build`, so of `npm install`):
 *
 *   1. esbuild bundles dist/src/cli/snapshot.js and everything it imports into one CommonJS file, the form Node's
 *      snapshot builder runs (no ES modules, no top-level await): grammar/runtime/chevrotain.js, which loads chevrotain with
 *      a top-level await, is replaced by a static re-export of the single-file chevrotain build it loads;
 *   2. `node --build-snapshot` runs that file and writes the heap to dist/snapshot/serve.blob.
 *
 * A blob only starts the Node binary that built it, with the same V8 flags: NODE_OPTIONS such as
 * `--max-old-space-size=4096` make Node refuse it ("built with … different V8 configurations", exit 14). So the
 * Node and its NODE_OPTIONS are written beside the blob, and `--if-stale` (the `prestart` step) rebuilds when
 * either differs; the build inherits NODE_OPTIONS, so the new blob matches.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chevrotainPlugin } from './chevrotain-plugin.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** `--out DIR` builds elsewhere (the tests do); npm start reads dist/snapshot. */
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 && process.argv[outArg + 1] !== undefined ? resolve(process.argv[outArg + 1]) : join(root, 'dist', 'snapshot');
const bundle = join(out, 'serve.cjs');
const blob = join(out, 'serve.blob');
const stamp = join(out, 'node-version');
const nodeIdentity = `${process.version} ${process.execPath} NODE_OPTIONS=${process.env.NODE_OPTIONS ?? ''}`;

if (process.argv.includes('--if-stale') && existsSync(blob) && existsSync(stamp) && readFileSync(stamp, 'utf8') === nodeIdentity) {
  process.exit(0);
}

const esbuild = await import('esbuild');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'dist', 'src', 'cli', 'snapshot.js')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // A CommonJS heap has no import.meta: src/session/query-offload.ts then finds its worker from the blob's path.
  define: { 'import.meta.url': 'undefined' },
  plugins: [await chevrotainPlugin()],
});

const built = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', bundle], { cwd: out, stdio: 'inherit' });
if (built.status !== 0) {
  process.stderr.write(`build-snapshot: node --build-snapshot failed (${built.status ?? built.signal})\n`);
  process.exit(1);
}
writeFileSync(stamp, nodeIdentity);
