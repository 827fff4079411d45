/** Canonical SQL for the data plane's statements (rules-data.ts), one printer per kind. */
import type { AlterSpec, Assignment, ColumnDefinition, DataStatement, DataType, Expr, OrderItem, TableConstraint, TableOption, ValueItem } from './ast.js';
import { printExpr, printName, printQuery, printString, printTable } from './print-expr.js';
import type { PrinterTable } from './print-parts.js';
import { RESERVED } from './tokens.js';

function printType(t: DataType): string {
  const name = t.name === 'CHAR' || (/^[A-Z_][A-Z0-9_]*$/.test(t.name) && !RESERVED.has(t.name)) ? t.name : printName(t.name);
  const args = t.args.length === 0 ? '' : `(${t.args.join(', ')})`;
  return `${name}${args}${t.unsigned ? ' UNSIGNED' : ''}${t.zerofill ? ' ZEROFILL' : ''}`;
}

/** A default as the defaultValue rule reads it back: literals and CURRENT_TIMESTAMP bare, anything else in parentheses. */
function printDefault(e: Expr): string {
  switch (e.kind) {
    case 'NumberLiteral':
    case 'StringLiteral':
    case 'NullLiteral':
    case 'BoolLiteral':
      return printExpr(e);
    case 'Unary':
      if ((e.op === '-' || e.op === '+') && e.operand.kind === 'NumberLiteral') return `${e.op}${e.operand.text}`;
      break;
    case 'FunctionCall': {
      const [fsp, more] = e.args;
      const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(e.name) && !RESERVED.has(e.name.toUpperCase());
      if (plain && more === undefined && !e.star && !e.distinct && (fsp === undefined || (fsp.kind === 'NumberLiteral' && /^\d+$/.test(fsp.text)))) {
        return fsp === undefined ? `${e.name}()` : `${e.name}(${fsp.kind === 'NumberLiteral' ? fsp.text : ''})`;
      }
      break;
    }
    default:
      break;
  }
  return `(${printExpr(e)})`;
}

function printColumn(c: ColumnDefinition): string {
  let sql = `${printName(c.name)} ${printType(c.type)}`;
  if (c.nullable !== undefined) sql += c.nullable ? ' NULL' : ' NOT NULL';
  if (c.default !== undefined) sql += ` DEFAULT ${printDefault(c.default)}`;
  if (c.onUpdate !== undefined) sql += ` ON UPDATE ${printDefault(c.onUpdate)}`;
  if (c.autoIncrement) sql += ' AUTO_INCREMENT';
  if (c.primaryKey) sql += ' PRIMARY KEY';
  if (c.unique) sql += ' UNIQUE';
  if (c.comment !== undefined) sql += ` COMMENT ${printString(c.comment)}`;
  return sql;
}

function printConstraint(c: TableConstraint): string {
  const columns = `(${c.columns.map(printName).join(', ')})`;
  const name = c.name === undefined ? '' : ` ${printName(c.name)}`;
  if (c.kind === 'PrimaryKey') return `PRIMARY KEY ${columns}`;
  return `${c.kind === 'Unique' ? 'UNIQUE KEY' : 'KEY'}${name} ${columns}`;
}

function printOption(o: TableOption): string {
  if (o.name === 'COMMENT') return `COMMENT = ${printString(o.value)}`;
  if (o.name === 'AUTO_INCREMENT') return `AUTO_INCREMENT = ${o.value}`;
  if (o.name === 'ENGINE') return `ENGINE = ${printName(o.value)}`;
  return `${o.name === 'CHARSET' ? 'DEFAULT CHARSET' : 'COLLATE'} = ${printName(o.value)}`;
}

