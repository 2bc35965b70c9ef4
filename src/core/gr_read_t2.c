/*
 * gr_read_t2.c — reading 表二 from the token stream of section 二: its
 * edition from the headers and rows it shows, then each row under the
 * header in force.
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

/* What the reader of 表二 knows at a token. */
typedef struct t2_state
{
	gr_reader  *rd;
	gr_edition	ed;				/* the edition the table follows */
	gr_t2_header hdr;			/* the header in force */
	bool		in_header;
	int			cur;			/* row being read, -1 for none */
	int			cur_line;
	int			cur_tok;
	int			skip_tok;		/* the second line of a wrapped label */
	int		   *vals;
	int			nvals;
} t2_state;

typedef enum t2_kind
{
	K_END, K_NARRATIVE, K_CAPTION, K_HEADER, K_ROW, K_VALUE, K_OTHER, K_SKIP
} t2_kind;

/* First pass: the edition, from the headers and the rows the table shows. */
static void
t2_vote_edition(gr_reader *rd)
{
	int			votes[GR_NED] = {0};
	int			all[T2_NCOLS];

	for (int c = 0; c < T2_NCOLS; c++)
		all[c] = c;
	for (int i = 0; i < rd->toks.n; i++)
	{
		const gr_tok *t = &rd->toks.v[i];
		unsigned	m;
		gr_label_match lm;

		if (t->kind != GR_TK_TEXT || gr_rd_is_narrative(rd, t))
			continue;
		gr_rd_lfold(rd, t);
		m = gr_label_header(rd->lf, rd->lflen, gr_t2_cols, all, T2_NCOLS, NULL, NULL);
		for (int c = 0; c < T2_NCOLS; c++)
			if (m == (1u << c))
				gr_vote_col(votes, c);
		lm = gr_label_find(gr_t2_rows, GR_T2_NROWS, rd->lf, rd->lflen, -1);
		if (lm.row >= 0 && lm.tier <= GR_LT_CONTAINS)
		{
			gr_vote_row(votes, GR_T2, lm.row, false);
			if (lm.tier == GR_LT_EXACT)
				gr_vote_label(votes, rd->lf, rd->lflen);
		}
	}
	rd->rep->edition_t2 = gr_vote_result(votes);
}

/* A text cell: a row's label (as it stands or wrapped onto the next line), or other text. */
static t2_kind
t2_text_kind(t2_state *st, int i, const gr_tok *t, gr_label_match *m)
{
	gr_reader  *rd = st->rd;
	int			cont;
	gr_label_match jm;

	*m = gr_label_find(gr_t2_rows, GR_T2_NROWS, rd->lf, rd->lflen, -1);
	if (m->row >= 0 && m->tier <= GR_LT_PART && !(m->tier == GR_LT_PART && rd->lflen < 6))
		return K_ROW;
	if (i == st->skip_tok)
		return K_SKIP;			/* the second line of a wrapped label */
	if (!t->multi)
		return K_OTHER;
	jm = gr_rd_join_next_line(rd, i, gr_t2_rows, GR_T2_NROWS, -1, &cont);
	if (jm.row < 0)
		return K_OTHER;
	*m = jm;
	st->skip_tok = cont;
	return K_ROW;
}

/*
 * What a token is.  For a header, *skip is the length of the header
 * words at its start (信息内容 本年处理决定数量 in one cell, seed 001).
 */
static t2_kind
t2_classify(t2_state *st, int i, const gr_tok *t, gr_label_match *m, size_t *skip)
{
	gr_reader  *rd = st->rd;
	const gr_tabledef *td = &gr_tabledefs[GR_T2];
	size_t		w;

	*skip = 0;
	if (t == NULL)
		return K_END;
	if (t->kind != GR_TK_TEXT)
		return K_VALUE;
	if (gr_rd_is_narrative(rd, t))
		return K_NARRATIVE;
	gr_rd_lfold(rd, t);
	if (gr_label_is_word(rd->lf, rd->lflen, td->caption_words))
		return K_CAPTION;
	if ((w = gr_label_word_len(rd->lf, rd->lflen, td->header_words)) > 0)
	{
		*skip = w;
		while ((w = gr_label_word_len(rd->lf + *skip, rd->lflen - *skip, td->header_words)) > 0)
			*skip += w;
		return K_HEADER;
	}
	return t2_text_kind(st, i, t, m);
}

