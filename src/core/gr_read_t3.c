/*
 * gr_read_t3.c — reading 表三 from the token stream of section 三: rows
 * found by their labels (never by position), their values placed by
 * gr_place.c, the header's columns (a printed 小计, fields named by the
 * header), and what the rows show of the edition.
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

/* What the reader of 表三 knows at a token. */
typedef struct t3_state
{
	gr_reader  *rd;
	int			cur;			/* row being read, -1 before the first */
	int			order;			/* furthest row read, for weak labels */
	int			cur_line;
	int			cur_tok;
	int		   *vals;			/* token indexes of the current row's values */
	int			nvals;
	int			cols[T3_NCOLS]; /* the printed columns, in order */
	int			ncols;
	bool		any_row;
	int			votes[GR_NED];	/* what the rows show of the edition */
	bool		row_done;		/* a new layout row began after the values */
	bool		prev_pending;	/* the last data row had no values */
	int			col_slots[T3_NCOLS];	/* the field of each column, from the header */
	int			col_width[T3_NCOLS];	/* the fields of the line that named it */
	int			cur_slots[T3_NCOLS + 1];	/* in the order of cols[], then the width */
	bool		have_col_slots;
	int			orphan_line;	/* a line whose label named no row */
	int			skip_tok;		/* the second line of a wrapped label */
} t3_state;

/* A header cell before the first row: a printed 小计, or a field naming a column. */
static bool
t3_header_cell(t3_state *st, const gr_tok *t)
{
	gr_reader  *rd = st->rd;

	if (rd->lflen == strlen("小计") && memcmp(rd->lf, "小计", rd->lflen) == 0)
	{
		/* a local variant prints the legal-person subtotal */
		st->ncols = 8;
		st->cols[6] = T3C_ORG_SUM;
		st->cols[7] = T3C_TOTAL;
		return true;
	}
	if (t->slot < 0)
		return false;
	for (int c = 0; c < T3_NCOLS; c++)
		for (int a = 0; a < GR_MAX_LABELS && gr_t3_cols[c].labels[a]; a++)
			if (st->col_slots[c] < 0 && gr_label_equals(rd->lf, rd->lflen, gr_t3_cols[c].labels[a]))
			{
				st->col_slots[c] = t->slot;
				st->col_width[c] = t->slots;
			}
	return false;
}

/*
 * A label torn into cells of one line by a PDF (一、太白 / 言息公开申请数量,
 * seed 001): the label joined with the text cell that follows on the line.
 * On a match *i moves to that cell.
 */
static gr_label_match
t3_join_same_line(t3_state *st, int *i, const gr_tok *t)
{
	gr_reader  *rd = st->rd;
	gr_label_match none = {-1, GR_LT_NONE, 0, false};
	int			j = *i + 1;

	while (j < rd->toks.n && rd->toks.v[j].line == t->line && rd->toks.v[j].kind == GR_TK_BLANK)
		j++;
	if (j < rd->toks.n && rd->toks.v[j].line == t->line &&
		rd->toks.v[j].kind == GR_TK_TEXT && !gr_rd_is_narrative(rd, &rd->toks.v[j]))
	{
		size_t		n = gr_lfold(rd->doc->fold + rd->toks.v[j].f_from,
								 rd->toks.v[j].f_to - rd->toks.v[j].f_from,
								 rd->lf + rd->lflen, sizeof(rd->lf) - rd->lflen);
		gr_label_match jm = gr_label_find(gr_t3_rows, GR_T3_NROWS, rd->lf, rd->lflen + n, st->order);

		if (jm.row >= 0 && !jm.continuation)
		{
			*i = j;
			return jm;
		}
	}
	return none;
}

/* The row a text cell names: as it stands, torn on its line, or wrapped onto the next. */
static gr_label_match
t3_match(t3_state *st, int *i, const gr_tok *t)
{
	gr_label_match m = gr_label_find(gr_t3_rows, GR_T3_NROWS, st->rd->lf, st->rd->lflen, st->order);

	if (m.row < 0)
		m = t3_join_same_line(st, i, t);
	if (m.row < 0 && t->multi)
	{
		int			cont;
		gr_label_match jm = gr_rd_join_next_line(st->rd, *i, gr_t3_rows, GR_T3_NROWS, st->order, &cont);

		if (jm.row >= 0)
		{
			m = jm;
			st->skip_tok = cont;
		}
	}
	return m;
}

/* A value token: the current row's, unless a new layout row or an orphan label's. */
static void
t3_value(t3_state *st, int i, const gr_tok *t)
{
	/* a new row of the layout after the values: what follows is not ours */
	if (t->row_start && st->nvals > 0)
		st->row_done = true;
	/*
	 * Numbers after a label that named no row (（二）部 / 分公开… wrapped by
	 * a PDF) are that label's, not the row read before.
	 */
	if (t->line == st->orphan_line && t->line != st->cur_line)
		return;
	if (st->cur >= 0 && !st->row_done)
		st->vals[st->nvals++] = i;
}

/*
 * Values on a row of their own, after a label that got none: the PDF put
 * labels and numbers apart (上海市科委 2024), so the numbers may be the
 * earlier label's.  Not placed.
 */
