/*
 * gr_html_sax.c — an HTML page read into the compact tree of
 * gr_html_tree.h: libxml2's HTML push parser reads the page and calls
 * the handlers here, which build the tree in the call's memory instead of
 * libxml2's own tree (a malloc'd node per element, text node and
 * attribute, freed again after rendering: most of the parse's cost).
 *
 * What the page renders to must not change, so the tree is the one
 * libxml2's SAX2 builder (SAX2.c, 2.9.14) makes of the same events:
 *
 * - elements are named by their local name (xmlSplitQName: <o:p> is a p);
 *   an element that starts with no element open is the root when the
 *   document is empty, else a child of the document's first node when
 *   that is an element, else a node of the top level;
 * - text joins the previous text node of the same element when that is
 *   the element's last child (a comment between two runs makes two
 *   nodes), and keeps the line of its first run; a text node may not grow
 *   past XML_MAX_TEXT_LENGTH (the parse stops there, as it stops there);
 * - nodes keep the line libxml2 stores (65535 for every line beyond), and
 *   gr_hn_lineno() answers as xmlGetLineNo() does from the same links.
 *
 * The parser itself looks at the tree it believes it builds: it judges
 * white space between tags ignorable or not (areBlanks) from the last
 * child of ctxt->node, and it pops ctxt->node's stack directly in one
 * recovery path.  So every open element has a stand-in xmlNode on that
 * stack (pushed with nodePush, which also stops a page nested deeper
 * than xmlParserMaxDepth, as it did), whose last child is one of three
 * stand-ins: a text node, an element named as one that allows text, or
 * another node; the document is libxml2's own (xmlSAX2StartDocument),
 * so that its DOCTYPE is seen where the parser looks for it.
 */
#include <stdlib.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "gr_html_tree.h"


typedef struct name_entry
{
	const xmlChar *name;		/* the element's full name, as the parser gave it */
	uint8_t		tag;
	bool		pcdata;			/* the local name is one of areBlanks' allowPCData */
} name_entry;

/*
 * The stand-in for an open element on the parser's node stack, and the
 * index of that element's last child (which the tree does not keep).
 */
typedef struct standin
{
	xmlNode		node;			/* first: the parser is given its address */
	int32_t		last;
} standin;

typedef struct builder
{
	gr_ctx	   *ctx;
	gr_htree   *t;
	int32_t		top_first;		/* the top level's first and last node */
	int32_t		top_last;
	char	   *text;			/* every text of the tree (t->text) */
	size_t		text_used;
	size_t		text_cap;
	standin   **shadows;		/* the stand-in of the open element at each depth */
	int			nshadows;
	xmlNode		text_child;		/* the stand-ins for a last child */
	xmlNode		pcdata_child;
	xmlNode		other_child;
	name_entry	names[64];		/* the element names seen, by their pointer */
	bool		failed;			/* out of memory: ctx's error is set */
} builder;

