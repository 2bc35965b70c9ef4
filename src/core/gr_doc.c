/*
 * gr_doc.c — the document: the input split into lines, a folded copy for
 * matching, a compact copy without white space, and the maps from both
 * back to the input.  Every later step reads the folded or compact copy
 * and asks the maps for the original text and its line number, so what
 * users get back is always what the report says.
 *
 * One pass over the input folds it: stretches that fold to themselves (all
 * but a few characters in a hundred) are found by looking each character
 * up where it stands in the folding table (gr_foldtab.h: ASCII sixteen
 * bytes at a time, Chinese by its bytes, the rest decoded), then copied at
 * once; every other character is folded on its own.
 * Invalid UTF-8 is found on the way, and only then is the input repaired
 * (U+FFFD, gr_doc_repair.c) and the pass made again.  A second, byte-wise pass over the
 * folded text makes the compact copy.
 *
 * The maps are sparse.  f2s: an anchor wherever the folded text stops
 * running in step with the input (a character folded to another length,
 * or dropped; a CR before a LF), so a look-up is a binary search and a
 * subtraction.  c2f: a run for each stretch of folded text without white
 * space.  Before, three maps of four bytes per byte held the same.  The
 * look-ups themselves are gr_docmap.c.
 */
#include "gr_internal.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* What the passes produce. */
typedef struct doc_out
{
	char	   *fold;
	uint32_t	flen;
	uint32_t	fcap;
	gr_anchor  *an;
	int			nan;
	int			ancap;
	gr_line    *lines;
	int			nlines;
	int			lcap;
	const char *src;			/* the text folded, for lines_room */
	uint32_t	slen;
	uint32_t	lone_crs_end;	/* the end of a run of CRs known to be followed by no LF */
	bool		counted;		/* lines_room has counted the rest */
} doc_out;

static int	count_breaks(const char *s, size_t len);

/* The array *v of *cap elements, n of them in use, moved to room for ncap. */
static bool
resize_array(gr_ctx *ctx, void **v, int *cap, int n, int ncap, size_t elem)
{
	void	   *nv = gr_alloc(ctx, (size_t) ncap * elem);

	if (!nv)
		return false;
	if (n)
		memcpy(nv, *v, (size_t) n * elem);
	gr_release(ctx, *v, (size_t) *cap * elem);
	*v = nv;
	*cap = ncap;
	return true;
}

static bool
grow_array(gr_ctx *ctx, void **v, int *cap, int n, size_t elem)
{
	return n < *cap || resize_array(ctx, v, cap, n, *cap * 2 + 64, elem);
}

/* Room for need more bytes of folded text. */
static bool
out_room(gr_ctx *ctx, doc_out *o, size_t need)
{
	size_t		cap;
	char	   *nf;

	if (o->flen + need <= o->fcap)
		return true;
	cap = (size_t) o->fcap * 2 + need;
	if (cap >= (size_t) UINT32_MAX / 2)
		return gr_fail(ctx, GR_ETOOBIG, 0, "report text is too long",
					   "The folded text would exceed what offsets can address.") == GR_OK;
	nf = gr_alloc(ctx, cap + 1);
	if (!nf)
		return false;
	memcpy(nf, o->fold, o->flen);
	gr_release(ctx, o->fold, (size_t) o->fcap + 1);
	o->fold = nf;
	o->fcap = (uint32_t) cap;
	return true;
}

static bool
out_anchor(gr_ctx *ctx, doc_out *o, uint32_t src_pos, bool collapsed)
{
	if (o->nan == o->ancap && !grow_array(ctx, (void **) &o->an, &o->ancap, o->nan, sizeof(gr_anchor)))
		return false;
	o->an[o->nan].f = o->flen;
	o->an[o->nan].s = src_pos;
	o->an[o->nan].collapsed = collapsed;
	o->nan++;
	return true;
}

