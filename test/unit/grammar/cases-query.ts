/** Valid query-side and session statements with their expected ASTs (clients.md §3–4). */
import type { Statement } from '../../../grammar/ast.js';
import { dataCases } from './cases-data.js';
import { and, bin, col, colItem, eq, fn, item, num, param, select, star, str, table } from './build.js';

const jobs = table('CDB_OB_BACKUP_JOBS', 'oceanbase');

export const queryCases: readonly (readonly [string, Statement])[] = [
  ['SELECT 1', select({ items: [item(num('1'), '1')] })],
  ['select version();', select({ items: [item(fn('version'), 'version()')] })],
  ['SELECT ob_version()', select({ items: [item(fn('ob_version'), 'ob_version()')] })],
  ['select @@time_zone;', select({ items: [item({ kind: 'SystemVariable', scope: null, name: 'time_zone' }, '@@time_zone')] })],
  ['SELECT @@session.tx_isolation, @@GLOBAL.x', select({ items: [
    item({ kind: 'SystemVariable', scope: 'SESSION', name: 'tx_isolation' }, '@@session.tx_isolation'),
    item({ kind: 'SystemVariable', scope: 'GLOBAL', name: 'x' }, '@@GLOBAL.x'),
  ] })],
  ["SELECT @__ob_backup_encryption_mode__, @'a b'", select({ items: [
    item({ kind: 'UserVariable', name: '__ob_backup_encryption_mode__' }, '@__ob_backup_encryption_mode__'),
    item({ kind: 'UserVariable', name: 'a b' }, "@'a b'"),
  ] })],
  ['SELECT dest_no, name, value FROM DBA_OB_ARCHIVE_DEST', select({ items: [colItem('dest_no'), colItem('name'), colItem('value')], from: [table('DBA_OB_ARCHIVE_DEST')] })],
  ['SELECT * FROM oceanbase.CDB_OB_BACKUP_TASKS where tenant_id = 1002;', select({ items: [star], from: [table('CDB_OB_BACKUP_TASKS', 'oceanbase')], where: eq(col('tenant_id'), num('1002')) })],
  ["SELECT VALUE FROM oceanbase.CDB_OB_ARCHIVE_DEST WHERE TENANT_ID=1002 AND NAME='path'", select({
    items: [colItem('VALUE')],
    from: [table('CDB_OB_ARCHIVE_DEST', 'oceanbase')],
    where: and(eq(col('TENANT_ID'), num('1002')), eq(col('NAME'), str('path'))),
  })],
  ['SELECT * FROM `oceanbase`.`DBA_OB_TENANTS` WHERE tenant_name = ? and TENANT_TYPE != ?', select({
    items: [star],
    from: [table('DBA_OB_TENANTS', 'oceanbase')],
    where: and(eq(col('tenant_name'), param(0)), bin('!=', col('TENANT_TYPE'), param(1))),
  })],
  ["SELECT * FROM t WHERE status in ('BEGINNING', 'DOING') AND STATUS NOT IN (?,?)", select({
    items: [star],
    from: [table('t')],
    where: and(
      { kind: 'In', expr: col('status'), list: [str('BEGINNING'), str('DOING')], not: false },
      { kind: 'In', expr: col('STATUS'), list: [param(0), param(1)], not: true },
    ),
  })],
  ['SELECT * FROM t WHERE (TENANT_ID = 1 AND NAME <> \'\') AND START_TIMESTAMP >= ?', select({
    items: [star],
    from: [table('t')],
    where: and(and(eq(col('TENANT_ID'), num('1')), bin('!=', col('NAME'), str(''))), bin('>=', col('START_TIMESTAMP'), param(0))),
  })],
  ["SELECT job_id FROM DBA_OB_BACKUP_JOBS WHERE backup_type = 'FULL' order by job_id DESC LIMIT 1", select({
    items: [colItem('job_id')],
    from: [table('DBA_OB_BACKUP_JOBS')],
    where: eq(col('backup_type'), str('FULL')),
    orderBy: [{ expr: col('job_id'), desc: true }],
    limit: { count: num('1') },
  })],
  ['SELECT * FROM oceanbase.DBA_OB_ZONES ORDER BY ZONE;', select({ items: [star], from: [table('DBA_OB_ZONES', 'oceanbase')], orderBy: [{ expr: col('ZONE'), desc: false }] })],
  ['SELECT * FROM oceanbase.CDB_OB_ARCHIVELOG limit 20', select({ items: [star], from: [table('CDB_OB_ARCHIVELOG', 'oceanbase')], limit: { count: num('20') } })],
  ['SELECT * FROM t LIMIT 5 OFFSET 10', select({ items: [star], from: [table('t')], limit: { count: num('5'), offset: num('10') } })],
  ['SELECT * FROM t LIMIT 10, 5', select({ items: [star], from: [table('t')], limit: { count: num('5'), offset: num('10') } })],
  ['SELECT * FROM t LIMIT ?, ?', select({ items: [star], from: [table('t')], limit: { count: param(1), offset: param(0) } })],
  ["SELECT count(*) FROM oceanbase.CDB_OB_BACKUP_JOBS where JOB_LEVEL='USER_TENANT';", select({
    items: [item(fn('count', [], { star: true }), 'count(*)')],
    from: [jobs],
    where: eq(col('JOB_LEVEL'), str('USER_TENANT')),
  })],
  ['SELECT COUNT(DISTINCT tenant_id) FROM t', select({ items: [item(fn('COUNT', [col('tenant_id')], { distinct: true }), 'COUNT(DISTINCT tenant_id)')], from: [table('t')] })],
  ['SELECT COALESCE(MAX(CHECKPOINT_SCN), 0) FROM oceanbase.CDB_OB_ARCHIVELOG WHERE tenant_id=1002;', select({
    items: [item(fn('COALESCE', [fn('MAX', [col('CHECKPOINT_SCN')]), num('0')]), 'COALESCE(MAX(CHECKPOINT_SCN), 0)')],
    from: [table('CDB_OB_ARCHIVELOG', 'oceanbase')],
    where: eq(col('tenant_id'), num('1002')),
  })],
  ["SELECT tenant_id, COALESCE(previous_locality, '') as previous_locality FROM DBA_OB_TENANTS", select({
    items: [colItem('tenant_id'), item(fn('COALESCE', [col('previous_locality'), str('')]), "COALESCE(previous_locality, '')", 'previous_locality')],
    from: [table('DBA_OB_TENANTS')],
  })],
  ["SELECT IFNULL(checkpoint_scn_display, '-') as checkpoint_scn_display FROM t", select({
    items: [item(fn('IFNULL', [col('checkpoint_scn_display'), str('-')]), "IFNULL(checkpoint_scn_display, '-')", 'checkpoint_scn_display')],
    from: [table('t')],
  })],
  ['select id, lower(status) as status, build_version from __all_server', select({
    items: [colItem('id'), item(fn('lower', [col('status')]), 'lower(status)', 'status'), colItem('build_version')],
    from: [table('__all_server')],
  })],
  ['SELECT *, truncate((time_to_usec(now()) - checkpoint_scn / 1000) / 1000000, 4) AS DELAY FROM t', select({
    items: [
      star,
      item(
        fn('truncate', [
          bin('/', bin('-', fn('time_to_usec', [fn('now')]), bin('/', col('checkpoint_scn'), num('1000'))), num('1000000')),
          num('4'),
        ]),
        'truncate((time_to_usec(now()) - checkpoint_scn / 1000) / 1000000, 4)',
        'DELAY',
      ),
    ],
    from: [table('t')],
  })],
  ['select d.tenant_name, t.STATUS FROM oceanbase.CDB_OB_BACKUP_SET_FILES t, oceanbase.DBA_OB_TENANTS d where t.tenant_id = d.tenant_id', select({
    items: [item(col('tenant_name', 'd'), 'd.tenant_name'), item(col('STATUS', 't'), 't.STATUS')],
    from: [table('CDB_OB_BACKUP_SET_FILES', 'oceanbase', 't'), table('DBA_OB_TENANTS', 'oceanbase', 'd')],
    where: eq(col('tenant_id', 't'), col('tenant_id', 'd')),
  })],
  ['SELECT t.* FROM t AS t JOIN u ON t.a = u.a LEFT OUTER JOIN v ON v.b = u.b', select({
    items: [{ kind: 'Star', table: 't' }],
    from: [{
      kind: 'Join',
      join: 'LEFT',
      left: { kind: 'Join', join: 'INNER', left: table('t', undefined, 't'), right: table('u'), on: eq(col('a', 't'), col('a', 'u')) },
      right: table('v'),
      on: eq(col('b', 'v'), col('b', 'u')),
    }],
  })],
  ['SELECT a FROM t CROSS JOIN u', select({ items: [colItem('a')], from: [{ kind: 'Join', join: 'CROSS', left: table('t'), right: table('u') }] })],
  ['SELECT DISTINCT status FROM t', select({ distinct: true, items: [colItem('status')], from: [table('t')] })],
  ['SELECT tenant_id, count(*) c FROM t GROUP BY tenant_id HAVING count(*) > 1', select({
    items: [colItem('tenant_id'), item(fn('count', [], { star: true }), 'count(*)', 'c')],
    from: [table('t')],
    groupBy: [col('tenant_id')],
    having: bin('>', fn('count', [], { star: true }), num('1')),
  })],
  ['SELECT a FROM t WHERE b IS NOT NULL AND c IS NULL OR NOT d', select({
    items: [colItem('a')],
    from: [table('t')],
    where: bin('OR', and({ kind: 'IsNull', expr: col('b'), not: true }, { kind: 'IsNull', expr: col('c'), not: false }), { kind: 'Unary', op: 'NOT', operand: col('d') }),
  })],
  ["SELECT a FROM t WHERE name LIKE '%backup%' AND x NOT LIKE 'a\\_%' ESCAPE '!'", select({
    items: [colItem('a')],
    from: [table('t')],
    where: and(
      { kind: 'Like', expr: col('name'), pattern: str('%backup%'), not: false },
      { kind: 'Like', expr: col('x'), pattern: str('a\\_%'), escape: str('!'), not: true },
    ),
  })],
  ['SELECT a FROM t WHERE x BETWEEN 1 AND 10 AND y NOT BETWEEN ? AND ?', select({
    items: [colItem('a')],
    from: [table('t')],
    where: and(
      { kind: 'Between', expr: col('x'), low: num('1'), high: num('10'), not: false },
      { kind: 'Between', expr: col('y'), low: param(0), high: param(1), not: true },
    ),
  })],
  ['SELECT 1 + 2 * 3 - -4, 7 DIV 2, 7 % 2, 1.50', select({ items: [
    item(bin('-', bin('+', num('1'), bin('*', num('2'), num('3'))), { kind: 'Unary', op: '-', operand: num('4') }), '1 + 2 * 3 - -4'),
    item(bin('DIV', num('7'), num('2')), '7 DIV 2'),
    item(bin('%', num('7'), num('2')), '7 % 2'),
    item(num('1.50'), '1.50'),
  ] })],
  ["SELECT CASE status WHEN 'DOING' THEN 1 ELSE 0 END AS doing FROM t", select({
    items: [item({ kind: 'Case', operand: col('status'), whens: [{ when: str('DOING'), then: num('1') }], else: num('0') }, "CASE status WHEN 'DOING' THEN 1 ELSE 0 END", 'doing')],
    from: [table('t')],
  })],
  ['SELECT CAST(x AS SIGNED), CAST(y AS CHAR(10)), CONVERT(z, UNSIGNED)', select({ items: [
    item({ kind: 'Cast', expr: col('x'), type: 'SIGNED', args: [] }, 'CAST(x AS SIGNED)'),
    item({ kind: 'Cast', expr: col('y'), type: 'CHAR', args: ['10'] }, 'CAST(y AS CHAR(10))'),
    item({ kind: 'Cast', expr: col('z'), type: 'UNSIGNED', args: [] }, 'CONVERT(z, UNSIGNED)'),
  ] })],
  // Connector/J's getColumns and Adminer send these spellings.
  ['SELECT CONVERT(x, UNSIGNED INTEGER), CONVERT(y, CHAR(3)), CONVERT(z USING utf8mb4), CONVERT(w USING binary)', select({ items: [
    item({ kind: 'Cast', expr: col('x'), type: 'UNSIGNED', args: [] }, 'CONVERT(x, UNSIGNED INTEGER)'),
    item({ kind: 'Cast', expr: col('y'), type: 'CHAR', args: ['3'] }, 'CONVERT(y, CHAR(3))'),
    item({ kind: 'Cast', expr: col('z'), type: 'CHAR', args: [] }, 'CONVERT(z USING utf8mb4)'),
    item({ kind: 'Cast', expr: col('w'), type: 'BINARY', args: [] }, 'CONVERT(w USING binary)'),
  ] })],
  ['SELECT now() - INTERVAL 1 DAY', select({ items: [item(bin('-', fn('now'), { kind: 'Interval', value: num('1'), unit: 'DAY' }), 'now() - INTERVAL 1 DAY')] })],
  ['SELECT NULL, TRUE, false, database(), user(), IF(a, 1, 2)', select({ items: [
    item({ kind: 'NullLiteral' }, 'NULL'),
    item({ kind: 'BoolLiteral', value: true }, 'TRUE'),
    item({ kind: 'BoolLiteral', value: false }, 'false'),
    item(fn('database'), 'database()'),
    item(fn('user'), 'user()'),
    item(fn('IF', [col('a'), num('1'), num('2')]), 'IF(a, 1, 2)'),
  ] })],
  ['SELECT status, type, name, value, zone, comment, path, level, round_id FROM t', select({
    items: ['status', 'type', 'name', 'value', 'zone', 'comment', 'path', 'level', 'round_id'].map(colItem),
    from: [table('t')],
  })],
  ["SELECT 'it\\'s', \"a\"\"b\", 'x''y' FROM DUAL", select({ items: [item(str("it's"), "'it\\'s'"), item(str('a"b'), '"a""b"'), item(str("x'y"), "'x''y'")] })],
  ['SELECT /*+ hint */ a -- comment\nFROM t # another\n', select({ items: [colItem('a')], from: [table('t')] })],
  ['SHOW DATABASES', { kind: 'ShowDatabases' }],
  ["show parameters like '%backup%';", { kind: 'ShowParameters', like: '%backup%' }],
  ["SHOW PARAMETERS LIKE 'log_archive_concurrency' TENANT = t1", { kind: 'ShowParameters', like: 'log_archive_concurrency', tenant: 't1' }],
  ["show variables like 'version_comment';", { kind: 'ShowVariables', scope: null, like: 'version_comment' }],
  ["SHOW VARIABLES WHERE Variable_name in ('max_allowed_packet','time_zone')", { kind: 'ShowVariables', scope: null, where: { kind: 'In', expr: col('Variable_name'), list: [str('max_allowed_packet'), str('time_zone')], not: false } }],
  ["SHOW GLOBAL VARIABLES LIKE 'x'", { kind: 'ShowVariables', scope: 'GLOBAL', like: 'x' }],
  ['SHOW FULL TABLES FROM oceanbase', { kind: 'ShowTables', full: true, database: 'oceanbase' }],
  ["SHOW TABLES LIKE 'DBA%'", { kind: 'ShowTables', full: false, like: 'DBA%' }],
  ['SHOW COLUMNS FROM DBA_OB_TENANTS FROM oceanbase', { kind: 'ShowColumns', full: false, table: { schema: 'oceanbase', name: 'DBA_OB_TENANTS' } }],
  ['SHOW WARNINGS', { kind: 'ShowWarnings' }],
  ['SHOW SESSION STATUS', { kind: 'ShowStatus', scope: 'SESSION' }],
  ['SHOW FULL PROCESSLIST', { kind: 'ShowProcesslist', full: true }],
  ['SHOW CREATE TABLE oceanbase.t', { kind: 'ShowCreateTable', table: { schema: 'oceanbase', name: 't' } }],
  ['SET SESSION ob_query_timeout=1000000000', { kind: 'Set', assignments: [{ target: { kind: 'SystemVariable', scope: 'SESSION', name: 'ob_query_timeout' }, value: num('1000000000') }] }],
  ['SET @kms_encrypt_info ="kms";', { kind: 'Set', assignments: [{ target: { kind: 'UserVariable', name: 'kms_encrypt_info' }, value: str('kms') }] }],
  ['SET autocommit = 1, @@global.x = ON, @a := @b, names = DEFAULT', { kind: 'Set', assignments: [
    { target: { kind: 'SystemVariable', scope: null, name: 'autocommit' }, value: num('1') },
    { target: { kind: 'SystemVariable', scope: 'GLOBAL', name: 'x' }, value: col('ON') },
    { target: { kind: 'UserVariable', name: 'a' }, value: { kind: 'UserVariable', name: 'b' } },
    { target: { kind: 'SystemVariable', scope: null, name: 'names' }, value: col('DEFAULT') },
  ] }],
  ['SET NAMES utf8mb4', { kind: 'SetNames', charset: 'utf8mb4' }],
  ["SET NAMES 'utf8' COLLATE 'utf8_general_ci'", { kind: 'SetNames', charset: 'utf8', collate: 'utf8_general_ci' }],
  ['SET CHARACTER SET utf8', { kind: 'SetCharset', charset: 'utf8' }],
  ['SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED', { kind: 'SetTransaction', scope: 'SESSION', isolation: 'READ COMMITTED' }],
  ['SET TRANSACTION READ ONLY', { kind: 'SetTransaction', scope: null, readOnly: true }],
  ['USE oceanbase', { kind: 'Use', database: 'oceanbase' }],
  ['DESC DBA_OB_BACKUP_JOBS', { kind: 'Describe', table: { name: 'DBA_OB_BACKUP_JOBS' } }],
  ['DESCRIBE oceanbase.DBA_OB_TENANTS tenant_id', { kind: 'Describe', table: { schema: 'oceanbase', name: 'DBA_OB_TENANTS' }, column: 'tenant_id' }],
  ['BEGIN', { kind: 'Transaction', action: 'BEGIN' }],
  ['START TRANSACTION', { kind: 'Transaction', action: 'BEGIN' }],
  ['COMMIT', { kind: 'Transaction', action: 'COMMIT' }],
  ['ROLLBACK WORK', { kind: 'Transaction', action: 'ROLLBACK' }],
  ['SAVEPOINT sp', { kind: 'Savepoint', action: 'SAVEPOINT', name: 'sp' }],
  ['ROLLBACK TO SAVEPOINT sp', { kind: 'Savepoint', action: 'ROLLBACK TO', name: 'sp' }],
  ['ROLLBACK WORK TO `my sp`', { kind: 'Savepoint', action: 'ROLLBACK TO', name: 'my sp' }],
  ['RELEASE SAVEPOINT sp', { kind: 'Savepoint', action: 'RELEASE', name: 'sp' }],
  ...dataCases,
];
