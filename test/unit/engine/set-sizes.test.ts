/**
 * Set sizes (views.md §11): an INC's OUTPUT_BYTES does not shrink in proportion to its INPUT_BYTES, because every
 * set writes every tablet's meta and minor data; FULL stays about 10:1. Fitted to the real 4.2.2 pair: FULL
 * 198130272 / 16984419 bytes with 94 macroblocks, INC 42941657 / 14592769 with 20, TABLET_COUNT 617 both.
 */
import { describe, expect, it } from 'vitest';
import type { BackupSetFile } from '../../../src/engine/index.js';
import { planData } from '../../../src/engine/backup/sets.js';
import { recordChange } from '../../../src/engine/data/macroblocks.js';
import { T1, backup, finishJobs, newCluster, ok, readyTenant, tenant } from './helpers.js';

const set = (backupType: 'FULL' | 'INC', snapshotUs: number): BackupSetFile => ({ backupType, snapshotUs }) as BackupSetFile;
const near = (actual: number, expected: number, tolerance: number): void =>
  expect(Math.abs(actual - expected) / expected).toBeLessThan(tolerance);

describe('set sizes: a per-tablet meta and minor output plus the compressed copied macroblocks (views.md §11)', () => {
  it('reproduces the real 4.2.2 FULL / INC pair within 2% when the tenant has its shape', () => {
    const c = newCluster({ writeRateBytesPerSec: 0, macroBlocksPerTenant: 94 });
    const t = tenant(c, T1);
    const data = t.backup!.data;
    data.tabletCount = 617;
    data.compressionRatio = 0.0154;
    const full = planData(t, set('FULL', 1_000), undefined, 1_000);
    for (let block = 0; block < 20; block++) recordChange(data.changes, 2_000, block);
    const inc = planData(t, set('INC', 3_000), set('FULL', 1_000), 3_000);
    expect([full.macroBlocks, inc.macroBlocks, full.tablets, inc.tablets]).toEqual([94, 20, 617, 617]);
    near(full.inputBytes, 198130272, 0.001);
    near(inc.inputBytes, 42941657, 0.001);
    near(full.outputBytes, 16984419, 0.02);
    near(inc.outputBytes, 14592769, 0.02);
  });

  it('for seeded tenants: FULL is 10-13:1, and an INC of a fifth of the macroblocks still writes over 80% of it', () => {
    for (const seed of [1, 2, 3, 42, 99]) {
      const c = newCluster({ seed, writeRateBytesPerSec: 0 });
      const t = tenant(c, T1);
      const data = t.backup!.data;
      const full = planData(t, set('FULL', 1_000), undefined, 1_000);
      const changed = Math.round(data.macroBlockCount / 5);
      for (let block = 0; block < changed; block++) recordChange(data.changes, 2_000, block);
      const inc = planData(t, set('INC', 3_000), set('FULL', 1_000), 3_000);
      const fullRatio = full.inputBytes / full.outputBytes;
      expect(fullRatio).toBeGreaterThan(10);
      expect(fullRatio).toBeLessThan(13);
      expect(inc.inputBytes / full.inputBytes).toBeLessThan(0.21);
      expect(inc.outputBytes / full.outputBytes).toBeGreaterThan(0.8);
    }
  });

  it('is deterministic from the seed: two clusters with one seed give the same sets through the scheduler', () => {
    const sizes = (seed: number): number[] => {
      const c = newCluster({ seed });
      const ctx = readyTenant(c);
      ok(c, ctx, backup());
      finishJobs(c, T1);
      ok(c, ctx, { kind: 'EmulatorWriteMacroblocks', count: '10', tenant: null });
      ok(c, ctx, backup({ incremental: true }));
      finishJobs(c, T1);
      return tenant(c, T1).backup!.setFiles.flatMap((s) => [s.inputBytes, s.outputBytes]);
    };
    const a = sizes(7);
    expect(sizes(7)).toEqual(a);
    expect(sizes(8)).not.toEqual(a);
    expect(a[3]! / a[1]!).toBeGreaterThan(0.75); // the INC's output is most of the FULL's
  });
});
