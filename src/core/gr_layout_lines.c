/*
 * gr_layout_lines.c — the layout of one cell per line behind a tab, a
 * blank line between rows (seed 000): each row of the layout is one grid
 * row whose cells come in order with their empty cells shown (a line
 * holding only its tab), so its evidence is GR_EV_ORDER.  A line without
 * a tab continues the cell above (上一年 / 项目数量).  Where every line
 * break is doubled (a blank line after each line), a row ends at two.
 *
 * One cell per line without tabs (seed 004) cannot show an empty cell;
 * its lines reach gr_layout_spaced.c as lone cells, values only — unless
 * its cells are apart by one blank line each: then every further blank
 * line is an empty cell, and the cells show their order (GR_EV_ORDER).
 */
#include "gr_grid.h"

/* Is this region laid out one cell per line, each behind a tab? */
bool
gr_layout_cell_per_line(const gr_doc *doc, int from, int to)
{
	int			lead_only = 0,
				split = 0;

	for (int i = from; i < to; i++)
	{
		const gr_line *l = &doc->lines[i];

		if (l->tabs == 0)
			continue;
		if (l->tabs == 1 && doc->fold[l->f_off] == '\t')
			lead_only++;
		else
			split++;
	}
	return lead_only > 0 && lead_only * 10 >= (lead_only + split) * 7;
}

/*
 * The gaps of blank lines between the cells of lines [from, to), each a
 * line with text (or with tabs only, where tabs_are_cells: an empty cell
 * of seed 000's layout), counted by their size; with lone, how many cells
 * stand alone on their line too.
 */
typedef struct line_gaps
{
	int			cells;
	int			lone;			/* counted only when asked */
	int			gaps;
	int			zero;			/* gaps of no blank line: cells on adjacent lines */
	int			one;
	int			odd;
} line_gaps;

static bool lone_cell(const gr_doc *doc, int i);

static line_gaps
count_gaps(const gr_doc *doc, int from, int to, bool tabs_are_cells, bool lone)
{
	line_gaps	g = {0, 0, 0, 0, 0, 0};
	int			blanks = -1;	/* since the last cell, -1 before the first */

	for (int i = from; i < to; i++)
	{
		if (doc->lines[i].c_len == 0 && !(tabs_are_cells && doc->lines[i].tabs > 0))
		{
			if (blanks >= 0)
				blanks++;
			continue;
		}
		g.cells++;
		if (lone)
			g.lone += lone_cell(doc, i);
		if (blanks >= 0)
		{
			g.gaps++;
			g.zero += blanks == 0;
			g.one += blanks == 1;
			g.odd += blanks & 1;
		}
		blanks = 0;
	}
	return g;
}

/*
 * Are the line breaks of this region, laid out one cell per line behind a
 * tab, doubled (a text copied from a page or Word: a blank line after
 * every line)?  Then no two cells stand on adjacent lines, the gaps are
 * odd (g blank lines became 2g + 1: the cells of a row one apart, the
 * rows three), many of them one, and a row ends only at a wider gap.
 */
bool
gr_layout_breaks_doubled(const gr_doc *doc, int from, int to)
{
	line_gaps	g = count_gaps(doc, from, to, true, false);

	return g.gaps >= 8 && g.zero * 20 <= g.gaps && g.odd * 10 >= g.gaps * 9 && g.one * 10 >= g.gaps * 3;
}

/*
 * A cell behind its tab: a new grid row after a blank line, else one more
 * cell of the row being read (a row opened by another layout's line gets
 * a row of its own that says nothing about where it begins).
 */
bool
gr_layout_lead_tab(gr_ctx *ctx, const gr_doc *doc, int li, bool new_row, gr_grid *g)
{
	const gr_line *l = &doc->lines[li];
	bool		append = !new_row && g->nrows > 0 && g->rows[g->nrows - 1].ev == GR_EV_ORDER &&
		!g->rows[g->nrows - 1].piped && !g->rows[g->nrows - 1].multi;

	if (!append && !gr_grid_open_row(ctx, g, GR_EV_ORDER, 0, new_row))
		return false;
	return gr_grid_cell(ctx, doc, li, l->f_off + 1, l->f_off + l->f_len, -1, g);
}

/*
 * A line without a tab after a text cell: the cell broken over lines
 * (上一年 / 项目数量), joined to it.  Returns false when the line is not
 * such a continuation.
 */
bool
gr_layout_continue_cell(const gr_doc *doc, int li, bool new_row, gr_grid *g)
{
	const gr_line *l = &doc->lines[li];
	gr_tok	   *prev;
	gr_value	v;

	if (l->tabs > 0 || g->n == 0 || new_row || g->v[g->n - 1].kind == GR_TK_NUM)
		return false;
	prev = &g->v[g->n - 1];
	if (prev->kind == GR_TK_BLANK)
		prev->f_from = l->f_off;
	prev->f_to = l->f_off + l->f_len;
	while (prev->f_from < prev->f_to && gr_ws(doc->fold[prev->f_from]))
		prev->f_from++;
	while (prev->f_to > prev->f_from && gr_ws(doc->fold[prev->f_to - 1]))
		prev->f_to--;
	prev->kind = gr_value_parse(doc->fold + prev->f_from, prev->f_to - prev->f_from, &v);
	if (prev->kind == GR_TK_NUM)
	{
		v.unit_off += prev->f_from;
		prev->v = v;
	}
	return true;
}

/* A lone cell on its line: no tab, no '|', no run of two spaces between words. */
static bool
lone_cell(const gr_doc *doc, int i)
{
	const char *s = doc->fold + doc->lines[i].f_off;
	uint32_t	n = doc->lines[i].f_len;

	if (doc->lines[i].tabs > 0 || doc->lines[i].pipe)
		return false;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (uint32_t k = 1; k + 2 < n; k++)
		if (s[k] == ' ' && s[k + 1] == ' ' && s[k - 1] != ' ')
			return false;
	return true;
}

/*
 * Is this region one cell per line with one blank line between cells?
 * Most lines lone cells, next to no two of them without a blank line
 * between, and many gaps of exactly one blank line — not most: a table of
 * many empty cells has many wider gaps, one blank line more per empty cell.
 */
bool
gr_layout_blank_spaced(const gr_doc *doc, int from, int to)
{
	line_gaps	g = count_gaps(doc, from, to, false, true);

	return g.gaps >= 8 && g.lone * 10 >= g.cells * 9 && g.one * 10 >= g.gaps * 4 && g.zero * 10 <= g.gaps;
}

/* k empty cells shown by the blank lines before line li, one row each; soft: see gr_tok. */
bool
gr_layout_blank_cells(gr_ctx *ctx, const gr_doc *doc, int li, int k, bool soft, gr_grid *g)
{
	uint32_t	at = doc->lines[li].f_off;

	for (int i = 0; i < k; i++)
	{
		if (!gr_grid_open_row(ctx, g, GR_EV_ORDER, 0, false) ||
			!gr_grid_cell_whole(ctx, doc, li, at, at, g))
			return false;
		g->v[g->n - 1].soft = soft;
	}
	return true;
}
