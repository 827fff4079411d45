/**
 * The AST of the dialect: a readonly discriminated union tagged by `kind`.
 *
 * It is plain JSON-safe data (numbers that may exceed 2^53, such as SCNs, are kept as their source text), so
 * `ob-backup-sim parse` can print it and tests can deep-compare it. The grammar builds it; the engine, the query
 * evaluator and the printer read it. Nothing here knows whether a tenant exists: that is the engine's question.
 */

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------------------------

/** A restore or recovery point: `UNTIL TIME = '…'`, `UNTIL SCN = n` (quoted or not), or `UNTIL UNLIMITED`. */
export type Until =
  | { readonly kind: 'UntilTime'; readonly time: string }
  | { readonly kind: 'UntilScn'; readonly scn: string }
  | { readonly kind: 'UntilUnlimited' };

/**
 * A value on the right of `param = value` in ALTER SYSTEM SET, or an option value in CREATE TENANT / RESOURCE
 * UNIT / POOL. Words (`all_user`, `Optional`) keep their spelling; numbers keep their text.
 */
export type OptionValue =
  | { readonly kind: 'StringValue'; readonly value: string }
  | { readonly kind: 'NumberValue'; readonly text: string }
  | { readonly kind: 'WordValue'; readonly word: string }
  | { readonly kind: 'ListValue'; readonly items: readonly OptionValue[] };

