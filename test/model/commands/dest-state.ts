/**
 * ALTER SYSTEM SET log_archive_dest_state = 'DEFER' | 'ENABLE' (statements.md §4.5): DEFER suspends a running
 * round, ENABLE resumes it; anything else is OB_INVALID_ARGUMENT. No check of whether archive runs.
 */
import { E } from '../errors.js';
import { archiveChangeable, beginArchiveChange } from '../model-archive.js';
import { jobsCertain } from '../model-jobs.js';
import type { Conn, Model, TenantName } from '../model.js';
import { ModelCommand, fail, ok, tenantClause } from './command.js';
import type { Prediction } from './command.js';

export class DestState extends ModelCommand {
  constructor(readonly tenant: TenantName, readonly value: 'DEFER' | 'ENABLE' | 'PAUSE', readonly viaSys: boolean) {
    super();
  }

  get conn(): Conn {
    return this.viaSys ? 'sys' : this.tenant;
  }

  statement(): string {
    return `ALTER SYSTEM SET log_archive_dest_state = '${this.value}'${this.viaSys ? tenantClause([this.tenant]) : ''}`;
  }

  check(m: Readonly<Model>): boolean {
    return archiveChangeable(m, m.tenants[this.tenant]) && jobsCertain(m, [this.tenant]);
  }

  predict(m: Model): Prediction {
    const value = this.value;
    if (value === 'PAUSE') return fail(E.invalidArgument());
    const t = m.tenants[this.tenant];
    return ok(() => {
      beginArchiveChange(m, t);
      t.destState = value;
    });
  }
}
