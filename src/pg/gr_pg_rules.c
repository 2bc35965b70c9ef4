/*
 * gr_pg_rules.c — severities as SQL values, and report_rules(), the rule
 * table as users read it: one row per rule id.
 *
 * Severities are the enum govreport_severity ('info' < 'warning' <
 * 'error') since 0.4.0, text before; the type is taken from the result
 * descriptor of the installed declaration, so a library newer than the SQL
 * still answers a 0.3.0 declaration with text, and no type is looked up by
 * name (search_path plays no part).
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "gr_pg.h"
#include "gr_format.h"

/*
 * A severity as a datum of type typid: text, or the enum govreport_severity,
 * whose labels are gr_severity_name()'s.  The enum's values are found once
 * per call (cache: three datums, zero until found).
 */
Datum
grpg_severity_datum(gr_severity sev, Oid typid, Datum *cache)
{
	const char *name = gr_severity_name(sev);

	if (typid == TEXTOID || (unsigned) sev > GR_SEV_INFO)
		return CStringGetTextDatum(name);
	if (cache[sev] == (Datum) 0)
		cache[sev] = DirectFunctionCall2(enum_in, CStringGetDatum(name), ObjectIdGetDatum(typid));
	return cache[sev];
}

PG_FUNCTION_INFO_V1(gr_report_rules);

/*
 * One rule of report_rules(): every entry of the rule table with this id
 * folded into one row.  A rule id can have several entries, one per kind
 * of finding it makes (R-X-02: a heading in other words, a warning, and a
 * missing section, an error) or per rule-set version; the row gives the
 * most severe severity and all of them, the editions and versions of any
 * entry, and the entries' descriptions joined with a full-width semicolon.
 */
typedef struct rule_row
{
	const char *id;
	unsigned	severities;		/* bit (1 << gr_severity) per entry */
	unsigned	editions;
	int			since;
	int			until;			/* 0: some entry is current */
	StringInfoData what;		/* UTF-8 */
} rule_row;

static void
rule_row_collect(rule_row *r, int first)
{
	memset(r, 0, sizeof(*r));
	initStringInfo(&r->what);
	for (int i = first; i < gr_rule_count(); i++)
	{
		gr_severity sev;
		int			since,
					until;
		unsigned	eds;
		const char *what;
		const char *id = gr_rule_info(i, &sev, &since, &until, &eds, &what);

		if (i == first)
		{
			r->id = id;
			r->since = since;
			r->until = until;
		}
		else if (strcmp(id, r->id) != 0)
			continue;
		r->severities |= 1u << sev;
		r->editions |= eds;
		r->since = Min(r->since, since);
		r->until = (r->until == 0 || until == 0) ? 0 : Max(r->until, until);
		if (what && strstr(r->what.data, what) == NULL)
			appendStringInfo(&r->what, "%s%s", r->what.len ? "；" : "", what);
	}
}

/* Has rule i's id been listed already (an earlier entry with the same id)? */
static bool
rule_seen(int i)
{
	gr_severity sev;
	int			since,
				until;
	unsigned	eds;
	const char *what;
	const char *id = gr_rule_info(i, &sev, &since, &until, &eds, &what);

	for (int j = 0; j < i; j++)
		if (strcmp(gr_rule_info(j, &sev, &since, &until, &eds, &what), id) == 0)
			return true;
	return false;
}

/* The rule table, for users: report_rules(), one row per rule id, in table order. */
Datum
gr_report_rules(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	desc;
	Oid			sevtype;
	Oid			sevarray;
	Datum		sevcache[GR_SEV_INFO + 1] = {0};

	grpg_srf_begin(fcinfo);
	desc = rsinfo->setDesc;
	sevtype = TupleDescAttr(desc, 1)->atttypid;
	sevarray = desc->natts > 6 ? get_element_type(TupleDescAttr(desc, 6)->atttypid) : InvalidOid;
	for (int i = 0; i < gr_rule_count(); i++)
	{
		rule_row	r;
		Datum		values[7];
		bool		nulls[7] = {false};
		Datum		ed[GR_NED];
		Datum		sevs[GR_SEV_INFO + 1];
		int			ned = 0,
					nsev = 0;
		gr_severity worst = GR_SEV_INFO;

		if (rule_seen(i))
			continue;
		rule_row_collect(&r, i);
		for (int e = 0; e < gr_neditions; e++)
			if (r.editions & GR_ED_MASK(gr_editions[e].ed))
				ed[ned++] = CStringGetTextDatum(gr_editions[e].name);
		/* most severe first: error, warning, info */
		for (int sv = GR_SEV_ERROR; sv <= GR_SEV_INFO; sv++)
			if (r.severities & (1u << sv))
			{
				if (nsev == 0)
					worst = (gr_severity) sv;
				if (OidIsValid(sevarray))
					sevs[nsev] = grpg_severity_datum((gr_severity) sv, sevarray, sevcache);
				nsev++;
			}
		values[0] = CStringGetTextDatum(r.id);
		values[1] = grpg_severity_datum(worst, sevtype, sevcache);
		values[2] = PointerGetDatum(construct_array(ed, ned, TEXTOID, -1, false, TYPALIGN_INT));
		values[3] = Int32GetDatum(r.since);
		values[4] = Int32GetDatum(r.until);
		nulls[4] = r.until == 0;
		values[5] = grpg_cstring_text_datum(r.what.len ? r.what.data : NULL, &nulls[5]);
		if (OidIsValid(sevarray))
			values[6] = PointerGetDatum(construct_array(sevs, nsev, sevarray, sizeof(Oid), true, TYPALIGN_INT));
		else
			nulls[6] = true;
		tuplestore_putvalues(rsinfo->setResult, desc, values, nulls);
	}
	return (Datum) 0;
}