/* Does the next folded byte, from src_pos, need an anchor to map right? */
static inline bool
off_step(const doc_out *o, uint32_t src_pos)
{
	const gr_anchor *a;

	if (o->nan == 0)
		return true;
	a = &o->an[o->nan - 1];
	return a->collapsed || (int64_t) src_pos - a->s != (int64_t) o->flen - a->f;
}

/*
 * The k folded bytes of the input character at src_pos, n bytes long: in
 * step with the input when they are one character as long as the input's,
 * else under an anchor of their own (each maps to the character's start).
 */
static bool
out_char(gr_ctx *ctx, doc_out *o, const char *f, int k, int n, uint32_t src_pos)
{
	if (k == 0)
		return true;			/* dropped: the next byte will be off step */
	if (k == n && (k == 1 || gr_utf8_seqlen((unsigned char) f[0]) == k))
	{
		if (off_step(o, src_pos) && !out_anchor(ctx, o, src_pos, false))
			return false;
	}
	else if (!out_anchor(ctx, o, src_pos, true))
		return false;
	if (k <= 4)					/* a character: no call for a few bytes */
		for (int i = 0; i < k; i++)
			o->fold[o->flen + i] = f[i];
	else
		memcpy(o->fold + o->flen, f, k);
	o->flen += (uint32_t) k;
	return true;
}

/*
 * Room for the lines made and those of the input from src_pos on, counted
 * where the first guess runs out (a text of short lines); by doubling
 * when there are more still (form feeds and vertical tabs break lines
 * that count_breaks does not count).
 */
static bool
lines_room(gr_ctx *ctx, doc_out *o, uint32_t src_pos)
{
	int			more;

	/* counted once: a count each time would make a text of form feeds quadratic */
	if (o->counted)
		return grow_array(ctx, (void **) &o->lines, &o->lcap, o->nlines, sizeof(gr_line));
	o->counted = true;
	more = src_pos < o->slen ? count_breaks(o->src + src_pos, o->slen - src_pos) + 2 : 2;
	if (more > INT32_MAX / 64 - o->nlines)
		return grow_array(ctx, (void **) &o->lines, &o->lcap, o->nlines, sizeof(gr_line));
	return resize_array(ctx, (void **) &o->lines, &o->lcap, o->nlines, o->nlines + more, sizeof(gr_line));
}

/* Close the line that started at (f_start, s_start); its compact extent comes later. */
static inline bool
out_line(gr_ctx *ctx, doc_out *o, uint32_t f_start, uint32_t s_start, uint32_t s_end, int lineno)
{
	gr_line    *l;

	if (o->nlines == o->lcap && !lines_room(ctx, o, s_end))
		return false;
	l = &o->lines[o->nlines++];
	memset(l, 0, sizeof(*l));
	l->f_off = f_start;
	l->f_len = o->flen - f_start;
	l->s_off = s_start;
	l->s_len = s_end - s_start;
	l->lineno = lineno;
	return true;
}

/* Where the current line began in the folded and source text. */
typedef struct line_start
{
	uint32_t	f;
	uint32_t	s;
	int			lineno;			/* its input line number */
	int			src_line;		/* index of the current line of text (for line_map) */
} line_start;

/* Where a line ends whose CR at src[pos] comes before its LF: before the CRs there. */
static uint32_t
line_end_before_crs(const char *src, uint32_t start, uint32_t pos)
{
	while (pos > start && src[pos - 1] == '\r')
		pos--;
	return pos;
}

/* A line break at src[pos]: the line ends (without its break), the next begins. */
static bool
break_line(gr_ctx *ctx, doc_out *o, line_start *ls, const char *src, uint32_t pos,
		   const int *line_map, int nmap)
{
	char		b = src[pos];
	uint32_t	s_end = pos;

	if (b == '\n' && pos > ls->s && src[pos - 1] == '\r')
		s_end = line_end_before_crs(src, ls->s, pos - 1);	/* "\r\n", "\r\r\n" */
	if (!out_line(ctx, o, ls->f, ls->s, s_end,
				  line_map && ls->src_line < nmap ? line_map[ls->src_line] : ls->lineno))
		return false;
	/* the break as one '\n' in place of the input's byte (out_char, without its general case) */
	if (off_step(o, pos) && !out_anchor(ctx, o, pos, false))
		return false;
	o->fold[o->flen++] = '\n';
	ls->f = o->flen;
	ls->s = pos + 1;
	if (b == '\n')
	{
		ls->lineno++;
		ls->src_line++;
	}
	return true;
}

