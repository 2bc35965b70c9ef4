/*
 * gr_pg_check.c — the rules in SQL: report_check(), report_check_pair(),
 * report_is_valid(), report_invalid_reason() and the validating trigger
 * report_validate_trigger().
 * Severities: see gr_pg_rules.c.
 */
#include "postgres.h"

#include <limits.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/rel.h"

#include "gr_pg.h"

PG_FUNCTION_INFO_V1(gr_report_check);
PG_FUNCTION_INFO_V1(gr_report_check_pair);
PG_FUNCTION_INFO_V1(gr_report_is_valid);
PG_FUNCTION_INFO_V1(gr_report_invalid_reason);
PG_FUNCTION_INFO_V1(gr_ruleset_version);
PG_FUNCTION_INFO_V1(gr_report_validate_trigger);

/* The rule-set version argument: 0 or absent means the current one. */
static int
ruleset_arg(FunctionCallInfo fcinfo, int argno)
{
	int			v;
	gr_error	err;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return GR_RULESET_VERSION;
	v = PG_GETARG_INT32(argno);
	if (gr_ruleset_resolve(&v, &err) != GR_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", gr_pg_srv(err.message)),
				 errdetail("This version of govreport knows rule set versions 1 to %d.", GR_RULESET_VERSION),
				 errhint("SELECT govreport_ruleset() gives the current version.")));
	return v;
}

int
gr_pg_ruleset_arg(FunctionCallInfo fcinfo, int argno)
{
	return ruleset_arg(fcinfo, argno);
}

/* Parse and check (or find both in the cache); the findings are in the returned report. */
static const gr_report *
checked(Datum body, int version)
{
	return gr_pg_cache_check(body, version);
}

/*
 * The cell keys as text, made at their first use and kept for the process
 * (TopMemoryContext): a finding names some eight cells, and construct_array
 * copies each element, so the same key need not be made again for every
 * finding of every report.  Keys are ASCII, the same in every encoding;
 * each is remade should the key list ever be another (gr_spec_use).
 */
static Datum
key_text(int key)
{
	static const char **made_from = NULL;
	static text **made = NULL;
	static int	nmade = 0;
	const char *k = gr_keydefs()[key].key;

	if (nmade != gr_nkeys())
	{
		nmade = gr_nkeys();
		made_from = MemoryContextAllocZero(TopMemoryContext, sizeof(char *) * (Size) nmade);
		made = MemoryContextAllocZero(TopMemoryContext, sizeof(text *) * (Size) nmade);
	}
	if (made_from[key] != k)
	{
		size_t		len = strlen(k);
		text	   *t = MemoryContextAlloc(TopMemoryContext, len + VARHDRSZ);

		SET_VARSIZE(t, len + VARHDRSZ);
		memcpy(VARDATA(t), k, len);
		made[key] = t;
		made_from[key] = k;
	}
	return PointerGetDatum(made[key]);
}

/*
 * A finding's cells as text[].  A rule names the same cells for the same
 * column in every report, so each list's array is made once and kept for
 * the process (TopMemoryContext), found again by its keys: the findings go
 * into a tuplestore, which copies them.  At most CELLS_KEPT lists are kept
 * (a few hundred occur); past that, or for another key list (gr_spec_use),
 * each array is made as before.
 */
#define CELLS_SLOTS 1024		/* a power of two */
#define CELLS_KEPT (CELLS_SLOTS / 2)

typedef struct cells_entry
{
	ArrayType  *arr;
	int			ncells;
	int			cells[FLEXIBLE_ARRAY_MEMBER];
} cells_entry;

static ArrayType *
cells_make(const gr_finding *f, MemoryContext mcxt)
{
	Datum		elems[GR_FINDING_MAX_CELLS];
	MemoryContext old = MemoryContextSwitchTo(mcxt);
	ArrayType  *arr;

	for (int i = 0; i < f->ncells; i++)
		elems[i] = key_text(f->cells[i]);
	arr = construct_array(elems, f->ncells, TEXTOID, -1, false, TYPALIGN_INT);
	MemoryContextSwitchTo(old);
	return arr;
}

