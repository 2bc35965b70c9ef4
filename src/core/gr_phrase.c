/*
 * gr_phrase.c — the phrase index of gr_phrase.h: one Aho–Corasick pass over
 * the compact text finds every occurrence of every phrase of the lists
 * (some 90 phrases), where the steps used to search the whole text once
 * per phrase (some 300 searches a report).
 *
 * The matcher is built once per process and format (the fingerprints are
 * the active spec's); a document keeps, per phrase, the starts of its
 * occurrences in ascending order.  The first occurrence inside a range is
 * then the first start at or after the range's start, if it ends inside
 * the range: the same answer a search of that range gives.  The pass is
 * linear in the text, and the occurrences are bounded by the text's length
 * times the few phrases that can end at one byte.
 */
#include "gr_acm.h"
#include "gr_format.h"
#include "gr_phrase.h"

#define PH_HIT 0x80000000u		/* in tab: the next state ends a phrase */
#define PH_SPECS 4				/* formats with a matcher of their own */

typedef struct ph_matcher
{
	const gr_spec *spec;
	const gr_acm *acm;
	uint32_t   *tab;			/* [state * nclass + class] → next * nclass, | PH_HIT */
	uint32_t   *plen;			/* per phrase: its length in bytes */
	uint32_t	maxlen;			/* the longest phrase's */
	int			base[GR_PL_N + 1];	/* list l's phrases are base[l] … base[l + 1] - 1 */
} ph_matcher;

struct gr_phrase_index
{
	const ph_matcher *m;
	uint32_t   *first;			/* per phrase: its first entry in pos; [npat] the end */
	uint32_t   *pos;			/* the starts of the occurrences, by phrase, ascending */
};

static const char *const *const fixed_lists[GR_PL_FP] = {
	[GR_PL_PHONE] = gr_phone_labels,
	[GR_PL_ADDRESS] = gr_address_labels,
	[GR_PL_PUBLISHED] = gr_published_labels,
	[GR_PL_NO_REQUEST] = gr_no_request_phrases,
	[GR_PL_NO_CASE] = gr_no_case_phrases,
	[GR_PL_FEE] = gr_fee_words,
	[GR_PL_PREV_YEAR] = gr_prev_year_words,
	[GR_PL_REVIEW] = gr_review_words,
	[GR_PL_SUIT] = gr_suit_words,
	[GR_PL_FACT_WORDS] = gr_fact_words,
	[GR_PL_EDITION_WORDS] = gr_edition_words,
};

static const char *const *
list_of(const gr_spec *spec, int l)
{
	if (l < GR_PL_FP)
		return fixed_lists[l];
	return l - GR_PL_FP < spec->neditions ? spec->editions[l - GR_PL_FP].fingerprints : NULL;
}

const char *
gr_ph_word(gr_plist l, int i)
{
	const char *const *w = list_of(gr_spec_active, l);

	for (int k = 0; w && k < i; k++)
		if (w[k] == NULL)
			return NULL;
	return w ? w[i] : NULL;
}