export interface NamedOption {
  readonly name: string;
  readonly value: OptionValue;
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions (the query side)
// ---------------------------------------------------------------------------------------------------------------

export type Expr =
  | { readonly kind: 'StringLiteral'; readonly value: string }
  /** An integer or decimal literal, as written (`42`, `-1` is a Unary), e.g. `1.50`. */
  | { readonly kind: 'NumberLiteral'; readonly text: string }
  | { readonly kind: 'NullLiteral' }
  | { readonly kind: 'BoolLiteral'; readonly value: boolean }
  /** `col`, `t.col`, `schema.t.col`. Names keep their spelling; back-quotes are removed. */
  | { readonly kind: 'ColumnRef'; readonly schema?: string; readonly table?: string; readonly column: string }
  /** `@@name`, `@@session.name`, `@@global.name`. */
  | { readonly kind: 'SystemVariable'; readonly scope: 'GLOBAL' | 'SESSION' | null; readonly name: string }
  /** `@name` (also `@'name'` and @`name`). */
  | { readonly kind: 'UserVariable'; readonly name: string }
  /** `?`, numbered from 0 in order of appearance in the statement. */
  | { readonly kind: 'Parameter'; readonly index: number }
  | { readonly kind: 'Unary'; readonly op: UnaryOp; readonly operand: Expr }
  | { readonly kind: 'Binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'In'; readonly expr: Expr; readonly list: readonly Expr[]; readonly not: boolean }
  | { readonly kind: 'Like'; readonly expr: Expr; readonly pattern: Expr; readonly escape?: Expr; readonly not: boolean }
  | { readonly kind: 'IsNull'; readonly expr: Expr; readonly not: boolean }
  | { readonly kind: 'IsBool'; readonly expr: Expr; readonly value: boolean; readonly not: boolean }
  | { readonly kind: 'Between'; readonly expr: Expr; readonly low: Expr; readonly high: Expr; readonly not: boolean }
  /**
   * A function call. `name` keeps its spelling (functions are matched case-insensitively). `star` is COUNT(*);
   * `distinct` is COUNT(DISTINCT x).
   */
  | {
      readonly kind: 'FunctionCall';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly star: boolean;
      readonly distinct: boolean;
    }
  | {
      readonly kind: 'Case';
      readonly operand?: Expr;
      readonly whens: readonly { readonly when: Expr; readonly then: Expr }[];
      readonly else?: Expr;
    }
  /** CAST(x AS type), CONVERT(x, type) and CONVERT(x USING cs) (a cast to CHAR or BINARY); `type` is e.g. `SIGNED`, `UNSIGNED`, `CHAR`, `DECIMAL`, `DATETIME`. */
  | {
      readonly kind: 'Cast';
      readonly expr: Expr;
      readonly type: string;
      readonly args: readonly string[];
    }
  /** `INTERVAL n unit`, only as an operand of + and - (e.g. `NOW() - INTERVAL 1 DAY`). */
  | { readonly kind: 'Interval'; readonly value: Expr; readonly unit: string }
  /** `(SELECT …)` as a value: one column, at most one row (correlated when it names outer columns). */
  | { readonly kind: 'Subquery'; readonly query: QueryExpression }
  /** `EXISTS (SELECT …)`. */
  | { readonly kind: 'Exists'; readonly query: QueryExpression }
  /** `x [NOT] IN (SELECT …)`. */
  | { readonly kind: 'InSubquery'; readonly expr: Expr; readonly query: QueryExpression; readonly not: boolean };

export type UnaryOp = '-' | '+' | 'NOT' | '!' | '~';
export type BinaryOp =
  | '+'
  | '-'
  | '*'
  | '/'
  | 'DIV'
  | '%'
  | '='
  | '<=>'
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'AND'
  | 'OR'
  | 'XOR'
  | '&'
  | '|'
  | '^'
  | '<<'
  | '>>';

// ---------------------------------------------------------------------------------------------------------------
// SELECT and friends
// ---------------------------------------------------------------------------------------------------------------

export type SelectItem =
  /** `*` or `t.*`. */
  | { readonly kind: 'Star'; readonly table?: string }
  /**
   * An expression. `text` is the expression's source text exactly as the client wrote it: MySQL labels an
   * unaliased column with it (`count(*)`, `COALESCE(MAX(CHECKPOINT_SCN), 0)`). A bare column reference is labelled
   * with its column name only, which the query layer derives from `expr`.
   */
  | { readonly kind: 'ExprItem'; readonly expr: Expr; readonly alias?: string; readonly text: string };

export interface TableName {
  readonly schema?: string;
  readonly name: string;
}

export type FromItem =
  | { readonly kind: 'Table'; readonly table: TableName; readonly alias?: string }
  /** `(SELECT …) [AS] alias`. */
  | { readonly kind: 'Derived'; readonly query: QueryExpression; readonly alias: string }
  | {
      readonly kind: 'Join';
      readonly join: 'INNER' | 'LEFT' | 'RIGHT' | 'CROSS';
      readonly left: FromItem;
      readonly right: FromItem;
      readonly on?: Expr;
    };

export interface OrderItem {
  readonly expr: Expr;
  readonly desc: boolean;
}

export interface SelectStatement {
  readonly kind: 'Select';
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  /** Comma-separated FROM items; empty for SELECT without FROM (also `FROM DUAL`). */
  readonly from: readonly FromItem[];
  readonly where?: Expr;
  readonly groupBy: readonly Expr[];
  readonly having?: Expr;
  readonly orderBy: readonly OrderItem[];
  /** LIMIT n [OFFSET m] and LIMIT m, n; the texts of the numbers (or `?` parameters). */
  readonly limit?: { readonly count: Expr; readonly offset?: Expr };
  /** `FOR UPDATE …` / `LOCK IN SHARE MODE`: a locking read. */
  readonly lock?: 'UPDATE' | 'SHARE';
  /** `WITH name AS (…), …` before the SELECT. */
  readonly with?: WithClause;
}

/** One common table expression: `name [(columns)] AS (query)`. */
export interface CommonTableExpr {
  readonly name: string;
  readonly columns?: readonly string[];
  readonly query: QueryExpression;
}

export interface WithClause {
  readonly recursive: boolean;
  readonly ctes: readonly CommonTableExpr[];
}

/**
 * `a UNION [ALL] b UNION …`, with the ORDER BY / LIMIT of the whole. `all[i]` is whether the i-th UNION (between
 * term i and term i+1) keeps duplicates. MySQL folds left to right, so `a UNION ALL b UNION c` removes duplicates
 * from all three (a DISTINCT union removes duplicates from everything to its left).
 */
export interface UnionQuery {
  readonly kind: 'Union';
  readonly terms: readonly QueryExpression[];
  readonly all: readonly boolean[];
  readonly orderBy: readonly OrderItem[];
  readonly limit?: { readonly count: Expr; readonly offset?: Expr };
  readonly with?: WithClause;
}

/** What a query may be wherever one is allowed: a SELECT or a UNION of queries. */
export type QueryExpression = SelectStatement | UnionQuery;

/** The SHOW statements the query evaluator answers from the catalog and the session's variables. */
export type ShowStatement =
  | { readonly kind: 'ShowDatabases'; readonly like?: string; readonly where?: Expr }
  | { readonly kind: 'ShowTables'; readonly full: boolean; readonly database?: string; readonly like?: string; readonly where?: Expr }
  | {
      readonly kind: 'ShowVariables';
      readonly scope: 'GLOBAL' | 'SESSION' | null;
      readonly like?: string;
      readonly where?: Expr;
    }
  | { readonly kind: 'ShowParameters'; readonly like?: string; readonly where?: Expr; readonly tenant?: string }
  | { readonly kind: 'ShowColumns'; readonly full: boolean; readonly table: TableName; readonly like?: string }
  | { readonly kind: 'ShowWarnings' }
  | { readonly kind: 'ShowErrors' }
  | { readonly kind: 'ShowStatus'; readonly scope: 'GLOBAL' | 'SESSION' | null; readonly like?: string; readonly where?: Expr }
  | { readonly kind: 'ShowProcesslist'; readonly full: boolean }
  | { readonly kind: 'ShowTenant' }
  | ShowBrowseStatement;

/** The SHOW statements browsing clients send (grammar/rules-browse.ts); `like` / `where` filter the result. */
export type ShowBrowseStatement =
  | { readonly kind: 'ShowTableStatus'; readonly database?: string; readonly like?: string; readonly where?: Expr }
  | { readonly kind: 'ShowIndex'; readonly table: TableName; readonly where?: Expr }
  | { readonly kind: 'ShowCreateTable'; readonly table: TableName }
  | { readonly kind: 'ShowCreateView'; readonly table: TableName }
  | { readonly kind: 'ShowCreateDatabase'; readonly database: string; readonly ifNotExists: boolean }
  /** SHOW GRANTS [FOR user]: `user` as written (`'root'@'%'`, `root`), undefined for the current user. */
  | { readonly kind: 'ShowGrants'; readonly user?: string }
  | { readonly kind: 'ShowEngines' }
  | { readonly kind: 'ShowCharset'; readonly like?: string; readonly where?: Expr }
  | { readonly kind: 'ShowCollation'; readonly like?: string; readonly where?: Expr }
  | { readonly kind: 'ShowRoutineStatus'; readonly routine: 'PROCEDURE' | 'FUNCTION'; readonly like?: string; readonly where?: Expr }
  | { readonly kind: 'ShowTriggers' | 'ShowEvents'; readonly database?: string; readonly like?: string; readonly where?: Expr }
  | { readonly kind: 'ShowPlugins' }
  | { readonly kind: 'ShowMasterStatus' };

export type SetTarget =
  | { readonly kind: 'SystemVariable'; readonly scope: 'GLOBAL' | 'SESSION' | null; readonly name: string }
  | { readonly kind: 'UserVariable'; readonly name: string };

/** Statements the session answers: its variables, its database, its transaction, its locks, its connections. */
export type SessionStatement =
  /** `SET a = 1, @b = 2, SESSION c = 3, @@global.d = 4`. A bare word on the right is a ColumnRef. */
  | { readonly kind: 'Set'; readonly assignments: readonly { readonly target: SetTarget; readonly value: Expr }[] }
  | { readonly kind: 'SetNames'; readonly charset: string; readonly collate?: string }
  | { readonly kind: 'SetCharset'; readonly charset: string }
  | {
      readonly kind: 'SetTransaction';
      readonly scope: 'GLOBAL' | 'SESSION' | null;
      readonly isolation?: string;
      readonly readOnly?: boolean;
    }
  | { readonly kind: 'Use'; readonly database: string }
  /** `KILL [CONNECTION] id` ends a connection; `KILL QUERY id` cancels its running statement. */
  | { readonly kind: 'Kill'; readonly query: boolean; readonly id: Expr }
  | { readonly kind: 'Transaction'; readonly action: 'BEGIN' | 'COMMIT' | 'ROLLBACK' }
  /** `SAVEPOINT sp`, `ROLLBACK [WORK] TO [SAVEPOINT] sp`, `RELEASE SAVEPOINT sp`. */
  | { readonly kind: 'Savepoint'; readonly action: 'SAVEPOINT' | 'ROLLBACK TO' | 'RELEASE'; readonly name: string }
  /** LOCK TABLES t READ, u WRITE … : accepted over views (a read-only schema has nothing to lock). */
  | { readonly kind: 'LockTables'; readonly tables: readonly { readonly table: TableName; readonly alias?: string; readonly write: boolean }[] }
  | { readonly kind: 'UnlockTables' }
  /** SHOW RESTORE PREVIEW: answered from what ALTER SYSTEM RESTORE … PREVIEW left in the session. */
  | { readonly kind: 'ShowRestorePreview' };

/** DESC t [col]: the table's columns, as SHOW COLUMNS gives them. */
export interface DescribeStatement {
  readonly kind: 'Describe';
  readonly table: TableName;
  readonly column?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// OceanBase backup, archive, restore and tenant statements (statements.md): the engine answers them all
// ---------------------------------------------------------------------------------------------------------------

/** ALTER SYSTEM statements over backup, archive, clean and the parameters that configure them. */
export type BackupStatement =
  /** ALTER SYSTEM ARCHIVELOG / NOARCHIVELOG [TENANT [=] list] [DESCRIPTION [=] '…']. */
  | {
      readonly kind: 'ArchiveLog';
      readonly enable: boolean;
      readonly tenants: readonly string[] | null;
      readonly description: string | null;
    }
  /**
   * ALTER SYSTEM BACKUP [INCREMENTAL] DATABASE … (`tenantForm` false) or ALTER SYSTEM BACKUP [INCREMENTAL]
   * [TENANT [=] list] … (`tenantForm` true; `tenants` null for a bare `ALTER SYSTEM BACKUP`).
   */
  | {
      readonly kind: 'BackupDatabase';
      readonly incremental: boolean;
      readonly tenantForm: boolean;
      readonly tenants: readonly string[] | null;
      readonly dest: string | null;
      readonly plusArchivelog: boolean;
      readonly description: string | null;
    }
  /** ALTER SYSTEM CANCEL BACKUP [TENANT [=] list]. */
  | { readonly kind: 'CancelBackup'; readonly tenants: readonly string[] | null }
  /** The other T_BACKUP_MANAGE forms, which 4.2 does not support (statements.md §3.3). */
  | {
      readonly kind: 'BackupManage';
      readonly action:
        | 'SUSPEND_BACKUP'
        | 'RESUME_BACKUP'
        | 'VALIDATE_DATABASE'
        | 'VALIDATE_BACKUPSET'
        | 'CANCEL_VALIDATE'
        | 'CANCEL_BACKUP_BACKUPSET'
        | 'CANCEL_BACKUP_BACKUPPIECE'
        | 'CANCEL_ALL_BACKUP_FORCE';
      readonly id: string | null;
      readonly copy: string | null;
    }
  /** DELETE BACKUPSET / BACKUPPIECE / OBSOLETE BACKUP and CANCEL DELETE BACKUP. */
  | {
      readonly kind: 'BackupClean';
      readonly action: 'DELETE_BACKUP_SET' | 'DELETE_BACKUP_PIECE' | 'DELETE_OBSOLETE_BACKUP' | 'CANCEL_DELETE';
      readonly id: string | null;
      readonly copy: string | null;
      readonly tenants: readonly string[] | null;
      readonly description: string | null;
    }
  /** ADD / DROP DELETE BACKUP POLICY [=] 'name' …. */
  | {
      readonly kind: 'DeletePolicy';
      readonly action: 'ADD' | 'DROP';
      readonly name: string;
      readonly recoveryWindow: string | null;
      readonly redundancy: string | null;
      readonly backupCopies: string | null;
      readonly tenants: readonly string[] | null;
    }
  | {
      readonly kind: 'BackupKey';
      readonly tenants: readonly string[] | null;
      readonly dest: string | null;
      readonly encryptedBy: string | null;
    }
  /**
   * ALTER SYSTEM [SET] p = v [, …]. Each item keeps its own TENANT / SCOPE / SERVER / ZONE clause. The name keeps
   * its spelling; the engine lower-cases it, as OceanBase's resolver does.
   */
  | {
      readonly kind: 'AlterSystemSet';
      readonly items: readonly {
        readonly name: string;
        readonly value: OptionValue;
        readonly comment?: string;
        readonly scope?: 'MEMORY' | 'SPFILE' | 'BOTH';
        readonly server?: string;
        readonly zone?: string;
        readonly tenant?: string;
      }[];
    };

/**
 * The statements that keep backup and restore passwords and sources in the session's user variables
 * (statements.md §8): the engine checks who may run them and what they write.
 */
export type BackupVariableStatement =
  | { readonly kind: 'SetEncryption'; readonly password: string }
  | { readonly kind: 'SetDecryption'; readonly passwords: readonly string[] }
  | { readonly kind: 'AddRestoreSource'; readonly uri: string }
  | { readonly kind: 'ClearRestoreSource' };

/** Restore (tenant and table), its preview and cancellation, and the standby statements. */
export type RestoreStatement =
  | {
      readonly kind: 'Restore';
      readonly tenant: string;
      /** The FROM string as written (comma-separated URIs); null without FROM. */
      readonly from: string | null;
      readonly until: Until | null;
      readonly options: string;
      readonly encryptedBy: string | null;
      readonly keyFrom: { readonly path: string; readonly encryptedBy: string | null } | null;
      readonly description: string | null;
    }
  | { readonly kind: 'RestorePreview'; readonly from: string; readonly until: Until | null }
  | { readonly kind: 'CancelRestore'; readonly tenant: string }
  | {
      readonly kind: 'RecoverTable';
      /** `db.tbl`, `db.*`, `*.*` as written. */
      readonly tables: readonly string[];
      readonly tenant: string | null;
      readonly from: string | null;
      readonly until: Until | null;
      readonly options: string;
      /** ENCRYPTED BY 'key' and WITH KEY FROM 'path' [ENCRYPTED BY 'pwd'], as in RESTORE (added for RECOVER TABLE). */
      readonly encryptedBy?: string | null;
      readonly keyFrom?: { readonly path: string; readonly encryptedBy: string | null } | null;
      readonly remap: readonly string[];
      readonly description: string | null;
    }
  | { readonly kind: 'CancelRecoverTable'; readonly tenant: string }
  | { readonly kind: 'ActivateStandby'; readonly tenant: string | null; readonly verify: boolean }
  | { readonly kind: 'RecoverStandby'; readonly tenant: string | null; readonly until: Until | null; readonly cancel: boolean }
  | {
      readonly kind: 'Switchover';
      readonly to: 'PRIMARY' | 'STANDBY';
      readonly tenant: string | null;
      readonly verify: boolean;
    }
  | { readonly kind: 'RunUpgradeJob'; readonly job: string; readonly tenant: string | null };

/** CREATE / DROP TENANT, RESOURCE UNIT and RESOURCE POOL. */
export type TenantStatement =
  | {
      readonly kind: 'CreateTenant';
      readonly ifNotExists: boolean;
      readonly name: string;
      readonly options: readonly NamedOption[];
      /** The trailing `SET var = value, …` (e.g. ob_compatibility_mode = 'oracle'). */
      readonly variables: readonly NamedOption[];
    }
  | { readonly kind: 'DropTenant'; readonly ifExists: boolean; readonly name: string; readonly force: boolean; readonly purge: boolean }
  | { readonly kind: 'CreateResourceUnit'; readonly ifNotExists: boolean; readonly name: string; readonly options: readonly NamedOption[] }
  | { readonly kind: 'DropResourceUnit'; readonly ifExists: boolean; readonly name: string }
  | { readonly kind: 'CreateResourcePool'; readonly ifNotExists: boolean; readonly name: string; readonly options: readonly NamedOption[] }
  | { readonly kind: 'DropResourcePool'; readonly ifExists: boolean; readonly name: string };

// ---------------------------------------------------------------------------------------------------------------
// Emulator control statements (emulator.md): ours, never OceanBase's
// ---------------------------------------------------------------------------------------------------------------

export type TimeUnit = 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';

/** ALTER EMULATOR … and SHOW EMULATOR …: the engine answers them, as it does OceanBase's statements. */
export type ControlStatement =
  | { readonly kind: 'EmulatorAdvanceTime'; readonly amount: string; readonly unit: TimeUnit }
  | { readonly kind: 'EmulatorSetClock'; readonly mode: 'MANUAL' | 'REALTIME'; readonly speed: string | null }
  | { readonly kind: 'EmulatorWriteMacroblocks'; readonly count: string; readonly tenant: string | null }
  | { readonly kind: 'EmulatorSetWriteRate'; readonly mbPerSecond: string; readonly tenant: string | null }
  | { readonly kind: 'EmulatorReset' }
  | {
      readonly kind: 'EmulatorInjectFault';
      readonly target: FaultTarget;
      readonly tenant: string | null;
      readonly effect: FaultEffectText;
      readonly after: TimeSpan | null;
      readonly for: TimeSpan | null;
    }
  /** `faultId` null: CLEAR FAULTS (every fault of the cluster). */
  | { readonly kind: 'EmulatorClearFault'; readonly faultId: string | null }
  | { readonly kind: 'ShowEmulatorStatus' }
  | { readonly kind: 'ShowEmulatorFaults' };

/** What an injected fault hits (emulator.md "Faults"). */
export type FaultTarget = 'BACKUP DEST' | 'ARCHIVE DEST' | 'RESTORE' | 'BACKUP CLEAN' | 'SERVER';

/** A fault's effect as written: the error name and the rate are checked by the engine, not the grammar. */
export type FaultEffectText =
  | { readonly kind: 'ERROR'; readonly name: string }
  | { readonly kind: 'THROUGHPUT'; readonly mbPerSecond: string }
  | { readonly kind: 'DOWN' };

export interface TimeSpan {
  readonly amount: string;
  readonly unit: TimeUnit;
}

// ---------------------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------------------
// The data plane (issue 20): databases, tables and rows of MySQL-mode user tenants
// ---------------------------------------------------------------------------------------------------------------

/**
 * A column type as written: `name` upper-cased (`INT`, `VARCHAR`, `BOOLEAN`), `args` the numbers in parentheses as
 * written. Which names and arguments are valid is the data plane's question (1064 / 1074 / 1426 there), not the
 * grammar's.
 */
export interface DataType {
  readonly name: string;
  readonly args: readonly string[];
  readonly unsigned: boolean;
  readonly zerofill: boolean;
}

/** One column of CREATE TABLE / ALTER TABLE ADD COLUMN. Absent attributes were not written. */
export interface ColumnDefinition {
  readonly name: string;
  readonly type: DataType;
  /** NULL (true) or NOT NULL (false); undefined when neither was written. */
  readonly nullable?: boolean;
  /** DEFAULT …: a literal, a signed number (a Unary), CURRENT_TIMESTAMP[(n)] (a FunctionCall) or an expression. */
  readonly default?: Expr;
  readonly autoIncrement: boolean;
  readonly primaryKey: boolean;
  readonly unique: boolean;
  readonly comment?: string;
  /** ON UPDATE CURRENT_TIMESTAMP[(n)]. */
  readonly onUpdate?: Expr;
}

/** PRIMARY KEY (cols), UNIQUE [name] (cols), KEY / INDEX [name] (cols). */
export interface TableConstraint {
  readonly kind: 'PrimaryKey' | 'Unique' | 'Index';
  /** The index's name (or the CONSTRAINT name when no index name was written). */
  readonly name?: string;
  readonly columns: readonly string[];
}

/** A table option as written: ENGINE, COMMENT, AUTO_INCREMENT, CHARSET, COLLATE (`value` as written, unquoted). */
export interface TableOption {
  readonly name: 'ENGINE' | 'COMMENT' | 'AUTO_INCREMENT' | 'CHARSET' | 'COLLATE';
  readonly value: string;
}

/** One `col = value` of UPDATE … SET, INSERT … SET and ON DUPLICATE KEY UPDATE; `value` undefined is DEFAULT. */
export interface Assignment {
  readonly column: { readonly table?: string; readonly column: string };
  readonly value?: Expr;
}

/** One ALTER TABLE action. */
export type AlterSpec =
  | { readonly kind: 'AddColumn'; readonly column: ColumnDefinition; readonly position?: { readonly first: true } | { readonly after: string } }
  | { readonly kind: 'AddConstraint'; readonly constraint: TableConstraint }
  | { readonly kind: 'DropColumn'; readonly column: string }
  | { readonly kind: 'DropIndex'; readonly index: string }
  | { readonly kind: 'DropPrimaryKey' }
  | { readonly kind: 'RenameTable'; readonly to: TableName }
  /** DISABLE / ENABLE KEYS (dump files): accepted, no effect (indexes are kept up to date anyway). */
  | { readonly kind: 'Keys'; readonly enable: boolean };

/** A VALUES row's item: an expression, or undefined for DEFAULT. */
export type ValueItem = Expr | undefined;

/** The statements the data plane answers (grammar/ast-owner.ts `data`): DDL and DML over user tables. */
export type DataStatement =
  | { readonly kind: 'CreateDatabase'; readonly ifNotExists: boolean; readonly name: string }
  | { readonly kind: 'DropDatabase'; readonly ifExists: boolean; readonly name: string }
  | {
      readonly kind: 'CreateTable';
      readonly ifNotExists: boolean;
      readonly table: TableName;
      readonly columns: readonly ColumnDefinition[];
      readonly constraints: readonly TableConstraint[];
      readonly options: readonly TableOption[];
      /** CREATE TABLE t LIKE u. */
      readonly like?: TableName;
      /** CREATE TABLE t [(…)] AS SELECT …. */
      readonly as?: QueryExpression;
    }
  | { readonly kind: 'DropTable'; readonly ifExists: boolean; readonly tables: readonly TableName[] }
  | { readonly kind: 'TruncateTable'; readonly table: TableName }
  | { readonly kind: 'RenameTable'; readonly renames: readonly { readonly from: TableName; readonly to: TableName }[] }
  | { readonly kind: 'AlterTable'; readonly table: TableName; readonly specs: readonly AlterSpec[] }
  | {
      readonly kind: 'Insert';
      readonly replace: boolean;
      readonly ignore: boolean;
      readonly table: TableName;
      /** The column list; undefined when none was written (every column, in order). */
      readonly columns?: readonly string[];
      readonly source:
        | { readonly kind: 'Values'; readonly rows: readonly (readonly ValueItem[])[] }
        | { readonly kind: 'Set'; readonly assignments: readonly Assignment[] }
        | { readonly kind: 'Query'; readonly query: QueryExpression };
      readonly onDuplicate: readonly Assignment[];
    }
  | {
      readonly kind: 'Update';
      readonly ignore: boolean;
      readonly table: TableName;
      readonly alias?: string;
      readonly assignments: readonly Assignment[];
      readonly where?: Expr;
      readonly orderBy: readonly OrderItem[];
      readonly limit?: Expr;
    }
  | {
      readonly kind: 'Delete';
      readonly ignore: boolean;
      readonly table: TableName;
      readonly alias?: string;
      readonly where?: Expr;
      readonly orderBy: readonly OrderItem[];
      readonly limit?: Expr;
    };

/** Statements the query evaluator answers over the session's catalog of views (grammar/ast-owner.ts). */
export type QueryStatement = SelectStatement | UnionQuery | ShowStatement | DescribeStatement;

/**
 * SAVE / LOAD SNAPSHOT (emulator.md "State that lasts"): control statements too, but answered beside the engine,
 * since they read and write files, which the engine never does. `name` is as typed; the session checks it.
 */
export type PersistStatement = { readonly kind: 'EmulatorSnapshot'; readonly action: 'SAVE' | 'LOAD'; readonly name: string };

/** Every statement, grouped by who answers it: the query evaluator, the data plane, the session, the engine (grammar/ast-owner.ts). */
export type Statement =
  | QueryStatement
  | DataStatement
  | SessionStatement
  | PersistStatement
  | BackupStatement
  | BackupVariableStatement
  | RestoreStatement
  | TenantStatement
  | ControlStatement;

export type StatementKind = Statement['kind'];

/** Exhaustiveness guard for switches over `kind`. */
export function assertNever(x: never): never {
  throw new Error(`unexpected AST node: ${JSON.stringify(x)}`);
}
