/** The shared lexer skips chevrotain's pattern checks for start-up time; the same definition passes them here. */
import { expect, it } from 'vitest';
import { Lexer } from '../../../grammar/runtime/chevrotain.js';
import { lexerDefinition, tokenize } from '../../../grammar/tokens.js';

it('builds the lexer definition with every chevrotain check on, without errors', () => {
  const checked = new Lexer([...lexerDefinition], { ensureOptimizations: true, positionTracking: 'onlyOffset' });
  expect(checked.lexerDefinitionErrors).toEqual([]);
  const text = "SELECT job_id FROM t WHERE backup_type = 'FULL' -- c\n ORDER BY 1 DESC LIMIT 1";
  const shared = tokenize(text);
  const full = checked.tokenize(text);
  expect(shared.errorAt).toBeNull();
  // The shared path then turns keyword-shaped names into keywords; the pieces and where they start are the same.
  expect(shared.tokens.map((t) => [t.image, t.startOffset])).toEqual(full.tokens.map((t) => [t.image, t.startOffset]));
});