/* Element names rendering tells apart, and those areBlanks() lets hold text. */
static const struct
{
	const char *name;
	uint8_t		tag;
	bool		pcdata;
}			known[] = {
	{"a", GR_HT_OTHER, true}, {"abbr", GR_HT_OTHER, true}, {"acronym", GR_HT_OTHER, true},
	{"address", GR_HT_BLOCK, true}, {"applet", GR_HT_OTHER, true}, {"article", GR_HT_BLOCK, false},
	{"aside", GR_HT_BLOCK, false}, {"b", GR_HT_OTHER, true}, {"bdo", GR_HT_OTHER, true},
	{"big", GR_HT_OTHER, true}, {"blockquote", GR_HT_BLOCK, true}, {"body", GR_HT_BLOCK, true},
	{"br", GR_HT_BR, false}, {"button", GR_HT_OTHER, true}, {"caption", GR_HT_BLOCK, true},
	{"center", GR_HT_BLOCK, true}, {"cite", GR_HT_OTHER, true}, {"code", GR_HT_OTHER, true},
	{"dd", GR_HT_BLOCK, true}, {"del", GR_HT_OTHER, true}, {"dfn", GR_HT_OTHER, true},
	{"div", GR_HT_BLOCK, true}, {"dl", GR_HT_BLOCK, false}, {"dt", GR_HT_BLOCK, true},
	{"em", GR_HT_OTHER, true}, {"figure", GR_HT_BLOCK, false}, {"font", GR_HT_OTHER, true},
	{"footer", GR_HT_BLOCK, false}, {"form", GR_HT_BLOCK, true}, {"h1", GR_HT_BLOCK, true},
	{"h2", GR_HT_BLOCK, true}, {"h3", GR_HT_BLOCK, true}, {"h4", GR_HT_BLOCK, true},
	{"h5", GR_HT_BLOCK, true}, {"h6", GR_HT_BLOCK, true}, {"header", GR_HT_BLOCK, false},
	{"hr", GR_HT_BLOCK, false}, {"html", GR_HT_BLOCK, false}, {"i", GR_HT_OTHER, true},
	{"iframe", GR_HT_OTHER, true}, {"ins", GR_HT_OTHER, true}, {"kbd", GR_HT_OTHER, true},
	{"label", GR_HT_OTHER, true}, {"legend", GR_HT_OTHER, true}, {"li", GR_HT_BLOCK, true},
	{"main", GR_HT_BLOCK, false}, {"meta", GR_HT_META, false}, {"nav", GR_HT_BLOCK, false},
	{"noframes", GR_HT_OTHER, true}, {"noscript", GR_HT_SKIP, true}, {"object", GR_HT_OTHER, true},
	{"ol", GR_HT_BLOCK, false}, {"option", GR_HT_SKIP, false}, {"p", GR_HT_BLOCK, true},
	{"pre", GR_HT_BLOCK, true}, {"q", GR_HT_OTHER, true}, {"s", GR_HT_OTHER, true},
	{"samp", GR_HT_OTHER, true}, {"script", GR_HT_SKIP, false}, {"section", GR_HT_BLOCK, false},
	{"select", GR_HT_SKIP, false}, {"small", GR_HT_OTHER, true}, {"span", GR_HT_OTHER, true},
	{"strike", GR_HT_OTHER, true}, {"strong", GR_HT_OTHER, true}, {"style", GR_HT_SKIP, false},
	{"table", GR_HT_TABLE, false}, {"tbody", GR_HT_TSECT, false}, {"td", GR_HT_CELL, true},
	{"template", GR_HT_SKIP, false}, {"tfoot", GR_HT_TSECT, false}, {"th", GR_HT_CELL, true},
	{"thead", GR_HT_TSECT, false}, {"title", GR_HT_BLOCK, false}, {"tr", GR_HT_TR, false},
	{"tt", GR_HT_OTHER, true}, {"u", GR_HT_OTHER, true}, {"ul", GR_HT_BLOCK, false},
	{"var", GR_HT_OTHER, true},
};

static void
oom(builder *b)
{
	if (!b->failed)
		gr_fail(b->ctx, GR_ENOMEM, 0, "out of memory", "The HTML page could not be read.");
	b->failed = true;
}

/* ASCII-only, as xmlStrcasecmp compares. */
static bool
ascii_caseeq(const char *a, const char *b)
{
	for (;; a++, b++)
	{
		unsigned char x = (unsigned char) *a,
					y = (unsigned char) *b;

		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return false;
		if (x == 0)
			return true;
	}
}

/* What an element of that local name is to rendering; *pcdata: one of allowPCData. */
gr_hn_tag
gr_html_tag(const char *local, bool *pcdata)
{
	int			lo = 0,
				hi = (int) (sizeof(known) / sizeof(known[0])) - 1;

	*pcdata = false;
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = strcmp(local, known[mid].name);

		if (c == 0)
		{
			*pcdata = known[mid].pcdata;
			return (gr_hn_tag) known[mid].tag;
		}
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	/* names come lower-cased from the parser; others compare as xmlStrcasecmp does */
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (ascii_caseeq(local, known[i].name))
			return (gr_hn_tag) known[i].tag;
	return GR_HT_OTHER;
}

/*
 * What a name is to rendering, found once per distinct name: the parser
 * gives names from its dictionary (or as literals), the same pointer for
 * the same name, so a small cache by pointer answers nearly every element.
 */
static const name_entry *
classify(builder *b, const xmlChar *name)
{
	/* a multiplicative hash: the dictionary packs names a few bytes apart */
	size_t		slot = (size_t) (((uint64_t) (uintptr_t) name * UINT64_C(0x9E3779B97F4A7C15)) >> 58);
	name_entry *e = &b->names[slot];
	const char *local = (const char *) name;
	const char *colon;

	if (e->name == name)
		return e;
	/* xmlSplitQName: the part after the first ':', unless it leads or ends the name */
	colon = strchr(local, ':');
	if (local[0] != ':' && colon && colon[1] != 0)
		local = colon + 1;
	e->name = name;
	e->tag = (uint8_t) gr_html_tag(local, &e->pcdata);
	return e;
}

