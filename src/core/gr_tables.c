/*
 * gr_tables.c — reads 表二, 表三 and 表四 from the token stream of their
 * sections into cells.
 *
 * Rows are found by their labels (gr_label.c), never by position.  The
 * values after a row label belong to that row, and they are placed into
 * its columns only when the placement is certain (spec §8.2):
 *   - as many values as columns: in order, blanks of the layout aside;
 *   - as many cells, values and blanks, as columns: by position (a layout
 *     that shows its empty cells, as seed 000 or an HTML grid does);
 *   - otherwise the row's cells stay NULL, marked unplaced, and a finding
 *     keeps what was written.
 * A value is never moved into a column the layout does not give it.
 */
#include <stdio.h>

#include "gr_format.h"
#include "gr_label.h"
#include "gr_tables.h"

typedef struct reader
{
	gr_ctx	   *ctx;
	const gr_doc *doc;
	gr_report  *rep;
	gr_toks		toks;
	char		lf[768];		/* the current token, label-folded */
	size_t		lflen;
} reader;

/* ---- helpers ---- */

static void
tok_lfold(reader *rd, const gr_tok *t)
{
	rd->lflen = gr_lfold(rd->doc->fold + t->f_from, t->f_to - t->f_from, rd->lf, sizeof(rd->lf));
}

/* The original text of a token. */
static gr_str
tok_raw(const gr_doc *doc, const gr_tok *t)
{
	uint32_t	s_from,
				s_to;
	int			n;

	if (t->f_to <= t->f_from)
		return gr_doc_src_span(doc, doc->f2s[t->f_from], doc->f2s[t->f_from]);
	s_from = doc->f2s[t->f_from];
	s_to = doc->f2s[t->f_to - 1];
	n = gr_utf8_seqlen((unsigned char) doc->src[s_to]);
	s_to += n ? (uint32_t) n : 1;
	return gr_trim_src(gr_doc_src_span(doc, s_from, s_to));
}

/* A sentence, not a cell: the narrative around a table. */
static bool
tok_is_narrative(const reader *rd, const gr_tok *t)
{
	return gr_memmem(rd->doc->fold + t->f_from, t->f_to - t->f_from, "。") != NULL ||
		gr_utf8_chars(rd->doc->fold + t->f_from, t->f_to - t->f_from) > 70;
}

static int
state_rank(gr_cell_state s)
{
	static const int rank[] = {
		[GR_CELL_ABSENT] = 0, [GR_CELL_UNPLACED] = 1, [GR_CELL_BLANK] = 2,
		[GR_CELL_TEXT] = 3, [GR_CELL_DASH] = 4, [GR_CELL_NUMBER] = 5
	};

	return rank[s];
}

/* Set a cell from a token, unless the cell already holds something better. */
static void
set_cell(reader *rd, int key, const gr_tok *t, gr_cell_state st)
{
	gr_cell    *c;

	if (key < 0)
		return;
	c = &rd->rep->cells[key];
	if (state_rank(st) <= state_rank(c->state))
		return;
	memset(c, 0, sizeof(*c));
	c->state = st;
	if (t)
	{
		c->raw = tok_raw(rd->doc, t);
		c->line = rd->doc->lines[t->line].lineno;
		if (st == GR_CELL_NUMBER)
		{
			c->mant = t->v.mant;
			c->scale = t->v.scale;
			if (t->v.unit_len)
			{
				uint32_t	a = rd->doc->f2s[t->v.unit_off];
				uint32_t	b = rd->doc->f2s[t->v.unit_off + t->v.unit_len - 1];

				c->unit = gr_doc_src_span(rd->doc, a, b + (uint32_t) gr_utf8_seqlen((unsigned char) rd->doc->src[b]));
				/*
				 * Money cells hold 万元.  An amount written in 元 (251000元,
				 * 上海市政府办公厅 2019) is the same amount: 25.1 万元.  The
				 * raw text and the unit keep what was written.
				 */
				if (gr_keydefs()[key].kind == GR_KIND_MONEY && t->v.unit_len == strlen("元") &&
					memcmp(rd->doc->fold + t->v.unit_off, "元", strlen("元")) == 0 && c->scale <= 8)
					c->scale += 4;
			}
		}
	}
}