/* A value under a header column this row does not have: reported, not placed. */
static void
t2_foreign_column(t2_state *st)
{
	gr_reader  *rd = st->rd;
	gr_str		raw = gr_rd_values_raw(rd, st->vals, st->nvals);
	gr_str		label = gr_tok_raw(rd->doc, &rd->toks.v[st->cur_tok]);
	gr_finding *f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-02", GR_SEV_WARNING,
								   rd->doc->lines[st->cur_line].lineno,
								   "表二“%.*s”一行的数值在本行没有的列下，未填入：%.*s",
								   (int) label.len, label.ptr, (int) raw.len, raw.ptr);

	if (f)
		f->raw = raw;
}

/* A row ends: place it under the header in force, or in its edition's columns. */
static void
t2_end_row(t2_state *st)
{
	gr_reader  *rd = st->rd;
	int			cols[8],
				keys[8],
				slots[9];
	int			width = -1;
	int			nc;
	bool		have_slots;

	if (st->cur < 0)
		return;
	nc = gr_t2_header_cols(&st->hdr, st->cur, cols, slots, &width);
	have_slots = nc > 0 && width > 0;
	for (int c = 0; c < nc; c++)
		have_slots &= slots[c] >= 0;
	slots[nc] = width;
	if (nc == 0)
		nc = gr_t2_default_cols(st->cur, st->ed, cols);
	for (int c = 0; c < nc; c++)
		keys[c] = cols[c] >= 0 ? gr_key_index(GR_T2, st->cur, cols[c]) : -1;
	gr_rd_place_row(rd, "表二", gr_tok_raw(rd->doc, &rd->toks.v[st->cur_tok]), keys, nc, st->vals,
					st->nvals, rd->doc->lines[st->cur_line].lineno, false, have_slots ? slots : NULL);
	for (int c = 0; c < nc && st->nvals > 0; c++)
		if (cols[c] < 0)
		{
			t2_foreign_column(st);
			break;
		}
	rd->rep->tables_found |= 1u << GR_T2;
}

/* After a row ended: what a caption, a header or a row label starts. */
static void
t2_begin(t2_state *st, t2_kind kind, int i, const gr_tok *t, gr_label_match m, size_t skip)
{
	gr_reader  *rd = st->rd;

	st->cur = -1;
	st->nvals = 0;
	if (kind == K_CAPTION || kind == K_HEADER)
	{
		st->in_header = kind == K_HEADER;
		st->hdr.n = 0;
		st->hdr.used = 0;
		if (kind == K_HEADER && rd->lflen > skip)
			gr_t2_header_add(&st->hdr, rd->lf + skip, rd->lflen - skip, t->slot, t->slots);
	}
	else if (kind == K_ROW)
	{
		st->in_header = false;
		st->cur = m.row;
		st->cur_line = t->line;
		st->cur_tok = i;
	}
}

void
gr_read_t2(gr_reader *rd, int from, int to)
{
	t2_state	st;

	if (gr_tokenize(rd->ctx, rd->doc, from, to, &rd->toks) != GR_OK)
		return;
	memset(&st, 0, sizeof(st));
	st.rd = rd;
	st.cur = st.cur_line = st.cur_tok = st.skip_tok = -1;
	st.vals = gr_alloc(rd->ctx, sizeof(int) * (size_t) (rd->toks.n + 1));
	if (!st.vals)
		return;
	t2_vote_edition(rd);
	st.ed = gr_table_edition(rd->rep, GR_T2);

	for (int i = 0; i <= rd->toks.n; i++)
	{
		const gr_tok *t = i < rd->toks.n ? &rd->toks.v[i] : NULL;
		gr_label_match m = {-1, GR_LT_NONE, 0, false};
		size_t		skip;
		t2_kind		kind = t2_classify(&st, i, t, &m, &skip);

		if (kind == K_SKIP)
			continue;
		if (kind == K_VALUE)
		{
			if (st.cur >= 0)
				st.vals[st.nvals++] = i;
			continue;
		}
		/* the label again where the value belongs (seed 001: 行政许可 / 行 政许可) */
		if (kind == K_ROW && m.row == st.cur && st.nvals == 0 && t->line == st.cur_line)
		{
			st.vals[st.nvals++] = i;
			continue;
		}
		if (kind == K_OTHER || (kind == K_NARRATIVE && st.cur < 0))
		{
			if (kind == K_OTHER && st.in_header && gr_t2_names_column(rd->lf, rd->lflen))
				gr_t2_header_add(&st.hdr, rd->lf, rd->lflen, t->slot, t->slots);
			continue;
		}
		t2_end_row(&st);
		if (kind == K_END)
			break;
		t2_begin(&st, kind, i, t, m, skip);
	}
}
