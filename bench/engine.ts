/**
 * How INC planning cost grows (issue 3 "Must show"): tenants of 1,000,000 and 10,000,000 macroblocks with 0.01 %
 * and 1 % changed after a FULL. Planning (countChangedBetween over the change log) must follow the changed
 * macroblocks, not the tenant size: targets < 100 ms (1 %) and < 10 ms (0.01 %) on 10 M, process < 300 MB.
 * Run: npm run build && npm run bench:engine
 */
import { planData } from '../src/engine/backup/sets.js';
import { createCluster } from '../src/engine/cluster/cluster.js';
import { writeRandomMacroblocks } from '../src/engine/data/macroblocks.js';
import type { BackupSetFile } from '../src/engine/state.js';

const START_US = Date.UTC(2024, 0, 1) * 1000;

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function measure(macroBlocks: number, changedFraction: number): { planMs: number; changed: number; distinct: number; rssMb: string } {
  const cluster = createCluster({
    startTimeUs: START_US,
    seed: 7,
    macroBlocksPerTenant: macroBlocks,
    writeRateBytesPerSec: 0,
    tenants: [{ name: 't1' }],
  });
  const tenant = cluster.state.tenants.find((t) => t.name === 't1')!;
  const data = tenant.backup!.data;
  const baseSnapshotUs = START_US + 1_000_000;
  const changed = Math.round(macroBlocks * changedFraction);
  // Changes after the FULL's snapshot, spread over an hour in 1000 batches.
  for (let i = 0; i < 1000; i++) {
    const n = Math.floor(((i + 1) * changed) / 1000) - Math.floor((i * changed) / 1000);
    writeRandomMacroblocks(data, cluster.state.rng, baseSnapshotUs + 1 + i * 3_600_000, n);
  }
  const untilUs = baseSnapshotUs + 3_600_000_000;
  // planData is what the scheduler runs when an INC takes its consistent SCN.
  const base = { backupType: 'FULL', snapshotUs: baseSnapshotUs } as BackupSetFile;
  const inc = { backupType: 'INC', snapshotUs: untilUs } as BackupSetFile;
  planData(tenant, inc, base, untilUs); // warm-up
  const runs = 5;
  const t0 = process.hrtime.bigint();
  let distinct = 0;
  for (let i = 0; i < runs; i++) distinct = planData(tenant, inc, base, untilUs).macroBlocks;
  const planMs = Number(process.hrtime.bigint() - t0) / 1e6 / runs;
  return { planMs, changed, distinct, rssMb: mb(process.memoryUsage().rss) };
}

const gc = (globalThis as { gc?: () => void }).gc;
console.log('INC planning cost (planData: binary search + sort of the changed slice), mean of 5 runs');
console.log('macroblocks   changed   changes  distinct   plan ms   rss MB');
let peakRss = 0;
for (const size of [1_000_000, 10_000_000]) {
  for (const fraction of [0.0001, 0.01]) {
    gc?.();
    const r = measure(size, fraction);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    console.log(
      `${String(size).padStart(11)} ${`${fraction * 100}%`.padStart(9)} ${String(r.changed).padStart(9)} ${String(r.distinct).padStart(9)} ${r.planMs.toFixed(3).padStart(9)} ${r.rssMb.padStart(8)}`,
    );
  }
}
console.log(`peak rss ${mb(peakRss)} MB (target < 300 MB); targets on 10,000,000: 1% < 100 ms, 0.01% < 10 ms`);
