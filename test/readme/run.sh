#!/bin/bash
# run.sh — the README's SQL examples, run as a new user would paste them:
# every ```sql block of README.md, in order, in one session of a database
# holding the two valid sample reports in a table reports(id, org, year,
# body), with :'body' set to one of them.  Needs a running server
# (scripts/test.sh starts one with pg_virtualenv).  The first block is
# CREATE EXTENSION in the new database.  One TAP line per block
# and "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
db=govreport_readme
psql -X -q -c "DROP DATABASE IF EXISTS $db" postgres >/dev/null 2>&1
psql -X -q -c "CREATE DATABASE $db" postgres >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
# the table the examples use, filled once the first block (CREATE EXTENSION) ran
setup() {
	psql -X -q -v ON_ERROR_STOP=1 -d $db \
		-c "CREATE TABLE reports (id serial PRIMARY KEY, org text, year int, body text)" >/dev/null
	for f in samples/002_*.txt samples/003_*.txt; do
		printf "INSERT INTO reports (body) VALUES (left(:'body', -1));\n" |
			psql -X -q -v ON_ERROR_STOP=1 -d $db -v body="$(cat "$f"; printf x)" >/dev/null
	done
	psql -X -q -d $db -c "UPDATE reports SET org = (parse_report(body)).org, year = (parse_report(body)).year" >/dev/null
}

pass=0
fail=0
n=0
# each ```sql block of the README, in its own file
tmp=$(mktemp -d)
awk -v dir="$tmp" '/^```sql$/ {n++; f = sprintf("%s/%03d.sql", dir, n); inb = 1; next}
	/^```$/ {inb = 0; next}
	inb {print > f}' README.md
for block in "$tmp"/*.sql; do
	n=$((n + 1))
	[ "$n" -eq 2 ] && setup
	first=$(grep -v '^--' "$block" | head -n 1)
	if out=$( (printf '\\set body `cat samples/003_46e25f98fd9935f9.txt`\n'; cat "$block") |
		psql -X -q -v ON_ERROR_STOP=1 -d $db 2>&1 >/dev/null); then
		echo "ok - README block $n: $first"
		pass=$((pass + 1))
	else
		echo "not ok - README block $n: $first"
		echo "$out" | head -n 5 | sed 's/^/#   /'
		fail=$((fail + 1))
	fi
done
rm -rf "$tmp"
psql -X -q -c "DROP DATABASE $db" postgres >/dev/null 2>&1
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
