/** The user table a DDL statement names, through the catalog: 1146 when missing, OceanBase's error for a view. */
import type { TableName } from '../../../grammar/ast.js';
import { isObError, obErrorWith, type ObError } from '../../errors.js';
import type { UserTableAccess } from '../../views/index.js';
import type { Catalog, EvalContext } from '../catalog.js';
import { withInformationSchema } from '../information-schema/index.js';
import { resolveTable } from '../resolve-table.js';
import { guard } from '../select.js';
import { rejectWrite } from '../show.js';

export function resolveUserTable(name: TableName, verb: 'TRUNCATE' | 'ALTER TABLE' | 'CREATE TABLE LIKE', catalog: Catalog, ctx: EvalContext): UserTableAccess | ObError {
  const cat = withInformationSchema(catalog, ctx);
  const table = guard(() => resolveTable(name, cat, ctx));
  if (isObError(table)) return table;
  if (table.user !== undefined) return table.user;
  if (verb === 'TRUNCATE') return rejectWrite('TRUNCATE', name, cat, ctx);
  return obErrorWith('OB_ERR_WRONG_OBJECT', name.schema ?? ctx.database ?? '', name.name, 'BASE TABLE');
}

/** Runs evaluator code that fails by throwing (storeValue and friends) and returns its error as a value. */
export function evalGuard<T>(body: () => T): T | ObError {
  return guard(body);
}