static gr_cell_state
tok_state(const gr_tok *t)
{
	switch (t->kind)
	{
		case GR_TK_NUM:
			return GR_CELL_NUMBER;
		case GR_TK_DASH:
			return GR_CELL_DASH;
		case GR_TK_BLANK:
			return GR_CELL_BLANK;
		default:
			return GR_CELL_TEXT;
	}
}

/* Record a finding of the parser. */
gr_finding *
gr_add_finding(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev, int line,
			   const char *fmt,...)
{
	gr_finding *f;
	char		buf[4096];
	va_list		ap;
	char	   *msg;
	size_t		n;

	if (!gr_findings_reserve(ctx, rep))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	n = gr_utf8_valid_prefix(buf, strlen(buf));	/* never a character cut in two */
	buf[n] = '\0';
	msg = gr_alloc(ctx, n + 1);
	if (!msg)
		return NULL;
	memcpy(msg, buf, n + 1);
	f = &rep->findings[rep->nfindings++];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->severity = sev;
	f->message.ptr = msg;
	f->message.len = (uint32_t) n;
	f->line = line;
	return f;
}

/* The raw text of the values of a row, joined by spaces, for a finding. */
static gr_str
values_raw(reader *rd, const int *vals, int n)
{
	gr_str		res = {"", 0};
	size_t		total = 0;
	char	   *buf;

	/* empty cells at either end say nothing */
	while (n > 0 && rd->toks.v[vals[n - 1]].kind == GR_TK_BLANK)
		n--;
	while (n > 0 && rd->toks.v[vals[0]].kind == GR_TK_BLANK)
	{
		vals++;
		n--;
	}

	for (int i = 0; i < n; i++)
		total += tok_raw(rd->doc, &rd->toks.v[vals[i]]).len + 4;	/* a space, and □ for an empty cell */
	buf = gr_alloc(rd->ctx, total + 1);
	if (!buf)
		return res;
	for (int i = 0; i < n; i++)
	{
		gr_str		r = tok_raw(rd->doc, &rd->toks.v[vals[i]]);

		if (i)
			buf[res.len++] = ' ';
		if (r.len == 0)
		{
			memcpy(buf + res.len, "□", 3);	/* an empty cell */
			res.len += 3;
		}
		else
		{
			memcpy(buf + res.len, r.ptr, r.len);
			res.len += r.len;
		}
	}
	res.ptr = buf;
	return res;
}

/*
 * Place the values of one row into its columns (keys[], -1 for a column
 * that has no cell for this row).  vals are token indexes.
 */
