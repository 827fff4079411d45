#!/usr/bin/env node
/**
 * The package's runtime files (part of `npm run build`): each a single ES module holding everything it runs,
 * chevrotain included, so starting costs one file read and compile instead of resolving and linking some 200
 * modules (what made the installed bin and `import('ob-backup-sim')` several times slower than `npm start`):
 *
 *   dist/bundle/cli.mjs    the `bin` (src/cli/main.ts)
 *   dist/bundle/index.mjs  the embedded API (`import … from 'ob-backup-sim'`; types from dist/src/index.d.ts)
 *   dist/bundle/query-worker.mjs  the thread long SELECTs go on in (src/session/query-offload.ts)
 *
 * `--out DIR` writes elsewhere.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chevrotainPlugin } from './chevrotain-plugin.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 && process.argv[outArg + 1] !== undefined ? resolve(process.argv[outArg + 1]) : join(root, 'dist', 'bundle');

const esbuild = await import('esbuild');
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: {
    cli: join(root, 'dist', 'src', 'cli', 'main.js'),
    index: join(root, 'dist', 'src', 'index.js'),
    // The query worker long SELECTs go on in (src/session/query-offload.ts finds it beside the bundle).
    'query-worker': join(root, 'dist', 'src', 'session', 'query-worker-main.js'),
  },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [await chevrotainPlugin()],
});
