/*
 * gr_inline.c — text without line structure: a site crawler's text of a
 * report page puts the whole report on one line (pingtan-*.txt), its
 * headings inline and every table row glued to its label, the cells of a
 * row glued to one another (一、本年新收政府信息公开申请数量640020470).
 *
 * Such a line is recognised by the section headings it holds inline, in
 * order.  It is then cut into the lines a reader would see: each heading
 * a line of its own; inside sections 二 to 四 (the tables) a line before
 * each row label, caption and group label of the format, and the digits
 * after a label apart from it, marked as glued: their cells are read only
 * where the arithmetic of the format leaves one reading (gr_digits.c).
 * The numbering of the next label glued to the last value (…3252.没有…)
 * goes with its label.  Text whose numbers stand apart (a PDF's text with
 * its line breaks lost: 规章 1 0 11) is cut so that each row's numbers are
 * read as any line's are, not glued (runs_apart).  A line that is one
 * table glued whole (table_line_cuts) and a heading glued to its paragraph
 * at a line's start (heading_at_start) are cut too.  The lines of an
 * ordinary report are looked at, but none of them is either, so none is
 * cut.
 */

#include "gr_format.h"
#include "gr_grid.h"
#include "gr_internal.h"
#include "gr_label.h"

#define INLINE_MIN_BYTES 1200	/* a line this long may be a whole report */
#define MAX_CUTS 4096

/* Headings as printed besides the official wording (spec §2.3). */
static const char *const heading_variants[][2] = {
	{"四", "因政府信息公开申请行政复议、提起行政诉讼的情况"},
	{"四", "因政府信息公开申请行政复议、行政诉讼情况"},
	{"五", "政府信息公开工作存在的主要问题及改进情况"},
	{"五", "存在的主要问题及改进措施"},
};

typedef struct cut
{
	uint32_t	at;				/* compact offset where a line begins */
	uint32_t	end;			/* a run of digits: where it ends (compact), else 0 */
	uint32_t	lend;			/* a label: where the format's words of it end (compact) */
	bool		glued;			/* the line it begins is a row's glued digits */
	bool		label;			/* a label of the tables (or its number) begins here */
	bool		tight;			/* a run of digits that begins where a label ends */
	bool		drop;			/* no line begins here after all (unglue_runs) */
} cut;

typedef struct cutter
{
	int			n;
	int			cap;			/* at most MAX_CUTS, and about the line's bytes (room_for) */
	cut			v[];			/* cap cuts, then cap more for sort_cuts */
} cutter;

static void
add_cut(cutter *c, uint32_t at, bool glued)
{
	if (c->n < c->cap)
		c->v[c->n++] = (cut) {at, 0, 0, glued, false, false, false};
}

/* A label of the tables begins at cmp[at], the format's words of it to lend (or its number only). */
static void
add_label(cutter *c, uint32_t at, uint32_t lend)
{
	if (c->n < c->cap)
		c->v[c->n++] = (cut) {at, 0, lend, false, true, false, false};
}

/* A run of digits after text, cmp[at, end): its line is glued unless the text keeps numbers apart. */
static void
add_run(cutter *c, uint32_t at, uint32_t end, bool tight)
{
	if (c->n < c->cap)
		c->v[c->n++] = (cut) {at, end, 0, true, false, tight, false};
}

static bool
is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* "num、title" into buf, as a heading writes it */
static void
numbered(char *buf, size_t cap, const char *num, const char *title)
{
	gr_fbuf		b;

	gr_fb_init(&b, buf, cap);
	gr_fb_puts(&b, num);
	gr_fb_puts(&b, "、");
	gr_fb_puts(&b, title);
}

/*
 * The numbered headings of each section, official first, then the
 * variants: made once (the words are the format's, the same for every
 * report).
 */
#define HEAD_MAX 4				/* per section: the official and its variants */

typedef struct head_words
{
	char		text[HEAD_MAX][160];
	uint32_t	len[HEAD_MAX];
	int			n;
} head_words;

