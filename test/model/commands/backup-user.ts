/**
 * ALTER SYSTEM BACKUP [INCREMENTAL] DATABASE [PLUS ARCHIVELOG] from a user tenant (statements.md §3.2, RS checks
 * in source order): no data dest 9040 (no reason), a job of the same initiator 9036, archive not DOING 9040 with
 * its reason; otherwise an INIT job, FULL when an INC has no base set. The TENANT form is refused.
 */
import { E } from '../errors.js';
import { archiveDoing } from '../model-archive.js';
import { isLive, jobsCertain, jobsOf, newUserJob } from '../model-jobs.js';
import type { Model, TenantName } from '../model.js';
import { ModelCommand, fail, ok, tenantClause } from './command.js';
import type { Prediction } from './command.js';

export class BackupUser extends ModelCommand {
  constructor(readonly tenant: TenantName, readonly inc: boolean, readonly plus: boolean, readonly tenantForm: boolean) {
    super();
  }

  get conn(): TenantName {
    return this.tenant;
  }

  statement(): string {
    const inc = this.inc ? ' INCREMENTAL' : '';
    const plus = this.plus ? ' PLUS ARCHIVELOG' : '';
    return this.tenantForm ? `ALTER SYSTEM BACKUP${inc}${tenantClause([this.tenant])}${plus}` : `ALTER SYSTEM BACKUP${inc} DATABASE${plus}`;
  }

  check(m: Readonly<Model>): boolean {
    return jobsCertain(m, [this.tenant]);
  }

  predict(m: Model): Prediction {
    if (this.tenantForm) return fail(E.notSupported('user tenant cannot specify tenant names'));
    const t = m.tenants[this.tenant];
    if (t.dataDest === null) return fail(E.cannotStart());
    if (jobsOf(m, this.tenant).some((j) => j.initiator === this.tenant && isLive(m, j))) return fail(E.backupInProgress());
    if (!archiveDoing(m, t)) return fail(E.cannotStart('log archive status is not doing.'));
    return ok(() => {
      m.jobs.push(newUserJob(m, this.tenant, this.inc, this.plus, this.tenant, m.encrypted[this.tenant], m.now, 0));
    });
  }
}
