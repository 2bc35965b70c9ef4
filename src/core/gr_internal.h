/*
 * gr_internal.h — what the core's modules share and callers never see:
 * the per-call context, the document (text, folded copy, lines, maps) and
 * the small helpers every step uses.
 */
#ifndef GR_INTERNAL_H
#define GR_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "gr_core.h"

/* A block of this call's memory that is no longer used (gr_release). */
typedef struct gr_spare
{
	struct gr_spare *next;
	size_t		size;
} gr_spare;

/* Per-call state: the caller's environment and where errors go. */
typedef struct gr_ctx
{
	const gr_env *env;
	gr_error   *err;
	unsigned	polls;			/* counts loop steps between interrupt polls */
	gr_spare   *spare;			/* released blocks, served again before env->alloc */

	/*
	 * The findings array this call allocated, and its room.  Only the call
	 * that allocated an array grows it in place; any other call (gr_check
	 * after gr_parse, a check of a cached parse) first copies it into its
	 * own memory, so it never writes into what an earlier call returned.
	 */
	gr_finding *findings;
	int			findings_cap;
} gr_ctx;

static inline void
gr_ctx_init(gr_ctx *ctx, const gr_env *env, gr_error *err)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->env = env;
	ctx->err = err;
	/*
	 * The first gr_poll polls: an interrupt that came before the call is
	 * served at once, however little work the call then has to do between
	 * two polls (a fast parse of a few hundred kB makes fewer steps than that).
	 */
	ctx->polls = 0x3FFF;
}

extern void *gr_alloc(gr_ctx *ctx, size_t size);
extern void *gr_alloc0(gr_ctx *ctx, size_t size);
extern void gr_release(gr_ctx *ctx, void *p, size_t size);
extern gr_status gr_fail(gr_ctx *ctx, gr_status st, int line,
						 const char *message, const char *detail);
extern bool gr_poll_now(gr_ctx *ctx);	/* true: stop now (error already set) */

/* gr_gridtab.c: grid-table rows of several lines, each made one line before the text is read */
extern bool gr_gridtab_has_rows(const char *text, size_t len);
extern gr_status gr_gridtab_join(gr_ctx *ctx, const char *text, size_t len, const char **out,
								 size_t *outlen, int **lines, int *nlines);

/* gr_doc_repair.c: a copy of text with each ill-formed sequence (and NUL) as U+FFFD, *replaced of them */
extern const char *gr_doc_repair(gr_ctx *ctx, const char *text, size_t len, size_t *outlen,
								 int *replaced);

/* The same, asked in one call of 16,384 (inline: it is called per line and per stretch). */
static inline bool
gr_poll(gr_ctx *ctx)
{
	if (__builtin_expect((++ctx->polls & 0x3FFF) != 0, 1))
		return false;
	return gr_poll_now(ctx);
}

/*
 * One line of the document.  The folded copy is used for matching only;
 * everything returned to users is cut from src through the maps.
 */
typedef struct gr_line
{
	uint32_t	f_off;			/* folded text of the line, without '\n' */
	uint32_t	f_len;
	uint32_t	c_off;			/* compact text: folded minus all white space */
	uint32_t	c_len;
	uint32_t	s_off;			/* the line in src, without its line break */
	uint32_t	s_len;
	int			lineno;			/* 1-based line number in the input */
	bool		glued;			/* a row's digits without separators (gr_inline.c) */
	/* what the layouts ask of every line of a table, found once (compact_pass, gr_line_marks) */
	uint8_t		tabs;			/* tabs in the folded line: 0, 1, or 2 for more */
	bool		pipe;			/* a '|' in the folded line */
} gr_line;

/* One slot of an HTML table's grid, in the rendered text (gr_html.c). */
typedef struct gr_html_cell
{
	uint32_t	from;			/* the cell's text in the rendered page */
	uint32_t	to;
	int			line;			/* rendered line (= document line index) */
	int			col;			/* its slot in the grid row */
	int			span;			/* colspan */
	bool		covered;		/* a slot under a span, no cell of its own */
} gr_html_cell;

/*
 * The map from the folded text back to the input, sparse: from anchor f
 * on, the folded text runs in step with the input from s (each byte maps
 * to the start of its character), or, when collapsed, every byte up to
 * the next anchor maps to s (a character folded to another length).
 */
typedef struct gr_anchor
{
	uint32_t	f;
	uint32_t	s;
	bool		collapsed;
} gr_anchor;

/* A run of the compact text: compact bytes from c on are fold bytes from f on. */
typedef struct gr_crun
{
	uint32_t	c;
	uint32_t	f;
} gr_crun;

