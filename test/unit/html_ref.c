/*
 * html_ref.c — libxml2's own tree of a page, the reference of test_html,
 * and the trees written out as rendering sees them (html_ref.h).
 *
 * The flat form is what the tree must keep when gr_html_slim.c takes
 * inline elements out: rendering (gr_html.c) passes over them, so two
 * trees whose flat forms are equal render the same page, line for line.
 * So it does over a block that is a cell's only child and holds text only
 * (<td><p>13</p></td>, which gr_html_inline.c reads as <td>13</td>): a
 * data table's cell is its text joined, a block only stopping a pending
 * space, and a layout cell a block whose only block child adds no line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>

#include "html_ref.h"
#include "test_sbuf.h"

xmlDocPtr
html_ref_tree(const char *text, size_t len)
{
	htmlParserCtxtPtr pc;
	xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
	xmlDocPtr	doc;
	size_t		off = len < 4 ? len : 4;

	pc = htmlCreatePushParserCtxt(NULL, NULL, text, (int) off, NULL, XML_CHAR_ENCODING_NONE);
	if (pc == NULL)
		return NULL;
	htmlCtxtUseOptions(pc, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC);
	pc->linenumbers = 1;
	if (utf8 != NULL)
		xmlSwitchToEncoding(pc, utf8);
	while (off < len)
	{
		size_t		n = len - off < GR_HTML_CHUNK ? len - off : GR_HTML_CHUNK;

		htmlParseChunk(pc, text + off, (int) n, 0);
		off += n;
	}
	htmlParseChunk(pc, NULL, 0, 1);
	doc = pc->myDoc;
	pc->myDoc = NULL;
	htmlFreeParserCtxt(pc);
	return doc;
}

int
html_ref_line(const xmlNode *n)
{
	long		l = xmlGetLineNo((xmlNode *) n);

	return l > 0 ? (int) l : 0;
}

int
html_ref_span(const xmlNode *n, const char *name, int max)
{
	xmlChar    *v = xmlGetProp((xmlNode *) n, (const xmlChar *) name);
	long		x = 1;

	if (v)
	{
		x = strtol((const char *) v, NULL, 10);
		xmlFree(v);
	}
	return x < 1 ? 1 : x > max ? max : (int) x;
}

bool
html_ref_has_table(const xmlNode *n)
{
	bool		pc;

	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
			(gr_html_tag((const char *) c->name, &pc) == GR_HT_TABLE || html_ref_has_table(c)))
			return true;
	return false;
}

/* as render_pub_date read it */
xmlChar *
html_ref_pub_date(const xmlNode *n)
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
	xmlFree(name);
	if (content && !content[0])
	{
		xmlFree(content);
		content = NULL;
	}
	return content;
}

/*
 * The flat form being written, and the text not yet written out: white
 * space collapsed as rendering collapses it, across nodes too, and each
 * character after the line of the node it is in where that changes, since
 * a rendered line takes the line of the node of its first word.
 */
typedef struct flat
{
	sbuf		out;			/* the flat form */
	sbuf		txt;
	int			tline;			/* the line last written into txt */
	bool		pending;		/* txt holds text */
	bool		space;			/* white space not yet written */
} flat;

static void
out(flat *f, const char *s, size_t n)
{
	sb_putn(&f->out, s, n);
}

static bool
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Text to join to the text before it, up to a NUL byte (rendering stops there). */
static void
text(flat *f, const char *s, size_t n, int line)
{
	const char *z = memchr(s, 0, n);
	const char *end = z ? z : s + n;

	if (!f->pending)
	{
		f->pending = true;
		f->space = false;
		f->tline = -1;
		f->txt.n = 0;
	}
	for (; s < end; s++)
	{
		if (is_ws(*s))
		{
			f->space = true;
			continue;
		}
		if (f->space)
			sb_putn(&f->txt, " ", 1);
		f->space = false;
		if (line != f->tline)
			sb_printf(&f->txt, "@%d@", f->tline = line);
		sb_putn(&f->txt, s, 1);
	}
}

