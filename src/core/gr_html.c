/*
 * gr_html.c — reports scraped as web pages: the page, read into a compact
 * tree by libxml2's HTML parser (gr_html_sax.c), becomes the text a report
 * reader would see.
 *
 * Block elements start lines; inline runs (<span>, <font>) join without a
 * gap, so 为</font>20</span><span>23 reads 2023 (Word's <o:p> is a <p>
 * here: libxml2 names elements by their local name); entities are
 * decoded; <script> and <style> are dropped.  Every data <table> is
 * rebuilt as a grid with rowspan and colspan expanded: each grid row is
 * one rendered line (its cells apart by tabs, for the text of the
 * section), and every slot of the grid is recorded from the tree — the
 * cell that starts there with its span, or the slot a span covers — so
 * that gr_layout_html.c builds the table's grid from the tree, never by
 * splitting text.  A table that holds another table is page layout, not
 * data: its cells are rendered as blocks.
 *
 * Every rendered line remembers the input line it came from, so values
 * and sections name lines of the HTML as stored.
 *
 * A text with HTML tables (Markdown as MinerU or pandoc write it,
 * gr_html_detect.c), or Markdown that keeps a page's <div> and <span> as
 * raw HTML, is no page: gr_html_text.c renders its text outside the
 * tables line for line, and only its tables come from libxml2's tree.
 */
#include "gr_html_render.h"


/* Record one slot of a table's grid: a cell starting there, or a slot a span covers. */
static void
add_cell(render *r, uint32_t from, int col, int span, bool covered)
{
	gr_html_cell *c;

	if (r->ncells == r->ccap)
	{
		int			cap = r->ccap * 2 + 256;
		gr_html_cell *nc = gr_alloc(r->ctx, sizeof(gr_html_cell) * (size_t) cap);

		if (!nc)
		{
			r->failed = true;
			return;
		}
		if (r->ncells)
			memcpy(nc, r->cells, sizeof(gr_html_cell) * (size_t) r->ncells);
		gr_release(r->ctx, r->cells, sizeof(gr_html_cell) * (size_t) r->ccap);
		r->cells = nc;
		r->ccap = cap;
	}
	c = &r->cells[r->ncells++];
	c->from = from;
	c->to = (uint32_t) r->len;
	c->line = r->nlines - 1;
	c->col = col;
	c->span = span;
	c->covered = covered;
}

static bool
grow(render *r, size_t need)
{
	if (r->len + need <= r->cap)
		return true;
	{
		size_t		cap = r->cap * 2 + need + 1024;
		char	   *nb = gr_alloc(r->ctx, cap);

		if (!nb)
		{
			r->failed = true;
			return false;
		}
		if (r->len)
			memcpy(nb, r->buf, r->len);
		gr_release(r->ctx, r->buf, r->cap);
		r->buf = nb;
		r->cap = cap;
	}
	return true;
}

void
gr_hr_start_line(render *r, int lineno)
{
	if (r->line_open)
		return;
	if (r->nlines == r->lcap)
	{
		int			cap = r->lcap * 2 + 256;
		int		   *nl = gr_alloc(r->ctx, sizeof(int) * (size_t) cap);

		if (!nl)
		{
			r->failed = true;
			return;
		}
		if (r->nlines)
			memcpy(nl, r->lines, sizeof(int) * (size_t) r->nlines);
		gr_release(r->ctx, r->lines, sizeof(int) * (size_t) r->lcap);
		r->lines = nl;
		r->lcap = cap;
	}
	r->lines[r->nlines++] = lineno > 0 ? lineno : 1;
	r->line_open = true;
	r->space = false;
}

void
gr_hr_put_bytes(render *r, const char *s, size_t n, int lineno)
{
	gr_hr_start_line(r, lineno);
	if (r->failed || !grow(r, n + 1))
		return;
	memcpy(r->buf + r->len, s, n);
	r->len += n;
}

