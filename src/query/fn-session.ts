/** Functions answered from the session and the version profile: VERSION(), OB_VERSION(), DATABASE(), USER(), … */
import type { SqlValue } from '../result.js';
import type { FnTable } from './fn-def.js';
import type { Compiled } from './scope.js';
import { DEFAULT_VERSION } from './sysvars.js';
import { BIGINT, varchar } from './types.js';
import type { EvalContext } from './catalog.js';

function fixed(read: (ctx: EvalContext) => SqlValue, length: number): FnTable[string] {
  return {
    min: 0,
    max: 0,
    compile: (_args, scope): Compiled => {
      const v = read(scope.ctx);
      return { type: typeof v === 'bigint' ? BIGINT : varchar(length), nullable: v === null, fn: () => v, constant: true };
    },
  };
}

export const SESSION_FUNCTIONS: FnTable = {
  VERSION: fixed((ctx) => ctx.globalVariables.get('version')?.toString() ?? `5.7.25-OceanBase_CE-v${(ctx.version ?? DEFAULT_VERSION).obVersion}`, 64),
  OB_VERSION: fixed((ctx) => (ctx.version ?? DEFAULT_VERSION).obVersion, 64),
  DATABASE: fixed((ctx) => ctx.database ?? null, 128),
  SCHEMA: fixed((ctx) => ctx.database ?? null, 128),
  USER: fixed((ctx) => ctx.user, 288),
  SESSION_USER: fixed((ctx) => ctx.user, 288),
  SYSTEM_USER: fixed((ctx) => ctx.user, 288),
  CURRENT_USER: fixed((ctx) => ctx.currentUser ?? `${ctx.user.split('@')[0] ?? ''}@%`, 288),
  CONNECTION_ID: fixed((ctx) => ctx.connectionId, 20),
  /** The first AUTO_INCREMENT value the session's last INSERT generated (0 before any), as MySQL keeps it per session. */
  LAST_INSERT_ID: {
    min: 0,
    max: 0,
    compile: (_args, scope): Compiled => {
      const v = scope.ctx.lastInsertId ?? 0n;
      return { type: { base: 'bigint', width: 20, unsigned: true }, nullable: false, fn: () => v, constant: true };
    },
  },
};
