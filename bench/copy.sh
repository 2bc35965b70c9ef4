#!/bin/bash
# copy.sh — what validating and indexing on load costs, and what one query
# that reads a row many times costs: the figures the parse cache is for.
#
#   bench/copy.sh [REPORTS_PER_LAYOUT]      (default 1400; 7 layouts)
#
# The same generated reports as bench/run.sh (plus the samples) are loaded
# into a table once and written to a COPY file; then, each three times with
# the median taken, in one throwaway cluster (pg_virtualenv -t):
#   - COPY into a plain table, into one with the record trigger, and into
#     one with the trigger + CHECK (report_is_valid(body, 1)) + three
#     expression indexes: as ratios to the plain COPY;
#   - a six-field query through a subquery against a one-field query, and
#     report_check + report_is_valid + report_invalid_reason against
#     report_check alone: as ratios;
# each with the parse cache off (govreport.cache_entries = 0, every call
# parses, as before the cache) and on (the default), one after the other;
# govreport_stats() tells how many parses each COPY made per row.  Not a
# test: it never fails on speed.
set -eu
cd "$(dirname "$0")/.."
n=${1:-1400}

if [ "${GOVREPORT_BENCH_INSIDE:-}" != 1 ]; then
	. scripts/common.sh
	ensure_packages
	. bench/corpus.sh
	dir=$(mktemp -d /tmp/govreport-copy.XXXXXX)
	bench_corpus "$dir" "$n"
	echo "== $(ls "$dir" | wc -l) reports, $(cat "$dir"/* | wc -c) bytes"
	# installed last, just before the cluster loads it
	build_and_install
	GOVREPORT_BENCH_INSIDE=1 GOVREPORT_BENCH_DIR="$dir" pg_virtualenv -t -v 15 "$0" "$n"
	rm -rf "$dir"
	exit 0
fi

psql -X -q -v ON_ERROR_STOP=1 -v dir="$GOVREPORT_BENCH_DIR" <<'SQL'
CREATE EXTENSION govreport;
-- the library is loaded now and stays: make sure it is this tree's
SELECT govreport_ruleset() IS NULL AS ignored \gset
DO $$ BEGIN
  IF to_regproc('govreport_stats') IS NULL OR current_setting('govreport.cache_entries', true) IS NULL THEN
    RAISE EXCEPTION 'the installed govreport has no parse cache: another build was installed meanwhile; run again';
  END IF;
END $$;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TABLE src AS
SELECT row_number() OVER (ORDER BY f)::int AS id, pg_read_file(:'dir' || '/' || f) AS body
  FROM pg_ls_dir(:'dir') f;
-- the server writes and reads the COPY file in its own data directory
SELECT current_setting('data_directory') || '/reports.copy' AS copyfile \gset
COPY src TO :'copyfile';

-- the three COPY targets (shared with bench/setup.sql)
\i bench/tables.sql

-- median of three, each run preceded by pre; the cache set as asked
-- (govreport.cache_entries = 0: every call parses, as before the cache)
CREATE FUNCTION pg_temp.time_ms(q text, pre text, entries int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; r float8[] := '{}';
BEGIN
  PERFORM set_config('govreport.cache_entries', entries::text, false);
  FOR i IN 1..3 LOOP
    IF pre IS NOT NULL THEN EXECUTE pre; END IF;
    t0 := clock_timestamp();
    EXECUTE q;
    r := r || extract(epoch FROM clock_timestamp() - t0) * 1000;
  END LOOP;
  PERFORM set_config('govreport.cache_entries', '32', false);
  RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(r) x);
END $$;

-- parses per row of one COPY
CREATE FUNCTION pg_temp.parses_per_row(tab text, entries int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE p bigint;
BEGIN
  PERFORM set_config('govreport.cache_entries', entries::text, false);
  EXECUTE 'TRUNCATE ' || tab;
  PERFORM govreport_cache_reset();
  EXECUTE format('COPY %s (id, body) FROM %L', tab, current_setting('bench.copyfile'));
  SELECT parses INTO p FROM govreport_stats();
  PERFORM set_config('govreport.cache_entries', '32', false);
  RETURN round(p::numeric / (SELECT count(*) FROM src), 2);
END $$;
SELECT set_config('bench.copyfile', :'copyfile', false) IS NULL AS ignored \gset

-- cache off and on, one after the other for each target, so that a busy
-- machine weighs on both alike
CREATE TEMP TABLE timings AS
SELECT o, label, entries, pg_temp.time_ms(format(q, :'copyfile'), 'TRUNCATE ' || tab, entries) AS ms,
       pg_temp.parses_per_row(tab, entries) AS parses_per_row
  FROM (VALUES
  (1, 'COPY into a plain table',               't_plain',   'COPY t_plain (id, body) FROM %L'),
  (2, 'COPY with the record trigger',          't_trigger', 'COPY t_trigger (id, body) FROM %L'),
  (3, 'COPY with trigger + CHECK + 3 indexes', 't_all',     'COPY t_all (id, body) FROM %L')
) v(o, label, tab, q), (VALUES (0), (32)) c(entries) ORDER BY o, entries;

\echo
\echo COPY of every report, as ratios to the plain COPY (cache_entries 0: no cache; 32: the default)
SELECT label, entries AS cache_entries, round(ms::numeric, 1) AS ms,
       round((ms / (SELECT ms FROM timings WHERE o = 1 AND entries = t.entries))::numeric, 2) AS x_plain_copy,
       parses_per_row
  FROM timings t ORDER BY o, entries;

VACUUM ANALYZE src;
CREATE TEMP TABLE qtimings AS
SELECT o, label, entries, pg_temp.time_ms(q, NULL, entries) AS ms FROM (VALUES
  (1, 'one field: (parse_report(body)).year',
   'SELECT count((parse_report(body)).year) FROM src'),
  (2, 'six fields through a subquery',
   'SELECT count((p).org), count((p).year), count((p).edition), count((p).title), count((p).published), count((p).requests) FROM (SELECT parse_report(body) AS p FROM src) s'),
  (3, 'six fields, parse_report in FROM',
   'SELECT count(p.org), count(p.year), count(p.edition), count(p.title), count(p.published), count(p.requests) FROM src, parse_report(body) p'),
  (4, 'report_check alone',
   'SELECT sum((SELECT count(*) FROM report_check(body, 1))) FROM src'),
  (5, 'report_check + report_is_valid + report_invalid_reason',
   'SELECT sum((SELECT count(*) FROM report_check(body, 1))), count(*) FILTER (WHERE report_is_valid(body, 1)), count(report_invalid_reason(body, 1)) FROM src')
) v(o, label, q), (VALUES (0), (32)) c(entries) ORDER BY o, entries;

\echo
\echo queries that read one row several times, as ratios to reading it once (same cache setting)
SELECT label, entries AS cache_entries, round(ms::numeric, 1) AS ms,
       round((ms / (SELECT ms FROM qtimings WHERE o = 1 AND entries = q.entries))::numeric, 2) AS x_one_field,
       round((ms / (SELECT ms FROM qtimings WHERE o = 4 AND entries = q.entries))::numeric, 2) AS x_check_alone
  FROM qtimings q ORDER BY o, entries;
SQL
