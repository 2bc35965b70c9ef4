/*
 * gr_layout_delim.c — rows whose cells are delimited: tab-separated rows
 * (seed 003, Word tables pasted as text) and Markdown rows ("| a | b |"),
 * each cell keeping its field, so a row shows its empty cells and the
 * header can name the field of each column (GR_EV_FIELDS); and cells
 * ended by '|', one a line (seed 002: "X |"), which show their order and
 * empty cells but no fields (GR_EV_ORDER, piped).
 *
 * The '|' convention is decided for the whole table region, not per line:
 * where most pipe lines end a cell ("X |"), every '|' ends one — a lone
 * '|' is an empty cell, "| 25 |" an empty cell then 25 — and such lines,
 * filler pipes included ("8 | ||||||||"), never begin a row of their own.
 */
#include "gr_grid.h"

/*
 * A field without its filler: the white space around it, and the
 * underscores html2text draws a cell's lower border with on the cell's
 * last line ("|26_|__|______|", "数量_______|"): a field of underscores
 * alone is an empty cell.
 */
static void
field_bounds(const gr_doc *doc, uint32_t *from, uint32_t *to)
{
	const char *f = doc->fold;
	uint32_t	a = *from,
				b = *to;

	while (a < b && gr_ws(f[a]))
		a++;
	while (b > a && gr_ws(f[b - 1]))
		b--;
	/* most fields have no underscore: the white space alone, as gr_grid_cell trims it */
	if (a < b && (f[a] == '_' || f[b - 1] == '_'))
	{
		while (a < b && (gr_ws(f[a]) || f[a] == '_'))
			a++;
		while (b > a && (gr_ws(f[b - 1]) || f[b - 1] == '_'))
			b--;
	}
	*from = a;
	*to = b;
}

/*
 * A field that gave one cell keeps its field number (a field split into
 * label and numbers does not).  under: the line has an underscore, so its
 * fields may have html2text's border.
 */
static bool
field(gr_ctx *ctx, const gr_doc *doc, int li, uint32_t from, uint32_t to, int slot, gr_grid *g,
	  bool fields, bool under)
{
	int			before = g->n;

	if (under)
		field_bounds(doc, &from, &to);
	if (!gr_grid_cell(ctx, doc, li, from, to, -1, g))
		return false;
	if (fields && g->n == before + 1)
		g->v[before].col = slot;
	return true;
}

bool
gr_layout_tabs(gr_ctx *ctx, const gr_doc *doc, int li, gr_grid *g)
{
	const gr_line *l = &doc->lines[li];
	const char *s = doc->fold + l->f_off;
	uint32_t	a = 0;
	int			slots = 1,
				slot = 0;
	bool		under = memchr(s, '_', l->f_len) != NULL;

	for (uint32_t i = 0; i < l->f_len; i++)
		slots += s[i] == '\t';
	if (!gr_grid_open_row(ctx, g, GR_EV_FIELDS, slots, false))
		return false;
	for (uint32_t i = 0; i <= l->f_len; i++)
		if (i == l->f_len || s[i] == '\t')
		{
			if (!field(ctx, doc, li, l->f_off + a, l->f_off + i, slot++, g, true, under))
				return false;
			a = i + 1;
		}
	return true;
}

/*
 * The end of the border piece at s[i] of a table drawn with box
 * characters (gr_foldextra.h folds them to "+----+"): from a corner to a
 * corner over a horizontal line; i itself when there is none.
 */
static uint32_t
border_end(const char *s, uint32_t i, uint32_t end)
{
	uint32_t	j = i + 1;
	bool		line = false;

	if (s[i] != '+')
		return i;
	while (j < end && (s[j] == '+' || s[j] == '-' || s[j] == '='))
		line |= s[j++] != '+';
	return line && s[j - 1] == '+' ? j : i;
}

/*
 * A line of a table drawn with box characters that is border but for the
 * cells spanning it ("|（三）不予公开 +----+----+"): the rows of the
 * other columns end here.  Its cells are the text between the borders,
 * in order and with no field of its own, so GR_EV_VALUES; false when the
 * line has no border piece, and *ok says whether the cells were made.
 */
