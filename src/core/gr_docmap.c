/*
 * gr_docmap.c — the maps of the document (gr_doc.c builds them): from a
 * byte of the folded text, of the compact text or of the input to the
 * others, so that whatever a step found in the folded or compact copy is
 * handed back as the report's own text, with its line.
 *
 * f2s and s2f search the sparse anchors (where the folded text stops
 * running in step with the input), c2f the runs of the compact text;
 * buckets of 64 bytes start each search near its answer.
 */
#include "gr_internal.h"

/*
 * The anchor buckets: a text with CRLF breaks or many full-width
 * characters has an anchor every few dozen bytes, and every cell asks
 * f2s for its source span, so the search starts from the bucket of its
 * offset instead of from the whole array (a 16th of the text's size); and
 * the same over the input for s2f, which every cell of a web page asks.
 */
#define GR_ABKT_SHIFT 6

/* The buckets over len bytes of fold (by_src false) or of the input: per bucket, the last anchor at or before its start. */
static int32_t *
buckets_over(gr_ctx *ctx, const gr_doc *doc, uint32_t len, bool by_src, uint32_t *nb)
{
	int32_t    *bk;
	int			a = 0;

	*nb = (len >> GR_ABKT_SHIFT) + 1;
	if ((bk = gr_alloc(ctx, sizeof(int32_t) * (size_t) *nb)) == NULL)
		return NULL;
	for (uint32_t b = 0; b < *nb; b++)
	{
		uint32_t	start = b << GR_ABKT_SHIFT;

		/* the map is monotone in both offsets */
		while (a + 1 < doc->nanchors &&
			   (by_src ? doc->anchors[a + 1].s : doc->anchors[a + 1].f) <= start)
			a++;
		bk[b] = a;
	}
	return bk;
}

/* The buckets of both maps, for a document with anchors enough to need them. */
bool
gr_doc_anchor_buckets(gr_ctx *ctx, gr_doc *doc)
{
	if (doc->nanchors < 16)
		return true;			/* a short search anyway */
	doc->abkt = buckets_over(ctx, doc, doc->fold_len, false, &doc->nabkt);
	doc->sbkt = buckets_over(ctx, doc, doc->src_len, true, &doc->nsbkt);
	return doc->abkt != NULL && doc->sbkt != NULL;
}


/* The src offset of the character fold byte f came from (src_len at the end). */
uint32_t
gr_doc_f2s(const gr_doc *doc, uint32_t f)
{
	int			lo = 0,
				hi = doc->nanchors - 1;
	const gr_anchor *a;

	if (f >= doc->fold_len || hi < 0)
		return doc->src_len;
	if (doc->abkt)
	{
		uint32_t	b = f >> GR_ABKT_SHIFT;

		/* the answer lies between the buckets' own answers */
		lo = doc->abkt[b];
		if (b + 1 < doc->nabkt)
			hi = doc->abkt[b + 1];
	}
	while (lo < hi)
	{
		int			mid = (lo + hi + 1) / 2;

		if (doc->anchors[mid].f <= f)
			lo = mid;
		else
			hi = mid - 1;
	}
	a = &doc->anchors[lo];
	if (a->collapsed)
		return a->s;
	/* in step with the input: the start of the character */
	while (f > a->f && ((unsigned char) doc->fold[f] & 0xC0) == 0x80)
		f--;
	return a->s + (f - a->f);
}

/* The first fold byte whose character starts at or after src byte s (fold_len for none). */
uint32_t
gr_doc_s2f(const gr_doc *doc, uint32_t s)
{
	int			lo = 0,
				hi = doc->nanchors - 1;
	const gr_anchor *a;
	uint32_t	next,
				f;

	if (hi < 0 || s <= doc->anchors[0].s)
		return hi < 0 ? doc->fold_len : 0;
	if (doc->sbkt && s < doc->src_len)
	{
		uint32_t	b = s >> GR_ABKT_SHIFT;

		/* the answer lies between the buckets' own answers */
		lo = doc->sbkt[b];
		if (b + 1 < doc->nsbkt)
			hi = doc->sbkt[b + 1];
	}
	/* the last anchor at or before s: the map is monotone */
	while (lo < hi)
	{
		int			mid = (lo + hi + 1) / 2;

		if (doc->anchors[mid].s <= s)
			lo = mid;
		else
			hi = mid - 1;
	}
	a = &doc->anchors[lo];
	next = lo + 1 < doc->nanchors ? doc->anchors[lo + 1].f : doc->fold_len;
	if (a->collapsed)
		return a->s >= s ? a->f : next;
	f = a->f + (s - a->s);
	if (f >= next)
		return next;
	while (f < next && ((unsigned char) doc->fold[f] & 0xC0) == 0x80)
		f++;
	return f;
}

/* The fold offset of compact byte c (fold_len at the end). */
uint32_t
gr_doc_c2f(const gr_doc *doc, uint32_t c)
{
	int			lo = 0,
				hi = doc->ncruns - 1;

	if (c >= doc->cmp_len || hi < 0)
		return doc->fold_len;
	while (lo < hi)
	{
		int			mid = (lo + hi + 1) / 2;

		if (doc->cruns[mid].c <= c)
			lo = mid;
		else
			hi = mid - 1;
	}
	return doc->cruns[lo].f + (c - doc->cruns[lo].c);
}

/* The src offset of compact byte c (src_len at the end). */
uint32_t
gr_doc_c2s(const gr_doc *doc, uint32_t c)
{
	return c >= doc->cmp_len ? doc->src_len : gr_doc_f2s(doc, gr_doc_c2f(doc, c));
}
