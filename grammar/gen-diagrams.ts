/**
 * `npm run grammar:gen`: prints the railroad diagrams of the whole dialect (the text of grammar/diagrams.html) to
 * standard output. grammar/ imports nothing but chevrotain, so this script writes no file itself; regenerate with
 * `node dist/grammar/gen-diagrams.js > grammar/diagrams.html`. test/unit/grammar/diagrams.test.ts fails when the
 * committed file is stale.
 */
import { diagramsHtml } from './diagrams.js';

process.stdout.write(diagramsHtml());
