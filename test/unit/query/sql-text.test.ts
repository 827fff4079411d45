/** The real clients' queries (clients.md §4) as SQL text through the grammar, then the evaluator. */
import { describe, expect, it } from 'vitest';
import { parse } from '../../../grammar/index.js';
import type { SelectStatement } from '../../../grammar/ast.js';
import { isObError } from '../../../src/errors.js';
import { evaluateSelect } from '../../../src/query/index.js';
import { BIG, catalog, context, table, VC } from './helpers.js';

const summary = table(
  'CDB_OB_ARCHIVELOG_SUMMARY',
  [
    ['TENANT_ID', BIG, false],
    ['ROUND_ID', BIG, false],
    ['STATUS', VC, false],
    ['CHECKPOINT_SCN', BIG, false],
  ],
  [
    [1002n, 1n, 'STOP', 1714564700000000000n],
    [1002n, 2n, 'DOING', 1714564790000000000n],
    [1004n, 1n, 'DOING', 1714564795000000000n],
  ],
);
const cat = catalog(summary);

function run(sql: string) {
  const parsed = parse(sql);
  const stmt = parsed.statements[0]?.ast;
  if (parsed.error || !stmt || stmt.kind !== 'Select') throw new Error(`did not parse as a SELECT: ${sql}`);
  const r = evaluateSelect(stmt as SelectStatement, cat, context({ params: [1002n] }));
  if (isObError(r)) throw new Error(r.message);
  return r;
}

describe('client queries as text', () => {
  it("obshell's archive delay query", () => {
    const r = run(
      'SELECT *, truncate((time_to_usec(now()) - checkpoint_scn / 1000) / 1000000, 4) AS DELAY FROM `oceanbase`.`CDB_OB_ARCHIVELOG_SUMMARY` WHERE tenant_id = ? ORDER BY ROUND_ID desc LIMIT 1',
    );
    expect(r.columns.map((c) => c.name)).toEqual(['TENANT_ID', 'ROUND_ID', 'STATUS', 'CHECKPOINT_SCN', 'DELAY']);
    expect(r.rows.map((row) => row.map(String))).toEqual([['1002', '2', 'DOING', '1714564790000000000', '10.0000']]);
  });

  it("KubeBlocks' COALESCE(MAX(CHECKPOINT_SCN), 0) and count(*) with string-number coercion", () => {
    expect(run("SELECT COALESCE(MAX(CHECKPOINT_SCN), 0) FROM oceanbase.CDB_OB_ARCHIVELOG_SUMMARY WHERE tenant_id='1004';").rows).toEqual([
      [1714564795000000000n],
    ]);
    const r = run("select count(*) from CDB_OB_ARCHIVELOG_SUMMARY where status='doing'");
    expect(r.columns[0]?.name).toBe('count(*)');
    expect(r.rows).toEqual([[2n]]);
  });
});
