#!/bin/bash
# run.sh — the SQL examples of the documentation, run as a new user would
# paste them: every ```sql block of README.md, README.zh-CN.md and
# docs/cookbook.md, in order, each in a psql session of its own, one
# database per document.  Needs a running server (scripts/test.sh starts
# one with pg_virtualenv).  One TAP line per block and "N passed, N failed".
#
# A folder the blocks name, /srv/reports, is replaced by a folder holding
# the five samples and two reports made from them (see make_folder).
#
# README.md and README.zh-CN.md: the first block is CREATE EXTENSION in the
# new database; then the database holds the two valid sample reports in a
# table reports(id, org, year, body), and :'body' is set to one of them.
#
# docs/cookbook.md: its own blocks create the table and load the folder.  A
# line <!-- expect: REGEX --> after a block is a check: some line of the
# block's output (psql -A -t, fields split by |) must match REGEX
# (grep -E, /srv/reports replaced too); <!-- check: SQL --> is a query,
# run after the block, that must answer t.  Each check is one more TAP line.
set -u
cd "$(dirname "$0")/../.."
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() {		# ok <description>
	echo "ok - $1"
	pass=$((pass + 1))
}
not_ok() {	# not_ok <description> <output>
	echo "not ok - $1"
	echo "$2" | head -n 5 | sed 's/^/#   /'
	fail=$((fail + 1))
}

# The README's table, filled once the first block (CREATE EXTENSION) ran.
readme_setup() {	# readme_setup <db>
	psql -X -q -v ON_ERROR_STOP=1 -d "$1" \
		-c "CREATE TABLE reports (id serial PRIMARY KEY, org text, year int, body text)" >/dev/null
	for f in samples/002_*.txt samples/003_*.txt; do
		printf "INSERT INTO reports (body) VALUES (left(:'body', -1));\n" |
			psql -X -q -v ON_ERROR_STOP=1 -d "$1" -v body="$(cat "$f"; printf x)" >/dev/null
	done
	psql -X -q -d "$1" -c "UPDATE reports SET org = (parse_report(body)).org, year = (parse_report(body)).year" >/dev/null
}

# The cookbook's folder: the samples, 大竹县团坝镇's report as the next year
# (2022, three requests carried in and out, so that its 上年结转 differs from
# 2021's 结转下年度: R-T3-08) and 七户乡's 2020 report as 2022 (the old
# edition after 2021).  Readable by the server, which may run as another user.
make_folder() {	# make_folder <dir>
	mkdir -p "$1"
	cp samples/*.txt "$1"/
	perl -pe 's/^(二、上年结转政府信息公开申请数量\t\t)0(\t0\t0\t0\t0\t0\t)0/${1}3${2}3/;
		s/^(四、结转下年度继续办理\t\t)0(\t0\t0\t0\t0\t0\t)0/${1}3${2}3/; s/2021/2022/g' \
		samples/003_46e25f98fd9935f9.txt >"$1/103_next_year.txt"
	perl -pe 's/2020/2022/g' samples/002_76344675801c90f2.txt >"$1/102_old_edition.txt"
	chmod 755 "$tmp" "$1"
	chmod 644 "$1"/*
}

# run_doc <markdown file> <database> <kind: readme|cookbook>
run_doc() {
	local doc=$1 db=$2 kind=$3 n=0 dir block first out rc line re sql
	dir="$tmp/$db"
	mkdir -p "$dir"
	psql -X -q -c "DROP DATABASE IF EXISTS $db" postgres >/dev/null 2>&1
	if ! psql -X -q -c "CREATE DATABASE $db" postgres >/dev/null; then
		not_ok "$doc: CREATE DATABASE $db" ""
		return
	fi
	# each ```sql block in a file of its own, its checks in NNN.expect and NNN.check
	awk -v dir="$dir" '/^```sql$/ {n++; f = sprintf("%s/%03d.sql", dir, n); inb = 1; next}
		/^```$/ {inb = 0; next}
		inb {print > f; next}
		n && /^<!-- expect: .* -->$/ {sub(/^<!-- expect: /, ""); sub(/ -->$/, ""); print > sprintf("%s/%03d.expect", dir, n)}
		n && /^<!-- check: .* -->$/ {sub(/^<!-- check: /, ""); sub(/ -->$/, ""); print > sprintf("%s/%03d.check", dir, n)}' "$doc"
	for block in "$dir"/*.sql; do
		n=$((n + 1))
		[ "$kind" = readme ] && [ "$n" -eq 2 ] && readme_setup "$db"
		first=$(grep -v '^--' "$block" | head -n 1)
		sed -i "s|/srv/reports|$folder|g" "$block"
		if [ "$kind" = cookbook ]; then
			out=$(psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -d "$db" -f "$block" 2>&1)
			rc=$?
		else
			out=$( (printf '\\set body `cat samples/003_46e25f98fd9935f9.txt`\n'; cat "$block") |
				psql -X -q -v ON_ERROR_STOP=1 -d "$db" 2>&1 >/dev/null)
			rc=$?
		fi
		if [ "$rc" -eq 0 ]; then
			ok "$doc block $n: $first"
		else
			not_ok "$doc block $n: $first" "$out"
			continue
		fi
		if [ -f "${block%.sql}.expect" ]; then
			while IFS= read -r re; do
				re=${re//\/srv\/reports/$folder}
				if echo "$out" | grep -Eq -- "$re"; then
					ok "$doc block $n gives a line matching $re"
				else
					not_ok "$doc block $n gives a line matching $re" "$out"
				fi
			done <"${block%.sql}.expect"
		fi
		if [ -f "${block%.sql}.check" ]; then
			while IFS= read -r sql; do
				line=$(psql -X -q -A -t -d "$db" -c "$sql" 2>&1)
				if [ "$line" = t ]; then
					ok "$doc after block $n: $sql"
				else
					not_ok "$doc after block $n: $sql" "$line"
				fi
			done <"${block%.sql}.check"
		fi
	done
	psql -X -q -c "DROP DATABASE $db" postgres >/dev/null 2>&1
}

folder="$tmp/folder"
make_folder "$folder"
run_doc README.md govreport_readme readme
[ -f README.zh-CN.md ] && run_doc README.zh-CN.md govreport_readme_zh readme
run_doc docs/cookbook.md govreport_cookbook cookbook
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