static bool
pipes_with_borders(gr_ctx *ctx, const gr_doc *doc, int li, uint32_t a, uint32_t b, gr_grid *g,
				   bool *ok)
{
	const gr_line *l = &doc->lines[li];
	const char *s = doc->fold + l->f_off;
	uint32_t	start = a;
	bool		any = false;

	for (const char *p = memchr(s + a, '+', b - a); p && !any; p = memchr(p + 1, '+', b - (uint32_t) (p + 1 - s)))
		any = border_end(s, (uint32_t) (p - s), b) > (uint32_t) (p - s);
	if (!any)
		return false;
	*ok = gr_grid_open_row(ctx, g, GR_EV_VALUES, 0, false);
	for (uint32_t i = a; *ok && i <= b;)
	{
		uint32_t	e = i < b ? border_end(s, i, b) : i;

		if (i < b && s[i] != '|' && e == i)
		{
			i++;
			continue;
		}
		/* a cell ends here: it is one when it holds more than white space */
		for (uint32_t k = start; k < i; k++)
			if (!gr_ws(s[k]))
			{
				*ok = gr_grid_cell(ctx, doc, li, l->f_off + start, l->f_off + i, -1, g);
				break;
			}
		i = e > i ? e : i + 1;
		start = i;
	}
	return true;
}

/*
 * Are the region's pipe tables written without outer pipes (Python's
 * html2text: "---|---|---" under "信息内容 | 本年制发件数 | …")?  Their
 * delimiter rows say so: one without a leading pipe, none with one; or,
 * without any, their rows: more lines of two pipes or more that neither
 * begin nor end with one ("规章 |  | 58065 | 98692") than lines that do
 * both.  Then a row whose last cell is empty ("行政规范性文件 | 5 | 0 | ")
 * keeps it, and one whose first and last are (" | （二）部分公开… | 0 | ",
 * folded to what looks framed) both: every '|' parts two fields.
 */
bool
gr_layout_pipes_bare(const gr_doc *doc, int from, int to)
{
	int			bare = 0,
				bare_rows = 0,
				framed_rows = 0;

	for (int i = from; i < to; i++)
	{
		const gr_line *l = &doc->lines[i];
		const char *c = doc->cmp + l->c_off;
		uint32_t	k = 0;
		const char *p;

		if (!l->pipe || l->c_len < 3)
			continue;
		/* a delimiter row: only pipes, dashes and colons */
		while (k < l->c_len && (c[k] == '|' || c[k] == '-' || c[k] == ':'))
			k++;
		if (k == l->c_len && memchr(c, '-', l->c_len) != NULL)
		{
			if (c[0] == '|')
				return false;
			bare++;
			continue;
		}
		/* a row of two pipes at least: its ends */
		if ((p = memchr(c + 1, '|', l->c_len - 2)) == NULL || memchr(p + 1, '|', (size_t) (c + l->c_len - 1 - p)) == NULL)
			continue;
		if (c[0] != '|' && c[l->c_len - 1] != '|')
			bare_rows++;
		else if (c[0] == '|' && c[l->c_len - 1] == '|')
			framed_rows++;
	}
	return bare > 0 || bare_rows > framed_rows;
}

bool
gr_layout_pipes(gr_ctx *ctx, const gr_doc *doc, int li, bool bare, gr_grid *g)
{
	const gr_line *l = &doc->lines[li];
	const char *s = doc->fold + l->f_off;
	uint32_t	a = 0,
				b = l->f_len,
				start;
	bool		piped = false,
				under = memchr(s, '_', l->f_len) != NULL,
				ok;
	int			slots = 1,
				slot = 0;

	while (a < b && gr_ws(s[a]))
		a++;
	while (b > a && gr_ws(s[b - 1]))
		b--;
	if (pipes_with_borders(ctx, doc, li, a, b, g, &ok))
		return ok;
	/*
	 * A lone '|' where pipes frame rows is no cell: reStructuredText's empty
	 * line of a line block ("| " after a grid table), not an empty cell of
	 * the table's last row (where every '|' ends a cell, gr_layout_pipe_cells
	 * reads the lines, a lone '|' an empty cell).
	 */
	if (b - a == 1 && s[a] == '|')
		return gr_grid_open_row(ctx, g, GR_EV_ORDER, 0, false);	/* a row of no cell: the line's own */
	if (bare)
		;						/* every '|' parts two fields, an empty one at an end too */
	else if (b - a >= 2 && s[a] == '|' && s[b - 1] == '|')
	{
		a++;					/* Markdown row: cells between the pipes */
		b--;
	}
	else if (b > a && s[b - 1] == '|')
	{
		b--;					/* "X |": the last pipe ends the cell */
		piped = true;
	}
	for (uint32_t i = a; i < b; i++)
		slots += s[i] == '|';
	/* a Markdown row of one field still shows it, empty or not */
	if (!gr_grid_open_row(ctx, g, piped || slots == 1 ? GR_EV_ORDER : GR_EV_FIELDS,
						  !piped && slots > 1 ? slots : 0, false))
		return false;
	g->rows[g->nrows - 1].piped = piped;
	start = a;
	for (uint32_t i = a; i <= b; i++)
		if (i == b || s[i] == '|')
		{
			if (!field(ctx, doc, li, l->f_off + start, l->f_off + i, slot++, g, slots > 1 && !piped, under))
				return false;
			start = i + 1;
		}
	return true;
}