static void
flush(flat *f)
{
	if (!f->pending)
		return;
	if (f->space)
		sb_putn(&f->txt, " ", 1);
	sb_printf(&f->out, "\n\"%zu:", f->txt.n);
	out(f, f->txt.p, f->txt.n);
	f->pending = false;
}

/* Any node but text and inline elements: what rendering reads of it. */
static void
node(flat *f, int type, int tag, int line, int table, int rows, int cols, const char *s, size_t n)
{
	flush(f);
	sb_printf(&f->out, "\n<%d %d %d %d %dx%d %zu:", type, tag, line, table, rows, cols, n);
	out(f, s, n);
}

/* An element's start, written; where its children begin. */
static size_t
open_element(flat *f, int tag, int line, int table, int rows, int cols, const char *s, size_t n, size_t *at)
{
	flush(f);
	*at = f->out.n;
	node(f, GR_HN_ELEM, tag, line, table, rows, cols, s, n);
	return f->out.n;
}

/* Whether the flat form ends with an empty block: "\n<1 tag …:" then "\n>". */
static bool
ends_in_empty_block(const flat *f, size_t *at)
{
	size_t		i;
	int			type,
				tag;

	if (f->out.n < 4 || memcmp(f->out.p + f->out.n - 2, "\n>", 2) != 0)
		return false;
	for (i = f->out.n - 2; i > 0 && f->out.p[i - 1] != '\n'; i--)
		;
	if (i == 0 || f->out.p[i] != '<' || sscanf(f->out.p + i + 1, "%d %d", &type, &tag) != 2 ||
		type != GR_HN_ELEM || tag != GR_HT_BLOCK || f->out.p[f->out.n - 3] != ':')
		return false;
	*at = i - 1;
	return true;
}

/*
 * An element's end.  Empty blocks that end a block or a cell render
 * nothing (no line is open after them), so they are not written: Word's
 * empty <o:p>s before the </p>, which gr_html_slim.c leaves out.
 */
static void
close_element(flat *f, int tag, size_t at, size_t body)
{
	size_t		e;

	flush(f);
	if (tag == GR_HT_BLOCK || tag == GR_HT_CELL)
		while (f->out.n > body && ends_in_empty_block(f, &e) && e >= body)
			f->out.p[f->out.n = e] = 0;
	out(f, "\n>", 2);
}

static char *
finish(flat *f)
{
	flush(f);
	free(f->txt.p);
	return f->out.p ? f->out.p : strdup("");
}

/* Whether the children of node c hold text only, inline elements passed over (as in the flat form). */
static bool
compact_text_only(const gr_htree *t, int32_t c)
{
	for (int32_t k = gr_hn(t, c)->first; k != GR_HN_NONE; k = gr_hn(t, k)->next)
	{
		const gr_hnode *n = gr_hn(t, k);

		if (n->type != GR_HN_TEXT &&
			!(n->type == GR_HN_ELEM && n->tag == GR_HT_OTHER && compact_text_only(t, k)))
			return false;
	}
	return true;
}

/* Whether node c of the compact tree, a child of i, is a cell's only child and a block of text only. */
static bool
compact_cell_paragraph(const gr_htree *t, int32_t i, int32_t c)
{
	const gr_hnode *n = gr_hn(t, c);

	return n->type == GR_HN_ELEM && n->tag == GR_HT_BLOCK && i != 0 && gr_hn(t, i)->type == GR_HN_ELEM &&
		gr_hn(t, i)->tag == GR_HT_CELL && gr_hn(t, i)->first == c && n->next == GR_HN_NONE &&
		compact_text_only(t, c);
}

/* The same of libxml2's tree. */
static bool
libxml_text_only(const xmlNode *x)
{
	bool		pc;

	for (const xmlNode *k = x->children; k; k = k->next)
		if (k->type != XML_TEXT_NODE &&
			!(k->type == XML_ELEMENT_NODE && gr_html_tag((const char *) k->name, &pc) == GR_HT_OTHER &&
			  libxml_text_only(k)))
			return false;
	return true;
}

