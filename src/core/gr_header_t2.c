/*
 * gr_header_t2.c — the headers of 表二: which columns the header texts
 * name for a row (pieces of a header word broken over cells or lines
 * joined again), and a row's columns when no header names them.
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

/* ---- 表二 ---- */

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
gr_t2_header_add(gr_t2_header *h, const char *t, size_t len, int slot, int width)
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