static Datum
cells_array(const gr_finding *f, bool *isnull)
{
	static cells_entry **slots = NULL;
	static const gr_keydef *made_for = NULL;
	static int	nkept = 0;
	uint32		h = (uint32) f->ncells * 0x9E3779B1u;
	uint32		k;
	cells_entry *e;

	*isnull = false;
	if (f->ncells < 0 || f->ncells > GR_FINDING_MAX_CELLS)
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("finding of rule %s names %d cells", f->rule, f->ncells),
				 errdetail("A finding names at most %d cells.", GR_FINDING_MAX_CELLS),
				 errhint("The library was built from mismatched sources; rebuild and reinstall govreport.")));
	if (slots == NULL || made_for != gr_keydefs())
	{
		/* the old lists' arrays stay where they are: a tuplestore may not have copied them yet */
		slots = MemoryContextAllocZero(TopMemoryContext, sizeof(cells_entry *) * CELLS_SLOTS);
		made_for = gr_keydefs();
		nkept = 0;
	}
	for (int i = 0; i < f->ncells; i++)
		h = (h ^ (uint32) f->cells[i]) * 0x01000193u;
	for (k = h & (CELLS_SLOTS - 1); (e = slots[k]) != NULL; k = (k + 1) & (CELLS_SLOTS - 1))
		if (e->ncells == f->ncells && memcmp(e->cells, f->cells, sizeof(int) * (size_t) f->ncells) == 0)
			return PointerGetDatum(e->arr);
	if (nkept >= CELLS_KEPT)
		return PointerGetDatum(cells_make(f, CurrentMemoryContext));
	e = MemoryContextAlloc(TopMemoryContext, offsetof(cells_entry, cells) + sizeof(int) * (size_t) f->ncells);
	e->arr = cells_make(f, TopMemoryContext);
	e->ncells = f->ncells;
	memcpy(e->cells, f->cells, sizeof(int) * (size_t) f->ncells);
	slots[k] = e;
	nkept++;
	return PointerGetDatum(e->arr);
}

static Datum
num_datum(gr_num n, bool *isnull)
{
	gr_cell		c;

	memset(&c, 0, sizeof(c));
	if (!n.set)
	{
		*isnull = true;
		return (Datum) 0;
	}
	c.state = GR_CELL_NUMBER;
	c.mant = n.mant;
	c.scale = n.scale;
	return grpg_cell_value(&c, isnull);
}

