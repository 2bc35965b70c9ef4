/*
 * gr_pg_summary.c — report_summary(), a report in one readable row (who,
 * which year and edition, the totals an analyst looks at first, how many
 * errors and warnings, the first error), and govreport_version(), the
 * version of the library that is loaded.
 *
 * The totals are named by the spec's constants (gr_format.h), so a cell
 * the format lacks does not compile; each is what report_cell gives for
 * its key, NULL unless a number was read (or derived) with certainty.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "gr_pg.h"
#include "gr_format.h"

PG_FUNCTION_INFO_V1(gr_report_summary);
PG_FUNCTION_INFO_V1(gr_version);

/* The cells of the summary, in its column order after org, year, edition. */
static const struct
{
	gr_table	table;
	int			row;
	int			col;
}			summary_cells[] = {
	{GR_T3, GR_R3_new_received, T3C_TOTAL},	/* 新收 */
	{GR_T3, GR_R3_carried_in, T3C_TOTAL},	/* 上年结转 */
	{GR_T3, GR_R3_results_total, T3C_TOTAL},	/* 办理结果总计 */
	{GR_T3, GR_R3_carried_out, T3C_TOTAL},	/* 结转下年度 */
	{GR_T3, GR_R3_granted, T3C_TOTAL},	/* 予以公开 */
	{GR_T4, GR_R4_review, T4C_TOTAL},	/* 行政复议 总计 */
	{GR_T4, GR_R4_suit_all, T4C_TOTAL}, /* 行政诉讼 总计 (derived) */
};

#define GR_PG_SUMMARY_COLS (3 + (int) lengthof(summary_cells) + 3)

Datum
gr_report_summary(PG_FUNCTION_ARGS)
{
	Datum		body = PG_GETARG_DATUM(0);
	int			version = grpg_ruleset_arg(fcinfo, 1);
	TupleDesc	desc;
	Datum		values[GR_PG_SUMMARY_COLS];
	bool		nulls[GR_PG_SUMMARY_COLS] = {false};
	const gr_report *rep;
	text	   *reason;
	int			n = 0;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("report_summary() must be called where a record is expected"),
				 errdetail("Its result type is not a composite type."),
				 errhint("SELECT * FROM report_summary(body)")));
	desc = BlessTupleDesc(desc);
	rep = gr_pg_cache_check(body, version);

	values[n] = grpg_text_datum(rep->org, &nulls[n]);
	n++;
	values[n] = Int32GetDatum(rep->year);
	nulls[n++] = rep->year == 0;
	values[n] = grpg_cstring_text_datum(gr_edition_name(rep->edition), &nulls[n]);
	n++;
	for (int i = 0; i < (int) lengthof(summary_cells); i++, n++)
	{
		int			k = gr_key_index(summary_cells[i].table, summary_cells[i].row, summary_cells[i].col);

		if (k < 0 || !rep->is_report)
		{
			nulls[n] = true;
			continue;
		}
		values[n] = grpg_cell_value(&rep->cells[k], &nulls[n]);
	}
	values[n++] = Int32GetDatum(grpg_count_findings(rep, GR_SEV_ERROR));
	values[n++] = Int32GetDatum(grpg_count_findings(rep, GR_SEV_WARNING));
	reason = grpg_invalid_reason(rep);
	values[n] = PointerGetDatum(reason);
	nulls[n++] = reason == NULL;
	Assert(n == GR_PG_SUMMARY_COLS);

	/* a declaration with fewer columns (an older one) gets those it has */
	if (desc->natts > GR_PG_SUMMARY_COLS)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("report_summary() is declared with %d columns; this library fills %d",
						desc->natts, GR_PG_SUMMARY_COLS),
				 errdetail("The installed SQL and the library are of different versions."),
				 errhint("Install the library that matches: ALTER EXTENSION govreport UPDATE.")));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}

Datum
gr_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(GR_VERSION));
}
