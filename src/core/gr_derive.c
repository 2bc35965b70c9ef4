/*
 * gr_derive.c — the cells the format defines but does not print: every
 * subtotal of the spec (gr_format.c) in the editions where it is derived —
 * 表三's （三）（四）（五）, gb2021's （六）其他处理, the legal-person column
 * org_sum, 表四's suit_all.  Nothing here names a row: the parents and
 * kinds of the spec say what adds up to what.
 *
 * A derived cell is computed only when every part is a number: a blank
 * part makes it NULL, never a sum that silently counts the blank as 0.
 * A subtotal that the report prints itself (a local variant) is kept as
 * printed and not derived; the rules compare it with the sum.  A sum
 * beyond the exact range stays NULL and is reported (R-PARSE-05).
 */
#include "gr_format.h"
#include "gr_num.h"
#include "gr_tables.h"

typedef struct derive_ctx
{
	gr_ctx	   *ctx;
	gr_report  *rep;
	gr_table	t;
	gr_edition	ed;
} derive_ctx;

static bool derive_cell(derive_ctx *d, int row, int col, int depth);

static bool
col_derived(const derive_ctx *d, int col)
{
	return (gr_tabledefs[d->t].cols[col].derived & GR_ED_MASK(d->ed)) != 0;
}

/* The cell (row, col) as a part of a sum: computed first if it is derived. */
static bool
part_value(derive_ctx *d, int row, int col, int depth, gr_num *v)
{
	int			k = gr_key_index(d->t, row, col);
	const gr_cell *c;

	if (k < 0)
		return false;
	if (gr_row_derived(d->t, row, d->ed) || col_derived(d, col))
		derive_cell(d, row, col, depth + 1);
	c = &d->rep->cells[k];
	if (c->state != GR_CELL_NUMBER)
		return false;
	*v = gr_num_make(c->mant, c->scale);
	return true;
}

static void
report_overflow(derive_ctx *d, int key)
{
	gr_finding *f = gr_add_finding(d->ctx, d->rep, "R-PARSE-05", GR_SEV_WARNING, 0,
								   "%s 的各项之和超出可精确计算的范围，未计算",
								   gr_keydefs()[key].key);

	if (f)
		f->cells[f->ncells++] = key;
}

/*
 * Derive one cell, unless printed: over the column's children when the
 * column is derived (org_sum), else over the row's children.  Returns
 * whether the cell holds a number.
 */
static bool
derive_cell(derive_ctx *d, int row, int col, int depth)
{
	int			k = gr_key_index(d->t, row, col);
	gr_cell    *o;
	int			parts[GR_T3_NROWS];
	int			n;
	bool		by_col = col_derived(d, col);
	gr_num		sum = gr_num_make(0, 0);

	if (k < 0 || depth > 8)
		return false;
	o = &d->rep->cells[k];
	if (o->state != GR_CELL_ABSENT || o->derived)
		return o->state == GR_CELL_NUMBER;	/* printed, or done already */
	o->derived = 1;
	n = by_col ? gr_col_children(d->t, col, parts) : gr_row_children(d->t, row, d->ed, parts);
	if (n == 0)
		return false;
	for (int i = 0; i < n; i++)
	{
		gr_num		v;

		if (!part_value(d, by_col ? row : parts[i], by_col ? parts[i] : col, depth, &v))
			return false;
		sum = gr_num_add(sum, v);
	}
	if (!sum.set)
	{
		report_overflow(d, k);
		return false;
	}
	o->state = GR_CELL_NUMBER;
	o->mant = sum.mant;
	o->scale = sum.scale;
	return true;
}

void
gr_derive(gr_ctx *ctx, gr_report *rep)
{
	for (int t = GR_T2; t <= GR_T4; t++)
	{
		derive_ctx	d = {ctx, rep, (gr_table) t, gr_table_edition(rep, (gr_table) t)};
		const gr_tabledef *td = &gr_tabledefs[t];

		for (int r = 0; r < td->nrows; r++)
		{
			bool		row_derived = gr_row_derived(d.t, r, d.ed);

			if (td->rows[r].part == GR_PK_CAPTION)
				continue;
			for (int c = 0; c < td->ncols; c++)
				if (row_derived || col_derived(&d, c))
					derive_cell(&d, r, c, 0);
		}
	}
}
