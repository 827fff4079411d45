/**
 * ALTER SYSTEM ARCHIVELOG / NOARCHIVELOG [TENANT = …] (statements.md §3.1, §5.2): a user tenant switches itself
 * (a list is 1227; switching to the mode it is in is 9091 / 9092); sys switches all user tenants or a list, where
 * ARCHIVELOG swallows every per-tenant error and NOARCHIVELOG returns the last tenant's result.
 */
import { E } from '../errors.js';
import type { ExpectedError } from '../errors.js';
import { archiveChangeable, beginArchiveChange } from '../model-archive.js';
import { jobsCertain } from '../model-jobs.js';
import { USER_TENANTS, sqlName } from '../model.js';
import type { Conn, Model, TenantName } from '../model.js';
import { ModelCommand, fail, ok, tenantClause } from './command.js';
import type { Prediction } from './command.js';

const SPECIAL = ['all', 'all_user', 'all_meta'];

/** Util::resolve_tenant from sys: the targets ('sys' included when listed), or the resolver's error. */
function resolve(list: readonly string[] | null): readonly (TenantName | 'sys')[] | ExpectedError {
  if (list === null) return USER_TENANTS;
  const out: (TenantName | 'sys')[] = [];
  let special: string | null = null;
  for (const name of list) {
    if (SPECIAL.includes(name.toLowerCase())) {
      if (list.length > 1) return E.notSupported('all/all_user/all_meta in combination with other names is');
      special = name.toLowerCase();
      continue;
    }
    if (name !== 'sys' && !(USER_TENANTS as readonly string[]).includes(name)) return E.invalidTenantName();
    const t = name as TenantName | 'sys';
    if (out.includes(t)) return E.notSupported(`duplicate tenant ${sqlName(name)} is`);
    out.push(t);
  }
  if (special === 'all_user' || special === 'all_meta') return E.notSupported("use all_user/all_meta in 'ALTER SYSTEM ARCHIVELOG' syntax is");
  return special === 'all' ? USER_TENANTS : out;
}

export class ArchiveMode extends ModelCommand {
  constructor(readonly enable: boolean, readonly conn: Conn, readonly list: readonly string[] | null) {
    super();
  }

  statement(): string {
    return `ALTER SYSTEM ${this.enable ? '' : 'NO'}ARCHIVELOG${tenantClause(this.list)}`;
  }

  check(m: Readonly<Model>): boolean {
    const scope = this.conn === 'sys' ? USER_TENANTS : [this.conn];
    return scope.every((t) => archiveChangeable(m, m.tenants[t])) && jobsCertain(m, scope);
  }

  /** ObArchiveHandler for one tenant: the error, or null after switching its mode. */
  #switch(m: Model, name: TenantName | 'sys', changes: (() => void)[]): ExpectedError | null {
    if (name === 'sys') return E.notSupported();
    const t = m.tenants[name];
    const mode = this.enable ? 'ARCHIVELOG' : 'NOARCHIVELOG';
    if (t.logMode === mode) return this.enable ? E.alreadyArchive() : E.alreadyNoArchive();
    changes.push(() => {
      beginArchiveChange(m, t);
      t.logMode = mode;
    });
    return null;
  }

  predict(m: Model): Prediction {
    const changes: (() => void)[] = [];
    const apply = (): void => changes.forEach((c) => c());
    if (this.conn !== 'sys') {
      if (this.list !== null) return fail(E.noPrivilege());
      const failed = this.#switch(m, this.conn, changes);
      return failed === null ? ok(apply) : fail(failed);
    }
    const targets = resolve(this.list);
    if (!Array.isArray(targets)) return fail(targets as ExpectedError);
    let last: ExpectedError | null = null;
    for (const t of targets as readonly (TenantName | 'sys')[]) last = this.#switch(m, t, changes);
    if (this.enable || last === null) return ok(apply);
    return fail(last, apply);
  }
}
