/*
 * gr_html_slim.c — a web page with the attributes nobody reads taken out,
 * before libxml2 reads it.
 *
 * Pages exported from Word or an editor carry an inline style, a class and
 * a lang on nearly every <span>, <p> and <td>: on the real pages of the
 * corpus the tags are 85 % of the bytes, and libxml2 spends half of its
 * time (the whole parse's largest part) decoding attribute values that the
 * tree builder then drops, since rendering reads only rowspan and colspan
 * of a cell and the attributes of a <meta>.  This pass copies the page and
 * rewrites each start tag it can read with certainty as libxml2 2.9.14
 * reads it (HTMLparser.c, recovery mode, the push parser) to its name, its
 * rowspan and colspan attributes as written, its line breaks and its end
 * ('>' or '/>'): the parser then makes the same events, with the same
 * lines (every '\n' of a tag stays before its '>', where the element's
 * line is taken), but for the attributes dropped.
 *
 * Certainty is kept by stopping: from the first construct this pass does
 * not read exactly as libxml2 does (a bogus attribute, a quote inside a
 * value without quotes, an unclosed tag or comment, an end tag with more
 * than white space, a NUL byte, a tag or <!...> with malformed UTF-8),
 * the rest of the page is copied as it is.  What it reads:
 *
 * - text up to the next '<', and '<' not followed by a letter, '/', '!' or
 *   '?', which libxml2 makes text;
 * - a comment, to its first "-->" or "--!>" (libxml2 2.9.14 closes at
 *   either, and not at "<!-->");
 * - "<!" otherwise (a DOCTYPE, Word's <![if !supportLists]>) and a
 *   processing instruction, to their first '>' — a DOCTYPE only when no
 *   quote comes first, since its quoted literals may hold '>';
 * - an end tag, a name and white space, but for </html> and one while no
 *   element may be open;
 * - <script> and <style>, whose text libxml2 reads raw to the first "</"
 *   and the element's name (in recovery mode, case-insensitive): copied,
 *   and the end tag must then be exactly </script> or </style>;
 * - a <meta> (whose attributes may name a date), copied whole, as is any
 *   tag whose name ends in "meta" (<o:meta> is a meta to the builder).  Its
 *   charset is no matter: the page is UTF-8 (the database's text) and
 *   libxml2 is told to ignore the page's own word (HTML_PARSE_IGNORE_ENC).
 *
 * Where libxml2's current element is certain and holds text (just after
 * a <p>, <td>, <th>, <li> or <div>, and the text and runs after it), the
 * <span>s and <font>s that Word wraps around every run of text are taken
 * out where they hold nothing but text, such elements and <o:p>: the tree
 * is then the same but for them (inline_out).
 *
 * The push parser's result also depends on where its pieces end, and this
 * pass hands it others than the page's own (4 bytes, then GR_HTML_CHUNK at
 * a time): those of its buffer, and large pieces of the page.  So it stops
 * where that could show: where a piece ends inside a tag or text, libxml2
 * waits for their '>' or '<', but it reads a script's text to the end of
 * what it has ("</scr" as text), a comment from its start ("<!-->" closes
 * it early, "--" at a piece's end is missed), "<!DOC" as text; a malformed
 * byte in a tag (xmlNextChar: ISO-8859-1) switches the decoder of the
 * bytes pushed after; after </html>, blank text ends
 * the parse of a piece.  None of these is read here where the page's own
 * pieces end inside it, and what is copied from where the pass stops goes
 * in pieces that end where the page's do.
 *
 * test/unit/test_html compares the tree built from the slimmed page with
 * the tree libxml2 builds from the page itself, node by node (the inline
 * elements kept) and as rendering reads them (taken out), on hostile
 * pages (some cut at the page's first chunk end) and thousands of
 * mutations of them.
 */
#include <libxml/parserInternals.h>

#include "gr_html_tree.h"

bool		gr_html_drop_inline = true;

/* The classes of bytes in a tag, as htmlParseHTMLName and IS_BLANK_CH have them. */
#define SLIM_BLANK 1			/* IS_BLANK_CH */
#define SLIM_START 2			/* a name's first character: a letter, '_', ':', '.' */
#define SLIM_NAME 4				/* a name's others: those, a digit, '-' */

static const uint8_t slim_class[256] = {
	[' '] = SLIM_BLANK,['\t'] = SLIM_BLANK,['\n'] = SLIM_BLANK,['\r'] = SLIM_BLANK,
	['a' ... 'z'] = SLIM_START | SLIM_NAME,['A' ... 'Z'] = SLIM_START | SLIM_NAME,
	['_'] = SLIM_START | SLIM_NAME,[':'] = SLIM_START | SLIM_NAME,['.'] = SLIM_START | SLIM_NAME,
	['0' ... '9'] = SLIM_NAME,['-'] = SLIM_NAME,
};

