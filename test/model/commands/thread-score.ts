/**
 * ALTER SYSTEM SET ha_low_thread_score = n [TENANT = …] (statements.md §4.7): a tenant parameter in [0,100]; a
 * value outside is OB_INVALID_CONFIG (ObAdminSetConfig's range check), TENANT from a user tenant 1227.
 */
import { E } from '../errors.js';
import { TENANT_ID, USER_TENANTS } from '../model.js';
import type { Conn, Model, TenantName } from '../model.js';
import type { System } from '../system.js';
import { ModelCommand, fail, ok, tenantClause } from './command.js';
import type { Prediction } from './command.js';

export class ThreadScore extends ModelCommand {
  constructor(readonly conn: Conn, readonly target: TenantName | 'all_user' | null, readonly value: number) {
    super();
  }

  statement(): string {
    return `ALTER SYSTEM SET ha_low_thread_score = ${this.value}${this.target === null ? '' : tenantClause([this.target])}`;
  }

  check(): boolean {
    return true;
  }

  predict(m: Model): Prediction {
    if (this.conn !== 'sys' && this.target !== null) return fail(E.noPrivilege());
    if (this.value > 100) return fail(E.invalidConfig());
    const targets: readonly Conn[] = this.target === 'all_user' ? USER_TENANTS : [this.target ?? this.conn];
    return ok(() => {
      for (const t of targets) if (t !== 'sys') m.tenants[t].threadScore = this.value;
    });
  }

  override async extraCheck(m: Model, s: System): Promise<void> {
    const got = await s.rows("SELECT TENANT_ID, VALUE FROM oceanbase.GV$OB_PARAMETERS WHERE NAME = 'ha_low_thread_score' AND TENANT_ID IN (SELECT TENANT_ID FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_TYPE = 'USER') ORDER BY TENANT_ID");
    const want = USER_TENANTS.map((t) => [String(TENANT_ID[t]), String(m.tenants[t].threadScore)]);
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`ha_low_thread_score: model ${JSON.stringify(want)}, actual ${JSON.stringify(got)}`);
  }
}
