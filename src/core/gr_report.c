/*
 * gr_report.c — the entry point: text → document → outline → facts of the
 * prose → metadata → edition → tables → cells, each step reading only what
 * the ones before produced; and the growth of a report's findings array.
 * The document stays here: what leaves gr_parse is the report, so the
 * rules (gr_check) read cells, fields and facts, never the text.  The
 * report keeps a pointer to its document for one thing only: to cut a
 * cell's text from the input when someone asks for it (gr_cell_raw).
 */
#include "gr_internal.h"
#include "gr_html.h"
#include "gr_phrase.h"
#include "gr_tables.h"

/*
 * Something is a report when its structure says so: an outline of at least
 * two of the six sections, or one of the three tables read, or a report's
 * title over one section or over the preamble's statistics period
 * (本报告统计期限为…, the opening of every report).  Words alone never make one: a
 * news item or a notice that names the report (关于发布2023年度…年度报告的
 * 通知), a README that quotes its column headers, has a title and stray
 * fingerprints but no outline, no period and no table, and gets no fields
 * at all rather than a year and an edition guessed from them (report_check
 * then says so in one finding).
 */
static bool
gr_report_evidence(const gr_report *rep)
{
	int			headings = 0;

	for (int i = 0; i < rep->nsections; i++)
		if (rep->sections[i].key != GR_SEC_PREAMBLE)
			headings++;
	return headings >= 2 || rep->tables_found != 0 ||
		(rep->title.len > 0 && (headings == 1 || rep->period_start.year != 0));
}

gr_status
gr_parse(const gr_env *env, const char *text, size_t len, gr_report **out, gr_error *err)
{
	gr_ctx		ctx;
	gr_doc	   *doc;
	gr_report  *rep;
	gr_error	local;
	gr_html_kind kind;

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
	gr_ctx_init(&ctx, env, err);
	*out = NULL;

	doc = gr_alloc0(&ctx, sizeof(gr_doc));
	rep = gr_alloc0(&ctx, sizeof(gr_report));
	if (!doc || !rep)
		return err->status;
	if (text && (kind = gr_html_detect(text, len)) != GR_HTML_NONE)
	{
		gr_html_text html;

		if (gr_html_render(&ctx, text, len, kind, &html) != GR_OK)
			return err->status;
		if (html.text)
		{
			if (gr_doc_build(&ctx, html.text, html.len, html.lines, html.nlines, doc) != GR_OK ||
				gr_doc_html_grid(&ctx, doc, html.cells, html.ncells) != GR_OK)
				return err->status;
			doc->html = true;
		}
	}
	if (!doc->html)
	{
		const char *t = text ? text : "";
		size_t		tlen = len;
		int		   *map = NULL,
					nmap = 0;

		/* a grid table's rows of several lines, each one line (gr_gridtab.c); past 512 MB gr_doc_build says no */
		if (tlen < (size_t) UINT32_MAX / 8 && gr_gridtab_has_rows(t, tlen) &&
			gr_gridtab_join(&ctx, t, tlen, &t, &tlen, &map, &nmap) != GR_OK)
			return err->status;
		if (gr_doc_build(&ctx, t, tlen, map, nmap, doc) != GR_OK || gr_inline_split(&ctx, doc) != GR_OK)
			return err->status;
	}
	rep->replaced_bytes = doc->replaced;
	rep->doc = doc;

	if (gr_outline(&ctx, doc, rep) != GR_OK)
		return err->status;
	if (gr_phrase_index(&ctx, doc) != GR_OK)
		return err->status;
	gr_facts_read(doc, rep);
	if (gr_meta(&ctx, doc, rep) != GR_OK)
		return err->status;
	gr_edition_detect(doc, rep);
	if (gr_tables(&ctx, doc, rep) != GR_OK)
		return err->status;

	rep->is_report = gr_report_evidence(rep);
	if (!rep->is_report)
	{
		gr_cell    *cells = rep->cells;
		int			ncells = rep->ncells;

		memset(rep, 0, sizeof(*rep));
		memset(cells, 0, sizeof(gr_cell) * (size_t) ncells);
		rep->cells = cells;
		rep->ncells = ncells;
		rep->replaced_bytes = doc->replaced;
		rep->doc = doc;
	}
	rep->nparse_findings = rep->nfindings;
	*out = rep;
	return GR_OK;
}

/*
 * Room for one more finding.  The array is grown in place only by the call
 * that allocated it (ctx->findings); an array an earlier call left, such as
 * the parser's when gr_check adds the rules' findings, is copied first, so
 * that a check never writes into memory a parse returned (a caller may
 * check a shallow copy of a cached parse, once per rule-set version).
 */
bool
gr_findings_reserve(gr_ctx *ctx, gr_report *rep)
{
	gr_finding *nf;
	int			cap;

	if (rep->findings != NULL && rep->findings == ctx->findings &&
		rep->nfindings < ctx->findings_cap)
		return true;
	cap = rep->nfindings + rep->nfindings / 2 + 16;
	nf = gr_alloc(ctx, sizeof(gr_finding) * (size_t) cap);
	if (!nf)
		return false;
	if (rep->nfindings)
		memcpy(nf, rep->findings, sizeof(gr_finding) * (size_t) rep->nfindings);
	/* the old array, if this call's own, is garbage now (an earlier call's is not ours) */
	if (rep->findings != NULL && rep->findings == ctx->findings)
		gr_release(ctx, ctx->findings, sizeof(gr_finding) * (size_t) ctx->findings_cap);
	rep->findings = nf;
	ctx->findings = nf;
	ctx->findings_cap = cap;
	return true;
}