static inline bool
blank(unsigned char c)
{
	return slim_class[c] & SLIM_BLANK;
}

static inline bool
ascii_letter(unsigned char c)
{
	return (unsigned char) ((c | 0x20) - 'a') < 26;
}

static inline bool
name_start(unsigned char c)
{
	return slim_class[c] & SLIM_START;
}

static inline bool
name_char(unsigned char c)
{
	return slim_class[c] & SLIM_NAME;
}

/* Names past this are not read (libxml2 cuts a name at 100 characters). */
#define SLIM_NAME_MAX 64

/* How deep the elements this pass tracks go; inline runs are taken out above it only. */
#define SLIM_DEPTH 200

/* a[0, n) is lower[0, n) but for the case of its ASCII letters (xmlStrncasecmp) */
static bool
ascii_caseeq_n(const char *a, const char *lower, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != lower[i] && !(ascii_letter((unsigned char) a[i]) && (a[i] | 0x20) == lower[i]))
			return false;
	return true;
}

static size_t
count_nl(const char *s, const char *e)
{
	size_t		n = 0;

	while ((s = memchr(s, '\n', (size_t) (e - s))) != NULL)
		n++, s++;
	return n;
}

/* A start tag as libxml2 reads it: the attributes to keep, where it ends. */
typedef struct slim_tag
{
	const char *name_end;
	const char *end;			/* its '>', or the '/' of "/>" */
	bool		self_closing;
	bool		dropped;		/* some attribute is not kept */
	int			nkept;
	const char *kept[16][2];	/* [start, end) of each kept attribute as written */
} slim_tag;

/*
 * An attribute's value from s (just past '=' and blanks); its end, NULL
 * where libxml2 may read it otherwise.  A quote inside a value without
 * quotes is one: htmlParseLookupSequence, which tells the push parser a
 * tag is whole, takes it for a quoted value's start and finds another
 * '>' than htmlParseStartTag, early when the page's chunk ends past it.
 */
static const char *
read_value(const char *s, const char *end)
{
	if (s < end && (*s == '"' || *s == '\''))
	{
		const char *q = memchr(s + 1, *s, (size_t) (end - s - 1));

		return q == NULL ? NULL : q + 1;
	}
	while (s < end && *s != '>' && !blank((unsigned char) *s))
	{
		if (*s == '"' || *s == '\'')
			return NULL;
		s++;
	}
	return s;
}

/* Keeps a rowspan or colspan [a, s). */
static bool
note_attribute(slim_tag *t, const char *a, const char *an, const char *s)
{
	if (an - a == 7 && (ascii_caseeq_n(a, "rowspan", 7) || ascii_caseeq_n(a, "colspan", 7)))
	{
		if (t->nkept == 16)
			return false;
		t->kept[t->nkept][0] = a;
		t->kept[t->nkept][1] = s;
		t->nkept++;
	}
	else
		t->dropped = true;
	return true;
}

/*
 * Reads the start tag at p ('<' and a letter) as htmlParseStartTag does;
 * false where it would take a path this pass does not follow.
 */
static bool
read_start_tag(const char *p, const char *end, slim_tag *t)
{
	const char *s = p + 1;

	while (s < end && name_char((unsigned char) *s))
		s++;
	if (s - p - 1 > SLIM_NAME_MAX || s >= end)
		return false;
	t->name_end = s;
	t->dropped = false;
	t->nkept = 0;
	while (s < end && blank((unsigned char) *s))
		s++;
	while (s < end && *s != '>' && !(*s == '/' && s + 1 < end && s[1] == '>'))
	{
		const char *a = s;
		const char *an;

		if (!name_start((unsigned char) *s))
			return false;		/* a bogus attribute: dumped as libxml2 does, not here */
		while (s < end && name_char((unsigned char) *s))
			s++;
		an = s;
		if (an - a > SLIM_NAME_MAX)
			return false;
		while (s < end && blank((unsigned char) *s))
			s++;
		if (s < end && *s == '=')
		{
			s++;
			while (s < end && blank((unsigned char) *s))
				s++;
			if ((s = read_value(s, end)) == NULL)
				return false;
		}
		else
			s = an;				/* no value: the blanks belong to what follows */
		if (!note_attribute(t, a, an, s))
			return false;
		while (s < end && blank((unsigned char) *s))
			s++;
	}
	if (s >= end)
		return false;			/* no end: libxml2 closes the element at once */
	t->end = s;
	t->self_closing = *s == '/';
	return true;
}