/* The matcher of spec's lists, built on first use; NULL if memory fails. */
static const ph_matcher *
matcher_for(const gr_spec *spec, void *(*alloc) (size_t))
{
	static ph_matcher built[PH_SPECS];
	const char *pats[512];
	uint32_t	lens[512];
	int			n = 0;
	ph_matcher *m = NULL;
	const gr_acm *a;

	for (int i = 0; i < PH_SPECS; i++)
	{
		if (built[i].spec == spec)
			return built[i].acm ? &built[i] : NULL;
		if (built[i].spec == NULL && m == NULL)
			m = &built[i];
	}
	if (m == NULL)
		return NULL;
	for (int l = 0; l < GR_PL_N; l++)
	{
		const char *const *w = list_of(spec, l);

		m->base[l] = n;
		for (int k = 0; w && w[k]; k++)
		{
			if (n == 512)
				return NULL;
			pats[n] = w[k];
			lens[n] = (uint32_t) strlen(w[k]);
			n++;
		}
	}
	m->base[GR_PL_N] = n;
	m->plen = alloc(sizeof(uint32_t) * (size_t) (n + 1));
	a = m->plen ? gr_acm_build(alloc, pats, lens, n) : NULL;
	if (a == NULL)
		return NULL;
	memcpy(m->plen, lens, sizeof(uint32_t) * (size_t) n);
	m->maxlen = 1;
	for (int i = 0; i < n; i++)
		if (lens[i] > m->maxlen)
			m->maxlen = lens[i];
	m->tab = alloc(sizeof(uint32_t) * (size_t) a->nstates * (size_t) a->nclass);
	if (m->tab == NULL)
		return NULL;
	for (int s = 0; s < a->nstates; s++)
		for (int c = 0; c < a->nclass; c++)
		{
			unsigned	next = a->delta[s * a->nclass + c];

			m->tab[s * a->nclass + c] = next * (uint32_t) a->nclass |
				(a->out[next] >= 0 || a->dict[next] != 0 ? PH_HIT : 0);
		}
	m->acm = a;
	m->spec = spec;
	return m;
}

/* The occurrences as found, in the order of their ends. */
typedef struct ph_found
{
	gr_ctx	   *ctx;
	uint32_t   *pat;
	uint32_t   *start;
	uint32_t	n,
				cap;
	uint32_t	from;			/* occurrences that end before it are another lane's */
} ph_found;

static bool
found_add(ph_found *f, uint32_t pat, uint32_t start)
{
	if (f->n == f->cap)
	{
		uint32_t	cap = f->cap * 2;
		uint32_t   *p = gr_alloc(f->ctx, sizeof(uint32_t) * (size_t) cap * 2);

		if (p == NULL)
			return false;
		memcpy(p, f->pat, sizeof(uint32_t) * f->n);
		memcpy(p + cap, f->start, sizeof(uint32_t) * f->n);
		gr_release(f->ctx, f->pat, sizeof(uint32_t) * (size_t) f->cap * 2);
		f->pat = p;
		f->start = p + cap;
		f->cap = cap;
	}
	f->pat[f->n] = pat;
	f->start[f->n] = start;
	f->n++;
	return true;
}

/* Every phrase that ends at byte end - 1, where the matcher reached state st. */
static bool
found_at(ph_found *f, const ph_matcher *m, unsigned st, uint32_t end)
{
	const gr_acm *a = m->acm;

	if (end < f->from)
		return true;			/* the lane before this one's reports it */
	for (unsigned o = st; o != 0; o = a->dict[o])
		for (int p = a->out[o]; p >= 0; p = a->same[p])
			if (!found_add(f, (uint32_t) p, end - m->plen[p]))
				return false;
	return true;
}

/*
 * One table look-up a byte, and each depends on the one before: the text
 * is read as two lanes stepped side by side, so that the processor waits
 * for two look-ups at once instead of one after the other.  The second
 * lane starts the longest phrase's length less one before the middle,
 * where every occurrence ending past the middle starts at the earliest,
 * and reports only those (f->from); the first reports the ones ending at
 * the middle or before.
 * The phrases are rare (a few dozen occurrences a report), so a hit leaves
 * the loop.
 */
#define PH_STEP(st, s, f) \
	do { \
		st = tab[st + cls[*s]]; \
		s++; \
		if (__builtin_expect((st & PH_HIT) != 0, 0)) \
		{ \
			st &= ~(size_t) PH_HIT; \
			if (!found_at(f, m, (unsigned) (st / nclass), (uint32_t) (s - text))) \
				return false; \
		} \
	} while (0)

static bool
scan(ph_found *f, ph_found *f2, const ph_matcher *m, const char *text_, uint32_t len)
{
	const uint32_t *tab = m->tab;
	const uint8_t *cls = m->acm->cls;
	uint32_t	nclass = (uint32_t) m->acm->nclass;
	const unsigned char *text = (const unsigned char *) text_;
	uint32_t	mid = len / 2;
	uint32_t	from2 = mid > m->maxlen ? mid - (m->maxlen - 1) : 0;
	const unsigned char *s = text,
			   *e = text + mid;
	const unsigned char *s2 = text + from2,
			   *e2 = text + len;
	size_t		st = 0,
				st2 = 0;

	f2->from = mid + 1;			/* the first lane's last end is mid */
	while (s < e)
	{
		PH_STEP(st, s, f);
		PH_STEP(st2, s2, f2);
	}
	while (s2 < e2)
		PH_STEP(st2, s2, f2);
	return true;
}

