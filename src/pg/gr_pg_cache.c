/*
 * gr_pg_cache.c — one parse per row: a small per-backend cache of the last
 * parsed texts and of their findings per rule-set version, shared by every
 * SQL function and the trigger, and govreport_stats() to watch it.
 *
 * Why: one row is handed to govreport many times.  `(p).*` over a
 * subquery becomes one parse_report call per field; report_check,
 * report_is_valid and report_invalid_reason each want the findings; an
 * INSERT runs the trigger, then the CHECK constraint, then every
 * expression index on the same text.  Each of these now asks the cache
 * first, and only the first one parses.  parse_report's composite is kept
 * with the parse (gr_pg_cache_result), since `(p).*` would otherwise build
 * the same 281-cell value once per field.
 *
 * How it stays correct:
 *   - An entry is found only by its whole text: same length and the same
 *     bytes (memcmp), never by a hash alone, so it can never answer for
 *     another text.  The bytes are those of the datum, in the database
 *     encoding, which cannot change within a backend.
 *   - A text that comes compressed (in line, or from TOAST, fetched but not
 *     decompressed) is first looked for by its compressed bytes, header
 *     included (method, raw size): the same compressed bytes decompress
 *     to the same text, so this key never answers for another text either,
 *     and a field query or report_check + report_is_valid on a stored row
 *     decompresses the text once, not once per call.  An entry takes the
 *     compressed form of the first call that brought one.
 *   - Findings are kept per rule-set version (resolved, 1..current), each
 *     in a report of its own, so version 1 never answers for version 2.
 *   - Every entry lives in its own memory context under one cache context
 *     (child of TopMemoryContext).  An entry is built in a context that is
 *     linked in only when the parse or check has succeeded; if an error or
 *     an interrupt stops it half-way, that context is deleted at the next
 *     call and the cache never holds half a report.
 *   - The cache is static memory of this backend: each parallel worker has
 *     its own, starts empty and answers only for what it parsed itself.
 *   - Bounded: govreport.cache_entries entries (default 32, at most
 *     GR_PG_CACHE_MAX_ENTRIES; 0 turns the cache off) and GR_PG_CACHE_BYTES
 *     bytes.  A
 *     text longer than GR_PG_CACHE_MAX_TEXT is not copied and not kept, and
 *     neither is a parse that takes more than half the byte budget: those
 *     are parsed in the caller's memory, as without a cache.  32 entries,
 *     because COPY into a table without a row trigger buffers up to 64 kB
 *     of rows, checks them, and only then computes their index entries: the
 *     cache must outlast the buffer.
 *   - Emptied at the end of every transaction: an idle backend holds
 *     nothing, and an aborted parse is dropped at once.
 *   - What a lookup returns stays valid until the caller is done with it
 *     and one more lookup has been made (report_check_pair holds two): an
 *     eviction never frees the two entries used last.  The callers copy
 *     everything they hand to the executor (text, numeric, tuples, jsonb)
 *     out of the report, so no result points into cache memory.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/xact.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include "gr_pg.h"

/* Bounds of the cache, per backend. */
#define GR_PG_CACHE_MAX_ENTRIES 64
#define GR_PG_CACHE_BYTES ((Size) 32 * 1024 * 1024)
#define GR_PG_CACHE_MAX_ENTRY (GR_PG_CACHE_BYTES / 2)
#define GR_PG_CACHE_MAX_TEXT ((Size) 1024 * 1024)

/* One cached text: its bytes, its parse, its findings per rule-set version. */
typedef struct gr_pg_entry
{
	MemoryContext mcxt;			/* everything below; deleted with the entry */
	const char *bytes;			/* the text as given (database encoding): the key */
	Size		len;
	struct varlena *ckey;		/* the text as stored compressed, when it came so: a
								 * second key (NULL: none yet) */
	gr_report  *rep;			/* the parse; findings are the parser's only */
	gr_report  *checked[GR_RULESET_VERSION + 1];	/* by version, NULL until checked */
	/* parse_report's composite, with the layout of the type it was built for */
	Datum		result;			/* 0 until built */
	uint64	   *result_shape;
	int			result_nshape;
	Size		size;			/* bytes allocated by mcxt and its children */
} gr_pg_entry;

