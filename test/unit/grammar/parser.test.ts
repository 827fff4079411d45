/** The grammar passes chevrotain's own checks (ambiguity, left recursion, DSL indexes) at self-analysis. */
import { expect, it } from 'vitest';
import { ObSqlParser } from '../../../grammar/parser.js';

it('builds with every chevrotain validation on', () => {
  expect(() => new ObSqlParser('validate')).not.toThrow();
});