void
gr_hr_newline(render *r)
{
	if (!r->line_open)
		return;
	if (!grow(r, 1))
		return;
	r->buf[r->len++] = '\n';
	r->line_open = false;
	r->space = false;
}

static inline bool
is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/*
 * Text with white space runs collapsed; NBSP stays (it is content).  The
 * text ends at a NUL byte, as libxml2's node content (a C string) ended.
 */
static void
put_text(render *r, const char *s, size_t n, int lineno)
{
	const unsigned char *p = (const unsigned char *) s;
	const unsigned char *end = memchr(p, 0, n);

	if (end == NULL)
		end = p + n;
	while (p < end)
	{
		if (is_ws(*p))
		{
			if (r->line_open)
				r->space = true;
			p++;
			continue;
		}
		{
			const unsigned char *q = p;

			while (q < end && !is_ws(*q))
				q++;
			if (r->space)
				gr_hr_put_bytes(r, " ", 1, lineno);
			r->space = false;
			gr_hr_put_bytes(r, (const char *) p, (size_t) (q - p), lineno);
			p = q;
		}
	}
}

static inline bool
is_block(const gr_hnode *n)
{
	return n->type == GR_HN_ELEM && (n->tag == GR_HT_BLOCK || n->tag == GR_HT_TABLE ||
									 n->tag == GR_HT_TR || n->tag == GR_HT_TSECT);
}

static inline bool
is_text(const gr_hnode *n)
{
	return n->type == GR_HN_TEXT || n->type == GR_HN_CDATA;
}

/*
 * The text of a table cell: everything inside, joined, on one line; blocks
 * and <br> inside a cell join without a gap (本年新<br>制作数量).  A walk
 * along the tree's links, without recursion.
 */
static void
cell_text(render *r, const gr_htree *t, int32_t cell, int lineno)
{
	int32_t		i = gr_hn(t, cell)->first;

	while (i != GR_HN_NONE && !r->failed)
	{
		const gr_hnode *c = gr_hn(t, i);

		if (is_text(c))
			put_text(r, gr_hn_text(t, c), c->u.text.len, lineno);
		else if (c->type == GR_HN_ELEM && c->tag != GR_HT_SKIP)
		{
			if (is_block(c) || c->tag == GR_HT_BR)
				r->space = false;
			if (c->first != GR_HN_NONE)
			{
				i = c->first;
				continue;
			}
			if (is_block(c) || c->tag == GR_HT_BR)
				r->space = false;
		}
		/* on to the next node: up past the elements whose children are done */
		while (gr_hn(t, i)->next == GR_HN_NONE)
		{
			i = gr_hn(t, i)->parent;
			if (i == cell)
				return;
			if (is_block(gr_hn(t, i)) || is_tag(gr_hn(t, i), GR_HT_BR))
				r->space = false;
		}
		i = gr_hn(t, i)->next;
	}
}

/* The <tr> of a table, looking into thead/tbody/tfoot; with rows NULL, only count them. */
static int
collect_rows(const gr_htree *t, int32_t table, int32_t *rows)
{
	int			n = 0;

	for (int32_t i = gr_hn(t, table)->first; i != GR_HN_NONE; i = gr_hn(t, i)->next)
	{
		if (is_tag(gr_hn(t, i), GR_HT_TR))
		{
			if (rows)
				rows[n] = i;
			n++;
		}
		else if (is_tag(gr_hn(t, i), GR_HT_TSECT))
			for (int32_t k = gr_hn(t, i)->first; k != GR_HN_NONE; k = gr_hn(t, k)->next)
				if (is_tag(gr_hn(t, k), GR_HT_TR))
				{
					if (rows)
						rows[n] = k;
					n++;
				}
	}
	return n;
}

static inline bool
slot_taken(const uint8_t *taken, size_t i)
{
	return (taken[i / 8] >> (i % 8)) & 1;
}

