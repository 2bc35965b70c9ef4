/*
 * gr_html_detect.c — is a report's text HTML, and which kind: a web page
 * (its white space is the page's, collapsed where a browser collapses it)
 * or a text that holds HTML tables and is otherwise text with lines of its
 * own — what PDF-to-Markdown converters (MinerU, marker) and pandoc's
 * Markdown write when a table has spans: `<table><tr><td rowspan="2">…`
 * between Markdown headings and paragraphs.  Read as a page, such a text
 * lost its line structure (every paragraph and heading between two tables
 * one line), and its outline with it; read as text, its tables were tags.
 *
 * One scan over the '<' of the text, no tree: plain text has next to no
 * '<', and a page shows one of its page tags within its first few.
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

static inline char
lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c | 0x20) : c;
}

/*
 * The name of the tag at p ('<' then an optional '/'), lower-cased into
 * name (at most cap - 1 bytes; a longer name is no name of the lists);
 * *closing says whether it is an end tag.  0 when no name follows.
 */
static size_t
tag_name(const char *p, const char *end, bool *closing, char *name, size_t cap)
{
	size_t		n = 0;

	p++;
	*closing = p < end && *p == '/';
	if (*closing)
		p++;
	if (p < end && *p == '!')
		name[n++] = *p++;
	while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
	{
		if (n + 1 >= cap)
			return 0;
		name[n++] = lower(*p++);
	}
	/* a name ends at a blank, '>' or '/' (<br/>); "<p2023>" is no <p> */
	if (p < end && !(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '>' || *p == '/'))
		return 0;
	name[n] = '\0';
	return n;
}

static bool
in_list(const char *const *list, const char *name)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], name) == 0)
			return true;
	return false;
}

/*
 * GR_HTML_PAGE when the first 8 kB are a page's (three tags of the list
 * and a closing tag) and a page tag stands outside the tables, or no
 * table is whole; GR_HTML_TABLES when whole tables are all the page tags
 * (in the first 8 kB or past them); GR_HTML_NONE otherwise.  A text whose
 * only page tags show past its first 8 kB stays text, as it always was.
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
				tables = false;

	for (const char *p = memchr(text, '<', len); p != NULL; p = memchr(p + 1, '<', (size_t) (end - p - 1)))
	{
		size_t		off = (size_t) (p - text);
		char		name[12];
		bool		closing;

		if (page_outside && (page_start || off >= PAGE_START_BYTES))
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
		if (page_outside || tag_name(p, end, &closing, name, sizeof(name)) == 0)
			continue;
		if (strcmp(name, "table") == 0)
		{
			if (!closing)
				depth++;
			else if (depth > 0 && --depth == 0)
				tables = true;
		}
		else if (depth == 0 && !closing && in_list(page_tags, name))
			page_outside = true;
	}
	if (page_outside || !tables)
		return page_start ? GR_HTML_PAGE : GR_HTML_NONE;
	return GR_HTML_TABLES;
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

		if (tag_name(p, end, &closing, name, sizeof(name)) == 0 || strcmp(name, "table") != 0)
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

/*
 * The length of the tag at p when it is <html>, <body> or their end tags
 * (with attributes or not): the wrapper MinerU writes around each table,
 * which the text outside the tables leaves out; 0 for any other.
 */
size_t
gr_html_wrapper_tag(const char *p, const char *end)
{
	char		name[8];
	bool		closing;
	const char *gt;

	if (p >= end || *p != '<' || tag_name(p, end, &closing, name, sizeof(name)) == 0 ||
		(strcmp(name, "html") != 0 && strcmp(name, "body") != 0) ||
		(gt = memchr(p, '>', (size_t) (end - p))) == NULL)
		return 0;
	return (size_t) (gt + 1 - p);
}
