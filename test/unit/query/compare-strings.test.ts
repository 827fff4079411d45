/** compareStrings' ASCII path orders exactly as the utf8mb4_general_ci keys do. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ciKey, compareStrings } from '../../../src/query/values.js';

function byKeys(a: string, b: string): number {
  const x = ciKey(a);
  const y = ciKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

describe('compareStrings', () => {
  it('agrees with comparing ciKey keys', () => {
    const pairs: [string, string][] = [
      ['FULL', 'full'],
      ['FULL', 'INC'],
      ['inc', 'INC  '],
      ['a', 'a '],
      ['a ', 'ab'],
      ['', ' '],
      ['Z', 'a'],
      ['_', 'a'],
      ['é', 'E'],
      ['abé', 'abf'],
      ['B', 'Aé'],
    ];
    for (const [a, b] of pairs) expect(compareStrings(a, b)).toBe(byKeys(a, b));
    const text = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', 'z', 'Z', ' ', '_', '[', '`', '{', 'é', 'É', '\u0301', 'ß'), maxLength: 8 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(compareStrings(a, b)).toBe(byKeys(a, b));
      }),
    );
  });
});