/*
 * How many bytes from u[pos] (printable ASCII or a tab, at least that one)
 * are printable ASCII, up to limit: sixteen at a time, for the spaced
 * tables and the numbers, where the byte-wise loop took five instructions
 * a byte.
 */
static inline uint32_t
ascii_stretch(const unsigned char *u, uint32_t pos, uint32_t limit)
{
	uint32_t	i = pos + 1;

#ifdef __SSE2__
	while (i + 16 <= limit)
	{
		__m128i		v = _mm_loadu_si128((const __m128i *) (u + i));

		/* 0x20 to 0x7E: above 0x1F as a signed byte (0x80 up are negative), and not 0x7F */
		unsigned	ok = (unsigned) _mm_movemask_epi8(_mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)),
																		_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F))));

		if (ok != 0xFFFFu)
			return i + (uint32_t) __builtin_ctz(~ok) - pos;
		i += 16;
	}
#endif
	while (i < limit && u[i] >= 0x20 && u[i] < 0x7F)
		i++;
	return i - pos;
}

/*
 * The end of the three-byte characters from u[pos] that fold to
 * themselves, up to limit, each looked up by its bytes where it stands:
 * its first two bytes name its word of gr_foldtab_stop3 (cp >> 6), its
 * third the bit, which is set for a character that folds and for the
 * overlong forms and surrogates, ill-formed.  One load of four bytes a
 * character (the next one's first byte too: the loop stops four bytes
 * short of limit, and the caller's own test takes the last character).
 */
static inline uint32_t
han_stretch(const unsigned char *u, uint32_t pos, uint32_t limit)
{
	while (pos + 4 <= limit)
	{
		uint32_t	w;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		memcpy(&w, u + pos, 4);	/* one load: the character's bytes, and the next */
#else
		w = (uint32_t) u[pos] | (uint32_t) u[pos + 1] << 8 | (uint32_t) u[pos + 2] << 16;
#endif

		if ((w & 0xC0C0F0u) != 0x8080E0u ||
			((gr_foldtab_stop3[((w & 0x0Fu) << 6) | ((w >> 8) & 0x3Fu)] >> ((w >> 16) & 0x3Fu)) & 1u))
			break;
		pos += 3;
	}
	return pos;
}

/*
 * The longest stretch from pos, up to limit, of characters that fold to
 * themselves (printable ASCII and the tab, and what the table leaves alone).
 */
static inline uint32_t
same_stretch(const unsigned char *u, uint32_t pos, uint32_t limit)
{
	while (pos < limit)
	{
		uint32_t	cp;
		int			n;
		unsigned char b = u[pos];

		if ((b >= 0x20 && b < 0x7F) || b == '\t')	/* a tab stays a tab (fold_one) */
		{
			pos += ascii_stretch(u, pos, limit);
			continue;
		}
		/* three bytes, the Chinese text itself: as many as there are in a row, then one by one */
		if ((b & 0xF0) == 0xE0 && pos + 4 <= limit)
		{
			uint32_t	from = pos;

			pos = han_stretch(u, pos, limit);
			if (pos > from)
				continue;
		}
		if ((b & 0xF0) == 0xE0 && pos + 2 < limit && (u[pos + 1] & 0xC0) == 0x80 &&
			(u[pos + 2] & 0xC0) == 0x80)
		{
			cp = ((uint32_t) (b & 0x0F) << 12) | ((uint32_t) (u[pos + 1] & 0x3F) << 6) | (u[pos + 2] & 0x3F);
			if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) || gr_fold_changes_bmp(cp))
				break;
			pos += 3;
			continue;
		}
		if (b < 0x80 || (n = gr_utf8_decode(u + pos, limit - pos, &cp)) == 0 ||
			gr_fold_lookup(cp) != NULL)
			break;
		pos += (uint32_t) n;
	}
	return pos;
}

