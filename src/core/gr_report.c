/*
 * gr_report.c — the entry point: text → document → outline → metadata →
 * edition → tables → cells, each step reading only what the ones before
 * produced.
 */
#include "gr_internal.h"
#include "gr_html.h"
#include "gr_tables.h"

gr_status
gr_parse(const gr_env *env, const char *text, size_t len, gr_report **out, gr_error *err)
{
	gr_ctx		ctx;
	gr_doc	   *doc;
	gr_report  *rep;
	gr_error	local;

	if (err == NULL)
		err = &local;
	memset(err, 0, sizeof(*err));
	if (env == NULL || env->alloc == NULL || env->persist_alloc == NULL || out == NULL ||
		(text == NULL && len > 0))
	{
		err->status = GR_EARG;
		snprintf(err->message, sizeof(err->message), "invalid arguments to gr_parse");
		return GR_EARG;
	}
	ctx.env = env;
	ctx.err = err;
	ctx.polls = 0;
	*out = NULL;

	doc = gr_alloc0(&ctx, sizeof(gr_doc));
	rep = gr_alloc0(&ctx, sizeof(gr_report));
	if (!doc || !rep)
		return err->status;
	if (text && gr_html_detect(text, len))
	{
		gr_html_text html;

		if (gr_html_render(&ctx, text, len, &html) != GR_OK)
			return err->status;
		if (html.text)
		{
			if (gr_doc_build(&ctx, html.text, html.len, html.lines, html.nlines, doc) != GR_OK ||
				gr_doc_html_grid(&ctx, doc, html.cells, html.ncells) != GR_OK)
				return err->status;
			doc->html = true;
		}
	}
	if (!doc->html && gr_doc_build(&ctx, text ? text : "", len, NULL, 0, doc) != GR_OK)
		return err->status;
	rep->replaced_bytes = doc->replaced;

	if (gr_outline(&ctx, doc, rep) != GR_OK)
		return err->status;
	if (gr_meta(&ctx, doc, rep) != GR_OK)
		return err->status;
	gr_edition_detect(doc, rep);
	if (gr_tables(&ctx, doc, rep) != GR_OK)
		return err->status;

	/*
	 * Something is a report when it has an outline of at least two sections,
	 * or a title of one, or the tables of one.  Anything else gets no
	 * fields at all rather than fields guessed from stray dates.
	 */
	{
		int			headings = 0;

		for (int i = 0; i < rep->nsections; i++)
			if (rep->sections[i].key != GR_SEC_PREAMBLE)
				headings++;
		rep->is_report = headings >= 2 || rep->title.len > 0 || rep->fp2019 + rep->fp2021 >= 2 ||
			rep->tables_found != 0;
	}
	if (!rep->is_report)
	{
		gr_cell    *cells = rep->cells;
		int			ncells = rep->ncells;

		memset(rep, 0, sizeof(*rep));
		memset(cells, 0, sizeof(gr_cell) * (size_t) ncells);
		rep->cells = cells;
		rep->ncells = ncells;
		rep->replaced_bytes = doc->replaced;
	}
	rep->nparse_findings = rep->nfindings;
	rep->doc = doc;
	*out = rep;
	return GR_OK;
}
