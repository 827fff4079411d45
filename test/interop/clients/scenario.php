<?php
// The interop scenario (issue 5 "Must show") through PHP mysqli (mysqlnd): every read with a parameter is a real
// COM_STMT_PREPARE / EXECUTE with binary rows, fetched once through get_result and once through bind_result.
// Usage: php scenario.php PORT CLUSTER. Prints the canonical text of test/interop/expected/scenario.txt.
mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
[, $port, $cluster] = $argv;
$db = new mysqli('127.0.0.1', "root@mysql_tenant#$cluster", '', '', (int) $port);

function out(...$fields): void {
    echo implode("\t", array_map(fn ($f) => $f === null ? 'NULL' : (string) $f, $fields)), "\n";
}

function expect_error(mysqli $db, string $sql): void {
    try {
        $db->query($sql);
    } catch (mysqli_sql_exception $e) {
        out('error', $e->getCode(), $e->getSqlState(), $e->getMessage());
        return;
    }
    throw new RuntimeException("expected an error from $sql");
}

function advance_until(mysqli $db, string $sql, callable $done): int {
    for ($advances = 1; $advances <= 60; $advances++) {
        $db->query('ALTER EMULATOR ADVANCE TIME 10 SECONDS');
        if ($done($db->query($sql)->fetch_all(MYSQLI_NUM))) return $advances;
    }
    throw new RuntimeException("no progress: $sql");
}

function backup_job_id(mysqli $db): int {
    return (int) $db->query('SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOBS')->fetch_row()[0];
}

$db->query("ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'");
$db->query("ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'");
$db->query('ALTER SYSTEM ARCHIVELOG');
$n = advance_until($db, 'SELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG', fn ($rows) => count($rows) === 1 && $rows[0][0] === 'DOING');
out('archivelog', 'DOING', $n);

$db->query('ALTER SYSTEM BACKUP DATABASE');
$full = backup_job_id($db);
$n = advance_until($db, 'SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS', fn ($rows) => count($rows) === 0);
out('full', $full, $n);

$db->query('ALTER EMULATOR WRITE 100 MACROBLOCKS');
$db->query('ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
$inc = backup_job_id($db);
expect_error($db, 'ALTER SYSTEM BACKUP DATABASE');
$n = advance_until($db, 'SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS', fn ($rows) => count($rows) === 0);
out('inc', $inc, $n);

// get_result: mysqlnd decodes the binary row into typed PHP values (int for BIGINT, string for TIMESTAMP(6)).
$history = $db->prepare('SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp'
    . ' FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = ?');
foreach ([$full, $inc] as $job) {
    $history->bind_param('i', $job);
    $history->execute();
    foreach ($history->get_result()->fetch_all(MYSQLI_NUM) as $row) {
        if (!is_int($row[0]) || !is_int($row[4])) throw new RuntimeException('job_id and result must arrive as integers');
        out('history', ...$row);
    }
}
$history->close();

// bind_result: the same binary rows into bound variables.
$sets = $db->prepare('SELECT backup_set_id, backup_type, prev_full_backup_set_id, status, file_status, macro_block_count,'
    . ' min_restore_scn, start_replay_scn FROM oceanbase.DBA_OB_BACKUP_SET_FILES WHERE backup_set_id >= ? ORDER BY backup_set_id');
$first = 1;
$sets->bind_param('i', $first);
$sets->execute();
$sets->bind_result($setId, $type, $prevFull, $status, $fileStatus, $macroBlocks, $minRestoreScn, $startReplayScn);
while ($sets->fetch()) {
    out('set', $setId, $type, $prevFull, $status, $fileStatus, $macroBlocks, $minRestoreScn, $startReplayScn);
}
$sets->close();

expect_error($db, 'ALTER SYSTEM BACKUP TENANT = mysql_tenant');
$db->close();
