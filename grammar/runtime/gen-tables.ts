/**
 * `npm run grammar:gen` (with gen-diagrams): prints grammar/runtime/generated-tables.ts (tables-text.ts says what
 * it holds). grammar/ imports nothing but chevrotain, so this script writes no file itself.
 */
import { generatedTablesText } from './tables-text.js';

process.stdout.write(generatedTablesText());
