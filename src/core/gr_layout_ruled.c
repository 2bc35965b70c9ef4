/*
 * gr_layout_ruled.c — columns drawn by a rule of dashes: a line of dash
 * runs set apart by spaces ("------ ---- ----": pandoc's plain text and
 * Markdown tables, reStructuredText's "====== ====") over a table whose
 * cells stand under the runs, an empty cell as spaces.  A word belongs to
 * the run it starts under, counted in the columns of a fixed-width
 * rendering (gr_utf8_cols: a Chinese character takes two, as the tools
 * that draw such tables count), so a row shows its fields, empty ones
 * included (GR_EV_FIELDS), as a tab-separated row does.  A word that
 * starts between two runs, or outside them, leaves the line to the spaced
 * layout: the rule does not say whose it is.
 */
#include "gr_grid.h"

/* A space of the rendering at s, its bytes (' ', U+00A0, U+3000), else 0; *cols its columns. */
static int
space_at(const unsigned char *s, uint32_t len, int *cols)
{
	*cols = 1;
	if (s[0] == ' ')
		return 1;
	if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (len >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
	{
		*cols = 2;
		return 3;
	}
	return 0;
}

/* The next character of the line at s[*i]: its columns, *i past it; false at a malformed byte. */
static bool
next_char(const unsigned char *s, uint32_t len, uint32_t *i, int *cols, bool *space)
{
	uint32_t	cp;
	int			n = space_at(s + *i, len - *i, cols);

	*space = n > 0;
	if (n == 0)
	{
		n = s[*i] < 0x80 ? 1 : gr_utf8_decode(s + *i, len - *i, &cp);
		if (n == 0)
			return false;
		*cols = s[*i] < 0x80 ? 1 : gr_utf8_cols(cp);
	}
	*i += (uint32_t) n;
	return true;
}

/* Does the folded line hold only dashes, '=' and spaces, a dash or '=' first? */
static bool
dashes_only(const gr_doc *doc, int li)
{
	const gr_line *l = &doc->lines[li];
	const char *f = doc->fold + l->f_off;
	uint32_t	i = 0;

	while (i < l->f_len && f[i] == ' ')
		i++;
	if (i == l->f_len || (f[i] != '-' && f[i] != '='))
		return false;
	for (; i < l->f_len; i++)
		if (f[i] != '-' && f[i] != '=' && f[i] != ' ')
			return false;
	return true;
}

/* The runs of rule line li, in columns, into r; their number (0 when li is no rule). */
static int
rule_runs(const gr_doc *doc, int li, gr_ruled *r)
{
	const gr_line *l = &doc->lines[li];
	const unsigned char *s = (const unsigned char *) doc->src + l->s_off;
	uint32_t	i = 0;
	int			col = 0,
				cols;
	bool		in = false,
				space;

	r->n = 0;
	if (!dashes_only(doc, li))
		return 0;
	while (i < l->s_len)
	{
		if (!next_char(s, l->s_len, &i, &cols, &space))
			return r->n = 0;
		if (!space && !in)
		{
			if (r->n == GR_RULED_MAX)
				return r->n = 0;
			r->from[r->n] = col;
			in = true;
		}
		else if (space && in)
		{
			r->to[r->n++] = col;
			in = false;
		}
		col += cols;
	}
	if (in)
		r->to[r->n++] = col;
	return r->n;
}

/*
 * The rule of columns of lines [from, to), if any: the first line of
 * three dash runs or more; it holds to the next line of dashes (the
 * table's bottom rule), else to the region's end.
 */
bool
gr_layout_ruled_find(const gr_doc *doc, int from, int to, gr_ruled *r)
{
	r->n = 0;
	r->rule_line = r->end_line = -1;
	for (int li = from; li < to; li++)
	{
		const gr_line *l = &doc->lines[li];

		/* the line's first character, white space aside, a dash or '=' */
		if (l->c_len < 3 || (doc->cmp[l->c_off] != '-' && doc->cmp[l->c_off] != '=') || l->tabs || l->pipe)
			continue;
		if (rule_runs(doc, li, r) >= 3)
		{
			r->rule_line = li;
			r->end_line = to;
			for (int k = li + 1; k < to; k++)
				if (doc->lines[k].c_len > 0 && (doc->cmp[doc->lines[k].c_off] == '-' || doc->cmp[doc->lines[k].c_off] == '=') &&
					dashes_only(doc, k))
				{
					r->end_line = k;
					break;
				}
			return true;
		}
	}
	r->n = 0;
	return false;
}

/* The run a word starting at column col stands under, -1 for none. */
static int
run_of(const gr_ruled *r, int col)
{
	for (int k = 0; k < r->n; k++)
		if (col >= r->from[k] && col < r->to[k])
			return k;
	return -1;
}

/*
 * Line li cut by the rule into one field per run.  False when the rule
 * cannot cut it (a word outside the runs, a malformed byte), and nothing
 * was made; else *ok says whether the cells were made.
 */
bool
gr_layout_ruled(gr_ctx *ctx, const gr_doc *doc, int li, const gr_ruled *r, gr_grid *g, bool *ok)
{
	const gr_line *l = &doc->lines[li];
	const unsigned char *s = (const unsigned char *) doc->src + l->s_off;
	uint32_t	start[GR_RULED_MAX],	/* each run's text in the line, bytes of src */
				end[GR_RULED_MAX];
	uint32_t	i = 0;
	int			col = 0,
				cols,
				last = -1;
	bool		space,
				prev_space = true;

	for (int k = 0; k < r->n; k++)
		start[k] = end[k] = 0;
	while (i < l->s_len)
	{
		uint32_t	at = i;

		if (!next_char(s, l->s_len, &i, &cols, &space))
			return false;
		if (!space && prev_space)
		{
			/* a word begins: under a run, never before the runs already filled */
			int			k = run_of(r, col);

			if (k < 0 || k < last)
				return false;
			if (k != last)
				start[k] = at;
			last = k;
		}
		if (!space)
			end[last] = i;
		prev_space = space;
		col += cols;
	}
	if (last < 0)
		return false;
	*ok = gr_grid_open_row(ctx, g, GR_EV_FIELDS, r->n, false);
	for (int k = 0; k < r->n && *ok; k++)
	{
		int			before = g->n;
		uint32_t	a = end[k] > start[k] ? gr_doc_s2f(doc, l->s_off + start[k]) : 0,
					b = end[k] > start[k] ? gr_doc_s2f(doc, l->s_off + end[k]) : 0;

		if (end[k] <= start[k])
		{
			/* an empty cell: where the text before it ends */
			a = b = g->n > g->rows[g->nrows - 1].first ? g->v[g->n - 1].f_to : l->f_off;
		}
		*ok = gr_grid_cell(ctx, doc, li, a, b, -1, g);
		if (*ok && g->n == before + 1)
			g->v[before].col = k;
	}
	return true;
}
