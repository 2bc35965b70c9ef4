-- cache: one parse per row.  Every function and the trigger share a small
-- per-backend cache of parsed texts and their findings, emptied at the end
-- of each transaction; govreport_stats() counts what it did.  Each case
-- starts from an empty cache and shows the counters after it: the
-- multi-function cases parse once per row, a text that differs in one byte
-- is never answered from the cache, findings are kept per rule-set
-- version, and an interrupted parse leaves nothing half-built.
\pset null '·'
CREATE VIEW stats AS
SELECT parses, hits, misses, checks, check_hits, result_hits, uncached, evictions, entries,
       bytes > 0 AS holds_bytes, bytes <= max_bytes AS within_bytes
  FROM govreport_stats();
-- every cached entry is one memory context of its own, nothing else lingers
CREATE VIEW contexts AS
SELECT name, count(*) FROM pg_backend_memory_contexts
 WHERE name LIKE 'govreport cache%' GROUP BY 1 ORDER BY 1;

SELECT govreport_cache_reset();
SELECT * FROM stats;
SELECT max_entries >= 2 AS two_at_least, max_bytes FROM govreport_stats();

-- (p).* over a subquery: the planner makes it one call per field; one parse,
-- and the composite is built once (result_hits)
SELECT govreport_cache_reset();
\o /dev/null
SELECT id, (p).* FROM (SELECT id, parse_report(body) AS p FROM samples WHERE id = 0) s;
\o
SELECT * FROM stats;

-- the same, with parse_report in FROM: one call, one parse
SELECT govreport_cache_reset();
\o /dev/null
SELECT s.id, p.* FROM samples s, parse_report(s.body) p WHERE s.id = 0;
\o
SELECT * FROM stats;

-- several fields and several cells of each row: one parse per row
SELECT govreport_cache_reset();
SELECT id, (parse_report(body)).year, (parse_report(body)).edition,
       report_cell(body, 't3.new_received.total') AS new_total,
       report_cell(body, 't3.carried_out.total') AS out_total
  FROM samples ORDER BY id;
SELECT * FROM stats;

-- parse_report, report_cells and report_sections on one row: one parse
SELECT govreport_cache_reset();
SELECT (parse_report(body)).year,
       (SELECT count(*) FROM report_cells(body)) AS cells,
       (SELECT count(*) FROM report_sections(body)) AS sections
  FROM samples WHERE id = 1;
SELECT * FROM stats;

-- report_check + report_is_valid + report_invalid_reason: one parse, one check
SELECT govreport_cache_reset();
SELECT id, report_is_valid(body, 1) AS valid,
       left(report_invalid_reason(body, 1), 6) AS reason,
       (SELECT count(*) FROM report_check(body, 1)) AS findings
  FROM samples ORDER BY id;
SELECT * FROM stats;
-- 0 is the current version: the same findings, answered from the cache
SELECT report_is_valid(body), report_invalid_reason(body) IS NULL FROM samples WHERE id = 4;
SELECT * FROM stats;
-- an unknown version is refused before the cache is touched
SELECT report_is_valid(body, 99) FROM samples WHERE id = 4;
SELECT * FROM stats;

-- trigger + CHECK + expression indexes on each inserted row: one parse, one check
CREATE TABLE cached (id int PRIMARY KEY, body text CHECK (report_is_valid(body, 1)), findings jsonb);
CREATE TRIGGER cached_record BEFORE INSERT OR UPDATE ON cached
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings');
CREATE INDEX cached_year ON cached (((parse_report(body)).year));
CREATE INDEX cached_org ON cached (((parse_report(body)).org));
CREATE INDEX cached_new ON cached ((report_cell(body, 't3.new_received.total')));
SELECT govreport_cache_reset();
INSERT INTO cached (id, body) SELECT id, body FROM samples WHERE id IN (2, 3);
SELECT * FROM stats;
SELECT id, jsonb_array_length(findings) > 0 AS has_findings FROM cached ORDER BY id;
-- the indexes hold what the functions give
SET enable_seqscan = off;
SELECT id FROM cached WHERE (parse_report(body)).year = 2021;
RESET enable_seqscan;

-- the cache outlives a statement, not a transaction
SELECT govreport_cache_reset();
BEGIN;
SELECT count(report_is_valid(body, 1)) FROM samples;
SELECT * FROM stats;
-- report_check_pair finds both reports in the cache
SELECT count(*) AS pair_findings FROM samples a, samples b, report_check_pair(a.body, b.body) c
 WHERE a.id = 2 AND b.id = 3;
SELECT * FROM stats;
COMMIT;
SELECT * FROM stats;
SELECT * FROM contexts;

-- a text that differs in one byte, with the same length, is parsed anew
SELECT govreport_cache_reset();
SELECT octet_length(body) = octet_length(overlay(body PLACING '2022' FROM strpos(body, '2021') FOR 4)) AS same_length
  FROM samples WHERE id = 3;
SELECT (parse_report(body)).title FROM samples WHERE id = 3;
SELECT (parse_report(overlay(body PLACING '2022' FROM strpos(body, '2021') FOR 4))).title FROM samples WHERE id = 3;
SELECT (parse_report(body)).title FROM samples WHERE id = 3;
SELECT * FROM stats;
-- one byte more, or one less, is another text too
SELECT (parse_report(body || ' ')).year, (parse_report(left(body, -1))).year FROM samples WHERE id = 3;
SELECT * FROM stats;