/* One character that does not fold to itself, at u[*pos]: 1 done, 0 failed, -1 ill-formed. */
static int
fold_one(gr_ctx *ctx, doc_out *o, line_start *ls, const char *src, uint32_t slen, uint32_t *pos,
		 const int *line_map, int nmap)
{
	const unsigned char *u = (const unsigned char *) src;
	unsigned char b = u[*pos];

	if (b < 0x80)
	{
		/*
		 * CRs before a LF are no breaks of their own: "\r\r\n" is one line
		 * break written twice over (a CRLF text converted to CRLF again),
		 * not an empty line after each.  The run is passed at once, so a
		 * long one is read once.
		 */
		if (b == '\r' && *pos + 1 < slen && src[*pos + 1] == '\r' && *pos >= o->lone_crs_end)
		{
			uint32_t	k = *pos + 1;

			while (k < slen && src[k] == '\r')
				k++;
			if (k < slen && src[k] == '\n')
			{
				*pos = k;		/* the LF breaks the line */
				return 1;
			}
			o->lone_crs_end = k;	/* lone CRs (old Mac text), a break each: not looked at again */
		}
		if (b == '\n' || (b == '\r' && (*pos + 1 >= slen || src[*pos + 1] != '\n')) ||
			((b == '\f' || b == '\v') && o->flen > ls->f))
		{
			if (!break_line(ctx, o, ls, src, *pos, line_map, nmap))
				return 0;
		}
		else if (b == '\f' || b == '\v')
			ls->s = *pos + 1;	/* a page break at the start of a line */
		else if (b == '\t' || b == 0x7F)
		{
			if (!out_char(ctx, o, b == 0x7F ? " " : "\t", 1, 1, *pos))
				return 0;
		}
		else if (b == 0)
			return -1;
		/* any other control character is dropped */
		(*pos)++;
	}
	else
	{
		uint32_t	cp;
		int			n = gr_utf8_decode(u + *pos, slen - *pos, &cp);
		const unsigned char *f;

		if (n == 0)
			return -1;
		f = gr_fold_lookup(cp);
		if (f == NULL)
		{
			/* folds to itself (a stretch cut at its 64 kB limit) */
			if (!out_char(ctx, o, src + *pos, n, n, *pos))
				return 0;
		}
		else if (!out_room(ctx, o, f[0] + (size_t) (slen - *pos) + 16) ||
				 !out_char(ctx, o, (const char *) f + 1, f[0], n, *pos))
			return 0;
		*pos += (uint32_t) n;
	}
	return 1;
}

/*
 * The folding pass.  Returns 1 when done, 0 on failure (error set), -1 at
 * the first ill-formed sequence or NUL: the caller repairs and retries.
 * The folded text never outgrows the room left for the input still to
 * come, except where a character folds to more bytes (out_room).
 */
