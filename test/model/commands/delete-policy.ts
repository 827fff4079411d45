/**
 * ALTER SYSTEM ADD / DROP DELETE BACKUP POLICY (statements.md §3.4, resolver checks in the documented order): only
 * 'default'; a user tenant names no tenant, sys exactly one; ADD needs a time-string RECOVERY_WINDOW or REDUNDANCY 1.
 * ADD of an existing policy is a duplicate key, DROP of a missing one 4018. The window ('7d') is longer than any
 * model run, so no set ever becomes obsolete.
 */
import { E } from '../errors.js';
import type { Conn, Model, TenantName } from '../model.js';
import { ModelCommand, fail, ok, tenantClause } from './command.js';
import type { Prediction } from './command.js';

export type PolicyVariant = 'valid' | 'otherName' | 'noOption' | 'badWindow' | 'redundancy2';

const ONLY_ONE = 'only one tenant name can be specified';

export class DeletePolicy extends ModelCommand {
  constructor(readonly add: boolean, readonly conn: Conn, readonly list: readonly TenantName[] | null, readonly variant: PolicyVariant) {
    super();
  }

  statement(): string {
    const name = this.variant === 'otherName' ? 'weekly' : 'default';
    if (!this.add) return `ALTER SYSTEM DROP DELETE BACKUP POLICY '${name}'${tenantClause(this.list)}`;
    const option = { valid: " RECOVERY_WINDOW '7d'", otherName: " RECOVERY_WINDOW '7d'", noOption: '', badWindow: " RECOVERY_WINDOW 'soon'", redundancy2: ' REDUNDANCY 2' }[this.variant];
    return `ALTER SYSTEM ADD DELETE BACKUP POLICY '${name}'${option}${tenantClause(this.list)}`;
  }

  check(): boolean {
    return true;
  }

  predict(m: Model): Prediction {
    if (this.variant === 'otherName') return fail(E.notSupported("The policy name is not 'default', it is"));
    if (this.conn !== 'sys' && this.list !== null) return fail(E.notSupported('user tenant cannot specify tenant names'));
    if (this.conn === 'sys' && this.list === null) return fail(E.notSupported(`Too little tenant names specified, ${ONLY_ONE}`));
    if (this.list !== null && this.list.length > 1) return fail(E.notSupported(`Too many tenant names specified, ${ONLY_ONE}`));
    if (this.add && this.variant === 'noOption') return fail(E.notSupported('Neither recovery_window nor redundancy is set'));
    if (this.add && this.variant === 'badWindow') return fail(E.notSupported('recovery window is not be time string'));
    if (this.add && this.variant === 'redundancy2') return fail(E.notSupported('Redundancy not equal to 1 is'));
    const target = this.list?.[0] ?? (this.conn as TenantName);
    const t = m.tenants[target];
    if (!this.add) return t.policy ? ok(() => void (t.policy = false)) : fail(E.entryNotExist());
    return t.policy ? fail(E.duplicateKey()) : ok(() => void (t.policy = true));
  }
}
