// The interop scenario (issue 5 "Must show") through MariaDB Connector/J 2.7.6, plain (client-side prepares) or with
// useServerPrepStmts=true (COM_STMT_PREPARE / EXECUTE, binary rows). Run with -Duser.timezone=UTC so timestamps
// round-trip as the server printed them.
// Usage: java -cp mariadb-java-client.jar Scenario.java PORT CLUSTER [serverPrepares]
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

public class Scenario {
    static Connection conn;

    public static void main(String[] args) throws Exception {
        // The user goes as an argument: Connector/J does not URL-decode the options of its URL ('#' cannot be written).
        String url = "jdbc:mariadb://127.0.0.1:" + args[0] + "/" + (args.length > 2 ? "?useServerPrepStmts=true" : "");
        conn = DriverManager.getConnection(url, "root@mysql_tenant#" + args[1], "");
        exec("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'");
        exec("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'");
        exec("ALTER SYSTEM ARCHIVELOG");
        int n = advanceUntil("SELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG", true);
        out("archivelog", "DOING", n);

        exec("ALTER SYSTEM BACKUP DATABASE");
        long full = backupJobId();
        n = advanceUntil("SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS", false);
        out("full", full, n);

        exec("ALTER EMULATOR WRITE 100 MACROBLOCKS");
        exec("ALTER SYSTEM BACKUP INCREMENTAL DATABASE");
        long inc = backupJobId();
        expectError("ALTER SYSTEM BACKUP DATABASE");
        n = advanceUntil("SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS", false);
        out("inc", inc, n);

        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp"
                + " FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = ?")) {
            for (long job : new long[] {full, inc}) {
                ps.setLong(1, job);
                printRows("history", ps.executeQuery());
            }
        }
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT backup_set_id, backup_type, prev_full_backup_set_id, status, file_status, macro_block_count,"
                + " min_restore_scn, start_replay_scn FROM oceanbase.DBA_OB_BACKUP_SET_FILES"
                + " WHERE backup_set_id >= ? ORDER BY backup_set_id")) {
            ps.setLong(1, 1);
            printRows("set", ps.executeQuery());
        }
        expectError("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        conn.close();
    }

    static void exec(String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    /** Advances 10 s at a time until the archive is DOING (archive) or the jobs view is empty (jobs). */
    static int advanceUntil(String sql, boolean archive) throws SQLException {
        for (int advances = 1; advances <= 60; advances++) {
            exec("ALTER EMULATOR ADVANCE TIME 10 SECONDS");
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                List<String> first = new ArrayList<>();
                while (rs.next()) first.add(rs.getString(1));
                if (archive ? first.size() == 1 && first.get(0).equals("DOING") : first.isEmpty()) return advances;
            }
        }
        throw new IllegalStateException("no progress: " + sql);
    }

    static long backupJobId() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOBS")) {
            if (!rs.next()) throw new IllegalStateException("no backup job");
            return rs.getLong(1);
        }
    }

    static void expectError(String sql) {
        try {
            exec(sql);
        } catch (SQLException e) {
            // Connector/J prefixes every server message with "(conn=<connection id as a signed int>) "; the id depends on
            // the order the tests connect in.
            String message = e.getMessage().replaceFirst("^\\(conn=-?\\d+\\) ", "");
            out("error", e.getErrorCode(), e.getSQLState(), message);
            return;
        }
        throw new IllegalStateException("expected an error from " + sql);
    }

    static void printRows(String tag, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
            List<Object> fields = new ArrayList<>();
            fields.add(tag);
            for (int i = 1; i <= md.getColumnCount(); i++) fields.add(typed(rs, i, md.getColumnType(i)));
            out(fields.toArray());
        }
        rs.close();
    }

    /** Reads a column through the getter its JDBC type calls for, so the typed value is what gets printed. */
    static Object typed(ResultSet rs, int i, int type) throws SQLException {
        Object value;
        switch (type) {
            case Types.BIGINT: case Types.INTEGER: case Types.SMALLINT: case Types.TINYINT:
                value = rs.getLong(i);
                break;
            case Types.DECIMAL: case Types.NUMERIC:
                value = rs.getBigDecimal(i);
                break;
            case Types.TIMESTAMP:
                Timestamp ts = rs.getTimestamp(i);
                value = ts == null ? null : String.format("%s.%06d", ts.toString().substring(0, 19), ts.getNanos() / 1000);
                break;
            default:
                value = rs.getString(i);
        }
        return rs.wasNull() ? "NULL" : value;
    }

    static void out(Object... fields) {
        StringBuilder line = new StringBuilder();
        for (Object f : fields) line.append(line.length() == 0 ? "" : "\t").append(f);
        System.out.println(line);
    }
}
