-- validation: reports checked as they are written — the trigger in its
-- three modes, a CHECK constraint pinned to a rule-set version, indexes
-- over extracted fields that the planner uses, and checks across years.
\pset null '·'
CREATE TABLE reports (id serial PRIMARY KEY, body text, findings jsonb);

-- reject: an invalid report is refused with SQLSTATE 23514; a valid one goes in
CREATE TRIGGER reports_reject BEFORE INSERT OR UPDATE ON reports
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject');
INSERT INTO reports (body) SELECT body FROM samples WHERE id = 3;
DO $$
DECLARE d text; h text;
BEGIN
	INSERT INTO reports (body) SELECT body FROM samples WHERE id = 4;
EXCEPTION WHEN check_violation THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
	RAISE NOTICE 'detail: %', d;
	RAISE NOTICE 'hint: %', h;
END $$;
-- an UPDATE that breaks a report is refused too
DO $$
BEGIN
	UPDATE reports SET body = replace(body, '六、其他需要报告的事项', '');
EXCEPTION WHEN check_violation THEN
	RAISE NOTICE 'SQLSTATE %: %', SQLSTATE, SQLERRM;
END $$;
SELECT count(*) FROM reports;
DROP TRIGGER reports_reject ON reports;

-- record: every report is kept, its findings in the jsonb column
CREATE TRIGGER reports_record BEFORE INSERT OR UPDATE ON reports
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings');
INSERT INTO reports (body) SELECT body FROM samples WHERE id IN (0, 1, 2, 4) ORDER BY id;
INSERT INTO reports (body) VALUES (NULL);
UPDATE reports SET body = body WHERE id = 1;
SELECT id, jsonb_array_length(findings) AS findings,
       (SELECT string_agg(DISTINCT f->>'rule', ' ' ORDER BY f->>'rule') FROM jsonb_array_elements(findings) f
         WHERE f->>'severity' = 'error') AS errors
  FROM reports ORDER BY id;
SELECT f - 'library' AS f FROM reports, jsonb_array_elements(findings) f
 WHERE id = 1 AND f->>'rule' = 'R-GEN-02' LIMIT 1;
-- every finding records the rule set that found it and the library's version
SELECT f->>'ruleset' AS ruleset, f->>'library' = (SELECT extversion FROM pg_extension WHERE extname = 'govreport') AS library,
       count(*)
  FROM reports, jsonb_array_elements(findings) f GROUP BY 1, 2;
-- the jsonb is what jsonb_in makes of its own text (keys in jsonb's order),
-- so that its keys are found by look-up
SELECT count(*) AS reports, bool_and(findings = (findings::text)::jsonb) AS as_its_text,
       bool_and(NOT EXISTS (SELECT FROM jsonb_array_elements(findings) f
                             WHERE NOT (f ? 'rule' AND f ? 'severity' AND f ? 'message' AND f ? 'cells'
                                        AND f ? 'library' AND f ? 'ruleset'))) AS keys_found
  FROM reports WHERE findings IS NOT NULL;
-- bad reports stay queryable: which rows break which rule
SELECT f->>'rule' AS rule, count(*) FROM reports, jsonb_array_elements(findings) f
 WHERE f->>'severity' = 'error' GROUP BY 1 ORDER BY 1;
DROP TRIGGER reports_record ON reports;

-- warn: the row is kept, and a row with findings raises one WARNING (how
-- many, and the first error), however many findings it has
CREATE TABLE warned (body text);
CREATE TRIGGER warned_warn BEFORE INSERT ON warned
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'warn');
INSERT INTO warned SELECT body FROM samples WHERE id = 4;
INSERT INTO warned SELECT body FROM samples WHERE id IN (0, 2, 3) ORDER BY id;
SELECT count(*) FROM warned;

-- arguments are checked, never spliced into SQL
CREATE TABLE t (body text, n int);
CREATE TRIGGER t1 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body');
INSERT INTO t VALUES ('x', 1);
DROP TRIGGER t1 ON t;
CREATE TRIGGER t2 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body; DROP TABLE t', 'reject');
INSERT INTO t VALUES ('x', 1);
DROP TRIGGER t2 ON t;
CREATE TRIGGER t3 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('n', 'reject');
INSERT INTO t VALUES ('x', 1);
DROP TRIGGER t3 ON t;
CREATE TRIGGER t4 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'n');
INSERT INTO t VALUES ('x', 1);
DROP TRIGGER t4 ON t;
CREATE TRIGGER t5 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'explode');
INSERT INTO t VALUES ('x', 1);
DROP TRIGGER t5 ON t;
CREATE TRIGGER t6 AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject');
INSERT INTO t VALUES ('x', 1);
DROP TRIGGER t6 ON t;
-- extra arguments are an error, not ignored
CREATE TRIGGER t7 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject', '1', 'x');
INSERT INTO t VALUES ('x', 1);
DROP TRIGGER t7 ON t;
CREATE TRIGGER t8 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'warn', 'findings');
INSERT INTO t VALUES ('x', 1);
DROP TRIGGER t8 ON t;
ALTER TABLE t ADD COLUMN f jsonb;
CREATE TRIGGER t9 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'f', '1', 'more');
INSERT INTO t VALUES ('x', 1);
DROP TRIGGER t9 ON t;
-- a rule-set version this library lacks
CREATE TRIGGER t10 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject', '99');
INSERT INTO t VALUES ('x', 1);
DROP TRIGGER t10 ON t;
SELECT count(*) FROM t;