static int32_t
new_node(builder *b, gr_hn_type type, int line)
{
	gr_htree   *t = b->t;
	int32_t		bi = t->n >> t->shift;
	gr_hnode   *n;

	if (t->n == INT32_MAX)
	{
		oom(b);
		return GR_HN_NONE;
	}
	if (bi == t->nblocks)
	{
		int32_t		nb = t->nblocks * 2 + 8;
		gr_hnode  **blocks = gr_alloc(b->ctx, sizeof(gr_hnode *) * (size_t) nb);

		if (!blocks)
		{
			oom(b);
			return GR_HN_NONE;
		}
		if (t->nblocks)
			memcpy(blocks, t->blocks, sizeof(gr_hnode *) * (size_t) t->nblocks);
		for (int32_t i = t->nblocks; i < nb; i++)
			blocks[i] = NULL;
		gr_release(b->ctx, t->blocks, sizeof(gr_hnode *) * (size_t) t->nblocks);
		t->blocks = blocks;
		t->nblocks = nb;
	}
	if (t->blocks[bi] == NULL && (t->blocks[bi] = gr_alloc(b->ctx, sizeof(gr_hnode) << t->shift)) == NULL)
	{
		oom(b);
		return GR_HN_NONE;
	}
	n = gr_hn(t, t->n);
	memset(n, 0, sizeof(*n));
	n->parent = n->first = n->next = GR_HN_NONE;
	n->type = (uint8_t) type;
	n->line = (uint16_t) line;
	return t->n++;
}

/* Append node c to p, whose last child is *last. */
static void
link_child(gr_htree *t, int32_t p, int32_t *last, int32_t c)
{
	gr_hn(t, c)->parent = p;
	if (*last != GR_HN_NONE)
		gr_hn(t, *last)->next = c;
	else
		gr_hn(t, p)->first = c;
	*last = c;
}

/* The input line as libxml2 stores it in a node (an unsigned short). */
static int
cur_line(xmlParserCtxtPtr pc)
{
	if (pc->input == NULL)
		return 0;
	return pc->input->line < 65535 ? pc->input->line : 65535;
}

/* The open element of the parser's node stack, GR_HN_NONE for none. */
static int32_t
cur_node(xmlParserCtxtPtr pc)
{
	return pc->node ? (int32_t) (intptr_t) pc->node->_private : GR_HN_NONE;
}

/*
 * Append s[0, n) to the text of node i (a text node, or a <meta> being
 * given its date); a new node's text starts at the end of the buffer, and
 * the text that joins a node is the last one written, so a node's text
 * stays in one piece.
 */
static bool
add_text(builder *b, int32_t i, const char *s, size_t n)
{
	gr_hnode   *tn = gr_hn(b->t, i);

	if (tn->u.text.len == 0)
		tn->u.text.off = (uint32_t) b->text_used;
	else if (tn->u.text.off + (size_t) tn->u.text.len != b->text_used)
	{
		/* never so (see above), but if it were, the node's text moves to the end */
		size_t		had = tn->u.text.len;

		tn->u.text.len = 0;
		if (!add_text(b, i, b->text + gr_hn(b->t, i)->u.text.off, had))
			return false;
		tn = gr_hn(b->t, i);
	}
	if (b->text_cap - b->text_used < n)
	{
		size_t		cap = (b->text_used + n) * 2;
		char	   *nt;

		if (cap > UINT32_MAX)
		{
			oom(b);
			return false;
		}
		if ((nt = gr_alloc(b->ctx, cap)) == NULL)
		{
			oom(b);
			return false;
		}
		if (b->text_used)
			memcpy(nt, b->text, b->text_used);
		gr_release(b->ctx, b->text, b->text_cap);
		b->text = nt;
		b->text_cap = cap;
		b->t->text = nt;
		b->t->text_cap = cap;
	}
	memcpy(b->text + b->text_used, s, n);
	b->text_used += n;
	tn->u.text.len += (uint32_t) n;
	return true;
}