/* What write_start_tag writes of the tag at p, of n bytes, at most. */
static size_t
slim_size(const char *p, const slim_tag *t, size_t n)
{
	size_t		k = (size_t) (t->name_end - p) + (size_t) t->nkept + 3 + count_nl(t->name_end, t->end);

	for (int i = 0; i < t->nkept; i++)
		k += (size_t) (t->kept[i][1] - t->kept[i][0]);
	return k < n ? k : n;
}

/* Writes the tag read: name, kept attributes, the line breaks, its end. */
static char *
write_start_tag(const char *p, const slim_tag *t, char *o)
{
	const char *gap = t->name_end;

	memcpy(o, p, (size_t) (t->name_end - p));
	o += t->name_end - p;
	for (int i = 0; i < t->nkept; i++)
	{
		size_t		nl = count_nl(gap, t->kept[i][0]);

		/* every gap before an attribute is a byte at least, but after a quote */
		if (nl > 0)
			memset(o, '\n', nl), o += nl;
		else if (gap < t->kept[i][0])
			*o++ = ' ';
		memcpy(o, t->kept[i][0], (size_t) (t->kept[i][1] - t->kept[i][0]));
		o += t->kept[i][1] - t->kept[i][0];
		gap = t->kept[i][1];
	}
	{
		size_t		nl = count_nl(gap, t->end);

		/* "rowspan=2 x/>" must not become "rowspan=2/>", whose value is "2/" */
		if (nl > 0)
			memset(o, '\n', nl), o += nl;
		else if (gap < t->end && t->self_closing)
			*o++ = ' ';
	}
	if (t->self_closing)
		*o++ = '/';
	*o++ = '>';
	return o;
}

/* The end of a comment at p ("<!--"), just past it; NULL for none. */
static const char *
comment_end(const char *p, const char *end)
{
	for (const char *s = p + 4; (s = memchr(s, '-', (size_t) (end - s))) != NULL; s++)
	{
		if (end - s >= 3 && s[1] == '-' && s[2] == '>')
			return s + 3;
		if (end - s >= 4 && s[1] == '-' && s[2] == '!' && s[3] == '>')
			return s + 4;
	}
	return NULL;
}

/*
 * Just past the end tag that closes a <script> or <style> whose text
 * begins at p; NULL where libxml2 would go on otherwise.
 */
static const char *
raw_end(const char *p, const char *end, const char *name, size_t nlen)
{
	for (const char *s = p; (s = memchr(s, '<', (size_t) (end - s))) != NULL; s++)
	{
		const char *e;

		if ((size_t) (end - s) < nlen + 2 || s[1] != '/' || !ascii_caseeq_n(s + 2, name, nlen))
			continue;
		/* the raw text ends here; the end tag must be this element's (not </scriptx>) */
		e = s + 2 + nlen;
		while (e < end && blank((unsigned char) *e))
			e++;
		return e < end && *e == '>' ? e + 1 : NULL;
	}
	return NULL;
}

/* Just past the end tag at p ("</" and a letter): a name and white space. */
static const char *
end_tag_end(const char *p, const char *end)
{
	const char *s = p + 2;

	while (s < end && name_char((unsigned char) *s))
		s++;
	if (s - p - 2 > SLIM_NAME_MAX)
		return NULL;
	while (s < end && blank((unsigned char) *s))
		s++;
	return s < end && *s == '>' ? s + 1 : NULL;
}

/*
 * Just past a "<!" that is no comment, or a "<?" followed by a name: at
 * their first '>', where nothing before it could make libxml2 read on.
 */
static const char *
decl_end(const char *p, const char *end)
{
	const char *s;

	if (p[1] == '?' && !(end - p > 2 && (ascii_letter((unsigned char) p[2]) || p[2] == '_' || p[2] == ':')))
		return NULL;
	for (s = p + 2; s < end && *s != '>'; s++)
		if (*s == '<' || (p[1] == '!' && (*s == '"' || *s == '\'')))
			return NULL;
	return s < end ? s + 1 : NULL;
}

/* The first end of the page's own pieces (gr_html_sax.c pushes 4 bytes, then GR_HTML_CHUNK at a time) past a. */
static const char *
next_cut(const char *text, const char *a)
{
	size_t		off = (size_t) (a - text);

	return text + 4 + (off < 4 ? 1 : (off - 4) / GR_HTML_CHUNK + 1) * GR_HTML_CHUNK;
}

