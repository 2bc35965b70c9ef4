/*
 * gr_pg_core.c — the bridge between PostgreSQL and the core library.
 *
 * Lends the core an allocator (palloc in the current memory context, and
 * TopMemoryContext for the per-process folding cache), lets it see pending
 * interrupts, converts the database's text to UTF-8 once per call and the
 * results back, and maps core failures to SQLSTATEs.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"

#include "gr_pg.h"

PG_MODULE_MAGIC;

static void *
grpg_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size, MCXT_ALLOC_NO_OOM);
}

static void *
grpg_persist_alloc(size_t size)
{
	return MemoryContextAllocExtended(TopMemoryContext, size, MCXT_ALLOC_NO_OOM);
}

/*
 * The core never longjmps: it returns GR_EINTR when this says so, and the
 * caller then lets CHECK_FOR_INTERRUPTS() raise the cancel or terminate.
 */
static int
grpg_interrupted(void)
{
	return INTERRUPTS_PENDING_CONDITION();
}

static void
grpg_raise(const gr_error *err)
{
	int			code;
	const char *hint;

	switch (err->status)
	{
		case GR_EINTR:
			CHECK_FOR_INTERRUPTS();
			code = ERRCODE_QUERY_CANCELED;
			hint = "The parse was interrupted; run the statement again.";
			break;
		case GR_ENOMEM:
			code = ERRCODE_OUT_OF_MEMORY;
			hint = "Parse fewer or shorter reports at a time, or raise the memory available to the server.";
			break;
		case GR_EICU:
			code = ERRCODE_EXTERNAL_ROUTINE_EXCEPTION;
			hint = "govreport needs ICU with its transliteration data (Debian package libicu72 or later).";
			break;
		case GR_ETOOBIG:
			code = ERRCODE_PROGRAM_LIMIT_EXCEEDED;
			hint = "Split the text into one report per value.";
			break;
		default:
			code = ERRCODE_INTERNAL_ERROR;
			hint = "This is a bug in govreport; please report it with the input text.";
			break;
	}
	if (err->line > 0)
		ereport(ERROR,
				(errcode(code),
				 errmsg("%s", err->message),
				 errdetail("%s%sThe problem was met at line %d of the report.",
						   err->detail, err->detail[0] ? " " : "", err->line),
				 errhint("%s", hint)));
	ereport(ERROR,
			(errcode(code),
			 errmsg("%s", err->message),
			 err->detail[0] ? errdetail("%s", err->detail) : 0,
			 errhint("%s", hint)));
}

gr_report *
grpg_parse_text(text *body)
{
	const char *raw = VARDATA_ANY(body);
	int			rawlen = VARSIZE_ANY_EXHDR(body);
	const char *utf8;
	size_t		len;
	gr_env		env;
	gr_error	err;
	gr_report  *rep;

	/*
	 * Convert to UTF-8 once.  A SQL_ASCII database may hold any bytes: they
	 * go to the core as they are (PostgreSQL would reject them while
	 * "converting"), and the core replaces what is not UTF-8 by U+FFFD.
	 */
	if (GetDatabaseEncoding() == PG_SQL_ASCII || GetDatabaseEncoding() == PG_UTF8)
		utf8 = raw;
	else
		utf8 = (const char *) pg_do_encoding_conversion((unsigned char *) raw, rawlen,
														GetDatabaseEncoding(), PG_UTF8);
	len = (utf8 == raw) ? (size_t) rawlen : strlen(utf8);

	env.alloc = grpg_alloc;
	env.alloc_ctx = CurrentMemoryContext;
	env.persist_alloc = grpg_persist_alloc;
	env.interrupted = grpg_interrupted;
	if (gr_parse(&env, utf8, len, &rep, &err) != GR_OK)
		grpg_raise(&err);
	return rep;
}

static gr_env
grpg_env(void)
{
	gr_env		env;

	env.alloc = grpg_alloc;
	env.alloc_ctx = CurrentMemoryContext;
	env.persist_alloc = grpg_persist_alloc;
	env.interrupted = grpg_interrupted;
	return env;
}

/* Evaluate the rules of a rule-set version over a parsed report. */
void
grpg_check(gr_report *rep, int version)
{
	gr_env		env = grpg_env();
	gr_error	err;

	if (gr_check(&env, rep, version, &err) != GR_OK)
		grpg_raise(&err);
}

gr_report *
grpg_check_pair(const gr_report *prev, const gr_report *cur, int version)
{
	gr_env		env = grpg_env();
	gr_error	err;
	gr_report  *out;

	if (gr_check_pair(&env, prev, cur, version, &out, &err) != GR_OK)
		grpg_raise(&err);
	return out;
}

text *
grpg_text(gr_str s)
{
	char	   *conv;
	text	   *t;

	if (s.len == 0)
		return cstring_to_text_with_len("", 0);
	conv = pg_any_to_server(s.ptr, (int) s.len, PG_UTF8);
	if (conv == s.ptr)
		return cstring_to_text_with_len(s.ptr, (int) s.len);
	t = cstring_to_text(conv);
	pfree(conv);
	return t;
}

Datum
grpg_text_datum(gr_str s, bool *isnull)
{
	*isnull = (s.len == 0);
	return *isnull ? (Datum) 0 : PointerGetDatum(grpg_text(s));
}

Datum
grpg_cstring_text_datum(const char *s, bool *isnull)
{
	gr_str		g;

	*isnull = (s == NULL);
	if (s == NULL)
		return (Datum) 0;
	g.ptr = s;
	g.len = (uint32_t) strlen(s);
	return PointerGetDatum(grpg_text(g));
}

Datum
grpg_date_datum(gr_date d, bool *isnull)
{
	*isnull = (d.year == 0);
	if (*isnull)
		return (Datum) 0;
	return DateADTGetDatum(date2j(d.year, d.month, d.day) - POSTGRES_EPOCH_JDATE);
}
