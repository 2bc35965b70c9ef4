/*
 * gr_layout_spaced.c — columns aligned by spaces (pdftotext -layout) and
 * lone cells on lines of their own: a run of two or more spaces splits
 * cells, each keeps its character position; an empty cell leaves no
 * trace, so such a row gives its values only (GR_EV_VALUES).
 */
#include "gr_grid.h"

bool
gr_layout_spaced(gr_ctx *ctx, const gr_doc *doc, int li, gr_grid *g)
{
	const gr_line *l = &doc->lines[li];
	const char *s = doc->fold + l->f_off;
	uint32_t	len = l->f_len,
				i = 0,
				counted = 0;	/* bytes of the line whose characters are counted */
	int			chars = 0;		/* … and their number: positions in one pass */

	if (!gr_grid_open_row(ctx, g, GR_EV_VALUES, 0, false))
		return false;
	while (i < len)
	{
		uint32_t	a,
					b;

		while (i < len && gr_ws(s[i]))
			i++;
		if (i >= len)
			break;
		a = i;
		for (;;)
		{
			while (i < len && !gr_ws(s[i]))
				i++;
			b = i;
			if (i + 1 < len && s[i] == ' ' && !gr_ws(s[i + 1]))
			{
				i++;
				continue;
			}
			break;
		}
		chars += gr_utf8_chars(s + counted, a - counted);
		counted = a;
		if (!gr_grid_cell(ctx, doc, li, l->f_off + a, l->f_off + b, chars, g))
			return false;
	}
	return true;
}
