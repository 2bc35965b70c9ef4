-- queries.sql — what bench/run.sh times, by group; psql variable rounds.
-- Each group's queries are run once per round, in order, and the median
-- of the rounds is kept (bench_ms).  The first query of a group is its
-- yardstick: PostgreSQL's own work on the same rows.
SET jit = off;

INSERT INTO bench_q VALUES
-- functions over every row, default storage, one core
 (10, 'fn', 'floor: sum(length(body))',            NULL, 'SELECT sum(length(body)) FROM src'),
 (11, 'fn', 'floor, EXTERNAL: sum(length(body))',  NULL, 'SELECT sum(length(body)) FROM src_ext'),
 (12, 'fn', 'md5(body)',                           NULL, 'SELECT count(md5(body)) FROM src'),
 (13, 'fn', 'parse_report(body)',                  NULL, 'SELECT count(parse_report(body)) FROM src'),
 (14, 'fn', 'parse_report(body), EXTERNAL',        NULL, 'SELECT count(parse_report(body)) FROM src_ext'),
 (15, 'fn', 'report_cells(body), all rows',        NULL, 'SELECT count(*) FROM src, report_cells(body)'),
 (16, 'fn', 'report_check(body), all findings',    NULL, 'SELECT count(*) FROM src, report_check(body)'),
 (17, 'fn', 'report_is_valid(body)',               NULL, 'SELECT count(*) FILTER (WHERE report_is_valid(body)) FROM src'),
 (18, 'fn', 'report_cell(body, key)',              NULL, 'SELECT count(report_cell(body, ''t3.new_received.total'')) FROM src'),
 (19, 'fn', 'report_sections(body), all rows',     NULL, 'SELECT count(*) FROM src, report_sections(body)'),
 (20, 'fn', 'one field: (parse_report(body)).year', NULL, 'SELECT count((parse_report(body)).year) FROM src'),
 (21, 'fn', 'six fields, parse_report in FROM',    NULL,
  'SELECT count(p.org), count(p.year), count(p.edition), count(p.title), count(p.published), count(p.requests) FROM src, parse_report(body) p'),
 (22, 'fn', 'six fields through a subquery',       NULL,
  'SELECT count((p).org), count((p).year), count((p).edition), count((p).title), count((p).published), count((p).requests) FROM (SELECT parse_report(body) AS p FROM src) s'),
-- real web pages
 (30, 'html', 'floor: sum(length(body)) of the pages', NULL, 'SELECT sum(length(body)) FROM html'),
 (31, 'html', 'parse_report(body) of the pages',   NULL, 'SELECT count(parse_report(body)) FROM html'),
 (32, 'html', 'report_check(body) of the pages',   NULL, 'SELECT count(*) FROM html, report_check(body)'),
-- parallel scans: the same query with no worker and with two
 (40, 'parallel', 'floor, no worker',              NULL, 'SELECT sum(length(body)) FROM src'),
 (41, 'parallel', 'floor, 2 workers',
  'SELECT set_config(''max_parallel_workers_per_gather'', ''2'', false)', 'SELECT sum(length(body)) FROM src'),
 (42, 'parallel', 'parse_report, no worker',       NULL, 'SELECT count(parse_report(body)) FROM src'),
 (43, 'parallel', 'parse_report, 2 workers',
  'SELECT set_config(''max_parallel_workers_per_gather'', ''2'', false)', 'SELECT count(parse_report(body)) FROM src'),
-- loading: COPY of every report into three tables
 (50, 'copy', 'COPY into a plain table',           'TRUNCATE t_plain',
  'COPY t_plain (id, body) FROM ' || quote_literal((SELECT value FROM bench_setting WHERE name = 'copyfile'))),
 (51, 'copy', 'COPY with the record trigger',      'TRUNCATE t_trigger',
  'COPY t_trigger (id, body) FROM ' || quote_literal((SELECT value FROM bench_setting WHERE name = 'copyfile'))),
 (52, 'copy', 'COPY with trigger + CHECK + 3 expression indexes', 'TRUNCATE t_all',
  'COPY t_all (id, body) FROM ' || quote_literal((SELECT value FROM bench_setting WHERE name = 'copyfile'))),
 (53, 'copy', 'the same, findings COMPRESSION lz4',  'TRUNCATE t_lz4',
  'COPY t_lz4 (id, body) FROM ' || quote_literal((SELECT value FROM bench_setting WHERE name = 'copyfile'))),
-- ANALYZE of the loaded tables, without and with the expression indexes
 (60, 'analyze', 'ANALYZE, plain table',           NULL, 'ANALYZE t_plain'),
 (61, 'analyze', 'ANALYZE, 3 expression indexes',  NULL, 'ANALYZE t_all');

-- a parallel plan whenever workers are allowed: the bodies live in TOAST,
-- so the planner would see a small heap and keep to one process
ALTER TABLE src SET (parallel_workers = 2);
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;

CALL bench_time('fn', :rounds);
CALL bench_time('html', :rounds);
CALL bench_time('parallel', :rounds);
-- COPY and ANALYZE are long: three rounds at most
CALL bench_time('copy', least(:rounds, 3));
CALL bench_time('analyze', least(:rounds, 3));

-- how many workers the parallel query got (none when the pool was busy)
SET max_parallel_workers_per_gather = 2;
CREATE FUNCTION pg_temp.workers_launched() RETURNS int LANGUAGE plpgsql AS $$
DECLARE plan json;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(parse_report(body)) FROM src' INTO plan;
  RETURN coalesce((plan->0->'Plan'->'Plans'->0->>'Workers Launched')::int,
                  (plan->0->'Plan'->'Plans'->0->'Plans'->0->>'Workers Launched')::int, 0);
END $$;
INSERT INTO bench_fig VALUES ('parallel_workers_launched', pg_temp.workers_launched(), 'EXPLAIN ANALYZE of the 2-worker query');
SET max_parallel_workers_per_gather = 0;

-- the parse cache's entries: a parse's memory against its text's length
SELECT govreport_cache_reset() IS NULL AS ignored \gset
BEGIN;
SELECT count(parse_report(body)) FROM (SELECT body FROM src ORDER BY id LIMIT 32) s \gset
INSERT INTO bench_fig
SELECT 'cache_bytes_per_text_byte', round(bytes::numeric / (SELECT sum(octet_length(body)) FROM (SELECT body FROM src ORDER BY id LIMIT 32) s), 1),
       'the parse cache''s bytes over the bytes of the 32 texts it holds'
  FROM govreport_stats();
COMMIT;