/* What the pass knows of the page besides the place it reads. */
typedef struct slim_page
{
	const char *text;
	const char *end;			/* what it reads: up to a NUL (libxml2 reads a space) */
	const char *cut;			/* the end of the page's piece that the pass is in */
	bool		open;			/* an element is open: no end tag can empty libxml2's stack */
	const char *parent;			/* the name of libxml2's current element where certain and */
	size_t		parent_len;		/* it holds text (holds_inline), else NULL */
	const char *text_from;		/* where parent's text began: after its start tag */
	/*
	 * The elements open as far as this pass knows: every start tag but
	 * void ones pushed, popped by the end tag of the top one only.
	 * libxml2's own stack is a subsequence of it, but for the three
	 * elements it may imply (<html>, <body> or <head>, <p>): an end tag
	 * pops from libxml2's stack the top at most, or a suffix that this
	 * one does not hold, and a start tag's auto-closing pops a suffix.
	 * So libxml2 is at most depth + 3 deep, and stops at 256 (nodePush).
	 */
	int			depth;
	bool		deep;			/* past SLIM_DEPTH: no longer known */
	const char *open_name[SLIM_DEPTH];
	uint8_t		open_len[SLIM_DEPTH];
	const char *memo_at;		/* the start tag ends_text read last, and what it read */
	slim_tag	memo;
} slim_page;

/* read_start_tag, but for the tag ends_text has just read (a run's next tag). */
static bool
read_tag(slim_page *pg, const char *p, slim_tag *t)
{
	if (pg->memo_at == p)
	{
		*t = pg->memo;
		return true;
	}
	return read_start_tag(p, pg->end, t);
}

/* Whether one of the page's own pieces ends strictly inside (a, b); a never goes back. */
static inline bool
crosses(slim_page *pg, const char *a, const char *b)
{
	if (a >= pg->cut)
		pg->cut = next_cut(pg->text, a);
	return pg->cut < b;
}

/*
 * Where one of the page's own pieces ends inside a quoted value of the
 * tag [lt, e), NULL for nowhere.  htmlParseLookupSequence keeps that it
 * is inside a value for the next piece, but not which quote closes it:
 * it never finds the tag's '>' again, and libxml2 reads the rest of the
 * page at the last call, in one go.  A tag this pass reads has no quote
 * but those of quoted values.
 */
static const char *
cut_in_value(const char *text, const char *lt, const char *e)
{
	for (const char *s = lt; s < e; s++)
		if (*s == '"' || *s == '\'')
		{
			const char *q = memchr(s + 1, *s, (size_t) (e - s - 1));
			const char *cut = next_cut(text, s);

			if (q == NULL || cut <= q)
				return q == NULL ? s + 1 : cut;
			s = q;
		}
	return NULL;
}

/*
 * Whether a comment, <!…>, PI or <script> text [p, e) read whole here is
 * read so by libxml2 whatever the pieces: where the page's own chunk ends
 * inside it, libxml2 may read it in part (a script's "</scr" as text, a
 * comment closed early at "<!-->" or its "--|>" missed, "<!DOC" as text),
 * and a piece of this pass that large is cut by gr_html_sax.c itself.
 * Text and tags are safe: libxml2 waits for their '<' or '>'.
 */
static bool
whole_anyhow(slim_page *pg, const char *p, const char *e, bool comment)
{
	if (e - p > GR_HTML_CHUNK / 2)
		return false;
	if (!crosses(pg, p, e))
		return true;
	if (!comment)
		return false;
	/* htmlParseLookupCommentEnd looks for "--" from the '<': "<!-->", "<!--->" end it */
	if (p[4] == '>' || (p[4] == '!' && p[5] == '>') || (p[4] == '-' && (p[5] == '>' || (p[5] == '!' && p[6] == '>'))))
		return false;
	return !crosses(pg, e - 3, e);
}

/* Where the slimmed page goes: a buffer of its own, pushed on when full. */
typedef struct slim_out
{
	char	   *buf;
	size_t		cap;
	size_t		used;
	gr_html_push push;
	void	   *arg;
	bool		ok;				/* push has not said stop */
} slim_out;

static void
flush(slim_out *so)
{
	if (so->used > 0 && so->ok)
		so->ok = so->push(so->arg, so->buf, so->used);
	so->used = 0;
}

/* Bytes as they are: into the buffer, or a large piece pushed from the page itself. */
static inline void
emit(slim_out *so, const char *s, size_t n)
{
	if (n > so->cap - so->used)
	{
		flush(so);
		if (n > so->cap / 2)
		{
			if (so->ok && n > 0)
				so->ok = so->push(so->arg, s, n);
			return;
		}
	}
	memcpy(so->buf + so->used, s, n);
	so->used += n;
}

/*
 * The page from p on as it is, in pieces that end where the page's own
 * do: libxml2 then reads it as it reads the page, whatever it holds.
 */
