// The interop scenario (issue 5 "Must show") through go-sql-driver/mysql 1.5.0 as obshell uses it: parseTime=true
// (TIMESTAMP columns scanned into time.Time) and no interpolateParams, so every read with an argument is a server-side
// prepare (COM_STMT_PREPARE / EXECUTE / CLOSE) with binary rows.
// Usage: scenario PORT CLUSTER. Prints the canonical text of test/interop/expected/scenario.txt.
package main

import (
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/go-sql-driver/mysql"
)

// errTap watches the server's packets for ERR packets and keeps the last SQLSTATE: driver 1.5.0 reads it off the
// wire but drops it (MySQLError has only Number and Message).
type errTap struct {
	net.Conn
	mu       sync.Mutex
	pending  []byte
	split    bool
	sqlState string
}

var tap *errTap

func (t *errTap) Read(b []byte) (int, error) {
	n, err := t.Conn.Read(b)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.pending = append(t.pending, b[:n]...)
	for len(t.pending) >= 4 {
		length := int(t.pending[0]) | int(t.pending[1])<<8 | int(t.pending[2])<<16
		if len(t.pending) < 4+length {
			break
		}
		payload := t.pending[4 : 4+length]
		// A packet of 0xffffff bytes continues in the next one, whose first byte is data, not a header byte.
		if !t.split && length >= 9 && payload[0] == 0xff && payload[3] == '#' {
			t.sqlState = string(payload[4:9])
		}
		t.split = length == 0xffffff
		t.pending = t.pending[4+length:]
	}
	return n, err
}

func (t *errTap) lastSQLState() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.sqlState
}

var db *sql.DB

func main() {
	mysql.RegisterDial("tapped", func(addr string) (net.Conn, error) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			return nil, err
		}
		tap = &errTap{Conn: conn}
		return tap, nil
	})
	port, cluster := os.Args[1], os.Args[2]
	var err error
	db, err = sql.Open("mysql", fmt.Sprintf("root@mysql_tenant#%s:@tapped(127.0.0.1:%s)/?parseTime=true", cluster, port))
	check(err)
	// One connection, so the ERR tap and the session state belong to the statements that follow.
	db.SetMaxOpenConns(1)

	exec("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'")
	exec("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'")
	exec("ALTER SYSTEM ARCHIVELOG")
	n := advanceUntil("SELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG", func(first []string) bool {
		return len(first) == 1 && first[0] == "DOING"
	})
	out("archivelog", "DOING", n)

	exec("ALTER SYSTEM BACKUP DATABASE")
	full := backupJobID()
	n = advanceUntil("SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS", func(first []string) bool { return len(first) == 0 })
	out("full", full, n)

	exec("ALTER EMULATOR WRITE 100 MACROBLOCKS")
	exec("ALTER SYSTEM BACKUP INCREMENTAL DATABASE")
	inc := backupJobID()
	expectError("ALTER SYSTEM BACKUP DATABASE")
	n = advanceUntil("SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS", func(first []string) bool { return len(first) == 0 })
	out("inc", inc, n)

	for _, job := range []int64{full, inc} {
		rows, err := db.Query("SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp"+
			" FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = ?", job)
		check(err)
		for rows.Next() {
			var jobID, setID, result int64
			var backupType, status string
			var start time.Time
			var end mysql.NullTime
			check(rows.Scan(&jobID, &setID, &backupType, &status, &result, &start, &end))
			out("history", jobID, setID, backupType, status, result, stamp(start), nullStamp(end))
		}
		check(rows.Err())
		rows.Close()
	}

	rows, err := db.Query("SELECT backup_set_id, backup_type, prev_full_backup_set_id, status, file_status, macro_block_count,"+
		" min_restore_scn, start_replay_scn FROM oceanbase.DBA_OB_BACKUP_SET_FILES WHERE backup_set_id >= ? ORDER BY backup_set_id", 1)
	check(err)
	for rows.Next() {
		var setID, prevFull, macroBlocks int64
		var minRestoreSCN, startReplaySCN uint64
		var backupType, status, fileStatus string
		check(rows.Scan(&setID, &backupType, &prevFull, &status, &fileStatus, &macroBlocks, &minRestoreSCN, &startReplaySCN))
		out("set", setID, backupType, prevFull, status, fileStatus, macroBlocks, minRestoreSCN, startReplaySCN)
	}
	check(rows.Err())
	rows.Close()

	expectError("ALTER SYSTEM BACKUP TENANT = mysql_tenant")
	check(db.Close())
}

func exec(query string) {
	_, err := db.Exec(query)
	check(err)
}

func advanceUntil(query string, done func(first []string) bool) int {
	for advances := 1; advances <= 60; advances++ {
		exec("ALTER EMULATOR ADVANCE TIME 10 SECONDS")
		rows, err := db.Query(query)
		check(err)
		var first []string
		cols, err := rows.Columns()
		check(err)
		for rows.Next() {
			values := make([]interface{}, len(cols))
			var head string
			values[0] = &head
			for i := 1; i < len(cols); i++ {
				values[i] = new(sql.RawBytes)
			}
			check(rows.Scan(values...))
			first = append(first, head)
		}
		check(rows.Err())
		rows.Close()
		if done(first) {
			return advances
		}
	}
	panic("no progress: " + query)
}

func backupJobID() int64 {
	var id int64
	check(db.QueryRow("SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOBS").Scan(&id))
	return id
}

func expectError(query string) {
	_, err := db.Exec(query)
	var myErr *mysql.MySQLError
	if !errors.As(err, &myErr) {
		panic(fmt.Sprintf("expected a server error from %s, got %v", query, err))
	}
	out("error", myErr.Number, tap.lastSQLState(), myErr.Message)
}

func stamp(t time.Time) string { return t.Format("2006-01-02 15:04:05.000000") }

func nullStamp(t mysql.NullTime) string {
	if !t.Valid {
		return "NULL"
	}
	return stamp(t.Time)
}

func out(fields ...interface{}) {
	text := make([]string, len(fields))
	for i, f := range fields {
		text[i] = fmt.Sprint(f)
	}
	fmt.Println(strings.Join(text, "\t"))
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}
