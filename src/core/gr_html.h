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
	GR_HTML_TABLES				/* text with HTML tables in it (Markdown of MinerU, pandoc) */
} gr_html_kind;

extern gr_html_kind gr_html_detect(const char *text, size_t len);
extern const char *gr_html_next_table(const char *p, const char *end, const char **from);
extern size_t gr_html_wrapper_tag(const char *p, const char *end);

/*
 * A page, or with kind GR_HTML_TABLES a text with tables: the text outside
 * them as it is, line for line, each table read by libxml2 on its own.
 */
extern gr_status gr_html_render(gr_ctx *ctx, const char *text, size_t len, gr_html_kind kind,
								gr_html_text *out);

#endif							/* GR_HTML_H */
