-- report.sql — bench/run.sh's figures as tables: each measurement as a
-- ratio to its yardstick, with the target of issue 11 where it has one.
\pset footer off
\pset null ''

CREATE TEMP VIEW ms AS SELECT * FROM bench_ms;
CREATE TEMP VIEW ratios AS
WITH y(o, yard) AS (VALUES
  (11, 10), (12, 10), (13, 10), (14, 11), (15, 10), (16, 10), (17, 10), (18, 10), (19, 10),
  (20, 10), (21, 20), (22, 20), (31, 30), (32, 30), (51, 50), (52, 50), (53, 50), (61, 60))
SELECT m.o, m.grp, m.label, m.ms, m.min_ms, m.max_ms, m.runs,
       m.ms / NULLIF(b.ms, 0) AS ratio, b.label AS yardstick
  FROM ms m LEFT JOIN y USING (o) LEFT JOIN ms b ON b.o = y.yard;

\echo
\echo == queries over every row (median of the rounds; ratio to the yardstick named, same run)
SELECT label, round(ms::numeric, 1) AS ms,
       round((ms * 1000 / (SELECT count(*) FROM src))::numeric, 1) AS us_per_row,
       round(ratio::numeric, 2) AS ratio, yardstick
  FROM ratios WHERE grp = 'fn' ORDER BY o;

\echo
\echo == real web pages (each page 20 times)
SELECT label, round(ms::numeric, 1) AS ms, round(ratio::numeric, 2) AS ratio, yardstick
  FROM ratios WHERE grp = 'html' ORDER BY o;

\echo
\echo == loading: COPY of every report, and ANALYZE of the loaded tables
SELECT label, round(ms::numeric, 1) AS ms, round(ratio::numeric, 2) AS ratio, yardstick
  FROM ratios WHERE grp IN ('copy', 'analyze') ORDER BY o;

\echo
\echo == parallel scans (speed-up: no-worker time over 2-worker time)
SELECT label, round(ms::numeric, 1) AS ms,
       CASE WHEN o IN (41, 43) THEN round(((SELECT ms FROM ms b WHERE b.o = r.o - 1) / ms)::numeric, 2) END AS speedup
  FROM ratios r WHERE grp = 'parallel' ORDER BY o;
SELECT value AS workers_launched FROM bench_fig WHERE name = 'parallel_workers_launched';

\echo
\echo == the first call in a fresh backend (median of the backends)
SELECT count(*) AS backends,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY first_ms)::numeric, 2) AS first_call_ms,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY second_ms)::numeric, 2) AS next_call_ms
  FROM bench_first;

\echo
\echo == backend memory, kB (RssAnon from the kernel; ctx: the memory contexts of PostgreSQL)
SELECT fn,
       max(rss_kb) FILTER (WHERE at = 'start') AS start,
       max(rss_kb) FILTER (WHERE at = 'after 10^3 calls') AS after_1e3,
       max(rss_kb) FILTER (WHERE at LIKE 'after % calls' AND calls > 1000) AS after_all,
       max(ctx_kb) FILTER (WHERE at = 'after 10^3 calls') AS ctx_1e3,
       max(ctx_kb) FILTER (WHERE at LIKE 'after % calls' AND calls > 1000) AS ctx_all,
       max(peak_kb) FILTER (WHERE at = 'during one query') AS query_peak,
       max(growth_kb) FILTER (WHERE at = 'during one query') AS query_growth,
       max(ctx_growth_kb) FILTER (WHERE at = 'during one query') AS query_ctx_growth,
       max(calls) AS calls
  FROM bench_mem WHERE fn <> 'large web page' GROUP BY fn ORDER BY min(t);
SELECT fn, max(rss_kb) FILTER (WHERE at = 'before') AS before_kb,
       max(rss_kb) FILTER (WHERE at = 'after') AS after_kb
  FROM bench_mem WHERE fn = 'large web page' GROUP BY fn;

\echo
\echo == the core alone (bench/core) and the server (bench/server.sh); instructions under callgrind
SELECT name, value, note FROM bench_fig WHERE name <> 'parallel_workers_launched' ORDER BY name;

