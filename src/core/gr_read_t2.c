/*
 * gr_read_t2.c — reading 表二 from the token stream of section 二: its
 * edition from the headers and rows it shows, then each row under the
 * header in force.
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

void
gr_read_t2(gr_reader *rd, int from, int to)
{
	gr_t2_header	hdr;
	bool		in_header = false;
	int			cur = -1,
				cur_line = -1,
				cur_tok = -1,
				skip_tok = -1;
	int		   *vals;
	int			nvals = 0;
	int			votes[GR_NED] = {0};
	gr_edition	ed;

	if (gr_tokenize(rd->ctx, rd->doc, from, to, &rd->toks) != GR_OK)
		return;
	vals = gr_alloc(rd->ctx, sizeof(int) * (size_t) (rd->toks.n + 1));
	if (!vals)
		return;
	memset(&hdr, 0, sizeof(hdr));

	/* first pass: the edition, from the headers and the rows present */
	for (int i = 0; i < rd->toks.n; i++)
	{
		const gr_tok *t = &rd->toks.v[i];
		int			all[T2_NCOLS];

		if (t->kind != GR_TK_TEXT || gr_rd_is_narrative(rd, t))
			continue;
		gr_rd_lfold(rd, t);
		for (int c = 0; c < T2_NCOLS; c++)
			all[c] = c;
		{
			unsigned	m = gr_label_header(rd->lf, rd->lflen, gr_t2_cols, all, T2_NCOLS, NULL, NULL);

			for (int c = 0; c < T2_NCOLS; c++)
				if (m == (1u << c))
					gr_vote_col(votes, c);
		}
		{
			gr_label_match lm = gr_label_find(gr_t2_rows, GR_T2_NROWS, rd->lf, rd->lflen, -1);

			if (lm.row >= 0 && lm.tier <= GR_LT_CONTAINS)
			{
				gr_vote_row(votes, GR_T2, lm.row, false);
				if (lm.tier == GR_LT_EXACT)
					gr_vote_label(votes, rd->lf, rd->lflen);
			}
		}
	}
	rd->rep->edition_t2 = gr_vote_result(votes);
	ed = gr_table_edition(rd->rep, GR_T2);

	for (int i = 0; i <= rd->toks.n; i++)
	{
		const gr_tok *t = i < rd->toks.n ? &rd->toks.v[i] : NULL;
		enum
		{
			K_END, K_NARRATIVE, K_CAPTION, K_HEADER, K_ROW, K_VALUE, K_OTHER
		}			kind;
		gr_label_match m = {-1, GR_LT_NONE, 0, false};
		size_t		skip = 0;

		if (t == NULL)
			kind = K_END;
		else if (t->kind != GR_TK_TEXT)
			kind = K_VALUE;
		else if (gr_rd_is_narrative(rd, t))
			kind = K_NARRATIVE;
		else
		{
			gr_rd_lfold(rd, t);
			if (gr_label_is_word(rd->lf, rd->lflen, gr_tabledefs[GR_T2].caption_words))
				kind = K_CAPTION;
			else if (gr_label_is_word(rd->lf, rd->lflen, gr_tabledefs[GR_T2].header_words))
			{
				kind = K_HEADER;
				/* 信息内容 本年处理决定数量 in one cell (seed 001) */
				skip = strlen("信息内容");
				while (rd->lflen - skip >= strlen("信息内容") &&
					   memcmp(rd->lf + skip, "信息内容", strlen("信息内容")) == 0)
					skip += strlen("信息内容");
			}
			else
			{
				m = gr_label_find(gr_t2_rows, GR_T2_NROWS, rd->lf, rd->lflen, -1);
				if (m.row >= 0 && m.tier <= GR_LT_PART && !(m.tier == GR_LT_PART && rd->lflen < 6))
					kind = K_ROW;
				else if (i == skip_tok)
					continue;	/* the second line of a wrapped label */
				else
				{
					int			cont;
					gr_label_match jm = t->multi ?
						gr_rd_join_next_line(rd, i, gr_t2_rows, GR_T2_NROWS, -1, &cont) : m;

					if (t->multi && jm.row >= 0)
					{
						m = jm;
						skip_tok = cont;
						kind = K_ROW;
					}
					else
						kind = K_OTHER;
				}
			}
		}

		if (kind == K_VALUE)
		{
			if (cur >= 0)
				vals[nvals++] = i;
			continue;
		}
		/* the label again where the value belongs (seed 001: 行政许可 / 行 政许可) */
		if (kind == K_ROW && m.row == cur && nvals == 0 && t->line == cur_line)
		{
			vals[nvals++] = i;
			continue;
		}
		if (kind == K_OTHER || (kind == K_NARRATIVE && cur < 0))
		{
			if (kind == K_OTHER && in_header && gr_t2_names_column(rd->lf, rd->lflen))
				gr_t2_header_add(&hdr, rd->lf, rd->lflen, t->slot, t->slots);
			continue;
		}

		/* a row ends here: place it under the header in force */
		if (cur >= 0)
		{
			int			cols[8],
						keys[8],
						slots[9];
			int			width = -1;
			int			nc = gr_t2_header_cols(&hdr, cur, cols, slots, &width);
			bool		have_slots = nc > 0 && width > 0;

			for (int c = 0; c < nc; c++)
				have_slots &= slots[c] >= 0;
			slots[nc] = width;
			if (nc == 0)
				nc = gr_t2_default_cols(cur, ed, cols);
			for (int c = 0; c < nc; c++)
				keys[c] = cols[c] >= 0 ? gr_key_index(GR_T2, cur, cols[c]) : -1;
			gr_rd_place_row(rd, "表二", gr_tok_raw(rd->doc, &rd->toks.v[cur_tok]), keys, nc, vals, nvals,
					  rd->doc->lines[cur_line].lineno, false, have_slots ? slots : NULL);
			/* a value under a header column this row does not have */
			for (int c = 0; c < nc; c++)
				if (cols[c] < 0 && nvals > 0)
				{
					gr_str		raw = gr_rd_values_raw(rd, vals, nvals);
					gr_finding *f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-02", GR_SEV_WARNING,
												   rd->doc->lines[cur_line].lineno,
												   "表二“%.*s”一行的数值在本行没有的列下，未填入：%.*s",
												   (int) gr_tok_raw(rd->doc, &rd->toks.v[cur_tok]).len,
												   gr_tok_raw(rd->doc, &rd->toks.v[cur_tok]).ptr, (int) raw.len, raw.ptr);

					if (f)
						f->raw = raw;
					break;
				}
			rd->rep->tables_found |= 1u << GR_T2;
		}
		cur = -1;
		nvals = 0;

		switch (kind)
		{
			case K_CAPTION:
				in_header = false;
				hdr.n = 0;
				hdr.used = 0;
				break;
			case K_HEADER:
				in_header = true;
				hdr.n = 0;
				hdr.used = 0;
				if (rd->lflen > skip)
					gr_t2_header_add(&hdr, rd->lf + skip, rd->lflen - skip, t->slot, t->slots);
				break;
			case K_ROW:
				in_header = false;
				cur = m.row;
				cur_line = t->line;
				cur_tok = i;
				break;
			default:
				break;
		}
		if (kind == K_END)
			break;
	}
}
