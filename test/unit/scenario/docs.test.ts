/**
 * The generated docs are current (the catalogue in fixtures/README.md and docs/how-backups-behave.md), and every
 * fixture follows the rules the catalogue and the tour rely on (STYLE.md §G): a header whose name is its path, a
 * description and what it teaches, a numbered file name, under about 120 lines.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, generatedDocs, loadFixtures, withCatalogue } from '../../../src/scenario/docs.js';

const root = resolve(import.meta.dirname, '../../..');

describe('generated docs', () => {
  it('are up to date: run `npm run fixtures:docs` after changing fixtures', async () => {
    for (const file of await generatedDocs(root)) {
      expect(readFileSync(join(root, file.path), 'utf8'), `${file.path} is stale`).toBe(file.text);
    }
  });

  it('link every fixture from the catalogue and the tour', async () => {
    const fixtures = await loadFixtures(root);
    const [readme, tour] = await generatedDocs(root);
    for (const f of fixtures) {
      expect(readme?.text).toContain(`](${f.path.replace(/^fixtures\//, '')})`);
      expect(tour?.text).toContain(`](../${f.path})`);
    }
  });

  it('needs the catalogue markers in the README', async () => {
    const fixtures = await loadFixtures(root);
    expect(() => withCatalogue('# no markers\n', fixtures)).toThrow(/needs the markers/);
    expect(catalogue([])).toMatch(/^<!-- catalogue: .*-->\n\n<!-- end of catalogue -->$/);
  });
});

describe('every fixture', async () => {
  const fixtures = await loadFixtures(root);
  it('exists', () => expect(fixtures.length).toBeGreaterThanOrEqual(10));
  for (const f of fixtures) {
    it(`${f.path} has a header, a numbered name and under 120 lines`, () => {
      const { name, description, teaches } = f.file.header;
      expect(name).toBe(f.path);
      expect(description).toMatch(/^[A-Z].*\.$/);
      expect(teaches).toBeTruthy();
      expect(basename(f.path)).toMatch(/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*\.slt$/);
      expect(readFileSync(join(root, f.path), 'utf8').split('\n').length).toBeLessThanOrEqual(121);
    });
  }
  it('numbers files uniquely within a folder', () => {
    const keys = fixtures.map((f) => `${f.folder}/${basename(f.path).slice(0, 3)}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
