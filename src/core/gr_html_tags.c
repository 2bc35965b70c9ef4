/*
 * gr_html_tags.c — the syntax of HTML outside libxml2's parse: the name of
 * a tag, for the one scan that tells what kind of HTML a text is
 * (gr_html_detect.c), and the markup and entities of a text read as text
 * (Markdown around raw HTML or HTML tables), which the renderer leaves
 * out of its lines or decodes (gr_html.c).  libxml2's parse builds a tree
 * of a whole page; these read a tag or an entity where it stands, in
 * constant time each, so that a text of a million '<' is read in linear
 * time.
 */
#include <libxml/HTMLparser.h>

#include "gr_html.h"

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
size_t
gr_html_tag_name(const char *p, const char *end, bool *closing, char *name, size_t cap)
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

bool
gr_html_in_list(const char *const *list, const char *name)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], name) == 0)
			return true;
	return false;
}

/* Elements whose tags break a line of a text read as text (the blocks of page_tags and <br>). */
static const char *const line_break_tags[] = {
	"div", "p", "br", "hr", "html", "body", "section", "article", "header", "footer", "nav",
	"main", "aside", "center", "address", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5",
	"h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "form", NULL
};

/*
 * Does s..e hold a blank line?  A tag that pandoc wraps goes on over its
 * lines, never over a blank one: "a <b" and a '>' a paragraph later ("> 注")
 * are text.  (The spans looked at are apart: no '<' stands in one.)
 */
static bool
blank_line_in(const char *s, const char *e)
{
	for (const char *nl = memchr(s, '\n', (size_t) (e - s)); nl != NULL;
		 nl = memchr(nl + 1, '\n', (size_t) (e - nl - 1)))
	{
		const char *q = nl + 1;

		while (q < e && (*q == ' ' || *q == '\t' || *q == '\r'))
			q++;
		if (q < e && *q == '\n')
			return true;
		if (q >= e)
			return false;
	}
	return false;
}

/*
 * The markup at p ('<') of a text read as text: a tag (with its
 * attributes, over lines as pandoc wraps them) or a comment, which the
 * renderer leaves out of the text; its length, 0 when the '<' is text
 * (no element's name follows, as in Markdown's <http://…> or "<5"; no
 * '>' before the next '<').  *brk says whether it breaks the line: the
 * tags of blocks (<div>, MinerU's <html><body> around a table), and <br>
 * (GR_HTML_MARKUP_BR, which a pipe table's row keeps within its cell).
 * sc remembers the next '>', '<' and "-->" past p, so that every '<' of
 * a text costs a constant: a text of a million '<' is read in linear time.
 */
size_t
gr_html_markup(gr_html_scan *sc, const char *p, const char *end, gr_html_markup_kind *brk)
{
	char		name[12];
	bool		closing;

	*brk = GR_HTML_MARKUP_INLINE;
	if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
	{
		if (sc->comment_end == NULL || (sc->comment_end != end && sc->comment_end < p + 4))
		{
			const char *c = gr_memmem(p + 4, (size_t) (end - p - 4), "-->");

			sc->comment_end = c ? c : end;	/* end: none from here on */
		}
		return sc->comment_end == end ? 0 : (size_t) (sc->comment_end + 3 - p);
	}
	/* an element's name begins with a letter: "<5 个工作日" is text */
	{
		const char *q = p + 1 + (end - p > 1 && p[1] == '/');

		if (q >= end || !((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '!'))
			return 0;
	}
	if (gr_html_tag_name(p, end, &closing, name, sizeof(name)) == 0)
		return 0;
	if (sc->gt == NULL || (sc->gt != end && sc->gt < p))
	{
		const char *g = memchr(p, '>', (size_t) (end - p));

		sc->gt = g ? g : end;
	}
	if (sc->lt == NULL || (sc->lt != end && sc->lt <= p))
	{
		const char *l = memchr(p + 1, '<', (size_t) (end - p - 1));

		sc->lt = l ? l : end;
	}
	if (sc->gt == end || sc->gt > sc->lt || blank_line_in(p, sc->gt))
		return 0;
	if (strcmp(name, "br") == 0)
		*brk = GR_HTML_MARKUP_BR;
	else if (gr_html_in_list(line_break_tags, name))
		*brk = GR_HTML_MARKUP_BREAK;
	return (size_t) (sc->gt + 1 - p);
}

/*
 * The entity at p ('&') of a text read as text (gr_html.c): a named one
 * of HTML 4's (libxml2's htmlEntityLookup, the table its parser
 * decodes a page's entities by) or a character reference, ended by ';';
 * its character as UTF-8 in out (room for 4 bytes), *outlen its bytes.
 * Its length at p, 0 when none is there (the '&' is text, as in "a & b"):
 * a reference to NUL, to a surrogate or past U+10FFFF stays text, and so
 * does "&#124;", whose '|' would split a pipe table's cell.  A control
 * character (&#10;) is a space: a line end the text does not have would
 * put every later line's number off by one.
 */
size_t
gr_html_entity(const char *p, const char *end, char *out, int *outlen)
{
	char		name[33];
	size_t		n = 0;
	uint32_t	cp = 0;

	*outlen = 0;
	if (end - p < 3 || *p != '&')
		return 0;
	if (p[1] == '#')
	{
		bool		hex = end - p > 3 && (p[2] == 'x' || p[2] == 'X');
		const char *q = p + (hex ? 3 : 2);
		const char *d = q;

		for (; q < end && q - d < 8; q++)
		{
			int			v = (*q >= '0' && *q <= '9') ? *q - '0' :
				hex && (*q | 0x20) >= 'a' && (*q | 0x20) <= 'f' ? (*q | 0x20) - 'a' + 10 : -1;

			if (v < 0)
				break;
			cp = cp * (hex ? 16 : 10) + (uint32_t) v;
		}
		if (q == d || q >= end || *q != ';' || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		n = (size_t) (q + 1 - p);
	}
	else
	{
		const htmlEntityDesc *ent;
		const char *q = p + 1;

		while (q < end && n < sizeof(name) - 1 &&
			   ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')))
			name[n++] = *q++;
		name[n] = '\0';
		if (n == 0 || q >= end || *q != ';' || (ent = htmlEntityLookup((const xmlChar *) name)) == NULL)
			return 0;
		cp = ent->value;
		n = (size_t) (q + 1 - p);
	}
	if (cp == '|')
		return 0;
	if (cp < 0x20 || cp == 0x7F)
		cp = ' ';
	*outlen = gr_utf8_encode(cp, out);
	return n;
}
