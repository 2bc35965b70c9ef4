/*
 * gr_html.c — reports scraped as web pages: libxml2's HTML parser reads
 * the page, and the page becomes text a report reader would see.
 *
 * Block elements start lines; inline runs (<span>, <font>, Word's <o:p>)
 * join without a gap, so 为</font>20</span><span>23 reads 2023; entities
 * are decoded; <script> and <style> are dropped.  Every data <table> is
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
 */
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "gr_html.h"

/* Limits that keep a hostile rowspan="65534" from building a huge grid. */
#define HTML_MAX_SPAN_ROWS 1000
#define HTML_MAX_SPAN_COLS 64

typedef struct render
{
	gr_ctx	   *ctx;
	char	   *buf;
	size_t		len;
	size_t		cap;
	int		   *lines;			/* input line of each output line */
	int			nlines;
	int			lcap;
	bool		line_open;		/* text was written on the current output line */
	bool		space;			/* a space is pending before the next text */
	bool		failed;
	gr_html_cell *cells;		/* the grid of every data table, slot by slot */
	int			ncells;
	int			ccap;
} render;

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

static void
start_line_if_needed(render *r, int lineno)
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

static void
put_bytes(render *r, const char *s, size_t n, int lineno)
{
	start_line_if_needed(r, lineno);
	if (r->failed || !grow(r, n + 1))
		return;
	memcpy(r->buf + r->len, s, n);
	r->len += n;
}

static void
newline(render *r)
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

/* Text with white space runs collapsed; NBSP stays (it is content). */
static void
put_text(render *r, const char *s, int lineno)
{
	const unsigned char *p = (const unsigned char *) s;

	while (*p)
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

			while (*q && !is_ws(*q))
				q++;
			if (r->space)
				put_bytes(r, " ", 1, lineno);
			r->space = false;
			put_bytes(r, (const char *) p, (size_t) (q - p), lineno);
			p = q;
		}
	}
}

static bool
name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && xmlStrcasecmp(n->name, (const xmlChar *) name) == 0;
}

static bool
is_block(const xmlNode *n)
{
	static const char *const blocks[] = {
		"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section",
		"article", "header", "footer", "nav", "blockquote", "pre", "hr", "dl", "dt", "dd", "form",
		"center", "title", "body", "html", "address", "main", "aside", "figure", "caption",
		"tbody", "thead", "tfoot", NULL
	};

	if (n->type != XML_ELEMENT_NODE)
		return false;
	for (int i = 0; blocks[i]; i++)
		if (name_is(n, blocks[i]))
			return true;
	return false;
}

static bool
skipped(const xmlNode *n)
{
	return name_is(n, "script") || name_is(n, "style") || name_is(n, "noscript") ||
		name_is(n, "template") || name_is(n, "select") || name_is(n, "option");
}

static int
node_line(const xmlNode *n)
{
	long		l = xmlGetLineNo((xmlNode *) n);

	return l > 0 ? (int) l : 0;
}

static bool
has_descendant_table(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (name_is(c, "table") || (c->type == XML_ELEMENT_NODE && has_descendant_table(c)))
			return true;
	return false;
}

static void render_node(render *r, const xmlNode *n, int depth);

/* The text of a table cell: everything inside, joined, on one line. */
static void
cell_text(render *r, const xmlNode *n, int lineno)
{
	for (const xmlNode *c = n->children; c && !r->failed; c = c->next)
	{
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			put_text(r, (const char *) c->content, lineno);
		else if (c->type == XML_ELEMENT_NODE && !skipped(c))
		{
			/* blocks and <br> inside a cell join without a gap: 本年新<br>制作数量 */
			if (is_block(c) || name_is(c, "br"))
				r->space = false;
			cell_text(r, c, lineno);
			if (is_block(c) || name_is(c, "br"))
				r->space = false;
		}
	}
}

