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
    folder: 'parameters',
    title: 'Tuning backups',
    intro: 'Tenant parameters change how fast backups run, not what they produce.',
  },
  {
    folder: 'errors',
    title: 'When statements are refused',
    intro:
      'A refused statement returns an OceanBase error and changes nothing. The errors below are the ones backup procedures run into most, with the exact text a client prints.',
  },
  {
    folder: 'regressions',
    title: 'Regressions',
    intro: 'Scenarios the emulator once got wrong, kept so they stay right. Each says what used to happen.',
  },
];
