/** The committed railroad diagrams match the grammar: regenerate them and compare the text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { diagramsHtml } from '../../../grammar/diagrams.js';

it('grammar/diagrams.html is up to date (regenerate: node dist/grammar/gen-diagrams.js > grammar/diagrams.html)', () => {
  const committed = readFileSync(join(import.meta.dirname, '..', '..', '..', 'grammar', 'diagrams.html'), 'utf8');
  expect(committed === diagramsHtml()).toBe(true);
});

it('the diagrams show the backup statements and the control statements', () => {
  const html = diagramsHtml();
  for (const rule of ['alterStatement', 'backup', 'restore', 'alterEmulator', 'selectStatement']) expect(html).toContain(`"${rule}"`);
});