typedef struct gr_doc
{
	const char *src;			/* UTF-8 input (a repaired copy if it was not valid) */
	uint32_t	src_len;
	char	   *fold;			/* NFKC, Hant→Hans, invisibles dropped, '\n' kept */
	uint32_t	fold_len;
	const gr_anchor *anchors;	/* fold → src (gr_doc_f2s) */
	int			nanchors;
	const int32_t *abkt;		/* per GR_ABKT_SHIFT-sized stretch of fold: the last
								 * anchor at or before its start (gr_doc_f2s) */
	uint32_t	nabkt;
	const int32_t *sbkt;		/* the same per stretch of src (gr_doc_s2f) */
	uint32_t	nsbkt;
	char	   *cmp;			/* fold without white space and line breaks */
	uint32_t	cmp_len;
	const gr_crun *cruns;		/* compact → fold (gr_doc_c2f) */
	int			ncruns;
	gr_line    *lines;
	int			nlines;
	int			replaced;		/* invalid UTF-8 sequences replaced */
	bool		html;			/* src is the text rendered from an HTML page */
	const gr_html_cell *hcells; /* the page's table grids, when src is the rendered page */
	int			nhcells;
	int		   *hcell_first;	/* per line: its first slot in hcells, -1 for none */
	const struct gr_phrase_index *phrases;	/* the fixed phrases found (gr_phrase.h), or NULL */
} gr_doc;

/* gr_text.c */
extern gr_status gr_doc_build(gr_ctx *ctx, const char *text, size_t len, const int *line_map,
							  int nmap, gr_doc *doc);
extern bool gr_doc_anchor_buckets(gr_ctx *ctx, gr_doc *doc);	/* gr_docmap.c */
extern uint32_t gr_doc_f2s(const gr_doc *doc, uint32_t f);	/* fold byte → src byte of its character */
extern uint32_t gr_doc_s2f(const gr_doc *doc, uint32_t s);	/* first fold byte from src byte s on */
extern uint32_t gr_doc_c2f(const gr_doc *doc, uint32_t c);	/* compact byte → fold byte */
extern uint32_t gr_doc_c2s(const gr_doc *doc, uint32_t c);	/* compact byte → src byte */
extern void gr_line_marks(const gr_doc *doc, gr_line *l);	/* tabs and pipe of a line made anew */
extern gr_str gr_doc_src_span(const gr_doc *doc, uint32_t s_from, uint32_t s_to);
extern uint32_t gr_doc_cmp_to_src_end(const gr_doc *doc, uint32_t c_end);
extern gr_str gr_doc_cmp_span(const gr_doc *doc, uint32_t c_from, uint32_t c_to);
extern gr_str gr_doc_joined(gr_ctx *ctx, const gr_doc *doc, uint32_t c_from, uint32_t c_to);
extern int	gr_doc_line_of_cmp(const gr_doc *doc, uint32_t c_off);
extern gr_str gr_trim_src(gr_str s);
extern gr_status gr_inline_split(gr_ctx *ctx, gr_doc *doc);
extern gr_status gr_doc_html_grid(gr_ctx *ctx, gr_doc *doc, const gr_html_cell *cells, int ncells);

/* gr_fold.c: the folding table, generated at build time (gr_foldtab.h) */
extern const uint16_t gr_foldtab_page[];
extern const uint16_t gr_foldtab_slot[][256];
extern const unsigned char gr_foldtab_pool[];
extern const uint64_t gr_foldtab_bmp[1024];
extern const uint64_t gr_foldtab_stop3[1024];	/* the folding pass's three-byte test (gr_doc.c) */

/* Whether a character below U+10000 folds to something else: one bit in 8 kB. */
static inline bool
gr_fold_changes_bmp(uint32_t cp)
{
	return (gr_foldtab_bmp[cp >> 6] >> (cp & 63)) & 1;
}

/*
 * The folded form of a non-ASCII character: NULL when it folds to itself,
 * else a length byte followed by the folded UTF-8 (possibly none).
 */
static inline const unsigned char *
gr_fold_lookup(uint32_t cp)
{
	unsigned	page = gr_foldtab_page[cp >> 8];
	unsigned	slot = page ? gr_foldtab_slot[page - 1][cp & 0xFF] : 0;

	return slot ? gr_foldtab_pool + slot : NULL;
}

/* gr_utf8.c */
extern int	gr_utf8_encode(uint32_t cp, char *out);

/* Length of a sequence announced by its lead byte, 0 if it cannot lead. */
static inline int
gr_utf8_seqlen(unsigned char lead)
{
	if (lead < 0x80)
		return 1;
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	return 0;
}

/*
 * Decode one character at s.  Returns its length in bytes, or 0 when the
 * bytes at s are not a well-formed UTF-8 sequence (overlong forms,
 * surrogates and truncated sequences are rejected: the input may come
 * from a SQL_ASCII database holding stray bytes).
 */