static bool
libxml_cell_paragraph(const xmlNode *x, gr_hn_tag tag)
{
	bool		pc;

	return tag == GR_HT_BLOCK && !x->prev && !x->next && x->parent && x->parent->type == XML_ELEMENT_NODE &&
		gr_html_tag((const char *) x->parent->name, &pc) == GR_HT_CELL && libxml_text_only(x);
}

static void
flat_compact(flat *f, const gr_htree *t, int32_t i)
{
	for (int32_t c = gr_hn(t, i)->first; c != GR_HN_NONE; c = gr_hn(t, c)->next)
	{
		const gr_hnode *n = gr_hn(t, c);
		int			line = gr_hn_lineno(t, c);

		if (n->type == GR_HN_TEXT)
			text(f, gr_hn_text(t, n), n->u.text.len, line);
		else if (n->type == GR_HN_ELEM && (n->tag == GR_HT_OTHER || compact_cell_paragraph(t, i, c)))
			flat_compact(f, t, c);
		else if (n->type == GR_HN_ELEM)
		{
			bool		cell = n->tag == GR_HT_CELL;
			size_t		at,
						body = open_element(f, n->tag, line, n->has_table, cell ? n->u.cell.rowspan : 0,
											cell ? n->u.cell.colspan : 0, n->pub_date ? gr_hn_text(t, n) : "",
											n->pub_date ? n->u.text.len : 0, &at);

			flat_compact(f, t, c);
			close_element(f, n->tag, at, body);
		}
		else
		{
			const char *s = n->type == GR_HN_CDATA ? gr_hn_text(t, n) : "";
			const char *z = n->type == GR_HN_CDATA ? memchr(s, 0, n->u.text.len) : NULL;

			node(f, n->type, 0, line, 0, 0, 0, s,
				 n->type != GR_HN_CDATA ? 0 : z ? (size_t) (z - s) : n->u.text.len);
		}
	}
}

char *
html_ref_flat_compact(const gr_htree *t)
{
	flat		f = {0};

	flat_compact(&f, t, 0);
	return finish(&f);
}

static void
flat_libxml(flat *f, const xmlNode *x)
{
	for (; x; x = x->next)
	{
		int			line = html_ref_line(x);
		bool		pc;

		if (x->type == XML_TEXT_NODE)
			text(f, x->content ? (const char *) x->content : "",
				 x->content ? strlen((const char *) x->content) : 0, line);
		else if (x->type == XML_ELEMENT_NODE)
		{
			gr_hn_tag	tag = gr_html_tag((const char *) x->name, &pc);
			xmlChar    *d;
			size_t		at,
						body;

			if (tag == GR_HT_OTHER || libxml_cell_paragraph(x, tag))
			{
				flat_libxml(f, x->children);
				continue;
			}
			d = tag == GR_HT_META ? html_ref_pub_date(x) : NULL;
			body = open_element(f, tag, line, html_ref_has_table(x),
								tag == GR_HT_CELL ? html_ref_span(x, "rowspan", GR_HTML_MAX_SPAN_ROWS) : 0,
								tag == GR_HT_CELL ? html_ref_span(x, "colspan", GR_HTML_MAX_SPAN_COLS) : 0,
								d ? (const char *) d : "", d ? strlen((const char *) d) : 0, &at);
			xmlFree(d);
			flat_libxml(f, x->children);
			close_element(f, tag, at, body);
		}
		else if (x->type == XML_CDATA_SECTION_NODE)
			node(f, GR_HN_CDATA, 0, line, 0, 0, 0, x->content ? (const char *) x->content : "",
				 x->content ? strlen((const char *) x->content) : 0);
		else if (x->type == XML_COMMENT_NODE)
			node(f, GR_HN_COMMENT, 0, line, 0, 0, 0, "", 0);
		else if (x->type == XML_PI_NODE)
			node(f, GR_HN_PI, 0, line, 0, 0, 0, "", 0);
		/* the DOCTYPE renders nothing */
	}
}

char *
html_ref_flat_libxml(const xmlDoc *doc)
{
	flat		f = {0};

	flat_libxml(&f, doc->children);
	return finish(&f);
}
