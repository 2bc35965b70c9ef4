/*
 * gr_keyinfo.c — what every caller says of a cell besides its value: the
 * name of the state it was read in, and the official Chinese labels of its
 * row and column.  report_cells (src/pg) and govreport cells (src/tool)
 * both print these, so the words live here once.
 */
#include "gr_internal.h"
#include "gr_format.h"

/*
 * The core's state, except that a cell the format computes is "derived"
 * (its value NULL when a part is not a number) and a number read from
 * glued digits by the row's arithmetic (R-PARSE-06) is "by_sum", and one
 * read from glued digits where the report's prose states it (a glued row of
 * 表二 whose 本年制发件数 section 一 gives) "by_text", so that a query can
 * tell the cells the text states outright from those it only implies.
 * NULL for a state this build has no name for.
 */
const char *
gr_cell_state_name(const gr_cell *c)
{
	static const char *const names[] = {
		[GR_CELL_ABSENT] = "absent",[GR_CELL_BLANK] = "blank",[GR_CELL_NUMBER] = "number",
		[GR_CELL_DASH] = "dash",[GR_CELL_TEXT] = "text",[GR_CELL_UNPLACED] = "unplaced"
	};

	if (c->derived)
		return "derived";
	if (c->by_sum && c->state == GR_CELL_NUMBER)
		return "by_sum";
	if (c->by_text && c->state == GR_CELL_NUMBER)
		return "by_text";
	if ((unsigned) c->state < sizeof(names) / sizeof(names[0]))
		return names[c->state];
	return NULL;
}

/*
 * The edition whose official labels name key k in a report of edition ed:
 * ed itself when its format has the key, else the newest edition that has
 * it (a gb2019 cell printed by a gb2021 report keeps its gb2019 label).
 */
static gr_edition
gr_label_edition(const gr_keydef *k, gr_edition ed)
{
	if (ed != GR_ED_UNKNOWN && (k->editions & GR_ED_MASK(ed)))
		return ed;
	for (int e = gr_neditions - 1; e >= 0; e--)
		if (k->editions & GR_ED_MASK(gr_editions[e].ed))
			return gr_editions[e].ed;
	return GR_ED_UNKNOWN;
}

const char *
gr_key_row_label(int key, gr_edition ed)
{
	const gr_keydef *k = &gr_keydefs()[key];

	return gr_row_label(k->table, k->row, gr_label_edition(k, ed));
}

/*
 * A column's header as the key's edition prints it (处理决定数量 in gb2019,
 * 本年处理决定数量 in gb2021); where the spec has no official header for
 * that edition, the row's own header for the column (表二's amounts), else
 * the column's first label.
 */
const char *
gr_key_col_label(int key, gr_edition ed)
{
	const gr_keydef *k = &gr_keydefs()[key];
	const gr_rowdef *row = &gr_tabledefs[k->table].rows[k->row];
	const gr_coldef *col = &gr_tabledefs[k->table].cols[k->col];
	gr_edition	le = gr_label_edition(k, ed);

	if ((unsigned) le < GR_NED && col->official[le])
		return col->official[le];
	for (int a = 0; a < (int) (sizeof(row->own_labels) / sizeof(row->own_labels[0])) && row->own_labels[a]; a++)
		if (row->own_cols[a] == k->col)
			return row->own_labels[a];
	return gr_col_label(k->table, k->col);
}
