/**
 * ALTER EMULATOR INJECT FAULT BACKUP DEST … ERROR = <final error> and ALTER EMULATOR CLEAR FAULTS (emulator.md
 * "Faults"), in the model: while a final error (ObBackupUtils::is_need_retry_error says no retry) is armed on a
 * tenant's backup dest when time moves, every live job of it ends FAILED with that code within seconds (jobs of
 * that instant at their first step, with no set row), and SET DATA_BACKUP_DEST fails with it at once. A fault from sys without TENANT hits every tenant;
 * one from a user tenant hits that tenant. CLEAR FAULTS (from sys) clears every fault.
 */
import type { ExpectedError } from '../errors.js';
import { isLive, jobsCertain, jobsOf } from '../model-jobs.js';
import { USER_TENANTS, sqlName } from '../model.js';
import type { Conn, Model, TenantName } from '../model.js';
import { ModelCommand, ok, outcomeCounts } from './command.js';
import { archiveFaultClearable, clearArchiveFault } from './inject-archive-fault.js';
import type { Prediction } from './command.js';

/** The final dest errors the model arms, as ob_errno.def defines them (code, message). */
export const FINAL_DEST_ERRORS = {
  OB_BACKUP_DEST_NOT_CONNECT: { errno: 9070, message: 'can not connect to backup destination' },
  OB_BACKUP_PERMISSION_DENIED: { errno: 9071, message: 'no I/O operation permission at the backup destination' },
  OB_BACKUP_DEVICE_OUT_OF_SPACE: { errno: 9082, message: 'backup device out of space' },
} as const;
export type FinalDestError = keyof typeof FINAL_DEST_ERRORS;

export function destFaultError(name: FinalDestError): ExpectedError {
  return { name, ...FINAL_DEST_ERRORS[name] };
}

/** The tenants a fault armed from `conn` with `listed` hits. */
function hit(conn: Conn, listed: TenantName | null): readonly TenantName[] {
  if (listed !== null) return [listed];
  return conn === 'sys' ? USER_TENANTS : [conn];
}

export class InjectDestFault extends ModelCommand {
  constructor(readonly conn: Conn, readonly listed: TenantName | null, readonly error: FinalDestError) {
    super();
  }

  statement(): string {
    const tenant = this.listed === null ? '' : ` TENANT = ${sqlName(this.listed)}`;
    return `ALTER EMULATOR INJECT FAULT BACKUP DEST${tenant} ERROR = ${this.error}`;
  }

  check(m: Readonly<Model>): boolean {
    // A user tenant names only itself; the jobs it hits must be placed (live ones certainly fail).
    if (this.conn !== 'sys' && this.listed !== null && this.listed !== this.conn) return false;
    return jobsCertain(m, [...hit(this.conn, this.listed), 'sys']);
  }

  predict(m: Model): Prediction {
    return ok(() => {
      for (const name of hit(this.conn, this.listed)) {
        const t = m.tenants[name];
        if (t.destFault === null) t.destFault = this.error;
      }
    });
  }
}

/**
 * Time moves while a tenant's dest is broken: each of its running jobs reaches a step within the next seconds and
 * ends FAILED with the code (jobs created at this instant fail at their INIT dest check, before any set row). A
 * fault cleared at the instant it was armed hits nothing: no step ran meanwhile.
 */
export function failOnDestFault(m: Model, tenant: TenantName, at: number): void {
  const error = m.tenants[tenant].destFault;
  if (error === null) return;
  for (const j of jobsOf(m, tenant)) {
    if (j.fate !== 'run' || !isLive(m, j)) continue;
    j.fate = 'fail';
    j.fateAt = at;
    j.failResult = -FINAL_DEST_ERRORS[error].errno;
    outcomeCounts.set('(a dest fault fails a job)', (outcomeCounts.get('(a dest fault fails a job)') ?? 0) + 1);
  }
}

export class ClearFaults extends ModelCommand {
  readonly conn = 'sys' as const;

  statement(): string {
    return 'ALTER EMULATOR CLEAR FAULTS';
  }

  check(m: Readonly<Model>): boolean {
    return USER_TENANTS.every((t) => archiveFaultClearable(m, t));
  }

  predict(m: Model): Prediction {
    return ok(() => {
      for (const name of USER_TENANTS) {
        m.tenants[name].destFault = null;
        clearArchiveFault(m, name);
      }
    });
  }
}
