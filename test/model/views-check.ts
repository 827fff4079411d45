/**
 * After every command: the CDB views (read from sys) against the model (STYLE.md §F CheckJobsView /
 * CheckSetsView): live jobs, job history, set files with their PREV ids, archive rounds, LOG_MODE and delete
 * policies. Rows of jobs the model cannot place yet (phase unknown) are left out of both sides.
 */
import { roundNow } from './model-archive.js';
import { hasSetRow, phaseOf } from './model-jobs.js';
import { TENANT_ID, TENANT_SQL_NAME, USER_TENANTS } from './model.js';
import type { Job, Model } from './model.js';
import type { System } from './system.js';

export interface ViewQuery {
  readonly name: string;
  readonly sql: string;
  /** Column types for a scenario `query` record. */
  readonly types: string;
}

export const JOBS: ViewQuery = {
  name: 'jobs',
  sql: 'SELECT TENANT_ID, JOB_ID, BACKUP_TYPE, STATUS, INITIATOR_TENANT_ID, PLUS_ARCHIVELOG, ENCRYPTION_MODE FROM oceanbase.CDB_OB_BACKUP_JOBS ORDER BY TENANT_ID, JOB_ID',
  types: 'IITTITT',
};
export const HISTORY: ViewQuery = {
  name: 'job history',
  sql: 'SELECT TENANT_ID, JOB_ID, STATUS, RESULT FROM oceanbase.CDB_OB_BACKUP_JOB_HISTORY ORDER BY TENANT_ID, JOB_ID',
  types: 'IITI',
};
export const SETS: ViewQuery = {
  name: 'set files',
  sql: 'SELECT TENANT_ID, BACKUP_SET_ID, BACKUP_TYPE, STATUS, PREV_FULL_BACKUP_SET_ID, PREV_INC_BACKUP_SET_ID FROM oceanbase.CDB_OB_BACKUP_SET_FILES ORDER BY TENANT_ID, BACKUP_SET_ID',
  types: 'IITTII',
};
export const ARCHIVE: ViewQuery = {
  name: 'archive rounds',
  sql: 'SELECT TENANT_ID, DEST_NO, ROUND_ID, STATUS FROM oceanbase.CDB_OB_ARCHIVELOG ORDER BY TENANT_ID, DEST_NO',
  types: 'IIIT',
};
export const LOG_MODE: ViewQuery = {
  name: 'log mode',
  sql: "SELECT TENANT_NAME, LOG_MODE FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_TYPE = 'USER' ORDER BY TENANT_ID",
  types: 'TT',
};
export const POLICY: ViewQuery = {
  name: 'delete policy',
  sql: 'SELECT TENANT_ID, POLICY_NAME FROM oceanbase.CDB_OB_BACKUP_DELETE_POLICY ORDER BY TENANT_ID',
  types: 'IT',
};

const tenantIdOf = (j: Job): string => String(j.tenant === 'sys' ? 1 : TENANT_ID[j.tenant]);
const key = (tenantId: string, id: string): string => `${tenantId}/${id}`;

/** What the model expects each view to hold, and the keys (tenant/job or tenant/set) it cannot place. */
export function expectedViews(m: Model): Map<ViewQuery, { rows: string[][]; unknown: Set<string> }> {
  const jobs: string[][] = [];
  const history: string[][] = [];
  const sets: string[][] = [];
  const unknownJobs = new Set<string>();
  const unknownSets = new Set<string>();
  for (const j of m.jobs) {
    const p = phaseOf(m, j);
    const tid = tenantIdOf(j);
    if (p.where === 'unknown') {
      unknownJobs.add(key(tid, String(j.jobId)));
      if (j.setId > 0) unknownSets.add(key(tid, String(j.setId)));
      continue;
    }
    if (p.where === 'live') {
      const initiator = String(j.initiator === 'sys' ? 1 : TENANT_ID[j.initiator]);
      jobs.push([tid, String(j.jobId), j.type, p.status, initiator, j.plus ? 'ON' : 'OFF', j.encrypted ? 'PASSWORD' : 'NONE']);
    } else {
      history.push([tid, String(j.jobId), p.status, p.result === null ? '*' : String(p.result)]);
    }
    if (hasSetRow(m, j)) {
      const status = p.where === 'live' ? 'DOING' : p.status === 'COMPLETED' ? 'SUCCESS' : 'FAILED';
      sets.push([tid, String(j.setId), j.type, status, String(j.prevFull), String(j.prevInc)]);
    }
  }
  const archive: string[][] = [];
  const logMode: string[][] = [];
  const policy: string[][] = [];
  for (const name of USER_TENANTS) {
    const t = m.tenants[name];
    const r = roundNow(m, t);
    if (r !== null) archive.push([String(t.id), '0', String(r.id), r.status]);
    logMode.push([TENANT_SQL_NAME[name], t.logMode]);
    if (t.policy) policy.push([String(t.id), 'default']);
  }
  const none = new Set<string>();
  return new Map([
    [JOBS, { rows: jobs, unknown: unknownJobs }],
    [HISTORY, { rows: history, unknown: unknownJobs }],
    [SETS, { rows: sets, unknown: unknownSets }],
    [ARCHIVE, { rows: archive, unknown: none }],
    [LOG_MODE, { rows: logMode, unknown: none }],
    [POLICY, { rows: policy, unknown: none }],
  ]);
}

const sortRows = (rows: string[][]): string[][] => [...rows].sort((a, b) => (a.join('\t') < b.join('\t') ? -1 : a.join('\t') > b.join('\t') ? 1 : 0));

/** Compares every view with the model; throws a readable mismatch. */
export async function checkViews(m: Model, sys: System): Promise<void> {
  for (const [view, want] of expectedViews(m)) {
    const got = await sys.rows(view.sql);
    const expected = sortRows(want.rows);
    // Rows the model cannot place are dropped; '*' cells (values the model leaves open) are masked.
    const actual = got
      .filter((r) => !want.unknown.has(key(r[0] ?? '', r[1] ?? '')))
      .map((r) => {
        const twin = expected.find((e) => e[0] === r[0] && e[1] === r[1]);
        return twin === undefined ? r : r.map((v, c) => (twin[c] === '*' ? '*' : v));
      });
    const a = JSON.stringify(sortRows(actual));
    const e = JSON.stringify(expected);
    if (a !== e) throw new Error(`view ${view.name} differs from the model at t=${m.now / 1000}s\n  model:  ${e}\n  actual: ${a}\n  sql: ${view.sql}`);
  }
}
