/**
 * Regressions the model-based tests and their probes found (issue 8 "Must show"): every file in
 * fixtures/regressions/ is a minimised counterexample, fixed in the engine; each must keep its header and pass in
 * process. (test/fixtures.test.ts also runs them over the wire.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineTarget, formatFailure, runScenarioFile } from '../../src/scenario/index.js';

const dir = resolve(import.meta.dirname, '../../fixtures/regressions');
const files = readdirSync(dir).filter((f) => f.endsWith('.slt')).sort();

describe('model regressions (fixtures/regressions)', () => {
  it('has at least one regression, numbered NNN-name.slt', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f).toMatch(/^\d{3}-[a-z0-9-]+\.slt$/);
  });

  for (const file of files) {
    it(`${file} keeps its header and passes in process`, async () => {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      expect(text).toMatch(new RegExp(`^# name: fixtures/regressions/${file}\\n# description: .+\\n# teaches: .+\\n`));
      const report = await runScenarioFile(path, async (setup) => engineTarget(setup));
      expect(report.failures.map(formatFailure)).toEqual([]);
      expect(report.passed).toBeGreaterThan(5);
    });
  }
});
