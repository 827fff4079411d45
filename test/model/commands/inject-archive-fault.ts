/**
 * ALTER EMULATOR INJECT FAULT ARCHIVE DEST … ERROR = <fatal error> (emulator.md "Faults"), in the model: an error
 * ObArchiveSender::is_retry_ret_code_ does not retry goes to handle_archive_error_ → mark_fatal_error, so the
 * tenant's running round turns INTERRUPTED at once (views.md §9.5), and every live backup job of the tenant fails
 * at its next step with OB_LOG_ARCHIVE_INTERRUPTED (check_can_backup_). While the fault is armed a round that
 * starts or resumes is interrupted as soon as it sends, SET LOG_ARCHIVE_DEST answers with the error
 * (check_dest_connectivity), and BACKUP is refused (archive not DOING). The way out is NOARCHIVELOG, CLEAR FAULTS,
 * ARCHIVELOG: a new round. Generated only when the hit tenants' archive has settled, so the instant of the interrupt
 * is certain.
 */
import { isLive, jobsCertain, jobsOf } from '../model-jobs.js';
import { archiveSettled, settledRound } from '../model-archive.js';
import { RESULT_ARCHIVE_INTERRUPTED, USER_TENANTS, sqlName } from '../model.js';
import type { Conn, Model, TenantName } from '../model.js';
import { ModelCommand, ok, outcomeCounts } from './command.js';
import type { Prediction } from './command.js';
import type { FinalDestError } from './inject-fault.js';

/** The archive dest errors the model arms: final for the archive too (not is_io_error, not out of space). */
export const FATAL_ARCHIVE_ERRORS = ['OB_BACKUP_PERMISSION_DENIED', 'OB_BACKUP_DEST_NOT_CONNECT'] as const satisfies readonly FinalDestError[];
export type FatalArchiveError = (typeof FATAL_ARCHIVE_ERRORS)[number];

function hit(conn: Conn, listed: TenantName | null): readonly TenantName[] {
  if (listed !== null) return [listed];
  return conn === 'sys' ? USER_TENANTS : [conn];
}

export class InjectArchiveFault extends ModelCommand {
  constructor(readonly conn: Conn, readonly listed: TenantName | null, readonly error: FatalArchiveError) {
    super();
  }

  statement(): string {
    const tenant = this.listed === null ? '' : ` TENANT = ${sqlName(this.listed)}`;
    return `ALTER EMULATOR INJECT FAULT ARCHIVE DEST${tenant} ERROR = ${this.error}`;
  }

  check(m: Readonly<Model>): boolean {
    if (this.conn !== 'sys' && this.listed !== null && this.listed !== this.conn) return false;
    const tenants = hit(this.conn, this.listed);
    return tenants.every((t) => archiveSettled(m, m.tenants[t])) && jobsCertain(m, [...tenants, 'sys']);
  }

  predict(m: Model): Prediction {
    return ok(() => {
      for (const name of hit(this.conn, this.listed)) {
        const t = m.tenants[name];
        if (t.archiveFault !== null) continue; // the first armed fault is the one that fires
        const before = settledRound(t, t.roundBefore);
        t.archiveFault = this.error;
        // The interrupt is a fact from now on: it outlives the fault (CLEAR FAULTS does not resume the round).
        t.roundBefore = settledRound(t, before);
        if (before?.status !== 'DOING') continue;
        outcomeCounts.set('(an archive fault interrupts a round)', (outcomeCounts.get('(an archive fault interrupts a round)') ?? 0) + 1);
        for (const j of jobsOf(m, name)) {
          if (j.fate !== 'run' || !isLive(m, j)) continue;
          j.fate = 'fail';
          j.fateAt = m.now;
          j.failResult = RESULT_ARCHIVE_INTERRUPTED;
          t.interruptedJobsAt = m.now;
        }
      }
    });
  }
}

/**
 * CLEAR FAULTS disarms the archive faults too. What they did stays: a round they interrupted stays INTERRUPTED, so
 * the round is fixed as it stands first (the check in ClearFaults asks that it be settled, or changed only now, in
 * which case the change is decided without the fault).
 */
export function clearArchiveFault(m: Model, name: TenantName): void {
  const t = m.tenants[name];
  if (t.archiveFault === null) return;
  if (archiveSettled(m, t)) t.roundBefore = settledRound(t, t.roundBefore);
  t.archiveFault = null;
}

/** Whether CLEAR FAULTS has a certain outcome for the tenant's archive: no archive change still settling under a fault. */
export function archiveFaultClearable(m: Readonly<Model>, name: TenantName): boolean {
  const t = m.tenants[name];
  return t.archiveFault === null || archiveSettled(m, t) || t.archiveChangedAt === m.now;
}
