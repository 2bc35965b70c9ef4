/*
 * gr_read_t3.c — reading 表三 from the token stream of section 三: rows
 * found by their labels (never by position), their values placed by
 * gr_place.c, the header's columns (a printed 小计, fields named by the
 * header), and what the rows show of the edition.
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

/* ---- 表三 ---- */

void
gr_read_t3(gr_reader *rd, int from, int to)
{
	int			cur = -1;		/* row being read */
	int			order = -1;		/* furthest row read, for weak labels */
	int			cur_line = -1;
	int			cur_tok = -1;
	int		   *vals;
	int			nvals = 0;
	int			cols[T3_NCOLS];
	int			ncols = T3_PRINTED_COLS;
	bool		any_row = false;
	int			votes[GR_NED] = {0};
	bool		row_done = false;
	bool		prev_pending = false;	/* the last data row had no values */
	int			col_slots[T3_NCOLS];	/* the field of each column, from the header */
	int			col_width[T3_NCOLS];	/* the fields of the line that named it */
	int			cur_slots[T3_NCOLS + 1];	/* in the order of cols[], then the width */
	bool		have_col_slots = false;
	int			orphan_line = -1;	/* a line whose label named no row */
	int			skip_tok = -1;	/* the second line of a wrapped label */

	if (gr_tokenize(rd->ctx, rd->doc, from, to, &rd->toks) != GR_OK)
		return;
	vals = gr_alloc(rd->ctx, sizeof(int) * (size_t) (rd->toks.n + 1));
	if (!vals)
		return;
	for (int c = 0; c < T3_PRINTED_COLS; c++)
		cols[c] = c;
	for (int c = 0; c < T3_NCOLS; c++)
		col_slots[c] = -1;

	for (int i = 0; i <= rd->toks.n; i++)
	{
		const gr_tok *t = i < rd->toks.n ? &rd->toks.v[i] : NULL;
		gr_label_match m = {-1, GR_LT_NONE, 0, false};

		if (t && t->kind == GR_TK_TEXT)
		{
			if (gr_rd_is_narrative(rd, t))
			{
				if (any_row)
					t = NULL;	/* the table ended */
				else
					continue;
			}
			else if (i == skip_tok)
				continue;
			else
			{
				gr_rd_lfold(rd, t);
				if (!any_row && rd->lflen == strlen("小计") && memcmp(rd->lf, "小计", rd->lflen) == 0)
				{
					/* a local variant prints the legal-person subtotal */
					ncols = 8;
					cols[6] = T3C_ORG_SUM;
					cols[7] = T3C_TOTAL;
					continue;
				}
				/* a header cell naming a column, in a layout with fields */
				if (!any_row && t->slot >= 0)
					for (int c = 0; c < T3_NCOLS; c++)
						for (int a = 0; a < GR_MAX_LABELS && gr_t3_cols[c].labels[a]; a++)
						{
							char		w[64];
							size_t		wl = gr_lfold(gr_t3_cols[c].labels[a], strlen(gr_t3_cols[c].labels[a]), w, sizeof(w));

							if (wl == rd->lflen && memcmp(w, rd->lf, wl) == 0 && col_slots[c] < 0)
							{
								col_slots[c] = t->slot;
								col_width[c] = t->slots;
							}
						}
				m = gr_label_find(gr_t3_rows, GR_T3_NROWS, rd->lf, rd->lflen, order);
				if (m.row < 0)
				{
					/*
					 * A label torn into cells of one line by a PDF (一、太白 /
					 * 言息公开申请数量, seed 001): try it joined with the
					 * text cells that follow on the line.
					 */
					int			j = i + 1;

					while (j < rd->toks.n && rd->toks.v[j].line == t->line &&
						   rd->toks.v[j].kind == GR_TK_BLANK)
						j++;
					if (j < rd->toks.n && rd->toks.v[j].line == t->line &&
						rd->toks.v[j].kind == GR_TK_TEXT && !gr_rd_is_narrative(rd, &rd->toks.v[j]))
					{
						size_t		n = gr_lfold(rd->doc->fold + rd->toks.v[j].f_from,
												 rd->toks.v[j].f_to - rd->toks.v[j].f_from,
												 rd->lf + rd->lflen, sizeof(rd->lf) - rd->lflen);
						gr_label_match jm = gr_label_find(gr_t3_rows, GR_T3_NROWS, rd->lf,
														  rd->lflen + n, order);

						if (jm.row >= 0 && !jm.continuation)
						{
							m = jm;
							i = j;
						}
					}
				}
				if (m.row < 0 && t->multi)
				{
					int			cont;
					gr_label_match jm = gr_rd_join_next_line(rd, i, gr_t3_rows, GR_T3_NROWS, order, &cont);

					if (jm.row >= 0)
					{
						m = jm;
						skip_tok = cont;
					}
				}
				if (i == skip_tok)
					continue;
				if (m.row < 0 && any_row && t->multi)
					orphan_line = t->line;	/* its numbers are not the current row's */
				if (m.row < 0 || m.continuation)
					continue;	/* header words, label pieces, a vertical group label */
				/* the label again where the row's value belongs: unreadable value */
				if (m.row == cur && nvals == 0 && t->line == cur_line && m.tier == GR_LT_EXACT)
				{
					vals[nvals++] = i;
					continue;
				}
			}
		}
		else if (t)
		{
			/* a new row of the layout after the values: what follows is not ours */
			if (t->row_start && nvals > 0)
				row_done = true;
			/*
			 * Numbers after a label that named no row (（二）部 / 分公开…
			 * wrapped by a PDF) are that label's, not the row read before.
			 */
			if (t->line == orphan_line && t->line != cur_line)
				continue;
			if (cur >= 0 && !row_done)
				vals[nvals++] = i;
			continue;
		}

		/* a new row starts (or the table ends): place the row read so far */
		if (cur >= 0 && gr_t3_rows[cur].part != GR_PK_CAPTION)
		{
			int			keys[T3_NCOLS];

			for (int c = 0; c < ncols; c++)
				keys[c] = gr_key_index(GR_T3, cur, cols[c]);
			/*
			 * Values on a row of their own, after a label that got none:
			 * the PDF put labels and numbers apart (上海市科委 2024), so
			 * the numbers may be the earlier label's.  Not placed.
			 */
			if (nvals > 0 && prev_pending && rd->toks.v[vals[0]].multi &&
				rd->toks.v[vals[0]].line != cur_line)
			{
				gr_str		raw = gr_rd_values_raw(rd, vals, nvals);
				gr_str		label = gr_tok_raw(rd->doc, &rd->toks.v[cur_tok]);
				gr_finding *f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-04", GR_SEV_WARNING,
											   rd->doc->lines[rd->toks.v[vals[0]].line].lineno,
											   "表三“%.*s”之后的数值与其标签不在同一行，且前一行缺少数值，无法确定归属，未填入：%.*s",
											   (int) label.len, label.ptr, (int) raw.len, raw.ptr);

				if (f)
					f->raw = raw;
				for (int c = 0; c < ncols; c++)
					if (keys[c] >= 0 && rd->rep->cells[keys[c]].state == GR_CELL_ABSENT)
					{
						rd->rep->cells[keys[c]].state = GR_CELL_UNPLACED;
						rd->rep->cells[keys[c]].raw = raw;
						rd->rep->cells[keys[c]].line = rd->doc->lines[rd->toks.v[vals[0]].line].lineno;
						if (f && f->ncells < GR_FINDING_MAX_CELLS)
							f->cells[f->ncells++] = keys[c];
					}
			}
			else if (!(gr_t3_rows[cur].derived && nvals == 0))
				gr_rd_place_row(rd, "表三", gr_tok_raw(rd->doc, &rd->toks.v[cur_tok]), keys, ncols, vals, nvals,
						  rd->doc->lines[cur_line].lineno, true, have_col_slots ? cur_slots : NULL);
			if (!gr_t3_rows[cur].derived)
				prev_pending = nvals == 0;
			gr_vote_row(votes, GR_T3, cur, nvals > 0);
		}
		if (t == NULL)
			break;
		if (!any_row)
		{
			/* every printed column named by a distinct header field */
			have_col_slots = true;
			for (int c = 0; c < ncols; c++)
			{
				cur_slots[c] = col_slots[cols[c]];
				if (cur_slots[c] < 0 || col_width[cols[c]] != col_width[cols[0]])
					have_col_slots = false;
				for (int d = 0; d < c; d++)
					if (cur_slots[d] == cur_slots[c])
						have_col_slots = false;
			}
			cur_slots[ncols] = col_width[cols[0]];
		}
		cur = m.row;
		cur_line = t->line;
		cur_tok = i;
		nvals = 0;
		row_done = false;
		any_row = true;
		if (!gr_t3_rows[cur].derived && gr_t3_rows[cur].part != GR_PK_CAPTION)
			order = cur > order ? cur : order;
		else if (cur > order)
			order = cur - 1;	/* a group label: its items follow */
	}
	if (any_row)
		rd->rep->tables_found |= 1u << GR_T3;
	rd->rep->edition_t3 = gr_vote_result(votes);
}
