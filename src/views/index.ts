/**
 * The views' public surface: `createCatalog(state, nowUs, tenantId)` for the query evaluator, the view
 * definitions (for DESC and tests), and the value helpers the evaluator may share (byte display format).
 */
export { createCatalog, OCEANBASE_DATABASE } from './catalog.js';
export { VIEW_DEFS, viewDef } from './registry.js';
export { bytesDisplay } from './values.js';
export type { Row, TableKind, UserTableAccess, ViewCatalog, ViewContext, ViewDef, ViewTable, Visibility } from './types.js';
export { columnDefsOf, sqlRowOf, sqlValueOf, type PendingRow, type PendingWrites, type WallToInstant } from './user-tables.js';
