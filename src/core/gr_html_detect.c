/*
 * gr_html_detect.c — is a report's text HTML, and which kind: a web page
 * (its white space is the page's, collapsed where a browser collapses it)
 * or a text with lines of its own that holds HTML — what PDF-to-Markdown
 * converters (MinerU, marker) write when a table has spans
 * (`<table><tr><td rowspan="2">…` between Markdown headings and
 * paragraphs), and what pandoc's Markdown keeps of a whole web page: its
 * <div> and <span> as raw HTML around Markdown paragraphs, headings and
 * pipe tables.  Read as a page, such a text lost its line structure (every
 * paragraph and heading between two tables one line), and its outline
 * with it; read as text, its tables were tags.
 *
 * One scan over the '<' of the text, no tree: plain text has next to no
 * '<', and a page shows one of its page tags within its first few.  (The
 * names of tags, and the markup the renderer leaves out of such a text's
 * lines, are gr_html_tags.c's.)
 */
#include "gr_html.h"

/* A page within its first 8 kB: three of these tags and a closing tag (as before 0.4.0). */
static const char *const page_start_tags[] = {
	"<html", "<HTML", "<!DOCTYPE", "<!doctype", "<body", "<BODY", "<p", "<P>", "<div", "<DIV",
	"<table", "<TABLE", "<td", "<TD", "<span", "<SPAN", "<br", "<BR", "<meta", "<head", NULL
};

#define PAGE_START_BYTES 8192

/*
 * Elements that make a text a page when they stand outside every table:
 * blocks and a document's own parts.  Inline elements (<span>, <sup>,
 * <img>), <br> and names that are no HTML (Markdown's <http://…>) do not:
 * a text with only those outside its tables keeps its own lines.  Nor do
 * <html> and <body>, which MinerU writes around each table of its
 * Markdown (<html><body><table>…</table></body></html>); a page has its
 * <head>, <title>, <p> or <div> besides.
 */
static const char *const page_tags[] = {
	"head", "title", "meta", "link", "script", "style", "p", "div",
	"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
	"pre", "hr", "form", "section", "article", "header", "footer", "nav", "main", "aside",
	"center", "address", "iframe", "noscript", "!doctype", NULL
};

/*
 * Of those, the ones that keep a text a page even when its lines are
 * Markdown's: a page's own parts and elements whose content is no text
 * (<script>, <style>), and the blocks that Markdown writes as Markdown
 * (a paragraph, a heading, a list, a table row), which raw HTML around
 * Markdown does not hold.  What is left, <div> and the sectioning
 * elements, is what pandoc keeps as raw HTML of a page it writes as
 * Markdown, each on a line of its own.
 */
static const char *const page_only_tags[] = {
	"head", "title", "meta", "link", "script", "style", "p", "h1", "h2", "h3", "h4", "h5", "h6",
	"ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "form", "iframe", "noscript",
	"!doctype", "tr", "td", "th", "textarea", "select", "object", "frameset", NULL
};

/*
 * Whether the lines of a text are Markdown's: two signs of it, a heading
 * ("## 二、…") one, the delimiter row under a pipe table's header
 * ("|---|:--:|") two, as no web page's text has them at a line's start.
 */
static bool
markdown_lines(const char *text, size_t len)
{
	const char *end = text + len;
	int			signs = 0;

	for (const char *p = text; p < end && signs < 2;)
	{
		const char *nl = memchr(p, '\n', (size_t) (end - p));
		const char *e = nl ? nl : end;
		const char *q = p;

		while (q < e && *q == ' ' && q - p < 4)
			q++;
		if (q < e && *q == '#')
		{
			const char *h = q;

			while (q < e && *q == '#')
				q++;
			if (q - h <= 6 && (q == e || *q == ' ' || *q == '\t'))
				signs++;
		}
		else if (q < e && (*q == '|' || *q == '-' || *q == ':'))
		{
			int			bars = 0,
						dashes = 0;

			for (; q < e && (*q == '|' || *q == '-' || *q == ':' || *q == ' ' || *q == '\t' || *q == '\r'); q++)
			{
				bars += *q == '|';
				dashes = *q == '-' ? dashes + 1 : (dashes >= 3 ? dashes : 0);
			}
			if (q == e && bars > 0 && dashes >= 3)
				signs += 2;
		}
		p = nl ? nl + 1 : end;
	}
	return signs >= 2;
}

