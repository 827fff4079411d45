# Issue 21 "Must show": what a notebook or CI job does with SQLAlchemy 1.4 (Debian's python3-sqlalchemy) over PyMySQL:
# list the tables and views, reflect every view's columns, then autoload one view and select through the core.
# Usage: python3 reflect.py PORT CLUSTER. Prints one JSON document.
import json
import sys

from sqlalchemy import MetaData, Table, create_engine, inspect, select

port, cluster = sys.argv[1], sys.argv[2]
# '@' and '#' of the OceanBase user name are URL-quoted.
engine = create_engine("mysql+pymysql://root%40mysql_tenant%23" + cluster + ":@127.0.0.1:" + port + "/oceanbase")
inspector = inspect(engine)
out = {
    "tables": inspector.get_table_names(schema="oceanbase"),
    "views": inspector.get_view_names(schema="oceanbase"),
    "columns": {},
}
for view in out["views"]:
    # Only name and type: for a view SQLAlchemy rebuilds a CREATE TABLE from DESCRIBE and never writes NOT NULL.
    out["columns"][view] = [
        {"name": c["name"], "type": c["type"].compile(dialect=engine.dialect)} for c in inspector.get_columns(view, schema="oceanbase")
    ]

history = Table("DBA_OB_BACKUP_JOB_HISTORY", MetaData(), autoload_with=engine, schema="oceanbase")
query = select(history.c.JOB_ID, history.c.BACKUP_SET_ID, history.c.BACKUP_TYPE, history.c.STATUS).order_by(history.c.JOB_ID)
with engine.connect() as conn:
    out["history"] = [[str(v) for v in row] for row in conn.execute(query)]
    out["query"] = str(query.compile(dialect=engine.dialect))
print(json.dumps(out))
