/*
 * gr_pg_report.c — parse_report() and report_sections().
 *
 * parse_report fills the composite type govreport by attribute name, not
 * by position, so that a library newer than the installed SQL (between
 * installing the files and ALTER EXTENSION UPDATE) fills the attributes
 * the type has and ignores the others.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/typcache.h"

#include "gr_pg.h"

PG_FUNCTION_INFO_V1(gr_parse_report);
PG_FUNCTION_INFO_V1(gr_report_sections);

/* The contact composite (phone, email, address) of one report. */
static Datum
contact_datum(Oid typid, const gr_report *rep, bool *isnull)
{
	TupleDesc	desc;
	Datum	   *values;
	bool	   *nulls;
	HeapTuple	tup;
	bool		any = false;

	if (rep->phone.len == 0 && rep->email.len == 0 && rep->address.len == 0)
	{
		*isnull = true;
		return (Datum) 0;
	}
	desc = lookup_rowtype_tupdesc_copy(typid, -1);
	desc = BlessTupleDesc(desc);
	values = palloc0(sizeof(Datum) * desc->natts);
	nulls = palloc(sizeof(bool) * desc->natts);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		const char *name = NameStr(att->attname);

		nulls[i] = true;
		if (att->attisdropped)
			continue;
		if (strcmp(name, "phone") == 0)
			values[i] = grpg_text_datum(rep->phone, &nulls[i]);
		else if (strcmp(name, "email") == 0)
			values[i] = grpg_text_datum(rep->email, &nulls[i]);
		else if (strcmp(name, "address") == 0)
			values[i] = grpg_text_datum(rep->address, &nulls[i]);
		any |= !nulls[i];
	}
	*isnull = !any;
	if (!any)
		return (Datum) 0;
	tup = heap_form_tuple(desc, values, nulls);
	return HeapTupleGetDatum(tup);
}

/* One attribute of govreport, chosen by name. */
static Datum
report_field(Form_pg_attribute att, const gr_report *rep, bool *isnull)
{
	const char *name = NameStr(att->attname);

	*isnull = true;
	if (!rep->is_report)
		return (Datum) 0;
	if (strcmp(name, "org") == 0)
		return grpg_text_datum(rep->org, isnull);
	if (strcmp(name, "title") == 0)
		return grpg_text_datum(rep->title, isnull);
	if (strcmp(name, "year") == 0)
	{
		*isnull = rep->year == 0;
		return Int32GetDatum(rep->year);
	}
	if (strcmp(name, "edition") == 0)
		return grpg_cstring_text_datum(gr_edition_name(rep->edition), isnull);
	if (strcmp(name, "edition_mixed") == 0)
	{
		*isnull = rep->edition == GR_ED_UNKNOWN;
		return BoolGetDatum(rep->edition_mixed != 0);
	}
	if (strcmp(name, "period_start") == 0)
		return grpg_date_datum(rep->period_start, isnull);
	if (strcmp(name, "period_end") == 0)
		return grpg_date_datum(rep->period_end, isnull);
	if (strcmp(name, "published") == 0)
		return grpg_date_datum(rep->published, isnull);
	if (strcmp(name, "contact") == 0)
		return contact_datum(att->atttypid, rep, isnull);
	return (Datum) 0;
}

Datum
gr_parse_report(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	TupleDesc	desc;
	Datum	   *values;
	bool	   *nulls;
	gr_report  *rep;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("parse_report must be called in a context that accepts type govreport"),
				 errhint("Install the function through CREATE EXTENSION govreport.")));
	desc = BlessTupleDesc(desc);

	rep = grpg_parse_text(body);

	values = palloc0(sizeof(Datum) * desc->natts);
	nulls = palloc(sizeof(bool) * desc->natts);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		nulls[i] = true;
		if (!att->attisdropped)
			values[i] = report_field(att, rep, &nulls[i]);
	}
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

Datum
gr_report_sections(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	gr_report  *rep;

	InitMaterializedSRF(fcinfo, 0);
	rep = grpg_parse_text(body);
	if (!rep->is_report)
		return (Datum) 0;

	for (int i = 0; i < rep->nsections; i++)
	{
		const gr_section *s = &rep->sections[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};
		gr_str		name;

		name.ptr = gr_section_key_name(s->key);
		name.len = (uint32_t) strlen(name.ptr);
		values[0] = Int32GetDatum((int32) s->key);
		values[1] = PointerGetDatum(grpg_text(name));
		values[2] = grpg_text_datum(s->heading, &nulls[2]);
		values[3] = PointerGetDatum(grpg_text(s->body));
		values[4] = Int32GetDatum(s->line);
		nulls[4] = s->line == 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
