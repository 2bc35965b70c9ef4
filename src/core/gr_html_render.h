/*
 * gr_html_render.h — the renderer's own parts, shared by gr_html.c (a
 * page's tree made text) and gr_html_text.c (a text with HTML in it,
 * rendered line for line): the text being made, its lines and its table
 * slots.  Not for the rest of the core: gr_html.h is.
 */
#ifndef GR_HTML_RENDER_H
#define GR_HTML_RENDER_H

#include "gr_html.h"
#include "gr_html_tree.h"

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

static inline bool
is_tag(const gr_hnode *n, gr_hn_tag tag)
{
	return n->type == GR_HN_ELEM && n->tag == tag;
}

extern void gr_hr_start_line(render *r, int lineno);
extern void gr_hr_put_bytes(render *r, const char *s, size_t n, int lineno);
extern void gr_hr_newline(render *r);
extern void gr_hr_size_cells(render *r, const gr_htree *t);
extern bool gr_hr_render_node(render *r, const gr_htree *t, int32_t i);
extern void gr_hr_render_tree(render *r, const gr_htree *t, int32_t root);

/* gr_html_text.c: a text with tables, false when libxml2 sees other tables (read it as a page) */
extern bool gr_hr_text_tables(render *r, const char *text, size_t len);

#endif							/* GR_HTML_RENDER_H */