-- generated columns: computed after BEFORE triggers, so refused, never silently useless
CREATE TABLE gen (raw text, body text GENERATED ALWAYS AS (raw) STORED, findings jsonb);
CREATE TRIGGER gen_reject BEFORE INSERT ON gen FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject');
INSERT INTO gen (raw) SELECT body FROM samples WHERE id = 4;
DROP TRIGGER gen_reject ON gen;
CREATE TABLE gen2 (body text, findings jsonb GENERATED ALWAYS AS ('[]'::jsonb) STORED);
CREATE TRIGGER gen2_record BEFORE INSERT ON gen2 FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings');
INSERT INTO gen2 (body) SELECT body FROM samples WHERE id = 4;
SELECT (SELECT count(*) FROM gen) AS gen, (SELECT count(*) FROM gen2) AS gen2;
-- the CHECK that the first error's hint proposes does see the generated value
ALTER TABLE gen ADD CHECK (report_is_valid(body, 1));
\set VERBOSITY terse
INSERT INTO gen (raw) SELECT body FROM samples WHERE id = 4;
\set VERBOSITY default
INSERT INTO gen (raw) SELECT body FROM samples WHERE id = 3;
SELECT count(*) FROM gen;

-- pinned to a rule set, as a CHECK is: the version is the last argument
CREATE TABLE pinned (id int, body text, findings jsonb);
CREATE TRIGGER pinned_reject BEFORE INSERT ON pinned
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject', '1');
CREATE TRIGGER pinned_record BEFORE INSERT ON pinned
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings', '1');
INSERT INTO pinned SELECT id, body FROM samples WHERE id IN (2, 3);
INSERT INTO pinned SELECT id, body FROM samples WHERE id = 4;
SELECT id, jsonb_array_length(findings), (SELECT array_agg(DISTINCT f->>'ruleset') FROM jsonb_array_elements(findings) f)
  FROM pinned ORDER BY id;

-- CHECK, pinned to rule set 1 so that its meaning survives upgrades
CREATE TABLE checked (id int, body text CHECK (report_is_valid(body, 1)));
INSERT INTO checked SELECT id, body FROM samples WHERE id IN (2, 3);
INSERT INTO checked SELECT id, body FROM samples WHERE id = 0;
INSERT INTO checked VALUES (9, NULL);        -- a CHECK passes on NULL
SELECT id FROM checked ORDER BY id;

-- indexes over extracted fields, used by the planner
INSERT INTO reports (body) SELECT body FROM samples, generate_series(1, 20);
ANALYZE reports;
CREATE INDEX reports_year ON reports (((parse_report(body)).year));
CREATE INDEX reports_org ON reports (((parse_report(body)).org));
CREATE INDEX reports_edition ON reports (((parse_report(body)).edition));
CREATE INDEX reports_new_requests ON reports ((report_cell(body, 't3.new_received.total')));
CREATE INDEX reports_invalid ON reports (id) WHERE NOT report_is_valid(body, 1);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM reports WHERE (parse_report(body)).year = 2020;
EXPLAIN (COSTS OFF) SELECT id FROM reports WHERE (parse_report(body)).org = '七户乡';
EXPLAIN (COSTS OFF) SELECT id FROM reports WHERE (parse_report(body)).edition = 'gb2019';
EXPLAIN (COSTS OFF) SELECT id FROM reports WHERE report_cell(body, 't3.new_received.total') > 10;
EXPLAIN (COSTS OFF) SELECT id FROM reports WHERE NOT report_is_valid(body, 1);
SELECT count(*) FROM reports WHERE (parse_report(body)).year = 2020;
SELECT count(*) FROM reports WHERE NOT report_is_valid(body, 1);
RESET enable_seqscan;

-- across years: this year's 上年结转 against last year's 结转下年度 (R-T3-08),
-- documents in force continuing (R-T2-03, R-T2-04)
CREATE TABLE yearly (org text, year int, body text);
INSERT INTO yearly
SELECT '大竹县团坝镇', 2021, body FROM samples WHERE id = 3
UNION ALL
SELECT '大竹县团坝镇', 2022,
       replace(replace(replace(replace(body, E'二、上年结转政府信息公开申请数量\t\t0\t', E'二、上年结转政府信息公开申请数量\t\t3\t'),
               E'行政规范性文件\t0\t0\t0', E'行政规范性文件\t2\t5\t4'), '2021', '2022'), '2022 年', '2022 年')
  FROM samples WHERE id = 3;
SELECT b.year, c.rule, c.severity, c.message, c.cells, c.expected, c.actual
  FROM yearly a JOIN yearly b ON b.org = a.org AND b.year = a.year + 1,
       report_check_pair(a.body, b.body) c
 ORDER BY c.rule, c.message;
-- the same year twice: nothing to say but that
SELECT rule, severity FROM samples, report_check_pair(body, body) WHERE id = 2;

DROP TABLE reports, warned, t, checked, yearly, gen, gen2, pinned;
