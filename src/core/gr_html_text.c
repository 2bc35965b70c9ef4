/*
 * gr_html_text.c — a text with lines of its own that holds HTML: Markdown
 * with HTML tables (MinerU, marker, pandoc) or with a page's raw <div> and
 * <span> (pandoc's Markdown of a whole page), gr_html_detect.c's
 * GR_HTML_TABLES.  Its text outside the tables is rendered line for line,
 * its markup left out and its entities decoded (gr_html_tags.c); its
 * tables are read by libxml2 in one parse and rendered as a page's are
 * (gr_html.c), each where it stands in the text.
 */
#include "gr_html_render.h"

/* Whether the input line at s (its first byte) is a row of a Markdown pipe table. */
static inline bool
pipe_row(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	return s < end && *s == '|';
}

/*
 * The text of a text read as text, outside its HTML tables: line for line
 * as it is (blank lines too, a '\r' before a line end left out), so that
 * it reads as the same text without HTML would, but for its markup: a tag
 * or a comment is left out (gr_html_markup), a block's tag or a <br> ends
 * the rendered line (a <br> in a pipe table's row does not: it stays in
 * its cell), and an entity is its character.  A tag that pandoc wraps over
 * lines joins them.  *line is the input line of s; the first part goes on
 * the line open (text before a table on its line, after a table on its
 * last line).
 */
static void
put_text_lines(render *r, const char *s, const char *end, int *line)
{
	gr_html_scan sc = {NULL, NULL, NULL};
	bool		first = true,
				pipe = pipe_row(s, end);
	const char *run = s;		/* text not yet put */

	for (const char *p = s; p < end && !r->failed;)
	{
		const char *q = p;
		gr_html_markup_kind brk = GR_HTML_MARKUP_INLINE;
		size_t		n;
		char		ch[4];
		int			chlen = 0;

		/* the next byte that is not plain text */
		while (q < end && *q != '\n' && *q != '<' && *q != '&')
			q++;
		if (q == end)
			break;
		if (*q == '\n')
		{
			const char *e = q > run && q[-1] == '\r' ? q - 1 : q;

			if (e > run)
				gr_hr_put_bytes(r, run, (size_t) (e - run), *line);
			if (!r->line_open && !first)
				gr_hr_start_line(r, *line);	/* a blank line */
			gr_hr_newline(r);
			first = false;
			(*line)++;
			run = p = q + 1;
			pipe = pipe_row(p, end);
			continue;
		}
		n = *q == '<' ? gr_html_markup(&sc, q, end, &brk) : gr_html_entity(q, end, ch, &chlen);
		if (n == 0)
		{
			p = q + 1;
			continue;
		}
		if (q > run)
			gr_hr_put_bytes(r, run, (size_t) (q - run), *line);
		if (*q == '&')
			gr_hr_put_bytes(r, ch, (size_t) chlen, *line);
		else
		{
			*line += (int) gr_count_nl(q, q + n);
			if (brk == GR_HTML_MARKUP_BREAK || (brk == GR_HTML_MARKUP_BR && !pipe))
				gr_hr_newline(r);
		}
		run = p = q + n;
	}
	if (end > run && !r->failed)
		gr_hr_put_bytes(r, run, (size_t) (end - run), *line);
}

/* The tables of a text with tables: where each is in the text, and its node in the tree. */
typedef struct text_table
{
	const char *from;			/* "<table" */
	const char *to;				/* past its end tag's '>' */
	int			first_line;		/* input lines of from and to */
	int			last_line;
	int32_t		node;
} text_table;

/* masked[s - text, e - text): the text's line ends, every other byte a space */
static void
blank_outside(char *masked, const char *text, const char *s, const char *e)
{
	for (const char *q = s; q < e; q++)
		masked[q - text] = *q == '\n' ? '\n' : ' ';
}

