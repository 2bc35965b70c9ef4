/*
 * gr_layout_html.c — the rows of an HTML table, built from the grid that
 * gr_html.c read from libxml2's tree: each slot of a grid row is a cell
 * in its column, the cell that starts there with its colspan or an empty
 * slot under a span.  The columns are known (GR_EV_COLUMNS); nothing is
 * split out of the rendered text.
 */
#include "gr_grid.h"

/* The first fold byte of line li at or after src byte s (the line's end for none). */
static uint32_t
fold_at(const gr_doc *doc, int li, uint32_t s)
{
	const gr_line *l = &doc->lines[li];
	uint32_t	f = gr_doc_s2f(doc, s);

	return f < l->f_off ? l->f_off : f > l->f_off + l->f_len ? l->f_off + l->f_len : f;
}

/*
 * The grid row of line li, when the line is a row of an HTML table:
 * 1 when built, 0 when the line is no table row, -1 on failure.
 */
int
gr_layout_html(gr_ctx *ctx, const gr_doc *doc, int li, gr_grid *g)
{
	int			first = doc->hcell_first ? doc->hcell_first[li] : -1;
	int			end,
				width = 0;

	if (first < 0)
		return 0;
	/* the rendered lines are the document's: a slot outside its line means they are not */
	if (doc->hcells[first].from < doc->lines[li].s_off ||
		doc->hcells[first].from > doc->lines[li].s_off + doc->lines[li].s_len)
		return 0;
	for (end = first; end < doc->nhcells && doc->hcells[end].line == li; end++)
		if (doc->hcells[end].col + 1 > width)
			width = doc->hcells[end].col + 1;
	if (!gr_grid_open_row(ctx, g, GR_EV_COLUMNS, width, false))
		return -1;
	for (int k = first; k < end; k++)
	{
		const gr_html_cell *hc = &doc->hcells[k];
		int			before = g->n;

		if (!gr_grid_cell(ctx, doc, li, fold_at(doc, li, hc->from), fold_at(doc, li, hc->to), -1, g))
			return -1;
		/* a cell split into its label and numbers keeps no column */
		if (g->n == before + 1)
		{
			g->v[before].col = hc->col;
			g->v[before].span = hc->span;
			g->v[before].covered = hc->covered;
		}
	}
	return 1;
}
