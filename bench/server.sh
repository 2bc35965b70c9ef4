#!/bin/bash
# server.sh — the server's figure: the instructions govreport's queries
# take in a backend, counted by callgrind, as ratios to PostgreSQL's own
# work on the same rows in the same kind of backend.  Like the core's
# instructions per KB (bench/core under callgrind) it does not move with a
# busy machine; unlike them it counts everything a query pays: detoasting,
# the parse cache, the composite and its numerics, the findings as rows and
# as jsonb, and COPY's own work, compression included.
#
#   bench/server.sh DIR      the report files in DIR (readable by the server)
#
# Prints name=value lines: server_rows, then for each query its
# instructions per row (server_ipr_<name>) and its ratio to its yardstick
# (server_x_<name>): sum(length(body)) for the queries, a plain COPY for
# the COPYs.  Each query runs in a single-user backend (postgres --single)
# of a throwaway data directory, under callgrind counting only inside the
# executor (or the COPY): once, and again twice in a fresh backend, and the
# difference is one run without the backend's first-call setup.  Needs
# valgrind and the installed extension; run as root, the backend runs as
# the user postgres.  Not a test: it never fails on speed.
set -eu
cd "$(dirname "$0")/.."
dir=$1
bindir=$(pg_config --bindir)
data=$(mktemp -d /tmp/govreport-server.XXXXXX)
trap 'rm -rf "$data"' EXIT
chmod 755 "$data"

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}
[ "$(id -u)" = 0 ] && chown postgres "$data"

as_owner "$bindir/initdb" -D "$data/db" -E UTF8 --locale=C.UTF-8 -A trust >/dev/null

# one backend, its statements on stdin, each ended by ";" and an empty
# line (-j: each its own transaction, as psql would send them); its output
single() {
	as_owner "$@" "$bindir/postgres" --single -j -D "$data/db" -c jit=off postgres 2>&1
}

# instructions of what is inside $1 (a function of the server) in the statements on stdin
counted() {
	local fn=$1 out
	out=$(single valgrind --tool=callgrind --toggle-collect="$fn" --callgrind-out-file=/dev/null)
	if printf '%s\n' "$out" | grep -q 'ERROR:'; then
		printf '%s\n' "$out" | grep 'ERROR:' >&2
		exit 1
	fi
	printf '%s\n' "$out" | sed -n 's/.*Collected : //p'
}

single >/dev/null <<SQL
CREATE EXTENSION govreport;

CREATE TABLE src AS SELECT row_number() OVER (ORDER BY f)::int AS id, pg_read_file('$dir/' || f) AS body FROM pg_ls_dir('$dir') f;

COPY src (id, body) TO '$data/reports.copy';

VACUUM ANALYZE src;

SQL
# the three COPY targets of bench/run.sh
grep -v '^--' bench/tables.sql | sed 's/;$/;\n/' | single >/dev/null
rows=$(printf 'SELECT count(*) FROM src;\n\n' | single | sed -n 's/.*count = "\([0-9]*\)".*/\1/p')
echo "server_rows=$rows"

# name, the function to count inside, the statement (what goes before each run: a TRUNCATE)
measure() {
	local name=$1 fn=$2 stmt=$3 pre=${4:-}
	local one two
	one=$(printf '%s\n\n%s\n\n' "$pre" "$stmt" | counted "$fn")
	two=$(printf '%s\n\n%s\n\n%s\n\n%s\n\n' "$pre" "$stmt" "$pre" "$stmt" | counted "$fn")
	echo "server_ipr_$name=$(( (two - one) / rows ))"
}

{
	measure floor standard_ExecutorRun 'SELECT sum(length(body)) FROM src;'
	measure parse_report standard_ExecutorRun 'SELECT count(parse_report(body)) FROM src;'
	measure report_check standard_ExecutorRun 'SELECT sum((SELECT count(*) FROM report_check(body))) FROM src;'
	measure copy_plain DoCopy "COPY t_plain (id, body) FROM '$data/reports.copy';" 'TRUNCATE t_plain;'
	measure copy_trigger DoCopy "COPY t_trigger (id, body) FROM '$data/reports.copy';" 'TRUNCATE t_trigger;'
	measure copy_all DoCopy "COPY t_all (id, body) FROM '$data/reports.copy';" 'TRUNCATE t_all;'
} > "$data/ipr.txt"
cat "$data/ipr.txt"

ipr() { sed -n "s/^server_ipr_$1=//p" "$data/ipr.txt"; }
ratio() { awk -v a="$(ipr "$1")" -v b="$(ipr "$2")" 'BEGIN { printf "%.2f", a / b }'; }
echo "server_x_parse_report=$(ratio parse_report floor)"
echo "server_x_report_check=$(ratio report_check floor)"
echo "server_x_copy_trigger=$(ratio copy_trigger copy_plain)"
echo "server_x_copy_all=$(ratio copy_all copy_plain)"
