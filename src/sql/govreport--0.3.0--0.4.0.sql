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
