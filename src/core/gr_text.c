/*
 * gr_text.c — the per-call helpers every step uses (allocation, failure,
 * interrupt polls, searching), and getting the original text back from
 * the document that gr_doc.c builds: spans of the input, a wrapped title
 * joined, white space trimmed, the line of a compact offset.
 */
#include "gr_internal.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- per-call context helpers ---- */

/*
 * The caller's allocator never frees before the call ends, so an array
 * grown by doubling would leave every old copy behind, and each table's
 * working arrays would add to the last table's.  What a step no longer
 * uses it hands back (gr_release); a later request takes the first block
 * big enough (the rest of it stays spare).  The blocks are mostly few — a
 * handful of grown arrays and one table's state — but work done piece by
 * piece and released in turn can leave thousands of pieces, and a walk of
 * them all at every request is quadratic (a first reader of Markdown's
 * HTML tables, a libxml2 parse per table: 4,000 tables took 3.9 s).  So
 * the walk looks at the blocks released last, a fixed number of them: a
 * request they cannot serve takes new memory, which the call's size
 * bounds.  Memory that leaves the call (the report, its cells and
 * findings) is never released.
 */
#define GR_SPARE_MIN 64			/* smaller pieces are not worth keeping */
#define GR_SPARE_WALK 32		/* spare blocks a request looks at, the newest first */

static void *
spare_take(gr_ctx *ctx, size_t size)
{
	size_t		need = (size + 15) & ~(size_t) 15;
	int			walked = 0;

	for (gr_spare **pp = &ctx->spare; *pp && walked++ < GR_SPARE_WALK; pp = &(*pp)->next)
	{
		gr_spare   *b = *pp;

		if (b->size < need)
			continue;
		if (b->size - need >= GR_SPARE_MIN)
		{
			gr_spare   *rest = (gr_spare *) ((char *) b + need);

			rest->size = b->size - need;
			rest->next = b->next;
			*pp = rest;
		}
		else
			*pp = b->next;
		return b;
	}
	return NULL;
}

/*
 * Block p of size bytes is no longer used by this call: a block gr_alloc
 * returned, or the unused end of one (so its start is aligned here to 8
 * bytes, what every type of the core needs).
 */
void
gr_release(gr_ctx *ctx, void *p, size_t size)
{
	uintptr_t	skip;
	gr_spare   *b;

	if (p == NULL)
		return;
	skip = (8 - (uintptr_t) p % 8) % 8;
	if (size < skip + GR_SPARE_MIN)
		return;
	b = (gr_spare *) ((char *) p + skip);
	size = (size - skip) & ~(size_t) 15;	/* what later requests, rounded up, may take */
	b->size = size;
	b->next = ctx->spare;
	ctx->spare = b;
}

void *
gr_alloc(gr_ctx *ctx, size_t size)
{
	void	   *p = ctx->spare ? spare_take(ctx, size ? size : 1) : NULL;

	if (p)
		return p;
	p = ctx->env->alloc(ctx->env->alloc_ctx, size ? size : 1);

	if (p == NULL)
		gr_fail(ctx, GR_ENOMEM, 0, "out of memory",
				"The report parser could not allocate working memory.");
	return p;
}

void *
gr_alloc0(gr_ctx *ctx, size_t size)
{
	void	   *p = gr_alloc(ctx, size);

	if (p)
		memset(p, 0, size ? size : 1);
	return p;
}

gr_status
gr_fail(gr_ctx *ctx, gr_status st, int line, const char *message, const char *detail)
{
	if (ctx->err && ctx->err->status == GR_OK)
	{
		ctx->err->status = st;
		ctx->err->line = line;
		snprintf(ctx->err->message, sizeof(ctx->err->message), "%s", message);
		snprintf(ctx->err->detail, sizeof(ctx->err->detail), "%s", detail ? detail : "");
	}
	return st;
}

/*
 * Whether to stop now, the environment asked at once: after a large unit of
 * work (a piece of HTML); gr_poll (gr_internal.h) asks in one call of 16,384.
 */
bool
gr_poll_now(gr_ctx *ctx)
{
	if (ctx->env->interrupted == NULL)
		return false;
	if (ctx->env->interrupted())
	{
		gr_fail(ctx, GR_EINTR, 0, "parsing interrupted", "");
		return true;
	}
	return false;
}

