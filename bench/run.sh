#!/bin/bash
# run.sh — the benchmark: how govreport's functions compare with work
# PostgreSQL itself does on the same rows, in the same run.
#
#   bench/run.sh [REPORTS_PER_LAYOUT]      (default 200; 7 layouts)
#
# The reports come from the layout generator (test/unit/test_layouts,
# LAYOUT_DUMP): every table layout real reports use, in both editions, plus
# the five samples.  They are loaded into a table in a throwaway cluster
# (pg_virtualenv -t); each query then runs over every row, three times, and
# the median time is compared with md5(body) and to_tsvector('simple',
# body) over the same rows.  Ratios, not seconds, are the result: they
# hold from one machine to another.  This is not a test and never fails
# on speed.
set -eu
cd "$(dirname "$0")/.."
n=${1:-200}

if [ "${GOVREPORT_BENCH_INSIDE:-}" != 1 ]; then
	. scripts/common.sh
	ensure_packages
	build_and_install
	make -s test/unit/test_layouts >/dev/null
	dir=$(mktemp -d /tmp/govreport-bench.XXXXXX)
	chmod 755 "$dir"
	LAYOUT_DUMP="$dir" test/unit/test_layouts "$n" >/dev/null || true
	cp samples/*.txt "$dir"/
	chmod 644 "$dir"/*
	echo "== $(ls "$dir" | wc -l) reports, $(cat "$dir"/* | wc -c) bytes"
	GOVREPORT_BENCH_INSIDE=1 GOVREPORT_BENCH_DIR="$dir" pg_virtualenv -t -v 15 "$0" "$n"
	rm -rf "$dir"
	exit 0
fi

psql -X -q -v ON_ERROR_STOP=1 -v dir="$GOVREPORT_BENCH_DIR" <<'SQL'
CREATE EXTENSION govreport;
CREATE TABLE bench AS
SELECT f AS name, pg_read_file(:'dir' || '/' || f) AS body FROM pg_ls_dir(:'dir') f;
ALTER TABLE bench ALTER body SET STORAGE EXTERNAL;   -- no decompression in the timings
VACUUM ANALYZE bench;
SET max_parallel_workers_per_gather = 0;            -- one core, same for every query
SET jit = off;

CREATE FUNCTION pg_temp.time_ms(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; r float8[] := '{}';
BEGIN
  FOR i IN 1..3 LOOP
    t0 := clock_timestamp();
    EXECUTE q;
    r := r || extract(epoch FROM clock_timestamp() - t0) * 1000;
  END LOOP;
  RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(r) x);
END $$;

CREATE TEMP TABLE timings AS
SELECT label, pg_temp.time_ms(q) AS ms FROM (VALUES
  ('PostgreSQL: md5(body)',                   'SELECT count(md5(body)) FROM bench'),
  ('PostgreSQL: to_tsvector(''simple'', body)', 'SELECT count(to_tsvector(''simple'', body)) FROM bench'),
  ('parse_report(body)',                      'SELECT count(parse_report(body)) FROM bench'),
  ('(parse_report(body)).year',               'SELECT count((parse_report(body)).year) FROM bench'),
  ('report_cell(body, key)',                  'SELECT count(report_cell(body, ''t3.new_received.total'')) FROM bench'),
  ('report_cells(body), all rows',            'SELECT count(*) FROM bench, report_cells(body)'),
  ('report_check(body), all findings',        'SELECT count(*) FROM bench, report_check(body)'),
  ('report_is_valid(body)',                   'SELECT count(*) FILTER (WHERE report_is_valid(body)) FROM bench')
) v(label, q);

\echo
SELECT label, round(ms::numeric, 1) AS ms,
       round((ms * 1000 / (SELECT count(*) FROM bench))::numeric, 1) AS us_per_report,
       round((ms / (SELECT ms FROM timings WHERE label LIKE '%md5%'))::numeric, 2) AS x_md5,
       round((ms / (SELECT ms FROM timings WHERE label LIKE '%to_tsvector%'))::numeric, 2) AS x_tsvector
  FROM timings;
SQL