typedef struct gr_pg_counters
{
	int64		hits;			/* lookups answered from the cache */
	int64		misses;			/* lookups that had to parse */
	int64		parses;			/* parses completed */
	int64		checks;			/* rule evaluations run */
	int64		check_hits;		/* findings answered from the cache */
	int64		result_hits;	/* composites answered from the cache */
	int64		uncached;		/* parses too large to keep */
	int64		evictions;		/* entries dropped to stay within the bounds */
} gr_pg_counters;

static MemoryContext gr_pg_cache_mcxt = NULL;

/* Most recently used first. */
static gr_pg_entry gr_pg_entries[GR_PG_CACHE_MAX_ENTRIES];

/* govreport.cache_entries: how many texts to keep; 0 parses every call anew */
static int	gr_pg_cache_entries = 32;
static int	gr_pg_nentries = 0;
static Size gr_pg_bytes = 0;

/*
 * A parse or check under way.  Set before the core runs, cleared once the
 * result is linked into the cache; still set at the next call means the
 * last one was stopped by an error, and its memory is dropped.
 */
static MemoryContext gr_pg_building = NULL;

static gr_pg_counters gr_pg_stats;

static void gr_pg_cache_empty(void);

/* At the end of a transaction, committed or not, let go of everything. */
static void
gr_pg_cache_xact(XactEvent event, void *arg)
{
	switch (event)
	{
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_PARALLEL_ABORT:
		case XACT_EVENT_PREPARE:
			gr_pg_cache_empty();
			grpg_trim_at_end();
			break;
		default:
			break;
	}
}

static void
gr_pg_cache_setup(void)
{
	if (gr_pg_cache_mcxt == NULL)
	{
		gr_pg_cache_mcxt = AllocSetContextCreate(TopMemoryContext, "govreport cache",
												 ALLOCSET_SMALL_SIZES);
		RegisterXactCallback(gr_pg_cache_xact, NULL);
	}
	if (gr_pg_building != NULL)
	{
		MemoryContextDelete(gr_pg_building);
		gr_pg_building = NULL;
	}
}

static void
gr_pg_entry_drop(int i)
{
	gr_pg_bytes -= gr_pg_entries[i].size;
	MemoryContextDelete(gr_pg_entries[i].mcxt);
	memmove(&gr_pg_entries[i], &gr_pg_entries[i + 1],
			sizeof(gr_pg_entry) * (gr_pg_nentries - i - 1));
	gr_pg_nentries--;
}

/*
 * Keep within the bounds, least recently used first, but never the two
 * entries used last: the caller may still be reading them.
 */
static void
gr_pg_cache_trim(void)
{
	while (gr_pg_nentries > 2 &&
		   (gr_pg_nentries > gr_pg_cache_entries || gr_pg_bytes > GR_PG_CACHE_BYTES))
	{
		gr_pg_entry_drop(gr_pg_nentries - 1);
		gr_pg_stats.evictions++;
	}
}

/* Make entry i the most recently used; returns it, now at index 0. */
static gr_pg_entry *
gr_pg_entry_touch(int i)
{
	if (i > 0)
	{
		gr_pg_entry e = gr_pg_entries[i];

		memmove(&gr_pg_entries[1], &gr_pg_entries[0], sizeof(gr_pg_entry) * i);
		gr_pg_entries[0] = e;
	}
	return &gr_pg_entries[0];
}

static void
gr_pg_entry_resize(gr_pg_entry *e)
{
	Size		now = MemoryContextMemAllocated(e->mcxt, true);

	gr_pg_bytes += now - e->size;
	e->size = now;
}

/* The entry holding exactly these bytes, or -1. */
static int
gr_pg_cache_find(const char *bytes, Size len)
{
	for (int i = 0; i < gr_pg_nentries; i++)
		if (gr_pg_entries[i].len == len && memcmp(gr_pg_entries[i].bytes, bytes, len) == 0)
			return i;
	return -1;
}

/*
 * The compressed form of a text datum: itself when compressed in line, a
 * fetched copy (not decompressed) when compressed in TOAST, else NULL.
 */
