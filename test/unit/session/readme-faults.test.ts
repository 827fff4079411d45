/**
 * The README's worked fault example stays true: its TypeScript block, the test a reader would copy, runs here as
 * written, against this package's createEmulator, with vitest's expect (its import lines are replaced by those).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../src/index.js';

const readme = readFileSync(resolve(import.meta.dirname, '../../../README.md'), 'utf8');

/** The ```ts block after the marker sentence. */
function exampleBlock(): string {
  const at = readme.indexOf('This test runs as it stands');
  if (at < 0) throw new Error('README has no worked fault example');
  const start = readme.indexOf('```ts\n', at) + '```ts\n'.length;
  return readme.slice(start, readme.indexOf('```\n', start));
}

describe('README: the worked fault example', () => {
  it('imports only vitest and ob-backup-sim, and its test passes', () => {
    const block = exampleBlock();
    const imports = block.split('\n').filter((l) => l.startsWith('import '));
    expect(imports).toEqual(["import { expect, it } from 'vitest';", "import { createEmulator } from 'ob-backup-sim';"]);
    const body = block
      .split('\n')
      .filter((l) => !l.startsWith('import '))
      .join('\n');
    const tests: { name: string; fn: () => void }[] = [];
    let assertions = 0;
    // A counting expect: the example must assert something (its 3 checks), and none of them may throw. The block
    // is plain JavaScript apart from its imports, so it runs without a compiler.
    const counting = Object.assign((v: unknown) => {
      assertions++;
      return expect(v);
    }, expect);
    new Function('expect', 'it', 'createEmulator', body)(counting, (name: string, fn: () => void) => tests.push({ name, fn }), createEmulator);
    expect(tests.map((t) => t.name)).toEqual(['reports a backup that failed because the destination filled up, and the retry that works']);
    tests[0]!.fn();
    expect(assertions).toBe(3);
  });
});
