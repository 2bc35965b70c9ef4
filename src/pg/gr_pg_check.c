/*
 * gr_pg_check.c — the rules in SQL: report_check(), report_check_pair(),
 * report_is_valid(), report_invalid_reason() and the validating trigger
 * report_validate_trigger().
 */
#include "postgres.h"

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
				 errmsg("%s", err.message),
				 errdetail("This version of govreport knows rule set versions 1 to %d.", GR_RULESET_VERSION),
				 errhint("SELECT govreport_ruleset() gives the current version.")));
	return v;
}

/* Parse and check (or find both in the cache); the findings are in the returned report. */
static const gr_report *
checked(text *body, int version)
{
	return gr_pg_cache_check(body, version);
}

static Datum
cells_array(const gr_finding *f, bool *isnull)
{
	Datum	   *elems;
	ArrayType  *arr;

	*isnull = false;
	elems = palloc(sizeof(Datum) * (f->ncells > 0 ? f->ncells : 1));
	for (int i = 0; i < f->ncells; i++)
		elems[i] = CStringGetTextDatum(gr_keydefs()[f->cells[i]].key);
	arr = construct_array(elems, f->ncells, TEXTOID, -1, false, TYPALIGN_INT);
	return PointerGetDatum(arr);
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
	for (int i = 0; i < rep->nfindings; i++)
	{
		const gr_finding *f = &rep->findings[i];
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};

		values[0] = CStringGetTextDatum(f->rule);
		values[1] = CStringGetTextDatum(gr_severity_name(f->severity));
		values[2] = grpg_text_datum(f->message, &nulls[2]);
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
	text	   *body = PG_GETARG_TEXT_PP(0);
	int			version = ruleset_arg(fcinfo, 1);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	put_findings(rsinfo, checked(body, version));
	return (Datum) 0;
}

Datum
gr_report_check_pair(PG_FUNCTION_ARGS)
{
	text	   *prev = PG_GETARG_TEXT_PP(0);
	text	   *cur = PG_GETARG_TEXT_PP(1);
	int			version = ruleset_arg(fcinfo, 2);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
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
	text	   *body = PG_GETARG_TEXT_PP(0);
	int			version = ruleset_arg(fcinfo, 1);

	PG_RETURN_BOOL(first_error(checked(body, version)) == NULL);
}

Datum
gr_report_invalid_reason(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	int			version = ruleset_arg(fcinfo, 1);
	const gr_finding *f = first_error(checked(body, version));

	if (f == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(psprintf("%s：%s", f->rule, text_to_cstring(grpg_text(f->message)))));
}

Datum
gr_ruleset_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(GR_RULESET_VERSION);
}

/* ---- the trigger ---- */

/* The findings as a jsonb array of objects. */
static Datum
findings_jsonb(const gr_report *rep)
{
	StringInfoData s;

	initStringInfo(&s);
	appendStringInfoChar(&s, '[');
	for (int i = 0; i < rep->nfindings; i++)
	{
		const gr_finding *f = &rep->findings[i];
		bool		isnull;

		if (i)
			appendStringInfoString(&s, ", ");
		appendStringInfoString(&s, "{\"rule\": ");
		escape_json(&s, f->rule);
		appendStringInfoString(&s, ", \"severity\": ");
		escape_json(&s, gr_severity_name(f->severity));
		appendStringInfoString(&s, ", \"message\": ");
		escape_json(&s, text_to_cstring(grpg_text(f->message)));
		appendStringInfoString(&s, ", \"cells\": [");
		for (int c = 0; c < f->ncells; c++)
		{
			if (c)
				appendStringInfoString(&s, ", ");
			escape_json(&s, gr_keydefs()[f->cells[c]].key);
		}
		appendStringInfoChar(&s, ']');
		if (f->expected.set)
			appendStringInfo(&s, ", \"expected\": %s",
							 DatumGetCString(DirectFunctionCall1(numeric_out, num_datum(f->expected, &isnull))));
		if (f->actual.set)
			appendStringInfo(&s, ", \"actual\": %s",
							 DatumGetCString(DirectFunctionCall1(numeric_out, num_datum(f->actual, &isnull))));
		if (f->line)
			appendStringInfo(&s, ", \"line\": %d", f->line);
		appendStringInfoChar(&s, '}');
	}
	appendStringInfoChar(&s, ']');
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(s.data));
}

static int
column_of(TriggerData *trig, const char *name, Oid *typid)
{
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
	return attno;
}

