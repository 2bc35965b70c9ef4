/*
 * gr_grid.c — the grid every layout ends in (see gr_grid.h): rows and
 * their cells, a cell's value read from its text, and the walk over a
 * table region that hands each line to the layout adapter it needs
 * (gr_layout_html.c, gr_layout_lines.c, gr_layout_delim.c,
 * gr_layout_spaced.c).  Lines that hold no cell — page marks, rule lines,
 * filler pipes — never reach an adapter.
 */
#include "gr_grid.h"

/* Room for one more cell at g->v[g->n]; false on failure (error set). */
static inline bool
grid_room(gr_ctx *ctx, gr_grid *g)
{
	int			cap;
	gr_tok	   *nv;

	if (g->n < g->cap)
		return true;
	cap = g->cap + g->cap / 2 + 64;
	if (cap < g->hint)
		cap = g->hint;
	nv = gr_alloc(ctx, sizeof(gr_tok) * (size_t) cap);
	if (!nv)
		return false;
	if (g->n)
		memcpy(nv, g->v, sizeof(gr_tok) * (size_t) g->n);
	gr_release(ctx, g->v, sizeof(gr_tok) * (size_t) g->cap);
	g->v = nv;
	g->cap = cap;
	return true;
}

/* The cell at g->v[g->n], made in place, joins the open row. */
static inline void
grid_commit(gr_grid *g)
{
	g->n++;
	g->rows[g->nrows - 1].n++;
}

static bool
grid_push(gr_ctx *ctx, gr_grid *g, const gr_tok *tok)
{
	if (!grid_room(ctx, g))
		return false;
	g->v[g->n] = *tok;
	grid_commit(g);
	return true;
}

/* Start a grid row; cells pushed from now on are its own. */
bool
gr_grid_open_row(gr_ctx *ctx, gr_grid *g, gr_evidence ev, int width, bool bounded)
{
	gr_grow    *r;

	if (g->nrows == g->rcap)
	{
		int			cap = g->rcap * 2 + 32;
		gr_grow    *nr = gr_alloc(ctx, sizeof(gr_grow) * (size_t) cap);

		if (!nr)
			return false;
		if (g->nrows)
			memcpy(nr, g->rows, sizeof(gr_grow) * (size_t) g->nrows);
		gr_release(ctx, g->rows, sizeof(gr_grow) * (size_t) g->rcap);
		g->rows = nr;
		g->rcap = cap;
	}
	r = &g->rows[g->nrows++];
	memset(r, 0, sizeof(*r));
	r->first = g->n;
	r->ev = ev;
	r->width = width;
	r->bounded = bounded;
	return true;
}

/*
 * A row of one line is done.  A lone cell on a line says nothing about
 * where rows begin ("0 |", seed 002), except in a region laid out one cell
 * per line, where such a line stands apart from the cells around it.
 */
static void
close_line_row(gr_grid *g, bool cell_per_line)
{
	gr_grow    *r = &g->rows[g->nrows - 1];

	r->multi = r->n > 1;
	r->bounded = r->multi || cell_per_line;
}

static void
cell_init(gr_tok *t, const gr_doc *doc, const gr_grid *g, int li, uint32_t from, uint32_t to, int pos)
{
	memset(t, 0, sizeof(*t));
	t->f_from = from;
	t->f_to = to;
	t->line = li;
	t->pos = pos;
	t->row = g->nrows - 1;
	t->col = -1;
	t->span = 1;
	t->kind = gr_value_parse(doc->fold + from, to - from, &t->v);
	if (t->kind == GR_TK_NUM)
		t->v.unit_off += from;
}

/* The cell fold[from, to) of line li as one cell, however many words it has. */
bool
gr_grid_cell_whole(gr_ctx *ctx, const gr_doc *doc, int li, uint32_t from, uint32_t to, gr_grid *g)
{
	while (from < to && gr_ws(doc->fold[from]))
		from++;
	while (to > from && gr_ws(doc->fold[to - 1]))
		to--;
	if (!grid_room(ctx, g))
		return false;
	cell_init(&g->v[g->n], doc, g, li, from, to, -1);
	grid_commit(g);
	return true;
}