static inline int
gr_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	int			n;
	uint32_t	c;

	if (len == 0)
		return 0;
	if (s[0] < 0x80)
	{
		*cp = s[0];
		return 1;
	}
	n = gr_utf8_seqlen(s[0]);
	if (n == 0 || (size_t) n > len)
		return 0;
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	switch (n)
	{
		case 2:
			c = ((uint32_t) (s[0] & 0x1F) << 6) | (s[1] & 0x3F);
			break;
		case 3:
			c = ((uint32_t) (s[0] & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) |
				(s[2] & 0x3F);
			if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
				return 0;
			break;
		default:
			c = ((uint32_t) (s[0] & 0x07) << 18) | ((uint32_t) (s[1] & 0x3F) << 12) |
				((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
			if (c < 0x10000 || c > 0x10FFFF)
				return 0;
			break;
	}
	*cp = c;
	return n;
}
extern size_t gr_utf8_valid_prefix(const char *s, size_t len);
extern int	gr_utf8_chars(const char *s, size_t len);
extern int	gr_utf8_cols(uint32_t cp);

/* Small string helpers over byte ranges (gr_text.c). */
static inline bool
gr_has_prefix(const char *s, size_t len, const char *prefix)
{
	size_t		n = strlen(prefix);

	return len >= n && memcmp(s, prefix, n) == 0;
}

/* The line ends in [s, e). */
static inline size_t
gr_count_nl(const char *s, const char *e)
{
	size_t		n = 0;

	while ((s = memchr(s, '\n', (size_t) (e - s))) != NULL)
		n++, s++;
	return n;
}

/*
 * A text built into a fixed buffer, cut as snprintf cuts (the first cap - 1
 * bytes, NUL-terminated): the messages of findings, without a format
 * string to interpret for every piece.
 */
typedef struct gr_fbuf
{
	char	   *p;
	size_t		cap;			/* at least 1 */
	size_t		len;
} gr_fbuf;

static inline void
gr_fb_init(gr_fbuf *b, char *buf, size_t cap)
{
	b->p = buf;
	b->cap = cap;
	b->len = 0;
	buf[0] = '\0';
}

static inline void
gr_fb_putn(gr_fbuf *b, const char *s, size_t n)
{
	size_t		room = b->cap - 1 - b->len;

	if (n > room)
		n = room;
	if (n == 0)
		return;					/* s may be NULL then (an empty gr_str) */
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static inline void
gr_fb_puts(gr_fbuf *b, const char *s)
{
	gr_fb_putn(b, s, strlen(s));
}

/* v in decimal, at least width digits (zeros in front), as %0*lld does */
static inline void
gr_fb_int(gr_fbuf *b, long long v, int width)
{
	char		d[24];
	int			pos = (int) sizeof(d);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long) v : (unsigned long long) v;

	do
	{
		d[--pos] = (char) ('0' + u % 10);
		u /= 10;
	} while (u && pos > 1);
	while ((int) sizeof(d) - pos < width && pos > 1)
		d[--pos] = '0';
	if (v < 0)
		d[--pos] = '-';
	gr_fb_putn(b, d + pos, sizeof(d) - (size_t) pos);
}

extern const char *gr_find(const char *hay, size_t hlen, const char *needle, size_t nlen);
extern const char *gr_memmem(const char *hay, size_t hlen, const char *needle);

/* gr_date.c */
extern int	gr_parse_date(const char *s, size_t len, int default_year, gr_date *out);
extern int	gr_parse_year(const char *s, size_t len, int *year);
extern bool gr_date_valid(const gr_date *d);

/* gr_outline.c */
extern gr_status gr_outline(gr_ctx *ctx, const gr_doc *doc, gr_report *rep);
extern bool gr_is_page_mark(const char *cmp, size_t len);
extern const gr_section *gr_section_of(const gr_report *rep, gr_section_key key);
extern const char *gr_section_official(gr_section_key key, const char **numeral);

/* gr_facts.c: what the prose states, read once after the outline */
extern void gr_facts_read(const gr_doc *doc, gr_report *rep);

/* gr_report.c: room for one more finding in rep->findings (false: out of memory) */
extern bool gr_findings_reserve(gr_ctx *ctx, gr_report *rep);

/* gr_meta.c */
extern gr_status gr_meta(gr_ctx *ctx, const gr_doc *doc, gr_report *rep);

/* gr_published.c */
extern bool gr_meta_line_date(const gr_doc *doc, int i, gr_date *d, uint32_t *date_from);
extern void gr_meta_published(const gr_doc *doc, int title_line, int first_heading_line,
							  int last_part, gr_report *rep);

/* gr_edition.c */
extern void gr_edition_detect(const gr_doc *doc, gr_report *rep);
extern gr_edition gr_edition_for_year(int year);
extern gr_edition gr_edition_effective(gr_edition shown, int year);
extern gr_edition gr_table_edition(const gr_report *rep, gr_table t);
/* votes[] has one count per gr_edition value (GR_NED, gr_format.h) */
extern void gr_vote_row(int *votes, gr_table t, int row, bool has_values);
extern void gr_vote_col(int *votes, int col);
extern void gr_vote_label(int *votes, const char *t, size_t tlen);
extern gr_edition gr_vote_result(const int *votes);

#endif							/* GR_INTERNAL_H */