Datum
gr_report_validate_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trig = (TriggerData *) fcinfo->context;
	Trigger    *tg;
	HeapTuple	tuple;
	TupleDesc	desc;
	const char *mode;
	int			text_att,
				json_att = 0;
	Oid			typid;
	bool		isnull;
	Datum		d;
	const gr_report *rep;
	int			nerrors = 0;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("report_validate_trigger() was not called by the trigger manager"),
				 errhint("Use it in CREATE TRIGGER … EXECUTE FUNCTION report_validate_trigger(…).")));
	tg = trig->tg_trigger;
	if (!TRIGGER_FIRED_BEFORE(trig->tg_event) || !TRIGGER_FIRED_FOR_ROW(trig->tg_event) ||
		!(TRIGGER_FIRED_BY_INSERT(trig->tg_event) || TRIGGER_FIRED_BY_UPDATE(trig->tg_event)))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("report_validate_trigger() must be fired BEFORE INSERT OR UPDATE FOR EACH ROW"),
				 errdetail("Trigger \"%s\" is defined otherwise.", tg->tgname),
				 errhint("CREATE TRIGGER … BEFORE INSERT OR UPDATE ON … FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject').")));
	if (tg->tgnargs < 2)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("report_validate_trigger() needs a column and a mode"),
				 errdetail("Trigger \"%s\" gives %d arguments.", tg->tgname, tg->tgnargs),
				 errhint("Arguments: the text column, then 'reject', 'warn', or 'record' followed by a jsonb column.")));
	mode = tg->tgargs[1];
	if (strcmp(mode, "reject") != 0 && strcmp(mode, "warn") != 0 && strcmp(mode, "record") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown mode \"%s\" for report_validate_trigger()", mode),
				 errdetail("Trigger \"%s\" gives it as its second argument.", tg->tgname),
				 errhint("The mode is 'reject', 'warn' or 'record'.")));

	tuple = TRIGGER_FIRED_BY_UPDATE(trig->tg_event) ? trig->tg_newtuple : trig->tg_trigtuple;
	desc = RelationGetDescr(trig->tg_relation);
	text_att = column_of(trig, tg->tgargs[0], &typid);
	if (typid != TEXTOID && typid != VARCHAROID && typid != BPCHAROID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("column \"%s\" is of type %s, not text", tg->tgargs[0], format_type_be(typid)),
				 errdetail("Trigger \"%s\" validates it as a report.", tg->tgname),
				 errhint("Name a text column.")));
	if (strcmp(mode, "record") == 0)
	{
		if (tg->tgnargs < 3)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("mode 'record' needs a jsonb column for the findings"),
					 errdetail("Trigger \"%s\" gives no third argument.", tg->tgname),
					 errhint("report_validate_trigger('body', 'record', 'findings')")));
		json_att = column_of(trig, tg->tgargs[2], &typid);
		if (typid != JSONBOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" is of type %s, not jsonb", tg->tgargs[2], format_type_be(typid)),
					 errdetail("Trigger \"%s\" records the findings in it.", tg->tgname),
					 errhint("ALTER TABLE … ADD COLUMN findings jsonb")));
	}

	d = heap_getattr(tuple, text_att, desc, &isnull);
	if (isnull)
	{
		/* no report, nothing to find */
		if (json_att)
		{
			Datum		v[1] = {(Datum) 0};
			bool		n[1] = {true};
			int			cols[1] = {json_att};

			tuple = heap_modify_tuple_by_cols(tuple, desc, 1, cols, v, n);
		}
		return PointerGetDatum(tuple);
	}
	rep = checked(DatumGetTextPP(d), GR_RULESET_VERSION);
	for (int i = 0; i < rep->nfindings; i++)
		nerrors += rep->findings[i].severity == GR_SEV_ERROR;

	if (strcmp(mode, "reject") == 0)
	{
		if (nerrors > 0)
		{
			const gr_finding *f = first_error(rep);
			StringInfoData detail;
			int			shown = 0;

			initStringInfo(&detail);
			for (int i = 0; i < rep->nfindings && shown < 20; i++)
			{
				const gr_finding *g = &rep->findings[i];

				if (g->severity != GR_SEV_ERROR)
					continue;
				appendStringInfo(&detail, "%s%s%s: %s", shown ? "\n" : "", g->rule,
								 g->line ? psprintf(" (line %d)", g->line) : "",
								 text_to_cstring(grpg_text(g->message)));
				shown++;
			}
			if (nerrors > shown)
				appendStringInfo(&detail, "\n… and %d more.", nerrors - shown);
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg_plural("report violates rule %s (%d error finding)",
								   "report violates rule %s (%d error findings)", nerrors, f->rule, nerrors),
					 errdetail("%s", detail.data),
					 errhint("SELECT * FROM report_check(%s) lists every finding with its cells and numbers.",
							 quote_identifier(tg->tgargs[0])),
					 errtablecol(trig->tg_relation, text_att)));
		}
		return PointerGetDatum(tuple);
	}
	if (strcmp(mode, "warn") == 0)
	{
		for (int i = 0; i < rep->nfindings; i++)
		{
			const gr_finding *g = &rep->findings[i];

			ereport(WARNING,
					(errcode(g->severity == GR_SEV_ERROR ? ERRCODE_CHECK_VIOLATION : ERRCODE_WARNING),
					 errmsg("%s (%s): %s", g->rule, gr_severity_name(g->severity),
							text_to_cstring(grpg_text(g->message))),
					 g->line ? errdetail("The finding is about line %d of the report.", g->line) : 0));
		}
		return PointerGetDatum(tuple);
	}
	{
		Datum		v[1];
		bool		n[1] = {false};
		int			cols[1] = {json_att};

		v[0] = findings_jsonb(rep);
		tuple = heap_modify_tuple_by_cols(tuple, desc, 1, cols, v, n);
	}
	return PointerGetDatum(tuple);
}

PG_FUNCTION_INFO_V1(gr_report_rules);

/* The rule table, for users: report_rules(). */
Datum
gr_report_rules(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < gr_rule_count(); i++)
	{
		gr_severity sev;
		int			since,
					until;
		unsigned	eds;
		const char *what;
		const char *id = gr_rule_info(i, &sev, &since, &until, &eds, &what);
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};
		Datum		ed[2];
		int			ned = 0;

		if (eds & (1u << GR_ED_2019))
			ed[ned++] = CStringGetTextDatum("gb2019");
		if (eds & (1u << GR_ED_2021))
			ed[ned++] = CStringGetTextDatum("gb2021");
		values[0] = CStringGetTextDatum(id);
		values[1] = CStringGetTextDatum(gr_severity_name(sev));
		values[2] = PointerGetDatum(construct_array(ed, ned, TEXTOID, -1, false, TYPALIGN_INT));
		values[3] = Int32GetDatum(since);
		values[4] = Int32GetDatum(until);
		nulls[4] = until == 0;
		values[5] = grpg_cstring_text_datum(what, &nulls[5]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