/* A row's part of its table's width: its own colspans, and those that reach down. */
static void
row_spans(const gr_htree *t, int32_t tr, long *own, long *down)
{
	*own = 0;
	for (int32_t i = gr_hn(t, tr)->first; i != GR_HN_NONE; i = gr_hn(t, i)->next)
		if (is_tag(gr_hn(t, i), GR_HT_CELL))
		{
			*own += gr_hn(t, i)->u.cell.colspan;
			if (gr_hn(t, i)->u.cell.rowspan > 1)
				*down += gr_hn(t, i)->u.cell.colspan;
		}
}

/*
 * The slots a table's grid needs: no cell reaches past its row's own
 * colspans plus every column a rowspan takes (each slot before a cell is
 * taken, by a span from above or a cell before it in the row), so that a
 * table of two cells gets a grid of three slots a row, not 256 (2,000
 * such tables were 0.5 MB).  At most the fixed limit, as before.  The
 * rows are those collect_rows() finds; *nrows says how many.
 */
static int
table_width(const gr_htree *t, int32_t table, int *nrows)
{
	long		widest = 0,
				down = 0,
				own;
	bool		capped = false;

	*nrows = 0;
	for (int32_t i = gr_hn(t, table)->first; i != GR_HN_NONE; i = gr_hn(t, i)->next)
	{
		int32_t		from = i,
					to = gr_hn(t, i)->next;

		if (is_tag(gr_hn(t, i), GR_HT_TSECT))
		{
			from = gr_hn(t, i)->first;
			to = GR_HN_NONE;
		}
		else if (!is_tag(gr_hn(t, i), GR_HT_TR))
			continue;
		for (int32_t k = from; k != to; k = gr_hn(t, k)->next)
			if (is_tag(gr_hn(t, k), GR_HT_TR))
			{
				(*nrows)++;
				if (capped)
					continue;
				row_spans(t, k, &own, &down);
				if (own > widest)
					widest = own;
				capped = widest + down + 1 >= GR_HTML_MAX_SPAN_COLS * 4;
			}
	}
	return capped ? GR_HTML_MAX_SPAN_COLS * 4 : (int) (widest + down + 1);
}

/*
 * Room for the slots of every data table at once, so that the array is not
 * grown by copies (2,000 one-row tables took 350 kB of copies for 96 kB):
 * their rows times their widths, which is at least what rendering records,
 * but no more than twice their cells (beyond, spans grow it as needed).
 */
void
gr_hr_size_cells(render *r, const gr_htree *t)
{
	size_t		slots = 0,
				cells = 0;
	int			nrows;

	if (r->ccap)
		return;					/* sized already (a text with tables read as a page after all) */

	for (int32_t i = 1; i < t->n; i++)
		if (is_tag(gr_hn(t, i), GR_HT_TABLE) && !gr_hn(t, i)->has_table)
		{
			int			w = table_width(t, i, &nrows);

			slots += (size_t) nrows * (size_t) w;
		}
		else if (is_tag(gr_hn(t, i), GR_HT_CELL))
			cells++;
	if (slots > 2 * cells + 256)
		slots = 2 * cells + 256;
	if (slots == 0 || slots > INT32_MAX / 2)
		return;					/* none, or grown as needed */
	r->cells = gr_alloc(r->ctx, sizeof(gr_html_cell) * slots);
	r->ccap = r->cells ? (int) slots : 0;
}

