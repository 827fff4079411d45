/**
 * ALTER SYSTEM SET log_archive_dest (statements.md §4.4): no LOCATION, or any change while the round is not STOP,
 * is OB_NOT_SUPPORTED with its message; a malformed URI is 9026; a directory of another tenant or purpose 9081.
 */
import { E } from '../errors.js';
import { archiveChangeable, archiveRunning, beginArchiveChange } from '../model-archive.js';
import { jobsCertain } from '../model-jobs.js';
import { archiveRoot, dataRoot, otherTenant } from '../model.js';
import type { Conn, Model, TenantName } from '../model.js';
import { ModelCommand, fail, ok, tenantClause } from './command.js';
import type { Prediction } from './command.js';
import { destFaultError } from './inject-fault.js';

export type ArchiveTarget = 'archive1' | 'archive2' | 'clear' | 'ownData' | 'otherTenant' | 'malformed' | 'noLocation';

const RUNNING = 'change archive dest when archive is running is';

export class SetArchiveDest extends ModelCommand {
  constructor(readonly tenant: TenantName, readonly target: ArchiveTarget, readonly viaSys: boolean) {
    super();
  }

  get conn(): Conn {
    return this.viaSys ? 'sys' : this.tenant;
  }

  root(): string {
    switch (this.target) {
      case 'archive2':
        return archiveRoot(this.tenant, 2);
      case 'ownData':
        return dataRoot(this.tenant, 1);
      case 'otherTenant':
        return archiveRoot(otherTenant(this.tenant), 1);
      case 'malformed':
        return 'ftp://backup/archive';
      default:
        return archiveRoot(this.tenant, 1);
    }
  }

  value(): string {
    if (this.target === 'clear') return '';
    if (this.target === 'noLocation') return 'BINDING=OPTIONAL';
    return `LOCATION=${this.root()}`;
  }

  statement(): string {
    return `ALTER SYSTEM SET log_archive_dest = '${this.value()}'${this.viaSys ? tenantClause([this.tenant]) : ''}`;
  }

  check(m: Readonly<Model>): boolean {
    return archiveChangeable(m, m.tenants[this.tenant]) && jobsCertain(m, [this.tenant]);
  }

  predict(m: Model): Prediction {
    const t = m.tenants[this.tenant];
    const running = archiveRunning(m, t);
    if (this.target === 'clear') {
      if (running) return fail(E.notSupported(RUNNING));
      return ok(() => {
        beginArchiveChange(m, t);
        t.archiveDest = null;
      });
    }
    if (this.target === 'noLocation') return fail(E.notSupported('set archive dest without location is'));
    if (running) return fail(E.notSupported(RUNNING));
    if (this.target === 'malformed') return fail(E.invalidBackupDest());
    // check_dest_connectivity runs before the format file is read: a broken archive dest answers with its error.
    if (t.archiveFault !== null) return fail(destFaultError(t.archiveFault));
    const root = this.root();
    const format = m.formats.get(root);
    if (format !== undefined && (format.tenant !== this.tenant || format.type !== 'archive')) return fail(E.formatNotMatch());
    return ok(() => {
      beginArchiveChange(m, t);
      t.archiveDest = root;
      if (format === undefined) m.formats.set(root, { tenant: this.tenant, type: 'archive' });
    });
  }
}