static const head_words *
heads_of(int k)
{
	static head_words heads[GR_NSECTIONS];
	static bool made;

	if (!made)
	{
		for (int s = GR_SEC_OVERVIEW; s < GR_NSECTIONS; s++)
		{
			const char *num;
			const char *off = gr_section_official((gr_section_key) s, &num);
			head_words *h = &heads[s];

			numbered(h->text[h->n], sizeof(h->text[0]), num, off);
			h->len[h->n] = (uint32_t) strlen(h->text[h->n]);
			h->n++;
			for (size_t v = 0; v < sizeof(heading_variants) / sizeof(heading_variants[0]) && h->n < HEAD_MAX; v++)
				if (strcmp(heading_variants[v][0], num) == 0)
				{
					numbered(h->text[h->n], sizeof(h->text[0]), num, heading_variants[v][1]);
					h->len[h->n] = (uint32_t) strlen(h->text[h->n]);
					h->n++;
				}
		}
		made = true;
	}
	return &heads[k];
}

/* Where the heading of section k stands in cmp[from, to), and its length; false if not there. */
static bool
find_heading(const char *cmp, uint32_t from, uint32_t to, int k, uint32_t *at, uint32_t *len)
{
	const head_words *h = heads_of(k);

	for (int v = 0; v < h->n; v++)
	{
		const char *p = gr_memmem(cmp + from, to - from, h->text[v]);

		if (p != NULL)
		{
			*at = (uint32_t) (p - cmp);
			*len = h->len[v];
			return true;
		}
	}
	return false;
}

