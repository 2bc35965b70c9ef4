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

extern bool gr_html_detect(const char *text, size_t len);
extern gr_status gr_html_render(gr_ctx *ctx, const char *text, size_t len, gr_html_text *out);

#endif							/* GR_HTML_H */