static void
put_findings(ReturnSetInfo *rsinfo, const gr_report *rep)
{
	Oid			sevtype = TupleDescAttr(rsinfo->setDesc, 1)->atttypid;
	Datum		sevcache[GR_SEV_INFO + 1] = {0};

	for (int i = 0; i < rep->nfindings; i++)
	{
		const gr_finding *f = &rep->findings[i];
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};

		values[0] = CStringGetTextDatum(f->rule);
		values[1] = grpg_severity_datum(f->severity, sevtype, sevcache);
		values[2] = grpg_message_datum(f, &nulls[2]);
		values[3] = cells_array(f, &nulls[3]);
		values[4] = num_datum(f->expected, &nulls[4]);
		values[5] = num_datum(f->actual, &nulls[5]);
		values[6] = Int32GetDatum(f->line);
		nulls[6] = f->line == 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

Datum
gr_report_check(PG_FUNCTION_ARGS)
{
	Datum		body = PG_GETARG_DATUM(0);
	int			version = ruleset_arg(fcinfo, 1);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	grpg_srf_begin(fcinfo);
	put_findings(rsinfo, checked(body, version));
	return (Datum) 0;
}

Datum
gr_report_check_pair(PG_FUNCTION_ARGS)
{
	Datum		prev = PG_GETARG_DATUM(0);
	Datum		cur = PG_GETARG_DATUM(1);
	int			version = ruleset_arg(fcinfo, 2);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	grpg_srf_begin(fcinfo);
	{
		/* both from the cache, which keeps the first while it finds the second */
		const gr_report *p = gr_pg_cache_parse(prev);
		const gr_report *c = gr_pg_cache_parse(cur);

		put_findings(rsinfo, grpg_check_pair(p, c, version));
	}
	return (Datum) 0;
}

static const gr_finding *
first_error(const gr_report *rep)
{
	for (int i = 0; i < rep->nfindings; i++)
		if (rep->findings[i].severity == GR_SEV_ERROR)
			return &rep->findings[i];
	return NULL;
}

Datum
gr_report_is_valid(PG_FUNCTION_ARGS)
{
	Datum		body = PG_GETARG_DATUM(0);
	int			version = ruleset_arg(fcinfo, 1);

	PG_RETURN_BOOL(first_error(checked(body, version)) == NULL);
}

/* The first error as one sentence (rule id：message), NULL when there is none. */
text *
grpg_invalid_reason(const gr_report *rep)
{
	const gr_finding *f = first_error(rep);
	char	   *utf8;

	if (f == NULL)
		return NULL;
	/* composed in UTF-8 (the full-width colon too), converted once */
	utf8 = psprintf("%s：%.*s", f->rule, (int) f->message.len, f->message.ptr);
	return gr_pg_text_from_utf8(utf8, strlen(utf8));
}

/* report_summary() and report_invalid_reason() share it. */
int
grpg_ruleset_arg(FunctionCallInfo fcinfo, int argno)
{
	return ruleset_arg(fcinfo, argno);
}

Datum
gr_report_invalid_reason(PG_FUNCTION_ARGS)
{
	Datum		body = PG_GETARG_DATUM(0);
	int			version = ruleset_arg(fcinfo, 1);
	text	   *reason = grpg_invalid_reason(checked(body, version));

	if (reason == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(reason);
}

Datum
gr_ruleset_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(GR_RULESET_VERSION);
}

/* ---- the trigger ---- */

/*
 * report_validate_trigger(column, mode [, findings column] [, rule set]):
 * the findings column comes with 'record' and only with it; the rule-set
 * version, last and optional, pins what the trigger accepts as a CHECK's
 * report_is_valid(body, 1) is pinned.  The calls of 0.3.0 ('body',
 * 'reject'), ('body', 'warn'), ('body', 'record', 'findings') keep their
 * meaning: the current rule set.
 */
typedef enum gr_pg_trig_mode
{
	GR_PG_TRIG_REJECT,
	GR_PG_TRIG_WARN,
	GR_PG_TRIG_RECORD
} gr_pg_trig_mode;

typedef struct gr_pg_trig_args
{
	gr_pg_trig_mode mode;
	int			text_att;
	int			json_att;		/* 'record': the jsonb column; else 0 */
	int			version;		/* the rule set, resolved (never 0) */
} gr_pg_trig_args;

#define GR_PG_TRIG_USAGE \
	"Arguments: the text column; the mode, 'reject', 'warn', or 'record' followed by a jsonb column; " \
	"then, optionally, the rule-set version to pin, such as '1'."

/* A jsonb string (an object key, a value or an array element). */
static inline void
jbv_string(JsonbValue *v, const char *s, size_t len)
{
	v->type = jbvString;
	v->val.string.val = (char *) s;
	v->val.string.len = (int) len;
}

static inline void
jbv_numeric(JsonbValue *v, Datum num)
{
	v->type = jbvNumeric;
	v->val.numeric = DatumGetNumeric(num);
}

/*
 * The keys of a finding's object, in the order jsonb keeps an object's
 * keys (shorter first, then bytewise: lengthCompareJsonbStringValue), for
 * the objects are handed to convertToJsonb as they are, not sorted by
 * pushJsonbValue.  The regression tests compare the trigger's jsonb with
 * its own text read back by jsonb_in, which sorts, and look its keys up:
 * a key out of order fails them.
 */
enum
{
	JK_LINE, JK_RULE, JK_CELLS, JK_ACTUAL, JK_LIBRARY, JK_MESSAGE, JK_RULESET, JK_EXPECTED,
	JK_SEVERITY, JK_COUNT
};
static const char *const jb_keys[JK_COUNT] = {
	"line", "rule", "cells", "actual", "library", "message", "ruleset", "expected", "severity"
};

/* The next pair of an object, its key set; the caller sets its value. */
static inline JsonbValue *
jb_pair(JsonbPair *p, int *np, int key)
{
	JsonbPair  *pair = &p[(*np)++];

	jbv_string(&pair->key, jb_keys[key], strlen(jb_keys[key]));
	pair->order = (uint32) (*np - 1);
	return &pair->value;
}

/*
 * The findings as a jsonb array of objects: the tree of jsonb values that
 * jsonb_in would make of their JSON text, built in place and made into
 * jsonb at once (JsonbValueToJsonb), without writing and reading the text
 * and without pushJsonbValue's growing and sorting of every container.
 * Rules, severities and keys are ASCII, the same in every database
 * encoding; messages are converted.
 */
static Datum
gr_pg_findings_jsonb(const gr_report *rep, int version)
{
	int			n = rep->nfindings,
				ncells = 0;
	JsonbValue	top,
			   *objs,
			   *elems;
	JsonbPair  *pairs;
	bool		isnull;
	gr_cell		num;
	Datum		ruleset;

	for (int i = 0; i < n; i++)
		ncells += rep->findings[i].ncells;
	objs = palloc(sizeof(JsonbValue) * (size_t) Max(n, 1));
	pairs = palloc(sizeof(JsonbPair) * (size_t) JK_COUNT * (size_t) Max(n, 1));
	elems = palloc(sizeof(JsonbValue) * (size_t) Max(ncells, 1));
	memset(&num, 0, sizeof(num));
	num.state = GR_CELL_NUMBER;
	num.mant = version;
	ruleset = grpg_cell_value(&num, &isnull);

	for (int i = 0; i < n; i++)
	{
		const gr_finding *f = &rep->findings[i];
		JsonbPair  *p = pairs + (size_t) i * JK_COUNT;
		char	   *msg = f->message_own ? gr_pg_from_own_utf8(f->message.ptr, f->message.len) :
			gr_pg_from_utf8(f->message.ptr, f->message.len);
		const char *sev = gr_severity_name(f->severity);
		JsonbValue *v;
		int			np = 0;

		if (f->line)
		{
			num.mant = f->line;
			jbv_numeric(jb_pair(p, &np, JK_LINE), grpg_cell_value(&num, &isnull));
		}
		jbv_string(jb_pair(p, &np, JK_RULE), f->rule, strlen(f->rule));
		v = jb_pair(p, &np, JK_CELLS);
		v->type = jbvArray;
		v->val.array.nElems = f->ncells;
		v->val.array.elems = elems;
		v->val.array.rawScalar = false;
		for (int c = 0; c < f->ncells; c++)
		{
			const char *k = gr_keydefs()[f->cells[c]].key;

			jbv_string(elems++, k, strlen(k));
		}
		if (f->actual.set)
			jbv_numeric(jb_pair(p, &np, JK_ACTUAL), num_datum(f->actual, &isnull));
		/* which parser and which rules found it, for reading the row later */
		jbv_string(jb_pair(p, &np, JK_LIBRARY), GR_VERSION, strlen(GR_VERSION));
		jbv_string(jb_pair(p, &np, JK_MESSAGE), msg, strlen(msg));
		jbv_numeric(jb_pair(p, &np, JK_RULESET), ruleset);
		if (f->expected.set)
			jbv_numeric(jb_pair(p, &np, JK_EXPECTED), num_datum(f->expected, &isnull));
		jbv_string(jb_pair(p, &np, JK_SEVERITY), sev, strlen(sev));
		objs[i].type = jbvObject;
		objs[i].val.object.nPairs = np;
		objs[i].val.object.pairs = p;
	}
	top.type = jbvArray;
	top.val.array.nElems = n;
	top.val.array.elems = objs;
	top.val.array.rawScalar = false;
	return JsonbPGetDatum(JsonbValueToJsonb(&top));
}

/* BEFORE INSERT OR UPDATE FOR EACH ROW, called by the trigger manager. */
static TriggerData *
gr_pg_trig_data(FunctionCallInfo fcinfo)
{
	TriggerData *trig = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("report_validate_trigger() was not called by the trigger manager"),
				 errdetail("It is a trigger function, not a function to call in a query."),
				 errhint("%s", gr_pg_srv("Use it in CREATE TRIGGER … EXECUTE FUNCTION report_validate_trigger(…)."))));
	if (!TRIGGER_FIRED_BEFORE(trig->tg_event) || !TRIGGER_FIRED_FOR_ROW(trig->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(trig->tg_event) || TRIGGER_FIRED_BY_UPDATE(trig->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("report_validate_trigger() must be fired BEFORE INSERT OR UPDATE FOR EACH ROW"),
				 errdetail("Trigger \"%s\" is defined otherwise.", trig->tg_trigger->tgname),
				 errhint("%s", gr_pg_srv("CREATE TRIGGER … BEFORE INSERT OR UPDATE ON … FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject')."))));
	return trig;
}

