/**
 * Property (issue 6 "Must show"): for generated histories of writes, backups and clock advances, a restore to
 * any covered point gives a tenant whose macroblock versions equal the source's at that point (versionsAt), and
 * the invariant checker holds after every step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { versionsAt } from '../../src/engine/index.js';
import { SYS, T1, newCluster, ok, readyTenant, session, step, tenant } from '../unit/engine/helpers.js';
import { ARCHIVE, DATA, backupNow, finishRestores, sql } from '../unit/engine/restore-helpers.js';

const action = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), blocks: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 30, max: 3600 }) }),
  fc.record({ kind: fc.constant('backup' as const), incremental: fc.boolean() }),
);

describe('restored data equals the source at the restore point', () => {
  it('holds over generated histories', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), (actions, where) => {
        const cluster = newCluster({ macroBlocksPerTenant: 64 });
        const t = readyTenant(cluster);
        backupNow(cluster, t);
        for (const a of actions) {
          if (a.kind === 'write') ok(cluster, t, sql(`ALTER EMULATOR WRITE ${a.blocks} MACROBLOCKS`));
          else if (a.kind === 'advance') step(cluster, a.seconds * 1000, 60_000);
          else backupNow(cluster, t, a.incremental);
        }
        step(cluster, 300_000, 60_000);
        const b = tenant(cluster, T1).backup!;
        const low = b.setFiles[0]!.minRestoreScn;
        const high = b.pieces.reduce((m, p) => (p.checkpointScn > m ? p.checkpointScn : m), 0n);
        const point = low + BigInt(Math.floor(Number(high - low) * where));
        ok(cluster, session(SYS), sql(`ALTER SYSTEM RESTORE r1 FROM '${DATA},${ARCHIVE}' UNTIL SCN = ${point} WITH 'primary_zone=zone1'`));
        finishRestores(cluster);
        const restored = cluster.state.tenants.find((x) => x.name === 'r1')!;
        expect(restored.role).toBe('STANDBY');
        expect(Array.from(versionsAt(restored.backup!.data, cluster.state.nowUs))).toEqual(Array.from(versionsAt(b.data, Number(point / 1000n))));
      }),
      { numRuns: 25, seed: 6 },
    );
  }, 120_000);
});
