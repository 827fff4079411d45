/** The one expected output of the interop scenario, shared by every client (expected/scenario.txt, comments removed). */
import { readFileSync } from 'node:fs';

export function expectedScenario(): string {
  const text = readFileSync(new URL('../expected/scenario.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => `${line}\n`)
    .join('');
}
