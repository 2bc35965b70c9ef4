/*
 * gr_derive.c — the cells the format does not print but defines: the
 * subtotals of 表三 （三）（四）（五）, gb2021's （六）其他处理, the
 * legal-person sum org_sum of every 表三 row, and 表四's suit_all.
 *
 * A derived cell is computed only when every part is a number: a blank
 * part makes it NULL, never a sum that silently counts the blank as 0.
 * A subtotal that the report prints itself (a local variant) is kept as
 * printed and not derived; the rules compare it with the sum.
 */
#include "gr_format.h"
#include "gr_tables.h"

static int64_t
pow10i(int n)
{
	int64_t		p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* cells[out] = sum of cells[parts]; derived, NULL unless all parts are numbers. */
static void
derive_sum(gr_report *rep, int out, const int *parts, int nparts)
{
	gr_cell    *o;
	int			scale = 0;
	int64_t		sum = 0;

	if (out < 0)
		return;
	o = &rep->cells[out];
	if (o->state != GR_CELL_ABSENT)
		return;					/* printed by the report */
	o->derived = 1;
	for (int i = 0; i < nparts; i++)
	{
		const gr_cell *c;

		if (parts[i] < 0)
			return;
		c = &rep->cells[parts[i]];
		if (c->state != GR_CELL_NUMBER)
			return;
		if (c->scale > scale)
			scale = c->scale;
	}
	if (scale > 6)
		return;
	for (int i = 0; i < nparts; i++)
	{
		const gr_cell *c = &rep->cells[parts[i]];

		sum += c->mant * pow10i(scale - c->scale);
	}
	o->state = GR_CELL_NUMBER;
	o->mant = sum;
	o->scale = scale;
}

void
gr_derive(gr_report *rep)
{
	gr_edition	ed3 = rep->edition_t3 != GR_ED_UNKNOWN ? rep->edition_t3 : rep->edition;

	/* 表三 group rows: the numbered items that follow the group's label */
	for (int g = 0; g < gr_t3_nrows; g++)
	{
		const gr_rowdef *row = &gr_t3_rows[g];
		int			items[12];
		int			n = 0;

		if (row->key == NULL || row->derived == 0)
			continue;
		if (ed3 != GR_ED_UNKNOWN && !(row->derived & GR_ED_MASK(ed3)))
			continue;			/* printed in this edition (gb2019 （六）) */
		for (int r = g + 1; r < gr_t3_nrows && n < 12; r++)
		{
			const char *l = gr_t3_rows[r].labels[0];

			if (!(l[0] >= '0' && l[0] <= '9'))
				break;
			items[n++] = r;
		}
		for (int c = 0; c < T3_PRINTED_COLS; c++)
		{
			int			parts[12];

			for (int i = 0; i < n; i++)
				parts[i] = gr_key_index(GR_T3, items[i], c);
			derive_sum(rep, gr_key_index(GR_T3, g, c), parts, n);
		}
	}
	/* org_sum of every row: the five legal-person columns */
	for (int r = 0; r < gr_t3_nrows; r++)
	{
		int			parts[5];

		if (gr_t3_rows[r].key == NULL)
			continue;
		for (int c = 0; c < 5; c++)
			parts[c] = gr_key_index(GR_T3, r, T3C_BUSINESS + c);
		derive_sum(rep, gr_key_index(GR_T3, r, T3C_ORG_SUM), parts, 5);
	}
	/* 表四: litigation of both kinds */
	for (int c = 0; c < T4_NCOLS; c++)
	{
		int			parts[2] = {gr_key_index(GR_T4, T4G_SUIT_DIRECT, c),
		gr_key_index(GR_T4, T4G_SUIT_AFTER_REVIEW, c)};

		derive_sum(rep, gr_key_index(GR_T4, T4G_SUIT_ALL, c), parts, 2);
	}
}
