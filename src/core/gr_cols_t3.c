/*
 * gr_cols_t3.c — the column model of 表三: the seven printed columns in
 * their order (eight when a local variant prints the legal-person 小计),
 * the field of each where the header names them, and the edition the rows
 * show (（六） as one row with numbers, or its three items).
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

typedef struct t3_model
{
	int			cols[T3_NCOLS]; /* the printed columns, in order */
	int			ncols;
	int			col_slots[T3_NCOLS];	/* the field of each column, from the header */
	int			col_width[T3_NCOLS];	/* the fields of the line that named it */
	bool		started;
} t3_model;

static t3_model *
model(gr_walk *w)
{
	t3_model   *m = w->model;

	if (!m->started)
	{
		for (int c = 0; c < T3_NCOLS; c++)
		{
			m->cols[c] = c;
			m->col_slots[c] = -1;
		}
		m->ncols = T3_PRINTED_COLS;
		m->started = true;
	}
	return m;
}

/* A header cell before the first row: a printed 小计, or a field naming a column. */
static gr_hdr
t3_header(gr_walk *w, int i, const gr_tok *t, bool unmatched)
{
	gr_reader  *rd = w->rd;
	t3_model   *m = model(w);

	if (unmatched || w->nrows > 0)
		return GR_HDR_NONE;
	if (gr_label_equals(rd->lf, rd->lflen, gr_t3_cols[T3C_ORG_SUM].labels[0]))
	{
		/* a local variant prints the legal-person subtotal before 总计 */
		m->ncols = T3_PRINTED_COLS + 1;
		m->cols[T3C_TOTAL] = T3C_ORG_SUM;
		m->cols[T3C_TOTAL + 1] = T3C_TOTAL;
		return GR_HDR_TAKEN;
	}
	if (t->col < 0)
		return GR_HDR_NONE;
	for (int c = 0; c < T3_NCOLS; c++)
		for (int a = 0; a < GR_MAX_LABELS && gr_t3_cols[c].labels[a]; a++)
			if (m->col_slots[c] < 0 && gr_label_equals(rd->lf, rd->lflen, gr_t3_cols[c].labels[a]))
			{
				m->col_slots[c] = t->col;
				m->col_width[c] = gr_cell_width(&rd->grid, t);
			}
	return GR_HDR_NONE;
}

/*
 * Did the header name every printed column by a distinct field of lines of
 * one width?  Then slots[] holds the field of each, slots[ncols] the width.
 */
static bool
t3_header_slots(const t3_model *m, int *slots)
{
	for (int c = 0; c < m->ncols; c++)
	{
		slots[c] = m->col_slots[m->cols[c]];
		if (slots[c] < 0 || m->col_width[m->cols[c]] != m->col_width[m->cols[0]])
			return false;
		for (int d = 0; d < c; d++)
			if (slots[d] == slots[c])
				return false;
	}
	slots[m->ncols] = m->col_width[m->cols[0]];
	return true;
}

static void
t3_finish(gr_walk *w)
{
	t3_model   *m = model(w);
	int			slots[T3_NCOLS + 1];
	bool		have_slots = t3_header_slots(m, slots);
	int			votes[GR_NED] = {0};

	/* rows of values whose labels the text printed elsewhere (gr_loose.c); those left say so */
	gr_loose_place(w, gr_table_edition(w->rd->rep, GR_T3), m->ncols);

	for (int k = 0; k < w->nrows; k++)
	{
		const gr_read_row *r = &w->rows[k];
		const gr_rowdef *def = &gr_t3_rows[r->row];
		int			keys[T3_NCOLS];

		if (def->part == GR_PK_CAPTION)
			continue;
		for (int c = 0; c < m->ncols; c++)
			keys[c] = gr_key_index(GR_T3, r->row, m->cols[c]);
		if (r->apart || (r->off_line && r->loose_before))
			gr_walk_apart(w, r, keys, m->ncols);
		else if (!(def->derived && r->n == 0))
			gr_walk_place(w, r, keys, m->ncols, have_slots ? slots : NULL);
		gr_vote_row(votes, GR_T3, r->row, r->n > 0);
	}
	if (w->nrows > 0)
		w->rd->rep->tables_found |= 1u << GR_T3;
	w->rd->rep->edition_t3 = gr_vote_result(votes);
	gr_digits_balance(w->rd);
}

const gr_table_policy gr_t3_policy = {
	.table = GR_T3,
	.name = "表三",
	.label_rows = GR_T3_NROWS,
	.by_order = true,
	.layout_rows = true,
	.max_tier = GR_LT_SIMILAR,
	.narrative = GR_NARR_ENDS_AFTER_ROW,
	.model_size = sizeof(t3_model),
	.header = t3_header,
	.finish = t3_finish,
};
