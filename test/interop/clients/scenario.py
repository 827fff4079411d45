# The interop scenario (issue 5 "Must show") through PyMySQL, which checks sequence ids strictly.
# Usage: python3 scenario.py PORT CLUSTER. Prints the canonical text of test/interop/expected/scenario.txt.
import datetime
import decimal
import sys

import pymysql
import pymysql.err

# PyMySQL drops the SQLSTATE of an ERR packet; keep it by wrapping the function that decodes the packet.
last_sqlstate = [None]
decode_error = pymysql.err.raise_mysql_exception


def keep_sqlstate(data):
    last_sqlstate[0] = data[4:9].decode() if data[3:4] == b"#" else None
    decode_error(data)


pymysql.err.raise_mysql_exception = keep_sqlstate

port, cluster = int(sys.argv[1]), sys.argv[2]
conn = pymysql.connect(host="127.0.0.1", port=port, user="root@mysql_tenant#" + cluster, password="")
cur = conn.cursor()


def render(value):
    if value is None:
        return "NULL"
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, (int, decimal.Decimal)):
        return str(value)
    return value


def out(*fields):
    print("\t".join(render(f) for f in fields))


def expect_error(sql):
    try:
        cur.execute(sql)
    except pymysql.err.MySQLError as e:
        out("error", e.args[0], last_sqlstate[0], e.args[1])
        return
    raise SystemExit("expected an error from " + sql)


def advance_until(sql, done):
    for advances in range(1, 61):
        cur.execute("ALTER EMULATOR ADVANCE TIME 10 SECONDS")
        cur.execute(sql)
        if done(cur.fetchall()):
            return advances
    raise SystemExit("no progress: " + sql)


def backup_job_id():
    cur.execute("SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOBS")
    return cur.fetchone()[0]


cur.execute("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'")
cur.execute("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'")
cur.execute("ALTER SYSTEM ARCHIVELOG")
n = advance_until("SELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG", lambda rows: len(rows) == 1 and rows[0][0] == "DOING")
out("archivelog", "DOING", n)

cur.execute("ALTER SYSTEM BACKUP DATABASE")
full = backup_job_id()
n = advance_until("SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS", lambda rows: len(rows) == 0)
out("full", full, n)

cur.execute("ALTER EMULATOR WRITE 100 MACROBLOCKS")
cur.execute("ALTER SYSTEM BACKUP INCREMENTAL DATABASE")
inc = backup_job_id()
expect_error("ALTER SYSTEM BACKUP DATABASE")
n = advance_until("SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS", lambda rows: len(rows) == 0)
out("inc", inc, n)

for job in (full, inc):
    cur.execute(
        "SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp"
        " FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = %s",
        (job,),
    )
    for row in cur.fetchall():
        out("history", *row)

cur.execute(
    "SELECT backup_set_id, backup_type, prev_full_backup_set_id, status, file_status, macro_block_count,"
    " min_restore_scn, start_replay_scn FROM oceanbase.DBA_OB_BACKUP_SET_FILES"
    " WHERE backup_set_id >= %s ORDER BY backup_set_id",
    (1,),
)
for row in cur.fetchall():
    out("set", *row)

expect_error("ALTER SYSTEM BACKUP TENANT = mysql_tenant")
conn.close()
