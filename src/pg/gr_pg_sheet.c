/*
 * gr_pg_sheet.c — report_html(): the review sheet of a report in SQL.
 *
 * The report and its findings come from the parse cache with the rule-set
 * version report_check would use, so the page highlights exactly the cells
 * report_check names.  The page is UTF-8; in a database whose encoding is
 * not UTF-8 (EUC_CN) it is written in ASCII alone, every other character
 * as a numeric character reference, so that nothing is lost or replaced
 * by the conversion and its <meta charset=utf-8> stays true.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"

#include "gr_pg.h"

PG_FUNCTION_INFO_V1(gr_report_html);

Datum
gr_report_html(PG_FUNCTION_ARGS)
{
	Datum		body = PG_GETARG_DATUM(0);
	int			version = gr_pg_ruleset_arg(fcinfo, 1);
	int			enc = GetDatabaseEncoding();
	gr_sheet_opts opts = {0, 0};
	gr_str		page;

	opts.ascii = enc != PG_UTF8 && enc != PG_SQL_ASCII;
	page = grpg_sheet_html(gr_pg_cache_check(body, version), &opts);
	PG_RETURN_TEXT_P(gr_pg_text_from_utf8(page.ptr, page.len));
}
