/*
 * gr_html_tree.h — the compact tree of an HTML page that gr_html_sax.c
 * builds from libxml2's SAX events and gr_html.c renders: libxml2's HTML
 * parser reads the page, but its own tree (a malloc'd node with copied
 * attributes per element, freed again at the end) is never built.
 *
 * The tree has the shape libxml2's SAX2 tree builder would give the same
 * events — the same nodes, links, text coalescing and line numbers — so
 * that the page renders byte for byte as it did from libxml2's tree.  Of
 * the attributes only those rendering reads are kept: rowspan and colspan
 * of a cell, the content of a <meta> that names a publication date.
 */
#ifndef GR_HTML_TREE_H
#define GR_HTML_TREE_H

#include "gr_internal.h"

/* Node types, as libxml2 has them (only these occur). */
typedef enum gr_hn_type
{
	GR_HN_DOC,					/* the document: node 0, the parent of the top level */
	GR_HN_ELEM,
	GR_HN_TEXT,
	GR_HN_CDATA,				/* the text of <script> and <style> */
	GR_HN_COMMENT,
	GR_HN_PI
} gr_hn_type;

/* What rendering makes of an element, from its (local) name. */
typedef enum gr_hn_tag
{
	GR_HT_OTHER,				/* inline: <span>, <font>, unknown tags */
	GR_HT_BLOCK,				/* starts and ends a line: <p>, <div>, <li>, ... */
	GR_HT_TABLE,
	GR_HT_TR,
	GR_HT_TSECT,				/* <thead>, <tbody>, <tfoot> */
	GR_HT_CELL,					/* <td>, <th> */
	GR_HT_BR,
	GR_HT_META,
	GR_HT_SKIP					/* <script>, <style>, <noscript>, <template>, <select>, <option> */
} gr_hn_tag;

#define GR_HN_NONE (-1)

typedef struct gr_hnode
{
	int32_t		parent;			/* GR_HN_NONE for the document */
	int32_t		first;			/* the first child */
	int32_t		next;			/* the next sibling (the last child is known while building) */
	union
	{
		struct					/* a text, or a <meta>'s date: the tree's text[off, off + len), */
		{						/* as libxml2 kept it, NUL bytes and all */
			uint32_t	off;
			uint32_t	len;
		}			text;
		struct					/* a cell's spans, already bounded as rendering bounds them */
		{
			uint16_t	rowspan;
			uint16_t	colspan;
		}			cell;
	}			u;
	uint16_t	line;			/* input line, as libxml2 keeps it: 65535 for all beyond */
	uint8_t		type;			/* gr_hn_type */
	uint8_t		tag:4;			/* gr_hn_tag, for elements */
	bool		has_table:1;	/* an element with a <table> among its descendants */
	bool		pub_date:1;		/* a <meta> whose content is a publication date (u.text) */
} gr_hnode;

/*
 * The nodes are kept in blocks of 1 << shift (sized from the page, so that
 * a small page takes one small block and a large one no copying); the
 * texts in one buffer.
 */
typedef struct gr_htree
{
	gr_hnode  **blocks;
	int32_t		nblocks;		/* room in blocks[] */
	int			shift;
	int32_t		n;				/* nodes, the document included */
	const char *text;
	size_t		text_cap;
} gr_htree;

static inline gr_hnode *
gr_hn(const gr_htree *t, int32_t i)
{
	return &t->blocks[i >> t->shift][i & ((1 << t->shift) - 1)];
}

static inline const char *
gr_hn_text(const gr_htree *t, const gr_hnode *n)
{
	return t->text + n->u.text.off;
}

/* Limits that keep a hostile rowspan="65534" from building a huge grid. */
#define GR_HTML_MAX_SPAN_ROWS 1000
#define GR_HTML_MAX_SPAN_COLS 64

/*
 * Parse the page into *tree.  Returns false when the page gave no
 * document (libxml2 found nothing to read) or on failure, with ctx's
 * error set for a failure (out of memory, a cancel between two chunks).
 */
extern bool gr_html_parse(gr_ctx *ctx, const char *text, size_t len, gr_htree *tree);

/*
 * libxml2's push parser gets a page's first 4 bytes with its context, then
 * pieces of this size at most; where a piece ends changes how it reads a
 * few constructs cut there (gr_html_slim.c), so the page as it is goes in
 * pieces that end at 4 + k * GR_HTML_CHUNK.
 */
#define GR_HTML_CHUNK (256 * 1024)

/* Takes the next piece of a page; false: stop. */
typedef bool (*gr_html_push) (void *arg, const char *piece, size_t len);

/*
 * Hands the page to push in pieces, in order, with the attributes no node
 * keeps taken out where libxml2 reads the tag with certainty alike
 * (gr_html_slim.c); buf, cap bytes (64 at least), holds what it writes.
 * False when push said stop.
 */
extern bool gr_html_slim(const char *text, size_t len, char *buf, size_t cap,
						 gr_html_push push, void *arg);

/*
 * Whether gr_html_slim() takes out the inline elements nothing reads (Word's
 * <span> and <font> around text); true but in test/unit/test_html, which
 * turns it off to hold the rest of the pass to libxml2's tree node by node.
 */
extern bool gr_html_drop_inline;

/* The tree's memory handed back to the call (gr_release), once it is rendered. */
extern void gr_html_tree_release(gr_ctx *ctx, gr_htree *tree);

/* What an element of that local name is to rendering; *pcdata: areBlanks' allowPCData. */
extern gr_hn_tag gr_html_tag(const char *local, bool *pcdata);

/* The line libxml2's xmlGetLineNo() gives node i, 0 for none. */
extern int	gr_hn_lineno(const gr_htree *t, int32_t i);

#endif							/* GR_HTML_TREE_H */