static void
sax_text(xmlParserCtxtPtr pc, const xmlChar *ch, int len, gr_hn_type type)
{
	builder    *b = pc->_private;
	int32_t		cur = cur_node(pc);
	int32_t		last;

	if (b->failed || cur == GR_HN_NONE || len < 0)
		return;				/* text with no element open is dropped, as SAX2 drops it */
	last = ((standin *) pc->node)->last;
	if (last != GR_HN_NONE && gr_hn(b->t, last)->type == type)
	{
		if ((size_t) gr_hn(b->t, last)->u.text.len + (size_t) len > XML_MAX_TEXT_LENGTH)
		{
			/* xmlSAX2Text's "huge text node": the error stops the parse */
			pc->errNo = XML_ERR_NO_MEMORY;
			pc->instate = XML_PARSER_EOF;
			pc->disableSAX = 1;
			return;
		}
		add_text(b, last, (const char *) ch, (size_t) len);
		return;
	}
	/* a CDATA block keeps no line (xmlNewCDataBlock) */
	last = new_node(b, type, type == GR_HN_TEXT ? cur_line(pc) : 0);
	if (last == GR_HN_NONE)
		return;
	gr_hn(b->t, last)->u.text.off = (uint32_t) b->text_used;
	if (!add_text(b, last, (const char *) ch, (size_t) len))
		return;
	link_child(b->t, cur, &((standin *) pc->node)->last, last);
	pc->node->last = type == GR_HN_TEXT ? &b->text_child : &b->other_child;
}

static void
sax_characters(void *ctx, const xmlChar *ch, int len)
{
	sax_text(ctx, ch, len, GR_HN_TEXT);
}

static void
sax_cdata(void *ctx, const xmlChar *ch, int len)
{
	sax_text(ctx, ch, len, GR_HN_CDATA);
}

/* The first attribute of that name, "" for one without a value (xmlGetProp). */
static const char *
attr(const xmlChar **atts, const char *name)
{
	if (atts)
		for (int i = 0; atts[i]; i += 2)
			if (atts[i][0] == (xmlChar) name[0] && strcmp((const char *) atts[i], name) == 0)
				return atts[i + 1] ? (const char *) atts[i + 1] : "";
	return NULL;
}

static int
span_value(const char *v, int max)
{
	long		x = v ? strtol(v, NULL, 10) : 1;

	return x < 1 ? 1 : x > max ? max : (int) x;
}

/* A <meta name="PubDate" content="2024-01-17 10:00">: its date is kept. */
static void
meta_date(builder *b, int32_t el, const xmlChar **atts)
{
	static const char *const names[] = {"PubDate", "publishdate", "firstpublishedtime", "pubdate", NULL};
	const char *name = attr(atts, "name");
	const char *content;

	if (name == NULL)
		return;
	for (int i = 0; names[i]; i++)
		if (ascii_caseeq(name, names[i]))
		{
			content = attr(atts, "content");
			if (content != NULL && content[0] != 0 && add_text(b, el, content, strlen(content)))
				gr_hn(b->t, el)->pub_date = true;
			return;
		}
}

/* The stand-in for the open element at the depth the parser's stack has now. */
static standin *
shadow(builder *b, int depth)
{
	if (depth >= b->nshadows)
	{
		int			cap = b->nshadows * 2 + 64;
		standin   **ns = gr_alloc(b->ctx, sizeof(standin *) * (size_t) cap);

		if (!ns)
		{
			oom(b);
			return NULL;
		}
		if (b->nshadows)
			memcpy(ns, b->shadows, sizeof(standin *) * (size_t) b->nshadows);
		for (int i = b->nshadows; i < cap; i++)
			ns[i] = NULL;
		gr_release(b->ctx, b->shadows, sizeof(standin *) * (size_t) b->nshadows);
		b->shadows = ns;
		b->nshadows = cap;
	}
	if (b->shadows[depth] == NULL)
	{
		if ((b->shadows[depth] = gr_alloc0(b->ctx, sizeof(standin))) == NULL)
		{
			oom(b);
			return NULL;
		}
		b->shadows[depth]->node.type = XML_ELEMENT_NODE;
	}
	/* of a stand-in the parser reads only the type and the last child */
	b->shadows[depth]->node.last = NULL;
	b->shadows[depth]->last = GR_HN_NONE;
	return b->shadows[depth];
}

