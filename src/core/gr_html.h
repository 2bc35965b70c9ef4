/*
 * gr_html.h — HTML pages rendered to text with a map to their lines.
 */
#ifndef GR_HTML_H
#define GR_HTML_H

#include "gr_internal.h"

typedef struct gr_html_text
{
	const char *text;			/* rendered UTF-8, lines separated by '\n' */
	size_t		len;
	const int  *lines;			/* input line number of each rendered line */
	int			nlines;
	const gr_html_cell *cells;	/* every slot of every data table, in order */
	int			ncells;
} gr_html_text;

/* What a text is to the HTML reader (gr_html_detect.c). */
typedef enum gr_html_kind
{
	GR_HTML_NONE,				/* text */
	GR_HTML_PAGE,				/* a web page or a fragment of one */
	GR_HTML_TABLES				/* text with lines of its own that holds HTML: tables, or
								 * raw HTML around Markdown (MinerU, pandoc) */
} gr_html_kind;

extern gr_html_kind gr_html_detect(const char *text, size_t len);

/* gr_html_tags.c: a tag's name lower-cased (0: none at p), and a name among a NULL-ended list */
extern size_t gr_html_tag_name(const char *p, const char *end, bool *closing, char *name, size_t cap);
extern bool gr_html_in_list(const char *const *list, const char *name);
extern const char *gr_html_next_table(const char *p, const char *end, const char **from);

/* The markup of a text read as text (gr_html_markup, gr_html_tags.c). */
typedef enum gr_html_markup_kind
{
	GR_HTML_MARKUP_INLINE,		/* <span>, <a>, a comment: nothing in its place */
	GR_HTML_MARKUP_BREAK,		/* a block's tag: a line break */
	GR_HTML_MARKUP_BR			/* <br>: a line break, but within a pipe table's row */
} gr_html_markup_kind;

typedef struct gr_html_scan
{
	const char *gt;				/* the next '>', '<' and "-->" found, or the end: none */
	const char *lt;
	const char *comment_end;
} gr_html_scan;

extern size_t gr_html_markup(gr_html_scan *sc, const char *p, const char *end, gr_html_markup_kind *brk);

/* The character of the entity at p ('&'), as UTF-8 in out[4]: its length at p, 0 if none. */
extern size_t gr_html_entity(const char *p, const char *end, char *out, int *outlen);

/*
 * A page, or with kind GR_HTML_TABLES a text with tables: the text outside
 * them as it is, line for line, each table read by libxml2 on its own.
 */
extern gr_status gr_html_render(gr_ctx *ctx, const char *text, size_t len, gr_html_kind kind,
								gr_html_text *out);

#endif							/* GR_HTML_H */
