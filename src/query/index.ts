/** The query evaluator's public surface: SELECT, SHOW, DESC, SET over a Catalog of typed tables. */
export type { Catalog, EvalContext, SysVarValue, Table, VersionProfile } from './catalog.js';
export { withInformationSchema } from './information-schema/index.js';
export { describeSelect, evaluateOver, evaluateSelect } from './select.js';
export { checkLockTables, describeTable, evaluateShow, rejectWrite } from './show.js';
export { applySet, applySetNames, applySetTransaction, type VariableStore } from './set.js';
export { DEFAULT_VERSION, sysVarDef, sysVarDefs, type SysVarDef } from './sysvars.js';
export { sysVarValue, sysVarText } from './sysvar-read.js';
export { textOf, compareValues } from './values.js';
export { formatTemporal, isValidTimeZone } from './time.js';
export { checkBudget, HandOff, timeoutError, underBudget, type StatementBudget } from './budget.js';
