-- govreport--0.3.0--0.4.0.sql: what 0.4.0 adds to the SQL interface.
-- (Each addition of this release is appended below with its comment.)

\echo Use "ALTER EXTENSION govreport UPDATE TO '0.4.0'" to load this file. \quit

-- ---- issue 11, part 1: one parse per row ----
-- Every function and the trigger take their parse (and their findings per
-- rule-set version) from a small cache in each backend, keyed by the whole
-- text, so that a row met by a trigger, a CHECK, several expression
-- indexes or several fields of one query is parsed once.  These two
-- functions show and reset that cache; both concern the calling backend
-- only (a parallel worker has a cache of its own), hence PARALLEL RESTRICTED.
CREATE FUNCTION govreport_stats(
	OUT parses bigint, OUT hits bigint, OUT misses bigint,
	OUT checks bigint, OUT check_hits bigint, OUT result_hits bigint,
	OUT uncached bigint, OUT evictions bigint,
	OUT entries integer, OUT bytes bigint,
	OUT max_entries integer, OUT max_bytes bigint)
	AS 'MODULE_PATHNAME', 'gr_pg_stats_fn'
	LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION govreport_stats() IS
'The parse cache of this backend: parses run, lookups answered from the cache (hits) or not (misses), rule evaluations run (checks) and answered from the cache (check_hits), parse_report composites answered from the cache (result_hits), parses too large to keep (uncached), entries dropped to stay within the bounds (evictions), and the entries and bytes held now against their bounds. Counted since the backend started or since govreport_cache_reset().';

CREATE FUNCTION govreport_cache_reset() RETURNS void
	AS 'MODULE_PATHNAME', 'gr_pg_cache_reset_fn'
	LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION govreport_cache_reset() IS
'Empties the parse cache of this backend and sets the counters of govreport_stats() to zero. Results never depend on the cache; this serves measurements and tests.';
-- ---- end of issue 11, part 1 ----

-- ==== glue (issue 9, parts 3 and 6): encodings and the trigger ====
-- govreport--0.1.0.sql became ASCII only, so that a database of any
-- encoding reads it and gets to its encoding check; the Chinese comments it
-- used to set are set here, so that every installation ends as before.
COMMENT ON FUNCTION parse_report(text) IS
'Parses the text of a 政府信息公开工作年度报告 (plain text from a web page, PDF or Word file) into a govreport value; a text that is not a report gives a value whose fields are all NULL.';
COMMENT ON FUNCTION report_sections(text) IS
'The sections of a report as rows: ord 0 is the text before section 一 (key preamble), ord 1..6 the sections s1_overview to s6_other with the heading as printed, the body and the heading''s line number; a missing section has no row.';
-- The trigger takes an optional rule-set version as its last argument and
-- warns once per row.
COMMENT ON FUNCTION report_validate_trigger() IS
'BEFORE INSERT OR UPDATE row trigger; arguments: the text column, the mode: ''reject'' (error 23514 on error findings), ''warn'' (one WARNING per row with findings: their number and the first error; row kept) or ''record'' followed by a jsonb column that receives the findings (row kept); then, optionally, the rule-set version to pin (as in report_is_valid(body, 1)).  Generated columns are refused.';
-- ==== end of glue (issue 9) ====

-- ---- issue 10, part 5: SQL for analysts ----
-- Severities sort in severity order: an enum, info < warning < error, so
-- that ORDER BY severity DESC lists errors first, max(severity) is the
-- worst finding of a report and severity >= 'warning' keeps warnings and
-- errors.  Comparisons with a quoted literal (severity = 'error') read as
-- before; severity::text gives the text of 0.3.0.
CREATE TYPE govreport_severity AS ENUM ('info', 'warning', 'error');
COMMENT ON TYPE govreport_severity IS
'The severity of a finding or a rule: info < warning < error, so that ORDER BY severity DESC puts errors first and max(severity) is the worst.';

