/**
 * Stopping with the npm or npx process that started us (issue 23). npm runs a bin through `sh -c`, and when npm
 * is killed it signals that shell at most, which exits without passing the signal on: the server was left
 * running as an orphan and kept its port, so a CI script's `kill $!` after `npx ob-backup-sim serve &` did not
 * stop it. Started by npm (npm sets npm_lifecycle_event for `npm start`, `npm exec` and `npx`), the server
 * watches its line of ancestors up to the first that is not a shell, and stops as on SIGTERM when one of them
 * goes away (a process that exits hands its children to another parent, so a changed parent id is the sign).
 * Outside npm nothing is watched: `nohup ob-backup-sim serve &` keeps running as asked.
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';

const POLL_MS = 200;
const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ash', 'ksh']);

/** `comm` and parent id of a process from /proc, or null where there is no /proc or no such process. */
function procStat(pid: number): { readonly comm: string; readonly ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …; comm may hold spaces and parentheses, so split at the last ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? { comm, ppid } : null;
  } catch {
    return null;
  }
}

/** Whether the process was started by npm or npx. */
export function startedByNpm(env: NodeJS.ProcessEnv): boolean {
  return env['npm_lifecycle_event'] !== undefined;
}

/**
 * Calls `gone` once when the npm process above us (or a shell between) exits. Returns a function that stops the
 * watch. The timer does not keep the process alive.
 */
export function watchParent(gone: () => void): () => void {
  const ownParent = process.ppid;
  // [pid, its parent] of each shell between us and npm.
  const shells: (readonly [number, number])[] = [];
  for (let pid = ownParent, stat = procStat(pid); stat !== null && SHELLS.has(stat.comm) && shells.length < 8; pid = stat.ppid, stat = procStat(pid)) {
    shells.push([pid, stat.ppid]);
  }
  // npm may be gone before we look (killed while we were loading): our line then already ends at init.
  const orphaned = ownParent === 1 || shells.some(([, ppid]) => ppid === 1);
  const timer = setInterval(() => {
    const moved = orphaned || process.ppid !== ownParent || shells.some(([pid, ppid]) => procStat(pid)?.ppid !== ppid);
    if (!moved) return;
    clearInterval(timer);
    gone();
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