/*
 * A text with tables (GR_HTML_TABLES): its text outside the tables as it
 * is, and its tables read by libxml2 in one parse of a copy of the text
 * in which every byte outside them but the line ends is a space — so that
 * libxml2's lines are the text's, and the outside text can hold '<' and
 * '&' as text does.  Each top-level table of the tree must be the next
 * table of the text, its start tag on a line of that table (a "<table" in
 * a comment or a script can make libxml2 see other tables than the scan
 * of the text did); false when they are not, and the text is read as a
 * page.  One parse, not one per table: a text of 50,000 small tables
 * stays within a small multiple of its size.
 */
bool
gr_hr_text_tables(render *r, const char *text, size_t len)
{
	const char *end = text + len;
	const char *from;
	int			n = 0,
				k = 0,
				line = 1;
	text_table *tabs;
	char	   *masked;
	gr_htree	tree;
	bool		ok = true;

	for (const char *p = text; p < end && (p = gr_html_next_table(p, end, &from)) != NULL;)
		n++;
	if (n == 0)
	{
		/* raw HTML around Markdown, no table: the text, its markup left out */
		put_text_lines(r, text, end, &line);
		return true;
	}
	if ((tabs = gr_alloc(r->ctx, sizeof(text_table) * (size_t) n)) == NULL ||
		(masked = gr_alloc(r->ctx, len)) == NULL)
	{
		r->failed = true;
		return false;
	}
	{
		const char *p = text;

		for (int i = 0; i < n; i++)
		{
			tabs[i].to = gr_html_next_table(p, end, &tabs[i].from);
			line += (int) gr_count_nl(p, tabs[i].from);
			tabs[i].first_line = line;
			line += (int) gr_count_nl(tabs[i].from, tabs[i].to);
			tabs[i].last_line = line;
			tabs[i].node = GR_HN_NONE;
			blank_outside(masked, text, p, tabs[i].from);
			memcpy(masked + (tabs[i].from - text), tabs[i].from, (size_t) (tabs[i].to - tabs[i].from));
			p = tabs[i].to;
		}
		blank_outside(masked, text, p, end);
	}
	if (!gr_html_parse(r->ctx, masked, len, &tree))
	{
		gr_release(r->ctx, masked, len);
		gr_release(r->ctx, tabs, sizeof(text_table) * (size_t) n);
		r->failed = r->ctx->err->status != GR_OK;
		return false;
	}
	gr_release(r->ctx, masked, len);

	/* the top-level tables, in document order (nodes are made in that order) */
	for (int32_t i = 1; i < tree.n && ok; i++)
	{
		int32_t		a;
		int			l;

		if (!is_tag(gr_hn(&tree, i), GR_HT_TABLE))
			continue;
		for (a = gr_hn(&tree, i)->parent; a > 0 && !is_tag(gr_hn(&tree, a), GR_HT_TABLE); a = gr_hn(&tree, a)->parent)
			;
		if (a > 0)
			continue;			/* a table in a table */
		l = gr_hn_lineno(&tree, i);
		ok = k < n && ((l >= tabs[k].first_line && l <= tabs[k].last_line) ||
					   (l >= 65535 && tabs[k].last_line >= 65535));
		if (ok)
			tabs[k++].node = i;
	}
	ok = ok && k == n;
	if (ok)
	{
		const char *p = text;

		gr_hr_size_cells(r, &tree);
		line = 1;
		for (int i = 0; i < n && !r->failed; i++)
		{
			put_text_lines(r, p, tabs[i].from, &line);
			gr_hr_newline(r);
			if (gr_hr_render_node(r, &tree, tabs[i].node))
				gr_hr_render_tree(r, &tree, tabs[i].node);
			gr_hr_newline(r);
			line = tabs[i].last_line;
			p = tabs[i].to;
		}
		put_text_lines(r, p, end, &line);
	}
	gr_html_tree_release(r->ctx, &tree);
	gr_release(r->ctx, tabs, sizeof(text_table) * (size_t) n);
	return ok;
}
