/** Finds scenario files: each argument is a `.slt` file or a directory searched recursively (parts excluded). */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function findScenarioFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const entries = (await readdir(path)).sort();
      out.push(...(await findScenarioFiles(entries.map((e) => join(path, e)).filter((p) => !p.endsWith('.slt.part')))));
    } else if (path.endsWith('.slt')) out.push(path);
  }
  return out;
}
