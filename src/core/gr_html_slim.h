/*
 * gr_html_slim.h — what the two halves of the pass that slims a web page
 * before libxml2 reads it share: gr_html_slim.c takes out the attributes
 * nobody reads, gr_html_inline.c the inline elements nothing reads.  The
 * bytes of a tag as libxml2 classes them, a start tag as it reads it, the
 * page as the pass knows it, and where the slimmed page goes.
 */
#ifndef GR_HTML_SLIM_H
#define GR_HTML_SLIM_H

#include "gr_html_tree.h"

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

/* a[0, n) is b[0, n) but for the case of ASCII letters (xmlStrncasecmp); b may be a name as written */
static inline bool
ascii_caseeq_n(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i] && !(ascii_letter((unsigned char) a[i]) && (a[i] | 0x20) == (b[i] | 0x20)))
			return false;
	return true;
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
 * Reads the start tag at p ('<' and a letter) as htmlParseStartTag does;
 * false where it would take a path this pass does not follow.
 */
extern bool gr_slim_read_start_tag(const char *p, const char *end, slim_tag *t);

/* The first end of the page's own pieces (gr_html_sax.c pushes 4 bytes, then GR_HTML_CHUNK at a time) past a. */
static inline const char *
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

/* gr_slim_read_start_tag, but for the tag ends_text (gr_html_inline.c) has just read: a run's next tag. */
static inline bool
read_tag(slim_page *pg, const char *p, slim_tag *t)
{
	if (pg->memo_at == p)
	{
		*t = pg->memo;
		return true;
	}
	return gr_slim_read_start_tag(p, pg->end, t);
}

/* Whether one of the page's own pieces ends strictly inside (a, b); a never goes back. */
static inline bool
crosses(slim_page *pg, const char *a, const char *b)
{
	if (a >= pg->cut)
		pg->cut = next_cut(pg->text, a);
	return pg->cut < b;
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

/* What the buffer holds, pushed on. */
extern void gr_slim_flush(slim_out *so);

/* Bytes as they are: into the buffer, or a large piece pushed from the page itself. */
static inline void
emit(slim_out *so, const char *s, size_t n)
{
	if (n > so->cap - so->used)
	{
		gr_slim_flush(so);
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

/* Whether [p, e) is well-formed UTF-8 (gr_html_slim.c says why it matters). */
extern bool gr_slim_valid_utf8(const char *p, const char *e);

/* gr_html_inline.c: the inline runs taken out, and what the pass keeps to know where */
extern bool gr_slim_holds_inline(const char *name, size_t n);
extern bool gr_slim_is_root_name(const char *name, size_t n);
extern const char *gr_slim_take_out(slim_out *so, slim_page *pg, const char *text, const char *lt);
extern void gr_slim_open_element(slim_page *pg, const char *name, size_t n);
extern void gr_slim_close_element(slim_page *pg, const char *lt);

#endif
