/*
 * gr_cols_t2.c — the column model of 表二: its sub-tables each have a
 * caption (第二十条第（一）项) and a header naming their columns, which
 * differ by row and edition; a row's columns are those its header names
 * (pieces of a header word broken over cells or lines joined again), else
 * the columns its edition gives it.  The edition comes from the headers
 * and rows the table shows, before any row is placed.
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

#define T2_MAX_HEADERS 32

typedef struct t2_model
{
	gr_t2_header *hdr[T2_MAX_HEADERS];	/* by header number, made when begun; the last one is
										 * reused; NULL: none (no texts) */
	gr_t2_header spare;			/* stands in when memory for a header fails */
	bool		in_header;		/* header texts are being read */
} t2_model;


/* The columns a 表二 row has in an edition (another's where it lacks the row). */
int
gr_t2_default_cols(int row, gr_edition ed, int *cols)
{
	int			n = gr_t2_row_cols(row, ed, cols);

	for (int e = gr_neditions - 1; n == 0 && e >= 0; e--)
		n = gr_t2_row_cols(row, gr_editions[e].ed, cols);
	return n;
}

void
gr_t2_header_add(gr_ctx *ctx, gr_t2_header *h, const char *t, size_t len, int slot, int width)
{
	if (h->n >= 8 || h->used + len > GR_T2_HEADER_BYTES)
		return;
	if (h->used + len > h->cap)
	{
		uint32_t	cap = h->cap * 2 + 64 > GR_T2_HEADER_BYTES ? GR_T2_HEADER_BYTES : h->cap * 2 + 64;
		char	   *nb;

		if (cap < h->used + len)
			cap = h->used + (uint32_t) len;
		if ((nb = gr_alloc(ctx, cap)) == NULL)
			return;				/* the error is set; the parse ends */
		if (h->used)
			memcpy(nb, h->buf, h->used);
		gr_release(ctx, h->buf, h->cap);
		h->buf = nb;
		h->cap = cap;
	}
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
gr_t2_names_any_column(const char *t, size_t tlen)
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
int
gr_t2_header_cols(const gr_t2_header *h, int row, int *cols, int *slots, int *width)
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
				(k != i + 1 && gr_t2_names_any_column(h->buf + h->from[k], h->len[k])))
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
		if (m == 0 && !gr_t2_names_any_column(t, h->len[i]))
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
bool
gr_t2_names_column(const char *t, size_t tlen)
{
	return gr_t2_names_any_column(t, tlen) || (tlen >= 6 && tlen <= 15);
}

/* The header in force, to write into: made when first asked for (its texts grow in it). */
static gr_t2_header *
current_header(gr_walk *w)
{
	t2_model   *m = w->model;
	gr_t2_header **h = &m->hdr[w->header < T2_MAX_HEADERS ? w->header : T2_MAX_HEADERS - 1];

	if (*h == NULL)
	{
		*h = gr_alloc(w->rd->ctx, sizeof(gr_t2_header));
		if (*h == NULL)
			return &m->spare;	/* the error is set; the parse ends */
		(*h)->n = 0;
		(*h)->buf = NULL;
		(*h)->cap = 0;
		(*h)->used = 0;
	}
	return *h;
}

/* A new header begins (a caption, or 信息内容): rows after it are its own. */
static void
begin_header(gr_walk *w, bool in_header)
{
	t2_model   *m = w->model;
	gr_t2_header *h;

	w->header++;
	h = current_header(w);
	h->n = 0;
	h->used = 0;
	m->in_header = in_header;
}

/*
 * Captions and header words begin a header; the texts after a header word
 * that name no row are its column names (信息内容 本年处理决定数量 in one
 * cell, seed 001: the words after the header word are kept).
 */