static void
t3_values_apart(t3_state *st, const int *keys)
{
	gr_reader  *rd = st->rd;
	gr_str		raw = gr_rd_values_raw(rd, st->vals, st->nvals);
	gr_str		label = gr_tok_raw(rd->doc, &rd->toks.v[st->cur_tok]);
	int			line = rd->doc->lines[rd->toks.v[st->vals[0]].line].lineno;
	gr_finding *f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-04", GR_SEV_WARNING, line,
								   "表三“%.*s”之后的数值与其标签不在同一行，且前一行缺少数值，无法确定归属，未填入：%.*s",
								   (int) label.len, label.ptr, (int) raw.len, raw.ptr);

	if (f)
		f->raw = raw;
	for (int c = 0; c < st->ncols; c++)
		if (keys[c] >= 0 && rd->rep->cells[keys[c]].state == GR_CELL_ABSENT)
		{
			rd->rep->cells[keys[c]].state = GR_CELL_UNPLACED;
			rd->rep->cells[keys[c]].raw = raw;
			rd->rep->cells[keys[c]].line = line;
			if (f && f->ncells < GR_FINDING_MAX_CELLS)
				f->cells[f->ncells++] = keys[c];
		}
}

/* A new row starts (or the table ends): place the row read so far. */
static void
t3_end_row(t3_state *st)
{
	gr_reader  *rd = st->rd;
	const gr_rowdef *row;
	int			keys[T3_NCOLS];

	if (st->cur < 0 || gr_t3_rows[st->cur].part == GR_PK_CAPTION)
		return;
	row = &gr_t3_rows[st->cur];
	for (int c = 0; c < st->ncols; c++)
		keys[c] = gr_key_index(GR_T3, st->cur, st->cols[c]);
	if (st->nvals > 0 && st->prev_pending && rd->toks.v[st->vals[0]].multi &&
		rd->toks.v[st->vals[0]].line != st->cur_line)
		t3_values_apart(st, keys);
	else if (!(row->derived && st->nvals == 0))
		gr_rd_place_row(rd, "表三", gr_tok_raw(rd->doc, &rd->toks.v[st->cur_tok]), keys, st->ncols,
						st->vals, st->nvals, rd->doc->lines[st->cur_line].lineno, true,
						st->have_col_slots ? st->cur_slots : NULL);
	if (!row->derived)
		st->prev_pending = st->nvals == 0;
	gr_vote_row(st->votes, GR_T3, st->cur, st->nvals > 0);
}

/* Before the first row: did the header name every printed column by a distinct field? */
static void
t3_header_done(t3_state *st)
{
	st->have_col_slots = true;
	for (int c = 0; c < st->ncols; c++)
	{
		st->cur_slots[c] = st->col_slots[st->cols[c]];
		if (st->cur_slots[c] < 0 || st->col_width[st->cols[c]] != st->col_width[st->cols[0]])
			st->have_col_slots = false;
		for (int d = 0; d < c; d++)
			if (st->cur_slots[d] == st->cur_slots[c])
				st->have_col_slots = false;
	}
	st->cur_slots[st->ncols] = st->col_width[st->cols[0]];
}

static void
t3_start_row(t3_state *st, int row, int line, int tok)
{
	if (!st->any_row)
		t3_header_done(st);
	st->cur = row;
	st->cur_line = line;
	st->cur_tok = tok;
	st->nvals = 0;
	st->row_done = false;
	st->any_row = true;
	if (!gr_t3_rows[row].derived && gr_t3_rows[row].part != GR_PK_CAPTION)
		st->order = row > st->order ? row : st->order;
	else if (row > st->order)
		st->order = row - 1;	/* a group label: its items follow */
}

/*
 * A text token: the row it starts (returned), or -1 when it starts none
 * (header words, label pieces, a vertical group label, the label again
 * where the row's value belongs).
 */
static int
t3_text(t3_state *st, int *i, const gr_tok *t)
{
	gr_reader  *rd = st->rd;
	gr_label_match m;

	gr_rd_lfold(rd, t);
	if (!st->any_row && t3_header_cell(st, t))
		return -1;
	m = t3_match(st, i, t);
	if (*i == st->skip_tok)
		return -1;
	if (m.row < 0 && st->any_row && t->multi)
		st->orphan_line = t->line;	/* its numbers are not the current row's */
	if (m.row < 0 || m.continuation)
		return -1;
	/* the label again where the row's value belongs: an unreadable value */
	if (m.row == st->cur && st->nvals == 0 && t->line == st->cur_line && m.tier == GR_LT_EXACT)
	{
		st->vals[st->nvals++] = *i;
		return -1;
	}
	return m.row;
}

void
gr_read_t3(gr_reader *rd, int from, int to)
{
	t3_state	st;

	if (gr_tokenize(rd->ctx, rd->doc, from, to, &rd->toks) != GR_OK)
		return;
	memset(&st, 0, sizeof(st));
	st.rd = rd;
	st.cur = st.order = st.cur_line = st.cur_tok = st.orphan_line = st.skip_tok = -1;
	st.ncols = T3_PRINTED_COLS;
	st.vals = gr_alloc(rd->ctx, sizeof(int) * (size_t) (rd->toks.n + 1));
	if (!st.vals)
		return;
	for (int c = 0; c < T3_PRINTED_COLS; c++)
		st.cols[c] = c;
	for (int c = 0; c < T3_NCOLS; c++)
		st.col_slots[c] = -1;

	for (int i = 0; i < rd->toks.n; i++)
	{
		const gr_tok *t = &rd->toks.v[i];
		int			row;

		if (t->kind != GR_TK_TEXT)
		{
			t3_value(&st, i, t);
			continue;
		}
		if (gr_rd_is_narrative(rd, t))
		{
			if (st.any_row)
				break;			/* the table ended */
			continue;
		}
		if (i == st.skip_tok || (row = t3_text(&st, &i, t)) < 0)
			continue;
		t3_end_row(&st);
		t3_start_row(&st, row, t->line, i);
	}
	t3_end_row(&st);
	if (st.any_row)
		rd->rep->tables_found |= 1u << GR_T3;
	rd->rep->edition_t3 = gr_vote_result(st.votes);
}