static int
fold_pass(gr_ctx *ctx, doc_out *o, const char *src, uint32_t slen, const int *line_map, int nmap)
{
	const unsigned char *u = (const unsigned char *) src;
	uint32_t	pos = 0;
	line_start	ls = {0, 0, 1, 0};

	while (pos < slen)
	{
		/* at most 64 kB at a time, so that a cancel is served promptly */
		uint32_t	end = same_stretch(u, pos, slen - pos > 65536 ? pos + 65536 : slen);
		int			r;

		if (gr_poll(ctx))
			return 0;
		if (end > pos)
		{
			if (off_step(o, pos) && !out_anchor(ctx, o, pos, false))
				return 0;
#ifdef __SSE2__
			/*
			 * Most stretches are a word or a number: 32 bytes copied at once,
			 * no call.  Safe to read while 32 bytes of input are left, and so
			 * to write, since the folded text keeps at least as much room as
			 * the input left to read (out_room).
			 */
			if (end - pos <= 32 && pos + 32 <= slen)
			{
				_mm_storeu_si128((__m128i *) (o->fold + o->flen), _mm_loadu_si128((const __m128i *) (src + pos)));
				_mm_storeu_si128((__m128i *) (o->fold + o->flen + 16),
								 _mm_loadu_si128((const __m128i *) (src + pos + 16)));
			}
			else
#endif
				memcpy(o->fold + o->flen, src + pos, end - pos);
			o->flen += end - pos;
			pos = end;
			continue;
		}
		if ((r = fold_one(ctx, o, &ls, src, slen, &pos, line_map, nmap)) <= 0)
			return r;
	}
	if (!out_line(ctx, o, ls.f, ls.s, slen,
				  line_map && ls.src_line < nmap ? line_map[ls.src_line] : ls.lineno))
		return 0;
	return 1;
}

static inline bool
fold_ws(char b)
{
	return b == ' ' || b == '\t' || b == '\n';
}

#ifdef __SSE2__
/* fold_ws of the 16 bytes at p, one bit each (bit k: p[k]) */
static inline unsigned
ws_mask16(const char *p)
{
	__m128i		v = _mm_loadu_si128((const __m128i *) p);

	return (unsigned) _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
																  _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
													 _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
}
#endif

/*
 * The runs the compact pass will make of f[0, len): each stretch of folded
 * text without white space (lines end at a '\n', so no run crosses one).
 */
static int
count_runs(const char *f, uint32_t len)
{
	size_t		n = 0;
	bool		ws = true;
	uint32_t	i = 0;

#ifdef __SSE2__
	/* 16 bytes at a time: a run starts at a byte that is not white space after one that is */
	{
		unsigned	prev = 1;	/* the byte before is white space */

		for (; i + 16 <= len; i += 16)
		{
			unsigned	w = ws_mask16(f + i);
			unsigned	starts = ~w & ((w << 1) | prev) & 0xFFFFu;

			/* the bits set, without a popcount instruction the target may lack */
			starts = starts - ((starts >> 1) & 0x5555u);
			starts = (starts & 0x3333u) + ((starts >> 2) & 0x3333u);
			starts = (starts + (starts >> 4)) & 0x0F0Fu;
			n += (starts + (starts >> 8)) & 0x1Fu;
			prev = (w >> 15) & 1;
		}
		ws = prev != 0;
	}
#endif
	for (; i < len; i++)
	{
		bool		w = fold_ws(f[i]);

		n += ws && !w;
		ws = w;
	}
	return n < (size_t) INT32_MAX / 64 ? (int) n : INT32_MAX / 64;
}

/*
 * The end of the run of bytes that are not white space from f[i], up to
 * end; *pipe set when it holds a '|'.
 */
static inline uint32_t
run_end(const char *f, uint32_t i, uint32_t end, bool *pipe)
{
#ifdef __SSE2__
	for (; i + 16 <= end; i += 16)
	{
		__m128i		v = _mm_loadu_si128((const __m128i *) (f + i));
		unsigned	w = ws_mask16(f + i);
		unsigned	bar = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('|')));

		if (w)
		{
			*pipe |= (bar & ((1u << __builtin_ctz(w)) - 1)) != 0;
			return i + (uint32_t) __builtin_ctz(w);
		}
		*pipe |= bar != 0;
	}
#endif
	while (i < end && !fold_ws(f[i]))
		*pipe |= f[i++] == '|';
	return i;
}

/*
 * The end of the white space from f[i], up to end; *tabs counts its tabs
 * (up to two matter).  Sixteen bytes at a time where the gaps of a spaced
 * table are long.
 */
