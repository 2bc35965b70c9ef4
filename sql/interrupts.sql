-- interrupts: a parse serves the interrupts that do not end a statement
-- (a memory-context dump request, a parallel worker's messages) and goes
-- on; a statement timeout still stops it, with PostgreSQL's own error.
-- test/interrupts.sh does the same from a second session: cancel,
-- terminate, a ProcSignalBarrier, and measures how long each takes.
\pset null '·'
-- a big report: the five samples twenty times over, 726 KB, 16,000 lines,
-- so that the core polls for interrupts many times in one parse
CREATE TABLE big AS SELECT string_agg(body, E'\n' ORDER BY id, g) AS body FROM samples, generate_series(1, 20) g;
SELECT octet_length(body) FROM big;

-- pg_log_backend_memory_contexts() of this very backend: the signal is
-- pending when parse_report starts (nothing serves it in between), so the
-- parse meets it at its first poll; it is served (the dump goes to the
-- server log) and the parse goes on
SELECT pg_log_backend_memory_contexts(pg_backend_pid()) AS logged, (parse_report(body)).year FROM big;
SELECT logged, (SELECT count(*) FROM report_check(body)) AS findings
  FROM (SELECT pg_log_backend_memory_contexts(pg_backend_pid()) AS logged, body FROM big OFFSET 0) s;
SELECT pg_log_backend_memory_contexts(pg_backend_pid()) AS logged, report_is_valid(body, 1) FROM big;

-- a parallel query over reports of 218 KB: a worker's messages (its end,
-- above all) reach the leader while it parses its own share, and the parse
-- goes on; the answer is the serial one.  (The padding spreads the rows
-- over 10 blocks, so that every process gets some.)
CREATE TABLE par (id int, body text, pad char(1000) DEFAULT '');
INSERT INTO par (id, body)
SELECT g, (SELECT string_agg(body, E'\n' ORDER BY id, k) FROM samples, generate_series(1, 6) k) || E'\n' || g
  FROM generate_series(1, 60) g;
ANALYZE par;
SELECT count(*), sum(report_cell(body, 't3.results_total.total')) AS cells,
       count(*) FILTER (WHERE NOT report_is_valid(body, 1)) AS invalid, max((parse_report(body)).year) AS year
  FROM par;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = on;
EXPLAIN (COSTS OFF)
SELECT count(*), sum(report_cell(body, 't3.results_total.total')) AS cells,
       count(*) FILTER (WHERE NOT report_is_valid(body, 1)) AS invalid, max((parse_report(body)).year) AS year
  FROM par;
SELECT count(*), sum(report_cell(body, 't3.results_total.total')) AS cells,
       count(*) FILTER (WHERE NOT report_is_valid(body, 1)) AS invalid, max((parse_report(body)).year) AS year
  FROM par;
SELECT count(*), sum(report_cell(body, 't3.results_total.total')) AS cells,
       count(*) FILTER (WHERE NOT report_is_valid(body, 1)) AS invalid, max((parse_report(body)).year) AS year
  FROM par;
SELECT count(*), sum(report_cell(body, 't3.results_total.total')) AS cells,
       count(*) FILTER (WHERE NOT report_is_valid(body, 1)) AS invalid, max((parse_report(body)).year) AS year
  FROM par;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET parallel_leader_participation;

-- a statement timeout still fires in the middle of parsing, as PostgreSQL's own 57014
SET statement_timeout = '150ms';
SELECT count(*) FROM big, generate_series(1, 400) g WHERE (parse_report(body || g)).year > 0;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
RESET statement_timeout;

DROP TABLE big, par;