/* One row of a data table: its cells in the slots the rows above left free. */
static void
render_row(render *r, const gr_htree *t, const int32_t *rows, int nrows, int ri, uint8_t *taken, int maxw)
{
	int			col = 0;
	int			slot = 0;		/* next grid slot to write; a tab goes before each slot but the first */
	int			line = gr_hn_lineno(t, rows[ri]);

	for (int32_t i = gr_hn(t, rows[ri])->first; i != GR_HN_NONE && !r->failed; i = gr_hn(t, i)->next)
	{
		const gr_hnode *c = gr_hn(t, i);
		int			rs,
					cs,
					cline;

		if (!is_tag(c, GR_HT_CELL))
			continue;
		while (col < maxw && slot_taken(taken, (size_t) ri * maxw + col))
			col++;
		if (col >= maxw)
			break;
		rs = c->u.cell.rowspan;
		cs = c->u.cell.colspan;
		for (int y = ri; y < nrows && y < ri + rs; y++)
			for (int x = col; x < maxw && x < col + cs; x++)
				taken[((size_t) y * maxw + x) / 8] |= (uint8_t) (1u << (((size_t) y * maxw + x) % 8));
		cline = gr_hn_lineno(t, i);
		gr_hr_start_line(r, line ? line : cline);
		/* slots before this cell: spans from rows above, or gaps */
		for (; slot < col; slot++)
		{
			if (slot > 0)
				gr_hr_put_bytes(r, "\t", 1, line);
			add_cell(r, (uint32_t) r->len, slot, 1, true);
		}
		if (slot > 0)
			gr_hr_put_bytes(r, "\t", 1, line);
		r->space = false;
		{
			uint32_t	from = (uint32_t) r->len;

			cell_text(r, t, i, cline ? cline : line);
			add_cell(r, from, slot, cs, false);
		}
		slot++;
		/* the further columns this cell spans stay empty */
		for (int k = 1; k < cs && slot < maxw; k++, slot++)
		{
			gr_hr_put_bytes(r, "\t", 1, line);
			add_cell(r, (uint32_t) r->len, slot, 1, true);
		}
		col += cs;
	}
}

/*
 * A data table: the grid with spans expanded, one line per grid row, the
 * text of each cell in the slot where it starts.
 */
static void
render_table(render *r, const gr_htree *t, int32_t table)
{
	int32_t    *rows;
	int			nrows;
	uint8_t    *taken;			/* nrows x maxw occupancy, one bit a slot */
	int			maxw = table_width(t, table, &nrows);

	if (nrows == 0)
		return;
	rows = gr_alloc(r->ctx, sizeof(int32_t) * (size_t) nrows);
	if (!rows)
	{
		r->failed = true;
		return;
	}
	collect_rows(t, table, rows);
	taken = gr_alloc0(r->ctx, ((size_t) nrows * (size_t) maxw + 7) / 8);
	if (!taken)
	{
		r->failed = true;
		return;
	}

	gr_hr_newline(r);
	for (int ri = 0; ri < nrows && !r->failed; ri++)
	{
		if (gr_poll(r->ctx))
		{
			r->failed = true;
			return;
		}
		render_row(r, t, rows, nrows, ri, taken, maxw);
		gr_hr_newline(r);
	}
	/* the next table's (a page of 2,000 small tables needs one table's room) */
	gr_release(r->ctx, taken, ((size_t) nrows * (size_t) maxw + 7) / 8);
	gr_release(r->ctx, rows, sizeof(int32_t) * (size_t) nrows);
}

/*
 * A page's publication date in its metadata (<meta name="PubDate"
 * content="2024-01-17 10:00">): rendered as the line 发布日期:… that the
 * metadata step reads like any printed one.
 */
static void
render_pub_date(render *r, const gr_htree *t, int32_t i)
{
	static const char label[] = "发布日期:";
	const gr_hnode *n = gr_hn(t, i);
	int			line = gr_hn_lineno(t, i);

	gr_hr_newline(r);
	put_text(r, label, sizeof(label) - 1, line);
	put_text(r, gr_hn_text(t, n), n->u.text.len, line);
	gr_hr_newline(r);
}

