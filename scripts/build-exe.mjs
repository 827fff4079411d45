#!/usr/bin/env node
/**
 * `npm run build:exe`: a single-file executable for linux-x64, dist/exe/ob-backup-sim, so a Go, Python or Java
 * project's CI can download one file and run `./ob-backup-sim serve` without Node. It is Node's own binary with the
 * emulator injected by `postject` (Node's single executable applications): the blob holds a V8 start-up snapshot
 * of dist/snapshot/serve.cjs (the same entry `npm start`'s snapshot runs: modules loaded, parser built), so the
 * executable starts as fast as `npm start`. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'exe');
const entry = join(root, 'dist', 'snapshot', 'serve.cjs');
const exe = join(out, 'ob-backup-sim');
const blob = join(out, 'sea-prep.blob');
/** Node's fuse string for single executable applications (its documentation gives it). */
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

function fail(message) {
  process.stderr.write(`build-exe: ${message}\n`);
  process.exit(1);
}

if (process.platform !== 'linux' || process.arch !== 'x64') fail(`builds for linux-x64 only (this is ${process.platform}-${process.arch})`);
if (!existsSync(entry)) fail(`${entry} is missing: run npm run build first`);

const t0 = performance.now();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const config = join(out, 'sea-config.json');
writeFileSync(config, JSON.stringify({ main: entry, output: blob, useSnapshot: true, disableExperimentalSEAWarning: true }, null, 2));
// NODE_OPTIONS would be baked into the snapshot's V8 configuration; the executable runs without them.
const env = { ...process.env, NODE_OPTIONS: '' };
const prep = spawnSync(process.execPath, ['--experimental-sea-config', config], { cwd: out, stdio: 'inherit', env });
if (prep.status !== 0) fail(`node --experimental-sea-config failed (${prep.status ?? prep.signal})`);

copyFileSync(process.execPath, exe);
chmodSync(exe, 0o755);
const postject = createRequire(import.meta.url).resolve('postject/dist/cli.js');
const inject = spawnSync(process.execPath, [postject, exe, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', FUSE], { stdio: ['ignore', 'ignore', 'inherit'], env });
if (inject.status !== 0) fail(`postject failed (${inject.status ?? inject.signal})`);
rmSync(blob);
process.stderr.write(`build-exe: ${exe} (${(statSync(exe).size / 1024 ** 2).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
