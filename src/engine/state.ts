/**
 * The engine's state: plain data (structuredClone-able, no classes, no functions) holding everything the views of
 * views.md read, one file per part below. Views are pure functions of (ClusterState, now); each field names the
 * view columns it feeds.
 *
 * Units: times are virtual MICROseconds since the Unix epoch (`…Us`, plain numbers, exact below 2^53); SCNs are
 * virtual NANOseconds since the epoch as bigint (views.md §10.5), 0n meaning "unset" (the *_DISPLAY is then NULL).
 * A field that a column shows verbatim keeps the column's vocabulary (views.md §8).
 */
export type * from './state-vocabulary.js';
export type * from './state-cluster.js';
export type * from './state-restore.js';
export type * from './state-tenant.js';
export type * from './state-dest.js';
export type * from './state-archive.js';
export type * from './state-backup.js';
export type * from './state-data.js';
export type * from './state-fault.js';
