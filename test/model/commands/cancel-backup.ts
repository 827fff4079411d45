/**
 * ALTER SYSTEM CANCEL BACKUP [TENANT = …] (statements.md §3.3): INIT / DOING jobs of the scope go to CANCELING
 * (sys without a list: every tenant, the sys job included); nothing to cancel is still a success. A user tenant's
 * list is OB_NOT_SUPPORTED without a message.
 */
import { E } from '../errors.js';
import type { ExpectedError } from '../errors.js';
import { jobsCertain, phaseOf } from '../model-jobs.js';
import { USER_TENANTS } from '../model.js';
import type { Conn, Model } from '../model.js';
import { getTenantIds } from './backup-sys.js';
import { ModelCommand, fail, ok, tenantClause } from './command.js';
import type { Prediction } from './command.js';

export class CancelBackup extends ModelCommand {
  constructor(readonly conn: Conn, readonly list: readonly string[] | null) {
    super();
  }

  statement(): string {
    return `ALTER SYSTEM CANCEL BACKUP${tenantClause(this.list)}`;
  }

  #scope(): readonly Conn[] | ExpectedError {
    if (this.conn !== 'sys') return this.list === null ? [this.conn] : E.notSupported();
    if (this.list === null) return ['sys', ...USER_TENANTS];
    return getTenantIds(this.list);
  }

  check(m: Readonly<Model>): boolean {
    const scope = this.#scope();
    return !Array.isArray(scope) || jobsCertain(m, scope as readonly Conn[]);
  }

  predict(m: Model): Prediction {
    const scope = this.#scope();
    if (!Array.isArray(scope)) return fail(scope as ExpectedError);
    const targets = scope as readonly Conn[];
    return ok(() => {
      for (const j of m.jobs) {
        const p = phaseOf(m, j);
        if (targets.includes(j.tenant) && p.where === 'live' && p.status !== 'CANCELING') {
          j.fate = 'cancel';
          j.fateAt = m.now;
        }
      }
    });
  }
}
