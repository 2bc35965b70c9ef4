/*
 * gr_text.c — the document: the input split into lines, a folded copy for
 * matching, a compact copy without white space, and maps from both back to
 * the input.
 *
 * This is the single pass over the raw bytes.  Every later step reads the
 * folded or compact copy and asks the maps for the original text and its
 * line number, so what users get back is always what the report says.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE				/* memmem */
#endif
#include "gr_internal.h"

/* ---- per-call context helpers ---- */

void *
gr_alloc(gr_ctx *ctx, size_t size)
{
	void	   *p = ctx->env->alloc(ctx->env->alloc_ctx, size ? size : 1);

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

bool
gr_poll(gr_ctx *ctx)
{
	if (ctx->env->interrupted == NULL || (++ctx->polls & 0x3FFF) != 0)
		return false;
	return gr_poll_now(ctx);
}

/* The same, asked at once: after a large unit of work (a chunk of HTML). */
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

const char *
gr_memmem(const char *hay, size_t hlen, const char *needle)
{
	size_t		n = strlen(needle);

	if (n == 0)
		return hay;
	if (hlen < n)
		return NULL;
#if defined(__GLIBC__) || defined(__APPLE__) || defined(__FreeBSD__)
	return memmem(hay, hlen, needle, n);
#else
	for (const char *p = hay, *end = hay + hlen - n; p <= end; p++)
	{
		p = memchr(p, needle[0], (size_t) (end - p) + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, needle, n) == 0)
			return p;
	}
	return NULL;
#endif
}

/* ---- building the document ---- */

/* Growable output buffers of the folding pass. */
typedef struct fold_out
{
	char	   *fold;
	uint32_t   *f2s;
	uint32_t	flen;
	uint32_t	fcap;
	char	   *cmp;
	uint32_t   *c2s;
	uint32_t   *c2f;
	uint32_t	clen;
	gr_line    *lines;
	int			nlines;
	int			lcap;
} fold_out;

static bool
out_grow(gr_ctx *ctx, fold_out *o, uint32_t need)
{
	uint32_t	cap;
	char	   *nf,
			   *nc;
	uint32_t   *nf2s,
			   *nc2s,
			   *nc2f;

	if (o->flen + need <= o->fcap)
		return true;
	cap = o->fcap * 2 + need;
	nf = gr_alloc(ctx, cap);
	nc = gr_alloc(ctx, cap);
	nf2s = gr_alloc(ctx, (size_t) (cap + 1) * sizeof(uint32_t));
	nc2s = gr_alloc(ctx, (size_t) (cap + 1) * sizeof(uint32_t));
	nc2f = gr_alloc(ctx, (size_t) (cap + 1) * sizeof(uint32_t));
	if (!nf || !nc || !nf2s || !nc2s || !nc2f)
		return false;
	if (o->flen)
	{
		memcpy(nf, o->fold, o->flen);
		memcpy(nf2s, o->f2s, o->flen * sizeof(uint32_t));
	}
	if (o->clen)
	{
		memcpy(nc, o->cmp, o->clen);
		memcpy(nc2s, o->c2s, o->clen * sizeof(uint32_t));
		memcpy(nc2f, o->c2f, o->clen * sizeof(uint32_t));
	}
	o->fold = nf;
	o->cmp = nc;
	o->f2s = nf2s;
	o->c2s = nc2s;
	o->c2f = nc2f;
	o->fcap = cap;
	return true;
}

static inline void
out_byte(fold_out *o, char b, uint32_t src_pos)
{
	o->fold[o->flen] = b;
	o->f2s[o->flen] = src_pos;
	if (b != ' ' && b != '\t' && b != '\n')
	{
		o->cmp[o->clen] = b;
		o->c2s[o->clen] = src_pos;
		o->c2f[o->clen] = o->flen;
		o->clen++;
	}
	o->flen++;
}

