/** The railroad diagrams of the whole dialect, as chevrotain renders them from the parser's grammar. */
import { createSyntaxDiagramsCode } from './runtime/chevrotain.js';
import { ObSqlParser } from './parser.js';

/** The HTML of grammar/diagrams.html: deterministic for a given grammar, so a stale committed copy shows as a diff. */
export function diagramsHtml(): string {
  return createSyntaxDiagramsCode(new ObSqlParser('lazy').getSerializedGastProductions());
}
