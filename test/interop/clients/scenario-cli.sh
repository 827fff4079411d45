#!/usr/bin/env bash
# The interop scenario (issue 5 "Must show") through the mariadb CLI in batch mode, as KubeBlocks' scripts drive it:
# one `-N -B -e` call per step (a new connection each time; the cluster keeps the state), then the reads as one
# script on stdin. Usage: scenario-cli.sh PORT CLUSTER. Prints the canonical text of expected/scenario.txt.
set -euo pipefail
port=$1
cluster=$2
client=${MARIADB_CLIENT:-mariadb}

# --no-defaults: no option file of the machine's user may change what the CLI sends.
sql() { "$client" --no-defaults -h 127.0.0.1 -P "$port" -u "root@mysql_tenant#$cluster" -N -B "$@"; }

# The CLI exits 1 and prints the failing statement between dashes, then
# `ERROR 9036 (HY000) at line 1: Backup is in progress`, on stderr.
expect_error() {
  local err
  if err=$(sql -e "$1" 2>&1); then
    echo "expected an error from $1" >&2
    exit 1
  fi
  grep '^ERROR ' <<<"$err" | sed -E 's/^ERROR ([0-9]+) \(([0-9A-Z]{5})\)( at line [0-9]+)?: /error\t\1\t\2\t/'
}

# Advances 10 s at a time until the query's output satisfies the test; prints the number of advances.
advance_until() {
  local query=$1 test=$2 advances output
  for advances in $(seq 1 60); do
    output=$(sql -e "ALTER EMULATOR ADVANCE TIME 10 SECONDS; $query")
    if $test "$output"; then
      echo "$advances"
      return
    fi
  done
  echo "no progress: $query" >&2
  exit 1
}
doing() { [ "$1" = DOING ]; }
empty() { [ -z "$1" ]; }

sql -e "ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'"
sql -e "ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'"
sql -e "ALTER SYSTEM ARCHIVELOG"
printf 'archivelog\tDOING\t%s\n' "$(advance_until 'SELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG' doing)"

sql -e "ALTER SYSTEM BACKUP DATABASE"
full=$(sql -e "SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOBS")
printf 'full\t%s\t%s\n' "$full" "$(advance_until 'SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS' empty)"

sql -e "ALTER EMULATOR WRITE 100 MACROBLOCKS; ALTER SYSTEM BACKUP INCREMENTAL DATABASE"
inc=$(sql -e "SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOBS")
expect_error "ALTER SYSTEM BACKUP DATABASE"
printf 'inc\t%s\t%s\n' "$inc" "$(advance_until 'SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS' empty)"

# The reads as scripts on stdin; batch mode prints rows tab-separated, NULL as NULL.
sql <<SQL | sed 's/^/history\t/'
SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp
  FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = $full;
SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp
  FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = $inc;
SQL
sql <<SQL | sed 's/^/set\t/'
SELECT backup_set_id, backup_type, prev_full_backup_set_id, status, file_status, macro_block_count,
  min_restore_scn, start_replay_scn FROM oceanbase.DBA_OB_BACKUP_SET_FILES WHERE backup_set_id >= 1 ORDER BY backup_set_id;
SQL
expect_error "ALTER SYSTEM BACKUP TENANT = mysql_tenant"
