/*
 * gr_place.c — placing a row's values into its columns, only where the
 * layout proves it (spec §8.2).  Each kind of evidence is one strategy,
 * tried strongest first: as many values as columns; the header's field
 * of each value; as many cells, blanks included, as columns; a row's
 * cells before the fillers of '|' layouts; the grid column of an HTML
 * cell.  When none applies the row stays unplaced and a finding keeps
 * what was written: a value is never moved into a column the layout does
 * not give it.
 */
#include "gr_read.h"

/*
 * One row to place: its cells' keys by column (-1 where the row has no
 * cell), the token indexes of what followed its label, and the evidence
 * the layout gives.  A strategy fills target[] (the column of each value,
 * -1 for padding) or declines.
 */
typedef struct placement
{
	gr_reader  *rd;
	const int  *keys;
	int			ncols;
	const int  *vals;
	int			n;
	int			nv;				/* values that are not empty cells */
	bool		align_right;	/* 表三/表四: values are a grid row's last columns */
	const int  *col_slots;		/* the header's field of each column, then its width */
	int			target[256];
} placement;

typedef enum place_result
{
	PLACE_NO = 0,				/* this evidence does not apply: try the next */
	PLACE_OK,					/* target[] holds the columns */
	PLACE_FAIL					/* the evidence applies and contradicts: unplaced */
} place_result;

static const gr_tok *
val(const placement *p, int i)
{
	return &p->rd->grid.v[p->vals[i]];
}

/* Does every value's row prove at least this much? */
static bool
rows_prove(const placement *p, gr_evidence ev)
{
	for (int i = 0; i < p->n; i++)
		if (gr_row_of(&p->rd->grid, val(p, i))->ev < ev)
			return false;
	return true;
}

/*
 * Does a cell that is no value stand between two of the row's values in
 * its fields (a web page's page mark or note in a value column)?  Then
 * the values' order is not the columns': only their fields can place
 * them (by_header_fields, by_grid_column).
 */
static bool
fields_gapped(const placement *p)
{
	if (val(p, 0)->col < 0)
		return false;			/* a layout without fields (spaced, one cell a line) */
	for (int i = 1; i < p->n; i++)
	{
		const gr_tok *a = val(p, i - 1),
				   *b = val(p, i);

		/* the next field, or past the slots a value spans (where they are no cells of their own) */
		if (b->col >= 0 && a->line == b->line && b->col != a->col + 1 && b->col != a->col + a->span)
			return true;
	}
	return false;
}

/* As many values as columns: in order, the layout's empty cells aside. */
static place_result
by_values(placement *p)
{
	int			j = 0;

	if (p->nv != p->ncols || p->nv == 0 || fields_gapped(p))
		return PLACE_NO;
	for (int i = 0; i < p->n; i++)
		p->target[i] = val(p, i)->kind != GR_TK_BLANK ? j++ : -1;
	return PLACE_OK;
}

/*
 * The header said in which field of a row each column stands (a tab or
 * Markdown layout whose header cells name the columns; col_slots[ncols]
 * is the number of fields of the header's lines): each value of a row
 * with as many fields goes to the column of its field; empty fields
 * elsewhere are padding.
 */
static place_result
by_header_fields(placement *p)
{
	unsigned	seen = 0;

	if (p->col_slots == NULL || !rows_prove(p, GR_EV_FIELDS))
		return PLACE_NO;
	for (int i = 0; i < p->n; i++)
	{
		const gr_tok *t = val(p, i);
		int			j = -1;

		/* a row with more or fewer fields than the header lost some */
		if (t->col < 0 || gr_cell_width(&p->rd->grid, t) != p->col_slots[p->ncols])
			return PLACE_FAIL;
		for (int c = 0; c < p->ncols && c < 32; c++)
			if (p->col_slots[c] == t->col)
				j = c;
		if (j < 0 && t->kind != GR_TK_BLANK)
			return PLACE_FAIL;
		if (j >= 0 && (seen & (1u << j)))
			return PLACE_FAIL;
		if (j >= 0)
			seen |= 1u << j;
		p->target[i] = j;
	}
	return PLACE_OK;
}

/* As many cells, empty ones included, as columns, in a layout that shows its empty cells: by position. */
static place_result
by_position(placement *p)
{
	if (p->n != p->ncols || !rows_prove(p, GR_EV_ORDER) || fields_gapped(p))
		return PLACE_NO;
	for (int i = 0; i < p->n; i++)
		p->target[i] = i;
	return PLACE_OK;
}

/*
 * The same where the row has its columns only without its soft empty
 * cells (blank lines at a page mark that were the page's margin): by
 * position, those aside.  A row short of cells keeps them (by_position):
 * in a layout that shows every empty cell, what it lacks can only be
 * where the page ended.
 */