/* Does one of the eight bytes of w equal c?  (Exact: a byte of w ^ c is zero.) */
static inline bool
word_has(uint64_t w, unsigned char c)
{
	uint64_t	x = w ^ (UINT64_C(0x0101010101010101) * c);

	return ((x - UINT64_C(0x0101010101010101)) & ~x & UINT64_C(0x8080808080808080)) != 0;
}

/*
 * Where the last word of f[from, to) begins: after its last white space.
 * Lines of prose have none, so the bytes are looked at eight at a time.
 */
static uint32_t
after_last_ws(const char *f, uint32_t from, uint32_t to)
{
	uint32_t	i = to;

	while (i - from >= 8)
	{
		uint64_t	w;

		memcpy(&w, f + i - 8, 8);
		if (word_has(w, ' ') || word_has(w, '\t'))
			break;
		i -= 8;
	}
	while (i > from && !gr_ws(f[i - 1]))
		i--;
	return i;
}

/*
 * Is the word f[from, to) a value where a number belongs: a number, a
 * dash, or what is written for one and is none (--253, 1.2.3: ASCII with a
 * digit, kept as a text cell in its place, as a layout's own cell is)?
 */
static bool
value_word(const char *f, uint32_t from, uint32_t to)
{
	gr_value	v;
	gr_tok_kind k = gr_value_parse(f + from, to - from, &v);
	bool		digit = false;

	if (k == GR_TK_NUM || k == GR_TK_DASH)
		return true;
	for (uint32_t i = from; i < to; i++)
	{
		if ((unsigned char) f[i] >= 0x80 || (unsigned) (((unsigned char) f[i] | 0x20) - 'a') < 26u)
			return false;
		digit |= f[i] >= '0' && f[i] <= '9';
	}
	return digit;
}

/*
 * The cell fold[from, to) of line li, into the open row.  A text cell
 * whose trailing words are numbers ("一、本年新收… 3001 53 0") is split
 * into the text and one cell per number: the numbers after a label.  A
 * word written where a number belongs and not one (--253) is among them:
 * the row keeps its place.
 */
bool
gr_grid_cell(gr_ctx *ctx, const gr_doc *doc, int li, uint32_t from, uint32_t to, int pos, gr_grid *g)
{
	const char *f = doc->fold;
	gr_tok	   *tok;
	uint32_t	words[64][2];
	int			nw = 0;
	int			first_num;

	if (gr_poll(ctx))
		return false;			/* a line can hold a million cells: poll per cell */
	while (from < to && gr_ws(f[from]))
		from++;
	while (to > from && gr_ws(f[to - 1]))
		to--;
	/* made where it will stay, not copied there; it joins the row once it is known whole */
	if (!grid_room(ctx, g))
		return false;
	tok = &g->v[g->n];
	cell_init(tok, doc, g, li, from, to, pos);
	if (tok->kind != GR_TK_TEXT)
	{
		grid_commit(g);
		return true;
	}
	/* most text cells end in a word that is no number: nothing to split off */
	{
		uint32_t	s = after_last_ws(f, from, to);

		if (s == from || !value_word(f, s, to))
		{
			grid_commit(g);		/* one word, the text itself; or no value at its end */
			return true;
		}
	}

	/* split at single spaces; keep trailing numeric words apart */
	for (uint32_t i = from; i < to && nw < 64;)
	{
		uint32_t	s = i;

		while (i < to && !gr_ws(f[i]))
			i++;
		words[nw][0] = s;
		words[nw][1] = i;
		nw++;
		while (i < to && gr_ws(f[i]))
			i++;
	}
	for (first_num = nw; first_num > 0; first_num--)
		if (!value_word(f, words[first_num - 1][0], words[first_num - 1][1]))
			break;
	if (first_num == nw || nw >= 64)
	{
		grid_commit(g);
		return true;
	}
	/* the text before the numbers, if any; else the slot is the first number's */
	if (first_num > 0)
	{
		tok->f_to = words[first_num - 1][1];
		grid_commit(g);
	}
	for (int w = first_num; w < nw; w++)
	{
		gr_tok		nt;

		cell_init(&nt, doc, g, li, words[w][0], words[w][1],
				  pos >= 0 ? pos + gr_utf8_chars(f + from, words[w][0] - from) : -1);
		if (!grid_push(ctx, g, &nt))
			return false;
	}
	return true;
}

