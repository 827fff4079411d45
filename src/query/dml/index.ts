/** The data plane's pure side: DML evaluated to row writes, table definitions to schemas (session/data-statements.ts runs them). */
export type { PendingWrite, UniqueKey } from './changes.js';
export { alterSchema, tableSchema, type AlteredTable } from './ddl.js';
export { encodeKey, keyDisplay, uniqueKeysOf } from './keys.js';
export { fromWall, storeValue } from './store-value.js';
export { evaluateDelete, evaluateInsert, evaluateUpdate, type WriteOutcome, type WriteServices } from './write.js';