/*
 * The first occurrence of needle[0, nlen) in hay[0, hlen), NULL for none.
 * Candidates are found sixteen bytes at a time where both the needle's
 * first and its last byte stand (for Chinese text, the last byte of a
 * character is the selective one), and only those are compared.  Most
 * searches are of short texts (a cell, a heading, a line), so the last
 * positions are tried as one more block of sixteen that overlaps the
 * previous one, its positions already tried masked off, rather than one
 * at a time.
 */
#ifdef __SSE2__
/* The first candidate of mask m (positions at + bit) that is the needle, or NULL. */
static inline const char *
block_match(const char *hay, size_t at, unsigned m, const char *needle, size_t nlen)
{
	for (; m; m &= m - 1)
	{
		int			bit = __builtin_ctz(m);

		if (memcmp(hay + at + bit + 1, needle + 1, nlen - 2) == 0)
			return hay + at + bit;
	}
	return NULL;
}
#endif

const char *
gr_find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	size_t		i = 0;

	if (nlen == 0)
		return hay;
	if (hlen < nlen)
		return NULL;
	if (nlen == 1)
		return memchr(hay, needle[0], hlen);
#ifdef __SSE2__
	if (hlen >= nlen - 1 + 16)
	{
		const __m128i first = _mm_set1_epi8(needle[0]);
		const __m128i last = _mm_set1_epi8(needle[nlen - 1]);
		size_t		tail = hlen - (nlen - 1) - 16;	/* the last block's start */

		for (;; i += 16)
		{
			size_t		at = i <= tail ? i : tail;
			__m128i		a = _mm_loadu_si128((const __m128i *) (hay + at));
			__m128i		b = _mm_loadu_si128((const __m128i *) (hay + at + nlen - 1));
			unsigned	m = (unsigned) _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first),
																	   _mm_cmpeq_epi8(b, last)));
			const char *hit;

			/* the last block overlaps the one before: its first positions were tried */
			m &= ~((1u << (i - at)) - 1);
			if ((hit = block_match(hay, at, m, needle, nlen)) != NULL)
				return hit;
			if (at == tail)
				return NULL;
		}
	}
	if (nlen <= 48)
	{
		/*
		 * A short text: its one block of sixteen positions read from a
		 * padded copy (reading past the text itself is not allowed), the
		 * positions past its end masked off.
		 */
		char		buf[64] = {0};
		const __m128i first = _mm_set1_epi8(needle[0]);
		const __m128i last = _mm_set1_epi8(needle[nlen - 1]);
		__m128i		a,
					b;
		unsigned	m;

		memcpy(buf, hay, hlen);
		a = _mm_loadu_si128((const __m128i *) buf);
		b = _mm_loadu_si128((const __m128i *) (buf + nlen - 1));
		m = (unsigned) _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first),
													   _mm_cmpeq_epi8(b, last)));
		return block_match(hay, 0, m & ((1u << (hlen - nlen + 1)) - 1), needle, nlen);
	}
#endif
	for (; i + nlen <= hlen; i++)
		if (hay[i] == needle[0] && hay[i + nlen - 1] == needle[nlen - 1] &&
			memcmp(hay + i, needle, nlen) == 0)
			return hay + i;
	return NULL;
}

const char *
gr_memmem(const char *hay, size_t hlen, const char *needle)
{
	return gr_find(hay, hlen, needle, strlen(needle));
}

/* ---- getting original text back ---- */

gr_str
gr_doc_src_span(const gr_doc *doc, uint32_t s_from, uint32_t s_to)
{
	gr_str		s;

	if (s_to > doc->src_len)
		s_to = doc->src_len;
	if (s_from > s_to)
		s_from = s_to;
	s.ptr = doc->src + s_from;
	s.len = s_to - s_from;
	return s;
}

/* The src offset just past the character that compact byte c_end-1 came from. */
uint32_t
gr_doc_cmp_to_src_end(const gr_doc *doc, uint32_t c_end)
{
	uint32_t	s;
	int			n;

	if (c_end == 0)
		return gr_doc_c2s(doc, 0);
	s = gr_doc_c2s(doc, c_end - 1);
	n = gr_utf8_seqlen((unsigned char) doc->src[s]);
	return s + (n ? (uint32_t) n : 1);
}

