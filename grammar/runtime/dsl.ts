/**
 * The slice of chevrotain's parsing DSL the rule files use. The DSL methods are protected members of CstParser;
 * the parser hands itself to each rule file under this interface so the grammar can live in several small files
 * while there is still exactly one parser class.
 *
 * An OR's alternatives are built once, beside their rule, not written inline: an inline array of `{ ALT }` objects
 * and closures is rebuilt at every call, and the parse ran about a tenth faster without (bench/parse.ts, CPU
 * time). `xAlternatives` are the top choice of the rule x; an inner choice is named for what it chooses
 * (`timeUnit`, `clockMode`, `backupSetOrPiece`).
 */
import type { CstNode, IOrAlt, IToken, ParserMethod, TokenType } from 'chevrotain';

export type Rule = ParserMethod<[], CstNode>;

type Consume = (token: TokenType, options?: { LABEL?: string }) => IToken;
type Subrule = (rule: Rule, options?: { LABEL?: string }) => CstNode;
type Option = (action: (() => unknown) | { GATE?: () => boolean; DEF: () => unknown }) => unknown;
type Or = (alts: IOrAlt<unknown>[] | { DEF: IOrAlt<unknown>[]; IGNORE_AMBIGUITIES?: boolean }) => unknown;
type Many = (action: (() => unknown) | { GATE?: () => boolean; DEF: () => unknown }) => void;
type AtLeastOne = (action: () => unknown) => void;
type Sep = (options: { SEP: TokenType; DEF: () => unknown }) => void;

export interface Dsl {
  RULE(name: string, impl: () => void): Rule;
  CONSUME: Consume;
  CONSUME1: Consume;
  CONSUME2: Consume;
  CONSUME3: Consume;
  CONSUME4: Consume;
  CONSUME5: Consume;
  CONSUME6: Consume;
  SUBRULE: Subrule;
  SUBRULE1: Subrule;
  SUBRULE2: Subrule;
  SUBRULE3: Subrule;
  SUBRULE4: Subrule;
  SUBRULE5: Subrule;
  SUBRULE6: Subrule;
  OPTION: Option;
  OPTION1: Option;
  OPTION2: Option;
  OPTION3: Option;
  OPTION4: Option;
  OPTION5: Option;
  OPTION6: Option;
  OPTION7: Option;
  OPTION8: Option;
  OPTION9: Option;
  OR: Or;
  OR1: Or;
  OR2: Or;
  OR3: Or;
  OR4: Or;
  OR5: Or;
  OR6: Or;
  MANY: Many;
  MANY1: Many;
  MANY2: Many;
  MANY3: Many;
  AT_LEAST_ONE: AtLeastOne;
  MANY_SEP: Sep;
  MANY_SEP1: Sep;
  AT_LEAST_ONE_SEP: Sep;
  AT_LEAST_ONE_SEP1: Sep;
  AT_LEAST_ONE_SEP2: Sep;
  AT_LEAST_ONE_SEP3: Sep;
  LA(howMuch: number): IToken;
  /** Code run only when parsing, never while chevrotain records the grammar. */
  ACTION<T>(impl: () => T): T;
}

/** Every rule of the grammar, filled in by the rule files; rule bodies refer to each other through it. */
export interface Rules {
  activateStandby: Rule;
  addStatement: Rule;
  alias: Rule;
  alterEmulator: Rule;
  alterStatement: Rule;
  archiveLog: Rule;
  backup: Rule;
  backupTo: Rule;
  bitExpr: Rule;
  callArgs: Rule;
  cancel: Rule;
  caseExpr: Rule;
  caseWhen: Rule;
  castExpr: Rule;
  castType: Rule;
  charsetName: Rule;
  clearRestoreSource: Rule;
  copyId: Rule;
  createStatement: Rule;
  deleteBackup: Rule;
  describeStatement: Rule;
  description: Rule;
  dropPolicy: Rule;
  dropStatement: Rule;
  emulatorSpan: Rule;
  encryptedBy: Rule;
  expression: Rule;
  exprTail: Rule;
  ifExists: Rule;
  ifNotExists: Rule;
  injectFault: Rule;
  intervalExpr: Rule;
  joinClause: Rule;
  limitClause: Rule;
  namedOption: Rule;
  optionList: Rule;
  optionValue: Rule;
  orderItem: Rule;
  parameterItem: Rule;
  policyName: Rule;
  primary: Rule;
  recover: Rule;
  recoverStandby: Rule;
  recoverTable: Rule;
  recoverTableName: Rule;
  remapClause: Rule;
  remapItem: Rule;
  remapName: Rule;
  restore: Rule;
  restoreUntil: Rule;
  restoreWith: Rule;
  runUpgradeJob: Rule;
  scope: Rule;
  queryTerm: Rule;
  unionTail: Rule;
  queryExpression: Rule;
  subquery: Rule;
  withClause: Rule;
  commonTableExpr: Rule;
  lockClause: Rule;
  selectItem: Rule;
  selectStatement: Rule;
  setAssignment: Rule;
  setParameters: Rule;
  setStatement: Rule;
  showBrowse: Rule;
  showCreate: Rule;
  showFrom: Rule;
  userSpec: Rule;
  lockItem: Rule;
  lockStatement: Rule;
  showColumns: Rule;
  showEmulator: Rule;
  showFilter: Rule;
  showStatement: Rule;
  showTables: Rule;
  statement: Rule;
  suspendResume: Rule;
  switchover: Rule;
  tableFactor: Rule;
  tableName: Rule;
  tableRef: Rule;
  tenantClause: Rule;
  tenantList: Rule;
  tenantName: Rule;
  tenantVariable: Rule;
  transactionCharacteristic: Rule;
  transactionStatement: Rule;
  untilPoint: Rule;
  useStatement: Rule;
  killStatement: Rule;
  alterSpec: Rule;
  alterTable: Rule;
  assignment: Rule;
  charsetOption: Rule;
  columnAttribute: Rule;
  columnCharset: Rule;
  columnDefinition: Rule;
  columnName: Rule;
  createDatabase: Rule;
  createTable: Rule;
  dataType: Rule;
  defaultValue: Rule;
  deleteStatement: Rule;
  dropDatabase: Rule;
  dropTable: Rule;
  indexColumns: Rule;
  insertStatement: Rule;
  renameStatement: Rule;
  tableConstraint: Rule;
  tableElement: Rule;
  tableOption: Rule;
  truncateStatement: Rule;
  updateStatement: Rule;
  valueItem: Rule;
  valuesRow: Rule;
  validate: Rule;
}
