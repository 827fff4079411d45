/**
 * The dashboard's picture model and timeline (issue 24): pure functions of the state and a window, checked on a
 * real history (archive, FULL and INC, a failed job under a fault), and on ten thousand jobs, which must draw as a
 * bounded number of shapes with the failure still visible.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../src/index.js';
import { drawTimelineSvg } from '../../../src/views/draw-svg.js';
import { clusterPicture, type ClusterPicture, type JobPicture } from '../../../src/views/picture.js';
import { fitWindow, timeline } from '../../../src/views/timeline.js';

const START = '2024-01-31T03:20:00Z';

function history(): ClusterPicture {
  const emu = createEmulator({ clock: 'manual', startTime: START, seed: 3 });
  const s = emu.session({ tenant: 'mysql_tenant' });
  const ok = (sql: string): void => {
    const r = s.execute(sql);
    expect(r.kind, `${sql}: ${'message' in r ? r.message : ''}`).not.toBe('ObError');
  };
  ok("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'");
  ok("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'");
  ok('ALTER SYSTEM ARCHIVELOG');
  emu.advance('10s');
  ok('ALTER SYSTEM BACKUP DATABASE');
  emu.advance('10m');
  ok('ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
  emu.advance('10m');
  emu.injectFault({ target: 'BACKUP DEST', error: 'OB_BACKUP_DEVICE_OUT_OF_SPACE' });
  ok('ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
  emu.advance('1h');
  const cluster = emu.inspect();
  return clusterPicture(cluster.state, cluster.state.nowUs);
}

describe('clusterPicture', () => {
  const p = history();
  const t = p.tenants.find((x) => x.name === 'mysql_tenant');

  it('holds the chain, the jobs with their outcome, the round and the window', () => {
    expect(t?.sets.map((s) => [s.backupSetId, s.type, s.status])).toEqual([
      [1, 'FULL', 'SUCCESS'],
      [2, 'INC', 'SUCCESS'],
    ]);
    expect(t?.sets[1]?.prevFullBackupSetId).toBe(1);
    expect(t?.jobs.map((j) => [j.jobId, j.status])).toEqual([
      [1, 'COMPLETED'],
      [2, 'COMPLETED'],
      [3, 'FAILED'],
    ]);
    expect(t?.jobs[2]?.comment).toContain('-9082(backup device out of space)');
    expect(t?.rounds[0]?.status).toBe('DOING');
    expect(t?.restorableWindow?.fromUs).toBe(t?.sets[0]?.minRestoreUs);
    expect(p.faults).toEqual([expect.objectContaining({ faultId: 1, target: 'BACKUP DEST', effect: 'ERROR = OB_BACKUP_DEVICE_OUT_OF_SPACE' })]);
    expect(p.clock.now).toBe('2024-01-31T04:40:10.000000Z');
  });

  it('is plain JSON: it survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });
});

describe('timeline', () => {
  const p = history();

  it('lays out a lane per kind, the failed job red with its COMMENT in the hover text', () => {
    const tl = timeline(p, 'mysql_tenant', fitWindow(p.tenants[1], p), 1200);
    expect(tl.lanes.map((l) => l.name)).toEqual(['archive', 'pieces', 'backups', 'cleans', 'restores', 'faults', 'restorable']);
    const backups = tl.lanes.find((l) => l.name === 'backups')?.items ?? [];
    expect(backups.map((b) => b.tone)).toEqual(['COMPLETED', 'COMPLETED', 'FAILED']);
    expect(backups[2]?.title).toContain('-9082(backup device out of space)');
    const svg = drawTimelineSvg(tl);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('fill="#c62828"');
    expect(svg).toContain('backup job 3: INC FAILED');
    expect(tl.nowX).not.toBeNull();
  });

  it('leaves out what is outside the window and keeps every shape inside the plot', () => {
    const now = p.clock.nowUs;
    const tl = timeline(p, 'mysql_tenant', { fromUs: now - 60_000_000, toUs: now }, 800);
    const backups = tl.lanes.find((l) => l.name === 'backups')?.items ?? [];
    expect(backups.map((b) => b.tone)).toEqual([]);
    for (const lane of tl.lanes) for (const item of lane.items) expect(item.x + item.width).toBeLessThanOrEqual(800);
  });

  it('draws ten thousand jobs as a bounded number of shapes, failures kept with their comment', () => {
    const base = p.tenants[1];
    if (base === undefined) throw new Error('no tenant');
    const start = p.clock.nowUs - 10_000 * 3_600_000_000;
    const jobs: JobPicture[] = Array.from({ length: 10_000 }, (_, i) => ({
      jobId: i + 1,
      backupSetId: i + 1,
      type: i % 7 === 0 ? 'FULL' : 'INC',
      jobLevel: 'USER_TENANT',
      status: i === 4321 ? 'FAILED' : 'COMPLETED',
      startUs: start + i * 3_600_000_000,
      endUs: start + i * 3_600_000_000 + 600_000_000,
      result: i === 4321 ? -9041 : 0,
      comment: i === 4321 ? 'result: -9041(device out of space)' : '',
      plusArchivelog: false,
      encryptionMode: 'NONE',
    }));
    const big: ClusterPicture = { ...p, tenants: [{ ...base, jobs }] };
    const tl = timeline(big, base.name, fitWindow(big.tenants[0], big), 1200);
    const backups = tl.lanes.find((l) => l.name === 'backups')?.items ?? [];
    expect(backups.length).toBeLessThanOrEqual(1200);
    expect(backups.reduce((n, b) => n + b.count, 0)).toBe(10_000);
    const failed = backups.filter((b) => b.tone === 'FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.title).toContain('device out of space');
  });

  it('is deterministic: the same picture and window give the same SVG text', () => {
    const w = fitWindow(p.tenants[1], p);
    expect(drawTimelineSvg(timeline(p, 'mysql_tenant', w, 900))).toBe(drawTimelineSvg(timeline(history(), 'mysql_tenant', w, 900)));
  });
});
