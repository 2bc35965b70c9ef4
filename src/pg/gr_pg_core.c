/*
 * gr_pg_core.c — the bridge between PostgreSQL and the core library.
 *
 * Lends the core an allocator (palloc in the current memory context, and
 * TopMemoryContext for the per-process folding cache), lets it see pending
 * interrupts, converts the database's text to UTF-8 once per call and the
 * results back, and maps core failures to SQLSTATEs.
 */
#include "postgres.h"

#include <malloc.h>

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "gr_pg.h"

PG_MODULE_MAGIC;

/*
 * Huge allocations allowed: a report of a few hundred MB needs maps of
 * more than 1 GB, and beyond what the server can give the core gets NULL
 * and says "out of memory" (53200) instead of an internal error.
 */
static void *
grpg_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void *
grpg_persist_alloc(size_t size)
{
	return MemoryContextAllocExtended(TopMemoryContext, size, MCXT_ALLOC_NO_OOM);
}

/*
 * Interrupts.  The core polls env->interrupted() in its long loops, and it
 * must not be longjmp'd through (it holds libxml2 and ICU state), so
 * CHECK_FOR_INTERRUPTS() cannot be called from inside it as is.  Instead
 * the poll runs ProcessInterrupts() under PG_TRY: every interrupt that
 * does not end the statement (a ProcSignalBarrier from CREATE or DROP
 * DATABASE, pg_log_backend_memory_contexts(), a parallel worker's
 * messages, a client connection check) is served there and the parse goes
 * on; an error it raises (a cancel, a statement or lock timeout, a
 * recovery conflict, an error a parallel worker sent) is copied, the poll
 * says stop, and the glue re-raises that very error once the core has
 * returned.  A termination is FATAL: ProcessInterrupts exits the process
 * from where it is, as it would from CHECK_FOR_INTERRUPTS().
 */
static ErrorData *gr_pg_pending_error = NULL;

static void grpg_raise(const gr_error *err) pg_attribute_noreturn();

static int
gr_pg_interrupted(void)
{
	MemoryContext mcxt = CurrentMemoryContext;
	uint32		holdoff = InterruptHoldoffCount;
	uint32		cancel_holdoff = QueryCancelHoldoffCount;
	uint32		crit = CritSectionCount;

	if (gr_pg_pending_error != NULL)
		return 1;
	if (!INTERRUPTS_PENDING_CONDITION())
		return 0;
	PG_TRY();
	{
		ProcessInterrupts();
	}
	PG_CATCH();
	{
		/* errfinish() zeroed the holdoff counts for a handler; restore ours */
		InterruptHoldoffCount = holdoff;
		QueryCancelHoldoffCount = cancel_holdoff;
		CritSectionCount = crit;
		MemoryContextSwitchTo(mcxt);
		gr_pg_pending_error = CopyErrorData();
		FlushErrorState();
	}
	PG_END_TRY();
	return gr_pg_pending_error != NULL;
}

/* Before each call into the core: no error is waiting. */
static void
gr_pg_core_begin(void)
{
	gr_pg_pending_error = NULL;
}

/* After it: the interrupt's own error first, else the core's failure. */
static void
gr_pg_core_end(gr_status st, const gr_error *err)
{
	ErrorData  *pending = gr_pg_pending_error;

	gr_pg_pending_error = NULL;
	if (pending != NULL)
		ReThrowError(pending);
	if (st != GR_OK)
		grpg_raise(err);
}

/* A core failure as an error with its SQLSTATE; the core's texts are UTF-8. */
static void
grpg_raise(const gr_error *err)
{
	int			code;
	const char *hint;
	char	   *message = gr_pg_srv(err->message);
	char	   *detail = gr_pg_srv(err->detail);

	switch (err->status)
	{
		case GR_EINTR:
			/* the poll says stop only with an error pending: this is a bug */
			code = ERRCODE_INTERNAL_ERROR;
			hint = "This is a bug in govreport; please report it with the input text.";
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
				 errmsg("%s", message),
				 errdetail("%s%sThe problem was met at line %d of the report.",
						   detail, detail[0] ? " " : "", err->line),
				 errhint("%s", hint)));
	ereport(ERROR,
			(errcode(code),
			 errmsg("%s", message),
			 detail[0] ? errdetail("%s", detail) : 0,
			 errhint("%s", hint)));
}

/* What the core borrows: palloc in the current context, and the poll. */
static gr_env
grpg_env(void)
{
	gr_env		env;

	env.alloc = grpg_alloc;
	env.alloc_ctx = CurrentMemoryContext;
	env.persist_alloc = grpg_persist_alloc;
	env.interrupted = gr_pg_interrupted;
	return env;
}

