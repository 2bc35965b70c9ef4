/*
 * gr_inline_table.c — a line that is a table glued whole (a crawler that
 * kept a page's paragraphs but glued the cells of its tables): found by
 * its runs of digits between labels of the format, then cut into its rows
 * as a whole report's tables are.
 */
#include "gr_inline.h"

/*
 * A line that is one table or two glued whole, its headings on lines of
 * their own (a crawler that kept a page's paragraphs but glued the cells
 * of its tables: 三、收到和处理政府信息公开申请情况 on a line, then
 * 一、本年新收政府信息公开申请数量230000023二、上年结转…).  Such a line
 * is the format's labels and digits: at least TABLE_ROWS_MIN runs of
 * digits (gr_inline_may_be_table, then the cuts to be sure) that stand between
 * two labels, a label's end just before and the next label just after —
 * prose has its digits followed by 件 or 条 — or 表四's header words (three
 * labels and captions at least, where a row of a table laid out in text
 * has one label) and then its fifteen cells to the line's end.  Headings
 * the line holds are cut as in a whole report.  Its cuts, or 0.
 */
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
bool
gr_inline_may_be_table(const gr_doc *doc, const gr_line *l)
{
	const char *p = doc->cmp + l->c_off;
	uint32_t	n = l->c_len,
				run = 0;
	int			before_label = 0;

	if (n < TABLE_LINE_MIN)
		return false;
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
			((cp = gr_label_first_cp(p + i + 1, n - i - 1)) != 0 && gr_inline_label_char(cp)))
			before_label++;
		run = 0;
	}
	return before_label >= TABLE_ROWS_MIN;
}

int
gr_inline_table_line_cuts(gr_ctx *ctx, const gr_doc *doc, const gr_line *l, cutter *c,
				const uint32_t *at, const uint32_t *len)
{
	uint32_t	from = l->c_off,
				to = l->c_off + l->c_len,
				t_from = from;
	int			rows = 0,
				labels = 0;

	if (!gr_inline_may_be_table(doc, l))
		return 0;
	c->n = 0;
	for (int k = GR_SEC_OVERVIEW; k < GR_NSECTIONS; k++)
		if (len[k])
		{
			add_cut(c, at[k], false);
			add_cut(c, at[k] + len[k], false);
			if (at[k] > t_from)
				gr_inline_cut_tables(ctx, doc, t_from, at[k], c);
			t_from = at[k] + len[k];
		}
	gr_inline_cut_tables(ctx, doc, t_from, to, c);
	gr_inline_sort_cuts(c);
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
	if (gr_inline_runs_apart(doc, l, c, from, to))
	{
		gr_inline_unglue_runs(doc, to, c);
		gr_inline_sort_cuts(c);
		gr_inline_join_runs(c);
	}
	return c->n;
}
