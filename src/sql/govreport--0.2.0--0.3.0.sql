-- govreport--0.2.0--0.3.0.sql: the rules.  report_check lists every broken
-- balance and structure rule (rule ids of the format spec: R-T3-01 ...),
-- report_is_valid and report_invalid_reason serve CHECK constraints and
-- partial indexes, report_check_pair checks two years of one body, and
-- report_validate_trigger validates rows as they are written.
--
-- The rule set is versioned (govreport_ruleset()).  The functions take the
-- version as their last argument; 0, the default, means the rule set of
-- the installed library.  A CHECK constraint or an index that must keep
-- its meaning across upgrades names the version: report_is_valid(body, 1).

\echo Use "ALTER EXTENSION govreport UPDATE TO '0.3.0'" to load this file. \quit

CREATE FUNCTION govreport_ruleset() RETURNS integer
	AS 'MODULE_PATHNAME', 'gr_ruleset_version'
	LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION govreport_ruleset() IS
'The version of the rule set of the installed library; report_check(body, n) and report_is_valid(body, n) evaluate the rules of an older version n.';

CREATE FUNCTION report_check(report text, ruleset integer DEFAULT 0,
	OUT rule text, OUT severity text, OUT message text, OUT cells text[],
	OUT expected numeric, OUT actual numeric, OUT line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_check'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 8000 ROWS 10;

COMMENT ON FUNCTION report_check(text, integer) IS
'Every finding on a report: broken balance rules (one row per rule and column, with the cells, the value the parts give as expected and the value the report states as actual), missing tables, rows and sections, blank cells, narrative contradicting the tables, hints, and what the parser could not read; rule ids as in the format spec (R-T3-01, R-GEN-02, ...); messages in Chinese.';

CREATE FUNCTION report_is_valid(report text, ruleset integer DEFAULT 0) RETURNS boolean
	AS 'MODULE_PATHNAME', 'gr_report_is_valid'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 8000;

COMMENT ON FUNCTION report_is_valid(text, integer) IS
'False exactly when report_check finds an error-severity finding; true or false for every text (a text that is not a report is not valid). Pin the rule set version in CHECK constraints: report_is_valid(body, 1).';

CREATE FUNCTION report_invalid_reason(report text, ruleset integer DEFAULT 0) RETURNS text
	AS 'MODULE_PATHNAME', 'gr_report_invalid_reason'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 8000;

COMMENT ON FUNCTION report_invalid_reason(text, integer) IS
'The first error finding on a report as one sentence (rule id, then the message), NULL when the report is valid.';

CREATE FUNCTION report_check_pair(prev text, cur text, ruleset integer DEFAULT 0,
	OUT rule text, OUT severity text, OUT message text, OUT cells text[],
	OUT expected numeric, OUT actual numeric, OUT line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_check_pair'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 16000 ROWS 4;

COMMENT ON FUNCTION report_check_pair(text, text, integer) IS
'The rules across two years of one body, last year''s report first: R-T3-08 (this year''s 上年结转 equals last year''s 结转下年度, per column), R-T2-03 and R-T2-04 (现行有效件数 continues); findings are about the second report.';

CREATE FUNCTION report_validate_trigger() RETURNS trigger
	AS 'MODULE_PATHNAME', 'gr_report_validate_trigger'
	LANGUAGE C;

COMMENT ON FUNCTION report_validate_trigger() IS
'BEFORE INSERT OR UPDATE row trigger; arguments: the text column, then the mode: ''reject'' (error 23514 on error findings), ''warn'' (each finding as a WARNING, row kept) or ''record'' with a jsonb column that receives the findings (row kept).';

CREATE FUNCTION report_rules(
	OUT rule text, OUT severity text, OUT editions text[], OUT since_ruleset integer,
	OUT until_ruleset integer, OUT description text)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_rules'
	LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 40;

COMMENT ON FUNCTION report_rules() IS
'Every rule govreport checks: its id, severity, the editions it applies to, the rule-set versions that have it (until_ruleset NULL while current) and what it asks, in Chinese.';