static struct varlena *
gr_pg_compressed_form(Datum d)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(d);

	if (VARATT_IS_EXTERNAL_ONDISK(raw))
	{
		struct varatt_external toast_pointer;

		VARATT_EXTERNAL_GET_POINTER(toast_pointer, raw);
		return VARATT_EXTERNAL_IS_COMPRESSED(toast_pointer) ? detoast_external_attr(raw) : NULL;
	}
	return VARATT_IS_COMPRESSED(raw) ? raw : NULL;
}

/* The entry whose compressed key is exactly ckey, or -1. */
static int
gr_pg_cache_find_compressed(const struct varlena *ckey)
{
	Size		n = VARSIZE(ckey);

	for (int i = 0; i < gr_pg_nentries; i++)
		if (gr_pg_entries[i].ckey && VARSIZE(gr_pg_entries[i].ckey) == n &&
			memcmp(gr_pg_entries[i].ckey, ckey, n) == 0)
			return i;
	return -1;
}

/* Give an entry the compressed key it lacks (kept in its own memory). */
static void
gr_pg_entry_set_ckey(gr_pg_entry *e, const struct varlena *ckey)
{
	if (ckey == NULL || e->ckey != NULL)
		return;
	e->ckey = MemoryContextAlloc(e->mcxt, VARSIZE(ckey));
	memcpy(e->ckey, ckey, VARSIZE(ckey));
	gr_pg_entry_resize(e);
	gr_pg_cache_trim();			/* never the two entries used last: e is the first */
}

/*
 * Parse a copy of body in a context of its own and, unless it is too
 * large to keep, link it into the cache as the most recently used entry.
 * Returns the entry, or NULL and the report in *uncached.
 */
static gr_pg_entry *
gr_pg_cache_add(text *body, gr_report **uncached)
{
	const char *bytes = VARDATA_ANY(body);
	Size		len = VARSIZE_ANY_EXHDR(body);
	MemoryContext caller = CurrentMemoryContext;
	MemoryContext mcxt;
	text	   *copy;
	gr_report  *rep;
	gr_pg_entry *e;

	mcxt = AllocSetContextCreate(gr_pg_cache_mcxt, "govreport cache entry",
								 ALLOCSET_DEFAULT_SIZES);
	gr_pg_building = mcxt;
	MemoryContextSwitchTo(mcxt);
	/* the report points into its text: the cache keeps its own copy */
	copy = (text *) palloc(len + VARHDRSZ);
	SET_VARSIZE(copy, len + VARHDRSZ);
	memcpy(VARDATA(copy), bytes, len);
	rep = grpg_parse_text(copy);
	MemoryContextSwitchTo(caller);
	gr_pg_stats.parses++;

	if (MemoryContextMemAllocated(mcxt, true) > GR_PG_CACHE_MAX_ENTRY)
	{
		/* too large to keep: it lives and dies with the caller's memory */
		MemoryContextSetParent(mcxt, caller);
		gr_pg_building = NULL;
		gr_pg_stats.uncached++;
		*uncached = rep;
		return NULL;
	}

	if (gr_pg_nentries == GR_PG_CACHE_MAX_ENTRIES)
	{
		gr_pg_entry_drop(gr_pg_nentries - 1);
		gr_pg_stats.evictions++;
	}
	memmove(&gr_pg_entries[1], &gr_pg_entries[0], sizeof(gr_pg_entry) * gr_pg_nentries);
	gr_pg_nentries++;
	e = &gr_pg_entries[0];
	memset(e, 0, sizeof(*e));
	e->mcxt = mcxt;
	e->bytes = VARDATA(copy);
	e->len = len;
	e->rep = rep;
	gr_pg_entry_resize(e);
	gr_pg_building = NULL;
	gr_pg_cache_trim();
	return e;
}

/*
 * The entry of body (a text datum, maybe toasted), parsed now if need be.
 * NULL when the text is not kept; then *uncached is its report, in the
 * caller's memory.
 */