/* The column an argument names; generated columns are refused (see below). */
static int
gr_pg_trig_column(TriggerData *trig, int argno, Oid *typid, char *generated)
{
	const char *name = trig->tg_trigger->tgargs[argno];
	TupleDesc	desc = RelationGetDescr(trig->tg_relation);
	int			attno = SPI_fnumber(desc, name);

	if (attno <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist", name,
						RelationGetRelationName(trig->tg_relation)),
				 errdetail("Trigger \"%s\" names it as an argument of report_validate_trigger().",
						   trig->tg_trigger->tgname),
				 errhint("Give the trigger the name of an existing column.")));
	*typid = TupleDescAttr(desc, attno - 1)->atttypid;
	*generated = TupleDescAttr(desc, attno - 1)->attgenerated;
	return attno;
}

static gr_pg_trig_mode
gr_pg_trig_mode_of(const Trigger *tg)
{
	const char *mode = tg->tgargs[1];

	if (strcmp(mode, "reject") == 0)
		return GR_PG_TRIG_REJECT;
	if (strcmp(mode, "warn") == 0)
		return GR_PG_TRIG_WARN;
	if (strcmp(mode, "record") == 0)
		return GR_PG_TRIG_RECORD;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown mode \"%s\" for report_validate_trigger()", mode),
			 errdetail("Trigger \"%s\" gives it as its second argument.", tg->tgname),
			 errhint("The mode is 'reject', 'warn' or 'record'.")));
	pg_unreachable();
}

