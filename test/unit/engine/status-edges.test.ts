import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../../src/errors.js';
import { JOB_MACHINE, ROUND_MACHINE, TASK_MACHINE, allowedEdge, changeStatus } from '../../../src/engine/status-edges.js';
import type { JobStatus, StatusChange } from '../../../src/engine/state-vocabulary.js';

describe('status machines', () => {
  it('a setter writes an allowed edge and its log entry', () => {
    const job: { status: JobStatus; statusLog: StatusChange<JobStatus>[] } = { status: 'INIT', statusLog: [{ from: null, to: 'INIT', atUs: 1 }] };
    changeStatus(JOB_MACHINE, 'job 1', job, 'DOING', 2);
    expect(job).toEqual({ status: 'DOING', statusLog: [{ from: null, to: 'INIT', atUs: 1 }, { from: 'INIT', to: 'DOING', atUs: 2 }] });
  });

  it('a disallowed edge throws where it is written, and changes nothing', () => {
    const job: { status: JobStatus; statusLog: StatusChange<JobStatus>[] } = { status: 'COMPLETED', statusLog: [] };
    expect(() => changeStatus(JOB_MACHINE, 'job 1', job, 'DOING', 2)).toThrow(InvariantError);
    expect(job).toEqual({ status: 'COMPLETED', statusLog: [] });
  });

  it('rows are born in their initial status only, and ends are final', () => {
    expect(allowedEdge(TASK_MACHINE, null, 'INIT')).toBe(true);
    expect(allowedEdge(TASK_MACHINE, null, 'BACKUP_LOG')).toBe(false);
    expect(allowedEdge(ROUND_MACHINE, 'STOP', 'BEGINNING')).toBe(false);
    expect(allowedEdge(ROUND_MACHINE, 'SUSPEND', 'BEGINNING')).toBe(true);
  });
});
