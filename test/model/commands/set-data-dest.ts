/**
 * ALTER SYSTEM SET data_backup_dest (statements.md §4.3): '' clears; a malformed URI is 9026; any job of the
 * tenant is 9036; a directory that belongs to another tenant or purpose is 9081 (§7.3).
 */
import { E } from '../errors.js';
import { isLive, jobsCertain, jobsOf } from '../model-jobs.js';
import { archiveRoot, dataRoot, otherTenant } from '../model.js';
import type { Conn, Model, TenantName } from '../model.js';
import { ModelCommand, fail, ok, tenantClause } from './command.js';
import { destFaultError } from './inject-fault.js';
import type { Prediction } from './command.js';

export type DataTarget = 'data1' | 'data2' | 'clear' | 'ownArchive' | 'otherTenant' | 'malformed';

export class SetDataDest extends ModelCommand {
  constructor(readonly tenant: TenantName, readonly target: DataTarget, readonly viaSys: boolean) {
    super();
  }

  get conn(): Conn {
    return this.viaSys ? 'sys' : this.tenant;
  }

  value(): string {
    switch (this.target) {
      case 'data1':
        return dataRoot(this.tenant, 1);
      case 'data2':
        return dataRoot(this.tenant, 2);
      case 'clear':
        return '';
      case 'ownArchive':
        return archiveRoot(this.tenant, 1);
      case 'otherTenant':
        return dataRoot(otherTenant(this.tenant), 1);
      case 'malformed':
        return 'ftp://backup/data';
    }
  }

  statement(): string {
    return `ALTER SYSTEM SET data_backup_dest = '${this.value()}'${this.viaSys ? tenantClause([this.tenant]) : ''}`;
  }

  check(m: Readonly<Model>): boolean {
    // Clearing the dest under a sys job whose child is not created yet leaves the child without a dest: a case
    // the spec does not settle, so the model does not generate it.
    const pending = m.jobs.some((j) => j.tenant === 'sys' && !j.childrenCreated && j.executors.includes(this.tenant));
    return jobsCertain(m, [this.tenant]) && !(this.target === 'clear' && pending);
  }

  predict(m: Model): Prediction {
    if (this.target === 'malformed') return fail(E.invalidBackupDest());
    if (jobsOf(m, this.tenant).some((j) => isLive(m, j))) return fail(E.backupInProgress());
    const root = this.value();
    // check_dest_connectivity runs before the format file is read: a broken dest answers with its error.
    const fault = m.tenants[this.tenant].destFault;
    if (root !== '' && fault !== null) return fail(destFaultError(fault));
    const format = m.formats.get(root);
    if (root !== '' && format !== undefined && (format.tenant !== this.tenant || format.type !== 'data')) return fail(E.formatNotMatch());
    return ok(() => {
      m.tenants[this.tenant].dataDest = root === '' ? null : root;
      if (root !== '' && format === undefined) m.formats.set(root, { tenant: this.tenant, type: 'data' });
    });
  }
}
