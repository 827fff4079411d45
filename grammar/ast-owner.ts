/**
 * Who answers each statement: the one routing table. The query evaluator answers what it can compute from the
 * session's catalog of views, the data plane answers DDL and DML over user tables, the session answers what changes only the session, and the engine answers what
 * reads or changes the cluster. Adding a statement kind without a row here, or with a row that disagrees with the
 * AST union it sits in (ast.ts), does not compile; the session's dispatch (src/session/statements.ts) and the
 * engine's switch (src/engine/execute.ts) take their statement types from this table.
 */
import type {
  BackupStatement,
  BackupVariableStatement,
  ControlStatement,
  DataStatement,
  PersistStatement,
  QueryStatement,
  RestoreStatement,
  SessionStatement,
  Statement,
  StatementKind,
  TenantStatement,
} from './ast.js';

export type Owner = 'query' | 'data' | 'session' | 'engine';

export const OWNER = {
  Select: 'query',
  Union: 'query',
  Describe: 'query',
  ShowDatabases: 'query',
  ShowTables: 'query',
  ShowVariables: 'query',
  ShowParameters: 'query',
  ShowColumns: 'query',
  ShowWarnings: 'query',
  ShowErrors: 'query',
  ShowStatus: 'query',
  ShowProcesslist: 'query',
  ShowTenant: 'query',
  ShowTableStatus: 'query',
  ShowIndex: 'query',
  ShowCreateTable: 'query',
  ShowCreateView: 'query',
  ShowCreateDatabase: 'query',
  ShowGrants: 'query',
  ShowEngines: 'query',
  ShowCharset: 'query',
  ShowCollation: 'query',
  ShowRoutineStatus: 'query',
  ShowTriggers: 'query',
  ShowEvents: 'query',
  ShowPlugins: 'query',
  ShowMasterStatus: 'query',

  // Databases, tables and rows of user tenants: src/session/data-statements.ts.
  CreateDatabase: 'data',
  DropDatabase: 'data',
  CreateTable: 'data',
  DropTable: 'data',
  TruncateTable: 'data',
  RenameTable: 'data',
  AlterTable: 'data',
  Insert: 'data',
  Update: 'data',
  Delete: 'data',

  Set: 'session',
  SetNames: 'session',
  SetCharset: 'session',
  SetTransaction: 'session',
  Use: 'session',
  Kill: 'session',
  Transaction: 'session',
  Savepoint: 'session',
  LockTables: 'session',
  UnlockTables: 'session',
  ShowRestorePreview: 'session',
  // SAVE / LOAD SNAPSHOT read and write files, which the engine never does.
  EmulatorSnapshot: 'session',

  ArchiveLog: 'engine',
  BackupDatabase: 'engine',
  CancelBackup: 'engine',
  BackupManage: 'engine',
  BackupClean: 'engine',
  DeletePolicy: 'engine',
  BackupKey: 'engine',
  AlterSystemSet: 'engine',
  SetEncryption: 'engine',
  SetDecryption: 'engine',
  AddRestoreSource: 'engine',
  ClearRestoreSource: 'engine',
  Restore: 'engine',
  RestorePreview: 'engine',
  CancelRestore: 'engine',
  RecoverTable: 'engine',
  CancelRecoverTable: 'engine',
  ActivateStandby: 'engine',
  RecoverStandby: 'engine',
  Switchover: 'engine',
  RunUpgradeJob: 'engine',
  CreateTenant: 'engine',
  DropTenant: 'engine',
  CreateResourceUnit: 'engine',
  DropResourceUnit: 'engine',
  CreateResourcePool: 'engine',
  DropResourcePool: 'engine',
  EmulatorAdvanceTime: 'engine',
  EmulatorSetClock: 'engine',
  EmulatorWriteMacroblocks: 'engine',
  EmulatorSetWriteRate: 'engine',
  EmulatorReset: 'engine',
  EmulatorInjectFault: 'engine',
  EmulatorClearFault: 'engine',
  ShowEmulatorStatus: 'engine',
  ShowEmulatorFaults: 'engine',
} as const satisfies Record<StatementKind, Owner>;

/**
 * The statement of kind K. Not `Extract<Statement, { kind: K }>`: one AST member may carry two kinds
 * (ShowTriggers | ShowEvents), and Extract would drop it.
 */
export type StatementOf<K extends StatementKind> = Statement extends infer S ? (S extends { readonly kind: infer SK } ? (K extends SK ? S : never) : never) : never;

export type KindOwnedBy<O extends Owner> = { [K in StatementKind]: (typeof OWNER)[K] extends O ? K : never }[StatementKind];

export type OwnedBy<O extends Owner> = StatementOf<KindOwnedBy<O>>;

/** Whether `owner` answers the statement; the type follows from the table, so no caller casts a kind. */
export function ownedBy<O extends Owner>(stmt: Statement, owner: O): stmt is OwnedBy<O> {
  return OWNER[stmt.kind] === owner;
}

// The AST's unions are grouped by the same owners: if a kind moves in one and not the other, this fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type OwnersInStep = [
  Holds<Same<OwnedBy<'query'>, QueryStatement>>,
  Holds<Same<OwnedBy<'data'>, DataStatement>>,
  Holds<Same<OwnedBy<'session'>, SessionStatement | PersistStatement>>,
  Holds<Same<OwnedBy<'engine'>, BackupStatement | BackupVariableStatement | RestoreStatement | TenantStatement | ControlStatement>>,
];