/*
 * The labels of the tables by their first character, punctuation aside:
 * label_at runs at every character of a table region, and only the labels
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
static uint32_t
label_at(const char *p, uint32_t room)
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

/* The length of a dash (-, _, —, –, ―) at p, else 0. */
static uint32_t
dash_at(const char *p, uint32_t room)
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
	if (at >= from + 1 && dash_at(cmp + at - 1, 1) == 1)
		return 1;
	if (at >= from + 3 && dash_at(cmp + at - 3, 3) == 3)
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
				a = dash_at(cmp + j, to - j);

	if (b && a)
	{
		uint32_t	f;

		*ms = i - b;
		*me = j + a;
		while (*ms > from && dash_before(cmp, from, *ms))
			*ms -= dash_before(cmp, from, *ms);
		while (*me < to && dash_at(cmp + *me, to - *me))
			*me += dash_at(cmp + *me, to - *me);
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
static void
cut_tables(gr_ctx *ctx, const gr_doc *doc, uint32_t from, uint32_t to, cutter *c)
{
	const char *cmp = doc->cmp;
	uint32_t	i = from,
				label_end = UINT32_MAX;

	while (i < to && c->n < c->cap)
	{
		uint32_t	l;

		if (gr_poll(ctx))
			return;
		l = label_at(cmp + i, to - i);

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
				(l = label_at(cmp + j - 1, to - j + 1)) > 0)
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
		 * at the marks after it either (label_at passes them): the run of
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

/* Does fold[f] number a label: "." or "、" not followed by a digit (5.要求…, 1、申请人…)? */
static bool
numbers_label(const gr_doc *doc, uint32_t f)
{
	const char *p = doc->fold + f;
	uint32_t	room = doc->fold_len - f;

	if (room >= 2 && p[0] == '.' && !is_digit(p[1]) && !gr_ws(p[1]))
		return true;
	return gr_has_prefix(p, room, "、");
}

/*
 * Does this text keep its numbers apart — a PDF's text or a page's cells
 * joined with their spaces (规章 1 0 11) — rather than glue them
 * (640020470, with a stray space here and there)?  Told by where its runs
 * of digits in 表三's part of the text begin: after white space, where the
 * numbers stand apart (the label, then its numbers: 一、本年新收…申请数量
 * 3001 53 0 …), and right after their label where they are glued
 * (…申请数量230 000023: the crawler's texts of the corpus have one run in
 * thirty after a space).  So: APART_MIN runs at least, three in four of
 * them after white space.  How many numbers a run holds says nothing
 * sure, since an empty cell leaves none where the numbers stand apart.
 * The runs counted are those in [t3_from, t3_to): 表三's part of a whole
 * report, or the whole of a line that is a table.  Where the numbers
 * are apart, a row with fewer numbers than cells is read as any line's
 * row is, never as digits to be cut.
 */
#define APART_MIN 4

static bool
runs_apart(const gr_doc *doc, const gr_line *l, const cutter *c, uint32_t t3_from, uint32_t t3_to)
{
	int			runs = 0,
				after_space = 0;

	/*
	 * Not a table of pipes (Markdown) joined: its rows' labels, wrapped
	 * within their cells, would stand among the numbers, and nothing but
	 * the lines the joining took away tells a label's end from the next
	 * one's start.  Nor a line whose cuts would not all fit.
	 */
	if (l->pipe || 2 * c->n + 16 > c->cap)
		return false;

	for (int k = 0; k < c->n; k++)
	{
		const cut  *x = &c->v[k];
		uint32_t	fa;

		if (x->end == 0 || x->at < t3_from || x->at >= t3_to)
			continue;
		fa = gr_doc_c2f(doc, x->at);
		runs++;
		after_space += fa > 0 && gr_ws(doc->fold[fa - 1]);
	}
	return runs >= APART_MIN && 4 * after_space >= 3 * runs;
}

/*
 * In text that keeps its numbers apart, a run of digits is a row's cells
 * like those at the end of any line (gr_grid_cell splits them): not glued,
 * on its label's line where it follows a label of the format (the line as
 * the report printed it: 3.危及“三安全一稳定” 1 0 0 0 0 0 1, or with tabs),
 * else a line of its own after the text before it (the start of a label
 * wrapped around its numbers), and the text after it (the label's rest)
 * a line of its own.  Its last number, if "." or "、" follows it, numbers the
 * next label instead (…0 0 5.要求行政机关确认或重新出 1 0 …, where the
 * label is wrapped around its own numbers and so not known whole); a run
 * that is one such number only begins its label's line.
 */
/* Is cmp[from, to) dashes only (-, _, —, –, ―)? */
static bool
dashes_only(const char *cmp, uint32_t from, uint32_t to)
{
	uint32_t	d;

	if (from >= to)
		return false;
	for (uint32_t i = from; i < to; i += d)
		if ((d = dash_at(cmp + i, to - i)) == 0)
			return false;
	return true;
}

static void
unglue_runs(const gr_doc *doc, uint32_t to, cutter *c)
{
	int			n = c->n;
	cut		   *prev = NULL;

	/*
	 * Runs with dashes alone between them are one row's numbers (6 - 11 43:
	 * an empty cell's dash, or a minus standing apart): one run, so the row
	 * is read whole as its line would be, its dashes in place.
	 */
	for (int k = 0; k < n; k++)
	{
		cut		   *x = &c->v[k];

		if (x->end == 0)
			continue;
		if (prev != NULL && dashes_only(doc->cmp, prev->end, x->at))
		{
			prev->end = x->end;
			x->end = 0;
			x->drop = true;
			continue;
		}
		prev = x;
	}

	for (int k = 0; k < n; k++)
	{
		cut		   *x = &c->v[k];
		uint32_t	fa,
					fb,
					g;

		if (x->end == 0)
			continue;
		x->glued = false;
		fa = gr_doc_c2f(doc, x->at);
		/* a minus standing apart before its digits is the number's (表二's 本年增/减: -46) */
		if (x->at > 0 && doc->cmp[x->at - 1] == '-' && fa > 0 && doc->fold[fa - 1] == '-' &&
			(fa == 1 || gr_ws(doc->fold[fa - 2])))
		{
			x->at--;
			fa--;
		}
		else if (fa > 0 && !gr_ws(doc->fold[fa - 1]) && !x->tight)
		{
			/* a number glued to the word before it (約5, 第3): a word as written, no cells of a row */
			x->end = 0;
			x->drop = true;
			continue;
		}
		fb = gr_doc_c2f(doc, x->end - 1) + 1;
		if (!numbers_label(doc, fb))
		{
			uint32_t	e = x->end;

			/*
			 * A number glued to a word (5余, 3件) is one cell as written, kept
			 * whole on the numbers' line, unless a label begins there.
			 */
			if (fb < doc->fold_len && !gr_ws(doc->fold[fb]) && label_at(doc->cmp + e, to - e) == 0)
			{
				uint32_t	f = fb;

				while (f < doc->fold_len && !gr_ws(doc->fold[f]))
					f++;
				e = e + (f - fb) < to ? e + (f - fb) : to;
			}
			add_cut(c, e, false);
		}
		else
		{
			for (g = fb; g > fa && !gr_ws(doc->fold[g - 1]); g--)
				;
			if (g == fa)
			{
				/* no value: the number of the label whose line it begins */
				x->end = 0;
				x->label = true;
				x->lend = x->at + label_at(doc->cmp + x->at, to - x->at);
				continue;
			}
			g = x->end - (fb - g);
			add_label(c, g, g + label_at(doc->cmp + g, to - g));
		}
	}
}

/*
 * After unglue_runs, the cuts in order: one at each offset (a label's
 * where one begins there), and none before a run of numbers right after
 * a label — its values stay on the label's line, as printed, with what
 * the label's printed words add to the format's at most a mark or two
 * (3.危及“三安全一稳定”: the closing quote).  After other text (表四's
 * header words, the start of a label wrapped around its numbers) the
 * numbers are a line of their own.
 */
#define JOIN_GAP 6				/* bytes of compact text: two marks of CJK punctuation */

static void
join_runs(cutter *c)
{
	int			n = 0;

	for (int k = 0; k < c->n; k++)
	{
		cut			x = c->v[k];

		if (x.drop)
			continue;
		if (n > 0 && c->v[n - 1].at == x.at)
		{
			if (x.label && !c->v[n - 1].label)
			{
				c->v[n - 1].label = true;
				c->v[n - 1].lend = x.lend;
			}
			continue;
		}
		if (x.end != 0 && n > 0 && c->v[n - 1].label && c->v[n - 1].lend > c->v[n - 1].at &&
			x.at >= c->v[n - 1].lend && x.at - c->v[n - 1].lend <= JOIN_GAP)
			continue;
		c->v[n++] = x;
	}
	c->n = n;
}

/*
 * The cuts in order of their offset, the order of those at one offset
 * kept (the last one decides whether its line is glued).  A stable merge
 * sort through the cutter's second half: the cuts come nearly sorted (the
 * headings' first, then the tables' in order) but unglue_runs appends one
 * for each run, so an insertion sort could take a hostile line's cuts
 * times themselves.  In order already: one pass.
 */
static void
sort_cuts(cutter *c)
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

/*
 * A line that is one table or two glued whole, its headings on lines of
 * their own (a crawler that kept a page's paragraphs but glued the cells
 * of its tables: 三、收到和处理政府信息公开申请情况 on a line, then
 * 一、本年新收政府信息公开申请数量230000023二、上年结转…).  Such a line
 * is the format's labels and digits: at least TABLE_ROWS_MIN runs of
 * digits (may_be_table, then cut_tables to be sure) that stand between
 * two labels, a label's end just before and the next label just after —
 * prose has its digits followed by 件 or 条 — or 表四's header words (three
 * labels and captions at least, where a row of a table laid out in text
 * has one label) and then its fifteen cells to the line's end.  Headings
 * the line holds are cut as in a whole report.  Its cuts, or 0.
 */
#define TABLE_LINE_MIN 120		/* compact bytes: the shortest glued 表四 */
#define TABLE_ROWS_MIN 3

/* Does one of the eight bytes at p hold an ASCII digit?  (Exact: x has a byte below 10.) */
static inline bool
word_has_digit(const char *p)
{
	uint64_t	w,
				x;

	memcpy(&w, p, 8);
	x = w ^ UINT64_C(0x3030303030303030);
	return ((x - UINT64_C(0x0A0A0A0A0A0A0A0A)) & ~x & UINT64_C(0x8080808080808080)) != 0;
}

/*
 * Could line l be a table glued whole?  Runs of digits that a label of
 * the tables (or a number of one: "." or "、") or the line's end follows,
 * where prose has 件, 条, 年 …: TABLE_ROWS_MIN of them, or the line ends in
 * 表四's fifteen digits.  Eight bytes at a time where they hold no digit, since most
 * lines looked at are prose.
 */
static bool
may_be_table(const gr_doc *doc, const gr_line *l)
{
	const char *p = doc->cmp + l->c_off;
	uint32_t	n = l->c_len,
				run = 0;
	int			before_label = 0;

	if (n < TABLE_LINE_MIN)
		return false;
	first_index_make();
	for (uint32_t i = 0; i < n && before_label < TABLE_ROWS_MIN; i++)
	{
		uint32_t	cp;

		if (run == 0 && i + 8 <= n && !word_has_digit(p + i))
		{
			i += 7;
			continue;
		}
		if ((unsigned char) (p[i] - '0') >= 10)
		{
			run = 0;
			continue;
		}
		run++;
		if (i + 1 < n && (unsigned char) (p[i + 1] - '0') < 10)
			continue;
		if (i + 1 == n)
		{
			/* the last row's digits end the line (and 表四's fifteen may be the whole table) */
			if (run >= T4_PRINTED_GROUPS * T4_NCOLS)
				return true;
			before_label++;
			break;
		}
		if (p[i + 1] == '.' || gr_has_prefix(p + i + 1, n - i - 1, "、") ||
			((cp = gr_label_first_cp(p + i + 1, n - i - 1)) != 0 && slot_of(cp)->cp == cp))
			before_label++;
		run = 0;
	}
	return before_label >= TABLE_ROWS_MIN;
}

static int
table_line_cuts(gr_ctx *ctx, const gr_doc *doc, const gr_line *l, cutter *c,
				const uint32_t *at, const uint32_t *len)
{
	uint32_t	from = l->c_off,
				to = l->c_off + l->c_len,
				t_from = from;
	int			rows = 0,
				labels = 0;

	if (!may_be_table(doc, l))
		return 0;
	c->n = 0;
	for (int k = GR_SEC_OVERVIEW; k < GR_NSECTIONS; k++)
		if (len[k])
		{
			add_cut(c, at[k], false);
			add_cut(c, at[k] + len[k], false);
			if (at[k] > t_from)
				cut_tables(ctx, doc, t_from, at[k], c);
			t_from = at[k] + len[k];
		}
	cut_tables(ctx, doc, t_from, to, c);
	sort_cuts(c);
	for (int k = 1; k < c->n; k++)
	{
		const cut  *r = &c->v[k],
				   *before = &c->v[k - 1];
		bool		label_after = r->end == to;

		labels += before->label;
		if (r->end == 0)
			continue;
		/* 表四: its header's words, then its fifteen cells glued to the line's end */
		if (r->end == to && r->end - r->at >= T4_PRINTED_GROUPS * T4_NCOLS && labels >= TABLE_ROWS_MIN)
			rows = TABLE_ROWS_MIN;
		if (!before->label || r->at < before->lend || r->at - before->lend > JOIN_GAP)
			continue;
		for (int m = k + 1; m < c->n && c->v[m].at <= r->end + 1 && !label_after; m++)
			label_after = c->v[m].label;
		rows += label_after;
	}
	if (rows < TABLE_ROWS_MIN)
	{
		c->n = 0;
		return 0;
	}
	if (runs_apart(doc, l, c, from, to))
	{
		unglue_runs(doc, to, c);
		sort_cuts(c);
		join_runs(c);
	}
	return c->n;
}

/*
 * A line that begins with a section's heading and goes on with its text
 * (一、总体情况2021年，我区…: a crawler that kept the page's paragraphs but
 * not the heading's own line) is cut after the heading, where the outline,
 * which takes only a short line for a heading, finds it.  Only the
 * numbered headings of the format, as find_heading knows them.  Where the
 * heading ends (compact), or 0.
 */
static uint32_t
heading_at_start(const gr_doc *doc, const gr_line *l)
{
	static const char *const numerals[] = {"一、", "二、", "三、", "四、", "五、", "六、"};
	const char *p = doc->cmp + l->c_off;

	for (int k = GR_SEC_OVERVIEW; k < GR_NSECTIONS && k - GR_SEC_OVERVIEW < 6; k++)
		if (gr_has_prefix(p, l->c_len, numerals[k - GR_SEC_OVERVIEW]))
		{
			/* the heading as find_heading knows it, here at the start */
			const head_words *h = heads_of(k);

			for (int v = 0; v < h->n; v++)
				if (h->len[v] < l->c_len && memcmp(p, h->text[v], h->len[v]) == 0)
					return l->c_off + h->len[v];
			return 0;
		}
	return 0;
}

/* Find the cuts of one long line; 0 when it is no whole report. */
static int
plan_cuts(gr_ctx *ctx, const gr_doc *doc, const gr_line *l, cutter *c)
{
	uint32_t	at[GR_NSECTIONS] = {0},
				len[GR_NSECTIONS] = {0};
	uint32_t	from = l->c_off,
				to = l->c_off + l->c_len,
				pos = from;
	int			found = 0;

	c->n = 0;
	for (int k = GR_SEC_OVERVIEW; k < GR_NSECTIONS; k++)
		if (find_heading(doc->cmp, pos, to, k, &at[k], &len[k]))
		{
			pos = at[k] + len[k];
			found++;
		}
	if (found < 3 || len[GR_SEC_PROACTIVE] == 0)
		return table_line_cuts(ctx, doc, l, c, at, len);
	if (l->c_len < INLINE_MIN_BYTES)
		return 0;
	for (int k = GR_SEC_OVERVIEW; k < GR_NSECTIONS; k++)
		if (len[k])
		{
			add_cut(c, at[k], false);
			add_cut(c, at[k] + len[k], false);
		}
	{
		uint32_t	t_from = at[GR_SEC_PROACTIVE] + len[GR_SEC_PROACTIVE];
		uint32_t	t_to = len[GR_SEC_PROBLEMS] ? at[GR_SEC_PROBLEMS] : len[GR_SEC_OTHER] ? at[GR_SEC_OTHER] : to;

		for (int k = GR_SEC_REQUESTS; k <= GR_SEC_REVIEW; k++)
			if (len[k] && at[k] > t_from && at[k] < t_to)
			{
				cut_tables(ctx, doc, t_from, at[k], c);
				t_from = at[k] + len[k];
			}
		cut_tables(ctx, doc, t_from, t_to, c);
	}
	if (len[GR_SEC_REQUESTS] &&
		runs_apart(doc, l, c, at[GR_SEC_REQUESTS], len[GR_SEC_REVIEW] ? at[GR_SEC_REVIEW] : to))
	{
		unglue_runs(doc, to, c);
		sort_cuts(c);
		join_runs(c);
	}
	else
		sort_cuts(c);
	return c->n;
}

/* The sub-line of l from compact offset a to b. */
static gr_line
sub_line(const gr_doc *doc, const gr_line *l, uint32_t a, uint32_t b)
{
	gr_line		s = *l;

	s.c_off = a;
	s.c_len = b - a;
	s.f_off = a == l->c_off ? l->f_off : gr_doc_c2f(doc, a);
	s.f_len = (b == l->c_off + l->c_len ? l->f_off + l->f_len : gr_doc_c2f(doc, b)) - s.f_off;
	s.s_off = a == l->c_off ? l->s_off : gr_doc_c2s(doc, a);
	s.s_len = (b == l->c_off + l->c_len ? l->s_off + l->s_len : gr_doc_c2s(doc, b)) - s.s_off;
	s.glued = false;
	gr_line_marks(doc, &s);
	return s;
}

/* Room in out for n more lines, by doubling; false when memory fails. */
static bool
lines_room(gr_ctx *ctx, gr_line **out, int *cap, int have, int n)
{
	int			ncap;
	gr_line    *nv;

	if (have + n <= *cap)
		return true;
	ncap = (have + n) * 2;
	if ((nv = gr_alloc(ctx, sizeof(gr_line) * (size_t) ncap)) == NULL)
		return false;
	memcpy(nv, *out, sizeof(gr_line) * (size_t) have);
	gr_release(ctx, *out, sizeof(gr_line) * (size_t) *cap);
	*out = nv;
	*cap = ncap;
	return true;
}

/*
 * A cutter with room for the cuts of a line of len compact bytes.  A
 * report's rows take a cut or three each (a label, its digits, the end of
 * its digits) of some twenty bytes of text, so a quarter of the line's
 * bytes is room to spare, up to MAX_CUTS; text made of nothing but cuts
 * (1a1a1a…) loses those past the room, as a whole report does past
 * MAX_CUTS.  The cutter before is handed back when it is too small.
 */
static bool
room_for(gr_ctx *ctx, cutter **c, uint32_t len)
{
	int			cap = len / 4 + 32 < MAX_CUTS ? (int) (len / 4) + 32 : MAX_CUTS;

	if (*c != NULL && (*c)->cap >= cap)
		return true;
	if (*c != NULL)
		gr_release(ctx, *c, sizeof(cutter) + 2 * sizeof(cut) * (size_t) (*c)->cap);
	if ((*c = gr_alloc(ctx, sizeof(cutter) + 2 * sizeof(cut) * (size_t) cap)) == NULL)
		return false;
	(*c)->n = 0;
	(*c)->cap = cap;
	return true;
}

/*
 * Cut the long lines that are whole reports; the document's lines are
 * replaced only when one is cut.  Each long line's cuts are planned once:
 * the lines before the first cut one are copied then, the rest appended.
 */
gr_status
gr_inline_split(gr_ctx *ctx, gr_doc *doc)
{
	cutter	   *c = NULL;
	const cut  *cv = NULL;		/* the cuts of the line: c's, or one */
	cut			one;
	uint32_t	heading_end;
	gr_line    *lines = NULL;
	int			n = 0,
				cap = 0;

	for (int i = 0; i < doc->nlines; i++)
	{
		const gr_line *l = &doc->lines[i];
		int			nc = 0;
		uint32_t	start = l->c_off;
		bool		glued = false;

		if (gr_poll(ctx))
			return ctx->err->status;
		/* a line too short for a whole report is looked at only if it could be a table */
		if (l->c_len >= INLINE_MIN_BYTES || (l->c_len >= TABLE_LINE_MIN && may_be_table(doc, l)))
		{
			if (!room_for(ctx, &c, l->c_len))
				return ctx->err->status;
			nc = plan_cuts(ctx, doc, l, c);
			if (ctx->err->status != GR_OK)
				return ctx->err->status;
			cv = c->v;
		}
		if (nc == 0 && l->c_len > 6 && gr_has_prefix(doc->cmp + l->c_off + 3, l->c_len - 3, "、") &&
			(heading_end = heading_at_start(doc, l)) != 0)
		{
			one = (cut) {.at = heading_end};
			cv = &one;
			nc = 1;
		}
		if (nc == 0)
		{
			if (lines != NULL)
			{
				if (!lines_room(ctx, &lines, &cap, n, 1))
					return ctx->err->status;
				lines[n++] = *l;
			}
			continue;
		}
		if (lines == NULL)
		{
			/* the first line cut: the lines before it as they are */
			cap = doc->nlines + nc + 1;
			if ((lines = gr_alloc(ctx, sizeof(gr_line) * (size_t) cap)) == NULL)
				return ctx->err->status;
			memcpy(lines, doc->lines, sizeof(gr_line) * (size_t) i);
			n = i;
		}
		if (!lines_room(ctx, &lines, &cap, n, nc + 1))
			return ctx->err->status;
		for (int k = 0; k <= nc; k++)
		{
			uint32_t	end = k < nc ? cv[k].at : l->c_off + l->c_len;

			if (end > start)
			{
				lines[n] = sub_line(doc, l, start, end);
				lines[n++].glued = glued;
			}
			if (k < nc && cv[k].at >= start)
			{
				start = cv[k].at;
				glued = cv[k].glued;
			}
		}
	}
	if (lines != NULL)
	{
		doc->lines = lines;
		doc->nlines = n;
	}
	return GR_OK;
}
