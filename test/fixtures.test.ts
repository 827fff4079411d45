/**
 * Every scenario file under fixtures/ runs twice (STYLE.md §G, issue 7): in process, and over the MySQL wire
 * through mysql2 against startServer on a free port. One describe per file; each file uses its own cluster name,
 * so runs on one server never see each other.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineTarget, formatFailure, runScenarioFile, type ScenarioReport } from '../src/scenario/index.js';
import { wireTargets } from './support/slt-wire.js';

const root = resolve(import.meta.dirname, '..');

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return scenarioFiles(path);
      return path.endsWith('.slt') ? [relative(root, path)] : [];
    });
}

const files = scenarioFiles(join(root, 'fixtures'));
const wire = wireTargets();
afterAll(() => wire.close());

function failuresOf(report: ScenarioReport): string[] {
  return report.failures.map(formatFailure);
}

it('finds the fixtures', () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
});

for (const file of files) {
  describe(file, () => {
    const path = join(root, file);
    it('passes in process', async () => {
      const report = await runScenarioFile(path, async (setup) => engineTarget(setup));
      expect(failuresOf(report)).toEqual([]);
      expect(report.passed).toBeGreaterThan(0);
    });
    it('passes over the wire (mysql2)', async () => {
      const report = await runScenarioFile(path, wire.targets);
      expect(failuresOf(report)).toEqual([]);
      expect(report.passed).toBeGreaterThan(0);
    });
  });
}