/* The optional last argument: a rule-set version as the functions take it. */
static int
gr_pg_trig_version(const Trigger *tg, int argno)
{
	const char *arg;
	char	   *end;
	long		v;
	int			version;
	gr_error	err;

	if (argno >= tg->tgnargs)
		return GR_RULESET_VERSION;
	arg = tg->tgargs[argno];
	errno = 0;
	v = strtol(arg, &end, 10);
	if (arg[0] < '0' || arg[0] > '9' || *end != '\0' || errno != 0 || v > INT_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rule-set version \"%s\" of trigger \"%s\" is not a number", arg, tg->tgname),
				 errdetail("Argument %d of report_validate_trigger() is the rule-set version.", argno + 1),
				 errhint(GR_PG_TRIG_USAGE)));
	version = (int) v;
	if (gr_ruleset_resolve(&version, &err) != GR_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", gr_pg_srv(err.message)),
				 errdetail("Trigger \"%s\" pins rule set %s; this version of govreport knows rule sets 1 to %d.",
						   tg->tgname, arg, GR_RULESET_VERSION),
				 errhint("SELECT govreport_ruleset() gives the current version.")));
	return version;
}

/*
 * Generated columns are computed after BEFORE triggers: a generated text
 * column is still NULL when the trigger reads it (it would accept any
 * report), and findings written into a generated column would be
 * overwritten.  Both are refused rather than silently useless.
 */