static void
sax_start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr pc = ctx;
	builder    *b = pc->_private;
	gr_htree   *t = b->t;
	int32_t		parent = cur_node(pc);
	xmlNodePtr	psh = pc->node;	/* the open parent's stand-in, NULL for none */
	const name_entry *e;
	standin    *sh;
	int32_t		el;
	int32_t		root_last = GR_HN_NONE;
	int32_t    *last = psh ? &((standin *) psh)->last : &b->top_last;
	gr_hnode   *n;
	int			line = cur_line(pc);

	if (b->failed || name == NULL || pc->myDoc == NULL)
		return;
	if (psh == NULL)
	{
		/* the root; or, in a document that has nodes, see the header comment */
		parent = 0;				/* the root, or after the DOCTYPE or a comment: the top level */
		if (pc->myDoc->children == NULL && b->top_first != GR_HN_NONE &&
			gr_hn(t, b->top_first)->type == GR_HN_ELEM)
		{
			/* the first root, closed: its last child is looked for (once a page at most) */
			parent = b->top_first;
			for (int32_t c = gr_hn(t, parent)->first; c != GR_HN_NONE; c = gr_hn(t, c)->next)
				root_last = c;
			last = &root_last;
		}
	}
	e = classify(b, name);
	if ((sh = shadow(b, pc->nodeNr)) == NULL)
		return;
	if (nodePush(pc, &sh->node) < 0)
		return;					/* too deep: the parser has stopped */
	if ((el = new_node(b, GR_HN_ELEM, line)) == GR_HN_NONE)
		return;
	sh->node._private = (void *) (intptr_t) el;
	n = gr_hn(t, el);
	n->tag = e->tag;
	if (e->tag == GR_HT_CELL)
	{
		n->u.cell.rowspan = (uint16_t) span_value(attr(atts, "rowspan"), GR_HTML_MAX_SPAN_ROWS);
		n->u.cell.colspan = (uint16_t) span_value(attr(atts, "colspan"), GR_HTML_MAX_SPAN_COLS);
	}
	else if (e->tag == GR_HT_META)
		meta_date(b, el, atts);
	link_child(t, parent, last, el);
	if (parent == 0 && b->top_first == GR_HN_NONE)
		b->top_first = el;
	if (psh)
		psh->last = e->pcdata ? &b->pcdata_child : &b->other_child;
}

static void
sax_end_element(void *ctx, const xmlChar *name)
{
	nodePop((xmlParserCtxtPtr) ctx);
}

/* A comment or a processing instruction: a child of the open element, else of the top level. */
static void
sax_other(xmlParserCtxtPtr pc, gr_hn_type type, const xmlChar *target)
{
	builder    *b = pc->_private;
	int32_t		parent = cur_node(pc);
	int32_t		n;

	if (b->failed || (n = new_node(b, type, cur_line(pc))) == GR_HN_NONE)
		return;
	link_child(b->t, parent == GR_HN_NONE ? 0 : parent,
			   parent == GR_HN_NONE ? &b->top_last : &((standin *) pc->node)->last, n);
	if (parent == GR_HN_NONE && b->top_first == GR_HN_NONE)
		b->top_first = n;
	if (parent != GR_HN_NONE && type == GR_HN_PI)
	{
		/* areBlanks compares a PI's target as it compares an element's name */
		bool		pcdata = false;

		if (target)
			gr_html_tag((const char *) target, &pcdata);
		pc->node->last = pcdata ? &b->pcdata_child : &b->other_child;
	}
}

static void
sax_comment(void *ctx, const xmlChar *value)
{
	sax_other(ctx, GR_HN_COMMENT, NULL);
}

static void
sax_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	sax_other(ctx, GR_HN_PI, target);
}

/*
 * libxml2 reads the page in pieces of GR_HTML_CHUNK at most through its
 * push parser, and the parse polls between two: a 32 MB page answers a
 * cancel within a piece's time (a few milliseconds) instead of after the
 * whole parse.  What gr_html_slim() writes goes through a buffer of SLIM_BUF
 * bytes (the page itself when smaller), so that it costs the call little
 * memory however large the page.
 */
#define SLIM_BUF (16 * 1024)

/*
 * HTML_PARSE_IGNORE_ENC: the text is UTF-8 whatever the page's <meta
 * charset> says (pages scraped from GB2312 sites keep theirs).  Without
 * it, libxml2 switches its decoder at such a meta for the bytes pushed
 * after the current piece: a page over one piece lost its text from there.
 */
#define HTML_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
					  HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_IGNORE_ENC)