static gr_pg_entry *
gr_pg_cache_lookup(Datum d, gr_report **uncached)
{
	struct varlena *ckey;
	text	   *body;
	const char *bytes;
	Size		len;
	int			i;
	gr_pg_entry *e;

	gr_pg_cache_setup();
	*uncached = NULL;
	if (gr_pg_cache_entries == 0 && gr_pg_nentries > 0)
		gr_pg_cache_empty();	/* turned off within a transaction */
	ckey = gr_pg_cache_entries > 0 ? gr_pg_compressed_form(d) : NULL;
	if (ckey && (i = gr_pg_cache_find_compressed(ckey)) >= 0)
	{
		gr_pg_stats.hits++;
		return gr_pg_entry_touch(i);
	}
	body = (text *) pg_detoast_datum_packed(ckey ? ckey : (struct varlena *) DatumGetPointer(d));
	bytes = VARDATA_ANY(body);
	len = VARSIZE_ANY_EXHDR(body);
	i = gr_pg_cache_find(bytes, len);
	if (i >= 0)
	{
		gr_pg_stats.hits++;
		e = gr_pg_entry_touch(i);
		gr_pg_entry_set_ckey(e, ckey);
		return e;
	}
	gr_pg_stats.misses++;
	if (len > GR_PG_CACHE_MAX_TEXT || gr_pg_cache_entries == 0)
	{
		/* not worth a copy, or no cache: parse in the caller's memory, keep nothing */
		*uncached = grpg_parse_text(body);
		gr_pg_stats.parses++;
		gr_pg_stats.uncached++;
		return NULL;
	}
	e = gr_pg_cache_add(body, uncached);
	if (e)
		gr_pg_entry_set_ckey(e, ckey);
	return e;
}

const gr_report *
gr_pg_cache_parse(Datum body)
{
	gr_report  *uncached;
	gr_pg_entry *e = gr_pg_cache_lookup(body, &uncached);

	return e ? e->rep : uncached;
}

/*
 * A report with the findings of one rule-set version, made from a parse
 * without touching it: a shallow copy whose findings array is full, so
 * that the core's first finding allocates a new array (in the current
 * memory context) instead of writing after the parser's findings.
 */
static gr_report *
gr_pg_checked_copy(const gr_report *parsed, int version)
{
	gr_report  *rep = palloc(sizeof(gr_report));

	*rep = *parsed;				/* gr_check copies the findings before it adds any */
	grpg_check(rep, version);
	gr_pg_stats.checks++;
	return rep;
}

const gr_report *
gr_pg_cache_check(Datum body, int version)
{
	gr_report  *uncached;
	gr_pg_entry *e;
	MemoryContext caller = CurrentMemoryContext;
	MemoryContext mcxt;
	gr_report  *rep;

	if (version < 1 || version > GR_RULESET_VERSION)
		elog(ERROR, "rule set version %d was not resolved", version);
	e = gr_pg_cache_lookup(body, &uncached);
	if (e == NULL)
		return gr_pg_checked_copy(uncached, version);
	if (e->checked[version] != NULL)
	{
		gr_pg_stats.check_hits++;
		return e->checked[version];
	}

	/* built aside, linked to the entry only once the check has succeeded */
	mcxt = AllocSetContextCreate(gr_pg_cache_mcxt, "govreport cache findings",
								 ALLOCSET_SMALL_SIZES);
	gr_pg_building = mcxt;
	MemoryContextSwitchTo(mcxt);
	rep = gr_pg_checked_copy(e->rep, version);
	MemoryContextSwitchTo(caller);
	MemoryContextSetParent(mcxt, e->mcxt);
	gr_pg_building = NULL;
	e->checked[version] = rep;
	gr_pg_entry_resize(e);
	gr_pg_cache_trim();
	return rep;
}

/*
 * A result built from the report of body, such as parse_report's composite,
 * kept with the entry so that the same call on the same row gives it again
 * without building it: `(p).*` over a subquery calls parse_report once per
 * field.  shape names everything beside the text that the result depends
 * on (the layout of the composite type and of the types inside it, as
 * typcache identifiers) and is compared in full; a result of another shape
 * is built anew and replaces the one kept.  The result is a varlena (a
 * composite datum); the caller always gets a copy in its own memory.
 */
