/*
 * gr_pg_report.c — parse_report() and report_sections().
 *
 * parse_report fills the composite type govreport by attribute name, not
 * by position: a library newer than the installed SQL (between installing
 * the files and ALTER EXTENSION UPDATE) fills the attributes the type has.
 * The table attributes are composites whose field names are the parts of
 * the cell keys (requests.new_received.total is t3.new_received.total), so
 * how to fill each field is worked out from the types and the key list
 * once per backend (again when a type changes), and kept in fn_extra.
 * The composite built for a text is kept in the parse cache (gr_pg_cache.c) under the identifiers of the
 * types it was planned from, so that `(p).*`, which calls parse_report once
 * per field, builds it once.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

#include "gr_pg.h"

PG_FUNCTION_INFO_V1(gr_parse_report);
PG_FUNCTION_INFO_V1(gr_report_sections);

typedef enum fill_kind
{
	FILL_NONE = 0,
	FILL_ORG,
	FILL_YEAR,
	FILL_EDITION,
	FILL_MIXED,
	FILL_TITLE,
	FILL_PERIOD_START,
	FILL_PERIOD_END,
	FILL_PUBLISHED,
	FILL_PHONE,
	FILL_EMAIL,
	FILL_ADDRESS,
	FILL_TABLE_EDITION,			/* proactive.edition, requests.edition */
	FILL_CELL,
	FILL_COMPOSITE
} fill_kind;

/* How to fill one attribute. */
typedef struct fill
{
	fill_kind	kind;
	int			key;			/* FILL_CELL: index into gr_keydefs() */
	gr_table	table;			/* FILL_TABLE_EDITION */
	TupleDesc	desc;			/* FILL_COMPOSITE: blessed descriptor */
	struct fill *sub;			/* FILL_COMPOSITE: one per attribute of desc */
	uint64	   *shape;			/* top level: (type, typcache identifier) of each composite */
	int			nshape;
} fill;

/*
 * The shape of the plan being made: every composite type it was planned
 * from, with the identifier the type cache gives its current layout.  Two
 * plans with the same shape build the same composite from the same report.
 */
static struct
{
	uint64	   *ids;
	int			n;
	int			cap;
}			plan_shape;

static void
plan_shape_add(Oid typid)
{
	TypeCacheEntry *tce = lookup_type_cache(typid, TYPECACHE_TUPDESC);

	if (plan_shape.n + 2 > plan_shape.cap)
	{
		plan_shape.cap = plan_shape.cap * 2 + 64;
		plan_shape.ids = repalloc(plan_shape.ids, sizeof(uint64) * plan_shape.cap);
	}
	plan_shape.ids[plan_shape.n++] = typid;
	plan_shape.ids[plan_shape.n++] = tce->tupDesc_identifier;
}

static const struct
{
	const char *name;
	fill_kind	kind;
}			meta_fields[] =
{
	{"org", FILL_ORG},
	{"year", FILL_YEAR},
	{"edition", FILL_EDITION},
	{"edition_mixed", FILL_MIXED},
	{"title", FILL_TITLE},
	{"period_start", FILL_PERIOD_START},
	{"period_end", FILL_PERIOD_END},
	{"published", FILL_PUBLISHED},
	{"phone", FILL_PHONE},
	{"email", FILL_EMAIL},
	{"address", FILL_ADDRESS},
};

/* The attributes of govreport that hold a table, with their key prefix. */
static const struct
{
	const char *name;
	const char *prefix;
	gr_table	table;
}			table_fields[] =
{
	{"proactive", "t2", GR_T2},
	{"requests", "t3", GR_T3},
	{"review_litigation", "t4", GR_T4},
};

static void plan_composite(fill *f, Oid typid, const char *prefix, int table, MemoryContext mcxt);

/*
 * Work out how to fill attribute att.  prefix is the key so far ("t3",
 * "t3.new_received") inside a table, NULL at the top level and in contact.
 */
