/** The scenario-file runner (STYLE.md §G): parse, print, run in process, rewrite, and the generated docs. */
export type * from './model.js';
export { DEFAULT_SEED, DEFAULT_START_TIME, isRecord } from './model.js';
export { isSyntaxError, parseScenario, type ScenarioSyntaxError } from './parse.js';
export { printScenario } from './print.js';
export { clusterNameOf, formatFailure, runScenarioFile, type RecordFailure, type RunOptions, type ScenarioReport } from './run.js';
export { engineTarget } from './engine-target.js';
export { findScenarioFiles } from './files.js';
export type { Cell, ClusterSetup, Login, Outcome, Target, TargetConnection, TargetFactory } from './target.js';
export { sideBySide } from './diff.js';