\echo
\echo == targets of issue 11 (one run, default storage)
WITH t(what, value, target, met) AS (
  SELECT 'parse_report x sum(length(body))', (SELECT ratio FROM ratios WHERE o = 13), '<= 4', (SELECT ratio FROM ratios WHERE o = 13) <= 4
  UNION ALL
  SELECT 'parse_report, in instructions (information)', (SELECT value FROM bench_fig WHERE name = 'server_x_parse_report'), '', NULL
  UNION ALL
  SELECT 'report_check x sum(length(body))', (SELECT ratio FROM ratios WHERE o = 16), '<= 5', (SELECT ratio FROM ratios WHERE o = 16) <= 5
  UNION ALL
  SELECT 'report_check, in instructions (information)', (SELECT value FROM bench_fig WHERE name = 'server_x_report_check'), '', NULL
  UNION ALL
  SELECT 'six fields in FROM x one field', (SELECT ratio FROM ratios WHERE o = 21), '<= 1.2', (SELECT ratio FROM ratios WHERE o = 21) <= 1.2
  UNION ALL
  SELECT 'six fields through a subquery x one field', (SELECT ratio FROM ratios WHERE o = 22), '<= 1.2', (SELECT ratio FROM ratios WHERE o = 22) <= 1.2
  UNION ALL
  SELECT 'COPY trigger + CHECK + 3 indexes x plain COPY', (SELECT ratio FROM ratios WHERE o = 52), '<= 3 (aim 1.5)', (SELECT ratio FROM ratios WHERE o = 52) <= 3
  UNION ALL
  SELECT '... the findings column COMPRESSION lz4', (SELECT ratio FROM ratios WHERE o = 53), '<= 3 (aim 1.5)', (SELECT ratio FROM ratios WHERE o = 53) <= 3
  UNION ALL
  SELECT 'COPY trigger + CHECK + 3 indexes, in instructions (information)', (SELECT value FROM bench_fig WHERE name = 'server_x_copy_all'), '', NULL
  UNION ALL
  SELECT 'web pages: parse_report x length()', (SELECT ratio FROM ratios WHERE o = 31), '<= 6', (SELECT ratio FROM ratios WHERE o = 31) <= 6
  UNION ALL
  SELECT 'first call in a fresh backend, ms', (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_ms) FROM bench_first), '<= 5',
         (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first_ms) FROM bench_first) <= 5
  UNION ALL
  SELECT 'parallel speed-up, 2 workers', (SELECT b.ms / a.ms FROM ms a, ms b WHERE a.o = 43 AND b.o = 42), '>= 1.7',
         (SELECT b.ms / a.ms FROM ms a, ms b WHERE a.o = 43 AND b.o = 42) >= 1.7
  UNION ALL
  -- flat: no function's memory contexts more than 1 MB above what 10^3
  -- calls left after all its calls, nor grown by more than 1 MB in its long
  -- query (its second half's highest sample over its first half's: see
  -- memory.sh) (the kernel's count, in the table above, also holds what the
  -- allocator keeps of memory freed: it is not the functions' own)
  SELECT 'memory: most growth of the contexts after 10^3 calls, kB', m, '<= 1024', m <= 1024
    FROM (SELECT max(greatest(a.ctx_kb - b.ctx_kb, c.ctx_growth_kb - p.ctx_growth_kb)) AS m
            FROM bench_mem a JOIN bench_mem b USING (fn) JOIN bench_mem c USING (fn),
                 bench_mem p
           WHERE a.at LIKE 'after % calls' AND a.calls > 1000 AND b.at = 'after 10^3 calls'
             AND c.at = 'during one query' AND a.fn <> '(the probe alone)'
             AND p.fn = '(the probe alone)' AND p.at = 'during one query') g
  UNION ALL
  SELECT 'memory: most growth of RssAnon after 10^3 calls, kB (information)', m, '', NULL
    FROM (SELECT max(greatest(a.rss_kb - b.rss_kb, c.growth_kb)) AS m
            FROM bench_mem a JOIN bench_mem b USING (fn) JOIN bench_mem c USING (fn)
           WHERE a.at LIKE 'after % calls' AND a.calls > 1000 AND b.at = 'after 10^3 calls'
             AND c.at = 'during one query') g
  UNION ALL
  -- given back: what the backend still holds after a 14 MB page, against
  -- what it held before (the page itself is 14 MB)
  SELECT 'memory kept after a 14 MB web page, kB', m, '<= 16384', m <= 16384
    FROM (SELECT max(rss_kb) FILTER (WHERE at = 'after') - max(rss_kb) FILTER (WHERE at = 'before') AS m
            FROM bench_mem WHERE fn = 'large web page') g
)
SELECT what, round(value::numeric, 2) AS value, target, CASE WHEN met THEN 'met' WHEN NOT met THEN 'MISSED' END AS result FROM t;