/*
 * GR_HTML_PAGE when the first 8 kB are a page's (three tags of the list
 * and a closing tag) and a page tag stands outside the tables, or no
 * table is whole; GR_HTML_TABLES when whole tables are all the page tags
 * (in the first 8 kB or past them), or when the text's lines are
 * Markdown's and no tag outside its tables is one that only a page has
 * (page_only_tags: what stands outside is raw HTML around Markdown);
 * GR_HTML_NONE otherwise.  A text whose only page tags show past its
 * first 8 kB stays text, as it always was.
 */
gr_html_kind
gr_html_detect(const char *text, size_t len)
{
	const char *end = text + len;
	int			hits = 0,
				depth = 0;
	bool		closing_seen = false,
				page_start = false,
				page_outside = false,
				page_only = false,
				tables = false;

	for (const char *p = memchr(text, '<', len); p != NULL; p = memchr(p + 1, '<', (size_t) (end - p - 1)))
	{
		size_t		off = (size_t) (p - text);
		char		name[12];
		bool		closing;

		if (page_only && (page_start || off >= PAGE_START_BYTES))
			break;				/* the answer is known */
		if (off < PAGE_START_BYTES && !page_start)
		{
			size_t		room = (len < PAGE_START_BYTES ? len : PAGE_START_BYTES) - off;

			if (room >= 2 && p[1] == '/')
				closing_seen = true;
			for (int i = 0; page_start_tags[i] && hits < 3; i++)
				if (gr_has_prefix(p, room, page_start_tags[i]))
				{
					hits++;
					break;
				}
			page_start = hits >= 3 && closing_seen;
		}
		if (page_only || gr_html_tag_name(p, end, &closing, name, sizeof(name)) == 0)
			continue;
		if (strcmp(name, "table") == 0)
		{
			if (!closing)
				depth++;
			else if (depth > 0 && --depth == 0)
				tables = true;
		}
		else if (depth == 0)
		{
			page_outside |= !closing && gr_html_in_list(page_tags, name);
			page_only |= gr_html_in_list(page_only_tags, name);
		}
	}
	if (tables && !page_outside)
		return GR_HTML_TABLES;
	if ((page_start || page_outside) && !page_only && markdown_lines(text, len))
		return GR_HTML_TABLES;
	return page_start ? GR_HTML_PAGE : GR_HTML_NONE;
}

/*
 * The next whole table of a text with tables, from p on: its start (the
 * '<' of "<table") in *from, and the byte after the '>' of the end tag
 * that closes it (tables in it counted); NULL when no table from p on is
 * closed, the rest being text.
 */
const char *
gr_html_next_table(const char *p, const char *end, const char **from)
{
	int			depth = 0;

	*from = NULL;
	for (p = memchr(p, '<', (size_t) (end - p)); p != NULL; p = memchr(p + 1, '<', (size_t) (end - p - 1)))
	{
		char		name[12];
		bool		closing;

		if (gr_html_tag_name(p, end, &closing, name, sizeof(name)) == 0 || strcmp(name, "table") != 0)
			continue;
		if (!closing)
		{
			if (depth++ == 0)
				*from = p;
		}
		else if (depth > 0 && --depth == 0)
		{
			const char *gt = memchr(p, '>', (size_t) (end - p));

			return gt ? gt + 1 : end;
		}
	}
	*from = NULL;
	return NULL;
}
