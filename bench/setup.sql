-- setup.sql — the benchmark's tables and timers (bench/run.sh runs it once
-- in a throwaway cluster, psql variables dir and htmldir set).
--
-- src      every generated report and the samples, default storage (the
--          bodies are over 2 kB, so TOAST compresses them: every read
--          decompresses, as in a real table)
-- src_ext  the same rows, STORAGE EXTERNAL (out of line, not compressed)
-- html     the real web pages, each 20 times with a distinct comment, so
--          that no copy is the parse cache's hit
-- pairs    each report with the one before it, for report_check_pair
CREATE EXTENSION govreport;
-- the library is loaded now: make sure it is this tree's
DO $$ BEGIN
  IF to_regproc('govreport_stats') IS NULL THEN
    RAISE EXCEPTION 'the installed govreport is not this tree''s: another build was installed meanwhile; run again';
  END IF;
END $$;

-- ids in an order that mixes the layouts, so that the first thousand rows
-- are like the rest (the memory part compares them with all)
CREATE TABLE src AS
SELECT row_number() OVER (ORDER BY md5(f))::int AS id, f AS name,
       pg_read_file(:'dir' || '/' || f) AS body
  FROM pg_ls_dir(:'dir') f;
CREATE TABLE src_ext (LIKE src);
ALTER TABLE src_ext ALTER body SET STORAGE EXTERNAL;
INSERT INTO src_ext SELECT * FROM src;
CREATE TABLE html AS
SELECT row_number() OVER (ORDER BY f, i)::int AS id, f AS name,
       pg_read_file(:'htmldir' || '/' || f) || E'\n<!-- copy ' || i || ' -->\n' AS body
  FROM pg_ls_dir(:'htmldir') f, generate_series(1, 20) i;
CREATE TABLE pairs AS
SELECT id, lag(body) OVER (ORDER BY id) AS prev, body FROM src;
DELETE FROM pairs WHERE prev IS NULL;
VACUUM ANALYZE src;
VACUUM ANALYZE src_ext;
VACUUM ANALYZE html;
VACUUM ANALYZE pairs;

-- the COPY file, written and read by the server in its data directory
SELECT current_setting('data_directory') || '/reports.copy' AS copyfile \gset
COPY (SELECT id, body FROM src) TO :'copyfile';
CREATE TABLE bench_setting (name text PRIMARY KEY, value text);
INSERT INTO bench_setting VALUES ('copyfile', :'copyfile');

-- the three COPY targets (shared with bench/copy.sh)
\ir tables.sql
-- the same with the findings compressed by lz4 rather than pglz, as the
-- README advises: the findings of reports that do not balance are long
-- (LIKE … INCLUDING ALL copies the CHECK and the indexes, not the trigger)
CREATE TABLE t_lz4 (LIKE t_all INCLUDING ALL);
ALTER TABLE t_lz4 ALTER COLUMN findings SET COMPRESSION lz4;
CREATE TRIGGER t_lz4_record BEFORE INSERT OR UPDATE ON t_lz4
  FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings');

-- ---- the timer: every query of a group once per round, rounds after
-- one another, so that a busy machine weighs on all of them alike; each
-- run in a transaction of its own (the parse cache is emptied between)
CREATE TABLE bench_q (o int PRIMARY KEY, grp text, label text, pre text, q text);
CREATE TABLE bench_t (o int, round int, ms float8);
CREATE PROCEDURE bench_time(grp_ text, rounds int) LANGUAGE plpgsql AS $$
DECLARE r record; t0 timestamptz; ms float8;
BEGIN
  FOR i IN 1..rounds LOOP
    FOR r IN SELECT * FROM bench_q WHERE grp = grp_ ORDER BY o LOOP
      PERFORM set_config('max_parallel_workers_per_gather', '0', false);
      IF r.pre IS NOT NULL THEN EXECUTE r.pre; END IF;
      COMMIT;
      t0 := clock_timestamp();
      EXECUTE r.q;
      ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
      COMMIT;
      INSERT INTO bench_t VALUES (r.o, i, ms);
      COMMIT;
    END LOOP;
  END LOOP;
END $$;
CREATE VIEW bench_ms AS
SELECT q.o, q.grp, q.label, percentile_cont(0.5) WITHIN GROUP (ORDER BY t.ms) AS ms,
       min(t.ms) AS min_ms, max(t.ms) AS max_ms, count(*) AS runs
  FROM bench_q q JOIN bench_t t USING (o) GROUP BY q.o, q.grp, q.label;

-- ---- memory of this backend: anonymous resident memory from the kernel
-- (what malloc holds: PostgreSQL's contexts, ICU's and libxml2's own), and
-- the total of PostgreSQL's memory contexts
CREATE FUNCTION bench_rss() RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'),
                       'RssAnon:\s+(\d+)'))[1]::bigint
$$;
-- the parse cache aside: it holds up to 32 parses, bounded by design, and
-- its size follows the reports it holds at the moment
CREATE FUNCTION bench_ctx() RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT sum(total_bytes) / 1024 FROM pg_backend_memory_contexts
   WHERE name NOT IN ('govreport cache', 'govreport cache entry')
$$;
CREATE TABLE bench_mem (fn text, at text, rss_kb bigint, ctx_kb bigint, peak_kb bigint,
                        growth_kb bigint, ctx_growth_kb bigint, calls bigint,
                        t timestamptz DEFAULT clock_timestamp());
CREATE FUNCTION bench_mem_probe(fn text, at text, calls bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO bench_mem (fn, at, rss_kb, ctx_kb, calls)
  SELECT fn, at, bench_rss(), bench_ctx(), calls
$$;

-- ---- the first call in a fresh backend: the library loaded, ICU and the
-- folding data set up, one report parsed; then one more report
CREATE FUNCTION bench_first_call(OUT first_ms float8, OUT second_ms float8) LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; b text; b2 text;
BEGIN
  SELECT body INTO b FROM src WHERE name LIKE '000\_%' ORDER BY name LIMIT 1;
  SELECT body INTO b2 FROM src WHERE name LIKE '001\_%' ORDER BY name LIMIT 1;
  t0 := clock_timestamp();
  PERFORM parse_report(b);
  first_ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
  t0 := clock_timestamp();
  PERFORM parse_report(b2);
  second_ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
CREATE TABLE bench_first (first_ms float8, second_ms float8);

-- ---- figures the shell part measured (core, callgrind, machine)
CREATE TABLE bench_fig (name text PRIMARY KEY, value numeric, note text);