static void
plan_field(fill *f, Form_pg_attribute att, const char *prefix, int table, MemoryContext mcxt)
{
	const char *name = NameStr(att->attname);

	memset(f, 0, sizeof(*f));
	if (att->attisdropped)
		return;
	if (prefix == NULL)
	{
		for (size_t i = 0; i < lengthof(meta_fields); i++)
			if (strcmp(name, meta_fields[i].name) == 0)
			{
				f->kind = meta_fields[i].kind;
				return;
			}
		for (size_t i = 0; i < lengthof(table_fields); i++)
			if (strcmp(name, table_fields[i].name) == 0 && type_is_rowtype(att->atttypid))
			{
				plan_composite(f, att->atttypid, table_fields[i].prefix, table_fields[i].table, mcxt);
				return;
			}
		if (strcmp(name, "contact") == 0 && type_is_rowtype(att->atttypid))
			plan_composite(f, att->atttypid, NULL, -1, mcxt);
		return;
	}
	if (type_is_rowtype(att->atttypid))
	{
		char	   *sub = psprintf("%s.%s", prefix, name);

		plan_composite(f, att->atttypid, sub, table, mcxt);
		pfree(sub);
		return;
	}
	if (strcmp(name, "edition") == 0 && strchr(prefix, '.') == NULL)
	{
		f->kind = FILL_TABLE_EDITION;
		f->table = (gr_table) table;
		return;
	}
	{
		char	   *key = psprintf("%s.%s", prefix, name);

		f->key = gr_key_find(key, strlen(key));
		f->kind = f->key >= 0 ? FILL_CELL : FILL_NONE;
		pfree(key);
	}
}

static void
plan_composite(fill *f, Oid typid, const char *prefix, int table, MemoryContext mcxt)
{
	MemoryContext old = MemoryContextSwitchTo(mcxt);
	TupleDesc	desc;

	plan_shape_add(typid);		/* before the copy: nothing can change the type in between */
	desc = lookup_rowtype_tupdesc_copy(typid, -1);

	f->kind = FILL_COMPOSITE;
	f->desc = BlessTupleDesc(desc);
	f->sub = palloc0(sizeof(fill) * desc->natts);
	for (int i = 0; i < desc->natts; i++)
		plan_field(&f->sub[i], TupleDescAttr(desc, i), prefix, table, mcxt);
	MemoryContextSwitchTo(old);
}

static Datum fill_value(const fill *f, const gr_report *rep, bool *isnull);

/*
 * The fields of a composite are gathered on the stack (the types have a
 * few dozen at most, and nest a few deep), not in two pallocs for each of
 * the fifty composites of a report; a wider type, were one made, gets them.
 */
#define FILL_STACK_ATTS 64

/* The fields of f's type, filled; true when any is not NULL. */
static bool
fill_fields(const fill *f, const gr_report *rep, Datum *values, bool *nulls)
{
	bool		any = false;

	for (int i = 0; i < f->desc->natts; i++)
	{
		values[i] = fill_value(&f->sub[i], rep, &nulls[i]);
		any |= !nulls[i];
	}
	return any;
}

/* The composite of f, as a heap tuple datum; NULL (*isnull) when every field is, unless always. */
static Datum
fill_tuple(const fill *f, const gr_report *rep, bool always, bool *isnull)
{
	int			natts = f->desc->natts;
	Datum		vstack[FILL_STACK_ATTS];
	bool		nstack[FILL_STACK_ATTS];
	Datum	   *values = natts <= FILL_STACK_ATTS ? vstack : palloc(sizeof(Datum) * natts);
	bool	   *nulls = natts <= FILL_STACK_ATTS ? nstack : palloc(sizeof(bool) * natts);
	bool		any = fill_fields(f, rep, values, nulls);

	/* a composite with nothing in it is NULL (contact, an absent table) */
	*isnull = !any && !always;
	if (*isnull)
		return (Datum) 0;
	return HeapTupleGetDatum(heap_form_tuple(f->desc, values, nulls));
}

static Datum
fill_value(const fill *f, const gr_report *rep, bool *isnull)
{
	*isnull = true;
	if (!rep->is_report && f->kind != FILL_COMPOSITE)
		return (Datum) 0;
	switch (f->kind)
	{
		case FILL_NONE:
			return (Datum) 0;
		case FILL_ORG:
			return grpg_text_datum(rep->org, isnull);
		case FILL_TITLE:
			return grpg_text_datum(rep->title, isnull);
		case FILL_YEAR:
			*isnull = rep->year == 0;
			return Int32GetDatum(rep->year);
		case FILL_EDITION:
			return grpg_cstring_text_datum(gr_edition_name(rep->edition), isnull);
		case FILL_MIXED:
			*isnull = rep->edition == GR_ED_UNKNOWN;
			return BoolGetDatum(rep->edition_mixed != 0);
		case FILL_PERIOD_START:
			return grpg_date_datum(rep->period_start, isnull);
		case FILL_PERIOD_END:
			return grpg_date_datum(rep->period_end, isnull);
		case FILL_PUBLISHED:
			return grpg_date_datum(rep->published, isnull);
		case FILL_PHONE:
			return grpg_text_datum(rep->phone, isnull);
		case FILL_EMAIL:
			return grpg_text_datum(rep->email, isnull);
		case FILL_ADDRESS:
			return grpg_text_datum(rep->address, isnull);
		case FILL_TABLE_EDITION:
			if (!(rep->tables_found & (1u << f->table)))
				return (Datum) 0;
			return grpg_cstring_text_datum(gr_edition_name(f->table == GR_T2 ? rep->edition_t2 :
														   rep->edition_t3), isnull);
		case FILL_CELL:
			return grpg_cell_value(&rep->cells[f->key], isnull);
		case FILL_COMPOSITE:
			return fill_tuple(f, rep, false, isnull);
	}
	return (Datum) 0;
}

