/** Valid data-plane statements (rules-data.ts) with their expected ASTs: DDL and DML over user tables. */
import type { ColumnDefinition, DataType, Statement } from '../../../grammar/ast.js';
import { bin, col, colItem, eq, fn, num, param, select, star, str, table } from './build.js';

const type = (name: string, args: string[] = [], unsigned = false): DataType => ({ name, args, unsigned, zerofill: false });
const column = (name: string, t: DataType, extra: Partial<ColumnDefinition> = {}): ColumnDefinition => ({
  name,
  type: t,
  autoIncrement: false,
  primaryKey: false,
  unique: false,
  ...extra,
});
const t = { name: 't' };

export const dataCases: readonly (readonly [string, Statement])[] = [
  ['CREATE DATABASE app', { kind: 'CreateDatabase', ifNotExists: false, name: 'app' }],
  ['create schema if not exists `my-db` default character set utf8mb4 collate = utf8mb4_bin', { kind: 'CreateDatabase', ifNotExists: true, name: 'my-db' }],
  ['DROP DATABASE IF EXISTS app', { kind: 'DropDatabase', ifExists: true, name: 'app' }],
  ['DROP SCHEMA app', { kind: 'DropDatabase', ifExists: false, name: 'app' }],
  [
    'CREATE TABLE t (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64) NOT NULL DEFAULT \'\', price DECIMAL(10, 2) DEFAULT -1.5, ok BOOLEAN NULL)',
    {
      kind: 'CreateTable',
      ifNotExists: false,
      table: t,
      columns: [
        column('id', type('BIGINT', [], true), { nullable: false, autoIncrement: true, primaryKey: true }),
        column('name', type('VARCHAR', ['64']), { nullable: false, default: str('') }),
        column('price', type('DECIMAL', ['10', '2']), { default: { kind: 'Unary', op: '-', operand: num('1.5') } }),
        column('ok', type('BOOLEAN'), { nullable: true }),
      ],
      constraints: [],
      options: [],
    },
  ],
  [
    "CREATE TABLE IF NOT EXISTS app.orders (id int, sku char(8) character set utf8mb4, at datetime(6) default current_timestamp(6) on update current_timestamp(6) comment 'when', primary key (id), unique key uk_sku (sku), key idx_at (at desc), constraint c1 unique (sku, at)) engine=InnoDB default charset=utf8mb4 comment='orders' auto_increment=100",
    {
      kind: 'CreateTable',
      ifNotExists: true,
      table: { schema: 'app', name: 'orders' },
      columns: [
        column('id', type('INT')),
        column('sku', type('CHAR', ['8'])),
        column('at', type('DATETIME', ['6']), { default: fn('current_timestamp', [num('6')]), onUpdate: fn('current_timestamp', [num('6')]), comment: 'when' }),
      ],
      constraints: [
        { kind: 'PrimaryKey', columns: ['id'] },
        { kind: 'Unique', name: 'uk_sku', columns: ['sku'] },
        { kind: 'Index', name: 'idx_at', columns: ['at'] },
        { kind: 'Unique', name: 'c1', columns: ['sku', 'at'] },
      ],
      options: [
        { name: 'ENGINE', value: 'InnoDB' },
        { name: 'CHARSET', value: 'utf8mb4' },
        { name: 'COMMENT', value: 'orders' },
        { name: 'AUTO_INCREMENT', value: '100' },
      ],
    },
  ],
  ['CREATE TABLE t2 LIKE t', { kind: 'CreateTable', ifNotExists: false, table: { name: 't2' }, columns: [], constraints: [], options: [], like: t }],
  ['CREATE TABLE t2 AS SELECT * FROM t', { kind: 'CreateTable', ifNotExists: false, table: { name: 't2' }, columns: [], constraints: [], options: [], as: select({ items: [star], from: [table('t')] }) }],
  [
    'CREATE TABLE t2 (k INT KEY, v TEXT) SELECT a FROM t',
    {
      kind: 'CreateTable',
      ifNotExists: false,
      table: { name: 't2' },
      columns: [column('k', type('INT'), { primaryKey: true }), column('v', type('TEXT'))],
      constraints: [],
      options: [],
      as: select({ items: [colItem('a')], from: [table('t')] }),
    },
  ],
  ['CREATE TABLE t (d DATE DEFAULT NULL, u TINYINT(1) UNSIGNED UNIQUE, f DOUBLE DEFAULT (1 + 1))', {
    kind: 'CreateTable',
    ifNotExists: false,
    table: t,
    columns: [
      column('d', type('DATE'), { default: { kind: 'NullLiteral' } }),
      column('u', type('TINYINT', ['1'], true), { unique: true }),
      column('f', type('DOUBLE'), { default: bin('+', num('1'), num('1')) }),
    ],
    constraints: [],
    options: [],
  }],
  ['DROP TABLE IF EXISTS t, app.u', { kind: 'DropTable', ifExists: true, tables: [t, { schema: 'app', name: 'u' }] }],
  ['DROP TABLE t CASCADE', { kind: 'DropTable', ifExists: false, tables: [t] }],
  ['TRUNCATE TABLE t', { kind: 'TruncateTable', table: t }],
  ['TRUNCATE app.t', { kind: 'TruncateTable', table: { schema: 'app', name: 't' } }],
  ['RENAME TABLE t TO u, a.x TO b.y', { kind: 'RenameTable', renames: [{ from: t, to: { name: 'u' } }, { from: { schema: 'a', name: 'x' }, to: { schema: 'b', name: 'y' } }] }],
  [
    'ALTER TABLE t ADD COLUMN c INT NOT NULL DEFAULT 0 AFTER b, ADD d VARCHAR(10) FIRST, DROP COLUMN e, DROP f, ADD INDEX i (c), DROP INDEX i, DROP PRIMARY KEY, RENAME TO u',
    {
      kind: 'AlterTable',
      table: t,
      specs: [
        { kind: 'AddColumn', column: column('c', type('INT'), { nullable: false, default: num('0') }), position: { after: 'b' } },
        { kind: 'AddColumn', column: column('d', type('VARCHAR', ['10'])), position: { first: true } },
        { kind: 'DropColumn', column: 'e' },
        { kind: 'DropColumn', column: 'f' },
        { kind: 'AddConstraint', constraint: { kind: 'Index', name: 'i', columns: ['c'] } },
        { kind: 'DropIndex', index: 'i' },
        { kind: 'DropPrimaryKey' },
        { kind: 'RenameTable', to: { name: 'u' } },
      ],
    },
  ],
  ['ALTER TABLE `t` DISABLE KEYS', { kind: 'AlterTable', table: t, specs: [{ kind: 'Keys', enable: false }] }],
  ['alter table t enable keys', { kind: 'AlterTable', table: t, specs: [{ kind: 'Keys', enable: true }] }],
  [
    "INSERT INTO t (a, b) VALUES (1, 'x'), (DEFAULT, NULL)",
    { kind: 'Insert', replace: false, ignore: false, table: t, columns: ['a', 'b'], source: { kind: 'Values', rows: [[num('1'), str('x')], [undefined, { kind: 'NullLiteral' }]] }, onDuplicate: [] },
  ],
  ['insert t values ()', { kind: 'Insert', replace: false, ignore: false, table: t, source: { kind: 'Values', rows: [[]] }, onDuplicate: [] }],
  ['INSERT INTO t () VALUE (?)', { kind: 'Insert', replace: false, ignore: false, table: t, columns: [], source: { kind: 'Values', rows: [[param(0)]] }, onDuplicate: [] }],
  [
    'INSERT IGNORE INTO app.t SET a = ?, b = DEFAULT',
    { kind: 'Insert', replace: false, ignore: true, table: { schema: 'app', name: 't' }, source: { kind: 'Set', assignments: [{ column: { column: 'a' }, value: param(0) }, { column: { column: 'b' } }] }, onDuplicate: [] },
  ],
  [
    'INSERT INTO t (a, n) VALUES (?, 1) ON DUPLICATE KEY UPDATE n = n + VALUES(n), t.m = ?',
    {
      kind: 'Insert',
      replace: false,
      ignore: false,
      table: t,
      columns: ['a', 'n'],
      source: { kind: 'Values', rows: [[param(0), num('1')]] },
      onDuplicate: [
        { column: { column: 'n' }, value: bin('+', col('n'), fn('VALUES', [col('n')])) },
        { column: { table: 't', column: 'm' }, value: param(1) },
      ],
    },
  ],
  [
    'INSERT INTO t (a) SELECT id FROM u WHERE id > 3',
    { kind: 'Insert', replace: false, ignore: false, table: t, columns: ['a'], source: { kind: 'Query', query: select({ items: [colItem('id')], from: [table('u')], where: bin('>', col('id'), num('3')) }) }, onDuplicate: [] },
  ],
  ['REPLACE INTO t VALUES (1, 2)', { kind: 'Insert', replace: true, ignore: false, table: t, source: { kind: 'Values', rows: [[num('1'), num('2')]] }, onDuplicate: [] }],
  [
    "UPDATE t SET a = a + 1, b = 'y' WHERE id = ? ORDER BY id DESC LIMIT 10",
    {
      kind: 'Update',
      ignore: false,
      table: t,
      assignments: [
        { column: { column: 'a' }, value: bin('+', col('a'), num('1')) },
        { column: { column: 'b' }, value: str('y') },
      ],
      where: eq(col('id'), param(0)),
      orderBy: [{ expr: col('id'), desc: true }],
      limit: num('10'),
    },
  ],
  ['UPDATE IGNORE app.t AS x SET x.a = DEFAULT', { kind: 'Update', ignore: true, table: { schema: 'app', name: 't' }, alias: 'x', assignments: [{ column: { table: 'x', column: 'a' } }], orderBy: [] }],
  ['DELETE FROM t WHERE 1 = 1', { kind: 'Delete', ignore: false, table: t, where: eq(num('1'), num('1')), orderBy: [] }],
  ['DELETE QUICK FROM t ORDER BY a LIMIT ?', { kind: 'Delete', ignore: false, table: t, orderBy: [{ expr: col('a'), desc: false }], limit: param(0) }],
];