static void
place_row(reader *rd, const char *table_name, gr_str row_label, const int *keys, int ncols,
		  const int *vals, int n, int label_line, bool align_right, const int *col_slots)
{
	int			nv = 0;

	for (int i = 0; i < n; i++)
		if (rd->toks.v[vals[i]].kind != GR_TK_BLANK)
			nv++;

	if (nv == ncols && nv > 0)
	{
		int			j = 0;

		for (int i = 0; i < n; i++)
		{
			const gr_tok *t = &rd->toks.v[vals[i]];

			if (t->kind != GR_TK_BLANK)
			{
				set_cell(rd, keys[j], t, tok_state(t));
				j++;
			}
		}
		return;
	}
	if (nv == 0 && n > 0)
	{
		/* nothing but empty cells: the row is blank */
		for (int i = 0; i < ncols; i++)
			set_cell(rd, keys[i], &rd->toks.v[vals[0]], GR_CELL_BLANK);
		return;
	}
	if (n == 0)
	{
		/* a label and no cells after it: where its values went is not known */
		gr_finding *f = NULL;

		for (int i = 0; i < ncols; i++)
			if (keys[i] >= 0 && rd->rep->cells[keys[i]].state == GR_CELL_ABSENT)
			{
				rd->rep->cells[keys[i]].state = GR_CELL_UNPLACED;
				rd->rep->cells[keys[i]].line = label_line;
				if (f == NULL)
					f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-03", GR_SEV_WARNING, label_line,
									   "%s“%.*s”一行没有数值", table_name,
									   (int) row_label.len, row_label.ptr);
				if (f && f->ncells < GR_FINDING_MAX_CELLS)
					f->cells[f->ncells++] = keys[i];
			}
		return;
	}

	/*
	 * The header said in which field of a row each column stands (a tab or
	 * Markdown layout whose header cells name the columns; col_slots[ncols]
	 * is the number of fields of the header's lines): each value of a row
	 * with as many fields goes to the column of its field; empty fields
	 * elsewhere are padding.
	 */
	if (col_slots)
	{
		bool		ok = true;
		unsigned	seen = 0;
		int			target[256];

		for (int i = 0; i < n && ok && i < 256; i++)
		{
			const gr_tok *t = &rd->toks.v[vals[i]];
			int			j = -1;

			target[i] = -1;
			/* a row with more or fewer fields than the header lost some */
			if (t->slot < 0 || t->slots != col_slots[ncols])
			{
				ok = false;
				break;
			}
			for (int c = 0; c < ncols && c < 32; c++)
				if (col_slots[c] == t->slot)
					j = c;
			if (j < 0)
				ok = t->kind == GR_TK_BLANK;
			else if (seen & (1u << j))
				ok = false;
			else
			{
				seen |= 1u << j;
				target[i] = j;
			}
		}
		if (ok && n <= 256)
		{
			for (int i = 0; i < n; i++)
				if (target[i] >= 0)
					set_cell(rd, keys[target[i]], &rd->toks.v[vals[i]], tok_state(&rd->toks.v[vals[i]]));
			return;
		}
		goto unplaced;
	}
	if (n == ncols)
	{
		for (int i = 0; i < n; i++)
			set_cell(rd, keys[i], &rd->toks.v[vals[i]], tok_state(&rd->toks.v[vals[i]]));
		return;
	}

	/*
	 * Cells ended by '|', one a line (seed 002): a row's cells come first,
	 * the fillers of merged cells after them.  When everything past the
	 * row's columns is empty, the first cells are the row's.
	 */
	if (n > ncols)
	{
		bool		ok = true;

		for (int i = 0; i < n && ok; i++)
			ok = rd->toks.v[vals[i]].piped && (i < ncols || rd->toks.v[vals[i]].kind == GR_TK_BLANK);
		if (ok)
		{
			for (int i = 0; i < ncols; i++)
				set_cell(rd, keys[i], &rd->toks.v[vals[i]], tok_state(&rd->toks.v[vals[i]]));
			return;
		}
	}

	/*
	 * An HTML grid says where each cell is: the values of 表三 and 表四 are
	 * the last columns of their grid row, whatever spans the labels have.
	 */
	if (align_right && rd->doc->html)
	{
		bool		ok = true;
		unsigned	seen = 0;

		for (int i = 0; i < n && ok; i++)
		{
			const gr_tok *t = &rd->toks.v[vals[i]];
			int			idx = ncols - (t->slots - t->slot);

			if (t->slot < 0 || idx >= ncols || idx >= 32)
				ok = false;
			else if (idx < 0)
				ok = t->kind == GR_TK_BLANK;	/* a slot the label spans */
			else if (seen & (1u << idx))
				ok = false;
			else
				seen |= 1u << idx;
		}
		if (ok)
		{
			for (int i = 0; i < n; i++)
			{
				const gr_tok *t = &rd->toks.v[vals[i]];
				int			idx = ncols - (t->slots - t->slot);

				if (idx >= 0)
					set_cell(rd, keys[idx], t, tok_state(t));
			}
			return;
		}
	}

	/* the columns of these values cannot be proved */
