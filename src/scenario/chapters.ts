/**
 * The chapters of the guided tour (docs/how-backups-behave.md) and the catalogue: one per fixtures/ folder, in
 * reading order, each with a short introduction. Add an entry when you add a folder; until then the folder follows
 * these chapters, titled by its name.
 */

export const CHAPTERS: readonly { readonly folder: string; readonly title: string; readonly intro: string }[] = [
  {
    folder: 'archivelog',
    title: 'Archiving logs',
    intro:
      'Every backup starts with log archiving: a data backup can only run while the tenant archives its logs, and a restore replays those logs. Archiving is a per-tenant mode plus a destination; a background scheduler turns them into an archive round whose state DBA_OB_ARCHIVELOG shows.',
  },
  {
    folder: 'destinations',
    title: 'Backup destinations',
    intro:
      'Archives and backup sets go to destinations: a directory on a shared file system (NFS) or a bucket in object storage (OSS, COS, S3). A destination string names the place and, for object storage, how to reach it.',
  },
  {
    folder: 'backup',
    title: 'Full backups',
    intro:
      'A data backup is a job. It writes one backup set into DATA_BACKUP_DEST and moves through INIT, DOING and COMPLETED (or FAILED, or CANCELED); finished jobs move from the _JOBS views to the _HISTORY views, while backup sets stay in DBA_OB_BACKUP_SET_FILES.',
  },
  {
    folder: 'incremental',
    title: 'Incremental backups',
    intro:
      'An incremental backup copies only what changed since the previous successful set of the same destination. The sets form a chain that a restore walks from the full set onward.',
  },
  {
    folder: 'encryption',
    title: 'Backup passwords',
    intro: 'A backup set can be protected by a password, which a restore must then supply.',
  },
  {
    folder: 'cancel',
    title: 'Cancelling backups',
    intro: 'CANCEL BACKUP stops running jobs. It never fails for lack of something to cancel.',
  },
  {
    folder: 'restore',
    title: 'Restoring a tenant',
    intro:
      'A restore, run from sys, creates a new tenant from a backup set and the archived log, up to an SCN or to the newest point the archive holds. Its rows are in CDB_OB_RESTORE_PROGRESS while it runs and in CDB_OB_RESTORE_HISTORY afterwards; the new tenant ends as a STANDBY until it is activated.',
  },
  {
    folder: 'clean',
    title: 'Cleaning old backups',
    intro:
      'In 4.2 backups are never deleted by hand: a delete policy with a recovery window makes the tenant delete the sets and pieces no restore inside the window needs. Delete jobs and tasks show each deletion, and FILE_STATUS goes from AVAILABLE through DELETING to DELETED.',
  },
  {
    folder: 'standby',
    title: 'Standby tenants',
    intro:
      'Restored tenants are standbys, and tools move them on with standby statements: activate, switch over, set where replay stops, and run the upgrade job. DBA_OB_TENANTS shows the role after each step.',
  },
  {
    folder: 'data',
    title: 'Point-in-time recovery of real rows',
    intro:
      'A MySQL-mode user tenant holds databases, tables and rows, and every commit gets one SCN. A backup set holds the rows as of its consistent SCN, the archive carries every later commit, and RESTORE … UNTIL TIME or SCN builds a new tenant with exactly the rows committed at or before that point: the way back from a mistaken DELETE. The same writes are what incrementals copy: the 2 MB macroblocks the rows filled.',
  },
  {
    folder: 'parameters',
    title: 'Tuning backups',
    intro: 'Tenant parameters change how fast backups run, not what they produce.',
  },
  {
    folder: 'emulator',
    title: 'Driving the emulator (ours, not OceanBase)',
    intro:
      'These statements belong to the emulator, not to OceanBase: they start with ALTER EMULATOR or SHOW EMULATOR so they can never be mistaken for OceanBase syntax. They move virtual time, set how much the tenants write, and reset a cluster.',
  },
  {
    folder: 'errors',
    title: 'When statements are refused',
    intro:
      'A refused statement returns an OceanBase error and changes nothing. The errors below are the ones backup procedures run into most, with the exact text a client prints.',
  },
  {
    folder: 'faults',
    title: 'When things go wrong',
    intro:
      "A real cluster cannot be made to fail on cue; the emulator can. ALTER EMULATOR INJECT FAULT (ours, not OceanBase's) makes a destination, a restore, a clean or the observer fail or slow down from a chosen moment, and from then on everything is OceanBase's own reaction, taken from its source: which errors are retried and how often, which end a job FAILED, the RESULT and COMMENT the views show, the archive round INTERRUPTED. Each lesson shows what a tool sees, what the DBA does to recover, and what the views say afterwards.",
  },
  {
    folder: 'regressions',
    title: 'Regressions',
    intro: 'Scenarios the emulator once got wrong, kept so they stay right. Each says what used to happen.',
  },
];
