/**
 * Generated queries over information_schema and the SHOW family for the differential test (issue 21): filters,
 * aggregates, subqueries, the expressions metadata queries use (LOCATE, SUBSTRING, CONVERT, IF, CASE), the very
 * queries Connector/J sends, and SHOW … LIKE / WHERE next to the SELECT over information_schema that MySQL defines
 * it as. Text only; `information_schema.` is the emulator's schema, and the MariaDB side reads a copy of its rows.
 */
import fc from 'fast-check';

const q = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const schema = fc.constantFrom('oceanbase', 'information_schema', 'OCEANBASE', 'mysql', 'test', 'nosuch');
const tablePattern = fc.constantFrom('DBA_OB_BACKUP%', 'dba\\_ob\\_%', '%JOB%', 'GV$%', '%history', '_BA%', '%', 'DBA_OB_TENANTS', 'C%', '%SET%FILES');
const viewName = fc.constantFrom('DBA_OB_BACKUP_JOBS', 'DBA_OB_BACKUP_SET_FILES', 'DBA_OB_ARCHIVELOG', 'dba_ob_tenants', 'GV$OB_PARAMETERS', 'DBA_OB_RESTORE_PROGRESS', 'COLUMNS', 'TABLES');
const dataType = fc.constantFrom('bigint', 'varchar', 'timestamp', 'datetime', 'decimal', 'longtext', 'BIGINT', 'double');
const columnPattern = fc.constantFrom('%ID', 'START%', '%\\_TIME%', 'STATUS', '%SCN%', 'TENANT\\_%', '%', 'c%');
const small = fc.integer({ min: 0, max: 30 });

/** Predicates over information_schema.TABLES. */
const tablesPred = fc.letrec<{ p: string }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small' },
    schema.map((s) => `TABLE_SCHEMA = ${q(s)}`),
    fc.tuple(tablePattern, fc.boolean()).map(([p, not]) => `TABLE_NAME ${not ? 'NOT ' : ''}LIKE ${q(p)}`),
    fc.constantFrom("TABLE_TYPE IN ('SYSTEM VIEW', 'BASE TABLE')", "TABLE_TYPE = 'SYSTEM VIEW'", "TABLE_TYPE <> 'SYSTEM VIEW'", 'ENGINE IS NULL', 'TABLE_ROWS > 0', "TABLE_COMMENT = 'VIEW'"),
    fc.tuple(tie('p'), tie('p'), fc.constantFrom('AND', 'OR')).map(([a, b, op]) => `(${a} ${op} ${b})`),
    tie('p').map((a) => `NOT (${a})`),
  ),
})).p;

/** Predicates over information_schema.COLUMNS. */
const columnsPred = fc.letrec<{ p: string }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small' },
    dataType.map((t) => `DATA_TYPE = ${q(t)}`),
    fc.tuple(columnPattern, fc.boolean()).map(([p, not]) => `COLUMN_NAME ${not ? 'NOT ' : ''}LIKE ${q(p)}`),
    fc.tuple(fc.constantFrom('<', '<=', '>', '='), small).map(([op, n]) => `ORDINAL_POSITION ${op} ${n}`),
    fc.tuple(fc.constantFrom('>', '<'), fc.constantFrom(10, 64, 128, 4096)).map(([op, n]) => `CHARACTER_MAXIMUM_LENGTH ${op} ${n}`),
    fc.constantFrom("IS_NULLABLE = 'YES'", "IS_NULLABLE = 'no'", 'NUMERIC_PRECISION IS NULL', 'DATETIME_PRECISION IS NOT NULL', "COLUMN_TYPE LIKE '%(%)%'", "COLUMN_KEY = ''"),
    fc.tuple(tie('p'), tie('p'), fc.constantFrom('AND', 'OR')).map(([a, b, op]) => `(${a} ${op} ${b})`),
    tie('p').map((a) => `NOT (${a})`),
  ),
})).p;

const tablesFilter = fc
  .tuple(tablesPred, fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }))
  .map(([p, limit]) => `SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COMMENT FROM information_schema.TABLES WHERE ${p} ORDER BY TABLE_SCHEMA, TABLE_NAME${limit === undefined ? '' : ` LIMIT ${limit}`}`);

