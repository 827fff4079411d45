/**
 * The model's log archive (statements.md §3.1 "Effect", views.md §9.5): where the background archive scheduler
 * takes a tenant's round for a given mode, dest and dest state. Changes made at one instant are decided together,
 * because the scheduler only looks a second later.
 */
import { ARCHIVE_SETTLE_MS } from './model.js';
import type { Model, Round, TenantModel } from './model.js';

/**
 * Where the scheduler takes `before` under the tenant's current mode, dest and dest state; a round that would run
 * while a fatal archive fault is armed is INTERRUPTED as soon as it sends (ObArchiveSender::handle_archive_error_).
 */
export function settledRound(t: TenantModel, before: Round | null): Round | null {
  const r = schedulerRound(t, before);
  return r !== null && r.status === 'DOING' && t.archiveFault !== null ? { id: r.id, status: 'INTERRUPTED' } : r;
}

function schedulerRound(t: TenantModel, before: Round | null): Round | null {
  if (t.archiveDest === null) return before; // 1. no dest: nothing happens
  if (t.logMode === 'NOARCHIVELOG') return before === null ? null : { id: before.id, status: 'STOP' }; // 2. disable
  if (t.destState === 'DEFER') {
    // 3. defer_archive suspends a running (or INTERRUPTED) round; a stopped round (or none) stays as it is.
    return before !== null && before.status !== 'STOP' ? { id: before.id, status: 'SUSPEND' } : before;
  }
  // 4. enable_archive: a new round after STOP (or the first), the same round after SUSPEND.
  if (before === null) return { id: 1, status: 'DOING' };
  if (before.status === 'STOP') return { id: before.id + 1, status: 'DOING' };
  // An INTERRUPTED round stays so under ARCHIVELOG + ENABLE: only NOARCHIVELOG (or DEFER) moves it on.
  if (before.status === 'INTERRUPTED') return before;
  return { id: before.id, status: 'DOING' };
}

/** Whether an archive change may be made now: the last one has settled, or was made at this same instant. */
export function archiveChangeable(m: Model, t: TenantModel): boolean {
  if (t.interruptedJobsAt === m.now) return false;
  return t.archiveChangedAt === m.now || m.now - t.archiveChangedAt >= ARCHIVE_SETTLE_MS || t.archiveChangedAt < 0;
}

/** The round now: the one before the change at the instant of the change, the settled one afterwards. */
export function roundNow(m: Model, t: TenantModel): Round | null {
  if (t.archiveChangedAt === m.now) return t.roundBefore;
  return settledRound(t, t.roundBefore);
}

/** Call before changing a tenant's archive mode, dest or dest state (requires `archiveChangeable`). */
export function beginArchiveChange(m: Model, t: TenantModel): void {
  if (t.archiveChangedAt === m.now) return;
  t.roundBefore = settledRound(t, t.roundBefore);
  t.archiveChangedAt = m.now;
}

export function archiveDoing(m: Model, t: TenantModel): boolean {
  return roundNow(m, t)?.status === 'DOING';
}

/** An archive dest counts as in use while its round is not STOP (statements.md §4.4 row 3). */
export function archiveRunning(m: Model, t: TenantModel): boolean {
  const r = roundNow(m, t);
  return r !== null && r.status !== 'STOP';
}

/** Whether the tenant's archive has settled (no change this instant or within ARCHIVE_SETTLE_MS). */
export function archiveSettled(m: Readonly<Model>, t: TenantModel): boolean {
  return t.archiveChangedAt < 0 || m.now - t.archiveChangedAt >= ARCHIVE_SETTLE_MS;
}