static inline uint32_t
ws_end(const char *f, uint32_t i, uint32_t end, int *tabs)
{
#ifdef __SSE2__
	for (; i + 16 <= end; i += 16)
	{
		unsigned	w = ws_mask16(f + i);
		unsigned	t = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (f + i)),
																	_mm_set1_epi8('\t')));

		if (w != 0xFFFFu)
		{
			unsigned	k = (unsigned) __builtin_ctz(~w);

			t &= (1u << k) - 1;
			*tabs += t == 0 ? 0 : (t & (t - 1)) == 0 ? 1 : 2;
			return i + k;
		}
		*tabs += t == 0 ? 0 : (t & (t - 1)) == 0 ? 1 : 2;
	}
#endif
	for (; i < end && fold_ws(f[i]); i++)
		*tabs += f[i] == '\t';
	return i;
}

/* The tabs and '|' of a line cut from another (gr_inline.c), as compact_pass finds them. */
void
gr_line_marks(const gr_doc *doc, gr_line *l)
{
	const char *f = doc->fold + l->f_off;
	const char *tab = memchr(f, '\t', l->f_len);

	l->tabs = tab == NULL ? 0 : memchr(tab + 1, '\t', l->f_len - (size_t) (tab + 1 - f)) ? 2 : 1;
	l->pipe = memchr(f, '|', l->f_len) != NULL;
}

/* Room for the n runs made and those of the text f[0, len) still to read, which begins one. */
static bool
runs_room(gr_ctx *ctx, gr_crun **runs, int *cap, int n, const char *f, uint32_t len)
{
	int			more = count_runs(f, len);

	if (more > INT32_MAX / 64 - n)
		more = INT32_MAX / 64 - n;
	if (more < 1)
		more = 1;
	return resize_array(ctx, (void **) runs, cap, n, n + more, sizeof(gr_crun));
}

/* The compact copy: the folded text without white space, line by line, with its runs. */
static gr_status
compact_pass(gr_ctx *ctx, gr_doc *doc)
{
	char	   *cmp = gr_alloc(ctx, (size_t) doc->fold_len + 17);	/* room for a run's 16-byte copy */
	/*
	 * Room for a run every 32 bytes and one a line, what most reports
	 * make; a text with more (tables of single digits) has the rest
	 * counted where the room runs out and gets it at once, so that the
	 * runs take no more room than before.  Counting every text's runs
	 * first was a pass over it: 1 % of the parse's instructions.
	 */
	int			runcap = (int) (doc->fold_len / 32) + doc->nlines + 16;
	gr_crun    *runs = gr_alloc(ctx, sizeof(gr_crun) * (size_t) runcap);
	int			nruns = 0;
	uint32_t	c = 0;

	if (!cmp || !runs)
		return ctx->err->status;
	for (int li = 0; li < doc->nlines; li++)
	{
		gr_line    *l = &doc->lines[li];
		const char *f = doc->fold;
		uint32_t	i = l->f_off,
					end = l->f_off + l->f_len;
		int			tabs = 0;
		bool		pipe = false;

		if (gr_poll(ctx))
			return ctx->err->status;
		l->c_off = c;
		while (i < end)
		{
			uint32_t	start;

			i = ws_end(f, i, end, &tabs);
			if (i == end)
				break;
			start = i;
			i = run_end(f, i, end, &pipe);
			if (nruns == runcap && !runs_room(ctx, &runs, &runcap, nruns, f + start, doc->fold_len - start))
				return ctx->err->status;
			runs[nruns].c = c;
			runs[nruns].f = start;
			nruns++;
#ifdef __SSE2__
			/* most runs are a number or a label: sixteen bytes copied at once, no call */
			if (i - start <= 16 && start + 16 <= doc->fold_len)
				_mm_storeu_si128((__m128i *) (cmp + c), _mm_loadu_si128((const __m128i *) (f + start)));
			else
#endif
				memcpy(cmp + c, f + start, i - start);
			c += i - start;
		}
		l->c_len = c - l->c_off;
		l->tabs = (uint8_t) (tabs < 2 ? tabs : 2);
		l->pipe = pipe;
	}
	cmp[c] = '\0';
	doc->cmp = cmp;
	doc->cmp_len = c;
	doc->cruns = runs;
	doc->ncruns = nruns;
	return GR_OK;
}

