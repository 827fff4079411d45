/**
 * chevrotain's values, loaded from the single-file ES build the package ships (`lib/chevrotain.mjs`) instead of
 * its entry point, which pulls in some 700 small modules (chevrotain's own and lodash-es). Resolving, reading and
 * linking those was most of a fresh server's time to its first answer and 30 MB of its memory; the bundle is the
 * same release's code in one file. Every grammar file takes chevrotain's values from here, so a process holds one
 * copy (token types from one copy never match another's). Types still come from 'chevrotain' itself.
 *
 * The bundle is found next to the entry point that 'chevrotain' resolves to; where the runtime cannot resolve a
 * specifier synchronously (a test runner's module loader), the entry point is used.
 */
import type * as Chevrotain from 'chevrotain';

type Resolve = (specifier: string) => string;

/** The URL of chevrotain's single-file build, or undefined where it cannot be found (also scripts/build-snapshot.mjs). */
export function bundleUrl(): string | undefined {
  const resolve = (import.meta as ImportMeta & { resolve?: Resolve }).resolve;
  if (typeof resolve !== 'function') return undefined;
  try {
    const entry = resolve('chevrotain');
    const bundle = entry.replace(/\/lib\/src\/api\.js$/, '/lib/chevrotain.mjs');
    return bundle === entry ? undefined : bundle;
  } catch {
    return undefined;
  }
}

async function load(): Promise<typeof Chevrotain> {
  const url = bundleUrl();
  if (url !== undefined) {
    try {
      return (await import(url)) as typeof Chevrotain;
    } catch {
      // A package layout without the bundle: the entry point below.
    }
  }
  return import('chevrotain');
}

const chevrotain = await load();

export const { CstParser, EOF, EarlyExitException, LLkLookaheadStrategy, Lexer, NoViableAltException, createSyntaxDiagramsCode, createToken, getLookaheadPaths, tokenMatcher } = chevrotain;