static place_result
by_position_firm(placement *p)
{
	int			firm = 0;

	if (!rows_prove(p, GR_EV_ORDER) || fields_gapped(p))
		return PLACE_NO;
	for (int i = 0; i < p->n; i++)
		firm += !val(p, i)->soft;
	if (firm == p->n || firm != p->ncols)
		return PLACE_NO;
	for (int i = 0, j = 0; i < p->n; i++)
		p->target[i] = val(p, i)->soft ? -1 : j++;
	return PLACE_OK;
}

/*
 * Cells ended by '|', one a line (seed 002): a row's cells come first,
 * the fillers of merged cells after them.  When everything past the
 * row's columns is empty, the first cells are the row's.
 */
static place_result
by_pipe_fillers(placement *p)
{
	if (p->n <= p->ncols)
		return PLACE_NO;
	for (int i = 0; i < p->n; i++)
		if (!gr_row_of(&p->rd->grid, val(p, i))->piped || (i >= p->ncols && val(p, i)->kind != GR_TK_BLANK))
			return PLACE_NO;
	for (int i = 0; i < p->n; i++)
		p->target[i] = i < p->ncols ? i : -1;
	return PLACE_OK;
}

/*
 * An HTML grid says where each cell is: the values of 表三 and 表四 are
 * the last columns of their grid row, whatever spans the labels have.
 */
static place_result
by_grid_column(placement *p)
{
	unsigned	seen = 0;

	if (!p->align_right || !rows_prove(p, GR_EV_COLUMNS))
		return PLACE_NO;
	for (int i = 0; i < p->n; i++)
	{
		const gr_tok *t = val(p, i);
		int			idx = p->ncols - (gr_cell_width(&p->rd->grid, t) - t->col);

		if (t->col < 0 || idx >= p->ncols || idx >= 32)
			return PLACE_NO;
		if (idx < 0 && t->kind != GR_TK_BLANK)
			return PLACE_NO;	/* a value in a slot the label spans */
		if (idx >= 0 && (seen & (1u << idx)))
			return PLACE_NO;
		if (idx >= 0)
			seen |= 1u << idx;
		p->target[i] = idx < 0 ? -1 : idx;
	}
	return PLACE_OK;
}

/* The evidence, strongest first. */
static place_result (*const strategies[]) (placement *p) = {
	by_values, by_header_fields, by_position, by_position_firm, by_pipe_fillers, by_grid_column
};

/*
 * Does text that is none of the row's values stand among them, between
 * its label and its last value (html2text lets a long label run on into
 * the value columns: "|（二）部分公开（区|3只计这一|不计|形）| | |")?  Then
 * the row's empty cells are not all it has: a blank row is not certain.
 * With no label token (表四's one row), one empty cell a column at least.
 */
static bool
text_among(const gr_reader *rd, int label_tok, const int *vals, int n, int ncols)
{
	if (label_tok < 0)
		return n < ncols;
	for (int k = label_tok + 1; k < vals[n - 1]; k++)
		if (rd->grid.v[k].kind == GR_TK_TEXT)
			return true;
	return false;
}

/* A label and no cells after it: where its values went is not known. */
static void
mark_no_values(gr_reader *rd, const char *table_name, gr_str row_label, const int *keys, int ncols,
			   int label_line)
{
	gr_str		none = {NULL, 0};
	bool		any = false;
	gr_finding *f;

	for (int i = 0; i < ncols; i++)
		any |= keys[i] >= 0 && rd->rep->cells[keys[i]].state == GR_CELL_ABSENT;
	if (!any)
		return;
	f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-03", GR_SEV_WARNING, label_line,
					   "%s“%.*s”一行没有数值", table_name, (int) row_label.len, row_label.ptr);
	gr_rd_mark_unplaced(rd, keys, ncols, none, label_line, f);
}

/* The columns of these values cannot be proved: the row stays NULL, the finding keeps them. */
static void
mark_unplaced(const placement *p, const char *table_name, gr_str row_label)
{
	gr_reader  *rd = p->rd;
	gr_str		raw = gr_rd_values_raw(rd, p->vals, p->n);
	int			line = rd->doc->lines[val(p, 0)->line].lineno;
	gr_finding *f;

	gr_rd_mark_unplaced(rd, p->keys, p->ncols, raw, line, NULL);
	f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-01", GR_SEV_WARNING, line,
					   "%s“%.*s”一行有%d个数值、%d个单元格，应有%d列，无法确定各数值所在列，未填入：%.*s",
					   table_name, (int) row_label.len, row_label.ptr, p->nv, p->n, p->ncols,
					   (int) raw.len, raw.ptr);
	if (f)
	{
		f->raw = raw;
		for (int i = 0; i < p->ncols && f->ncells < GR_FINDING_MAX_CELLS; i++)
			if (p->keys[i] >= 0)
				f->cells[f->ncells++] = p->keys[i];
	}
}

