/*
 * gr_inline_apart.c — text without line structure whose numbers stand
 * apart (a PDF's text with its line breaks lost, a page's cells joined
 * with spaces: 规章 1 0 11 行政规范性文件 8 26 66): told from glued digits
 * by where its runs begin, and its runs then made a row's cells on their
 * label's line, as any line's numbers are, never cut as glued digits.
 */
#include "gr_inline.h"

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

bool
gr_inline_runs_apart(const gr_doc *doc, const gr_line *l, const cutter *c, uint32_t t3_from, uint32_t t3_to)
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
		if ((d = gr_inline_dash_at(cmp + i, to - i)) == 0)
			return false;
	return true;
}

void
gr_inline_unglue_runs(const gr_doc *doc, uint32_t to, cutter *c)
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
			if (fb < doc->fold_len && !gr_ws(doc->fold[fb]) && gr_inline_label_at(doc->cmp + e, to - e) == 0)
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
				x->lend = x->at + gr_inline_label_at(doc->cmp + x->at, to - x->at);
				continue;
			}
			g = x->end - (fb - g);
			add_label(c, g, g + gr_inline_label_at(doc->cmp + g, to - g));
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

void
gr_inline_join_runs(cutter *c)
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
