/**
 * ALTER SYSTEM RESTORE in the forms the model can predict without planning a restore (statements.md §3.7): from a
 * user tenant (OB_OP_NOT_ALLOW), into an existing tenant name (OB_TENANT_EXIST), with an empty WITH option (1149).
 */
import { E } from '../errors.js';
import { archiveRoot, dataRoot } from '../model.js';
import type { Conn } from '../model.js';
import { ModelCommand, fail } from './command.js';
import type { Prediction } from './command.js';

export type RestoreVariant = 'fromUserTenant' | 'existingTenant' | 'emptyOption';

export class RestoreRefused extends ModelCommand {
  constructor(readonly variant: RestoreVariant) {
    super();
  }

  get conn(): Conn {
    return this.variant === 'fromUserTenant' ? 't1' : 'sys';
  }

  statement(): string {
    const target = this.variant === 'existingTenant' ? 'oracle_tenant' : 'restored';
    const option = this.variant === 'emptyOption' ? '' : 'pool_list=restore_pool';
    return `ALTER SYSTEM RESTORE ${target} FROM '${dataRoot('t1', 1)},${archiveRoot('t1', 1)}' WITH '${option}'`;
  }

  check(): boolean {
    return true;
  }

  predict(): Prediction {
    if (this.variant === 'fromUserTenant') return fail(E.opNotAllow('restore tenant from a user tenant is'));
    if (this.variant === 'existingTenant') return fail(E.tenantExist('oracle_tenant'));
    return fail(E.parserSyntax());
  }
}
