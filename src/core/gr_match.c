/*
 * gr_match.c — matching a row label that the layout broke: a label
 * wrapped onto the next line with its numbers on the first one.
 */
#include "gr_label.h"
#include "gr_read.h"

/*
 * The pieces a wrapped label leaves on its next line: a line with more
 * cells is a row of its own, and is not scanned (a long line costs no
 * more than its length, however many labels precede it).
 */
#define GR_WRAP_PIECES 8

/*
 * A label wrapped onto the next line with its numbers on the first line
 * (pdftotext: 行政 36 8765 / 事业性收费; 3.要 8 0 50 / 求提供公开出版物):
 * the text of token i joined with the first text of the next line.  On a
 * match at least as strong as a label with more around it, *cont is the
 * token that continues the label.
 */
gr_label_match
gr_rd_join_next_line(gr_reader *rd, int i, const gr_rowdef *rows, int nrows, int current, int *cont)
{
	gr_label_match none = {-1, GR_LT_NONE, 0, false};
	const gr_tok *t = &rd->grid.v[i];
	int			j,
				end;
	char		buf[GR_LFOLD_MAX];
	size_t		n;

	*cont = -1;
	j = t->next_line;
	if (j >= rd->grid.n)
		return none;
	/* the next line holds label text only (pieces of wrapped labels), a few at most */
	for (end = j; end < rd->grid.n && rd->grid.v[end].line == rd->grid.v[j].line; end++)
		if (end - j >= GR_WRAP_PIECES || rd->grid.v[end].kind != GR_TK_TEXT ||
			gr_rd_is_narrative(rd, &rd->grid.v[end]))
			return none;
	/* the label as the walk folded it, notes and glosses left out (gr_rd_lfold) */
	n = rd->lflen < sizeof(buf) ? rd->lflen : sizeof(buf) - 1;
	memcpy(buf, rd->lf, n);
	for (int k = j; k < end && k < j + 4; k++)
	{
		size_t		m = gr_label_fold_cont(rd->doc->fold + rd->grid.v[k].f_from,
									  rd->grid.v[k].f_to - rd->grid.v[k].f_from, buf + n, sizeof(buf) - n);
		gr_label_match jm = gr_label_find(rd->ctx, rows, nrows, buf, n + m, current);

		if (jm.row >= 0 && !jm.continuation && jm.tier <= GR_LT_CONTAINS)
		{
			*cont = k;
			return jm;
		}
	}
	return none;
}