/*
 * Above this many bytes of text, the process gives the memory it freed
 * back to the system after the parse: libxml2 builds a page's tree with
 * malloc, some twenty times the page, and the allocator would otherwise
 * keep it all (a 14 MB page left the backend 290 MB larger).
 */
#define GR_PG_TRIM_AFTER ((size_t) 1024 * 1024)

/* A large text was parsed in this transaction: trim again once its memory is freed. */
static bool grpg_trim_pending = false;

/* At the end of the transaction (the cache's callback), after the cache is emptied. */
void
grpg_trim_at_end(void)
{
	if (!grpg_trim_pending)
		return;
	grpg_trim_pending = false;
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

gr_report *
grpg_parse_text(text *body)
{
	size_t		len;
	const char *utf8 = gr_pg_to_utf8(VARDATA_ANY(body), VARSIZE_ANY_EXHDR(body), &len);
	gr_env		env = grpg_env();
	gr_error	err;
	gr_report  *rep = NULL;
	gr_status	st;

	gr_pg_core_begin();
	st = gr_parse(&env, utf8, len, &rep, &err);
	if (len > GR_PG_TRIM_AFTER)
	{
#ifdef __GLIBC__
		malloc_trim(0);			/* libxml2's tree, freed now */
#endif
		grpg_trim_pending = true;	/* the text, its copies and the parse, freed later */
	}
	gr_pg_core_end(st, &err);
	return rep;
}

/*
 * The tuplestore a materialized set-returning function fills, as
 * InitMaterializedSRF makes it, except that the result descriptor is
 * worked out from the catalogs once per call site (kept in fn_extra) and
 * only copied per call.  Looking it up per call cost time and left the
 * look-up's own allocations in the query's memory until the query ended,
 * some 0.5 kB per call.  The executor frees the copy after each call.
 */
void
grpg_srf_begin(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	desc = (TupleDesc) fcinfo->flinfo->fn_extra;
	MemoryContext old;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	if (!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("materialize mode required, but it is not allowed in this context")));
	if (desc == NULL)
	{
		old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		fcinfo->flinfo->fn_extra = desc;
		MemoryContextSwitchTo(old);
	}
	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = tuplestore_begin_heap((rsinfo->allowedModes & SFRM_Materialize_Random) != 0,
											  false, work_mem);
	rsinfo->setDesc = CreateTupleDescCopy(desc);
	MemoryContextSwitchTo(old);
}

/* Evaluate the rules of a rule-set version over a parsed report. */
void
grpg_check(gr_report *rep, int version)
{
	gr_env		env = grpg_env();
	gr_error	err;
	gr_status	st;

	gr_pg_core_begin();
	st = gr_check(&env, rep, version, &err);
	gr_pg_core_end(st, &err);
}

gr_report *
grpg_check_pair(const gr_report *prev, const gr_report *cur, int version)
{
	gr_env		env = grpg_env();
	gr_error	err;
	gr_report  *out = NULL;
	gr_status	st;

	gr_pg_core_begin();
	st = gr_check_pair(&env, prev, cur, version, &out, &err);
	gr_pg_core_end(st, &err);
	return out;
}

/* The review sheet of a parsed (and checked) report, as UTF-8 in the caller's memory. */
gr_str
grpg_sheet_html(const gr_report *rep, const gr_sheet_opts *opts)
{
	gr_env		env = grpg_env();
	gr_error	err;
	gr_str		page = {NULL, 0};
	gr_status	st;

	gr_pg_core_begin();
	st = gr_sheet_html(&env, rep, opts, &page, &err);
	gr_pg_core_end(st, &err);
	return page;
}

/* A core string (UTF-8) as text in the database encoding. */
text *
grpg_text(gr_str s)
{
	return gr_pg_text_from_utf8(s.ptr, s.len);
}

Datum
grpg_text_datum(gr_str s, bool *isnull)
{
	*isnull = (s.len == 0);
	return *isnull ? (Datum) 0 : PointerGetDatum(grpg_text(s));
}

/* A finding's message as text (NULL when empty); the core's own ones are not checked again. */
Datum
grpg_message_datum(const gr_finding *f, bool *isnull)
{
	*isnull = (f->message.len == 0);
	if (*isnull)
		return (Datum) 0;
	return PointerGetDatum(f->message_own ? gr_pg_text_from_own_utf8(f->message.ptr, f->message.len) :
						   grpg_text(f->message));
}

Datum
grpg_cstring_text_datum(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	if (s == NULL)
		return (Datum) 0;
	return PointerGetDatum(gr_pg_text_from_utf8(s, strlen(s)));
}

Datum
grpg_date_datum(gr_date d, bool *isnull)
{
	*isnull = (d.year == 0);
	if (*isnull)
		return (Datum) 0;
	return DateADTGetDatum(date2j(d.year, d.month, d.day) - POSTGRES_EPOCH_JDATE);
}