unplaced:
	{
		gr_str		raw = values_raw(rd, vals, n);
		gr_finding *f;

		for (int i = 0; i < ncols; i++)
			if (keys[i] >= 0 && state_rank(rd->rep->cells[keys[i]].state) < state_rank(GR_CELL_UNPLACED))
			{
				rd->rep->cells[keys[i]].state = GR_CELL_UNPLACED;
				rd->rep->cells[keys[i]].raw = raw;
				rd->rep->cells[keys[i]].line = rd->doc->lines[rd->toks.v[vals[0]].line].lineno;
			}
		f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-01", GR_SEV_WARNING,
						   rd->doc->lines[rd->toks.v[vals[0]].line].lineno,
						   "%s“%.*s”一行有%d个数值、%d个单元格，应有%d列，无法确定各数值所在列，未填入：%.*s",
						   table_name, (int) row_label.len, row_label.ptr, nv, n, ncols, (int) raw.len, raw.ptr);
		if (f)
		{
			f->raw = raw;
			for (int i = 0; i < ncols && f->ncells < GR_FINDING_MAX_CELLS; i++)
				if (keys[i] >= 0)
					f->cells[f->ncells++] = keys[i];
		}
	}
}

/*
 * A label wrapped onto the next line with its numbers on the first line
 * (pdftotext: 行政 36 8765 / 事业性收费; 3.要 8 0 50 / 求提供公开出版物):
 * the text of token i joined with the first text of the next line.  On a
 * match at least as strong as a label with more around it, *cont is the
 * token that continues the label.
 */
static gr_label_match
join_next_line(reader *rd, int i, const gr_rowdef *rows, int nrows, int current, int *cont)
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
		if (rd->toks.v[end].kind != GR_TK_TEXT || tok_is_narrative(rd, &rd->toks.v[end]))
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

/* ---- 表三 ---- */