static void
emit_rest(slim_out *so, const char *text, const char *p, const char *end)
{
	flush(so);
	while (p < end && so->ok)
	{
		size_t		n = (size_t) (next_cut(text, p) - p);

		if (n > (size_t) (end - p))
			n = (size_t) (end - p);
		so->ok = so->push(so->arg, p, n);
		p += n;
	}
}

/*
 * Whether [p, e) is well-formed UTF-8.  libxml2 reads the bytes of a tag
 * (htmlParseHTMLAttribute) and a DOCTYPE's bogus part with xmlNextChar,
 * which at a malformed byte has htmlCurrentChar switch the decoder of the
 * bytes pushed later to ISO-8859-1: where the pieces end then changes the
 * text after.  Text, comments, PIs and scripts are read with NEXTL.
 */
static bool
valid_utf8(const char *p, const char *e)
{
	return gr_utf8_valid_prefix(p, (size_t) (e - p)) == (size_t) (e - p);
}

/*
 * Elements whose start tag leaves libxml2's current element certain (it
 * pushes them whatever is open, closing what they close; none is void)
 * and that hold text (allowPCData): <p>, <td>, <th>, <li>, <div>.
 */
static bool
holds_inline(const char *name, size_t n)
{
	return (n == 1 && (name[0] | 0x20) == 'p') ||
		(n == 2 && (ascii_caseeq_n(name, "td", 2) || ascii_caseeq_n(name, "th", 2) ||
					ascii_caseeq_n(name, "li", 2))) ||
		(n == 3 && ascii_caseeq_n(name, "div", 3));
}

/* a[0, n) and b[0, n) alike but for the case of ASCII letters */
static bool
ascii_caseeq_both(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i] && !(ascii_letter((unsigned char) a[i]) && (a[i] | 0x20) == (b[i] | 0x20)))
			return false;
	return true;
}

/* Whether s is the end tag of name[0, n) written "</name>". */
static bool
is_end_tag(const char *s, const char *end, const char *name, size_t n)
{
	return (size_t) (end - s) >= n + 3 && s[0] == '<' && s[1] == '/' && ascii_caseeq_both(s + 2, name, n) &&
		s[2 + n] == '>';
}

/* What an inline run keeps of the page: its text, and Word's <o:p> as written. */
#define INLINE_PIECES 16
typedef struct inline_run
{
	int			n;
	const char *piece[INLINE_PIECES][2];
} inline_run;

static bool
keep_piece(inline_run *ir, const char *a, const char *b)
{
	if (ir->n == INLINE_PIECES)
		return false;
	ir->piece[ir->n][0] = a;
	ir->piece[ir->n][1] = b;
	ir->n++;
	return true;
}

/*
 * A <span> or <font> at p that holds only text, such elements, and at its
 * end Word's "<o:p>…</o:p>", and is closed by its own end tag: just past
 * it, its pieces in *ir; NULL for anything else.
 */
static const char *
read_inline(slim_page *pg, const char *p, int depth, inline_run *ir)
{
	const char *end = pg->end;
	slim_tag	t;
	const char *s;

	/* the name first: most tags met here are others */
	if (depth > 3 || end - p < 6 || name_char((unsigned char) p[5]) ||
		!(ascii_caseeq_n(p + 1, "span", 4) || ascii_caseeq_n(p + 1, "font", 4)) ||
		!read_tag(pg, p, &t) || t.self_closing || t.nkept > 0 || !valid_utf8(p, t.end + 1))
		return NULL;
	for (s = t.end + 1;;)
	{
		const char *lt = memchr(s, '<', (size_t) (end - s));

		if (lt == NULL || (lt > s && !keep_piece(ir, s, lt)))
			return NULL;
		if (is_end_tag(lt, end, p + 1, 4))
			return lt + 7;
		if (end - lt >= 5 && ascii_caseeq_n(lt + 1, "o:p>", 4))
		{
			const char *c = memchr(lt + 5, '<', (size_t) (end - lt - 5));

			if (c == NULL || !is_end_tag(c, end, "o:p", 3) || !keep_piece(ir, lt, c + 6))
				return NULL;
			s = c + 6;
		}
		else if ((s = read_inline(pg, lt, depth + 1, ir)) == NULL)
			return NULL;
	}
}

/*
 * Just past Word's empty "<o:p></o:p>" at p (a few blanks inside, which
 * libxml2 drops: no <o:p> holds text for areBlanks, which sees the '<'
 * after them unless 1,000 bytes of text are handed over first), NULL for
 * anything else.
 */