static void
gr_pg_trig_refuse_generated(const Trigger *tg, const char *column, bool is_findings)
{
	if (!is_findings)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("report_validate_trigger() cannot validate generated column \"%s\"", column),
				 errdetail("A BEFORE trigger runs before generated columns are computed, so trigger \"%s\" would see NULL and accept any report.",
						   tg->tgname),
				 errhint("Validate the column the report is generated from, or add CHECK (report_is_valid(%s, 1)), which sees the generated value.",
						 quote_identifier(column))));
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("report_validate_trigger() cannot record findings in generated column \"%s\"", column),
			 errdetail("A generated column is computed after BEFORE triggers, so the findings trigger \"%s\" stored would be overwritten.",
					   tg->tgname),
			 errhint("%s", gr_pg_srv("Record the findings in an ordinary jsonb column: ALTER TABLE … ADD COLUMN findings jsonb."))));
}

/* Read and check every argument; nothing is spliced into SQL. */
static void
gr_pg_trig_args_read(TriggerData *trig, gr_pg_trig_args *a)
{
	Trigger    *tg = trig->tg_trigger;
	Oid			typid;
	char		generated;
	int			fixed;

	if (tg->tgnargs < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("report_validate_trigger() needs a column and a mode"),
				 errdetail("Trigger \"%s\" gives %d arguments.", tg->tgname, tg->tgnargs),
				 errhint(GR_PG_TRIG_USAGE)));
	a->mode = gr_pg_trig_mode_of(tg);
	fixed = (a->mode == GR_PG_TRIG_RECORD) ? 3 : 2;
	if (tg->tgnargs < fixed)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("mode 'record' needs a jsonb column for the findings"),
				 errdetail("Trigger \"%s\" gives no third argument.", tg->tgname),
				 errhint("report_validate_trigger('body', 'record', 'findings')")));
	if (tg->tgnargs > fixed + 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("report_validate_trigger() in mode '%s' takes at most %d arguments", tg->tgargs[1], fixed + 1),
				 errdetail("Trigger \"%s\" gives %d.", tg->tgname, tg->tgnargs),
				 errhint(GR_PG_TRIG_USAGE)));

	a->text_att = gr_pg_trig_column(trig, 0, &typid, &generated);
	if (typid != TEXTOID && typid != VARCHAROID && typid != BPCHAROID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" is of type %s, not text", tg->tgargs[0], format_type_be(typid)),
				 errdetail("Trigger \"%s\" validates it as a report.", tg->tgname),
				 errhint("Name a text column.")));
	if (generated)
		gr_pg_trig_refuse_generated(tg, tg->tgargs[0], false);

	a->json_att = 0;
	if (a->mode == GR_PG_TRIG_RECORD)
	{
		a->json_att = gr_pg_trig_column(trig, 2, &typid, &generated);
		if (typid != JSONBOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" is of type %s, not jsonb", tg->tgargs[2], format_type_be(typid)),
					 errdetail("Trigger \"%s\" records the findings in it.", tg->tgname),
					 errhint("%s", gr_pg_srv("ALTER TABLE … ADD COLUMN findings jsonb"))));
		if (generated)
			gr_pg_trig_refuse_generated(tg, tg->tgargs[2], true);
	}
	a->version = gr_pg_trig_version(tg, fixed);
}

/* How many findings of severity sev. */
int
grpg_count_findings(const gr_report *rep, gr_severity sev)
{
	int			n = 0;

	for (int i = 0; i < rep->nfindings; i++)
		n += rep->findings[i].severity == sev;
	return n;
}

static int
gr_pg_count_errors(const gr_report *rep)
{
	return grpg_count_findings(rep, GR_SEV_ERROR);
}