const columnsFilter = fc
  .tuple(columnsPred, fc.constantFrom('oceanbase', 'information_schema'))
  .map(([p, s]) => `SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${s}' AND ${p} ORDER BY TABLE_NAME, ORDINAL_POSITION`);

const aggregates = fc.oneof(
  fc
    .tuple(columnsPred, fc.option(small, { nil: undefined }))
    .map(([p, having]) => `SELECT TABLE_NAME, COUNT(*) AS n, MAX(ORDINAL_POSITION) AS last, SUM(DATA_TYPE = 'bigint') AS ints, MIN(COLUMN_NAME) AS first_name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'oceanbase' AND ${p} GROUP BY TABLE_NAME${having === undefined ? '' : ` HAVING COUNT(*) > ${having}`} ORDER BY TABLE_NAME`),
  tablesPred.map((p) => `SELECT TABLE_SCHEMA, TABLE_TYPE, COUNT(*) AS n FROM information_schema.TABLES WHERE ${p} GROUP BY TABLE_SCHEMA, TABLE_TYPE ORDER BY TABLE_SCHEMA, TABLE_TYPE`),
  columnsPred.map((p) => `SELECT DATA_TYPE, COUNT(*) AS n, COUNT(DISTINCT TABLE_NAME) AS tables, MAX(CHARACTER_MAXIMUM_LENGTH) AS widest FROM information_schema.COLUMNS WHERE ${p} GROUP BY DATA_TYPE ORDER BY DATA_TYPE`),
);

const subqueries = fc.oneof(
  fc
    .tuple(fc.boolean(), fc.constantFrom('JOB_ID', 'TENANT_ID', 'STATUS', 'SVR_IP', 'END_SCN', 'nosuch'))
    .map(([not, c]) => `SELECT t.TABLE_NAME FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = 'oceanbase' AND ${not ? 'NOT ' : ''}EXISTS (SELECT 1 FROM information_schema.COLUMNS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME AND c.COLUMN_NAME = '${c}') ORDER BY 1`),
  fc
    .tuple(fc.boolean(), columnsPred)
    .map(([not, p]) => `SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'oceanbase' AND TABLE_NAME ${not ? 'NOT ' : ''}IN (SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'oceanbase' AND ${p}) ORDER BY TABLE_NAME`),
  tablePattern.map((p) => `SELECT t.TABLE_NAME, (SELECT COUNT(*) FROM information_schema.COLUMNS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME) AS n FROM information_schema.TABLES t WHERE t.TABLE_SCHEMA = 'oceanbase' AND t.TABLE_NAME LIKE ${q(p)} ORDER BY 1`),
  fc.tuple(dataType, small).map(([d, n]) => `SELECT d.TABLE_NAME, d.n FROM (SELECT TABLE_NAME, COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'oceanbase' AND DATA_TYPE = ${q(d)} GROUP BY TABLE_NAME) d WHERE d.n >= ${Math.floor(n / 5)} ORDER BY d.TABLE_NAME`),
  fc.tuple(tablePattern, tablePattern).map(([a, b]) => `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'oceanbase' AND TABLE_NAME LIKE ${q(a)} UNION SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = 'oceanbase' AND TABLE_NAME LIKE ${q(b)} ORDER BY 1`),
  fc.tuple(viewName, columnPattern).map(([v, c]) => `WITH cols AS (SELECT COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'oceanbase' AND TABLE_NAME = ${q(v)}) SELECT COLUMN_NAME, DATA_TYPE FROM cols WHERE COLUMN_NAME LIKE ${q(c)} ORDER BY ORDINAL_POSITION`),
);

