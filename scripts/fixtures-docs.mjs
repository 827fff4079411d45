// `npm run fixtures:docs`: regenerates the catalogue in fixtures/README.md and docs/how-backups-behave.md from the
// fixtures (the built runner in dist/, which the npm script builds first).
import { resolve } from 'node:path';
import { writeGeneratedDocs } from '../dist/src/scenario/docs.js';

const root = resolve(import.meta.dirname, '..');
const changed = await writeGeneratedDocs(root);
console.log(changed.length === 0 ? 'fixtures docs are up to date' : `rewrote ${changed.join(', ')}`);
