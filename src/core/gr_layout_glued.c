/*
 * gr_layout_glued.c — the digits of a row whose cells run together
 * (gr_inline.c cut them from their label: 640020470): one cell holding
 * them all, in a row that proves nothing of where one cell ends and the
 * next begins (GR_EV_GLUED).  gr_digits.c reads such a row where the
 * arithmetic of the format leaves one reading, and only there.
 */
#include "gr_grid.h"

bool
gr_layout_glued(gr_ctx *ctx, const gr_doc *doc, int li, gr_grid *g)
{
	const gr_line *l = &doc->lines[li];

	return gr_grid_open_row(ctx, g, GR_EV_GLUED, 0, false) &&
		gr_grid_cell_whole(ctx, doc, li, l->f_off, l->f_off + l->f_len, g);
}
