#!/bin/bash
# copy.sh — what validating and indexing on load costs, and what one query
# that reads a row many times costs: the figures the parse cache is for.
#
#   bench/copy.sh [REPORTS_PER_LAYOUT]      (default 1400; 7 layouts)
#
# The same generated reports as bench/run.sh (plus the samples) are loaded
# into a table once and written to a COPY file; then, each three times with
# the median taken, in one throwaway cluster (pg_virtualenv):
#   - COPY into a plain table, into one with the record trigger, and into
#     one with the trigger + CHECK (report_is_valid(body, 1)) + three
#     expression indexes: as ratios to the plain COPY;
#   - a six-field query through a subquery against a one-field query, and
#     report_check + report_is_valid + report_invalid_reason against
#     report_check alone: as ratios;
# and govreport_stats() tells how many parses each COPY made per row (with
# a library that has no cache, that column is empty).  Not a test: it never
# fails on speed.
set -eu
cd "$(dirname "$0")/.."
n=${1:-1400}

if [ "${GOVREPORT_BENCH_INSIDE:-}" != 1 ]; then
	. scripts/common.sh
	ensure_packages
	build_and_install
	make -s test/unit/test_layouts >/dev/null
	dir=$(mktemp -d /tmp/govreport-copy.XXXXXX)
	chmod 755 "$dir"
	LAYOUT_DUMP="$dir" test/unit/test_layouts "$n" >/dev/null || true
	cp samples/*.txt "$dir"/
	chmod 644 "$dir"/*
	echo "== $(ls "$dir" | wc -l) reports, $(cat "$dir"/* | wc -c) bytes"
	GOVREPORT_BENCH_INSIDE=1 GOVREPORT_BENCH_DIR="$dir" pg_virtualenv -v 15 "$0" "$n"
	rm -rf "$dir"
	exit 0
fi

psql -X -q -v ON_ERROR_STOP=1 -v dir="$GOVREPORT_BENCH_DIR" <<'SQL'
CREATE EXTENSION govreport;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TABLE src AS
SELECT row_number() OVER (ORDER BY f)::int AS id, pg_read_file(:'dir' || '/' || f) AS body
  FROM pg_ls_dir(:'dir') f;
-- the server writes and reads the COPY file in its own data directory
SELECT current_setting('data_directory') || '/reports.copy' AS copyfile \gset
COPY src TO :'copyfile';

-- three targets, the same columns
CREATE TABLE t_plain (id int, body text, findings jsonb);
CREATE TABLE t_trigger (LIKE t_plain);
CREATE TRIGGER t_trigger_record BEFORE INSERT OR UPDATE ON t_trigger
  FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings');
CREATE TABLE t_all (LIKE t_plain);
-- the cost of CHECK (report_is_valid(body, 1)), but every report is kept
-- (generated reports need not balance): never NULL, so always true
ALTER TABLE t_all ADD CHECK (report_is_valid(body, 1) IS NOT NULL);
CREATE TRIGGER t_all_record BEFORE INSERT OR UPDATE ON t_all
  FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings');
CREATE INDEX ON t_all (((parse_report(body)).year));
CREATE INDEX ON t_all (((parse_report(body)).org));
CREATE INDEX ON t_all ((report_cell(body, 't3.new_received.total')));

CREATE FUNCTION pg_temp.time_ms(q text, pre text DEFAULT NULL) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; r float8[] := '{}';
BEGIN
  FOR i IN 1..3 LOOP
    IF pre IS NOT NULL THEN EXECUTE pre; END IF;
    t0 := clock_timestamp();
    EXECUTE q;
    r := r || extract(epoch FROM clock_timestamp() - t0) * 1000;
  END LOOP;
  RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(r) x);
END $$;

-- parses per row of one COPY, when the library counts them
CREATE FUNCTION pg_temp.parses_per_row(tab text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  IF to_regproc('govreport_stats') IS NULL THEN RETURN NULL; END IF;
  EXECUTE 'TRUNCATE ' || tab;
  PERFORM govreport_cache_reset();
  EXECUTE format('COPY %s (id, body) FROM %L', tab, current_setting('bench.copyfile'));
  SELECT parses INTO p FROM govreport_stats();
  RETURN round(p::numeric / (SELECT count(*) FROM src), 2);
END $$;
SELECT set_config('bench.copyfile', :'copyfile', false) IS NULL AS ignored \gset

CREATE TEMP TABLE timings AS
SELECT label, pg_temp.time_ms(format(q, :'copyfile'), pre) AS ms, pg_temp.parses_per_row(tab) AS parses_per_row
  FROM (VALUES
  (1, 'COPY into a plain table',            't_plain',   'COPY t_plain (id, body) FROM %L',   'TRUNCATE t_plain'),
  (2, 'COPY with the record trigger',       't_trigger', 'COPY t_trigger (id, body) FROM %L', 'TRUNCATE t_trigger'),
  (3, 'COPY with trigger + CHECK + 3 indexes', 't_all',  'COPY t_all (id, body) FROM %L',     'TRUNCATE t_all')
) v(o, label, tab, q, pre) ORDER BY o;

\echo
\echo COPY of every report, as ratios to the plain COPY
SELECT label, round(ms::numeric, 1) AS ms,
       round((ms / (SELECT ms FROM timings WHERE label LIKE '%plain%'))::numeric, 2) AS x_plain_copy,
       parses_per_row
  FROM timings;

VACUUM ANALYZE src;
CREATE TEMP TABLE qtimings AS
SELECT label, pg_temp.time_ms(q) AS ms FROM (VALUES
  ('one field: (parse_report(body)).year',
   'SELECT count((parse_report(body)).year) FROM src'),
  ('six fields through a subquery',
   'SELECT count((p).org), count((p).year), count((p).edition), count((p).title), count((p).published), count((p).requests) FROM (SELECT parse_report(body) AS p FROM src) s'),
  ('report_check alone',
   'SELECT sum((SELECT count(*) FROM report_check(body, 1))) FROM src'),
  ('report_check + report_is_valid + report_invalid_reason',
   'SELECT sum((SELECT count(*) FROM report_check(body, 1))), count(*) FILTER (WHERE report_is_valid(body, 1)), count(report_invalid_reason(body, 1)) FROM src')
) v(label, q);

\echo
\echo queries that read one row several times, as ratios to the single reading
SELECT label, round(ms::numeric, 1) AS ms,
       round((ms / (SELECT ms FROM qtimings WHERE label LIKE 'one field%'))::numeric, 2) AS x_one_field,
       round((ms / (SELECT ms FROM qtimings WHERE label = 'report_check alone'))::numeric, 2) AS x_check_alone
  FROM qtimings;
SQL
