/*
 * gr_place.c — placing a row's values into its columns, only where the
 * layout proves it (spec §8.2): as many values as columns; as many cells,
 * blanks included, as columns; the header's field of each value; the
 * grid column of an HTML cell.  Otherwise the row stays unplaced and a
 * finding keeps what was written.
 */
#include "gr_read.h"

/*
 * Place the values of one row into its columns (keys[], -1 for a column
 * that has no cell for this row).  vals are token indexes.
 */
void
gr_rd_place_row(gr_reader *rd, const char *table_name, gr_str row_label, const int *keys, int ncols,
		  const int *vals, int n, int label_line, bool align_right, const int *col_slots)
{
	int			nv = 0;

	for (int i = 0; i < n; i++)
		if (rd->toks.v[vals[i]].kind != GR_TK_BLANK)
			nv++;

	if (nv == ncols && nv > 0)
	{
		int			j = 0;

		for (int i = 0; i < n; i++)
		{
			const gr_tok *t = &rd->toks.v[vals[i]];

			if (t->kind != GR_TK_BLANK)
			{
				gr_rd_set_cell(rd, keys[j], t, gr_tok_state(t));
				j++;
			}
		}
		return;
	}
	if (nv == 0 && n > 0)
	{
		/* nothing but empty cells: the row is blank */
		for (int i = 0; i < ncols; i++)
			gr_rd_set_cell(rd, keys[i], &rd->toks.v[vals[0]], GR_CELL_BLANK);
		return;
	}
	if (n == 0)
	{
		/* a label and no cells after it: where its values went is not known */
		gr_finding *f = NULL;

		for (int i = 0; i < ncols; i++)
			if (keys[i] >= 0 && rd->rep->cells[keys[i]].state == GR_CELL_ABSENT)
			{
				rd->rep->cells[keys[i]].state = GR_CELL_UNPLACED;
				rd->rep->cells[keys[i]].line = label_line;
				if (f == NULL)
					f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-03", GR_SEV_WARNING, label_line,
									   "%s“%.*s”一行没有数值", table_name,
									   (int) row_label.len, row_label.ptr);
				if (f && f->ncells < GR_FINDING_MAX_CELLS)
					f->cells[f->ncells++] = keys[i];
			}
		return;
	}

	/*
	 * The header said in which field of a row each column stands (a tab or
	 * Markdown layout whose header cells name the columns; col_slots[ncols]
	 * is the number of fields of the header's lines): each value of a row
	 * with as many fields goes to the column of its field; empty fields
	 * elsewhere are padding.
	 */
	if (col_slots)
	{
		bool		ok = true;
		unsigned	seen = 0;
		int			target[256];

		for (int i = 0; i < n && ok && i < 256; i++)
		{
			const gr_tok *t = &rd->toks.v[vals[i]];
			int			j = -1;

			target[i] = -1;
			/* a row with more or fewer fields than the header lost some */
			if (t->slot < 0 || t->slots != col_slots[ncols])
			{
				ok = false;
				break;
			}
			for (int c = 0; c < ncols && c < 32; c++)
				if (col_slots[c] == t->slot)
					j = c;
			if (j < 0)
				ok = t->kind == GR_TK_BLANK;
			else if (seen & (1u << j))
				ok = false;
			else
			{
				seen |= 1u << j;
				target[i] = j;
			}
		}
		if (ok && n <= 256)
		{
			for (int i = 0; i < n; i++)
				if (target[i] >= 0)
					gr_rd_set_cell(rd, keys[target[i]], &rd->toks.v[vals[i]], gr_tok_state(&rd->toks.v[vals[i]]));
			return;
		}
		goto unplaced;
	}
	if (n == ncols)
	{
		for (int i = 0; i < n; i++)
			gr_rd_set_cell(rd, keys[i], &rd->toks.v[vals[i]], gr_tok_state(&rd->toks.v[vals[i]]));
		return;
	}

	/*
	 * Cells ended by '|', one a line (seed 002): a row's cells come first,
	 * the fillers of merged cells after them.  When everything past the
	 * row's columns is empty, the first cells are the row's.
	 */
	if (n > ncols)
	{
		bool		ok = true;

		for (int i = 0; i < n && ok; i++)
			ok = rd->toks.v[vals[i]].piped && (i < ncols || rd->toks.v[vals[i]].kind == GR_TK_BLANK);
		if (ok)
		{
			for (int i = 0; i < ncols; i++)
				gr_rd_set_cell(rd, keys[i], &rd->toks.v[vals[i]], gr_tok_state(&rd->toks.v[vals[i]]));
			return;
		}
	}

	/*
	 * An HTML grid says where each cell is: the values of 表三 and 表四 are
	 * the last columns of their grid row, whatever spans the labels have.
	 */
	if (align_right && rd->doc->html)
	{
		bool		ok = true;
		unsigned	seen = 0;

		for (int i = 0; i < n && ok; i++)
		{
			const gr_tok *t = &rd->toks.v[vals[i]];
			int			idx = ncols - (t->slots - t->slot);

			if (t->slot < 0 || idx >= ncols || idx >= 32)
				ok = false;
			else if (idx < 0)
				ok = t->kind == GR_TK_BLANK;	/* a slot the label spans */
			else if (seen & (1u << idx))
				ok = false;
			else
				seen |= 1u << idx;
		}
		if (ok)
		{
			for (int i = 0; i < n; i++)
			{
				const gr_tok *t = &rd->toks.v[vals[i]];
				int			idx = ncols - (t->slots - t->slot);

				if (idx >= 0)
					gr_rd_set_cell(rd, keys[idx], t, gr_tok_state(t));
			}
			return;
		}
	}

	/* the columns of these values cannot be proved */
unplaced:
	{
		gr_str		raw = gr_rd_values_raw(rd, vals, n);
		gr_finding *f;

		for (int i = 0; i < ncols; i++)
			if (keys[i] >= 0 && gr_cell_rank(rd->rep->cells[keys[i]].state) < gr_cell_rank(GR_CELL_UNPLACED))
			{
				rd->rep->cells[keys[i]].state = GR_CELL_UNPLACED;
				rd->rep->cells[keys[i]].raw = raw;
				rd->rep->cells[keys[i]].line = rd->doc->lines[rd->toks.v[vals[0]].line].lineno;
			}
		f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-01", GR_SEV_WARNING,
						   rd->doc->lines[rd->toks.v[vals[0]].line].lineno,
						   "%s“%.*s”一行有%d个数值、%d个单元格，应有%d列，无法确定各数值所在列，未填入：%.*s",
						   table_name, (int) row_label.len, row_label.ptr, nv, n, ncols, (int) raw.len, raw.ptr);
		if (f)
		{
			f->raw = raw;
			for (int i = 0; i < ncols && f->ncells < GR_FINDING_MAX_CELLS; i++)
				if (keys[i] >= 0)
					f->cells[f->ncells++] = keys[i];
		}
	}
}
