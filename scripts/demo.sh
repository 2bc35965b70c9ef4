#!/bin/bash
# demo.sh — the main job on the bundled sample reports: installs what is
# missing, builds and installs govreport, starts a throwaway PostgreSQL 15
# cluster (pg_virtualenv -t), loads samples/*.txt into a table with
# govreport load (the command-line tool) and shows what govreport finds in
# each report.  Pass other report files or folders to load those.
#
#   scripts/demo.sh [--psql] [FILE|DIR…]
#
# --psql then leaves you in psql, in the database that holds the reports
# (table reports: id, file, body); the cluster goes away when psql ends.
# Without a terminal there is nobody to type, so --psql just runs the demo.
set -eu

if [ "${GOVREPORT_DEMO_INSIDE:-}" != 1 ]; then
	# the files are named from where the user stands; the script works
	# from the top directory
	args=()
	for a in "$@"; do
		case $a in
		--*) args+=("$a") ;;
		*) args+=("$(realpath -- "$a")") ;;
		esac
	done
	set -- ${args[@]+"${args[@]}"}
fi
cd "$(dirname "$0")/.."

if [ "${GOVREPORT_DEMO_INSIDE:-}" != 1 ]; then
	. scripts/common.sh	# also sets the UTF-8 locale the cluster and psql need
	ensure_packages
	build_and_install
	echo "== starting a throwaway cluster"
	# -t: the cluster lives in a temporary directory even for root, so it
	# never meets a cluster of the same name (15/regress) that another run
	# on this machine has under /etc/postgresql
	GOVREPORT_DEMO_INSIDE=1 exec pg_virtualenv -t -v 15 "$PWD/scripts/demo.sh" "$@"
fi
interactive=0
if [ "${1:-}" = --psql ]; then
	shift
	if [ -t 0 ] && [ -t 1 ]; then
		interactive=1
	else
		echo "(--psql: no terminal here, so just the demo)"
	fi
fi
psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE EXTENSION govreport;
CREATE TABLE reports (id serial PRIMARY KEY, file text NOT NULL, body text NOT NULL);
SQL
# govreport load, the command-line tool installed with the extension: each
# file's encoding found (UTF-8, GBK, UTF-16 …), one COPY per batch of files;
# a file it cannot read is listed with its reason and the demo goes on
govreport="$("${PG_CONFIG:-pg_config}" --bindir)/govreport"
echo "== $govreport load --table reports --name-column file …"
if [ $# -eq 0 ]; then
	# the samples by their own names
	(cd samples && "$govreport" load --table reports --name-column file *.txt) ||
		echo "(govreport load skipped some files: see above)"
else
	"$govreport" load --table reports --name-column file "$@" || echo "(govreport load skipped some files: see above)"
fi
echo "== loaded $(psql -X -tA -c 'SELECT count(*) FROM reports') reports"

psql -X -v ON_ERROR_STOP=1 <<'SQL'
\pset null '·'
SET datestyle = ISO;
\echo == who reported which year, in which format (parse_report)
SELECT file, (r).org, (r).year, (r).edition, (r).edition_mixed AS mixed,
       (r).period_start, (r).period_end, (r).published
  FROM (SELECT file, parse_report(body) AS r FROM reports) s ORDER BY file;
\echo == contact data as stated
SELECT file, ((r).contact).phone, ((r).contact).email, ((r).contact).address
  FROM (SELECT file, parse_report(body) AS r FROM reports) s ORDER BY file;
\echo == sections found (report_sections): key@line, and what is missing
SELECT t.file,
       string_agg(s.key || '@' || s.line, ' ' ORDER BY s.ord) AS sections,
       nullif(array_to_string(ARRAY(
         SELECT k FROM unnest(ARRAY['s1_overview','s2_proactive','s3_requests',
                                    's4_review_litigation','s5_problems','s6_other']) k
         EXCEPT SELECT m.key FROM report_sections(t.body) m ORDER BY 1), ' '), '') AS missing
  FROM reports t, report_sections(t.body) s
 GROUP BY t.file, t.body ORDER BY t.file;
\echo == is each report valid? (report_is_valid, report_invalid_reason)
SELECT file, report_is_valid(body) AS valid, report_invalid_reason(body) AS first_error
  FROM reports ORDER BY file;
\echo == findings per report and rule (report_check)
SELECT t.file, c.rule, c.severity, count(*) AS n, min(c.line) AS first_line
  FROM reports t, report_check(t.body) c
 GROUP BY 1, 2, 3 ORDER BY 1, c.severity DESC, 2;   -- errors first: severities sort info < warning < error
\echo == the cells of one report, 表三 一 to 四 (report_cells)
SELECT c.key, c.value, c.raw, c.line
  FROM reports t, report_cells(t.body) c
 WHERE t.file LIKE '003%' AND c.key ~ '^t3[.](new_received|carried_in|results_total|carried_out)[.]'
   AND NOT c.derived;
\echo == one section in full: section 六 of each report
SELECT t.file, s.heading, s.body, s.line
  FROM reports t, report_sections(t.body) s WHERE s.key = 's6_other' ORDER BY t.file;
SQL

if [ "$interactive" = 1 ]; then
	echo "== psql: the reports are in table reports (id, file, body); \\q ends and drops the cluster"
	echo "   try: SELECT file, (parse_report(body)).org, report_is_valid(body) FROM reports;"
	# the user's own ~/.psqlrc applies: this is their session
	psql
fi
