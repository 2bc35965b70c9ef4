/*
 * gr_html_inline.c — the inline elements nothing reads, taken out of a
 * web page before libxml2 reads it (gr_html_slim.c calls
 * gr_slim_take_out where libxml2's current element is certain), and the
 * elements open as far as the pass knows, which says where libxml2 is too
 * deep for it.
 *
 * Word wraps every run of text in a <span> or <font>, which are a third
 * of the tags of its pages, and libxml2's cost is per tag; the tree built
 * without them is the same but for them, and rendering passes over inline
 * elements, where the conditions of inline_out hold.
 */
#include <libxml/parserInternals.h>

#include "gr_html_slim.h"

/*
 * Elements whose start tag leaves libxml2's current element certain (it
 * pushes them whatever is open, closing what they close; none is void)
 * and that hold text (allowPCData): <p>, <td>, <th>, <li>, <div>.
 */
bool
gr_slim_holds_inline(const char *name, size_t n)
{
	return (n == 1 && (name[0] | 0x20) == 'p') ||
		(n == 2 && (ascii_caseeq_n(name, "td", 2) || ascii_caseeq_n(name, "th", 2) ||
					ascii_caseeq_n(name, "li", 2))) ||
		(n == 3 && ascii_caseeq_n(name, "div", 3));
}

/* Whether s is the end tag of name[0, n) written "</name>". */
static bool
is_end_tag(const char *s, const char *end, const char *name, size_t n)
{
	return (size_t) (end - s) >= n + 3 && s[0] == '<' && s[1] == '/' && ascii_caseeq_n(s + 2, name, n) &&
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
		!read_tag(pg, p, &t) || t.self_closing || t.nkept > 0 || !gr_slim_valid_utf8(p, t.end + 1))
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
bool
gr_slim_is_root_name(const char *name, size_t n)
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
	pg->memo_at = NULL;			/* a read that fails leaves pg->memo half written */
	if (!ascii_letter((unsigned char) s[1]) || !gr_slim_read_start_tag(s, pg->end, &pg->memo))
		return false;
	pg->memo_at = s;			/* read again next: read_tag */
	return !gr_slim_is_root_name(s + 1, (size_t) (pg->memo.name_end - s - 1));
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

/* A start tag's element, on the pass's stack unless void (libxml2 closes those at once). */
void
gr_slim_open_element(slim_page *pg, const char *name, size_t n)
{
	if (is_void(name, n))
		return;
	if (pg->depth == SLIM_DEPTH)
		pg->deep = true;
	if (pg->deep)
		return;
	pg->open_name[pg->depth] = name;
	pg->open_len[pg->depth] = (uint8_t) n;
	pg->depth++;
}

/* The end tag at lt ("</" and a letter) pops the top element if it names it. */
void
gr_slim_close_element(slim_page *pg, const char *lt)
{
	size_t		n = 0;

	while (name_char((unsigned char) lt[2 + n]))
		n++;
	if (!pg->deep && pg->depth > 0 && pg->open_len[pg->depth - 1] == n &&
		ascii_caseeq_n(pg->open_name[pg->depth - 1], lt + 2, n))
		pg->depth--;
}

/*
 * A cell whose only content is a paragraph of text, <td><p>13</p></td> as
 * editors write every cell: the <p> and its end tag left out, at lt just
 * after the cell's start tag.  libxml2 closes or implies nothing for that
 * <p> or for its text (htmlStartClose has no {td, p}; htmlCheckParagraph
 * acts only under none, <html> or <head>), so the text lands in the cell,
 * and the tree is the same but for the <p>.  The text node keeps its line:
 * it is handed over at the same bytes (its references, 1,000 bytes, the
 * '<' after it), and neither tag left out holds a line break.  Rendering
 * reads such a cell alike: a data table's cell is its text joined on the
 * cell's line, a block entered or left only stopping a pending space, and
 * a layout cell is a block whose only block child adds no line; and not
 * so deep that the <p> would keep its text from being rendered.  Blank
 * text libxml2 may drop in one tree and not the other, so the text must
 * hold more.  Just past the </p>, the text written; NULL where not.
 */
static const char *
cell_paragraph_out(slim_out *so, slim_page *pg, const char *lt)
{
	slim_tag	t;
	const char *from,
			   *lt2,
			   *s;

	if (lt != pg->text_from || pg->end - lt < 3 || pg->parent_len != 2 || (pg->parent[0] | 0x20) != 't' ||
		((pg->parent[1] | 0x20) != 'd' && (pg->parent[1] | 0x20) != 'h') || !shallow(pg, 2) ||
		name_char((unsigned char) lt[2]) || !read_tag(pg, lt, &t) || t.self_closing)
		return NULL;
	from = t.end + 1;
	if (memchr(lt, '\n', (size_t) (from - lt)) != NULL || !gr_slim_valid_utf8(lt, from) ||
		(lt2 = memchr(from, '<', (size_t) (pg->end - from))) == NULL ||
		!is_end_tag(lt2, pg->end, "p", 1) || !is_end_tag(lt2 + 4, pg->end, pg->parent, pg->parent_len) ||
		crosses(pg, lt, lt2 + 4))
		return NULL;
	for (s = from; s < lt2 && blank((unsigned char) *s); s++)
		;
	if (s == lt2)
		return NULL;			/* blank text only */
	emit(so, from, (size_t) (lt2 - from));
	return lt2 + 4;
}

/*
 * What the pass takes out at lt, in an element that holds text and is
 * libxml2's current one for certain: an inline run, an empty <o:p> that
 * ends the parent, or a cell's only paragraph.  Where the pass goes on,
 * NULL for nothing.
 */
const char *
gr_slim_take_out(slim_out *so, slim_page *pg, const char *text, const char *lt)
{
	const char *next = empty_op(lt, pg->end);

	if (next != NULL)
		return is_end_tag(next, pg->end, pg->parent, pg->parent_len) && shallow(pg, 1) &&
			!crosses(pg, lt, next) ? next : NULL;
	if ((lt[1] | 0x20) == 's' || (lt[1] | 0x20) == 'f')
		return inline_out(so, pg, text, lt);
	if ((lt[1] | 0x20) == 'p')
		return cell_paragraph_out(so, pg, lt);
	return NULL;
}