static const char *
empty_op(const char *p, const char *end)
{
	const char *s;

	if (end - p < 11 || p[0] != '<' || !ascii_caseeq_n(p + 1, "o:p>", 4))
		return NULL;
	for (s = p + 5; s < end && s - p < 64 && (*s == ' ' || *s == '\t' || *s == '\r'); s++)
		;
	return is_end_tag(s, end, "o:p", 3) ? s + 6 : NULL;
}

/* <html>, <head>, <body>: a start tag libxml2 may discard. */
static bool
is_root_name(const char *name, size_t n)
{
	return n == 4 && (ascii_caseeq_n(name, "html", 4) || ascii_caseeq_n(name, "head", 4) ||
					  ascii_caseeq_n(name, "body", 4));
}

/*
 * Whether the construct at s certainly ends the text node libxml2 is
 * adding to: a start tag that makes an element, a comment, or the end tag
 * of the current element.  An end tag of anything else may be ignored,
 * and the text after it joins the same node.
 */
static bool
ends_text(slim_page *pg, const char *s)
{
	if (s[1] == '!')
		return pg->end - s >= 4 && s[2] == '-' && s[3] == '-';
	if (s[1] == '/')
		return pg->parent && is_end_tag(s, pg->end, pg->parent, pg->parent_len);
	if (!ascii_letter((unsigned char) s[1]) || !read_start_tag(s, pg->end, &pg->memo))
		return false;
	pg->memo_at = s;			/* read again next: read_tag */
	return !is_root_name(s + 1, (size_t) (pg->memo.name_end - s - 1));
}


/* Whether libxml2 is certainly not so deep that n more elements would stop it (nodePush). */
static bool
shallow(const slim_page *pg, int n)
{
	return !pg->deep && pg->depth + 3 + n <= SLIM_DEPTH;
}

/*
 * Whether text[a, b) ends inside a reference: an '&' followed by what
 * htmlParseEntityRef or htmlParseCharRef would read on into the text that
 * comes next once the tags between are gone (a name's characters, '#',
 * digits; any byte of a multi-byte character may be a letter).
 */
static bool
open_ref(const char *a, const char *b)
{
	if (memchr(a, '&', (size_t) (b - a)) == NULL)
		return false;			/* most text: no reference at all */
	while (b > a)
	{
		unsigned char c = (unsigned char) *--b;

		if (c == '&')
			return true;
		if (!(c >= 0x80 || name_char(c) || c == '#'))
			return false;
	}
	return false;
}

/*
 * Inline elements that nothing reads, taken out where libxml2 builds the
 * same tree without them but for the elements themselves: Word wraps
 * every run of text in a <span> or <font>, which are a third of the tags
 * of its pages.  At lt, in an element that holds text and is libxml2's
 * current one for certain (pg->parent), a <span> or <font> that holds
 * only text, such elements, and Word's <o:p> ends: libxml2 neither closes
 * nor implies an element for it or for its text (htmlAutoClose,
 * htmlCheckImplied, htmlCheckParagraph: the parent is no <html> or
 * <head>), so the text lands in the parent, joined to the text around it.
 * What must hold for the tree to be the same:
 *
 * - the joined text node has the line of every part: libxml2 takes a
 *   node's line where it first hands its text over, at the next tag, a
 *   reference, or 1,000 bytes; so no line break from lt to the next tag,
 *   nor in the text before unless it is handed over at lt; and that next
 *   tag ends the node (ends_text), or is another run taken out whose own
 *   next tag does;
 * - no reference cut by the tags (&amp<span>;</span> is "&amp;", not "&");
 * - the joined node no longer than libxml2 allows one (XML_MAX_TEXT_LENGTH),
 *   and libxml2 not so deep that it would stop at the elements taken out
 *   (nodePush: 256), which is what pg->depth bounds;
 * - well-formed UTF-8 in the tags, and no piece of the page ending
 *   inside, as for any tag this pass rewrites.
 *
 * Word's <o:p>, kept as written, lands in the parent too; its node is a
 * <p> to libxml2 (the prefix split off), after which blank text is kept
 * as after a <span> (areBlanks, allowPCData).  An empty one just before
 * the parent's end tag is left out as well: an empty block that ends its
 * block or cell renders nothing (gr_html.c: no line is open after it).
 *
 * Rendering passes over inline elements (gr_html.c), so the page reads
 * the same.  Just past the run, its text written; NULL where not taken out.
 */