-- bounded: more texts than entries leave max_entries entries, the oldest dropped
SELECT govreport_cache_reset();
BEGIN;
SELECT count((parse_report(body || repeat(' ', n))).year) FROM samples, generate_series(1, 8) n;
SELECT entries = max_entries AS full, evictions FROM govreport_stats();
SELECT * FROM contexts;
-- the oldest are gone, the newest answer
SELECT (parse_report(body || repeat(' ', 1))).year FROM samples WHERE id = 0;
SELECT (parse_report(body || repeat(' ', 8))).year FROM samples WHERE id = 4;
SELECT parses, hits, misses FROM govreport_stats();
-- a huge text is parsed but not kept
SELECT (parse_report(repeat(body, 200))).year FROM samples WHERE id = 3;
SELECT parses, uncached, entries = max_entries AS full FROM govreport_stats();
COMMIT;

-- an interrupt during a parse leaves no half-built entry
CREATE TABLE big AS SELECT repeat(body, 40) AS body FROM samples WHERE id = 1;
SELECT govreport_cache_reset();
BEGIN;
SELECT (parse_report(body)).year FROM samples WHERE id = 0;
SAVEPOINT s;
SELECT pg_cancel_backend(pg_backend_pid()) AS cancelled, (parse_report(body)).year FROM big;
ROLLBACK TO s;
-- a miss without a parse: the parse began and did not finish, and was not kept
SELECT * FROM stats;
-- the next call drops what was being built
SELECT (parse_report(body)).year FROM samples WHERE id = 0;
SELECT * FROM contexts;
SELECT (parse_report(body)).year FROM big;
SELECT * FROM stats;
COMMIT;

-- govreport.cache_entries = 0 turns the cache off: every call parses
SHOW govreport.cache_entries;
SELECT govreport_cache_reset();
SET govreport.cache_entries = 0;
SELECT (parse_report(body)).year, (parse_report(body)).edition, report_is_valid(body, 1) FROM samples WHERE id = 3;
SELECT * FROM stats;
SELECT max_entries FROM govreport_stats();
RESET govreport.cache_entries;
-- and 1 still keeps the two texts report_check_pair needs at once
SET govreport.cache_entries = 1;
SELECT govreport_cache_reset();
BEGIN;
SELECT count(*) FROM samples a, samples b, report_check_pair(a.body, b.body) c WHERE a.id = 2 AND b.id = 3;
SELECT * FROM stats;
COMMIT;
RESET govreport.cache_entries;

-- parallel workers have caches of their own; the answers are the same
CREATE TABLE many AS SELECT id * 10 + n AS id, body || repeat(' ', n) AS body
  FROM samples, generate_series(0, 9) n;
ANALYZE many;
SELECT count(*), sum((parse_report(body)).year), count(*) FILTER (WHERE report_is_valid(body, 1)) FROM many;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET parallel_leader_participation = off;
SELECT count(*), sum((parse_report(body)).year), count(*) FILTER (WHERE report_is_valid(body, 1)) FROM many;
RESET ALL;

-- a text stored compressed, in line (STORAGE MAIN) or in TOAST (a long
-- one, EXTENDED), is found by its compressed bytes, without decompressing:
-- four fields of each row, one parse and three hits.  Texts that differ
-- only in their year each answer for themselves: the same years as with
-- the cache off.
CREATE TABLE packed (id int, body text);
ALTER TABLE packed ALTER body SET STORAGE MAIN;
CREATE TABLE packed_long (id int, body text);
INSERT INTO packed
SELECT s.id * 10 + n, replace(s.body, (parse_report(s.body)).year::text, ((parse_report(s.body)).year + n)::text)
  FROM samples s, generate_series(0, 2) n WHERE (parse_report(s.body)).year IS NOT NULL;
INSERT INTO packed_long SELECT id, body || repeat(body, 3) FROM packed;
SELECT count(*) AS texts, count(*) FILTER (WHERE pg_column_size(body) < octet_length(body)) AS compressed FROM packed;
SELECT count(*) AS texts, count(*) FILTER (WHERE pg_column_size(body) < octet_length(body)) AS compressed FROM packed_long;
SET govreport.cache_entries = 0;
CREATE TEMP TABLE packed_years AS
SELECT 'main' AS t, id, (parse_report(body)).year FROM packed
UNION ALL SELECT 'long', id, (parse_report(body)).year FROM packed_long;
RESET govreport.cache_entries;
SELECT govreport_cache_reset();
BEGIN;
CREATE TEMP TABLE packed_seen AS
SELECT 'main' AS t, id, (p).year, (p).org IS NOT NULL AS has_org, (p).edition, (p).title IS NOT NULL AS has_title
  FROM (SELECT id, parse_report(body) p FROM packed) s;
SELECT parses, hits, misses FROM govreport_stats();
INSERT INTO packed_seen
SELECT 'long', id, (p).year, (p).org IS NOT NULL, (p).edition, (p).title IS NOT NULL
  FROM (SELECT id, parse_report(body) p FROM packed_long) s;
SELECT parses, hits, misses FROM govreport_stats();
COMMIT;
SELECT t, count(*) AS rows, count(*) FILTER (WHERE s.year IS NOT DISTINCT FROM y.year) AS same_year
  FROM packed_years y JOIN packed_seen s USING (t, id) GROUP BY t ORDER BY t;
SELECT count(DISTINCT year) AS years FROM packed_years;

DROP TABLE cached, many, big, packed, packed_long;
DROP VIEW stats, contexts;