/* The original text of a compact range, as one span of src. */
gr_str
gr_doc_cmp_span(const gr_doc *doc, uint32_t c_from, uint32_t c_to)
{
	if (c_to <= c_from)
		return gr_doc_src_span(doc, gr_doc_c2s(doc, c_from), gr_doc_c2s(doc, c_from));
	return gr_doc_src_span(doc, gr_doc_c2s(doc, c_from), gr_doc_cmp_to_src_end(doc, c_to));
}

static inline bool
is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/*
 * The original text of a compact range with its line breaks taken out: a
 * title or an address wrapped by a PDF is one line to its reader.  The
 * indentation around each break goes too; spaces inside a line stay.
 */
gr_str
gr_doc_joined(gr_ctx *ctx, const gr_doc *doc, uint32_t c_from, uint32_t c_to)
{
	gr_str		span = gr_doc_cmp_span(doc, c_from, c_to);
	char	   *out;
	uint32_t	o = 0;
	gr_str		res;

	if (memchr(span.ptr, '\n', span.len) == NULL)
		return gr_trim_src(span);
	out = gr_alloc(ctx, span.len + 1);
	if (!out)
		return gr_trim_src(span);
	for (uint32_t i = 0; i < span.len; i++)
	{
		char		c = span.ptr[i];

		if (c == '\n' || c == '\r')
		{
			while (o > 0 && is_ascii_space(out[o - 1]))
				o--;
			while (i + 1 < span.len && is_ascii_space(span.ptr[i + 1]))
				i++;
			continue;
		}
		out[o++] = c;
	}
	res.ptr = out;
	res.len = o;
	return gr_trim_src(res);
}

int
gr_doc_line_of_cmp(const gr_doc *doc, uint32_t c_off)
{
	int			lo = 0,
				hi = doc->nlines - 1;

	while (lo < hi)
	{
		int			mid = (lo + hi + 1) / 2;

		if (doc->lines[mid].c_off <= c_off)
			lo = mid;
		else
			hi = mid - 1;
	}
	/* a compact offset at a line's end may belong to the next nonempty line */
	while (lo + 1 < doc->nlines && doc->lines[lo].c_off + doc->lines[lo].c_len <= c_off &&
		   doc->lines[lo + 1].c_off <= c_off)
		lo++;
	return lo;
}

/* Trim white space (ASCII, U+3000, U+00A0) from both ends of a src span. */
gr_str
gr_trim_src(gr_str s)
{
	for (;;)
	{
		if (s.len >= 1 && is_ascii_space(s.ptr[0]))
		{
			s.ptr++;
			s.len--;
		}
		else if (s.len >= 3 && memcmp(s.ptr, "\xE3\x80\x80", 3) == 0)
		{
			s.ptr += 3;
			s.len -= 3;
		}
		else if (s.len >= 2 && memcmp(s.ptr, "\xC2\xA0", 2) == 0)
		{
			s.ptr += 2;
			s.len -= 2;
		}
		else
			break;
	}
	for (;;)
	{
		if (s.len >= 1 && is_ascii_space(s.ptr[s.len - 1]))
			s.len--;
		else if (s.len >= 3 && memcmp(s.ptr + s.len - 3, "\xE3\x80\x80", 3) == 0)
			s.len -= 3;
		else if (s.len >= 2 && memcmp(s.ptr + s.len - 2, "\xC2\xA0", 2) == 0)
			s.len -= 2;
		else
			break;
	}
	return s;
}

/*
 * Attach the grids of an HTML page's tables to the document built from
 * its rendering: per line, the first of its slots.  The slots' offsets are
 * in the rendered text, which is the document's text unless invalid
 * UTF-8 had to be repaired (never in libxml2's output); then the grids
 * are left out rather than misread.
 */
gr_status
gr_doc_html_grid(gr_ctx *ctx, gr_doc *doc, const gr_html_cell *cells, int ncells)
{
	if (ncells == 0 || doc->replaced > 0)
		return GR_OK;
	doc->hcell_first = gr_alloc(ctx, sizeof(int) * (size_t) (doc->nlines + 1));
	if (!doc->hcell_first)
		return ctx->err->status;
	for (int i = 0; i < doc->nlines; i++)
		doc->hcell_first[i] = -1;
	for (int k = ncells - 1; k >= 0; k--)
		if (cells[k].line >= 0 && cells[k].line < doc->nlines)
			doc->hcell_first[cells[k].line] = k;
	doc->hcells = cells;
	doc->nhcells = ncells;
	return GR_OK;
}