static const char *
inline_out(slim_out *so, slim_page *pg, const char *text, const char *lt)
{
	inline_run	ir;
	const char *e;
	const char *next;

	ir.n = 0;					/* keep_piece fills the rest */
	if (!shallow(pg, 5) || (e = read_inline(pg, lt, 0, &ir)) == NULL ||
		(next = memchr(e, '<', (size_t) (pg->end - e))) == NULL || pg->end - next < 2 ||
		memchr(lt, '\n', (size_t) (next - lt)) != NULL || !ends_text(pg, next) || crosses(pg, lt, e) ||
		(size_t) (next - pg->text_from) >= XML_MAX_TEXT_LENGTH || open_ref(text, lt))
		return NULL;
	/* the text before: handed over at lt unless a reference or 1,000 bytes come first */
	if (memchr(pg->text_from, '\n', (size_t) (lt - pg->text_from)) != NULL &&
		(lt - pg->text_from >= 900 || memchr(pg->text_from, '&', (size_t) (lt - pg->text_from)) != NULL))
		return NULL;
	for (int i = 0; i < ir.n; i++)
		if (open_ref(ir.piece[i][0], ir.piece[i][1]))
			return NULL;
	if (ir.n > 0 && empty_op(ir.piece[ir.n - 1][0], e) == ir.piece[ir.n - 1][1] &&
		is_end_tag(e, pg->end, pg->parent, pg->parent_len))
		ir.n--;					/* an empty <o:p> that ends the parent */
	for (int i = 0; i < ir.n; i++)
		emit(so, ir.piece[i][0], (size_t) (ir.piece[i][1] - ir.piece[i][0]));
	return e;
}

/* The elements libxml2 closes at once (html40ElementTable's empty ones). */
static bool
is_void(const char *name, size_t n)
{
	static const struct
	{
		const char *name;
		size_t		len;
	}			voids[] = {
		{"area", 4}, {"base", 4}, {"basefont", 8}, {"br", 2}, {"col", 3}, {"frame", 5}, {"hr", 2},
		{"img", 3}, {"input", 5}, {"isindex", 7}, {"link", 4}, {"meta", 4}, {"param", 5},
	};

	if (n < 2 || n > 8)
		return false;
	for (size_t i = 0; i < sizeof(voids) / sizeof(voids[0]); i++)
		if (voids[i].len == n && (name[0] | 0x20) == voids[i].name[0] && ascii_caseeq_n(name, voids[i].name, n))
			return true;
	return false;
}

static void
push_open(slim_page *pg, const char *name, size_t n)
{
	if (pg->depth == SLIM_DEPTH)
		pg->deep = true;
	if (pg->deep)
		return;
	pg->open_name[pg->depth] = name;
	pg->open_len[pg->depth] = (uint8_t) n;
	pg->depth++;
}

/* The end tag at lt ("</" and a letter) pops the top element if it names it. */
static void
pop_open(slim_page *pg, const char *lt)
{
	size_t		n = 0;

	while (name_char((unsigned char) lt[2 + n]))
		n++;
	if (!pg->deep && pg->depth > 0 && pg->open_len[pg->depth - 1] == n &&
		ascii_caseeq_both(pg->open_name[pg->depth - 1], lt + 2, n))
		pg->depth--;
}

/*
 * The start tag at lt, slimmed or as it is, and a <script>'s or <style>'s
 * text after it; where the pass goes on, or with *stop where it stops.
 */
static const char *
start_tag(slim_out *so, slim_page *pg, const char *lt, bool *stop)
{
	slim_tag	t;
	size_t		nlen;
	const char *next;
	const char *cut;
	const char *p;

	*stop = !read_tag(pg, lt, &t);
	if (*stop)
		return lt;
	nlen = (size_t) (t.name_end - lt - 1);
	next = t.end + (t.self_closing ? 2 : 1);
	*stop = (t.dropped || t.nkept > 0) && !valid_utf8(lt, next);
	if (*stop)
		return lt;
	if (nlen >= 4 && ascii_caseeq_n(t.name_end - 4, "meta", 4))
		t.dropped = false;		/* <meta>, <o:meta>: the builder reads their attributes */
	if (crosses(pg, lt, next) && (cut = cut_in_value(pg->text, lt, next)) != NULL)
	{
		/* libxml2 is stuck at this tag until the end: so must it be here, cut alike */
		flush(so);
		if (so->ok)
			so->ok = so->push(so->arg, lt, (size_t) (cut - lt));
		emit(so, cut, (size_t) (next - cut));
	}
	else
	{
		size_t		n = (size_t) (next - lt);	/* what is written, at most */

		if (n > so->cap - so->used && t.dropped)
			n = slim_size(lt, &t, n);	/* a tag of a picture inline, say */
		if (n > so->cap - so->used)
			flush(so);
		if (t.dropped && n <= so->cap - so->used)
			so->used = (size_t) (write_start_tag(lt, &t, so->buf + so->used) - so->buf);
		else if (next - lt > GR_HTML_CHUNK / 2)
		{
			*stop = true;		/* gr_html_sax.c may cut a piece that large inside a quoted value */
			return lt;
		}
		else
			emit(so, lt, (size_t) (next - lt));	/* a tag as it is is read as it is */
	}
	/*
	 * <html/>, or a <head/> or <body/> libxml2 discards, closes the element
	 * open (htmlParseTryOrFinish), which may be the document's root
	 */
	pg->open = !(t.self_closing && is_root_name(lt + 1, nlen));
	pg->parent = !t.self_closing && holds_inline(lt + 1, nlen) ? lt + 1 : NULL;
	pg->parent_len = nlen;
	p = next;
	if (!t.self_closing &&
		((nlen == 6 && ascii_caseeq_n(lt + 1, "script", 6)) ||
		 (nlen == 5 && ascii_caseeq_n(lt + 1, "style", 5))))
	{
		/* its end tag is read here too: not pushed */
		next = raw_end(p, pg->end, nlen == 6 ? "script" : "style", nlen);
		*stop = next == NULL || !whole_anyhow(pg, p, next, false);
		if (*stop)
			return p;
		emit(so, p, (size_t) (next - p));
	}
	else if (!t.self_closing && !is_void(lt + 1, nlen))
		push_open(pg, lt + 1, nlen);
	if (!is_root_name(lt + 1, nlen))
		pg->text_from = next;	/* an element: the text after it is a node of its own */
	return next;
}

