/*
 * gr_pg_cells.c — the cells of 表二/三/四 as SQL values: report_cells(),
 * report_cell() and report_keys().
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "gr_pg.h"

PG_FUNCTION_INFO_V1(gr_report_cells);
PG_FUNCTION_INFO_V1(gr_report_cell);
PG_FUNCTION_INFO_V1(gr_report_keys);

/* A cell's value as numeric: NULL unless a number was read (or derived). */
Datum
grpg_cell_value(const gr_cell *c, bool *isnull)
{
	char		buf[64];
	uint64		mag;
	int			len;

	*isnull = c->state != GR_CELL_NUMBER;
	if (*isnull)
		return (Datum) 0;
	mag = c->mant < 0 ? (uint64) (-(c->mant + 1)) + 1 : (uint64) c->mant;
	len = snprintf(buf, sizeof(buf), "%s%0*llu", c->mant < 0 ? "-" : "", c->scale + 1,
				   (unsigned long long) mag);
	if (c->scale > 0)
	{
		/* put the decimal point scale digits from the end */
		memmove(buf + len - c->scale + 1, buf + len - c->scale, c->scale + 1);
		buf[len - c->scale] = '.';
	}
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf), ObjectIdGetDatum(InvalidOid),
							   Int32GetDatum(-1));
}

Datum
gr_report_cells(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const gr_keydef *keys = gr_keydefs();
	const gr_report *rep;
	int		   *order;
	int			n;

	InitMaterializedSRF(fcinfo, 0);
	rep = gr_pg_cache_parse(body);
	if (!rep->is_report)
		return (Datum) 0;

	order = palloc(sizeof(int) * gr_nkeys());
	n = gr_keys_in_order(rep->edition, order);
	for (int o = 0; o < n; o++)
	{
		int			i = order[o];
		const gr_cell *c = &rep->cells[i];
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		if (!gr_cell_listed(rep, i))
			continue;
		values[0] = grpg_cstring_text_datum(keys[i].key, &nulls[0]);
		values[1] = grpg_cell_value(c, &nulls[1]);
		values[2] = grpg_text_datum(c->raw, &nulls[2]);
		values[3] = grpg_text_datum(c->unit, &nulls[3]);
		values[4] = BoolGetDatum(c->derived != 0);
		values[5] = Int32GetDatum(c->line);
		nulls[5] = c->line == 0;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

Datum
gr_report_cell(PG_FUNCTION_ARGS)
{
	text	   *body = PG_GETARG_TEXT_PP(0);
	text	   *key = PG_GETARG_TEXT_PP(1);
	int			k = gr_key_find(VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));
	const gr_report *rep;
	bool		isnull;
	Datum		d;

	if (k < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown cell key \"%s\"", text_to_cstring(key)),
				 errdetail("Cell keys have the form t2.<row>.<column>, t3.<row>.<column> or t4.<group>.<column>, for example t3.new_received.total."),
				 errhint("SELECT key FROM report_keys() lists every key.")));
	rep = gr_pg_cache_parse(body);
	if (!rep->is_report)
		PG_RETURN_NULL();
	d = grpg_cell_value(&rep->cells[k], &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(d);
}

Datum
gr_report_keys(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const gr_keydef *keys = gr_keydefs();
	int			n = gr_nkeys();
	static const char *const tabs[] = {"t2", "t3", "t4"};

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < n; i++)
	{
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};

		values[0] = grpg_cstring_text_datum(keys[i].key, &nulls[0]);
		values[1] = grpg_cstring_text_datum(tabs[keys[i].table], &nulls[1]);
		values[2] = grpg_cstring_text_datum(keys[i].row_key, &nulls[2]);
		values[3] = grpg_cstring_text_datum(keys[i].col_key, &nulls[3]);
		values[4] = BoolGetDatum((keys[i].editions & (1u << GR_ED_2019)) != 0);
		values[5] = BoolGetDatum((keys[i].editions & (1u << GR_ED_2021)) != 0);
		values[6] = BoolGetDatum(keys[i].derived != 0);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
