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
