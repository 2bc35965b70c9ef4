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
 * goes with its label.  Lines of ordinary reports are never touched.
 */

#include "gr_format.h"
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
	bool		glued;			/* the line it begins is a row's glued digits */
} cut;

typedef struct cutter
{
	cut			v[MAX_CUTS];
	int			n;
} cutter;

static void
add_cut(cutter *c, uint32_t at, bool glued)
{
	if (c->n < MAX_CUTS)
		c->v[c->n++] = (cut) {at, glued};
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

/* Where the heading of section k stands in cmp[from, to), and its length; false if not there. */
static bool
find_heading(const char *cmp, uint32_t from, uint32_t to, int k, uint32_t *at, uint32_t *len)
{
	const char *num;
	const char *off = gr_section_official((gr_section_key) k, &num);
	char		want[200];
	const char *p;

	numbered(want, sizeof(want), num, off);
	if ((p = gr_memmem(cmp + from, to - from, want)) == NULL)
		for (size_t v = 0; p == NULL && v < sizeof(heading_variants) / sizeof(heading_variants[0]); v++)
			if (strcmp(heading_variants[v][0], num) == 0)
			{
				numbered(want, sizeof(want), num, heading_variants[v][1]);
				p = gr_memmem(cmp + from, to - from, want);
			}
	if (p == NULL)
		return false;
	*at = (uint32_t) (p - cmp);
	*len = (uint32_t) strlen(want);
	return true;
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

/*
 * The cuts of a table region cmp[from, to): before each label (its
 * numbering included), and before each run of digits that follows text,
 * which is marked glued; the numbering of the next label stays with it.
 */
static void
cut_tables(gr_ctx *ctx, const char *cmp, uint32_t from, uint32_t to, cutter *c)
{
	uint32_t	i = from;

	while (i < to && c->n < MAX_CUTS)
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
			add_cut(c, i, false);
			i += l;
			continue;
		}
		if (is_digit(cmp[i]) && i > from && !is_digit(cmp[i - 1]) && cmp[i - 1] != '.' && cmp[i - 1] != ',')
		{
			uint32_t	j = i;

			while (j < to && (is_digit(cmp[j]) || ((cmp[j] == '.' || cmp[j] == ',') && j + 1 < to && is_digit(cmp[j + 1]))))
				j++;
			/* a digit run only if text came before it, not inside a label's own words (第二十条) */
			add_cut(c, i, true);
			/* …3252.没有: the last digit before "." and text numbers the next label */
			if (j < to && j - i >= 2 && (cmp[j] == '.' || gr_has_prefix(cmp + j, to - j, "、")) &&
				label_at(cmp + j - 1, to - j + 1) > 0)
				add_cut(c, j - 1, false);
			i = j;
			continue;
		}
		/* the next character: no label begins inside one (its first byte is a lead or ASCII) */
		i++;
		while (i < to && ((unsigned char) cmp[i] & 0xC0) == 0x80)
			i++;
	}
}

/*
 * The cuts in order of their offset, the order of those at one offset
 * kept (the last one decides whether its line is glued).  They come
 * nearly sorted: the headings' first, then the tables' in order, so a
 * stable insertion sort moves only the later headings past the tables.
 */
static void
sort_cuts(cutter *c)
{
	for (int i = 1; i < c->n; i++)
	{
		cut			x = c->v[i];
		int			j = i;

		for (; j > 0 && c->v[j - 1].at > x.at; j--)
			c->v[j] = c->v[j - 1];
		c->v[j] = x;
	}
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
				cut_tables(ctx, doc->cmp, t_from, at[k], c);
				t_from = at[k] + len[k];
			}
		cut_tables(ctx, doc->cmp, t_from, t_to, c);
	}
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
 * Cut the long lines that are whole reports; the document's lines are
 * replaced only when one is cut.  Each long line's cuts are planned once:
 * the lines before the first cut one are copied then, the rest appended.
 */
gr_status
gr_inline_split(gr_ctx *ctx, gr_doc *doc)
{
	cutter	   *c = NULL;
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
		if (l->c_len >= INLINE_MIN_BYTES)
		{
			if (c == NULL && (c = gr_alloc(ctx, sizeof(cutter))) == NULL)
				return ctx->err->status;
			nc = plan_cuts(ctx, doc, l, c);
			if (ctx->err->status != GR_OK)
				return ctx->err->status;
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
			uint32_t	end = k < nc ? c->v[k].at : l->c_off + l->c_len;

			if (end > start)
			{
				lines[n] = sub_line(doc, l, start, end);
				lines[n++].glued = glued;
			}
			if (k < nc && c->v[k].at >= start)
			{
				start = c->v[k].at;
				glued = c->v[k].glued;
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