/* Close the line that started at (f_start, c_start, s_start). */
static bool
out_line(gr_ctx *ctx, fold_out *o, uint32_t f_start, uint32_t c_start,
		 uint32_t s_start, uint32_t s_end, int lineno)
{
	gr_line    *l;

	if (o->nlines == o->lcap)
	{
		int			cap = o->lcap * 2 + 64;
		gr_line    *nl = gr_alloc(ctx, (size_t) cap * sizeof(gr_line));

		if (!nl)
			return false;
		if (o->nlines)
			memcpy(nl, o->lines, (size_t) o->nlines * sizeof(gr_line));
		o->lines = nl;
		o->lcap = cap;
	}
	l = &o->lines[o->nlines++];
	l->f_off = f_start;
	l->f_len = o->flen - f_start;
	l->c_off = c_start;
	l->c_len = o->clen - c_start;
	l->s_off = s_start;
	l->s_len = s_end - s_start;
	l->lineno = lineno;
	l->glued = false;
	return true;
}

/*
 * How many bytes one U+FFFD replaces: a lead byte with the continuation
 * bytes that follow it (a sequence cut short, as when a multi-byte
 * character was truncated), or a single stray byte.
 */
static size_t
bad_prefix_len(const unsigned char *s, size_t len)
{
	int			n = gr_utf8_seqlen(s[0]);
	size_t		k = 1;

	while (n > 1 && k < (size_t) n && k < len && (s[k] & 0xC0) == 0x80)
		k++;
	return (n > 1 && k < (size_t) n) ? k : 1;
}

/* Copy text, replacing each ill-formed sequence by U+FFFD. */
static const char *
repair_utf8(gr_ctx *ctx, const char *text, size_t len, size_t *outlen, int *replaced)
{
	size_t		bad = 0;
	size_t		i;
	char	   *out;
	size_t		o = 0;
	uint32_t	cp;

	for (i = 0; i < len;)
	{
		int			n = gr_utf8_decode((const unsigned char *) text + i, len - i, &cp);

		if (n == 0 || cp == 0)
		{
			bad++;
			i += bad_prefix_len((const unsigned char *) text + i, len - i);
		}
		else
			i += n;
	}
	*replaced = (int) bad;
	*outlen = len;
	if (bad == 0)
		return text;
	out = gr_alloc(ctx, len + bad * 2 + 1);
	if (!out)
		return NULL;
	for (i = 0; i < len;)
	{
		int			n = gr_utf8_decode((const unsigned char *) text + i, len - i, &cp);

		if (n == 0 || cp == 0)
		{
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i += bad_prefix_len((const unsigned char *) text + i, len - i);
		}
		else
		{
			memcpy(out + o, text + i, n);
			o += n;
			i += n;
		}
	}
	*outlen = o;
	return out;
}

/* Where the current line began in the folded, compact and source text. */
typedef struct line_start
{
	uint32_t	f;
	uint32_t	c;
	uint32_t	s;
	int			lineno;			/* its input line number */
	int			src_line;		/* index of the current line of text (for line_map) */
} line_start;

/* A line break at src[pos]: the line ends (without its break), the next begins. */
static bool
break_line(gr_ctx *ctx, fold_out *o, line_start *ls, const char *src, uint32_t pos,
		   const int *line_map, int nmap)
{
	char		b = src[pos];
	uint32_t	s_end = pos;

	if (b == '\n' && pos > ls->s && src[pos - 1] == '\r')
		s_end = pos - 1;
	out_byte(o, '\n', pos);
	o->flen--;					/* the line's own text excludes its break */
	if (!out_line(ctx, o, ls->f, ls->c, ls->s, s_end,
				  line_map && ls->src_line < nmap ? line_map[ls->src_line] : ls->lineno))
		return false;
	o->flen++;
	ls->f = o->flen;
	ls->c = o->clen;
	ls->s = pos + 1;
	if (b == '\n')
	{
		ls->lineno++;
		ls->src_line++;
	}
	return true;
}

