/** The table a SHOW, DESC, LOCK or write names: in the named schema, else the current database (1046 without one). */
import type { TableName } from '../../grammar/ast.js';
import { obError, obErrorWith } from '../errors.js';
import type { Catalog, EvalContext, Table } from './catalog.js';
import { fail } from './scope.js';

export function resolveTable(name: TableName, catalog: Catalog, ctx: EvalContext): Table {
  const schema = name.schema ?? ctx.database;
  if (schema === undefined) return fail(obError('OB_ERR_NO_DB_SELECTED'));
  return catalog.resolve(name.schema, name.name) ?? fail(obErrorWith('OB_TABLE_NOT_EXIST', schema, name.name));
}
