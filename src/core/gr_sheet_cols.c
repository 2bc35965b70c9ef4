/*
 * gr_sheet_cols.c — the column headers of a table drawn down the page
 * (表三), from the spec's column tree: a total's parts side by side and the
 * total after them (自然人 | 法人或其他组织 … | 总计), a subtotal with
 * columns of its own as a header over them (法人或其他组织, colspan 5),
 * every header cell spanning the rows below it that it has no child in.
 * The subtotal's own column (小计, derived) is drawn only when the report
 * prints it, a finding names it or every derived cell is asked for.
 */
#include <string.h>

#include "gr_format.h"
#include "gr_sheet.h"

#define SC_MAX 16

/* Column c of table t, its parent and kind, with a guard on the chain's length. */
static int
col_parent(const gr_tabledef *td, int c)
{
	int			p = td->cols[c].parent;

	return p >= 0 && p < td->ncols ? p : -1;
}

static int
col_root(const gr_tabledef *td, int c, int *dist)
{
	int			d = 0;

	while (col_parent(td, c) >= 0 && d < 8)
	{
		c = col_parent(td, c);
		d++;
	}
	*dist = d;
	return c;
}

/* The header level of column c: its root and the root's parts on level 1. */
static int
col_level(const gr_tabledef *td, int c)
{
	int			d;
	int			root = col_root(td, c, &d);

	if (c == root)
		return 1;
	return d + (td->cols[root].part == GR_PK_TOTAL ? 0 : 1);
}

/* Append c's subtree in drawing order: its parts first, then itself. */
static void
disp_add(const gr_tabledef *td, const int *shown, int c, int *disp, int *n)
{
	for (int k = 0; k < td->ncols; k++)
		if (k != c && col_parent(td, k) == c)
			disp_add(td, shown, k, disp, n);
	if (shown[c])
		disp[(*n)++] = c;
}

/*
 * The drawn columns of table t in drawing order (at most SC_MAX), given
 * which rows have a line; their number.
 */
int
gr_sheet_cols(const gr_sheet *sh, gr_table t, const int *row_line, int *disp)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			shown[SC_MAX] = {0};
	int			n = 0;

	for (int c = 0; c < td->ncols && c < SC_MAX; c++)
		for (int r = 0; r < td->nrows && !shown[c]; r++)
		{
			int			key = gr_key_index(t, r, c);

			shown[c] = row_line[r] && key >= 0 && gr_sheet_shown(sh, key);
		}
	for (int c = 0; c < td->ncols && c < SC_MAX; c++)
		if (col_parent(td, c) < 0)
			disp_add(td, shown, c, disp, &n);
	return n;
}

/* How the header rows are built: per column, its span and whether it heads a group. */
typedef struct sc_tree
{
	int			span[SC_MAX];	/* drawn columns in the subtree, itself included */
	int			group[SC_MAX];	/* a header over drawn parts */
	int			height;			/* header rows below the caption */
} sc_tree;

static int
leaf_level(const gr_tabledef *td, const sc_tree *tr, int c)
{
	return col_level(td, c) + (tr->group[c] ? 1 : 0);
}

static void
tree_build(const gr_tabledef *td, const int *disp, int n, sc_tree *tr)
{
	int			drawn[SC_MAX] = {0};

	memset(tr, 0, sizeof(*tr));
	for (int i = 0; i < n; i++)
	{
		drawn[disp[i]] = 1;
		for (int a = disp[i], g = 0; a >= 0 && g < 8; a = col_parent(td, a), g++)
			tr->span[a]++;
	}
	for (int c = 0; c < td->ncols && c < SC_MAX; c++)
		tr->group[c] = td->cols[c].part != GR_PK_TOTAL && tr->span[c] - drawn[c] > 0;
	for (int i = 0; i < n; i++)
		if (leaf_level(td, tr, disp[i]) > tr->height)
			tr->height = leaf_level(td, tr, disp[i]);
}

/* One header row: the cells that start on level h. */
static void
header_row(gr_sheet *sh, gr_table t, const int *disp, int n, const sc_tree *tr, int h)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			done[SC_MAX] = {0};

	for (int i = 0; i < n; i++)
	{
		int			c = disp[i];
		int			chain[10],
					nc = 0;

		if (leaf_level(td, tr, c) == h)
		{
			gr_sb_printf(sh->b, "<th class=\"col\" rowspan=\"%d\">", tr->height - h + 1);
			gr_sb_escs(sh->b, tr->group[c] ? td->cols[c].labels[0] : gr_col_label_in(t, c, sh->ed));
			gr_sb_puts(sh->b, "</th>");
			continue;
		}
		for (int a = c, g = 0; a >= 0 && g < 8; a = col_parent(td, a), g++)
			chain[nc++] = a;
		for (int j = nc - 1; j >= 0; j--)
		{
			int			g = chain[j];

			if (!tr->group[g] || col_level(td, g) != h || done[g])
				continue;
			done[g] = 1;
			gr_sb_printf(sh->b, "<th class=\"col grp\" colspan=\"%d\">", tr->span[g]);
			gr_sb_escs(sh->b, td->cols[g].group_label ? td->cols[g].group_label : td->cols[g].labels[0]);
			gr_sb_puts(sh->b, "</th>");
		}
	}
}

/*
 * The header rows: the corner over the labels (L columns wide), the
 * caption over every column, then the column tree.
 */
void
gr_sheet_col_headers(gr_sheet *sh, gr_table t, const int *disp, int n, int label_cols)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	const gr_printed *pr = &td->printed;
	sc_tree		tr;
	int			rows;

	tree_build(td, disp, n, &tr);
	rows = tr.height + (pr->col_caption ? 1 : 0);
	gr_sb_puts(sh->b, "<thead><tr>");
	gr_sb_printf(sh->b, "<th class=\"corner\" colspan=\"%d\" rowspan=\"%d\">", label_cols, rows);
	gr_sb_escs(sh->b, pr->corner);
	gr_sb_puts(sh->b, "</th>");
	if (pr->col_caption)
	{
		gr_sb_printf(sh->b, "<th class=\"col grp\" colspan=\"%d\">", n);
		gr_sb_escs(sh->b, pr->col_caption);
		gr_sb_puts(sh->b, "</th></tr>\n<tr>");
	}
	for (int h = 1; h <= tr.height; h++)
	{
		if (h > 1)
			gr_sb_puts(sh->b, "<tr>");
		header_row(sh, t, disp, n, &tr, h);
		gr_sb_puts(sh->b, "</tr>\n");
	}
	gr_sb_puts(sh->b, "</thead>\n");
}
