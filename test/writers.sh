#!/bin/bash
# writers.sh — 8 sessions write reports at once through both validating
# triggers for a while, and every row is accounted for (issue 9 part 7):
# each row the record trigger saw is in its table with its findings, each
# valid report the reject trigger saw is in its table, each invalid one was
# refused with 23514, and nothing else.  Run inside a cluster:
#
#   pg_virtualenv -t -v 15 test/writers.sh [SECONDS]      (default 10)
#
# TAP-like lines and a last line "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
secs=${1:-10}
passed=0
failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }

DB=gr_writers
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PSQL="psql -X -q -v ON_ERROR_STOP=1"

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null 2>&1 || exit 1
{
	echo "CREATE EXTENSION govreport;"
	echo "CREATE TABLE src (n int, body text);"
	n=0
	for f in samples/*.txt; do
		echo "\\set f \`cat $f\`"
		echo "INSERT INTO src VALUES ($n, :'f');"
		n=$((n + 1))
	done
	cat <<'SQL'
-- each sample also cut short (its tables gone: invalid)
INSERT INTO src SELECT n + 100, left(body, 400) FROM src;
CREATE TABLE rec (id bigserial, writer int, seq int, body text, findings jsonb);
CREATE TRIGGER rec_record BEFORE INSERT ON rec
  FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings');
CREATE TABLE rej (id bigserial, writer int, seq int, body text);
CREATE TRIGGER rej_reject BEFORE INSERT ON rej
  FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject');
CREATE TABLE tally (writer int, attempts int, refused int);
SQL
} > "$WORK/setup.sql"
$PSQL -d $DB -f "$WORK/setup.sql" >/dev/null || exit 1
nsrc=$($PSQL -d $DB -At -c "SELECT count(*) FROM src")
ninvalid=$($PSQL -d $DB -At -c "SELECT count(*) FROM src WHERE NOT report_is_valid(body)")
echo "# $nsrc texts, $ninvalid of them invalid; 8 writers for $secs s"

# One writer: insert into both tables until the time is up, each row its
# own transaction (autocommit), counting the refusals it was given.
for w in 1 2 3 4 5 6 7 8; do
	sed -e "s/@W@/$w/" -e "s/@SECS@/$secs/" <<'SQL' | $PSQL -d $DB > "$WORK/w$w.out" 2>&1 &
DO $$
DECLARE
  w int := @W@;
  stop timestamptz := clock_timestamp() + make_interval(secs => @SECS@);
  i int := 0;
  refused int := 0;
  b text;
BEGIN
  WHILE clock_timestamp() < stop LOOP
    i := i + 1;
    SELECT body || E'\n' || w || '-' || i INTO b
      FROM src ORDER BY n OFFSET (w + i) % (SELECT count(*) FROM src) LIMIT 1;
    INSERT INTO rec (writer, seq, body) VALUES (w, i, b);
    BEGIN
      INSERT INTO rej (writer, seq, body) VALUES (w, i, b);
    EXCEPTION WHEN check_violation THEN
      refused := refused + 1;
    END;
    COMMIT;
  END LOOP;
  INSERT INTO tally VALUES (w, i, refused);
END $$;
SQL
done
wait

errs=$(cat "$WORK"/w*.out | grep -c ERROR)
if [ "$errs" -eq 0 ]; then
	ok "8 writers ran for $secs s without an error"
else
	not_ok "writers: $(grep -h ERROR "$WORK"/w*.out | head -n 3 | tr '\n' ' ')"
fi

res=$($PSQL -d $DB -At -F ' ' -c "SELECT count(*), sum(attempts), sum(refused) FROM tally")
read -r nw attempts refused <<< "$res"
echo "# $nw writers made $attempts attempts, $refused refused by the reject trigger"

got=$($PSQL -d $DB -At -c "
SELECT (SELECT count(*) FROM rec) = $attempts
   AND (SELECT count(DISTINCT (writer, seq)) FROM rec) = $attempts
   AND NOT EXISTS (SELECT 1 FROM rec WHERE findings IS NULL)")
if [ "$nw" = 8 ] && [ "$got" = t ]; then
	ok "record trigger: every one of the $attempts rows is there once, with its findings"
else
	not_ok "record trigger: $nw tallies; rows $($PSQL -d $DB -At -c "SELECT count(*) FROM rec") for $attempts attempts"
fi

got=$($PSQL -d $DB -At -c "
SELECT bool_and(jsonb_array_length(findings) = (SELECT count(*) FROM report_check(body)))
  FROM (SELECT * FROM rec ORDER BY id DESC LIMIT 400) r")
if [ "$got" = t ]; then
	ok "record trigger: the findings stored are report_check's (the last 400 rows)"
else
	not_ok "record trigger: stored findings differ from report_check"
fi

got=$($PSQL -d $DB -At -c "
SELECT (SELECT count(*) FROM rej) + $refused = $attempts
   AND (SELECT bool_and(report_is_valid(body)) FROM rej) IS NOT FALSE
   AND (SELECT count(*) FROM rec WHERE NOT report_is_valid(body)) = $refused
   AND (SELECT count(*) FROM rec r WHERE report_is_valid(body)
          AND NOT EXISTS (SELECT 1 FROM rej j WHERE j.writer = r.writer AND j.seq = r.seq)) = 0")
if [ "$got" = t ] && [ "$refused" -gt 0 ]; then
	ok "reject trigger: each valid report accepted, each of the $refused invalid ones refused with 23514, no row lost"
else
	not_ok "reject trigger: $($PSQL -d $DB -At -c "SELECT count(*) FROM rej") accepted, $refused refused of $attempts"
fi

$PSQL -d postgres -c "DROP DATABASE $DB" >/dev/null 2>&1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
