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
 * is then the same but for them (gr_html_inline.c).
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
#include "gr_html_slim.h"

bool		gr_html_drop_inline = true;

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

/* gr_html_slim.h */
bool
gr_slim_read_start_tag(const char *p, const char *end, slim_tag *t)
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
	size_t		k = (size_t) (t->name_end - p) + (size_t) t->nkept + 3 + gr_count_nl(t->name_end, t->end);

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
		size_t		nl = gr_count_nl(gap, t->kept[i][0]);

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
		size_t		nl = gr_count_nl(gap, t->end);

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

void
gr_slim_flush(slim_out *so)
{
	if (so->used > 0 && so->ok)
		so->ok = so->push(so->arg, so->buf, so->used);
	so->used = 0;
}

/*
 * The page from p on as it is, in pieces that end where the page's own
 * do: libxml2 then reads it as it reads the page, whatever it holds.
 */
static void
emit_rest(slim_out *so, const char *text, const char *p, const char *end)
{
	gr_slim_flush(so);
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
bool
gr_slim_valid_utf8(const char *p, const char *e)
{
	return gr_utf8_valid_prefix(p, (size_t) (e - p)) == (size_t) (e - p);
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
	*stop = (t.dropped || t.nkept > 0) && !gr_slim_valid_utf8(lt, next);
	if (*stop)
		return lt;
	if (nlen >= 4 && ascii_caseeq_n(t.name_end - 4, "meta", 4))
		t.dropped = false;		/* <meta>, <o:meta>: the builder reads their attributes */
	if (crosses(pg, lt, next) && (cut = cut_in_value(pg->text, lt, next)) != NULL)
	{
		/* libxml2 is stuck at this tag until the end: so must it be here, cut alike */
		gr_slim_flush(so);
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
			gr_slim_flush(so);
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
	pg->open = !(t.self_closing && gr_slim_is_root_name(lt + 1, nlen));
	pg->parent = !t.self_closing && gr_slim_holds_inline(lt + 1, nlen) ? lt + 1 : NULL;
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
	else if (!t.self_closing)
		gr_slim_open_element(pg, lt + 1, nlen);
	if (!gr_slim_is_root_name(lt + 1, nlen))
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
		if (!pg->open || end - lt < 3 || !ascii_letter((unsigned char) lt[2]) ||
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
		return next && whole_anyhow(pg, lt, next, false) && gr_slim_valid_utf8(lt, next) ? next : NULL;
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
		if (pg.parent && gr_html_drop_inline && (next = gr_slim_take_out(&so, &pg, before, lt)) != NULL)
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
			gr_slim_close_element(&pg, lt);
		emit(&so, p, (size_t) (next - p));
		p = next;
	}
	/* the rest as it is: past the last tag, or from what this pass does not read */
	emit_rest(&so, text, p, text + len);
	return so.ok;
}
