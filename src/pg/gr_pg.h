/*
 * gr_pg.h — what the PostgreSQL glue files share: running the core on a
 * text datum, turning core strings and dates into datums, converting text
 * between the database encoding and the core's UTF-8, and raising core
 * failures as errors with a SQLSTATE.
 */
#ifndef GR_PG_H
#define GR_PG_H

#include "postgres.h"
#include "fmgr.h"
#include "utils/date.h"

#include "gr_core.h"
#include "gr_sheet.h"

/* Parse a text datum (in the database encoding); raises on failure. */
extern gr_report *grpg_parse_text(text *body);
/* Give back to the system what a large parse left freed (end of transaction). */
extern void grpg_trim_at_end(void);
extern void grpg_check(gr_report *rep, int version);
/* Set up a materialized SRF's tuplestore and descriptor (InitMaterializedSRF, cheaper). */
extern void grpg_srf_begin(FunctionCallInfo fcinfo);
extern gr_report *grpg_check_pair(const gr_report *prev, const gr_report *cur, int version);
extern gr_str grpg_sheet_html(const gr_report *rep, const gr_sheet_opts *opts);
/* The rule-set argument argno (absent, NULL or 0: the current set), resolved; raises if unknown. */
extern int	gr_pg_ruleset_arg(FunctionCallInfo fcinfo, int argno);

/* The findings, as the SQL functions sum them up (gr_pg_check.c). */
extern int	grpg_ruleset_arg(FunctionCallInfo fcinfo, int argno);	/* resolved, never 0 */
extern int	grpg_count_findings(const gr_report *rep, gr_severity sev);
extern text *grpg_invalid_reason(const gr_report *rep); /* NULL: no error */
/* A severity as text or as govreport_severity (typid); cache: GR_SEV_INFO + 1 zeroed datums. */
extern Datum grpg_severity_datum(gr_severity sev, Oid typid, Datum *cache);

/*
 * The per-backend cache of parsed texts (gr_pg_cache.c): every function
 * and the trigger get their report here, so that one text is parsed once.
 * The report returned stays valid while the calling function runs, across
 * one more lookup (two reports at once, for report_check_pair); copy out
 * whatever goes to the executor.  Never modify it.  body is the text
 * argument as the function got it (PG_GETARG_DATUM), still toasted: a text
 * stored compressed is found by its compressed bytes, without decompressing.
 */
extern const gr_report *gr_pg_cache_parse(Datum body);
/* … with the findings of a resolved rule-set version (1 to GR_RULESET_VERSION). */
extern const gr_report *gr_pg_cache_check(Datum body, int version);
/*
 * A varlena result built from body's report by build(), kept with body's
 * entry under shape (what else it depends on, compared in full); the
 * caller gets it in its own memory.
 */
extern Datum gr_pg_cache_result(Datum body, const uint64 *shape, int nshape,
								Datum (*build) (const gr_report *rep, void *arg), void *arg);

/* A core string (UTF-8) as text in the database encoding. */
extern text *grpg_text(gr_str s);
extern Datum grpg_text_datum(gr_str s, bool *isnull);
extern Datum grpg_message_datum(const gr_finding *f, bool *isnull);
extern Datum grpg_cstring_text_datum(const char *s, bool *isnull);
extern Datum grpg_date_datum(gr_date d, bool *isnull);
extern Datum grpg_cell_value(const gr_cell *c, bool *isnull);
extern Datum grpg_cell_value_copy(const gr_cell *c, bool *isnull);

/*
 * Encodings (gr_pg_encoding.c).  Never an error for a character: what the
 * database encoding cannot hold is replaced (a look-alike, else '?'), and
 * input that does not convert to UTF-8 becomes U+FFFD.
 */
extern const char *gr_pg_to_utf8(const char *s, size_t n, size_t *outlen);
extern char *gr_pg_from_utf8(const char *s, size_t n);
extern text *gr_pg_text_from_utf8(const char *s, size_t n);
extern char *gr_pg_from_own_utf8(const char *s, size_t n);
extern text *gr_pg_text_from_own_utf8(const char *s, size_t n);
extern char *gr_pg_srv(const char *utf8);
extern bool gr_pg_is_ascii(const char *s, size_t n);

#endif							/* GR_PG_H */