/*
 * Build the document.  line_map, when given, names the input line of each
 * line of text (text rendered from HTML); otherwise lines count newlines.
 */
gr_status
gr_doc_build(gr_ctx *ctx, const char *text, size_t len, const int *line_map, int nmap,
			 gr_doc *doc)
{
	fold_out	o;
	size_t		slen;
	const char *src;
	uint32_t	pos = 0;
	line_start	ls = {0, 0, 0, 1, 0};

	memset(doc, 0, sizeof(*doc));
	if (len >= (size_t) UINT32_MAX / 8)
		return gr_fail(ctx, GR_ETOOBIG, 0, "report text is too long",
					   "The parser addresses at most 512 MB of text.");

	src = repair_utf8(ctx, text, len, &slen, &doc->replaced);
	if (src == NULL)
		return ctx->err->status;

	memset(&o, 0, sizeof(o));
	if (!out_grow(ctx, &o, (uint32_t) (slen + slen / 4 + 64)))
		return ctx->err->status;

	while (pos < slen)
	{
		unsigned char b = (unsigned char) src[pos];

		if (gr_poll(ctx))
			return ctx->err->status;
		if (!out_grow(ctx, &o, 16))
			return ctx->err->status;

		if (b < 0x80)
		{
			if (b == '\n' || (b == '\r' && (pos + 1 >= slen || src[pos + 1] != '\n')) ||
				((b == '\f' || b == '\v') && o.flen > ls.f))
			{
				if (!break_line(ctx, &o, &ls, src, pos, line_map, nmap))
					return ctx->err->status;
			}
			else if (b == '\f' || b == '\v')
				ls.s = pos + 1;	/* a page break at the start of a line */
			else if (b == '\t' || b >= 0x20)
				out_byte(&o, (char) (b == 0x7F ? ' ' : b), pos);
			pos++;
		}
		else
		{
			uint32_t	cp;
			int			n = gr_utf8_decode((const unsigned char *) src + pos, slen - pos, &cp);
			const char *f;
			int			flen;

			if (n == 0)
			{
				/* cannot happen after repair; step over the byte */
				pos++;
				continue;
			}
			if (gr_fold_codepoint(ctx, cp, &f, &flen) != GR_OK)
				return ctx->err->status;
			for (int i = 0; i < flen; i++)
				out_byte(&o, f[i], pos);
			pos += n;
		}
	}
	if (!out_line(ctx, &o, ls.f, ls.c, ls.s, (uint32_t) slen,
				  line_map && ls.src_line < nmap ? line_map[ls.src_line] : ls.lineno))
		return ctx->err->status;
	o.f2s[o.flen] = (uint32_t) slen;
	o.c2s[o.clen] = (uint32_t) slen;
	o.c2f[o.clen] = o.flen;

	doc->src = src;
	doc->src_len = (uint32_t) slen;
	doc->fold = o.fold;
	doc->fold_len = o.flen;
	doc->f2s = o.f2s;
	doc->cmp = o.cmp;
	doc->cmp_len = o.clen;
	doc->c2s = o.c2s;
	doc->c2f = o.c2f;
	doc->lines = o.lines;
	doc->nlines = o.nlines;
	return GR_OK;
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
		return doc->c2s[0];
	s = doc->c2s[c_end - 1];
	n = gr_utf8_seqlen((unsigned char) doc->src[s]);
	return s + (n ? (uint32_t) n : 1);
}

/* The original text of a compact range, as one span of src. */
gr_str
gr_doc_cmp_span(const gr_doc *doc, uint32_t c_from, uint32_t c_to)
{
	if (c_to <= c_from)
		return gr_doc_src_span(doc, doc->c2s[c_from], doc->c2s[c_from]);
	return gr_doc_src_span(doc, doc->c2s[c_from], gr_doc_cmp_to_src_end(doc, c_to));
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
