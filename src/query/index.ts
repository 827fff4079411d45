/** The query evaluator's public surface: SELECT, SHOW, DESC, SET over a Catalog of typed tables. */
export type { Catalog, EvalContext, SysVarValue, Table, VersionProfile } from './catalog.js';
export { describeSelect, evaluateSelect } from './select.js';
export { DEFAULT_VERSION, sysVarDef, sysVarDefs, type SysVarDef } from './sysvars.js';
export { textOf, compareValues } from './values.js';
export { formatTemporal } from './time.js';
