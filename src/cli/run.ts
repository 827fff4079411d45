/**
 * `ob-backup-sim run FILE.slt… [--rewrite]` (emulator.md "Command line"): runs scenario files in process (the
 * in-process emulator; `npm test` also runs them over the wire), prints each failure with file, line and a
 * side-by-side diff, then one summary line. Exit 1 when a record failed, 2 on bad usage. Directories are searched
 * for `.slt` files. `--rewrite` replaces expected blocks with the actual results (sqllogictest's --override).
 */
import { stderr, stdout } from 'node:process';
import { engineTarget, findScenarioFiles, formatFailure, runScenarioFile, type ScenarioReport } from '../scenario/index.js';

const usage = 'usage: ob-backup-sim run FILE.slt|DIR… [--rewrite]\n';

export async function runRun(args: readonly string[]): Promise<number> {
  const rewrite = args.includes('--rewrite');
  const paths = args.filter((a) => a !== '--rewrite');
  const unknown = paths.find((a) => a.startsWith('-'));
  if (paths.length === 0 || unknown !== undefined) {
    stderr.write(unknown === undefined ? usage : `ob-backup-sim run: unknown option '${unknown}'\n${usage}`);
    return 2;
  }
  let files: string[];
  try {
    files = await findScenarioFiles(paths);
  } catch (e) {
    stderr.write(`ob-backup-sim run: ${(e as Error).message}\n`);
    return 2;
  }
  const reports: ScenarioReport[] = [];
  for (const file of files) {
    const report = await runScenarioFile(file, async (setup) => engineTarget(setup), { rewrite });
    for (const failure of report.failures) stdout.write(`FAIL ${formatFailure(failure)}\n\n`);
    if (report.rewritten > 0) stdout.write(`rewrote ${report.rewritten} record(s) in ${file}\n`);
    reports.push(report);
  }
  stdout.write(`${summary(reports)}\n`);
  return reports.some((r) => r.failures.length > 0) ? 1 : 0;
}

function summary(reports: readonly ScenarioReport[]): string {
  const sum = (f: (r: ScenarioReport) => number): number => reports.reduce((n, r) => n + f(r), 0);
  const failedFiles = reports.filter((r) => r.failures.length > 0).length;
  const rewritten = sum((r) => r.rewritten);
  return (
    `${reports.length} file(s), ${sum((r) => r.records)} record(s): ${sum((r) => r.passed)} passed, ` +
    `${sum((r) => r.failures.length)} failed in ${failedFiles} file(s), ${sum((r) => r.skipped)} skipped` +
    (rewritten > 0 ? `, ${rewritten} rewritten` : '')
  );
}
