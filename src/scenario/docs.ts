/**
 * Generated documentation from the fixtures: the catalogue in fixtures/README.md (one row per file, from its
 * header), the guided tour docs/how-backups-behave.md (each file's narration as prose, its statements and the
 * rows they return, chapter by chapter) and each chapter's picture in docs/pictures/ (the dashboard's timeline and
 * set chain of its last lesson's end state). `npm run fixtures:docs` writes them; a test fails when one is stale.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { findScenarioFiles } from './files.js';
import { isRecord, type ScenarioFile, type ScenarioItem, type ScenarioRecord } from './model.js';
import type { Outcome } from './target.js';
import { isSyntaxError, parseScenario } from './parse.js';
import { OB_ERRORS } from '../errors.js';
import { CHAPTERS } from './chapters.js';
import { engineTarget } from './engine-target.js';
import { clusterNameOf, runScenarioFile } from './run.js';
import { clusterPictureSvg, type Emulator } from '../index.js';

const CATALOGUE_START = '<!-- catalogue: generated from the fixture headers by `npm run fixtures:docs`; do not edit by hand -->';
const CATALOGUE_END = '<!-- end of catalogue -->';

interface Fixture {
  /** Relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly folder: string;
  readonly file: ScenarioFile;
  /** Column names of each query, by line, from an in-process run (empty when the fixture was not run). */
  readonly columns: ReadonlyMap<number, readonly string[]>;
  /** The dashboard's picture of the run's end state (timeline and set chain), as SVG text. */
  readonly picture: string;
}

/** Reads every fixture under `root/fixtures`, in folder and number order. */
export async function loadFixtures(root: string): Promise<Fixture[]> {
  const paths = await findScenarioFiles([join(root, 'fixtures')]);
  const out: Fixture[] = [];
  for (const abs of paths) {
    const path = relative(root, abs).split('\\').join('/');
    const file = parseScenario(await readFile(abs, 'utf8'), path);
    if (isSyntaxError(file)) throw new Error(`${path}:${file.line}: ${file.message}`);
    const columns = new Map<number, readonly string[]>();
    const onOutcome = (from: string, line: number, outcome: Outcome): void => {
      if (from === abs && outcome.kind === 'rows') columns.set(line, outcome.columns);
    };
    let emulator: Emulator | undefined;
    await runScenarioFile(abs, async (setup) => engineTarget(setup, (e) => (emulator = e)), { onOutcome });
    const caption = `End state of ${path}: the timeline and backup set chain`;
    const picture = emulator === undefined ? '' : clusterPictureSvg(emulator, { cluster: clusterNameOf(file.header.name ?? abs), caption });
    out.push({ path, folder: path.split('/')[1] ?? '', file, columns, picture });
  }
  return out;
}

function chapters(fixtures: readonly Fixture[]): { title: string; intro: string; folder: string; fixtures: Fixture[] }[] {
  const folders = [...new Set(fixtures.map((f) => f.folder))];
  const known = CHAPTERS.filter((c) => folders.includes(c.folder));
  const unknown = folders.filter((f) => !CHAPTERS.some((c) => c.folder === f)).sort();
  return [...known, ...unknown.map((folder) => ({ folder, title: folder, intro: '' }))].map((c) => ({
    ...c,
    fixtures: fixtures.filter((f) => f.folder === c.folder),
  }));
}

