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
export type * from './cluster/state.js';
export type * from './restore/state.js';
export type * from './tenant/state.js';
export type * from './dest/state.js';
export type * from './archive/state.js';
export type * from './backup/state.js';
export type * from './data/state.js';
export type * from './faults/state.js';