/* A rule line of a Markdown or plain-text table: only | - = : + and space. */
static bool
is_rule_line(const char *s, uint32_t len)
{
	bool		dash = false;

	for (uint32_t i = 0; i < len; i++)
	{
		if (s[i] == '-' || s[i] == '=')
			dash = true;
		else if (s[i] != '|' && s[i] != ':' && s[i] != '+' && !gr_ws(s[i]))
			return false;
	}
	return dash;
}

static bool
only_pipes(const char *s, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		if (s[i] != '|')
			return false;
	return true;
}

/* Lines that hold no cell: page marks, rule lines, filler pipes between rows (seed 002). */
static bool
is_noise_line(const gr_doc *doc, const gr_line *l)
{
	const char *s = doc->fold + l->f_off;

	if (l->c_len > 0 && gr_is_page_mark(doc->cmp + l->c_off, l->c_len))
		return true;
	if (is_rule_line(s, l->f_len))
		return true;
	return l->c_len >= 2 && only_pipes(doc->cmp + l->c_off, l->c_len);
}

/* What the region's lines show of its layout, found once before its lines are read. */
typedef struct region_layout
{
	bool		cell_per_line;	/* one cell a line behind a tab (seed 000) */
	bool		pipe_ended;		/* cells ended by '|' (seed 002) */
	bool		pipes_bare;		/* pipe tables without outer pipes (Python's html2text) */
	gr_ruled	ruled;			/* columns under a rule of dashes */
} region_layout;

/* The line by the adapter of its layout; false on failure (error set). */
static bool
grid_line(gr_ctx *ctx, const gr_doc *doc, int li, const region_layout *rl, bool *new_row, gr_grid *g)
{
	bool		cell_per_line = rl->cell_per_line;
	const gr_ruled *ruled = &rl->ruled;
	const gr_line *l = &doc->lines[li];
	const char *s = doc->fold + l->f_off;
	int			html = gr_layout_html(ctx, doc, li, g);

	if (html != 0)
	{
		if (html > 0)
			close_line_row(g, cell_per_line);
		*new_row = !cell_per_line;
		return html > 0;
	}
	if (l->glued)
	{
		*new_row = !cell_per_line;
		return gr_layout_glued(ctx, doc, li, g);
	}
	if (cell_per_line)
	{
		if (l->f_len > 0 && s[0] == '\t' && l->tabs == 1)
		{
			if (!gr_layout_lead_tab(ctx, doc, li, *new_row, g))
				return false;
			*new_row = false;
			return true;
		}
		if (gr_layout_continue_cell(doc, li, *new_row, g))
			return true;
	}
	if (rl->pipe_ended && l->tabs == 0 && l->pipe)
	{
		/* cells ended by '|': the row is the region's, not the line's */
		if (!gr_layout_pipe_cells(ctx, doc, li, g))
			return false;
		*new_row = !cell_per_line;
		return true;
	}
	if (ruled->n > 0 && li > ruled->rule_line && li < ruled->end_line && l->tabs == 0 && !l->pipe)
	{
		bool		ok;

		if (gr_layout_ruled(ctx, doc, li, ruled, g, &ok))
		{
			if (!ok)
				return false;
			close_line_row(g, cell_per_line);
			*new_row = !cell_per_line;
			return true;
		}
	}
	if (!(l->tabs > 0 ? gr_layout_tabs(ctx, doc, li, g) :
		  l->pipe ? gr_layout_pipes(ctx, doc, li, rl->pipes_bare, g) :
		  gr_layout_spaced(ctx, doc, li, g)))
		return false;
	close_line_row(g, cell_per_line);
	*new_row = !cell_per_line;
	return true;
}

