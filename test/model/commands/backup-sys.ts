/**
 * ALTER SYSTEM BACKUP [INCREMENTAL] {DATABASE | TENANT = list} [PLUS ARCHIVELOG] from sys (statements.md §3.2,
 * §5.1, views.md §9.3): the list resolver (unknown 5160, sys 4016, duplicates dropped), one live sys job (9036),
 * the per-tenant checks of a list in source order, and for DATABASE the tenants that pass them (none: 9040).
 */
import { E } from '../errors.js';
import type { ExpectedError } from '../errors.js';
import { archiveDoing } from '../model-archive.js';
import { allJobsCertain, isLive, jobsOf } from '../model-jobs.js';
import { USER_TENANTS } from '../model.js';
import type { Model, TenantName } from '../model.js';
import { ModelCommand, fail, ok, tenantClause } from './command.js';
import type { Prediction } from './command.js';

/** Util::get_tenant_ids: the listed user tenants without duplicates, or its error. */
export function getTenantIds(list: readonly string[]): TenantName[] | ExpectedError {
  const out: TenantName[] = [];
  for (const name of list) {
    if (name === 'sys') return E.internal();
    if (!(USER_TENANTS as readonly string[]).includes(name)) return E.invalidTenantName();
    if (!out.includes(name as TenantName)) out.push(name as TenantName);
  }
  return out;
}

function listCheck(m: Model, name: TenantName): ExpectedError | null {
  const t = m.tenants[name];
  if (!archiveDoing(m, t)) return E.cannotStart('log archive status is not doing.');
  if (jobsOf(m, name).some((j) => j.initiator === 'sys' && isLive(m, j))) return E.backupInProgress();
  if (t.dataDest === null) return E.cannotStart('backup dest is not set.');
  return null;
}

export class BackupSys extends ModelCommand {
  readonly conn = 'sys' as const;

  /** `list`: null for DATABASE, [] for the bare TENANT form with no names. */
  constructor(readonly inc: boolean, readonly plus: boolean, readonly list: readonly string[] | null) {
    super();
  }

  statement(): string {
    const inc = this.inc ? ' INCREMENTAL' : '';
    const plus = this.plus ? ' PLUS ARCHIVELOG' : '';
    if (this.list === null) return `ALTER SYSTEM BACKUP${inc} DATABASE${plus}`;
    if (this.list.length === 0) return `ALTER SYSTEM BACKUP${inc}`;
    return `ALTER SYSTEM BACKUP${inc}${tenantClause(this.list)}${plus}`;
  }

  check(m: Readonly<Model>): boolean {
    return allJobsCertain(m);
  }

  predict(m: Model): Prediction {
    let listed: TenantName[] | null = null;
    if (this.list !== null) {
      if (this.list.length === 0) return fail(E.notSupported('No tenant name specified'));
      const ids = getTenantIds(this.list);
      if (!Array.isArray(ids)) return fail(ids as ExpectedError);
      listed = ids;
    }
    if (jobsOf(m, 'sys').some((j) => isLive(m, j))) return fail(E.backupInProgress());
    let executors: TenantName[];
    if (listed !== null) {
      for (const name of listed) {
        const failed = listCheck(m, name);
        if (failed !== null) return fail(failed);
      }
      executors = listed;
    } else {
      executors = USER_TENANTS.filter((t) => listCheck(m, t) === null);
      if (executors.length === 0) return fail(E.noTenantMeets());
    }
    return ok(() => {
      m.jobs.push({
        tenant: 'sys', jobId: m.sysNextJobId++, setId: 0, type: this.inc ? 'INC' : 'FULL', plus: this.plus, initiator: 'sys',
        encrypted: m.encrypted.sys, createdAt: m.now, prevFull: 0, prevInc: 0, destRoot: '', fate: 'run', fateAt: 0,
        executors, childrenCreated: false, parent: 0,
      });
    });
  }
}