/*
 * The values of a row that the text splits into pieces, with other text
 * between them, at places that are not between the row's column groups
 * (piece_len[] values each): the order the text gives them is then not
 * the columns' (a PDF's content order, as pdftotext reads it without
 * -layout, interleaves a table's header with its values), so none is
 * placed, however many there are, and the finding keeps them.
 */
void
gr_rd_unplace_pieces(gr_reader *rd, const char *table_name, const int *keys, int ncols,
					 const int *vals, int n, const int *piece_len, int npieces)
{
	gr_str		raw = gr_rd_values_raw(rd, vals, n);
	int			line = rd->doc->lines[rd->grid.v[vals[0]].line].lineno;
	char		sizes[96];
	size_t		used = 0;
	int			nv = 0,
				shown = 0;
	gr_finding *f;

	for (int i = 0; i < n; i++)
		nv += rd->grid.v[vals[i]].kind != GR_TK_BLANK;
	sizes[0] = '\0';
	for (; shown < npieces && used + 16 < sizeof(sizes); shown++)
		used += (size_t) snprintf(sizes + used, sizeof(sizes) - used, "%s%d", shown ? "、" : "", piece_len[shown]);
	if (shown < npieces)
		snprintf(sizes + used, sizeof(sizes) - used, "……");
	gr_rd_mark_unplaced(rd, keys, ncols, raw, line, NULL);
	f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-01", GR_SEV_WARNING, line,
					   "%s的%d个数值被表中的文字隔成%d段（依次为%s个），分段处不在各组数值之间，次序不能确定，无法确定各数值所在列，未填入：%.*s",
					   table_name, nv, npieces, sizes, (int) raw.len, raw.ptr);
	if (f)
	{
		f->raw = raw;
		for (int i = 0; i < ncols && f->ncells < GR_FINDING_MAX_CELLS; i++)
			if (keys[i] >= 0)
				f->cells[f->ncells++] = keys[i];
	}
}

/* A row's label: grid cell label_tok's raw text, else row_label. */
static gr_str
label_text(const gr_reader *rd, gr_str row_label, int label_tok)
{
	return label_tok >= 0 ? gr_tok_raw(rd->doc, &rd->grid.v[label_tok]) : row_label;
}

/*
 * Place the values of one row into its columns (keys[], -1 for a column
 * that has no cell for this row).  vals are token indexes.  The row's
 * label, for findings only, is the raw text of grid cell label_tok when
 * that is >= 0 (made only when a finding needs it), else row_label.
 */
void
gr_rd_place_row(gr_reader *rd, const char *table_name, gr_str row_label, int label_tok,
				const int *keys, int ncols, const int *vals, int n, int label_line, bool align_right,
				const int *col_slots)
{
	placement	p;
	place_result res = PLACE_NO;

	/* target[] is not cleared: a strategy that succeeds writes target[0, n) */
	p.rd = rd;
	p.keys = keys;
	p.ncols = ncols;
	p.vals = vals;
	p.n = n;
	p.nv = 0;
	p.align_right = align_right;
	p.col_slots = col_slots;

	for (int i = 0; i < n; i++)
		p.nv += rd->grid.v[vals[i]].kind != GR_TK_BLANK;
	if (n == 0)
	{
		mark_no_values(rd, table_name, label_text(rd, row_label, label_tok), keys, ncols, label_line);
		return;
	}
	if (p.nv == 0 && !text_among(rd, label_tok, vals, n, ncols))
	{
		/* nothing but empty cells: the row is blank */
		for (int i = 0; i < ncols; i++)
			gr_rd_set_cell(rd, keys[i], &rd->grid.v[vals[0]], GR_CELL_BLANK);
		return;
	}
	/* digits glued together: only their arithmetic can place them */
	for (int i = 0; i < n; i++)
		if (gr_row_of(&rd->grid, &rd->grid.v[vals[i]])->ev == GR_EV_GLUED)
		{
			gr_digits_place(rd, table_name, label_text(rd, row_label, label_tok), keys, ncols, vals, n);
			return;
		}
	for (size_t s = 0; n <= 256 && res == PLACE_NO && s < sizeof(strategies) / sizeof(strategies[0]); s++)
		res = strategies[s] (&p);
	if (res != PLACE_OK)
	{
		mark_unplaced(&p, table_name, label_text(rd, row_label, label_tok));
		return;
	}
	for (int i = 0; i < n; i++)
		if (p.target[i] >= 0)
			gr_rd_set_cell(rd, keys[p.target[i]], &rd->grid.v[vals[i]], gr_tok_state(&rd->grid.v[vals[i]]));
}
