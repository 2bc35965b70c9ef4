/*
 * gr_inline_cut.c — the cuts of a table's part of text without line
 * structure: before each label of the format (found by its first
 * character in a table of them), around a page's number where a page broke
 * inside the line, and around each run of digits after text; and the cuts
 * put in order.  What the runs then are, glued digits or numbers apart, is
 * gr_inline_apart.c's to say.
 */
#include "gr_inline.h"

/*
 * The labels of the tables by their first character, punctuation aside:
 * gr_inline_label_at runs at every character of a table region, and only the labels
 * that begin with the text's own first character can begin there.  An
 * open-addressing table maps a character to its run of labels in one
 * array; rows past GR_T3_NROWS (none in either edition) would be compared
 * always.  Made again when the format in use changes.
 */
#define LBL_MAX (3 * GR_T3_NROWS * GR_MAX_LABELS)	/* at most every label of the three tables */
#define SLOTS 1024				/* a power of two, more than twice the labels */

typedef struct first_slot
{
	uint32_t	cp;				/* 0: empty */
	uint16_t	from,
				n;				/* its labels: by_first[from, from + n) */
} first_slot;

typedef struct first_index
{
	const gr_spec *spec;
	first_slot	slot[SLOTS];
	const char *by_first[LBL_MAX];
	const char *always[LBL_MAX];	/* labels of rows past GR_T3_NROWS */
	int			nalways;
	const char *caption[LBL_MAX];	/* every table's caption words … */
	uint32_t	caption_len[LBL_MAX];	/* … and their lengths */
	int			ncaptions;
} first_index;

static first_index fidx;

static first_slot *
slot_of(uint32_t cp)
{
	uint32_t	h = (cp * 2654435761u) & (SLOTS - 1);

	while (fidx.slot[h].cp != 0 && fidx.slot[h].cp != cp)
		h = (h + 1) & (SLOTS - 1);
	return &fidx.slot[h];
}

/* Two passes over the labels: count per character, then place each in its character's run. */
static void
first_index_make(void)
{
	uint16_t	fill[SLOTS];
	int			total = 0;

	if (fidx.spec == gr_spec_active)
		return;
	memset(&fidx, 0, sizeof(fidx));
	for (int pass = 0; pass < 2; pass++)
		for (int t = GR_T2; t <= GR_T4; t++)
		{
			const gr_tabledef *td = &gr_tabledefs[t];

			for (int r = 0; r < td->nrows; r++)
				for (int a = 0; a < GR_MAX_LABELS && td->rows[r].labels[a]; a++)
				{
					const char *l = td->rows[r].labels[a];
					uint32_t	cp = gr_label_first_cp(l, strlen(l));
					first_slot *sl;

					if (r >= GR_T3_NROWS)
					{
						if (pass == 1 && fidx.nalways < LBL_MAX)
							fidx.always[fidx.nalways++] = l;
						continue;
					}
					if (cp == 0)
						continue;	/* no character of its own: it never begins a text */
					sl = slot_of(cp);
					sl->cp = cp;
					if (pass == 0)
						sl->n++;
					else
						fidx.by_first[sl->from + fill[sl - fidx.slot]++] = l;
				}
			if (pass == 1)
				for (int w = 0; td->caption_words[w] && fidx.ncaptions < LBL_MAX; w++)
				{
					fidx.caption[fidx.ncaptions] = td->caption_words[w];
					fidx.caption_len[fidx.ncaptions++] = (uint32_t) strlen(td->caption_words[w]);
				}
			if (pass == 0 && t == GR_T4)
				for (int h = 0; h < SLOTS; h++)
				{
					fidx.slot[h].from = (uint16_t) total;
					total += fidx.slot[h].n;
					fill[h] = 0;
				}
		}
	fidx.spec = gr_spec_active;
}

/* Does the compact text at p begin with one of the format's labels of the tables?  Its length. */
uint32_t
gr_inline_label_at(const char *p, uint32_t room)
{
	uint32_t	best = 0;
	uint32_t	cp = gr_label_first_cp(p, room);

	first_index_make();
	if (cp != 0)
	{
		const first_slot *sl = slot_of(cp);

		for (int i = sl->from; sl->cp == cp && i < sl->from + sl->n; i++)
		{
			size_t		n = gr_label_prefix_len(p, room, fidx.by_first[i]);

			if (n > best)
				best = (uint32_t) n;
		}
		for (int i = 0; i < fidx.nalways; i++)
		{
			size_t		n = gr_label_prefix_len(p, room, fidx.always[i]);

			if (n > best)
				best = (uint32_t) n;
		}
	}
	for (int w = 0; w < fidx.ncaptions; w++)
		if (fidx.caption_len[w] > best && room >= fidx.caption_len[w] &&
			p[0] == fidx.caption[w][0] && memcmp(p, fidx.caption[w], fidx.caption_len[w]) == 0)
			best = fidx.caption_len[w];
	return best;
}

