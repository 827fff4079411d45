// Issue 21 "Must show": what a JDBC tool (DBeaver, DataGrip) reads through DatabaseMetaData before showing anything,
// through MariaDB Connector/J 2.7.6. Each call's result set is printed as `call<TAB>label=value…`, one line per row,
// then `call<TAB>rows<TAB>N`; a call that throws prints `call<TAB>error<TAB>message` and the test fails on it.
// Usage: java -cp mariadb-java-client.jar Metadata.java PORT CLUSTER
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

public class Metadata {
    interface Call {
        ResultSet run(DatabaseMetaData md) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        try (Connection conn = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + args[0] + "/", "root@mysql_tenant#" + args[1], "")) {
            DatabaseMetaData md = conn.getMetaData();
            print("getCatalogs", md, m -> m.getCatalogs());
            print("getSchemas", md, m -> m.getSchemas());
            print("getTableTypes", md, m -> m.getTableTypes());
            print("getTables", md, m -> m.getTables("oceanbase", null, "%", null));
            print("getTablesOfViewTypes", md, m -> m.getTables("oceanbase", null, "DBA_OB_BACKUP%", new String[] {"VIEW", "SYSTEM VIEW"}));
            print("getColumns", md, m -> m.getColumns("oceanbase", null, "DBA_OB_BACKUP_JOBS", "%"));
            print("getPrimaryKeys", md, m -> m.getPrimaryKeys("oceanbase", null, "DBA_OB_BACKUP_JOBS"));
            print("getIndexInfo", md, m -> m.getIndexInfo("oceanbase", null, "DBA_OB_BACKUP_JOBS", false, true));
            print("getProcedures", md, m -> m.getProcedures("oceanbase", null, "%"));
            print("getFunctions", md, m -> m.getFunctions("oceanbase", null, "%"));
            print("getImportedKeys", md, m -> m.getImportedKeys("oceanbase", null, "DBA_OB_BACKUP_JOBS"));
        }
    }

    static void print(String name, DatabaseMetaData md, Call call) {
        try (ResultSet rs = call.run(md)) {
            ResultSetMetaData meta = rs.getMetaData();
            int rows = 0;
            while (rs.next()) {
                rows++;
                StringBuilder line = new StringBuilder(name);
                for (int i = 1; i <= meta.getColumnCount(); i++) line.append('\t').append(meta.getColumnLabel(i)).append('=').append(rs.getString(i));
                System.out.println(line);
            }
            System.out.println(name + "\trows\t" + rows);
        } catch (SQLException e) {
            System.out.println(name + "\terror\t" + e.getMessage());
        }
    }
}