static gr_hdr
t2_header(gr_walk *w, int i, const gr_tok *t, bool unmatched)
{
	gr_reader  *rd = w->rd;
	t2_model   *m = w->model;
	const gr_tabledef *td = &gr_tabledefs[GR_T2];
	size_t		skip,
				n;

	if (unmatched)
	{
		/* header texts come before the header's first row */
		bool		rows_begun = w->nrows > 0 && w->rows[w->nrows - 1].header == w->header;

		if (m->in_header && !rows_begun && gr_t2_names_column(rd->lf, rd->lflen))
			gr_t2_header_add(rd->ctx, current_header(w), rd->lf, rd->lflen, t->col, gr_cell_width(&rd->grid, t));
		return GR_HDR_NONE;
	}
	if (gr_label_is_word(rd->lf, rd->lflen, td->caption_words))
	{
		begin_header(w, false);
		return GR_HDR_BREAK;
	}
	if ((skip = gr_label_word_len(rd->lf, rd->lflen, td->header_words)) == 0)
		return GR_HDR_NONE;
	while ((n = gr_label_word_len(rd->lf + skip, rd->lflen - skip, td->header_words)) > 0)
		skip += n;
	begin_header(w, true);
	if (rd->lflen > skip)
		gr_t2_header_add(rd->ctx, current_header(w), rd->lf + skip, rd->lflen - skip, t->col,
						 gr_cell_width(&rd->grid, t));
	return GR_HDR_BREAK;
}

/* The votes of a cell of 表二 of text s, added to votes (see gr_t2_text_votes). */
static void
count_votes(gr_ctx *ctx, const char *s, size_t len, int *votes)
{
	int			all[T2_NCOLS];
	unsigned	m;
	gr_label_match lm;
	char		t[GR_LFOLD_MAX];
	size_t		tlen = gr_label_fold(s, len, t, sizeof(t));

	for (int c = 0; c < T2_NCOLS; c++)
		all[c] = c;
	m = gr_label_header(t, tlen, gr_t2_cols, all, T2_NCOLS, NULL, NULL);
	for (int c = 0; c < T2_NCOLS; c++)
		if (m == (1u << c))
			gr_vote_col(votes, c);
	lm = gr_label_find(ctx, gr_t2_rows, GR_T2_NROWS, t, tlen, -1);
	if (lm.row >= 0 && lm.tier <= GR_LT_CONTAINS)
	{
		gr_vote_row(votes, GR_T2, lm.row, false);
		if (lm.tier == GR_LT_EXACT)
			gr_vote_label(votes, t, tlen);
	}
}

/*
 * What a text cell says of 表二's edition (a header naming a column of one
 * edition's, a row of one edition's, an edition's fingerprint) depends on
 * its text and the format alone.  The same labels come back in every
 * report, so the votes are kept for the process by text and format, as
 * gr_label.c keeps its matches: one look-up instead of the label's
 * folding, three look-ups and the votes.
 */
#define VOTE_MEMO_SETS 1024		/* a power of two */
#define VOTE_MEMO_TEXT 96

typedef struct vote_memo
{
	unsigned	gen;			/* the gr_spec_generation it was counted in; 0: empty */
	uint32_t	len;
	int8_t		votes[GR_NED];	/* a cell gives an edition a vote or two at most */
	char		t[VOTE_MEMO_TEXT];
} vote_memo;

static vote_memo vote_memos[VOTE_MEMO_SETS];

/* Add the votes of a cell of text t (as the document folded it) to votes, indexed by gr_edition. */
void
gr_t2_text_votes(gr_ctx *ctx, const char *t, size_t tlen, int *votes)
{
	vote_memo  *mo;

	if (tlen > VOTE_MEMO_TEXT)
	{
		count_votes(ctx, t, tlen, votes);
		return;
	}
	mo = &vote_memos[gr_text_hash(gr_spec_generation, t, tlen) & (VOTE_MEMO_SETS - 1)];
	if (mo->gen != gr_spec_generation || mo->len != tlen || memcmp(mo->t, t, tlen) != 0)
	{
		int			v[GR_NED] = {0};

		count_votes(ctx, t, tlen, v);
		mo->gen = 0;			/* not an answer while it is written */
		for (int e = 0; e < GR_NED; e++)
			mo->votes[e] = (int8_t) (v[e] < INT8_MAX ? v[e] : INT8_MAX);
		memcpy(mo->t, t, tlen);
		mo->len = (uint32_t) tlen;
		mo->gen = gr_spec_generation;
	}
	for (int e = 0; e < GR_NED; e++)
		votes[e] += mo->votes[e];
}