static int
span_attr(const xmlNode *n, const char *name, int max)
{
	xmlChar    *v = xmlGetProp((xmlNode *) n, (const xmlChar *) name);
	long		x = 1;

	if (v)
	{
		x = strtol((const char *) v, NULL, 10);
		xmlFree(v);
	}
	if (x < 1)
		x = 1;
	if (x > max)
		x = max;
	return (int) x;
}

/*
 * Collect the <tr> of a table, looking into thead/tbody/tfoot; with rows
 * NULL, only count them (a table has as many rows as it has, no cut).
 */
static int
collect_rows(const xmlNode *table, const xmlNode **rows)
{
	int			n = 0;

	for (const xmlNode *c = table->children; c; c = c->next)
	{
		if (name_is(c, "tr"))
		{
			if (rows)
				rows[n] = c;
			n++;
		}
		else if (name_is(c, "thead") || name_is(c, "tbody") || name_is(c, "tfoot"))
			for (const xmlNode *t = c->children; t; t = t->next)
				if (name_is(t, "tr"))
				{
					if (rows)
						rows[n] = t;
					n++;
				}
	}
	return n;
}

/*
 * A span as span_attr reads it, without its look-up in the DTD for a cell
 * that has no such attribute (the HTML parser declares no attribute
 * defaults): most cells have none, and this is asked of every cell.
 */
static int
span_of(const xmlNode *n, const char *name, int max)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (xmlStrEqual(a->name, (const xmlChar *) name))
			return span_attr(n, name, max);
	return 1;
}

static inline bool
slot_taken(const uint8_t *taken, size_t i)
{
	return (taken[i / 8] >> (i % 8)) & 1;
}

/*
 * The slots a table's grid needs: no cell reaches past its row's own
 * colspans plus every column a rowspan takes (each slot before a cell is
 * taken, by a span from above or a cell before it in the row), so that a
 * table of two cells gets a grid of three slots a row, not 256 (2,000
 * such tables were 0.5 MB).  At most the fixed limit, as before.
 */
static int
table_width(const xmlNode *const *rows, int nrows)
{
	long		widest = 0,
				down = 0;

	for (int ri = 0; ri < nrows; ri++)
	{
		long		own = 0;

		for (const xmlNode *c = rows[ri]->children; c; c = c->next)
			if (name_is(c, "td") || name_is(c, "th"))
			{
				int			cs = span_of(c, "colspan", HTML_MAX_SPAN_COLS);

				own += cs;
				if (span_of(c, "rowspan", HTML_MAX_SPAN_ROWS) > 1)
					down += cs;
			}
		if (own > widest)
			widest = own;
		if (widest + down + 1 >= HTML_MAX_SPAN_COLS * 4)
			return HTML_MAX_SPAN_COLS * 4;
	}
	return (int) (widest + down + 1);
}

/*
 * A data table: the grid with spans expanded, one line per grid row, the
 * text of each cell in the slot where it starts.
 */
