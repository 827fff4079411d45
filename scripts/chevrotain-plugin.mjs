/**
 * The esbuild plugin every bundle of ours uses (scripts/bundle.mjs, scripts/build-snapshot.mjs):
 * grammar/runtime/chevrotain.js loads chevrotain's single-file build with a top-level await, which neither a CommonJS
 * bundle nor a start-up snapshot can hold; bundled, it becomes a static re-export of that same file.
 */
import { fileURLToPath } from 'node:url';

export async function chevrotainPlugin() {
  const { bundleUrl } = await import(new URL('../dist/grammar/runtime/chevrotain.js', import.meta.url).href);
  const url = bundleUrl();
  if (url === undefined) throw new Error("chevrotain's single-file build (lib/chevrotain.mjs) was not found");
  const file = fileURLToPath(url);
  return {
    name: 'chevrotain-without-top-level-await',
    setup(build) {
      build.onLoad({ filter: /[\\/]grammar[\\/]runtime[\\/]chevrotain\.js$/ }, () => ({ contents: `export * from ${JSON.stringify(file)};`, loader: 'js' }));
    },
  };
}