/* The parser the pieces of the page go to, made with the first of them. */
typedef struct feed
{
	gr_ctx	   *ctx;
	builder    *b;
	htmlSAXHandler *sax;
	htmlParserCtxtPtr pc;
	char		head[4];		/* the page's first bytes, until there are four */
	size_t		nhead;
	bool		no_parser;		/* libxml2 could not make one */
} feed;

/* The parser, with the page's first bytes: libxml2 looks at them first (a BOM). */
static bool
feed_start(feed *f, const char *first, size_t n)
{
	xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");

	f->pc = htmlCreatePushParserCtxt(f->sax, NULL, first, (int) n, NULL, XML_CHAR_ENCODING_NONE);
	if (f->pc == NULL)
	{
		f->no_parser = true;
		return false;
	}
	f->pc->_private = f->b;
	htmlCtxtUseOptions(f->pc, HTML_OPTIONS);
	f->pc->linenumbers = 1;		/* values and sections name lines of the page */
	if (utf8 != NULL)
		xmlSwitchToEncoding(f->pc, utf8);
	return true;
}

/* gr_html_push: the next piece of the page to the parser. */
static bool
feed_piece(void *arg, const char *p, size_t n)
{
	feed	   *f = arg;

	if (f->pc == NULL)
	{
		size_t		k = n < 4 - f->nhead ? n : 4 - f->nhead;

		memcpy(f->head + f->nhead, p, k);
		f->nhead += k;
		p += k;
		n -= k;
		if (f->nhead < 4)
			return true;
		if (!feed_start(f, f->head, 4))
			return false;
	}
	while (n > 0 && !f->b->failed)
	{
		size_t		k = n < GR_HTML_CHUNK ? n : GR_HTML_CHUNK;

		if (gr_poll_now(f->ctx))
		{
			f->b->failed = true;
			break;
		}
		htmlParseChunk(f->pc, p, (int) k, 0);
		p += k;
		n -= k;
	}
	return !f->b->failed;
}

/* Every element's has_table: children come after their parents, so one backward pass. */
static void
mark_tables(gr_htree *t)
{
	for (int32_t i = t->n - 1; i > 0; i--)
	{
		gr_hnode   *n = gr_hn(t, i);

		if (n->type == GR_HN_ELEM && (n->tag == GR_HT_TABLE || n->has_table))
			gr_hn(t, n->parent)->has_table = true;
	}
}

/*
 * The text is UTF-8 whatever the page's <meta charset> says (the database
 * gave it so), as htmlReadMemory is told with its encoding argument.
 */
bool
gr_html_parse(gr_ctx *ctx, const char *text, size_t len, gr_htree *tree)
{
	htmlSAXHandler sax;
	builder    *b = gr_alloc0(ctx, sizeof(builder));
	feed		f = {0};
	bool		got;
	char	   *slim;
	size_t		slim_cap = len < 64 ? 64 : len < SLIM_BUF ? len : SLIM_BUF;

	memset(tree, 0, sizeof(*tree));
	if (b == NULL)
		return false;
	b->ctx = ctx;
	b->t = tree;
	b->top_first = b->top_last = GR_HN_NONE;
	/*
	 * Blocks of a node per 64 bytes of the page (pages have one per 12 to
	 * 40): a few for a report, 2 MB each for a huge page; text is a
	 * quarter to a half of a page.
	 */
	tree->shift = 8;
	while (tree->shift < 16 && ((size_t) 64 << tree->shift) < len)
		tree->shift++;
	b->text_cap = len / 3 + 256;
	if ((b->text = gr_alloc(ctx, b->text_cap)) == NULL)
		return false;
	tree->text = b->text;
	tree->text_cap = b->text_cap;
	b->text_child.type = XML_TEXT_NODE;
	b->text_child.name = xmlStringText;
	b->pcdata_child.type = XML_ELEMENT_NODE;
	b->pcdata_child.name = (const xmlChar *) "a";	/* allowPCData's first: areBlanks looks no further */
	b->other_child.type = XML_ELEMENT_NODE;
	b->other_child.name = NULL;	/* matches no name, at once */
	if (new_node(b, GR_HN_DOC, 0) != 0)
		return false;

	memset(&sax, 0, sizeof(sax));
	sax.internalSubset = xmlSAX2InternalSubset;
	sax.startDocument = xmlSAX2StartDocument;
	sax.endDocument = xmlSAX2EndDocument;
	sax.startElement = sax_start_element;
	sax.endElement = sax_end_element;
	sax.characters = sax_characters;
	sax.cdataBlock = sax_cdata;
	sax.ignorableWhitespace = xmlSAX2IgnorableWhitespace;
	sax.processingInstruction = sax_pi;
	sax.comment = sax_comment;
	sax.initialized = 1;

	/* libxml2 reads the page without the attributes no node keeps (gr_html_slim.c) */
	if ((slim = gr_alloc(ctx, slim_cap)) == NULL)
		return false;
	f.ctx = ctx;
	f.b = b;
	f.sax = &sax;
	gr_html_slim(text, len, slim, slim_cap, feed_piece, &f);
	gr_release(ctx, slim, slim_cap);
	if (f.pc == NULL && !f.no_parser && !b->failed)
		feed_start(&f, f.head, f.nhead);	/* a page of fewer than four bytes */
	if (f.pc == NULL)
		return false;
	if (!b->failed)
		htmlParseChunk(f.pc, NULL, 0, 1);
	got = f.pc->myDoc != NULL && !b->failed;
	if (f.pc->myDoc)
		xmlFreeDoc(f.pc->myDoc);	/* a document of a DOCTYPE at most */
	f.pc->myDoc = NULL;
	htmlFreeParserCtxt(f.pc);
	/* the stand-ins are done with; the tree is handed back after rendering */
	for (int i = 0; i < b->nshadows && b->shadows[i]; i++)
		gr_release(ctx, b->shadows[i], sizeof(standin));
	gr_release(ctx, b->shadows, sizeof(standin *) * (size_t) b->nshadows);
	gr_release(ctx, b, sizeof(builder));
	if (got)
		mark_tables(tree);
	else
		gr_html_tree_release(ctx, tree);
	return got;
}