static void
read_t3(reader *rd, int from, int to)
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
			if (tok_is_narrative(rd, t))
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
				tok_lfold(rd, t);
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
						rd->toks.v[j].kind == GR_TK_TEXT && !tok_is_narrative(rd, &rd->toks.v[j]))
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
					gr_label_match jm = join_next_line(rd, i, gr_t3_rows, GR_T3_NROWS, order, &cont);

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
				gr_str		raw = values_raw(rd, vals, nvals);
				gr_str		label = tok_raw(rd->doc, &rd->toks.v[cur_tok]);
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
				place_row(rd, "表三", tok_raw(rd->doc, &rd->toks.v[cur_tok]), keys, ncols, vals, nvals,
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

/* ---- 表二 ---- */

/* The columns a 表二 row has in an edition (another's where it lacks the row). */
static int
t2_default_cols(int row, gr_edition ed, int *cols)
{
	int			n = gr_t2_row_cols(row, ed, cols);

	for (int e = gr_neditions - 1; n == 0 && e >= 0; e--)
		n = gr_t2_row_cols(row, gr_editions[e].ed, cols);
	return n;
}

typedef struct t2_header
{
	uint32_t	from[8];		/* header texts, label-folded, in buf */
	uint32_t	len[8];
	int			slot[8];		/* their field in the line, -1 if the layout has none */
	int			width[8];		/* the fields of that line */
	int			n;
	char		buf[1024];
	uint32_t	used;
} t2_header;

static void
t2_header_add(t2_header *h, const char *t, size_t len, int slot, int width)
{
	if (h->n >= 8 || h->used + len > sizeof(h->buf))
		return;
	memcpy(h->buf + h->used, t, len);
	h->from[h->n] = h->used;
	h->len[h->n] = (uint32_t) len;
	h->slot[h->n] = slot;
	h->width[h->n] = width;
	h->used += (uint32_t) len;
	h->n++;
}

/* Does a header text name a column (or the start of one) of any row? */
static bool
t2_names_any_column(const char *t, size_t tlen)
{
	int			all[T2_NCOLS];

	for (int c = 0; c < T2_NCOLS; c++)
		all[c] = c;
	if (gr_label_header(t, tlen, gr_t2_cols, all, T2_NCOLS, NULL, NULL))
		return true;
	for (int r = 0; r < GR_T2_NROWS; r++)
		if (gr_t2_rows[r].own_labels[0] &&
			gr_label_header(t, tlen, gr_t2_cols, all, T2_NCOLS, &gr_t2_rows[r], NULL))
			return true;
	return false;
}

/*
 * Resolve the header texts against the columns a row can have.  Returns
 * the number of columns, with cols[i] = -1 where a header text names a
 * column this row does not have, and slots[i] the field of each; 0 when
 * the header says nothing usable.  A header word broken over cells (本年新
 * / 制作数量, seed 004) or wrapped onto the next line (本年废止 … / 件数) is
 * joined again when the joined text names a column exactly.
 */
static int
t2_header_cols(const t2_header *h, int row, int *cols, int *slots, int *width)
{
	int			cand[8];
	int			ncand = 0;
	unsigned	used = 0;
	int			known = 0;
	int			n = 0;
	bool		consumed[8] = {false};

	/* the newest edition's columns first, then those only older ones have */
	for (int e = gr_neditions - 1; e >= 0; e--)
	{
		int			ec[T2_NCOLS];
		int			nec = gr_t2_row_cols(row, gr_editions[e].ed, ec);

		for (int k = 0; k < nec; k++)
		{
			bool		dup = false;

			for (int j = 0; j < ncand; j++)
				dup |= cand[j] == ec[k];
			if (!dup && ncand < 8)
				cand[ncand++] = ec[k];
		}
	}
	for (int i = 0; i < h->n; i++)
	{
		const char *t = h->buf + h->from[i];
		bool		exact = false;
		unsigned	m;

		if (consumed[i])
			continue;
		m = gr_label_header(t, h->len[i], gr_t2_cols, cand, ncand, &gr_t2_rows[row], &exact);
		for (int k = i + 1; !exact && k < h->n; k++)
		{
			char		joined[256];
			bool		jexact = false;
			unsigned	jm;

			/* only the next text, or a piece that names nothing, may join */
			if (consumed[k] || h->len[i] + h->len[k] > sizeof(joined) ||
				(k != i + 1 && t2_names_any_column(h->buf + h->from[k], h->len[k])))
				continue;
			memcpy(joined, t, h->len[i]);
			memcpy(joined + h->len[i], h->buf + h->from[k], h->len[k]);
			jm = gr_label_header(joined, h->len[i] + h->len[k], gr_t2_cols, cand, ncand,
								 &gr_t2_rows[row], &jexact);
			if (jexact)
			{
				m = jm;
				exact = true;
				consumed[k] = true;
			}
		}
		/* a piece of a header word that joined nothing: not a column */
		if (m == 0 && !t2_names_any_column(t, h->len[i]))
			continue;
		m &= ~used;
		cols[n] = -1;
		slots[n] = h->slot[i];
		if (n == 0)
			*width = h->width[i];
		else if (*width != h->width[i])
			*width = -1;		/* header words on lines of different widths */
		for (int j = 0; j < ncand; j++)
			if (m & (1u << j))
			{
				cols[n] = cand[j];
				used |= 1u << j;
				known++;
				break;
			}
		n++;
	}
	return known ? n : 0;
}

/* A header text worth keeping: a column's name, or a piece of one (本年新 / 制作数量). */
static bool
t2_names_column(const char *t, size_t tlen)
{
	return t2_names_any_column(t, tlen) || (tlen >= 6 && tlen <= 15);
}

static void
read_t2(reader *rd, int from, int to)
{
	t2_header	hdr;
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

		if (t->kind != GR_TK_TEXT || tok_is_narrative(rd, t))
			continue;
		tok_lfold(rd, t);
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
		else if (tok_is_narrative(rd, t))
			kind = K_NARRATIVE;
		else
		{
			tok_lfold(rd, t);
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
						join_next_line(rd, i, gr_t2_rows, GR_T2_NROWS, -1, &cont) : m;

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
			if (kind == K_OTHER && in_header && t2_names_column(rd->lf, rd->lflen))
				t2_header_add(&hdr, rd->lf, rd->lflen, t->slot, t->slots);
			continue;
		}

		/* a row ends here: place it under the header in force */
		if (cur >= 0)
		{
			int			cols[8],
						keys[8],
						slots[9];
			int			width = -1;
			int			nc = t2_header_cols(&hdr, cur, cols, slots, &width);
			bool		have_slots = nc > 0 && width > 0;

			for (int c = 0; c < nc; c++)
				have_slots &= slots[c] >= 0;
			slots[nc] = width;
			if (nc == 0)
				nc = t2_default_cols(cur, ed, cols);
			for (int c = 0; c < nc; c++)
				keys[c] = cols[c] >= 0 ? gr_key_index(GR_T2, cur, cols[c]) : -1;
			place_row(rd, "表二", tok_raw(rd->doc, &rd->toks.v[cur_tok]), keys, nc, vals, nvals,
					  rd->doc->lines[cur_line].lineno, false, have_slots ? slots : NULL);
			/* a value under a header column this row does not have */
			for (int c = 0; c < nc; c++)
				if (cols[c] < 0 && nvals > 0)
				{
					gr_str		raw = values_raw(rd, vals, nvals);
					gr_finding *f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-02", GR_SEV_WARNING,
												   rd->doc->lines[cur_line].lineno,
												   "表二“%.*s”一行的数值在本行没有的列下，未填入：%.*s",
												   (int) tok_raw(rd->doc, &rd->toks.v[cur_tok]).len,
												   tok_raw(rd->doc, &rd->toks.v[cur_tok]).ptr, (int) raw.len, raw.ptr);

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
					t2_header_add(&hdr, rd->lf + skip, rd->lflen - skip, t->slot, t->slots);
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

/* ---- 表四 ---- */

static void
read_t4(reader *rd, int from, int to)
{
	int			run_start[64],
				run_len[64],
				run_group[64];
	int			nruns = 0;
	int			group = -1;
	int			last_text = -1;

	if (gr_tokenize(rd->ctx, rd->doc, from, to, &rd->toks) != GR_OK)
		return;

	/* runs of values, each with the group label seen before it */
	for (int i = 0; i < rd->toks.n; i++)
	{
		const gr_tok *t = &rd->toks.v[i];

		if (t->kind == GR_TK_TEXT)
		{
			if (tok_is_narrative(rd, t))
			{
				if (nruns > 0 && run_len[nruns - 1] > 0)
					break;		/* the narrative after the table */
				continue;
			}
			tok_lfold(rd, t);
			/* a group's label, alone or in a caption (### 行政诉讼（复议后起诉）) */
			{
				gr_label_match gm = gr_label_find(gr_t4_rows, T4_PRINTED_GROUPS, rd->lf, rd->lflen, -1);

				if (gm.row >= 0 && gm.tier <= GR_LT_CONTAINS && rd->lflen <= 3 * 24)
					group = gm.row;
			}
			last_text = i;
			continue;
		}
		if (nruns == 0 || run_start[nruns - 1] + run_len[nruns - 1] != i ||
			last_text > run_start[nruns - 1])
		{
			if (nruns == 64)
				break;
			run_start[nruns] = i;
			run_len[nruns] = 0;
			run_group[nruns] = group;
			nruns++;
		}
		run_len[nruns - 1]++;
	}

	/* drop runs of empty header cells */
	{
		int			k = 0;

		for (int r = 0; r < nruns; r++)
		{
			bool		any = false;

			for (int i = 0; i < run_len[r]; i++)
				any |= rd->toks.v[run_start[r] + i].kind != GR_TK_BLANK;
			if (any)
			{
				run_start[k] = run_start[r];
				run_len[k] = run_len[r];
				run_group[k] = run_group[r];
				k++;
			}
		}
		nruns = k;
	}
	if (nruns == 0)
		return;
	rd->rep->tables_found |= 1u << GR_T4;

	{
		int			keys[15];
		int		   *vals = gr_alloc(rd->ctx, sizeof(int) * (size_t) (rd->toks.n + 1));
		int			n = 0;

		if (!vals)
			return;
		for (int g = 0; g < T4_PRINTED_GROUPS; g++)
			for (int c = 0; c < T4_NCOLS; c++)
				keys[g * T4_NCOLS + c] = gr_key_index(GR_T4, g, c);

		/* three tables of one row each (沭阳县 2025): a run per group */
		if (nruns == 3 && run_group[0] == 0 && run_group[1] == 1 && run_group[2] == 2)
		{
			for (int r = 0; r < 3; r++)
			{
				n = 0;
				for (int i = 0; i < run_len[r]; i++)
					vals[n++] = run_start[r] + i;
				place_row(rd, "表四", (gr_str) {gr_t4_rows[r].labels[0], (uint32_t) strlen(gr_t4_rows[r].labels[0])},
						  keys + r * T4_NCOLS, T4_NCOLS, vals, n,
						  rd->doc->lines[rd->toks.v[run_start[r]].line].lineno, true, NULL);
			}
			return;
		}
		/* one row of fifteen */
		for (int r = 0; r < nruns; r++)
			for (int i = 0; i < run_len[r]; i++)
				vals[n++] = run_start[r] + i;
		if (nruns > 1)
		{
			/* several runs count only when, blanks aside, they make fifteen */
			int			nv = 0;

			for (int i = 0; i < n; i++)
				nv += rd->toks.v[vals[i]].kind != GR_TK_BLANK;
			if (nv != 15)
			{
				n = 0;
				for (int i = 0; i < run_len[nruns - 1]; i++)
					vals[n++] = run_start[nruns - 1] + i;
			}
		}
		/*
		 * Cells ended by '|' (seed 002): the fillers of the header's merged
		 * cells follow the header rows, so empty cells before the last
		 * fifteen belong to the header, not to the one row of data.
		 */
		if (n > 15)
		{
			bool		lead = true;

			for (int i = 0; i < n && lead; i++)
				lead = rd->toks.v[vals[i]].piped && (i >= n - 15 || rd->toks.v[vals[i]].kind == GR_TK_BLANK);
			if (lead)
			{
				memmove(vals, vals + (n - 15), sizeof(int) * 15);
				n = 15;
			}
		}
		place_row(rd, "表四", (gr_str) {"行政复议、行政诉讼", (uint32_t) strlen("行政复议、行政诉讼")}, keys, 15, vals, n,
				  rd->doc->lines[rd->toks.v[vals[0]].line].lineno, true, NULL);
	}
}

/* ---- the step ---- */

gr_status
gr_tables(gr_ctx *ctx, const gr_doc *doc, gr_report *rep)
{
	reader		rd;
	const gr_section *s2 = gr_section_of(rep, GR_SEC_PROACTIVE);
	const gr_section *s3 = gr_section_of(rep, GR_SEC_REQUESTS);
	const gr_section *s4 = gr_section_of(rep, GR_SEC_REVIEW);

	memset(&rd, 0, sizeof(rd));
	rd.ctx = ctx;
	rd.doc = doc;
	rd.rep = rep;
	rep->ncells = gr_nkeys();
	rep->cells = gr_alloc0(ctx, sizeof(gr_cell) * (size_t) rep->ncells);
	if (!rep->cells)
		return ctx->err->status;

	if (s2)
		read_t2(&rd, s2->first_doc_line, s2->end_doc_line);
	if (ctx->err->status == GR_OK && s3)
		read_t3(&rd, s3->first_doc_line, s3->end_doc_line);
	if (ctx->err->status == GR_OK && s4)
		read_t4(&rd, s4->first_doc_line, s4->end_doc_line);
	if (ctx->err->status != GR_OK)
		return ctx->err->status;
	gr_derive(ctx, rep);
	return GR_OK;
}