/* The composite of a report, as the plan says (the cache's builder). */
static Datum
build_report(const gr_report *rep, void *arg)
{
	const fill *plan = (const fill *) arg;
	bool		isnull;

	/* the top level is a row even when every field is NULL */
	return fill_tuple(plan, rep, true, &isnull);
}

/*
 * Plans made in this backend, kept for its life: a new call site (every
 * statement, every expression index of a one-row INSERT) takes one whose
 * types are still as planned, instead of reading the catalogs for some
 * fifty composite types again.  A plan is never freed (a running query
 * may hold it); a type changed under one (ALTER EXTENSION UPDATE) means a
 * new plan, and past GR_PG_MAX_PLANS of them call sites plan for
 * themselves again, in their own memory, as before.
 */
#define GR_PG_MAX_PLANS 8
static fill *gr_pg_plans[GR_PG_MAX_PLANS];
static int	gr_pg_nplans = 0;

/* Are the types the plan was made from still the same? */
static bool
plan_current(const fill *plan, Oid typid)
{
	if (plan->nshape < 2 || plan->shape[0] != typid)
		return false;
	for (int i = 0; i + 1 < plan->nshape; i += 2)
		if (lookup_type_cache((Oid) plan->shape[i], TYPECACHE_TUPDESC)->tupDesc_identifier !=
			plan->shape[i + 1])
			return false;
	return true;
}

static fill *
plan_report(TupleDesc desc, MemoryContext mcxt)
{
	MemoryContext old = MemoryContextSwitchTo(mcxt);
	fill	   *plan = palloc0(sizeof(fill));

	plan->kind = FILL_COMPOSITE;
	plan_shape.cap = 64;
	plan_shape.n = 0;
	plan_shape.ids = palloc(sizeof(uint64) * plan_shape.cap);
	plan_shape_add(desc->tdtypeid);
	plan->desc = BlessTupleDesc(CreateTupleDescCopy(desc));
	plan->sub = palloc0(sizeof(fill) * plan->desc->natts);
	for (int i = 0; i < plan->desc->natts; i++)
		plan_field(&plan->sub[i], TupleDescAttr(plan->desc, i), NULL, -1, mcxt);
	plan->shape = plan_shape.ids;
	plan->nshape = plan_shape.n;
	plan_shape.ids = NULL;
	MemoryContextSwitchTo(old);
	return plan;
}

Datum
gr_parse_report(PG_FUNCTION_ARGS)
{
	Datum		body = PG_GETARG_DATUM(0);
	fill	   *plan = (fill *) fcinfo->flinfo->fn_extra;

	if (plan == NULL)
	{
		TupleDesc	desc;

		if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("parse_report must be called in a context that accepts type govreport"),
					 errhint("Install the function through CREATE EXTENSION govreport.")));
		for (int i = gr_pg_nplans - 1; i >= 0 && plan == NULL; i--)
			if (plan_current(gr_pg_plans[i], desc->tdtypeid))
				plan = gr_pg_plans[i];
		if (plan == NULL && gr_pg_nplans < GR_PG_MAX_PLANS)
		{
			plan = plan_report(desc, TopMemoryContext);
			gr_pg_plans[gr_pg_nplans++] = plan;
		}
		else if (plan == NULL)
			plan = plan_report(desc, fcinfo->flinfo->fn_mcxt);
		fcinfo->flinfo->fn_extra = plan;
	}

	PG_RETURN_DATUM(gr_pg_cache_result(body, plan->shape, plan->nshape, build_report, plan));
}

Datum
gr_report_sections(PG_FUNCTION_ARGS)
{
	Datum		body = PG_GETARG_DATUM(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const gr_report *rep;

	grpg_srf_begin(fcinfo);
	rep = gr_pg_cache_parse(body);
	if (!rep->is_report)
		return (Datum) 0;

	for (int i = 0; i < rep->nsections; i++)
	{
		const gr_section *s = &rep->sections[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = Int32GetDatum((int32) s->key);
		values[1] = grpg_cstring_text_datum(gr_section_key_name(s->key), &nulls[1]);
		values[2] = grpg_text_datum(s->heading, &nulls[2]);
		values[3] = PointerGetDatum(grpg_text(s->body));
		values[4] = Int32GetDatum(s->line);
		nulls[4] = s->line == 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
