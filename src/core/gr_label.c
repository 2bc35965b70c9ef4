/*
 * gr_label.c — which row of a table a text cell names.
 *
 * Labels are compared folded (gr_lfold.c: no white space, no punctuation).
 * In order of trust: the cell is a label or one of its aliases; the cell
 * holds a label with more around it (（四）无 1.本机关不掌握…); the cell is
 * a piece of a label cut short by a PDF (（一）予以, 分公开(区分处理的…);
 * the cell shares a long beginning or end and the numbering with a label
 * (2.其他法律行政止公开, 一、太白 言息公开申请数量); the cell resembles a
 * label, character pairs counted.  The last three are accepted only for a
 * row that comes after the current one, a few rows ahead at most: that is
 * the "neighbours make it certain" of the spec.
 *
 * The folded labels are computed once per process.
 */
#include "gr_acm.h"
#include "gr_label.h"

#define LAB_MAX 200

#define MAX_BIGRAMS 64

typedef struct folded_label
{
	char		s[LAB_MAX];
	uint16_t	len;
	uint16_t	chars;
	uint16_t	num_len;		/* bytes of the leading numbering (一, 1, 七), 0 if none */
	uint16_t	nbig;
	uint64_t	big[MAX_BIGRAMS];	/* pairs of characters, for similarity */
} folded_label;

typedef struct folded_table
{
	const gr_rowdef *rows;
	int			nrows;
	folded_label (*labels)[GR_MAX_LABELS];
	/* every label and alias in one matcher; pattern p is label pat_row[p], pat_alias[p] */
	gr_acm	   *acm;
	int			npat;
	int16_t		pat_row[GR_T3_NROWS * GR_MAX_LABELS];
	int16_t		pat_alias[GR_T3_NROWS * GR_MAX_LABELS];
} folded_table;

/*
 * Room for the tables of two formats (the national one and one declared
 * in data); a table is known by the address of its rows.
 */
#define MAX_TABLES 6
static folded_table tables[MAX_TABLES];
static folded_label label_store[MAX_TABLES][GR_T3_NROWS][GR_MAX_LABELS];
static const char *const cjk_numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

/* Bytes of the numbering a folded label starts with. */
static uint16_t
numbering_len(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > 0)
		return (uint16_t) i;
	/* the numerals are all three bytes long: compare them in place */
	if (len >= 3)
		for (size_t k = 0; k < sizeof(cjk_numerals) / sizeof(cjk_numerals[0]); k++)
			if (s[0] == cjk_numerals[k][0] && s[1] == cjk_numerals[k][1] && s[2] == cjk_numerals[k][2])
				return 3;
	return 0;
}