Datum
gr_pg_cache_result(Datum body, const uint64 *shape, int nshape,
				   Datum (*build) (const gr_report *rep, void *arg), void *arg)
{
	gr_report  *uncached;
	gr_pg_entry *e = gr_pg_cache_lookup(body, &uncached);
	Datum		d;
	Size		len;
	char	   *copy;
	uint64	   *shape_copy;

	if (e == NULL)
		return build(uncached, arg);
	if (e->result != (Datum) 0 && e->result_nshape == nshape &&
		memcmp(e->result_shape, shape, sizeof(uint64) * nshape) == 0)
	{
		gr_pg_stats.result_hits++;
		len = VARSIZE(DatumGetPointer(e->result));
		copy = palloc(len);
		memcpy(copy, DatumGetPointer(e->result), len);
		return PointerGetDatum(copy);
	}

	d = build(e->rep, arg);
	/* keep a copy; set the entry's fields only once both copies exist */
	len = VARSIZE(DatumGetPointer(d));
	copy = MemoryContextAlloc(e->mcxt, len);
	memcpy(copy, DatumGetPointer(d), len);
	shape_copy = MemoryContextAlloc(e->mcxt, sizeof(uint64) * Max(nshape, 1));
	memcpy(shape_copy, shape, sizeof(uint64) * nshape);
	if (e->result != (Datum) 0)
	{
		pfree(DatumGetPointer(e->result));
		pfree(e->result_shape);
	}
	e->result = PointerGetDatum(copy);
	e->result_shape = shape_copy;
	e->result_nshape = nshape;
	gr_pg_entry_resize(e);
	gr_pg_cache_trim();
	return d;
}

/* Drop every entry and whatever was being built. */
static void
gr_pg_cache_empty(void)
{
	if (gr_pg_building != NULL)
	{
		MemoryContextDelete(gr_pg_building);
		gr_pg_building = NULL;
	}
	while (gr_pg_nentries > 0)
		gr_pg_entry_drop(gr_pg_nentries - 1);
	gr_pg_bytes = 0;
}

/* Empty the cache and zero its counters. */
static void
gr_pg_cache_reset(void)
{
	gr_pg_cache_setup();
	gr_pg_cache_empty();
	memset(&gr_pg_stats, 0, sizeof(gr_pg_stats));
}

/*
 * Module load: the setting.  (The only _PG_init of the library; whatever
 * else needs one should be called from here.)
 */
void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomIntVariable("govreport.cache_entries",
							"How many parsed texts each backend keeps for the next call on the same text.",
							"0 turns the cache off: every call parses its text anew.",
							&gr_pg_cache_entries, 32, 0, GR_PG_CACHE_MAX_ENTRIES,
							PGC_USERSET, 0, NULL, NULL, NULL);
	MarkGUCPrefixReserved("govreport");
}

PG_FUNCTION_INFO_V1(gr_pg_stats_fn);
PG_FUNCTION_INFO_V1(gr_pg_cache_reset_fn);

/* govreport_stats(): the counters and the size of this backend's cache. */
Datum
gr_pg_stats_fn(PG_FUNCTION_ARGS)
{
	TupleDesc	desc;
	Datum		values[12];
	bool		nulls[12] = {false};

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("govreport_stats must be called in a context that accepts a record"),
				 errhint("Install the function through CREATE EXTENSION govreport.")));
	if (desc->natts != lengthof(values))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("govreport_stats is declared with %d columns, the library gives %d",
						desc->natts, (int) lengthof(values)),
				 errhint("Run ALTER EXTENSION govreport UPDATE.")));
	values[0] = Int64GetDatum(gr_pg_stats.parses);
	values[1] = Int64GetDatum(gr_pg_stats.hits);
	values[2] = Int64GetDatum(gr_pg_stats.misses);
	values[3] = Int64GetDatum(gr_pg_stats.checks);
	values[4] = Int64GetDatum(gr_pg_stats.check_hits);
	values[5] = Int64GetDatum(gr_pg_stats.result_hits);
	values[6] = Int64GetDatum(gr_pg_stats.uncached);
	values[7] = Int64GetDatum(gr_pg_stats.evictions);
	values[8] = Int32GetDatum(gr_pg_nentries);
	values[9] = Int64GetDatum((int64) gr_pg_bytes);
	values[10] = Int32GetDatum(gr_pg_cache_entries);
	values[11] = Int64GetDatum((int64) GR_PG_CACHE_BYTES);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), values, nulls)));
}

/* govreport_cache_reset(): an empty cache and zero counters, for tests and measurements. */
Datum
gr_pg_cache_reset_fn(PG_FUNCTION_ARGS)
{
	gr_pg_cache_reset();
	PG_RETURN_VOID();
}