/** The catalogue: a table per chapter, one row per fixture. */
export function catalogue(fixtures: readonly Fixture[]): string {
  const out = [CATALOGUE_START, ''];
  for (const chapter of chapters(fixtures)) {
    out.push(`### ${chapter.title} (\`${chapter.folder}/\`)`, '', '| File | What it shows | Teaches |', '|---|---|---|');
    for (const f of chapter.fixtures) {
      const { description, teaches } = f.file.header;
      const link = `[${f.path.replace(/^fixtures\//, '')}](${f.path.replace(/^fixtures\//, '')})`;
      out.push(`| ${link} | ${cell(description ?? '')} | ${cell(teaches ?? '')} |`);
    }
    out.push('');
  }
  out.push(CATALOGUE_END);
  return out.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** fixtures/README.md with its catalogue region replaced. */
export function withCatalogue(readme: string, fixtures: readonly Fixture[]): string {
  const start = readme.indexOf(CATALOGUE_START);
  const end = readme.indexOf(CATALOGUE_END);
  if (start < 0 || end < start) throw new Error(`fixtures/README.md needs the markers\n${CATALOGUE_START}\n${CATALOGUE_END}`);
  return readme.slice(0, start) + catalogue(fixtures) + readme.slice(end + CATALOGUE_END.length);
}

/** The guided tour. Parts named by `include` are described by their first comment line. */
export function guidedTour(fixtures: readonly Fixture[], parts: ReadonlyMap<string, ScenarioFile>): string {
  const out = [
    '# How backups behave',
    '',
    '<!-- Generated from fixtures/**/*.slt by `npm run fixtures:docs`; edit the fixtures, not this file. -->',
    '',
    'A guided tour of OceanBase 4.2 backups as the emulator plays them, built from the scenario files in',
    '[fixtures/](../fixtures/README.md). Every step is a record that `npm test` runs twice, in process and over the',
    'MySQL wire, so what you read is what the emulator does. Each cluster starts at 2024-01-31 03:20:00 UTC',
    "(11:20:00 in the sessions' +08:00 time zone) with seed 1, and its clock moves only when a step says time passes.",
    'To replay a lesson yourself, run `ob-backup-sim run fixtures/<file>` or type its statements into a client.',
    '',
  ];
  const list = chapters(fixtures);
  list.forEach((c, i) => out.push(`${i + 1}. [${c.title}](#${anchor(`${i + 1}. ${c.title}`)})`));
  out.push('');
  list.forEach((chapter, i) => {
    out.push(`## ${i + 1}. ${chapter.title}`, '');
    if (chapter.intro !== '') out.push(chapter.intro, '');
    chapter.fixtures.forEach((f, k) => out.push(...lesson(f, `${i + 1}.${k + 1}`, parts)));
    const last = chapter.fixtures[chapter.fixtures.length - 1];
    if (last !== undefined && last.picture !== '') {
      out.push(`How the chapter's last lesson ends, as the dashboard draws it (\`serve\`, http://127.0.0.1:2880/):`, '');
      out.push(`![The timeline and backup set chain at the end of ${basename(last.path)}](${picturePath(chapter.folder).replace(/^docs\//, '')})`, '');
    }
  });
  return `${out.join('\n').trimEnd()}\n`;
}

/** Where a chapter's picture is written. */
export function picturePath(folder: string): string {
  return `docs/pictures/${folder}.svg`;
}

function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

function lesson(f: Fixture, number: string, parts: ReadonlyMap<string, ScenarioFile>): string[] {
  const { description, teaches } = f.file.header;
  const out = [`### ${number} ${description ?? f.path}`, '', `[${basename(f.path)}](../${f.path})${teaches ? ` · ${teaches}` : ''}`, ''];
  let narration: string[] = [];
  const flush = (): void => {
    if (narration.length > 0) out.push(narration.join(' '), '');
    narration = [];
  };
  const body = f.file.items.slice(headerLength(f.file.items));
  for (const item of body) {
    if (item.kind === 'comment') narration.push(item.text.replace(/^#\s?/, ''));
    else if (item.kind === 'blank') flush();
    else {
      flush();
      out.push(...step(item, f, parts), '');
    }
  }
  flush();
  return out;
}

/** The header comments at the top of the file (they are shown as the lesson's title and tags). */
function headerLength(items: readonly ScenarioItem[]): number {
  let n = 0;
  while (n < items.length && items[n]?.kind === 'comment' && /^# (name|description|teaches|seed|start-time): /.test((items[n] as { text: string }).text)) n++;
  return n;
}

const UNIT_WORDS = { SECONDS: 'second', MINUTES: 'minute', HOURS: 'hour', DAYS: 'day' } as const;

function step(record: ScenarioRecord, f: Fixture, parts: ReadonlyMap<string, ScenarioFile>): string[] {
  const from = f.path;
  switch (record.kind) {
    case 'connection':
      return [record.login === null ? `*Back on connection \`${record.name}\`.*` : `*Connect as \`${record.login}\` (connection \`${record.name}\`).*`];
    case 'clock':
      return [`*${record.amount} ${UNIT_WORDS[record.unit]}${record.amount === 1 ? ' passes' : 's pass'}.*`];
    case 'write':
      return [`*The ${record.tenant ?? 'current'} tenant changes ${record.macroblocks} macroblocks.*`];
    case 'include': {
      const target = join(dirname(from), record.path).split('\\').join('/');
      const part = parts.get(target);
      const first = part?.items.find((i) => i.kind === 'comment');
      const summary = first?.kind === 'comment' ? first.text.replace(/^#\s?/, '') : 'Shared setup.';
      return [`*${summary}* ([${basename(target)}](../${target}))`];
    }
    case 'statement':
      return ['```sql', `${record.sql.join('\n')};`, ...errorLine(record), '```'];
    case 'query': {
      return ['```sql', `${record.sql.join('\n')};`, '```', '', ...table(f.columns.get(record.line), record.rows)];
    }
  }
}

/** What the mysql client prints for an expected error. */
function errorLine(record: Extract<ScenarioRecord, { kind: 'statement' }>): string[] {
  if (record.expect.kind === 'ok') return [];
  const error = record.expect.error;
  if (error.kind === 'name') {
    const def = OB_ERRORS[error.name as keyof typeof OB_ERRORS];
    return [`ERROR ${def.errno} (${def.sqlState}): ${record.message ?? def.m3}`];
  }
  return [`-- fails${error.kind === 'pattern' ? ` with a message matching /${error.pattern}/` : ''}`];
}

/** The expected rows as a Markdown table under the query's column names. */
function table(columns: readonly string[] | undefined, rows: readonly string[]): string[] {
  const cells = rows.map((r) => r.split('\t'));
  const header = columns ?? (cells[0] ?? ['']).map(() => '');
  const line = (values: readonly string[]): string => `| ${values.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`;
  const out = [line(header), `|${header.map(() => '---|').join('')}`, ...cells.map(line)];
  return rows.length === 0 ? [...out.slice(0, 2), '', '(no rows)'] : out;
}

export interface GeneratedFile {
  readonly path: string;
  readonly text: string;
}

/** Both generated files as they should be now. */
export async function generatedDocs(root: string): Promise<GeneratedFile[]> {
  const fixtures = await loadFixtures(root);
  const parts = new Map<string, ScenarioFile>();
  for (const f of fixtures) {
    for (const item of f.file.items.filter(isRecord)) {
      if (item.kind !== 'include') continue;
      const target = join(dirname(f.path), item.path).split('\\').join('/');
      const part = parseScenario(await readFile(join(root, target), 'utf8'), target);
      if (!isSyntaxError(part)) parts.set(target, part);
    }
  }
  const readme = await readFile(join(root, 'fixtures/README.md'), 'utf8');
  const pictures = chapters(fixtures).flatMap((c) => {
    const last = c.fixtures[c.fixtures.length - 1];
    return last === undefined || last.picture === '' ? [] : [{ path: picturePath(c.folder), text: last.picture }];
  });
  return [
    { path: 'fixtures/README.md', text: withCatalogue(readme, fixtures) },
    { path: 'docs/how-backups-behave.md', text: guidedTour(fixtures, parts) },
    ...pictures,
  ];
}

/** Writes the generated files; returns the paths that changed. */
export async function writeGeneratedDocs(root: string): Promise<string[]> {
  const changed: string[] = [];
  for (const file of await generatedDocs(root)) {
    const current = await readFile(join(root, file.path), 'utf8').catch(() => null);
    if (current === file.text) continue;
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), file.text);
    changed.push(file.path);
  }
  return changed;
}