/*
 * The line breaks of the text: each LF, and each CR not before a LF (a
 * CRLF is one break, as the folding pass counts it), so as many lines as
 * it has, or about (FF, VT).
 */
static int
count_breaks(const char *s, size_t len)
{
	size_t		n = 0,
				i = 0;

#ifdef __SSE2__

	/*
	 * Sixteen bytes a step, the LFs summed in byte lanes (each match is
	 * -1, subtracted) and the lanes added up every 255 steps, before a
	 * lane can overflow: a text of short lines has a break every few
	 * bytes, where a memchr a line cost a call each.  A step with a CR,
	 * rare, is counted byte by byte below instead.
	 */
	while (i + 16 <= len)
	{
		__m128i		acc = _mm_setzero_si128();
		size_t		steps = 0;

		for (; steps < 255 && i + 16 <= len; steps++, i += 16)
		{
			__m128i		v = _mm_loadu_si128((const __m128i *) (s + i));

			if (_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))) != 0)
				break;
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
		}
		acc = _mm_sad_epu8(acc, _mm_setzero_si128());
		n += (size_t) _mm_cvtsi128_si32(acc) + (size_t) _mm_cvtsi128_si32(_mm_srli_si128(acc, 8));
		if (steps < 255 && i + 16 <= len)
		{
			/* the step with a CR */
			for (size_t e = i + 16; i < e; i++)
				n += s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'));
		}
	}
#endif
	for (; i < len; i++)
		n += s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n'));
	return n < (size_t) INT32_MAX / 64 ? (int) n : INT32_MAX / 64;
}

/*
 * Build the document.  line_map, when given, names the input line of each
 * line of text (text rendered from HTML); otherwise lines count newlines.
 */
gr_status
gr_doc_build(gr_ctx *ctx, const char *text, size_t len, const int *line_map, int nmap,
			 gr_doc *doc)
{
	doc_out		o;
	size_t		slen = len;
	const char *src = text;
	int			done;

	memset(doc, 0, sizeof(*doc));
	if (len >= (size_t) UINT32_MAX / 8)
		return gr_fail(ctx, GR_ETOOBIG, 0, "report text is too long",
					   "The parser addresses at most 512 MB of text.");
	for (int attempt = 0;; attempt++)
	{
		memset(&o, 0, sizeof(o));
		o.fold = gr_alloc(ctx, slen + 65);
		if (!o.fold)
			return ctx->err->status;
		o.fcap = (uint32_t) slen + 64;
		/*
		 * Room for a line every 64 bytes, what most reports have; a text
		 * of shorter lines has the rest counted where the room runs out
		 * (lines_room).  Counting every text's line breaks first was two
		 * passes over it.
		 */
		o.src = src;
		o.slen = (uint32_t) slen;
		o.lcap = (int) (slen / 64) + 16;
		o.lines = gr_alloc(ctx, sizeof(gr_line) * (size_t) o.lcap);
		if (!o.lines)
			return ctx->err->status;
		done = fold_pass(ctx, &o, src, (uint32_t) slen, line_map, nmap);
		if (done > 0)
			break;
		if (done == 0)
			return ctx->err->status;
		if (attempt > 0)
			return gr_fail(ctx, GR_EARG, 0, "invalid UTF-8 after repair", "");
		/* ill-formed UTF-8: fold a repaired copy instead */
		src = gr_doc_repair(ctx, text, len, &slen, &doc->replaced);
		if (src == NULL)
			return ctx->err->status;
	}
	o.fold[o.flen] = '\0';
	doc->src = src;
	doc->src_len = (uint32_t) slen;
	doc->fold = o.fold;
	doc->fold_len = o.flen;
	doc->anchors = o.an;
	doc->nanchors = o.nan;
	doc->lines = o.lines;
	doc->nlines = o.nlines;
	if (!gr_doc_anchor_buckets(ctx, doc))
		return ctx->err->status;
	return compact_pass(ctx, doc);
}