void
gr_html_tree_release(gr_ctx *ctx, gr_htree *tree)
{
	for (int32_t i = 0; i < tree->nblocks && tree->blocks[i]; i++)
		gr_release(ctx, tree->blocks[i], sizeof(gr_hnode) << tree->shift);
	gr_release(ctx, tree->blocks, sizeof(gr_hnode *) * (size_t) tree->nblocks);
	gr_release(ctx, (void *) tree->text, tree->text_cap);
	memset(tree, 0, sizeof(*tree));
}

/*
 * xmlGetLineNo(): a node stored at 65535 (a line beyond) asks its first
 * child, else its next or previous sibling, five steps at most; a CDATA
 * node, which keeps no line, asks its previous sibling or its parent.
 */
/* The previous sibling, which the tree does not keep: asked only of a line beyond 65535. */
static int32_t
prev_of(const gr_htree *t, int32_t i)
{
	int32_t		prev = GR_HN_NONE;

	for (int32_t c = gr_hn(t, gr_hn(t, i)->parent)->first; c != i; c = gr_hn(t, c)->next)
		prev = c;
	return prev;
}

static long
lineno(const gr_htree *t, int32_t i, int depth)
{
	const gr_hnode *n;
	long		r = -1;

	if (depth >= 5 || i == GR_HN_NONE)
		return -1;
	n = gr_hn(t, i);
	if (n->type == GR_HN_CDATA || n->type == GR_HN_DOC)
	{
		int32_t		prev = n->parent != GR_HN_NONE ? prev_of(t, i) : GR_HN_NONE;

		if (prev != GR_HN_NONE && gr_hn(t, prev)->type != GR_HN_CDATA)
			return lineno(t, prev, depth + 1);
		if (n->parent != GR_HN_NONE && gr_hn(t, n->parent)->type == GR_HN_ELEM)
			return lineno(t, n->parent, depth + 1);
		return -1;
	}
	if (n->line == 65535)
	{
		if (n->type == GR_HN_ELEM && n->first != GR_HN_NONE)
			r = lineno(t, n->first, depth + 1);
		else if (n->next != GR_HN_NONE)
			r = lineno(t, n->next, depth + 1);
		else if (n->parent != GR_HN_NONE)
			r = lineno(t, prev_of(t, i), depth + 1);
	}
	if (r == -1 || r == 65535)
		r = n->line;
	return r;
}

int
gr_hn_lineno(const gr_htree *t, int32_t i)
{
	const gr_hnode *n = gr_hn(t, i);
	long		l;

	if (n->line != 65535 && n->type != GR_HN_CDATA)
		return n->line;
	l = lineno(t, i, 0);
	return l > 0 ? (int) l : 0;
}