/*
 * Where the filler of a line begins: pipes after white space behind a
 * cell's closing pipe ("8 | ||||", "| 0 | ||") stand for the row's merged
 * cells, as a line of pipes does between rows, and are no cells.  An empty
 * cell after a value has a line of its own ("|"), so nothing is lost.
 */
static uint32_t
filler_start(const char *s, uint32_t end)
{
	uint32_t	k = end,
				j,
				i;

	while (k > 0 && s[k - 1] == '|')
		k--;
	if (k == end || k == 0 || !gr_ws(s[k - 1]))
		return end;				/* no pipes at the end, or glued to the cell */
	j = k;
	while (j > 0 && gr_ws(s[j - 1]))
		j--;
	if (j == 0 || s[j - 1] != '|')
		return end;
	for (i = j - 1; i > 0 && s[i - 1] != '|'; i--)
		;
	for (; i < j - 1; i++)
		if (!gr_ws(s[i]))
			return j;			/* behind a cell with text: filler */
	return end;
}

/*
 * Do most pipe lines of the region end a cell ("X |") rather than frame a
 * Markdown row?  Lines that read either way say nothing: filler of pipes
 * only ("||||"), and "| 25 |", which is an empty cell then 25 as much as a
 * Markdown row of one cell.  A framed row has two cells at least.  So has
 * a row of fields whose last is empty ("一、本年新收… | 32 | 2 | … | 34 | ",
 * Markdown without its outer pipes, as Python's html2text writes it): a
 * line of three pipes and more is a row, not a cell.
 */
bool
gr_layout_pipe_ended(const gr_doc *doc, int from, int to)
{
	int			ended = 0,
				framed = 0;

	for (int i = from; i < to; i++)
	{
		const char *s = doc->cmp + doc->lines[i].c_off;
		uint32_t	n = doc->lines[i].c_len,
					fn;
		const char *f;
		int			pipes = 0;

		if (n < 2 || s[n - 1] != '|')
			continue;
		/* "X |" and "X | Y |": a cell ended, no need to look for filler */
		if (s[0] != '|' && ((f = memchr(s, '|', n - 1)) == NULL || memchr(f + 1, '|', (size_t) (s + n - 1 - f - 1)) == NULL))
		{
			ended++;
			continue;
		}
		/* the pipes of "| 0 | ||" without its filler: two, one cell */
		f = doc->fold + doc->lines[i].f_off;
		fn = doc->lines[i].f_len;
		while (fn > 0 && gr_ws(f[fn - 1]))
			fn--;
		fn = filler_start(f, fn);
		for (uint32_t k = 0; k < fn; k++)
			pipes += f[k] == '|';
		if (pipes >= 3 && (uint32_t) pipes < n)
			framed++;
		else if (s[0] != '|')
			ended++;
	}
	return ended >= 3 && ended * 10 >= (ended + framed) * 7;
}

/* A line of a region where every '|' ends a cell: the cells in order, empty ones shown. */
bool
gr_layout_pipe_cells(gr_ctx *ctx, const gr_doc *doc, int li, gr_grid *g)
{
	const gr_line *l = &doc->lines[li];
	const char *s = doc->fold + l->f_off;
	uint32_t	start = 0,
				end = l->f_len;

	while (end > 0 && gr_ws(s[end - 1]))
		end--;
	end = filler_start(s, end);
	if (!gr_grid_open_row(ctx, g, GR_EV_ORDER, 0, false))
		return false;
	g->rows[g->nrows - 1].piped = true;
	for (uint32_t i = 0; i < end; i++)
		if (s[i] == '|')
		{
			if (!gr_grid_cell(ctx, doc, li, l->f_off + start, l->f_off + i, -1, g))
				return false;
			start = i + 1;
		}
	/* text after the last '|' is a cell not yet ended */
	for (uint32_t i = start; i < end; i++)
		if (!gr_ws(s[i]))
			return gr_grid_cell(ctx, doc, li, l->f_off + start, l->f_off + end, -1, g);
	return true;
}
