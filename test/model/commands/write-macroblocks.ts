/** ALTER EMULATOR WRITE n MACROBLOCKS [TENANT = t] (emulator.md): changed data for the next INC; always accepted. */
import type { Conn, TenantName } from '../model.js';
import { ModelCommand, ok, tenantClause } from './command.js';
import type { Prediction } from './command.js';

export class WriteMacroblocks extends ModelCommand {
  constructor(readonly tenant: TenantName, readonly count: number, readonly viaSys: boolean) {
    super();
  }

  get conn(): Conn {
    return this.viaSys ? 'sys' : this.tenant;
  }

  statement(): string {
    return `ALTER EMULATOR WRITE ${this.count} MACROBLOCKS${this.viaSys ? tenantClause([this.tenant]) : ''}`;
  }

  check(): boolean {
    return true;
  }

  predict(): Prediction {
    return ok();
  }
}
