/**
 * `npm run grammar:gen` (with gen-diagrams): prints grammar/runtime/lookahead-table.ts, the lookahead of every
 * production as a recording parser computes it (recorded-lookahead.ts says why). grammar/ imports nothing but
 * chevrotain, so this script writes no file itself.
 */
import { recordLookahead } from '../parser.js';
import { printRecordedLookahead } from './recorded-lookahead.js';

process.stdout.write(printRecordedLookahead(recordLookahead()));