#undef PH_STEP

gr_status
gr_phrase_index(gr_ctx *ctx, gr_doc *doc)
{
	const ph_matcher *m = matcher_for(gr_spec_active, ctx->env->persist_alloc);
	struct gr_phrase_index *x;
	ph_found	f = {ctx, NULL, NULL, 0, 0, 0};
	ph_found	f2 = {ctx, NULL, NULL, 0, 0, 0};
	int			npat;

	doc->phrases = NULL;
	if (m == NULL)
		return GR_OK;			/* searched instead */
	npat = m->base[GR_PL_N];
	f.cap = f2.cap = doc->cmp_len / 64 + 32;
	f.pat = gr_alloc(ctx, sizeof(uint32_t) * (size_t) f.cap * 2);
	f2.pat = gr_alloc(ctx, sizeof(uint32_t) * (size_t) f2.cap * 2);
	x = gr_alloc(ctx, sizeof(*x));
	if (f.pat == NULL || f2.pat == NULL || x == NULL)
		return ctx->err->status;
	f.start = f.pat + f.cap;
	f2.start = f2.pat + f2.cap;
	if (!scan(&f, &f2, m, doc->cmp, doc->cmp_len))
		return ctx->err->status;
	/* the second lane's after the first's: in the order of their ends */
	f.from = 0;
	for (uint32_t k = 0; k < f2.n; k++)
		if (!found_add(&f, f2.pat[k], f2.start[k]))
			return ctx->err->status;
	gr_release(ctx, f2.pat, sizeof(uint32_t) * (size_t) f2.cap * 2);
	x->m = m;
	x->first = gr_alloc0(ctx, sizeof(uint32_t) * (size_t) (npat + 1));
	x->pos = gr_alloc(ctx, sizeof(uint32_t) * (size_t) (f.n + 1));
	if (x->first == NULL || x->pos == NULL)
		return ctx->err->status;
	/* by phrase, keeping the text order within each (a counting sort) */
	for (uint32_t k = 0; k < f.n; k++)
		x->first[f.pat[k] + 1]++;
	for (int p = 0; p < npat; p++)
		x->first[p + 1] += x->first[p];
	for (uint32_t k = 0; k < f.n; k++)
		x->pos[x->first[f.pat[k]]++] = f.start[k];
	for (int p = npat; p > 0; p--)
		x->first[p] = x->first[p - 1];
	x->first[0] = 0;
	gr_release(ctx, f.pat, sizeof(uint32_t) * (size_t) f.cap * 2);
	doc->phrases = x;
	return GR_OK;
}

uint32_t
gr_ph_find(const gr_doc *doc, gr_plist l, int i, uint32_t from, uint32_t to)
{
	const struct gr_phrase_index *x = doc->phrases;
	const char *w;
	uint32_t	lo,
				hi;
	int			p;

	if (from >= to)
		return GR_PH_NONE;
	if (x == NULL || x->m->spec != gr_spec_active)
	{
		const char *hit;

		w = gr_ph_word(l, i);
		hit = w ? gr_memmem(doc->cmp + from, to - from, w) : NULL;
		return hit ? (uint32_t) (hit - doc->cmp) : GR_PH_NONE;
	}
	p = x->m->base[l] + i;
	if (p >= x->m->base[l + 1])
		return GR_PH_NONE;
	/* the first start at or after from */
	lo = x->first[p];
	hi = x->first[p + 1];
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (x->pos[mid] < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->first[p + 1] && x->pos[lo] + x->m->plen[p] <= to)
		return x->pos[lo];
	return GR_PH_NONE;
}