static void
render_table(render *r, const xmlNode *table)
{
	const xmlNode **rows;
	int			nrows = collect_rows(table, NULL);
	uint8_t    *taken;			/* nrows x maxw occupancy, one bit a slot */
	int			maxw;

	if (nrows == 0)
		return;
	rows = gr_alloc(r->ctx, sizeof(xmlNode *) * (size_t) nrows);
	if (!rows)
	{
		r->failed = true;
		return;
	}
	collect_rows(table, rows);
	/* slots a row can reach: its colspans plus those of rowspans from above */
	maxw = table_width(rows, nrows);
	taken = gr_alloc0(r->ctx, ((size_t) nrows * (size_t) maxw + 7) / 8);
	if (!taken)
	{
		r->failed = true;
		return;
	}

	newline(r);
	for (int ri = 0; ri < nrows && !r->failed; ri++)
	{
		int			col = 0;
		int			slot = 0;	/* next grid slot to write; a tab goes before each slot but the first */
		int			line = node_line(rows[ri]);

		if (gr_poll(r->ctx))
		{
			r->failed = true;
			return;
		}
		for (const xmlNode *c = rows[ri]->children; c && !r->failed; c = c->next)
		{
			int			rs,
						cs;

			if (!(name_is(c, "td") || name_is(c, "th")))
				continue;
			while (col < maxw && slot_taken(taken, (size_t) ri * maxw + col))
				col++;
			if (col >= maxw)
				break;
			rs = span_attr(c, "rowspan", HTML_MAX_SPAN_ROWS);
			cs = span_attr(c, "colspan", HTML_MAX_SPAN_COLS);
			for (int y = ri; y < nrows && y < ri + rs; y++)
				for (int x = col; x < maxw && x < col + cs; x++)
					taken[((size_t) y * maxw + x) / 8] |= (uint8_t) (1u << (((size_t) y * maxw + x) % 8));
			start_line_if_needed(r, line ? line : node_line(c));
			/* slots before this cell: spans from rows above, or gaps */
			for (; slot < col; slot++)
			{
				if (slot > 0)
					put_bytes(r, "\t", 1, line);
				add_cell(r, (uint32_t) r->len, slot, 1, true);
			}
			if (slot > 0)
				put_bytes(r, "\t", 1, line);
			r->space = false;
			{
				uint32_t	from = (uint32_t) r->len;

				cell_text(r, c, node_line(c) ? node_line(c) : line);
				add_cell(r, from, slot, cs, false);
			}
			slot++;
			/* the further columns this cell spans stay empty */
			for (int k = 1; k < cs && slot < maxw; k++, slot++)
			{
				put_bytes(r, "\t", 1, line);
				add_cell(r, (uint32_t) r->len, slot, 1, true);
			}
			col += cs;
		}
		newline(r);
	}
	/* the next table's (a page of 2,000 small tables needs one table's room) */
	gr_release(r->ctx, taken, ((size_t) nrows * (size_t) maxw + 7) / 8);
	gr_release(r->ctx, rows, sizeof(xmlNode *) * (size_t) nrows);
}

static void
render_children(render *r, const xmlNode *n, int depth)
{
	for (const xmlNode *c = n->children; c && !r->failed; c = c->next)
		render_node(r, c, depth + 1);
}

/*
 * A page's publication date in its metadata (<meta name="PubDate"
 * content="2024-01-17 10:00">): rendered as the line 发布日期:… that the
 * metadata step reads like any printed one.
 */
static void
render_pub_date(render *r, const xmlNode *n)
{
	static const char *const names[] = {"PubDate", "publishdate", "firstpublishedtime", "pubdate", NULL};
	xmlChar    *name = xmlGetProp((xmlNode *) n, (const xmlChar *) "name");
	xmlChar    *content = NULL;

	for (int i = 0; name && names[i]; i++)
		if (xmlStrcasecmp(name, (const xmlChar *) names[i]) == 0)
		{
			content = xmlGetProp((xmlNode *) n, (const xmlChar *) "content");
			break;
		}
	if (content && content[0])
	{
		newline(r);
		put_text(r, "发布日期:", node_line(n));
		put_text(r, (const char *) content, node_line(n));
		newline(r);
	}
	xmlFree(content);
	xmlFree(name);
}

static void
render_node(render *r, const xmlNode *n, int depth)
{
	if (r->failed || depth > 200)
		return;
	switch (n->type)
	{
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content)
				put_text(r, (const char *) n->content, node_line(n) ? node_line(n) :
						 (n->parent ? node_line(n->parent) : 0));
			return;
		case XML_ELEMENT_NODE:
			break;
		case XML_DOCUMENT_NODE:
		case XML_HTML_DOCUMENT_NODE:
			render_children(r, n, depth);
			return;
		default:
			return;
	}
	if (skipped(n))
		return;
	if (name_is(n, "meta"))
	{
		render_pub_date(r, n);
		return;
	}
	if (name_is(n, "br"))
	{
		if (!r->line_open)
			start_line_if_needed(r, node_line(n));
		newline(r);
		return;
	}
	if (name_is(n, "table") && !has_descendant_table(n))
	{
		render_table(r, n);
		return;
	}
	if (is_block(n) || name_is(n, "td") || name_is(n, "th"))
	{
		newline(r);
		render_children(r, n, depth);
		newline(r);
		return;
	}
	render_children(r, n, depth);
}