gr_status
gr_tokenize(gr_ctx *ctx, const gr_doc *doc, int line_from, int line_to, gr_grid *out)
{
	region_layout rl;
	bool		cell_per_line = rl.cell_per_line = gr_layout_cell_per_line(doc, line_from, line_to);
	bool		blank_spaced = !cell_per_line && gr_layout_blank_spaced(doc, line_from, line_to);
	bool		doubled = cell_per_line && gr_layout_breaks_doubled(doc, line_from, line_to);
	int			empties = 0;	/* empty lines in a row, for doubled line breaks */
	int			blanks = -1;	/* blank lines since the last cell, -1 before the first */
	bool		new_row = true;

	rl.pipe_ended = gr_layout_pipe_ended(doc, line_from, line_to);
	rl.pipes_bare = !rl.pipe_ended && gr_layout_pipes_bare(doc, line_from, line_to);
	gr_layout_ruled_find(doc, line_from, line_to, &rl.ruled);
	out->n = 0;
	out->nrows = 0;
	out->hint = 0;
	/* a line with text holds a cell at least, and so does one of tabs only (an empty cell) */
	for (int li = line_from; li < line_to; li++)
		out->hint += doc->lines[li].c_len > 0 || doc->lines[li].tabs > 0;
	for (int li = line_from; li < line_to; li++)
	{
		const gr_line *l = &doc->lines[li];

		if (gr_poll(ctx))
			return ctx->err->status;
		/* an empty line ends a row of one-cell-per-line layouts; the second, where every break is doubled */
		if (l->c_len == 0 && l->tabs == 0)
		{
			new_row |= !doubled || ++empties >= 2;
			blanks += blanks >= 0;
			continue;
		}
		empties = 0;
		if (is_noise_line(doc, l))
		{
			/*
			 * The blank lines around a page mark are the mark's, and those
			 * before it past the one that parts two cells either the page's
			 * margin or the row's empty cells where the page ended: soft
			 * empty cells, which placing counts only where the row needs
			 * them (gr_place.c).
			 */
			if (blank_spaced && blanks > 1 && li > 0 &&
				!gr_layout_blank_cells(ctx, doc, li - 1, blanks - 1, true, out))
				return ctx->err->status;
			if (blank_spaced && blanks > 0)
				blanks = 0;
			continue;
		}
		/* cells one blank line apart: each further blank line is an empty cell */
		if (blank_spaced && blanks > 1 && !gr_layout_blank_cells(ctx, doc, li, blanks - 1, false, out))
			return ctx->err->status;
		blanks = 0;
		if (!grid_line(ctx, doc, li, &rl, &new_row, out))
			return ctx->err->status;
		/* … and the cells so shown come in order, empty ones included */
		if (blank_spaced && out->nrows > 0 && out->rows[out->nrows - 1].ev == GR_EV_VALUES &&
			out->rows[out->nrows - 1].n == 1)
			out->rows[out->nrows - 1].ev = GR_EV_ORDER;
	}
	/*
	 * Empty cells at the end of the region: the blank lines before what
	 * follows (a section's body ends at its last text, so they lie beyond).
	 */
	if (blank_spaced && blanks >= 0)
	{
		for (int li = line_to; li < doc->nlines && doc->lines[li].c_len == 0 && doc->lines[li].tabs == 0; li++)
			blanks++;
		if (blanks > 1 && !gr_layout_blank_cells(ctx, doc, line_to - 1, blanks - 1, false, out))
			return ctx->err->status;
	}
	/*
	 * The room beyond the last cell is for later requests (the walk's
	 * arrays); the next table's grid grows again from here.
	 */
	if (out->cap - out->n >= 16)
	{
		gr_release(ctx, out->v + out->n, sizeof(gr_tok) * (size_t) (out->cap - out->n));
		out->cap = out->n;
	}
	if (out->rcap - out->nrows >= 16)
	{
		gr_release(ctx, out->rows + out->nrows, sizeof(gr_grow) * (size_t) (out->rcap - out->nrows));
		out->rcap = out->nrows;
	}
	/* each cell's first cell on a later line, in one pass from the end */
	for (int i = out->n - 1; i >= 0; i--)
		out->v[i].next_line = i + 1 >= out->n ? out->n :
			out->v[i + 1].line != out->v[i].line ? i + 1 : out->v[i + 1].next_line;
	return GR_OK;
}