/* Render node i; true when its children are to be rendered after it. */
bool
gr_hr_render_node(render *r, const gr_htree *t, int32_t i)
{
	const gr_hnode *n = gr_hn(t, i);
	int			line;

	if (is_text(n))
	{
		line = gr_hn_lineno(t, i);
		if (!line)
			line = gr_hn_lineno(t, n->parent);
		put_text(r, gr_hn_text(t, n), n->u.text.len, line);
		return false;
	}
	if (n->type != GR_HN_ELEM || n->tag == GR_HT_SKIP)
		return false;			/* comments, processing instructions */
	switch (n->tag)
	{
		case GR_HT_META:
			if (n->pub_date)
				render_pub_date(r, t, i);
			return false;
		case GR_HT_BR:
			if (!r->line_open)
				gr_hr_start_line(r, gr_hn_lineno(t, i));
			gr_hr_newline(r);
			return false;
		case GR_HT_TABLE:
			if (!n->has_table)
			{
				render_table(r, t, i);
				return false;
			}
			break;
		default:
			break;
	}
	if (is_block(n) || n->tag == GR_HT_CELL)
		gr_hr_newline(r);
	return true;
}

/*
 * The page in document order, along the tree's links (no recursion, so
 * no nesting can overflow the stack).  Nodes nested deeper than
 * HTML_MAX_DEPTH are not rendered, as the recursive walk this replaces
 * did not render them; inline elements (<span>, <font>, …) do not count,
 * so that a page reads the same with the ones gr_html_slim.c takes out.
 */
#define HTML_MAX_DEPTH 200

/* What a node adds to the depth of its children. */
static inline int
depth_step(const gr_hnode *n)
{
	return n->type == GR_HN_ELEM && n->tag == GR_HT_OTHER ? 0 : 1;
}

void
gr_hr_render_tree(render *r, const gr_htree *t, int32_t root)
{
	int32_t		i = gr_hn(t, root)->first;
	int			depth = 1;

	while (i != GR_HN_NONE && !r->failed)
	{
		const gr_hnode *n = gr_hn(t, i);

		if (depth <= HTML_MAX_DEPTH && gr_hr_render_node(r, t, i))
		{
			if (n->first != GR_HN_NONE)
			{
				i = n->first;
				depth += depth_step(n);
				continue;
			}
			if (is_block(n) || n->tag == GR_HT_CELL)
				gr_hr_newline(r);
		}
		while (gr_hn(t, i)->next == GR_HN_NONE)
		{
			i = gr_hn(t, i)->parent;
			depth -= depth_step(gr_hn(t, i));
			if (i == root)
				return;
			if (is_block(gr_hn(t, i)) || is_tag(gr_hn(t, i), GR_HT_CELL))
				gr_hr_newline(r);
		}
		i = gr_hn(t, i)->next;
	}
}

gr_status
gr_html_render(gr_ctx *ctx, const char *text, size_t len, gr_html_kind kind, gr_html_text *out)
{
	gr_htree	tree;
	render		r;

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	r.ctx = ctx;
	if (len > INT32_MAX)
		return gr_fail(ctx, GR_ETOOBIG, 0, "report text is too long", "");
	if (kind != GR_HTML_TABLES || (!gr_hr_text_tables(&r, text, len) && !r.failed))
	{
		/* a page, or a text whose tables libxml2 sees otherwise: as a page, from the start */
		r.len = 0;
		r.nlines = 0;
		r.ncells = 0;
		r.line_open = false;
		r.space = false;
		if (!gr_html_parse(ctx, text, len, &tree))
			return ctx->err->status;	/* GR_OK: not HTML we can read, the caller reads it as text */
		gr_hr_size_cells(&r, &tree);
		gr_hr_render_tree(&r, &tree, 0);
		gr_html_tree_release(ctx, &tree);
	}
	if (r.failed)
		return ctx->err->status != GR_OK ? ctx->err->status :
			gr_fail(ctx, GR_ENOMEM, 0, "out of memory", "The HTML page could not be rendered.");
	if (r.nlines == 0)
		return GR_OK;
	out->text = r.buf;
	out->len = r.len;
	out->lines = r.lines;
	out->nlines = r.nlines;
	out->cells = r.cells;
	out->ncells = r.ncells;
	return GR_OK;
}