-- report_cells gains state, ord and the Chinese labels of the cell's row
-- and column, after the columns of 0.2.0 (a column alias list over
-- report_cells(...) WITH ORDINALITY must now name them).
DROP FUNCTION report_cells(text);
CREATE FUNCTION report_cells(report text,
	OUT key text, OUT value numeric, OUT raw text, OUT unit text, OUT derived boolean, OUT line integer,
	OUT state text, OUT ord integer, OUT row_label text, OUT col_label text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_cells'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5000 ROWS 220;
COMMENT ON FUNCTION report_cells(text) IS
'Every cell of the report''s tables as rows, in format order: the cells of its edition (blank ones included, value NULL) and any cell of the other edition it prints; value is NULL unless a number was read with certainty, raw is the text as written, unit the unit written in the cell, line the input line; state says how the cell was read (number, blank, dash, text, unplaced, absent, derived, by_sum, by_text), ord is the key''s place in the format (table, row, column; the same as in report_keys), row_label and col_label are the official Chinese labels of the report''s edition.';

DROP FUNCTION report_keys();
CREATE FUNCTION report_keys(
	OUT key text, OUT tab text, OUT row_key text, OUT col_key text,
	OUT gb2019 boolean, OUT gb2021 boolean, OUT derived boolean,
	OUT ord integer, OUT row_label text, OUT col_label text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_keys'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 300;
COMMENT ON FUNCTION report_keys() IS
'Every cell key govreport knows, in format order: its table (t2, t3, t4), row and column, the editions whose format has it, whether it is derived (computed, not printed) in some edition, its place in the format (ord, as in report_cells) and the official Chinese labels of its row and column (those of the newest edition that has the key).';

DROP FUNCTION report_check(text, integer);
CREATE FUNCTION report_check(report text, ruleset integer DEFAULT 0,
	OUT rule text, OUT severity govreport_severity, OUT message text, OUT cells text[],
	OUT expected numeric, OUT actual numeric, OUT line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_check'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 8000 ROWS 10;
COMMENT ON FUNCTION report_check(text, integer) IS
'Every finding on a report: broken balance rules (one row per rule and column, with the cells, the value the parts give as expected and the value the report states as actual), missing tables, rows and sections, blank cells, narrative contradicting the tables, hints, and what the parser could not read; rule ids as in the format spec (R-T3-01, R-GEN-02, ...); messages in Chinese; severity sorts info < warning < error.';

DROP FUNCTION report_check_pair(text, text, integer);
CREATE FUNCTION report_check_pair(prev text, cur text, ruleset integer DEFAULT 0,
	OUT rule text, OUT severity govreport_severity, OUT message text, OUT cells text[],
	OUT expected numeric, OUT actual numeric, OUT line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_check_pair'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 16000 ROWS 4;
COMMENT ON FUNCTION report_check_pair(text, text, integer) IS
'The rules across two years of one body, last year''s report first: R-T3-08 (this year''s 上年结转 equals last year''s 结转下年度, per column), R-T2-03 and R-T2-04 (现行有效件数 continues); findings are about the second report.';

-- one row per rule id (R-X-02 and R-GEN-01 were two rows each in 0.3.0)
DROP FUNCTION report_rules();
CREATE FUNCTION report_rules(
	OUT rule text, OUT severity govreport_severity, OUT editions text[], OUT since_ruleset integer,
	OUT until_ruleset integer, OUT description text, OUT severities govreport_severity[])
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_rules'
	LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 50;
COMMENT ON FUNCTION report_rules() IS
'Every rule govreport checks, once: its id, the most severe severity its findings can have (severities lists each one, most severe first: R-X-02 is a warning for a heading in other words and an error for a missing section), the editions it applies to, the rule-set versions that have it (until_ruleset NULL while current) and what it asks, in Chinese.';

-- The library's version can change under an installed extension (a new
-- .so before ALTER EXTENSION UPDATE), so the function is STABLE, never
-- folded into an index or a stored plan.
CREATE FUNCTION govreport_version() RETURNS text
	AS 'MODULE_PATHNAME', 'gr_version'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION govreport_version() IS
'The version of the govreport library that is loaded (GR_VERSION); pg_extension.extversion is the version of the installed SQL, the same once ALTER EXTENSION govreport UPDATE has run.';

CREATE FUNCTION report_summary(report text, ruleset integer DEFAULT 0,
	OUT org text, OUT year integer, OUT edition text,
	OUT new_received numeric, OUT carried_in numeric, OUT results_total numeric, OUT carried_out numeric,
	OUT granted numeric, OUT review_total numeric, OUT suit_total numeric,
	OUT errors integer, OUT warnings integer, OUT first_error text)
	RETURNS record
	AS 'MODULE_PATHNAME', 'gr_report_summary'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 8000;
COMMENT ON FUNCTION report_summary(text, integer) IS
'A report in one row: org, year, edition; the 总计 of 表三''s 一、本年新收 (new_received), 二、上年结转 (carried_in), （七）总计 (results_total), 四、结转下年度 (carried_out) and （一）予以公开 (granted); 表四''s 行政复议 and 行政诉讼 totals (review_total, suit_total); the numbers of error and warning findings, and the first error as report_invalid_reason gives it.';
-- ---- end of issue 10, part 5 ----

-- ---- issue 10, part 4: the review sheet ----
-- One self-contained HTML page per report (inline CSS, no script, nothing
-- loaded from elsewhere): the header, the sections, tables 2 to 4 drawn as
-- the report's edition prints them, every cell with its value and state,
-- the cells each finding names highlighted (data-key, data-rules), the
-- findings listed under the tables.  The rule-set version is that of
-- report_check.
CREATE FUNCTION report_html(report text, ruleset integer DEFAULT 0) RETURNS text
	AS 'MODULE_PATHNAME', 'gr_report_html'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10000;
COMMENT ON FUNCTION report_html(text, integer) IS
'The review sheet of a report as one self-contained HTML page (UTF-8, inline CSS, no script): title, org, year, edition and dates; the sections found and missing; tables 2, 3 and 4 laid out as the edition prints them, blank cells as empty boxes, derived and unplaced cells marked; every cell named by a finding of report_check(report, ruleset) highlighted, with data-key and data-rules attributes and the messages in its title; the findings listed under the tables with their cells and lines.';
-- ---- end of issue 10, part 4 ----