/* 'reject': an error finding stops the row with 23514, the errors in the DETAIL. */
static void
gr_pg_trig_reject(TriggerData *trig, const gr_pg_trig_args *a, const gr_report *rep)
{
	int			nerrors = gr_pg_count_errors(rep);
	const gr_finding *f = first_error(rep);
	StringInfoData detail;
	int			shown = 0;

	if (nerrors == 0)
		return;
	/* composed in UTF-8, the core's messages and the glue's "…" alike */
	initStringInfo(&detail);
	for (int i = 0; i < rep->nfindings && shown < 20; i++)
	{
		const gr_finding *g = &rep->findings[i];

		if (g->severity != GR_SEV_ERROR)
			continue;
		appendStringInfo(&detail, "%s%s", shown ? "\n" : "", g->rule);
		if (g->line)
			appendStringInfo(&detail, " (line %d)", g->line);
		appendStringInfo(&detail, ": %.*s", (int) g->message.len, g->message.ptr);
		shown++;
	}
	if (nerrors > shown)
		appendStringInfo(&detail, "\n… and %d more.", nerrors - shown);
	ereport(ERROR,
			(errcode(ERRCODE_CHECK_VIOLATION),
			 errmsg_plural("report violates rule %s (%d error finding)",
						   "report violates rule %s (%d error findings)", nerrors, f->rule, nerrors),
			 errdetail("%s", gr_pg_srv(detail.data)),
			 errhint("SELECT * FROM report_check(%s, %d) lists every finding with its cells and numbers.",
					 quote_identifier(trig->tg_trigger->tgargs[0]), a->version),
			 errtablecol(trig->tg_relation, a->text_att)));
}

/*
 * 'warn': one WARNING per row, however many findings (a busy table would
 * otherwise flood the log): how many, and the first error, else the first
 * finding.
 */
static void
gr_pg_trig_warn(TriggerData *trig, const gr_pg_trig_args *a, const gr_report *rep)
{
	int			n = rep->nfindings;
	int			nerrors = gr_pg_count_errors(rep);
	const gr_finding *f = first_error(rep);
	char	   *counts;
	char	   *message;

	if (n == 0)
		return;
	if (f == NULL)
		f = &rep->findings[0];
	counts = psprintf("%d %s, %d %s", n, n == 1 ? "finding" : "findings",
					  nerrors, nerrors == 1 ? "error" : "errors");
	message = gr_pg_from_utf8(f->message.ptr, f->message.len);
	ereport(WARNING,
			(errcode(nerrors ? ERRCODE_CHECK_VIOLATION : ERRCODE_WARNING),
			 errmsg("report has %s; first %s %s: %s", counts, nerrors ? "error" : "finding", f->rule, message),
			 f->line ? errdetail("The %s is about line %d of the report.", nerrors ? "error" : "finding", f->line) : 0,
			 errhint("SELECT * FROM report_check(%s, %d) lists every finding.",
					 quote_identifier(trig->tg_trigger->tgargs[0]), a->version),
			 errtablecol(trig->tg_relation, a->text_att)));
}

/* 'record': every row kept, its findings (NULL for a NULL report) in the jsonb column. */
static HeapTuple
gr_pg_trig_record(TriggerData *trig, const gr_pg_trig_args *a, HeapTuple tuple, const gr_report *rep)
{
	Datum		v[1] = {(Datum) 0};
	bool		n[1] = {rep == NULL};
	int			cols[1] = {a->json_att};

	if (rep != NULL)
		v[0] = gr_pg_findings_jsonb(rep, a->version);
	return heap_modify_tuple_by_cols(tuple, RelationGetDescr(trig->tg_relation), 1, cols, v, n);
}

Datum
gr_report_validate_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trig = gr_pg_trig_data(fcinfo);
	gr_pg_trig_args a;
	HeapTuple	tuple;
	bool		isnull;
	Datum		d;
	const gr_report *rep = NULL;

	gr_pg_trig_args_read(trig, &a);
	tuple = TRIGGER_FIRED_BY_UPDATE(trig->tg_event) ? trig->tg_newtuple : trig->tg_trigtuple;
	d = heap_getattr(tuple, a.text_att, RelationGetDescr(trig->tg_relation), &isnull);
	if (!isnull)				/* no report, nothing to find */
		rep = checked(d, a.version);

	switch (a.mode)
	{
		case GR_PG_TRIG_REJECT:
			if (rep)
				gr_pg_trig_reject(trig, &a, rep);
			break;
		case GR_PG_TRIG_WARN:
			if (rep)
				gr_pg_trig_warn(trig, &a, rep);
			break;
		case GR_PG_TRIG_RECORD:
			tuple = gr_pg_trig_record(trig, &a, tuple, rep);
			break;
	}
	return PointerGetDatum(tuple);
}
