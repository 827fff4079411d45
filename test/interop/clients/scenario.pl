# The interop scenario (issue 5 "Must show") through DBD::MariaDB, which sends its burst of SETs on connect and
# emulates placeholders client-side (the reads arrive as COM_QUERY text with the values pasted in).
# Usage: perl scenario.pl PORT CLUSTER. Prints the canonical text of test/interop/expected/scenario.txt.
use strict;
use warnings;
use DBI;

my ($port, $cluster) = @ARGV;
my $dbh = DBI->connect("DBI:MariaDB:host=127.0.0.1;port=$port", "root\@mysql_tenant#$cluster", '',
  { RaiseError => 1, PrintError => 0, AutoCommit => 1 });

sub out { print join("\t", map { defined $_ ? $_ : 'NULL' } @_), "\n" }

sub expect_error {
  my ($sql) = @_;
  if (eval { $dbh->do($sql); 1 }) { die "expected an error from $sql\n" }
  out('error', $dbh->err, $dbh->state, $dbh->errstr);
}

sub advance_until {
  my ($sql, $done) = @_;
  for my $advances (1 .. 60) {
    $dbh->do('ALTER EMULATOR ADVANCE TIME 10 SECONDS');
    return $advances if $done->($dbh->selectall_arrayref($sql));
  }
  die "no progress: $sql\n";
}

sub backup_job_id { ($dbh->selectrow_array('SELECT JOB_ID FROM oceanbase.DBA_OB_BACKUP_JOBS'))[0] }

$dbh->do(q{ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=file:///data/nfs/backup/archive'});
$dbh->do(q{ALTER SYSTEM SET DATA_BACKUP_DEST = 'file:///data/nfs/backup/data'});
$dbh->do('ALTER SYSTEM ARCHIVELOG');
my $n = advance_until('SELECT STATUS FROM oceanbase.DBA_OB_ARCHIVELOG', sub { @{ $_[0] } == 1 && $_[0][0][0] eq 'DOING' });
out('archivelog', 'DOING', $n);

$dbh->do('ALTER SYSTEM BACKUP DATABASE');
my $full = backup_job_id();
$n = advance_until('SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS', sub { @{ $_[0] } == 0 });
out('full', $full, $n);

$dbh->do('ALTER EMULATOR WRITE 100 MACROBLOCKS');
$dbh->do('ALTER SYSTEM BACKUP INCREMENTAL DATABASE');
my $inc = backup_job_id();
expect_error('ALTER SYSTEM BACKUP DATABASE');
$n = advance_until('SELECT JOB_ID, STATUS FROM oceanbase.DBA_OB_BACKUP_JOBS', sub { @{ $_[0] } == 0 });
out('inc', $inc, $n);

my $history = $dbh->prepare('SELECT job_id, backup_set_id, backup_type, status, result, start_timestamp, end_timestamp'
  . ' FROM oceanbase.DBA_OB_BACKUP_JOB_HISTORY WHERE job_id = ?');
for my $job ($full, $inc) {
  $history->execute($job);
  # Values arrive as the text the server sent, as in the mariadb CLI: TIMESTAMP(6) columns with six digits.
  while (my @row = $history->fetchrow_array) { out('history', @row) }
}

my $sets = $dbh->prepare('SELECT backup_set_id, backup_type, prev_full_backup_set_id, status, file_status, macro_block_count,'
  . ' min_restore_scn, start_replay_scn FROM oceanbase.DBA_OB_BACKUP_SET_FILES WHERE backup_set_id >= ? ORDER BY backup_set_id');
$sets->execute(1);
while (my @row = $sets->fetchrow_array) { out('set', @row) }

expect_error('ALTER SYSTEM BACKUP TENANT = mysql_tenant');
$dbh->disconnect;
