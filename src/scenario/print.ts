/**
 * Prints a scenario file from its items. `printScenario(parseScenario(text))` gives `text` back byte for byte, so
 * `--rewrite` can replace an expected block and leave every other byte of the file alone.
 */
import type { ScenarioFile, ScenarioItem } from './model.js';

export function itemLines(item: ScenarioItem): string[] {
  switch (item.kind) {
    case 'blank':
      return [''];
    case 'comment':
      return [item.text];
    case 'statement': {
      const out = [...item.conditions.map((c) => c.text), item.directive, ...item.sql];
      if (item.message !== null) out.push('----', item.message);
      return out;
    }
    case 'query': {
      const out = [...item.conditions.map((c) => c.text), item.directive, ...item.sql];
      if (item.separator) out.push('----', ...item.rows);
      return out;
    }
    case 'clock':
    case 'connection':
    case 'write':
    case 'include':
      return [...item.conditions.map((c) => c.text), item.directive];
  }
}

export function printScenario(file: ScenarioFile): string {
  const text = file.items.flatMap(itemLines).join('\n');
  return file.finalNewline ? `${text}\n` : text;
}
