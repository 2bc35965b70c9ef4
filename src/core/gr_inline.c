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
 * read as any line's are, not glued (gr_inline_apart.c).  A line that is one
 * table glued whole (gr_inline_table.c) and a heading glued to its paragraph
 * at a line's start (heading_at_start) are cut too.  The lines of an
 * ordinary report are looked at, but none of them is either, so none is
 * cut.
 */

#include "gr_inline.h"

#define INLINE_MIN_BYTES 1200	/* a line this long may be a whole report */
#define NUMERAL_BYTES 6			/* a heading's 一、 … 六、 */

/* Headings as printed besides the official wording (spec §2.3). */
static const char *const heading_variants[][2] = {
	{"四", "因政府信息公开申请行政复议、提起行政诉讼的情况"},
	{"四", "因政府信息公开申请行政复议、行政诉讼情况"},
	{"五", "政府信息公开工作存在的主要问题及改进情况"},
	{"五", "存在的主要问题及改进措施"},
};

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
	const char *p = doc->cmp + l->c_off;

	for (int k = GR_SEC_OVERVIEW; k < GR_NSECTIONS; k++)
	{
		/* the heading as find_heading knows it, here at the start; its numeral and 、 first */
		const head_words *h = heads_of(k);

		if (l->c_len <= NUMERAL_BYTES || memcmp(p, h->text[0], NUMERAL_BYTES) != 0)
			continue;
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
		return gr_inline_table_line_cuts(ctx, doc, l, c, at, len);
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
				gr_inline_cut_tables(ctx, doc, t_from, at[k], c);
				t_from = at[k] + len[k];
			}
		gr_inline_cut_tables(ctx, doc, t_from, t_to, c);
	}
	if (len[GR_SEC_REQUESTS] &&
		gr_inline_runs_apart(doc, l, c, at[GR_SEC_REQUESTS], len[GR_SEC_REVIEW] ? at[GR_SEC_REVIEW] : to))
	{
		gr_inline_unglue_runs(doc, to, c);
		gr_inline_sort_cuts(c);
		gr_inline_join_runs(c);
	}
	else
		gr_inline_sort_cuts(c);
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
		if (l->c_len >= INLINE_MIN_BYTES || (l->c_len >= TABLE_LINE_MIN && gr_inline_may_be_table(doc, l)))
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