function printAlter(s: AlterSpec): string {
  switch (s.kind) {
    case 'AddColumn': {
      const position = s.position === undefined ? '' : 'first' in s.position ? ' FIRST' : ` AFTER ${printName(s.position.after)}`;
      return `ADD COLUMN ${printColumn(s.column)}${position}`;
    }
    case 'AddConstraint':
      return `ADD ${printConstraint(s.constraint)}`;
    case 'DropColumn':
      return `DROP COLUMN ${printName(s.column)}`;
    case 'DropIndex':
      return `DROP INDEX ${printName(s.index)}`;
    case 'DropPrimaryKey':
      return 'DROP PRIMARY KEY';
    case 'RenameTable':
      return `RENAME TO ${printTable(s.to)}`;
    case 'Keys':
      return `${s.enable ? 'ENABLE' : 'DISABLE'} KEYS`;
  }
}

function printValue(v: ValueItem): string {
  return v === undefined ? 'DEFAULT' : printExpr(v);
}

function printAssignments(list: readonly Assignment[]): string {
  return list.map((a) => `${a.column.table === undefined ? '' : `${printName(a.column.table)}.`}${printName(a.column.column)} = ${printValue(a.value)}`).join(', ');
}

function printTail(s: { readonly where?: Expr; readonly orderBy: readonly OrderItem[]; readonly limit?: Expr }): string {
  let sql = s.where === undefined ? '' : ` WHERE ${printExpr(s.where)}`;
  if (s.orderBy.length > 0) sql += ` ORDER BY ${s.orderBy.map((o) => `${printExpr(o.expr)}${o.desc ? ' DESC' : ''}`).join(', ')}`;
  return s.limit === undefined ? sql : `${sql} LIMIT ${printExpr(s.limit)}`;
}

type Kinds = DataStatement['kind'];

export const DATA_PRINTERS: PrinterTable<Kinds> = {
  CreateDatabase: (s) => `CREATE DATABASE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${printName(s.name)}`,
  DropDatabase: (s) => `DROP DATABASE ${s.ifExists ? 'IF EXISTS ' : ''}${printName(s.name)}`,
  CreateTable: (s) => {
    const head = `CREATE TABLE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${printTable(s.table)}`;
    if (s.like !== undefined) return `${head} LIKE ${printTable(s.like)}`;
    const elements = [...s.columns.map(printColumn), ...s.constraints.map(printConstraint)];
    const body = elements.length === 0 ? '' : ` (${elements.join(', ')})`;
    const options = s.options.map((o) => ` ${printOption(o)}`).join('');
    return `${head}${body}${options}${s.as === undefined ? '' : ` AS ${printQuery(s.as)}`}`;
  },
  DropTable: (s) => `DROP TABLE ${s.ifExists ? 'IF EXISTS ' : ''}${s.tables.map(printTable).join(', ')}`,
  TruncateTable: (s) => `TRUNCATE TABLE ${printTable(s.table)}`,
  RenameTable: (s) => `RENAME TABLE ${s.renames.map((r) => `${printTable(r.from)} TO ${printTable(r.to)}`).join(', ')}`,
  AlterTable: (s) => `ALTER TABLE ${printTable(s.table)} ${s.specs.map(printAlter).join(', ')}`,
  Insert: (s) => {
    let sql = `${s.replace ? 'REPLACE' : 'INSERT'}${s.ignore ? ' IGNORE' : ''} INTO ${printTable(s.table)}`;
    if (s.columns !== undefined) sql += ` (${s.columns.map(printName).join(', ')})`;
    const source = s.source;
    if (source.kind === 'Values') sql += ` VALUES ${source.rows.map((r) => `(${r.map(printValue).join(', ')})`).join(', ')}`;
    else if (source.kind === 'Set') sql += ` SET ${printAssignments(source.assignments)}`;
    else sql += ` ${printQuery(source.query)}`;
    return s.onDuplicate.length === 0 ? sql : `${sql} ON DUPLICATE KEY UPDATE ${printAssignments(s.onDuplicate)}`;
  },
  Update: (s) => `UPDATE${s.ignore ? ' IGNORE' : ''} ${printTable(s.table)}${s.alias === undefined ? '' : ` ${printName(s.alias)}`} SET ${printAssignments(s.assignments)}${printTail(s)}`,
  Delete: (s) => `DELETE${s.ignore ? ' IGNORE' : ''} FROM ${printTable(s.table)}${s.alias === undefined ? '' : ` ${printName(s.alias)}`}${printTail(s)}`,
};