/* Does a label of the tables begin with the character cp? */
bool
gr_inline_label_char(uint32_t cp)
{
	first_index_make();
	return slot_of(cp)->cp == cp;
}

/* The length of a dash (-, _, —, –, ―) at p, else 0. */
uint32_t
gr_inline_dash_at(const char *p, uint32_t room)
{
	if (room >= 1 && (p[0] == '-' || p[0] == '_'))
		return 1;
	if (room >= 3 && (memcmp(p, "—", 3) == 0 || memcmp(p, "–", 3) == 0 || memcmp(p, "―", 3) == 0))
		return 3;
	return 0;
}

/* The length of a dash that ends just before cmp[at], not before from; else 0. */
static uint32_t
dash_before(const char *cmp, uint32_t from, uint32_t at)
{
	if (at >= from + 1 && gr_inline_dash_at(cmp + at - 1, 1) == 1)
		return 1;
	if (at >= from + 3 && gr_inline_dash_at(cmp + at - 3, 3) == 3)
		return 3;
	return 0;
}

/*
 * Is the run of digits cmp[i, j) a page's number where the page broke
 * inside the text (-4-, — 4 —, 第 3 页, 第3页共7页)?  Its extent [*ms, *me).
 * A number between two dashes is one only with dashes on both sides (-3
 * alone is a number), the second not a minus before digits.
 */
static bool
page_mark_around(const gr_doc *doc, uint32_t from, uint32_t to, uint32_t i, uint32_t j,
				 uint32_t *ms, uint32_t *me)
{
	const char *cmp = doc->cmp;
	uint32_t	b = dash_before(cmp, from, i),
				a = gr_inline_dash_at(cmp + j, to - j);

	if (b && a)
	{
		uint32_t	f;

		*ms = i - b;
		*me = j + a;
		while (*ms > from && dash_before(cmp, from, *ms))
			*ms -= dash_before(cmp, from, *ms);
		while (*me < to && gr_inline_dash_at(cmp + *me, to - *me))
			*me += gr_inline_dash_at(cmp + *me, to - *me);
		/* a dash right before digits is their minus (--253 -28: two cells, the white space gone from cmp) */
		f = gr_doc_c2f(doc, *me - 1) + 1;
		return f >= doc->fold_len || !is_digit(doc->fold[f]);
	}
	if (i >= from + 3 && memcmp(cmp + i - 3, "第", 3) == 0 && gr_has_prefix(cmp + j, to - j, "页"))
	{
		*ms = i - 3;
		*me = j + 3;
		/* 共7页 */
		if (gr_has_prefix(cmp + *me, to - *me, "共"))
		{
			uint32_t	k = *me + 3;

			while (k < to && is_digit(cmp[k]))
				k++;
			if (k > *me + 3 && gr_has_prefix(cmp + k, to - k, "页"))
				*me = k + 3;
		}
		return true;
	}
	return false;
}

/*
 * The bytes of a parenthesis at cmp[at] that a label's printed words add
 * (行政许可(单位:件), 行政事业性收费（含行政许可、行政确认等）): a label's
 * own, so no label is looked for inside it.  Without digits, closed
 * within PAREN_MAX bytes, more than two characters inside (（一） is the
 * next label's number); else 0.
 */
#define PAREN_MAX 150
#define PAREN_MIN_INSIDE 6		/* bytes: two Chinese characters */

static uint32_t
paren_after_d(const char *cmp, uint32_t at, uint32_t to, int depth)
{
	uint32_t	i,
				open;
	uint32_t	lim = to - at > PAREN_MAX ? at + PAREN_MAX : to;

	if (at < to && cmp[at] == '(')
		open = 1;
	else if (gr_has_prefix(cmp + at, to - at, "（"))
		open = 3;
	else
		return 0;
	for (i = at + open; i < lim; i++)
	{
		uint32_t	close = cmp[i] == ')' ? 1 : gr_has_prefix(cmp + i, to - i, "）") ? 3 : 0;

		if (is_digit(cmp[i]))
			return 0;
		/*
		 * More than two characters inside, or a gloss (規(guī)章): （一)
		 * numbers the next label.  A gloss may come before the label's own
		 * parenthesis (收费(fèi)（含行政许可…）): the next is looked at too.
		 */
		if (close)
		{
			uint32_t	end = i + close;

			if (i - (at + open) <= PAREN_MIN_INSIDE &&
				!(cmp[at + open] >= 'a' && cmp[at + open] <= 'z'))
				return 0;
			return end - at + (depth < 2 ? paren_after_d(cmp, end, to, depth + 1) : 0);
		}
	}
	return 0;
}