/*
 * Does the text look like HTML?  Tags near the start (three at least),
 * and closing tags.  One scan from '<' to '<' of the first 8 kB; no tag
 * of the list is a prefix of another, so each '<' counts once at most.
 */
bool
gr_html_detect(const char *text, size_t len)
{
	static const char *const tags[] = {
		"<html", "<HTML", "<!DOCTYPE", "<!doctype", "<body", "<BODY", "<p", "<P>", "<div", "<DIV",
		"<table", "<TABLE", "<td", "<TD", "<span", "<SPAN", "<br", "<BR", "<meta", "<head", NULL
	};
	size_t		n = len < 8192 ? len : 8192;
	int			hits = 0;
	bool		closing = false;

	for (const char *p = memchr(text, '<', n); p != NULL;
		 p = memchr(p + 1, '<', n - (size_t) (p + 1 - text)))
	{
		size_t		room = n - (size_t) (p - text);

		if (room >= 2 && p[1] == '/')
			closing = true;
		for (int i = 0; tags[i] && hits < 3; i++)
			if (gr_has_prefix(p, room, tags[i]))
			{
				hits++;
				break;
			}
		if (hits >= 3 && closing)
			return true;
		if (room < 2)
			break;
	}
	return false;
}

/*
 * libxml2 reads the page in chunks of this size through its push parser,
 * and the parse polls between two: a 32 MB page answers a cancel within a
 * chunk's time (a few milliseconds) instead of after the whole parse.
 */
#define HTML_CHUNK (256 * 1024)

#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
					  HTML_PARSE_NONET | HTML_PARSE_NOBLANKS)

/*
 * The tree of the page, NULL when libxml2 cannot read it or the parse was
 * stopped (then ctx's error is set).  The text is UTF-8 whatever the page's
 * <meta charset> says (the database gave it so), as htmlReadMemory is told
 * with its encoding argument.
 */
static htmlDocPtr
parse_page(gr_ctx *ctx, const char *text, size_t len)
{
	htmlParserCtxtPtr pc;
	xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
	htmlDocPtr	doc;
	size_t		off = len < 4 ? len : 4;	/* libxml2 looks at the first bytes first */

	pc = htmlCreatePushParserCtxt(NULL, NULL, text, (int) off, NULL, XML_CHAR_ENCODING_NONE);
	if (pc == NULL)
		return NULL;
	htmlCtxtUseOptions(pc, HTML_OPTIONS);
	pc->linenumbers = 1;		/* values and sections name lines of the page */
	if (utf8 != NULL)
		xmlSwitchToEncoding(pc, utf8);
	while (off < len)
	{
		size_t		n = len - off < HTML_CHUNK ? len - off : HTML_CHUNK;

		if (gr_poll_now(ctx))
		{
			if (pc->myDoc)
				xmlFreeDoc(pc->myDoc);
			htmlFreeParserCtxt(pc);
			return NULL;
		}
		htmlParseChunk(pc, text + off, (int) n, 0);
		off += n;
	}
	htmlParseChunk(pc, NULL, 0, 1);
	doc = pc->myDoc;
	pc->myDoc = NULL;
	htmlFreeParserCtxt(pc);
	return doc;
}

gr_status
gr_html_render(gr_ctx *ctx, const char *text, size_t len, gr_html_text *out)
{
	htmlDocPtr	doc;
	render		r;

	memset(out, 0, sizeof(*out));
	memset(&r, 0, sizeof(r));
	r.ctx = ctx;
	if (len > INT32_MAX)
		return gr_fail(ctx, GR_ETOOBIG, 0, "report text is too long", "");
	doc = parse_page(ctx, text, len);
	if (ctx->err->status != GR_OK)
		return ctx->err->status;	/* stopped */
	if (doc == NULL)
		return GR_OK;			/* not HTML we can read: the caller reads it as text */
	render_node(&r, (xmlNode *) doc, 0);
	xmlFreeDoc(doc);
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
