#!/bin/bash
# interrupts.sh — interrupts from a second session while a backend parses:
# a cancel and a terminate stop the parse with PostgreSQL's own errors
# (57014, 57P01) within a bound; a statement timeout fires; a
# ProcSignalBarrier (DROP DATABASE in another session) and
# pg_log_backend_memory_contexts() are served in the middle of a parse,
# which goes on to its result; a parallel query over big reports gives its
# serial answer every time.  Prints each measurement, then
# "N passed, N failed".
#
# Runs against the server of the environment (PGHOST, PGPORT, …), e.g.
#   pg_virtualenv -t -v 15 test/interrupts.sh
# with govreport installed.  GR_SERVER_LOG may name the server's log file
# (found by itself under pg_virtualenv) for the memory-context check.
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
not_ok() { echo "not ok - $*"; failed=$((failed + 1)); }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
below() { awk -v x="$1" -v lim="$2" 'BEGIN { exit !(x < lim) }'; }

DB=gr_interrupts
BOUND=2.0		# seconds a cancel or a terminate may take to stop a parse
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PSQL="psql -X -q -v ON_ERROR_STOP=1"

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null 2>&1 || exit 1
# 40 reports of 726 KB (the samples twenty times over), and a query that
# parses each of them again and again (body || g defeats the parse cache):
# about 5 ms a parse (25 ms in 0.3.0), so a long query, spent in the core, polling
{
	echo "CREATE EXTENSION govreport;"
	echo "CREATE TABLE samples_raw (body text);"
	for f in samples/*.txt; do
		echo "\\set f \`cat $f\`"
		echo "INSERT INTO samples_raw VALUES (:'f');"
	done
	cat <<'SQL'
CREATE TABLE big AS
SELECT r AS id, string_agg(body, E'\n' ORDER BY g, body) || E'\n' || r AS body
  FROM samples_raw, generate_series(1, 20) g, generate_series(1, 40) r GROUP BY r;
SQL
} > "$WORK/setup.sql"
$PSQL -d $DB -f "$WORK/setup.sql" >/dev/null || exit 1
echo "# $($PSQL -d $DB -At -c "SELECT count(*) || ' reports of ' || max(octet_length(body)) || ' bytes' FROM big")"

LONG="SELECT count(*) FROM big, generate_series(1, 20) g WHERE (parse_report(body || g)).year > 0"

# start_a NAME SQL: run SQL in the background as session NAME
start_a() {
	( PGAPPNAME=$1 $PSQL -d $DB -v VERBOSITY=verbose -c "$2" > "$WORK/$1.out" 2>&1; echo $? > "$WORK/$1.rc" ) &
	A_JOB=$!
}
# pid_of NAME: the backend of session NAME once it is parsing
pid_of() {
	local pid=""
	for _ in $(seq 1 200); do
		pid=$($PSQL -d $DB -At -c "SELECT pid FROM pg_stat_activity WHERE application_name = '$1' AND state = 'active' AND query LIKE '%parse_report%'")
		[ -n "$pid" ] && break
		sleep 0.05
	done
	echo "$pid"
}
# wait_a: wait for the background session; T_END is when it ended
wait_a() {
	wait "$A_JOB"
	T_END=$(now)
}

# ---- 1. a cancel stops the parse: 57014, "canceling statement due to user request"
start_a gr_cancel "$LONG"
pid=$(pid_of gr_cancel)
sleep 0.5
t0=$(now)
$PSQL -d $DB -At -c "SELECT pg_cancel_backend($pid)" >/dev/null
wait_a; t1=$T_END
lat=$(elapsed "$t0" "$t1")
echo "# cancel: stopped $lat s after pg_cancel_backend()"
if grep -q "ERROR:  57014: canceling statement due to user request" "$WORK/gr_cancel.out" && below "$lat" "$BOUND"; then
	ok "a cancel stops a parse with 57014 canceling statement due to user request, in $lat s"
else
	not_ok "cancel: $(head -n 2 "$WORK/gr_cancel.out" | tr '\n' ' ') after $lat s"
fi

# ---- 2. a terminate ends the session: 57P01
start_a gr_term "$LONG"
pid=$(pid_of gr_term)
sleep 0.5
t0=$(now)
$PSQL -d $DB -At -c "SELECT pg_terminate_backend($pid)" >/dev/null
wait_a; t1=$T_END
lat=$(elapsed "$t0" "$t1")
echo "# terminate: session ended $lat s after pg_terminate_backend()"
if grep -q "FATAL:  57P01: terminating connection due to administrator command" "$WORK/gr_term.out" && below "$lat" "$BOUND"; then
	ok "a terminate ends a parsing session with 57P01, in $lat s"
else
	not_ok "terminate: $(head -n 2 "$WORK/gr_term.out" | tr '\n' ' ') after $lat s"
fi

# ---- 3. statement_timeout fires in the middle of the parses
t0=$(now)
PGOPTIONS="-c statement_timeout=500" $PSQL -d $DB -v VERBOSITY=verbose -c "$LONG" > "$WORK/timeout.out" 2>&1
t1=$(now)
lat=$(elapsed "$t0" "$t1")
echo "# statement_timeout = 500 ms: the statement ended after $lat s"
if grep -q "ERROR:  57014: canceling statement due to statement timeout" "$WORK/timeout.out" && below "$lat" 2.5; then
	ok "statement_timeout stops a parse with 57014 canceling statement due to statement timeout ($lat s for 500 ms)"
else
	not_ok "statement_timeout: $(head -n 2 "$WORK/timeout.out" | tr '\n' ' ') after $lat s"
fi

# A query of some 5 s, for the interrupts that must not stop it: it must go
# on well past them (1,000 parses; 200 were too few once parsing grew faster).
MID="SELECT count(*) FROM big, generate_series(1, 25) g WHERE (parse_report(body || g)).year > 0"

# ---- 4. a ProcSignalBarrier: DROP DATABASE waits until every backend has
# absorbed one; the parsing session must absorb it and go on
$PSQL -d $DB -c "CREATE DATABASE gr_barrier" >/dev/null
t0=$(now)
$PSQL -d $DB -c "DROP DATABASE gr_barrier" >/dev/null
idle=$(elapsed "$t0" "$(now)")
$PSQL -d $DB -c "CREATE DATABASE gr_barrier" >/dev/null
start_a gr_barrier "$MID"
pid=$(pid_of gr_barrier)
sleep 0.5
t0=$(now)
$PSQL -d $DB -c "DROP DATABASE gr_barrier" > "$WORK/barrier_b.out" 2>&1
tb=$(now)
wait_a; t1=$T_END
lat=$(elapsed "$t0" "$tb")
rest=$(elapsed "$tb" "$t1")
echo "# barrier: DROP DATABASE took $lat s during the parses ($idle s with no parse running); the parsing session went on for $rest s more"
if [ "$(cat "$WORK/gr_barrier.rc")" = 0 ] && grep -q "^ *1000$" "$WORK/gr_barrier.out" && below 0.5 "$rest"; then
	ok "a ProcSignalBarrier is absorbed in the middle of a parse (DROP DATABASE in $lat s), which goes on to its result"
else
	not_ok "barrier: session said $(head -n 2 "$WORK/gr_barrier.out" | tr '\n' ' '); DROP DATABASE took $lat s; $(cat "$WORK/barrier_b.out")"
fi

# ---- 5. pg_log_backend_memory_contexts() from another session
start_a gr_memctx "$MID"
pid=$(pid_of gr_memctx)
sleep 0.5
sent=$($PSQL -d $DB -At -c "SELECT pg_log_backend_memory_contexts($pid)")
sleep 0.3
$PSQL -d $DB -At -c "SELECT pg_log_backend_memory_contexts($pid)" >/dev/null
wait_a; t1=$T_END
log=${GR_SERVER_LOG:-}
if [ -z "$log" ] && [ -n "${PG_CLUSTER_CONF_ROOT:-}" ]; then
	log=$(ls "$(dirname "$PG_CLUSTER_CONF_ROOT")"/log/*.log 2>/dev/null | head -n 1)
fi
dumped="(no server log to look at)"
if [ -n "$log" ] && [ -r "$log" ]; then
	dumped="$(grep -c "logging memory contexts of PID $pid" "$log") dumps in the server log"
fi
echo "# memory contexts: requested twice during the parses; $dumped"
if [ "$sent" = t ] && [ "$(cat "$WORK/gr_memctx.rc")" = 0 ] && grep -q "^ *1000$" "$WORK/gr_memctx.out" &&
	{ [ -z "$log" ] || ! [ -r "$log" ] || grep -q "logging memory contexts of PID $pid" "$log"; }; then
	ok "pg_log_backend_memory_contexts() is served in the middle of a parse, which goes on to its result"
else
	not_ok "memory contexts: $(head -n 2 "$WORK/gr_memctx.out" | tr '\n' ' '); $dumped"
fi

# ---- 6. a parallel query over 218 KB reports, ten times
cat > "$WORK/par.sql" <<'SQL'
CREATE TABLE par (id int, body text, pad char(1000) DEFAULT '');
INSERT INTO par (id, body)
SELECT g, (SELECT string_agg(body, E'\n' ORDER BY body, k) FROM samples_raw, generate_series(1, 6) k) || E'\n' || g
  FROM generate_series(1, 60) g;
ANALYZE par;
SQL
$PSQL -d $DB -f "$WORK/par.sql" >/dev/null
serial=$($PSQL -d $DB -At -c "SELECT count(*), count(*) FILTER (WHERE NOT report_is_valid(body, 1)), max((parse_report(body)).year) FROM par")
good=0
for _ in $(seq 1 10); do
	got=$(PGOPTIONS="-c max_parallel_workers_per_gather=2 -c parallel_setup_cost=0 -c parallel_tuple_cost=0 -c min_parallel_table_scan_size=0" \
		$PSQL -d $DB -At -c "SELECT count(*), count(*) FILTER (WHERE NOT report_is_valid(body, 1)), max((parse_report(body)).year) FROM par" 2>&1)
	[ "$got" = "$serial" ] && good=$((good + 1))
done
echo "# parallel: $good of 10 runs gave the serial answer ($serial)"
if [ "$good" -eq 10 ]; then
	ok "a parallel query over 60 reports of 218 KB gives the serial answer, 10 times out of 10"
else
	not_ok "parallel query: $good of 10 runs gave the serial answer; last: $got"
fi

# ---- 7. a cancel during libxml2's parse of one 32 MB page: it reads the
# page in chunks and the parse polls between them (it used to ignore a
# cancel for the 4-5 s of the whole parse)
$PSQL -d $DB -c "CREATE TABLE page AS SELECT '<html><head><title>x</title></head><body><table>' ||
  repeat('<tr><td><span>行政许可</span></td><td><p>1</p></td><td>2</td></tr>' || E'\n', 330000) ||
  '</table></body></html>' AS body" >/dev/null
start_a gr_html "SELECT (parse_report(body)).year FROM page"
pid=$(pid_of gr_html)
sleep 0.4
t0=$(now)
$PSQL -d $DB -At -c "SELECT pg_cancel_backend($pid)" >/dev/null
wait_a; t1=$T_END
lat=$(elapsed "$t0" "$t1")
size=$($PSQL -d $DB -At -c "SELECT pg_size_pretty(octet_length(body)::bigint) FROM page")
echo "# html: a page of $size stopped $lat s after pg_cancel_backend()"
if grep -q "ERROR:  57014: canceling statement due to user request" "$WORK/gr_html.out" && below "$lat" 1.0; then
	ok "a cancel stops the parse of a $size HTML page with 57014, in $lat s"
else
	not_ok "html cancel: $(head -n 2 "$WORK/gr_html.out" | tr '\n' ' ') after $lat s"
fi

$PSQL -d postgres -c "DROP DATABASE $DB" >/dev/null 2>&1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
