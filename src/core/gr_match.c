/*
 * gr_match.c — matching a row label that the layout broke: a label
 * wrapped onto the next line with its numbers on the first one.
 */
#include "gr_label.h"
#include "gr_read.h"

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
	const gr_tok *t = &rd->toks.v[i];
	int			j = i + 1,
				end;
	char		buf[768];
	size_t		n;

	*cont = -1;
	while (j < rd->toks.n && rd->toks.v[j].line == t->line)
		j++;
	if (j >= rd->toks.n)
		return none;
	/* the next line holds label text only (pieces of wrapped labels) */
	for (end = j; end < rd->toks.n && rd->toks.v[end].line == rd->toks.v[j].line; end++)
		if (rd->toks.v[end].kind != GR_TK_TEXT || gr_rd_is_narrative(rd, &rd->toks.v[end]))
			return none;
	n = gr_lfold(rd->doc->fold + t->f_from, t->f_to - t->f_from, buf, sizeof(buf));
	for (int k = j; k < end && k < j + 4; k++)
	{
		size_t		m = gr_lfold(rd->doc->fold + rd->toks.v[k].f_from,
								 rd->toks.v[k].f_to - rd->toks.v[k].f_from, buf + n, sizeof(buf) - n);
		gr_label_match jm = gr_label_find(rows, nrows, buf, n + m, current);

		if (jm.row >= 0 && !jm.continuation && jm.tier <= GR_LT_CONTAINS)
		{
			*cont = k;
			return jm;
		}
	}
	return none;
}