/*
 * Just past an end tag, comment, <!…>, PI or a '<' that is text at lt;
 * NULL where the pass stops.
 */
static const char *
other_markup(slim_page *pg, const char *lt)
{
	const char *end = pg->end;
	const char *next;

	if (lt[1] == '/')
	{
		/*
		 * an end tag that empties libxml2's stack (</html>, or any with
		 * nothing open) leads to its epilog, where blank text ends the
		 * parse of a piece: the pieces must be the page's from there
		 */
		if (!pg->open || !ascii_letter((unsigned char) lt[2]) ||
			((lt[2] | 0x20) == 'h' && (end - lt < 6 || ascii_caseeq_n(lt + 2, "html", 4))))
			return NULL;
		return end_tag_end(lt, end);
	}
	if (lt[1] == '!' && end - lt >= 4 && lt[2] == '-' && lt[3] == '-')
	{
		next = comment_end(lt, end);
		return next && whole_anyhow(pg, lt, next, true) ? next : NULL;
	}
	if (lt[1] == '!' || lt[1] == '?')
	{
		next = decl_end(lt, end);
		return next && whole_anyhow(pg, lt, next, false) && valid_utf8(lt, next) ? next : NULL;
	}
	return lt + 1;				/* text */
}

/*
 * Hands the page text[0, len) to push, in pieces and in order, the
 * attributes nobody reads taken out; buf (cap bytes, 64 at least) holds
 * what is written, and pieces of the page that are copied as they are go
 * to push directly when large.  False when push said stop.
 */
bool
gr_html_slim(const char *text, size_t len, char *buf, size_t cap, gr_html_push push, void *arg)
{
	const char *p = text;
	const char *nul = memchr(text, 0, len);
	slim_page	pg = {.text = text, .end = nul ? nul : text + len, .cut = text, .text_from = text};
	slim_out	so = {buf, cap, 0, push, arg, true};

	while (p < pg.end && so.ok)
	{
		const char *lt = memchr(p, '<', (size_t) (pg.end - p));
		const char *before = p;
		const char *next;

		if (lt == NULL || pg.end - lt < 2)
			break;
		emit(&so, p, (size_t) (lt - p));
		p = lt;
		if (pg.parent && gr_html_drop_inline &&
			(((next = empty_op(lt, pg.end)) != NULL && is_end_tag(next, pg.end, pg.parent, pg.parent_len) &&
			  shallow(&pg, 1) && !crosses(&pg, lt, next)) ||
			 (((lt[1] | 0x20) == 's' || (lt[1] | 0x20) == 'f') && (next = inline_out(&so, &pg, before, lt)) != NULL)))
		{
			p = next;			/* the parent stays libxml2's current element */
			continue;
		}
		if (ascii_letter((unsigned char) lt[1]))
		{
			bool		stop;

			p = start_tag(&so, &pg, lt, &stop);
			if (stop)
				break;
			continue;
		}
		pg.parent = NULL;		/* until the next start tag, which sets text_from too */
		if ((next = other_markup(&pg, lt)) == NULL)
			break;
		if (lt[1] == '/')
			pop_open(&pg, lt);
		emit(&so, p, (size_t) (next - p));
		p = next;
	}
	/* the rest as it is: past the last tag, or from what this pass does not read */
	emit_rest(&so, text, p, text + len);
	return so.ok;
}
