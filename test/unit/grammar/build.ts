/** Small builders for expected ASTs, so the statement tables stay readable. */
import type { BackupStatement, Expr, FromItem, OptionValue, SelectItem, SelectStatement, Statement } from '../../../grammar/ast.js';

export const col = (column: string, table?: string, schema?: string): Expr => ({
  kind: 'ColumnRef',
  ...(schema === undefined ? {} : { schema }),
  ...(table === undefined ? {} : { table }),
  column,
});
export const num = (text: string): Expr => ({ kind: 'NumberLiteral', text });
export const str = (value: string): Expr => ({ kind: 'StringLiteral', value });
export const param = (index: number): Expr => ({ kind: 'Parameter', index });
export const bin = (op: Extract<Expr, { kind: 'Binary' }>['op'], left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right });
export const eq = (left: Expr, right: Expr): Expr => bin('=', left, right);
export const and = (left: Expr, right: Expr): Expr => bin('AND', left, right);
export const fn = (name: string, args: Expr[] = [], extra: { star?: boolean; distinct?: boolean } = {}): Expr => ({
  kind: 'FunctionCall',
  name,
  args,
  star: extra.star ?? false,
  distinct: extra.distinct ?? false,
});
export const item = (expr: Expr, text: string, alias?: string): SelectItem =>
  alias === undefined ? { kind: 'ExprItem', expr, text } : { kind: 'ExprItem', expr, alias, text };
export const colItem = (name: string): SelectItem => item(col(name), name);
export const star: SelectItem = { kind: 'Star' };
export const table = (name: string, schema?: string, alias?: string): FromItem => ({
  kind: 'Table',
  table: schema === undefined ? { name } : { schema, name },
  ...(alias === undefined ? {} : { alias }),
});
export const select = (parts: Partial<SelectStatement>): SelectStatement => ({
  kind: 'Select',
  distinct: false,
  items: [],
  from: [],
  groupBy: [],
  orderBy: [],
  ...parts,
});
export const archive = (enable: boolean, tenants: string[] | null = null, description: string | null = null): Statement => ({
  kind: 'ArchiveLog',
  enable,
  tenants,
  description,
});
export const backup = (p: Partial<Extract<BackupStatement, { kind: 'BackupDatabase' }>>): Statement => ({
  kind: 'BackupDatabase',
  incremental: false,
  tenantForm: false,
  tenants: null,
  dest: null,
  plusArchivelog: false,
  description: null,
  ...p,
});
export const sval = (value: string): OptionValue => ({ kind: 'StringValue', value });
export const nval = (text: string): OptionValue => ({ kind: 'NumberValue', text });
export const wval = (word: string): OptionValue => ({ kind: 'WordValue', word });
/** ALTER SYSTEM SET with one item. */
export const param1 = (name: string, value: OptionValue, extra: { tenant?: string; scope?: 'MEMORY' | 'SPFILE' | 'BOTH'; comment?: string; server?: string; zone?: string } = {}): Statement => ({
  kind: 'AlterSystemSet',
  items: [{ name, value, ...extra }],
});
export const restore = (p: Partial<Extract<BackupStatement, { kind: 'Restore' }>>): Statement => ({
  kind: 'Restore',
  tenant: 't1r',
  from: null,
  until: null,
  options: '',
  encryptedBy: null,
  keyFrom: null,
  description: null,
  ...p,
});
export const clean = (p: Partial<Extract<BackupStatement, { kind: 'BackupClean' }>>): Statement => ({
  kind: 'BackupClean',
  action: 'CANCEL_DELETE',
  id: null,
  copy: null,
  tenants: null,
  description: null,
  ...p,
});
export const policy = (p: Partial<Extract<BackupStatement, { kind: 'DeletePolicy' }>>): Statement => ({
  kind: 'DeletePolicy',
  action: 'ADD',
  name: 'default',
  recoveryWindow: null,
  redundancy: null,
  backupCopies: null,
  tenants: null,
  ...p,
});
export const manage = (action: Extract<BackupStatement, { kind: 'BackupManage' }>['action'], id: string | null = null, copy: string | null = null): Statement => ({
  kind: 'BackupManage',
  action,
  id,
  copy,
});