/** The expressions metadata queries build types and flags with. */
const expressions = fc
  .tuple(viewName, fc.constantFrom('oceanbase', 'information_schema'))
  .map(
    ([v, s]) =>
      `SELECT COLUMN_NAME, UCASE(COLUMN_TYPE) AS t, LOCATE('(', COLUMN_TYPE) AS lp, IF(COLUMN_TYPE LIKE '%(%)%', CONCAT(SUBSTRING(COLUMN_TYPE, 1, LOCATE('(', COLUMN_TYPE) - 1), SUBSTRING(COLUMN_TYPE, 1 + LOCATE(')', COLUMN_TYPE))), COLUMN_TYPE) AS base, ` +
      `IF(IS_NULLABLE = 'yes', 1, 0) AS nullable, CONVERT(CASE DATA_TYPE WHEN 'year' THEN NUMERIC_SCALE WHEN 'tinyint' THEN 0 ELSE NUMERIC_SCALE END, UNSIGNED INTEGER) AS digits, LEAST(CHARACTER_OCTET_LENGTH, 2147483647) AS octets, ` +
      `CASE DATA_TYPE WHEN 'datetime' THEN IF(DATETIME_PRECISION = 0, 19, CAST(20 + DATETIME_PRECISION AS SIGNED INTEGER)) ELSE IF(NUMERIC_PRECISION IS NULL, LEAST(CHARACTER_MAXIMUM_LENGTH, 2147483647), NUMERIC_PRECISION) END AS size, CONCAT(TABLE_NAME, '.', COLUMN_NAME) AS qualified ` +
      `FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${s}' AND TABLE_NAME = ${q(v)} ORDER BY ORDINAL_POSITION`,
  );

/** Connector/J 2.7.6's own getTables and getColumns texts (DatabaseMetaData), with the patterns varied. */
const connectorJ = fc.oneof(
  fc
    .tuple(schema, tablePattern)
    .map(
      ([s, p]) =>
        `SELECT TABLE_SCHEMA TABLE_CAT, NULL TABLE_SCHEM, TABLE_NAME, IF(TABLE_TYPE='BASE TABLE' or TABLE_TYPE='SYSTEM VERSIONED', 'TABLE', TABLE_TYPE) as TABLE_TYPE, TABLE_COMMENT REMARKS, NULL TYPE_CAT, NULL TYPE_SCHEM, NULL TYPE_NAME, NULL SELF_REFERENCING_COL_NAME, NULL REF_GENERATION FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA=${q(s)} AND TABLE_NAME LIKE ${q(p)} ORDER BY TABLE_TYPE, TABLE_SCHEMA, TABLE_NAME`,
    ),
  fc
    .tuple(tablePattern, columnPattern)
    .map(
      ([p, c]) =>
        `SELECT TABLE_SCHEMA TABLE_CAT, NULL TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, CASE data_type WHEN 'bit' THEN -7 WHEN 'date' THEN 91 WHEN 'datetime' THEN 93 WHEN 'decimal' THEN 3 WHEN 'double' THEN 8 WHEN 'int' THEN IF( COLUMN_TYPE like '%unsigned%', 4,4) WHEN 'bigint' THEN -5 WHEN 'varchar' THEN 12 WHEN 'longtext' THEN -1 WHEN 'timestamp' THEN 93 WHEN 'tinyint' THEN IF(COLUMN_TYPE like 'tinyint(1)%',-7,-6) ELSE 1111 END DATA_TYPE, ` +
        `IF(COLUMN_TYPE like 'tinyint(1)%', 'BIT', UCASE(IF( COLUMN_TYPE LIKE '%(%)%', CONCAT(SUBSTRING( COLUMN_TYPE,1, LOCATE('(',COLUMN_TYPE) - 1 ), SUBSTRING(COLUMN_TYPE ,1+locate(')', COLUMN_TYPE))), COLUMN_TYPE))) TYPE_NAME, ` +
        `CASE DATA_TYPE WHEN 'time' THEN IF(DATETIME_PRECISION = 0, 10, CAST(11 + DATETIME_PRECISION as signed integer)) WHEN 'date' THEN 10 WHEN 'datetime' THEN IF(DATETIME_PRECISION = 0, 19, CAST(20 + DATETIME_PRECISION as signed integer)) WHEN 'timestamp' THEN IF(DATETIME_PRECISION = 0, 19, CAST(20 + DATETIME_PRECISION as signed integer)) ELSE IF(NUMERIC_PRECISION IS NULL, LEAST(CHARACTER_MAXIMUM_LENGTH,2147483647), NUMERIC_PRECISION) END COLUMN_SIZE, 65535 BUFFER_LENGTH, ` +
        `CONVERT (CASE DATA_TYPE WHEN 'year' THEN NUMERIC_SCALE WHEN 'tinyint' THEN 0 ELSE NUMERIC_SCALE END, UNSIGNED INTEGER) DECIMAL_DIGITS, 10 NUM_PREC_RADIX, IF(IS_NULLABLE = 'yes',1,0) NULLABLE,COLUMN_COMMENT REMARKS, COLUMN_DEFAULT COLUMN_DEF, 0 SQL_DATA_TYPE, 0 SQL_DATETIME_SUB, LEAST(CHARACTER_OCTET_LENGTH,2147483647) CHAR_OCTET_LENGTH, ORDINAL_POSITION, IS_NULLABLE, ` +
        `IF(EXTRA = 'auto_increment','YES','NO') IS_AUTOINCREMENT, IF(EXTRA in ('VIRTUAL', 'PERSISTENT', 'VIRTUAL GENERATED', 'STORED GENERATED') ,'YES','NO') IS_GENERATEDCOLUMN FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA='oceanbase' AND TABLE_NAME LIKE ${q(p)} AND COLUMN_NAME LIKE ${q(c)} ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION`,
    ),
);