/* Insertion sort: a label has at most MAX_BIGRAMS pairs. */
static void
sort_bigrams(uint64_t *v, int n)
{
	for (int i = 1; i < n; i++)
	{
		uint64_t	x = v[i];
		int			j = i;

		while (j > 0 && v[j - 1] > x)
		{
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
}

/* The pairs of successive characters of s. */
static int
bigrams(const char *s, size_t len, uint64_t *out)
{
	uint32_t	prev = 0,
				cp;
	int			n = 0;

	for (size_t i = 0; i < len && n < MAX_BIGRAMS;)
	{
		int			k = gr_utf8_decode((const unsigned char *) s + i, len - i, &cp);

		if (k == 0)
			break;
		if (i > 0)
			out[n++] = ((uint64_t) prev << 32) | cp;
		prev = cp;
		i += k;
	}
	sort_bigrams(out, n);		/* bigram_dice merges sorted sets */
	return n;
}

static void
fold_label(const char *text, folded_label *out)
{
	out->len = (uint16_t) gr_lfold(text, strlen(text), out->s, LAB_MAX);
	out->chars = (uint16_t) gr_utf8_chars(out->s, out->len);
	out->num_len = numbering_len(out->s, out->len);
	out->nbig = (uint16_t) bigrams(out->s, out->len, out->big);
}

/* The matcher of a folded table's labels, built once; NULL if memory fails. */
static void
table_matcher(folded_table *ft, void *(*alloc) (size_t))
{
	const char *pats[GR_T3_NROWS * GR_MAX_LABELS];
	uint32_t	lens[GR_T3_NROWS * GR_MAX_LABELS];
	int			n = 0;

	for (int r = 0; r < ft->nrows; r++)
		for (int a = 0; a < GR_MAX_LABELS && ft->rows[r].labels[a]; a++)
			if (ft->labels[r][a].len > 0)
			{
				pats[n] = ft->labels[r][a].s;
				lens[n] = ft->labels[r][a].len;
				ft->pat_row[n] = (int16_t) r;
				ft->pat_alias[n] = (int16_t) a;
				n++;
			}
	ft->npat = n;
	ft->acm = gr_acm_build(alloc, pats, lens, n);
}

static folded_table *
table_for(const gr_rowdef *rows, int nrows, void *(*alloc) (size_t))
{
	for (int i = 0; i < MAX_TABLES; i++)
		if (tables[i].rows == rows && tables[i].nrows >= nrows)
			return &tables[i];
	if (nrows > GR_T3_NROWS)
		return NULL;
	for (int i = 0; i < MAX_TABLES; i++)
		if (tables[i].rows == NULL)
		{
			for (int r = 0; r < nrows; r++)
				for (int a = 0; a < GR_MAX_LABELS; a++)
				{
					if (rows[r].labels[a])
						fold_label(rows[r].labels[a], &label_store[i][r][a]);
					else
						label_store[i][r][a].len = 0;
				}
			tables[i].labels = label_store[i];
			tables[i].nrows = nrows;
			tables[i].rows = rows;
			table_matcher(&tables[i], alloc);
			return &tables[i];
		}
	return NULL;
}

/* memmem with a needle that is not NUL-terminated. */
static inline const char *
find_bytes(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	return nlen == 0 ? NULL : gr_find(hay, hlen, needle, nlen);
}

/* Common beginning and end, in whole characters. */
static int
common_prefix_chars(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t		i = 0;
	int			chars = 0;

	while (i < alen && i < blen && a[i] == b[i])
		i++;
	while (i > 0 && i < alen && ((unsigned char) a[i] & 0xC0) == 0x80)
		i--;
	for (size_t k = 0; k < i; k++)
		if (((unsigned char) a[k] & 0xC0) != 0x80)
			chars++;
	return chars;
}

static int
common_suffix_chars(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t		i = 0;
	int			chars = 0;

	while (i < alen && i < blen && a[alen - 1 - i] == b[blen - 1 - i])
		i++;
	/* whole characters only: the suffix must start at a lead byte */
	while (i > 0 && ((unsigned char) a[alen - i] & 0xC0) == 0x80)
		i--;
	for (size_t k = alen - i; k < alen; k++)
		if (((unsigned char) a[k] & 0xC0) != 0x80)
			chars++;
	return chars;
}

/*
 * Dice coefficient of two sets of character pairs, 0..100: the pairs in
 * common counted as a multiset intersection, by merging the sorted lists.
 */
static int
bigram_dice(const uint64_t *a, int na, const uint64_t *b, int nb)
{
	int			common = 0,
				i = 0,
				j = 0;

	if (na == 0 || nb == 0)
		return 0;
	while (i < na && j < nb)
	{
		if (a[i] == b[j])
		{
			common++;
			i++;
			j++;
		}
		else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return 200 * common / (na + nb);
}

/* The cell being matched, folded, with what the comparisons need. */
typedef struct probe
{
	const char *t;
	size_t		tlen;
	int			tchars;
	uint16_t	tnum;
	int			nbig;
	uint64_t	big[MAX_BIGRAMS];
} probe;

/* How well folded text t names label l: a tier (lower is better) and a quality. */
static gr_label_tier
compare(const probe *pr, const folded_label *l, int *quality, bool weak)
{
	const char *t = pr->t;
	size_t		tlen = pr->tlen;
	int			tchars = pr->tchars;
	uint16_t	tnum = pr->tnum;

	*quality = 0;
	if (l->len == 0 || tlen == 0)
		return GR_LT_NONE;
	if (tlen == l->len && memcmp(t, l->s, tlen) == 0)
	{
		*quality = 100;
		return GR_LT_EXACT;
	}
	if (tlen > l->len && tchars <= l->chars + 16 && l->chars >= 2 &&
		find_bytes(t, tlen, l->s, l->len))
	{
		*quality = 100 * l->chars / tchars;
		return GR_LT_CONTAINS;
	}
	if (!weak)
		return GR_LT_NONE;		/* the rest is evidence for rows just ahead only */
	if (tlen < l->len && tchars >= 3)
	{
		if (find_bytes(l->s, l->len, t, tlen))
		{
			*quality = 100 * tchars / l->chars;
			return GR_LT_PART;
		}
	}
	/*
	 * The cell ends with the beginning of a numbered label, after a group
	 * label (（四）无2.没有现成信息需要另, 予处理4.无正当理由大量反复).
	 */
	if (l->num_len && l->chars >= 6 && tchars >= 6)
	{
		size_t		head = l->num_len + 6;	/* the numbering and two characters */
		const char *p = t + 1;

		while (head < l->len && p + head <= t + tlen &&
			   (p = find_bytes(p, (size_t) (t + tlen - p), l->s, head)) != NULL)
		{
			size_t		rest = tlen - (size_t) (p - t);

			if (rest < l->len && memcmp(p, l->s, rest) == 0 && gr_utf8_chars(p, rest) >= 5)
			{
				*quality = 100 * gr_utf8_chars(p, rest) / l->chars;
				return GR_LT_PART;
			}
			p++;
		}
	}
	/* what follows needs the same numbering, when the label has one */
	if (l->num_len && (tnum != l->num_len || memcmp(t, l->s, tnum) != 0))
		return GR_LT_NONE;
	{
		int			p = common_prefix_chars(t, tlen, l->s, l->len);
		int			s = common_suffix_chars(t, tlen, l->s, l->len);
		int			best = p > s ? p : s;

		if (best >= 4 || (best >= 3 && best * 2 >= l->chars))
		{
			*quality = 100 * best / l->chars;
			return GR_LT_SHARED;
		}
	}
	{
		int			d = bigram_dice(pr->big, pr->nbig, l->big, l->nbig);

		if (d >= 50 && tchars >= 2)
		{
			*quality = d;
			return GR_LT_SIMILAR;
		}
	}
	return GR_LT_NONE;
}

/* The best so far: lower tier, then higher quality, then the first row and alias. */
static inline bool
better(gr_label_tier tier, int q, int r, int a, const gr_label_match *best, int best_a)
{
	if (tier != best->tier)
		return tier < best->tier;
	if (q != best->quality)
		return q > best->quality;
	return r < best->row || (r == best->row && a < best_a);
}

/* What the matcher's scan collects: the best exact or containing label. */
typedef struct scan_best
{
	const folded_table *ft;
	const probe *pr;
	int			nrows;
	gr_label_match best;
	int			best_a;
} scan_best;

/* A label found in the cell: the whole cell (exact) or a part of it (contains). */
static void
scan_hit(void *arg, int p, size_t end)
{
	scan_best  *sb = arg;
	int			r = sb->ft->pat_row[p],
				a = sb->ft->pat_alias[p];
	const folded_label *l = &sb->ft->labels[r][a];
	gr_label_tier tier;
	int			q;

	if (r >= sb->nrows)
		return;
	if (l->len == sb->pr->tlen)
	{
		tier = GR_LT_EXACT;
		q = 100;
	}
	else if (sb->pr->tchars <= l->chars + 16 && l->chars >= 2)
	{
		tier = GR_LT_CONTAINS;
		q = 100 * l->chars / sb->pr->tchars;
	}
	else
		return;
	(void) end;
	if (sb->best.row < 0 || better(tier, q, r, a, &sb->best, sb->best_a))
	{
		sb->best.row = r;
		sb->best.tier = tier;
		sb->best.quality = q;
		sb->best_a = a;
	}
}

/*
 * Every label compared with the cell: the reference the matcher must
 * agree with, and what runs if the matcher could not be built.
 */
static gr_label_match
find_by_compare(const folded_table *ft, const gr_rowdef *rows, int nrows, probe *pr,
				int current, int from, int to)
{
	gr_label_match best = {-1, GR_LT_NONE, 0, false};

	for (int r = from; r < to && r < nrows; r++)
	{
		/* weak evidence only for a row a little ahead of the current one */
		bool		weak = r > current && r <= current + 8;

		for (int a = 0; a < GR_MAX_LABELS && rows[r].labels[a]; a++)
		{
			int			q;
			gr_label_tier tier = compare(pr, &ft->labels[r][a], &q, weak);

			if (tier == GR_LT_NONE)
				continue;
			if (tier < best.tier || (tier == best.tier && q > best.quality))
			{
				best.row = r;
				best.tier = tier;
				best.quality = q;
			}
		}
	}
	return best;
}

/*
 * The answers of gr_label_find for the texts met lately, per process.  The
 * answer depends only on the table, the current row and the text, and the
 * same texts come back in report after report (column headers, row labels
 * as printed): most cells that name no label would otherwise be compared
 * with every label of the rows just ahead, report after report.  Sets of
 * two, the newer first: a text met at several current rows, or two texts
 * of one set, do not push each other out.  表三's labels run to 40
 * characters folded, so a text of up to 128 bytes is kept (1024 sets: 340 kB).
 */
#define FIND_MEMO_SETS 1024		/* a power of two */
#define FIND_MEMO_TEXT 128

typedef struct find_memo
{
	const folded_table *ft;		/* NULL: empty */
	int			current;
	int			nrows;
	uint32_t	len;
	gr_label_match m;
	char		t[FIND_MEMO_TEXT];
} find_memo;

static find_memo find_memos[FIND_MEMO_SETS][2];

static inline bool
memo_holds(const find_memo *mo, const folded_table *ft, int nrows, int current, const char *t,
		   size_t tlen)
{
	return mo->ft == ft && mo->current == current && mo->nrows == nrows && mo->len == tlen &&
		memcmp(mo->t, t, tlen) == 0;
}

static gr_label_match find_label(const folded_table *ft, const gr_rowdef *rows, int nrows,
								 const char *t, size_t tlen, int current);

gr_label_match
gr_label_find(gr_ctx *ctx, const gr_rowdef *rows, int nrows, const char *t, size_t tlen,
			  int current)
{
	folded_table *ft = table_for(rows, nrows, ctx->env->persist_alloc);
	gr_label_match none = {-1, GR_LT_NONE, 0, false};
	find_memo  *set;
	gr_label_match m;

	if (ft == NULL || tlen == 0)
		return none;
	if (tlen > FIND_MEMO_TEXT)
		return find_label(ft, rows, nrows, t, tlen, current);
	set = find_memos[gr_text_hash(((uint64_t) (uintptr_t) ft << 16) ^ ((uint64_t) (uint32_t) current << 8) ^
							   (uint64_t) (uint32_t) nrows, t, tlen) & (FIND_MEMO_SETS - 1)];
	if (memo_holds(&set[0], ft, nrows, current, t, tlen))
		return set[0].m;
	if (memo_holds(&set[1], ft, nrows, current, t, tlen))
		return set[1].m;
	m = find_label(ft, rows, nrows, t, tlen, current);
	/* the newer first: the older of the two leaves */
	if (set[0].ft)
		memcpy(&set[1], &set[0], offsetof(find_memo, t) + set[0].len);
	set[0].ft = NULL;			/* not an answer while it is written */
	set[0].m = m;
	memcpy(set[0].t, t, tlen);
	set[0].len = (uint32_t) tlen;
	set[0].current = current;
	set[0].nrows = nrows;
	set[0].ft = ft;
	return m;
}

/* gr_label_find's answer, made. */
static gr_label_match
find_label(const folded_table *ft, const gr_rowdef *rows, int nrows, const char *t, size_t tlen,
		   int current)
{
	gr_label_match best = {-1, GR_LT_NONE, 0, false};
	probe		pr;

	pr.t = t;
	pr.tlen = tlen;
	pr.tchars = gr_utf8_chars(t, tlen);
	pr.tnum = numbering_len(t, tlen);
	pr.nbig = -1;

	if (ft->acm)
	{
		/*
		 * One pass over the cell finds every label it is or holds (the only
		 * tiers a row that is not just ahead can reach); the weaker tiers,
		 * for the few rows just ahead, only when no label was found.
		 */
		scan_best	sb = {ft, &pr, nrows, {-1, GR_LT_NONE, 0, false}, 0};

		gr_acm_scan(ft->acm, t, tlen, scan_hit, &sb);
		best = sb.best;
		if (best.row < 0 && current + 1 < nrows)
		{
			pr.nbig = bigrams(t, tlen, pr.big);
			best = find_by_compare(ft, rows, nrows, &pr, current, current + 1, current + 9);
		}
	}
	else
	{
		pr.nbig = bigrams(t, tlen, pr.big);
		best = find_by_compare(ft, rows, nrows, &pr, current, 0, nrows);
	}

	/*
	 * A piece of the current row's own label (a label wrapped over lines:
	 * …逾期不补正、行 / 政机关不再处理其政府信息公开申请) continues it.
	 */
	if (current >= 0 && current < nrows && best.tier >= GR_LT_PART)
	{
		for (int a = 0; a < GR_MAX_LABELS && rows[current].labels[a]; a++)
		{
			const folded_label *l = &ft->labels[current][a];

			if (tlen >= l->len)
				continue;
			if (find_bytes(l->s, l->len, t, tlen))
			{
				best.row = current;
				best.tier = GR_LT_PART;
				best.continuation = true;
				return best;
			}
		}
	}
	return best;
}

/*
 * The folded form of a static label string, computed once per process:
 * a small open-addressing table keyed by the string's address.
 */
#define FOLD_CACHE 1024
static struct
{
	const char *src;
	folded_label f;
}			fold_cache[FOLD_CACHE];

static const folded_label *
fold_cached(const char *label)
{
	size_t		h = ((uintptr_t) label >> 3) % FOLD_CACHE;

	for (int probe = 0; probe < FOLD_CACHE; probe++, h = (h + 1) % FOLD_CACHE)
	{
		if (fold_cache[h].src == label)
			return &fold_cache[h].f;
		if (fold_cache[h].src == NULL)
		{
			fold_label(label, &fold_cache[h].f);
			fold_cache[h].src = label;
			return &fold_cache[h].f;
		}
	}
	return NULL;				/* cannot happen: far fewer labels than slots */
}

/* Is folded text t the label, folded? */
bool
gr_label_equals(const char *t, size_t tlen, const char *label)
{
	const folded_label *w = fold_cached(label);

	return w && w->len == tlen && memcmp(t, w->s, tlen) == 0;
}

/*
 * Does folded text t name one of the words (exactly or as its start)?
 * Returns the folded length of the word it starts with, 0 for none.
 */
size_t
gr_label_word_len(const char *t, size_t tlen, const char *const *words)
{
	for (int i = 0; words[i]; i++)
	{
		const folded_label *w = fold_cached(words[i]);

		if (w && tlen >= w->len && memcmp(t, w->s, w->len) == 0)
			return w->len;
	}
	return 0;
}

bool
gr_label_is_word(const char *t, size_t tlen, const char *const *words)
{
	return gr_label_word_len(t, tlen, words) > 0;
}

/*
 * The column a header text names among cols (indexes into defs), for the
 * row's own labels first.  Returns a bit set of candidate positions in
 * cols: one bit for an exact name, several for a truncated one (本年新 →
 * 本年新制作数量 or 本年新公开数量).
 */
static unsigned
label_header(const char *t, size_t tlen, const gr_coldef *defs, const int *cols, int ncols,
			 const gr_rowdef *row, bool *is_exact)
{
	unsigned	exact = 0,
				partial = 0;

	for (int i = 0; i < ncols; i++)
	{
		const char *const *labels = defs[cols[i]].labels;
		int			nl = GR_MAX_LABELS;

		for (int pass = 0; pass < 2; pass++)
		{
			if (pass == 1)
			{
				if (row == NULL)
					break;
				labels = row->own_labels;
				nl = 4;
			}
			for (int a = 0; a < nl && labels[a]; a++)
			{
				const folded_label *w;

				if (pass == 1 && row->own_cols[a] != cols[i])
					continue;
				w = fold_cached(labels[a]);
				if (w == NULL)
					continue;
				if (w->len == tlen && memcmp(w->s, t, tlen) == 0)
					exact |= 1u << i;
				else if (tlen >= 6 && tlen < w->len && memcmp(w->s, t, tlen) == 0)
					partial |= 1u << i;
				else if (tlen > w->len && w->len >= 6 && tlen <= (size_t) w->len + 12 &&
						 find_bytes(t, tlen, w->s, w->len))
					partial |= 1u << i;
			}
		}
	}
	*is_exact = exact != 0;
	return exact ? exact : partial;
}

/*
 * label_header's answers for the header texts met lately, per process, as
 * gr_label_find keeps its own: the answer depends only on the column
 * definitions, the candidate columns, the row and the text, and 表二's
 * header texts are the same in report after report.  Sets of two, the
 * newer first; a longer text, or more candidates, is not kept.
 */
#define HEADER_MEMO_SETS 256	/* a power of two */
#define HEADER_MEMO_COLS 16
#define HEADER_MEMO_TEXT 64

typedef struct header_memo
{
	const gr_coldef *defs;		/* NULL: empty */
	const gr_rowdef *row;
	int8_t		ncols;
	int8_t		cols[HEADER_MEMO_COLS];
	bool		exact;
	uint32_t	len;
	unsigned	m;
	char		t[HEADER_MEMO_TEXT];
} header_memo;

static header_memo header_memos[HEADER_MEMO_SETS][2];

static bool
header_memo_holds(const header_memo *mo, const char *t, size_t tlen, const gr_coldef *defs,
				  const int *cols, int ncols, const gr_rowdef *row)
{
	if (mo->defs != defs || mo->row != row || mo->ncols != ncols || mo->len != tlen ||
		memcmp(mo->t, t, tlen) != 0)
		return false;
	for (int i = 0; i < ncols; i++)
		if (mo->cols[i] != cols[i])
			return false;
	return true;
}

unsigned
gr_label_header(const char *t, size_t tlen, const gr_coldef *defs, const int *cols, int ncols,
				const gr_rowdef *row, bool *is_exact)
{
	uint64_t	h = ((uint64_t) (uintptr_t) row << 8) ^ (uint64_t) ncols;
	header_memo *set,
			   *mo;
	bool		exact;

	if (tlen > HEADER_MEMO_TEXT || ncols > HEADER_MEMO_COLS)
	{
		unsigned	m = label_header(t, tlen, defs, cols, ncols, row, &exact);

		if (is_exact)
			*is_exact = exact;
		return m;
	}
	for (int i = 0; i < ncols; i++)
		h = (h ^ (uint64_t) (uint32_t) cols[i]) * 0x100000001B3u;
	set = header_memos[gr_text_hash(h, t, tlen) & (HEADER_MEMO_SETS - 1)];
	if (header_memo_holds(&set[0], t, tlen, defs, cols, ncols, row))
		mo = &set[0];
	else if (header_memo_holds(&set[1], t, tlen, defs, cols, ncols, row))
		mo = &set[1];
	else
	{
		unsigned	m = label_header(t, tlen, defs, cols, ncols, row, &exact);

		/* the newer first: the older of the two leaves */
		if (set[0].defs)
			set[1] = set[0];
		mo = &set[0];
		mo->defs = NULL;		/* not an answer while it is written */
		mo->m = m;
		mo->exact = exact;
		mo->row = row;
		mo->ncols = (int8_t) ncols;
		for (int i = 0; i < ncols; i++)
			mo->cols[i] = (int8_t) cols[i];
		memcpy(mo->t, t, tlen);
		mo->len = (uint32_t) tlen;
		mo->defs = defs;
	}
	if (is_exact)
		*is_exact = mo->exact;
	return mo->m;
}
