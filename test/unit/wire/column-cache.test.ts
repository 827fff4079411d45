/** Column definitions are encoded once per distinct column, even when every query builds new ColumnDef objects. */
import { describe, expect, it } from 'vitest';
import { toWireColumn, wireColumns } from '../../../src/wire/column-definition.js';
import type { ColumnDef } from '../../../src/result.js';

const jobId = (): ColumnDef => ({ name: 'job_id', type: { base: 'bigint', width: 20, unsigned: false }, nullable: false, table: 'DBA_OB_BACKUP_JOB_HISTORY', orgTable: 'DBA_OB_BACKUP_JOB_HISTORY', orgName: 'JOB_ID', schema: 'oceanbase' });
const status = (): ColumnDef => ({ name: 'status', type: { base: 'varchar', length: 4096 }, nullable: false });

describe('wireColumns', () => {
  it('reuses the encoding of an equal column from an earlier, different array', () => {
    const first = wireColumns([jobId(), status()]);
    const second = wireColumns([jobId(), status()]);
    expect(second).not.toBe(first);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[0]?.payload).toEqual(toWireColumn(jobId()).payload);
  });

  it('tells apart columns that differ in any encoded field', () => {
    const base = jobId();
    const variants: ColumnDef[] = [
      { ...base, name: 'JOB_ID' },
      { ...base, nullable: true },
      { ...base, type: { base: 'bigint', width: 20, unsigned: true } },
      { ...base, type: { base: 'int', width: 11, unsigned: false } },
      { ...base, table: 'h' },
      { ...base, orgTable: 'X' },
      { ...base, orgName: 'job' },
      { ...base, schema: 'test' },
    ];
    const [original] = wireColumns([base]);
    for (const v of variants) {
      const [cached] = wireColumns([v]);
      expect(cached).not.toBe(original);
      expect(cached?.payload).toEqual(toWireColumn(v).payload);
      expect(cached?.payload).not.toEqual(original?.payload);
    }
  });
});