const charsets = fc.oneof(
  fc
    .tuple(fc.constantFrom('utf8%', '%bin', 'UTF8MB4\\_%', 'gb%', '%general%', 'binary', '%'), fc.option(fc.constantFrom('ID > 40', "IS_DEFAULT = 'Yes'", 'SORTLEN = 1', "CHARACTER_SET_NAME = 'utf8mb4'"), { nil: undefined }))
    .map(([p, w]) => `SELECT COLLATION_NAME, CHARACTER_SET_NAME, ID, IS_DEFAULT, IS_COMPILED, SORTLEN FROM information_schema.COLLATIONS WHERE COLLATION_NAME LIKE ${q(p)}${w === undefined ? '' : ` AND ${w}`} ORDER BY ID`),
  fc.constantFrom('MAXLEN > 1', 'MAXLEN = 4', "DEFAULT_COLLATE_NAME LIKE '%general%'", "CHARACTER_SET_NAME IN ('utf8mb4', 'binary', 'latin1')", "DESCRIPTION LIKE '%Unicode%'").map(
    (w) => `SELECT CHARACTER_SET_NAME, DEFAULT_COLLATE_NAME, DESCRIPTION, MAXLEN FROM information_schema.CHARACTER_SETS WHERE ${w} ORDER BY CHARACTER_SET_NAME`,
  ),
  fc.constantFrom('utf8mb4', 'binary', 'gbk', 'utf16').map(
    (c) => `SELECT a.COLLATION_NAME, c.ID FROM information_schema.COLLATION_CHARACTER_SET_APPLICABILITY a JOIN information_schema.COLLATIONS c ON c.COLLATION_NAME = a.COLLATION_NAME WHERE a.CHARACTER_SET_NAME = '${c}' ORDER BY c.ID`,
  ),
);

/**
 * A SHOW statement and the SELECT over information_schema that MySQL defines it as (its columns under SHOW's
 * names). SHOW's row order is not MySQL's to promise, so the test compares the two as sorted sets, except SHOW
 * COLUMNS, whose order is the columns' own.
 */