static uint32_t
paren_after(const char *cmp, uint32_t at, uint32_t to)
{
	return paren_after_d(cmp, at, to, 0);
}

/*
 * The cuts of a table region cmp[from, to): before each label (its
 * numbering included), and before each run of digits that follows text,
 * which is marked glued; the numbering of the next label stays with it.
 */
void
gr_inline_cut_tables(gr_ctx *ctx, const gr_doc *doc, uint32_t from, uint32_t to, cutter *c)
{
	const char *cmp = doc->cmp;
	uint32_t	i = from,
				label_end = UINT32_MAX;

	while (i < to && c->n < c->cap)
	{
		uint32_t	l;

		if (gr_poll(ctx))
			return;
		l = gr_inline_label_at(cmp + i, to - i);

		if (l > 0)
		{
			/* a bracket closing what came before is not the label's (數(shù)規章) */
			while (l > 1 && (cmp[i] == ')' || cmp[i] == ']'))
			{
				i++;
				l--;
			}
			l += paren_after(cmp, i + l, to);
			add_label(c, i, i + l);
			i += l;
			label_end = i;
			continue;
		}
		if (is_digit(cmp[i]) && i > from && !is_digit(cmp[i - 1]) && cmp[i - 1] != '.' && cmp[i - 1] != ',')
		{
			uint32_t	j = i;
			uint32_t	ms,
						me;

			while (j < to && (is_digit(cmp[j]) || ((cmp[j] == '.' || cmp[j] == ',') && j + 1 < to && is_digit(cmp[j + 1]))))
				j++;
			if (page_mark_around(doc, from, to, i, j, &ms, &me))
			{
				/* a page's number where the page broke (-4-, 第 3 页): a line of its own, which the tables pass */
				add_cut(c, ms, false);
				add_cut(c, me, false);
				i = me;
				continue;
			}
			/* a digit run only if text came before it, not inside a label's own words (第二十条) */
			/* …3252.没有: the last digit before "." and text numbers the next label */
			if (j < to && j - i >= 2 && (cmp[j] == '.' || gr_has_prefix(cmp + j, to - j, "、")) &&
				(l = gr_inline_label_at(cmp + j - 1, to - j + 1)) > 0)
			{
				add_run(c, i, j - 1, i == label_end);
				add_label(c, j - 1, j - 1 + l);
			}
			else
				add_run(c, i, j, i == label_end);
			i = j;
			continue;
		}
		/*
		 * The next character: no label begins inside one (its first byte is
		 * a lead or ASCII).  Where no label begins at a mark, none begins
		 * at the marks after it either (gr_inline_label_at passes them): the run of
		 * them is passed at once.
		 */
		{
			uint32_t	lead = (uint32_t) gr_label_lead_len(cmp + i, to - i);

			i += lead > 0 ? lead : 1;
		}
		while (i < to && ((unsigned char) cmp[i] & 0xC0) == 0x80)
			i++;
	}
}

/*
 * The cuts in order of their offset, the order of those at one offset
 * kept (the last one decides whether its line is glued).  A stable merge
 * sort through the cutter's second half: the cuts come nearly sorted (the
 * headings' first, then the tables' in order) but unglue_runs appends one
 * for each run, so an insertion sort could take a hostile line's cuts
 * times themselves.  In order already: one pass.
 */
void
gr_inline_sort_cuts(cutter *c)
{
	cut		   *from = c->v,
			   *to = c->v + c->cap;
	bool		sorted = true;

	for (int i = 1; i < c->n && sorted; i++)
		sorted = c->v[i - 1].at <= c->v[i].at;
	if (sorted)
		return;
	for (int w = 1; w < c->n; w *= 2)
	{
		for (int lo = 0; lo < c->n; lo += 2 * w)
		{
			int			mid = lo + w < c->n ? lo + w : c->n,
						hi = lo + 2 * w < c->n ? lo + 2 * w : c->n,
						a = lo,
						b = mid,
						k = lo;

			while (a < mid && b < hi)
				to[k++] = from[b].at < from[a].at ? from[b++] : from[a++];
			while (a < mid)
				to[k++] = from[a++];
			while (b < hi)
				to[k++] = from[b++];
		}
		{
			cut		   *t = from;

			from = to;
			to = t;
		}
	}
	if (from != c->v)
		memcpy(c->v, from, sizeof(cut) * (size_t) c->n);
}