/* First pass: the edition, from the headers and the rows the table shows. */
static void
t2_vote_edition(gr_reader *rd)
{
	int			votes[GR_NED] = {0};

	for (int i = 0; i < rd->grid.n; i++)
	{
		const gr_tok *t = &rd->grid.v[i];

		if (t->kind != GR_TK_TEXT || gr_rd_is_narrative(rd, t))
			continue;
		gr_t2_text_votes(rd->ctx, rd->doc->fold + t->f_from, t->f_to - t->f_from, votes);
	}
	rd->rep->edition_t2 = gr_vote_result(votes);
}

/* A value under a header column this row does not have: reported, not placed. */
static void
t2_foreign_column(gr_walk *w, const gr_read_row *r)
{
	gr_reader  *rd = w->rd;
	gr_str		raw = gr_rd_values_raw(rd, gr_walk_vals(w, r), r->n);
	gr_str		label = gr_walk_label(w, r);
	gr_finding *f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-02", GR_SEV_WARNING,
								   gr_walk_line(w, r),
								   "表二“%.*s”一行的数值在本行没有的列下，未填入：%.*s",
								   (int) label.len, label.ptr, (int) raw.len, raw.ptr);

	if (f)
		f->raw = raw;
}

/* A row: placed under the header in force, or in its edition's columns. */
static void
t2_place(gr_walk *w, const gr_read_row *r, gr_edition ed)
{
	t2_model   *m = w->model;
	static const gr_t2_header none;
	const gr_t2_header *h = m->hdr[r->header < T2_MAX_HEADERS ? r->header : T2_MAX_HEADERS - 1];
	int			cols[8],
				keys[8],
				slots[9];
	int			width = -1;
	int			nc = gr_t2_header_cols(h ? h : &none, r->row, cols, slots, &width);
	bool		have_slots = nc > 0 && width > 0;

	for (int c = 0; c < nc; c++)
		have_slots &= slots[c] >= 0;
	slots[nc] = width;
	if (nc == 0)
		nc = gr_t2_default_cols(r->row, ed, cols);
	for (int c = 0; c < nc; c++)
		keys[c] = cols[c] >= 0 ? gr_key_index(GR_T2, r->row, cols[c]) : -1;
	if (r->apart)
		gr_walk_apart(w, r, keys, nc);
	else
		gr_walk_place(w, r, keys, nc, have_slots ? slots : NULL);
	for (int c = 0; c < nc && r->n > 0; c++)
		if (cols[c] < 0)
		{
			t2_foreign_column(w, r);
			break;
		}
}

static void
t2_finish(gr_walk *w)
{
	gr_edition	ed;

	t2_vote_edition(w->rd);
	ed = gr_table_edition(w->rd->rep, GR_T2);
	for (int k = 0; k < w->nrows; k++)
		t2_place(w, &w->rows[k], ed);
	if (w->nrows > 0)
		w->rd->rep->tables_found |= 1u << GR_T2;
}

/* No header yet: each is made when it begins (current_header). */
static void
t2_model_init(void *model)
{
	t2_model   *m = model;

	for (int k = 0; k < T2_MAX_HEADERS; k++)
		m->hdr[k] = NULL;
	m->spare.n = 0;
	m->spare.buf = NULL;
	m->spare.cap = 0;
	m->spare.used = 0;
	m->in_header = false;
}

const gr_table_policy gr_t2_policy = {
	.table = GR_T2,
	.name = "表二",
	.label_rows = GR_T2_NROWS,
	.max_tier = GR_LT_PART,
	.min_part_bytes = 6,
	.label_again_any_tier = true,
	.narrative = GR_NARR_ENDS_ROW,
	.model_size = sizeof(t2_model),
	.model_init = t2_model_init,
	.header = t2_header,
	.finish = t2_finish,
};