export interface ShowPair {
  readonly show: string;
  readonly select: string;
  readonly ordered: boolean;
}
const showPairs: fc.Arbitrary<ShowPair> = fc.oneof(
  fc.constantFrom('utf8%', '%bin', 'utf8mb4\\_%', 'gb%', '%general%', 'binary').map((p) => ({
    show: `SHOW COLLATION LIKE ${q(p)}`,
    select: `SELECT COLLATION_NAME AS \`Collation\`, CHARACTER_SET_NAME AS \`Charset\`, ID AS \`Id\`, IS_DEFAULT AS \`Default\`, IS_COMPILED AS \`Compiled\`, SORTLEN AS \`Sortlen\` FROM information_schema.COLLATIONS WHERE COLLATION_NAME LIKE ${q(p)}`,
    ordered: false,
  })),
  fc.constantFrom('Id > 40', "Charset = 'utf8mb4'", "`Default` = 'Yes' OR Sortlen > 1", "Collation LIKE '%ci'").map((w) => ({
    show: `SHOW COLLATION WHERE ${w}`,
    select: `SELECT * FROM (SELECT COLLATION_NAME AS \`Collation\`, CHARACTER_SET_NAME AS \`Charset\`, ID AS \`Id\`, IS_DEFAULT AS \`Default\`, IS_COMPILED AS \`Compiled\`, SORTLEN AS \`Sortlen\` FROM information_schema.COLLATIONS) s WHERE ${w}`,
    ordered: false,
  })),
  fc.constantFrom("LIKE 'utf8%'", "LIKE 'b%'", 'WHERE Maxlen > 1', "WHERE `Default collation` LIKE '%bin'", "LIKE '%'").map((f) => ({
    show: `SHOW CHARACTER SET ${f}`,
    select: `SELECT * FROM (SELECT CHARACTER_SET_NAME AS \`Charset\`, DESCRIPTION AS \`Description\`, DEFAULT_COLLATE_NAME AS \`Default collation\`, MAXLEN AS \`Maxlen\` FROM information_schema.CHARACTER_SETS) s WHERE ${f.startsWith('LIKE') ? `Charset ${f}` : f.slice(6)}`,
    ordered: false,
  })),
  tablePattern.map((p) => ({
    show: `SHOW TABLES FROM oceanbase LIKE ${q(p)}`,
    select: `SELECT TABLE_NAME AS \`Tables_in_oceanbase\` FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'oceanbase' AND TABLE_NAME LIKE ${q(p)}`,
    ordered: false,
  })),
  fc.tuple(tablePattern, fc.constantFrom('SYSTEM VIEW', 'BASE TABLE', 'VIEW')).map(([p, t]) => ({
    show: `SHOW FULL TABLES FROM oceanbase WHERE Tables_in_oceanbase LIKE ${q(p)} AND Table_type = '${t}'`,
    select: `SELECT TABLE_NAME AS \`Tables_in_oceanbase\`, TABLE_TYPE AS \`Table_type\` FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'oceanbase' AND TABLE_NAME LIKE ${q(p)} AND TABLE_TYPE = '${t}'`,
    ordered: false,
  })),
  fc.tuple(viewName.filter((v) => v.startsWith('DBA') || v.startsWith('GV')), columnPattern).map(([v, c]) => ({
    show: `SHOW COLUMNS FROM oceanbase.${v} LIKE ${q(c)}`,
    select: `SELECT COLUMN_NAME AS \`Field\`, COLUMN_TYPE AS \`Type\`, IS_NULLABLE AS \`Null\`, COLUMN_KEY AS \`Key\`, COLUMN_DEFAULT AS \`Default\`, EXTRA AS \`Extra\` FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'oceanbase' AND TABLE_NAME = ${q(v)} AND COLUMN_NAME LIKE ${q(c)} ORDER BY ORDINAL_POSITION`,
    ordered: true,
  })),
  fc.constantFrom('o%', '%SCHEMA', 'mysql', '%', 'test%', 'OCEAN%').map((p) => ({
    show: `SHOW DATABASES LIKE ${q(p)}`,
    select: `SELECT SCHEMA_NAME AS \`Database\` FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ${q(p)}`,
    ordered: false,
  })),
);

export const SELECT_KINDS = { tablesFilter, columnsFilter, aggregates, subqueries, expressions, connectorJ, charsets } as const;

export function informationSchemaQueries(seed: number, perKind: number): { kind: string; sql: string }[] {
  return Object.entries(SELECT_KINDS).flatMap(([kind, arb], i) => fc.sample(arb as fc.Arbitrary<string>, { seed: seed + i, numRuns: perKind }).map((sql) => ({ kind, sql })));
}

export function showQueries(seed: number, count: number): ShowPair[] {
  return fc.sample(showPairs, { seed, numRuns: count });
}

/** The information_schema tables the MariaDB side holds a copy of. */
export const COPIED_TABLES = ['SCHEMATA', 'TABLES', 'COLUMNS', 'VIEWS', 'ENGINES', 'CHARACTER_SETS', 'COLLATIONS', 'COLLATION_CHARACTER_SET_APPLICABILITY'] as const;
