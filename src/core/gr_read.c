/*
 * gr_read.c — the one table reader: a walk over the grid of a table's
 * section that finds each row by its label (gr_label.c, never by
 * position) and collects the values that follow it, for 表二, 表三 and
 * 表四 alike.  What differs between the tables is data — which labels,
 * how strongly they must match, what a sentence does — and each table's
 * column model (gr_cols_t2/3/4.c), which reads the header, decides the
 * edition and places the rows read by the evidence of their grid rows
 * (gr_place.c).
 *
 * A row's values are the cells after its label, until the next label, a
 * new row of the layout after the values, or a line whose own label
 * named no row (its numbers are that label's, not ours).
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

const int *
gr_walk_vals(const gr_walk *w, const gr_read_row *r)
{
	return w->vals + r->first;
}

gr_str
gr_walk_label(const gr_walk *w, const gr_read_row *r)
{
	const char *l;

	if (r->label_tok >= 0)
		return gr_tok_raw(w->rd->doc, &w->rd->grid.v[r->label_tok]);
	l = r->row >= 0 ? gr_tabledefs[w->pol->table].rows[r->row].labels[0] : gr_tabledefs[w->pol->table].caption;
	return (gr_str) {l, (uint32_t) strlen(l)};
}

/* The input line of a row: its label's, else its first value's. */
int
gr_walk_line(const gr_walk *w, const gr_read_row *r)
{
	int			li = r->line >= 0 ? r->line : r->n > 0 ? w->rd->grid.v[w->vals[r->first]].line : 0;

	return w->rd->doc->lines[li].lineno;
}

void
gr_walk_place(gr_walk *w, const gr_read_row *r, const int *keys, int ncols, const int *col_slots)
{
	gr_str		none = {NULL, 0};

	if (r->doubt)
	{
		gr_reader  *rd = w->rd;
		gr_str		label = gr_walk_label(w, r);
		int			line = gr_walk_line(w, r);
		gr_finding *f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-04", GR_SEV_WARNING, line,
									   "%s“%.*s”一行只有空白单元格，其标题的下一行另有数值，"
									   "无法确定哪些是该行的数值，未填入",
									   w->pol->name, (int) label.len, label.ptr);

		gr_rd_mark_unplaced(rd, keys, ncols, gr_rd_values_raw(rd, gr_walk_vals(w, r), r->n), line, f);
		return;
	}
	/* a label of the grid is cut from the input only if a finding needs it */
	gr_rd_place_row(w->rd, w->pol->name, r->label_tok >= 0 ? none : gr_walk_label(w, r), r->label_tok,
					keys, ncols, gr_walk_vals(w, r), r->n, gr_walk_line(w, r), w->pol->table != GR_T2,
					col_slots);
}

/*
 * Values on a row of their own, after a label that got none: the PDF put
 * labels and numbers apart (上海市科委 2024), so the numbers may be the
 * earlier label's.  Or (not r->apart) after numbers no row took: they may
 * be the row whose label stands elsewhere.  Not placed.
 */
void
gr_walk_apart(gr_walk *w, const gr_read_row *r, const int *keys, int ncols)
{
	gr_reader  *rd = w->rd;
	gr_str		raw = gr_rd_values_raw(rd, gr_walk_vals(w, r), r->n);
	gr_str		label = gr_walk_label(w, r);
	int			line = rd->doc->lines[rd->grid.v[w->vals[r->first]].line].lineno;
	gr_finding *f = gr_add_finding(rd->ctx, rd->rep, "R-PARSE-04", GR_SEV_WARNING, line,
								   "%s“%.*s”之后的数值与其标签不在同一行，且%s，无法确定归属，未填入：%.*s",
								   w->pol->name, (int) label.len, label.ptr,
								   r->apart ? "前一行缺少数值" : "其前有不能确定所属行的数值",
								   (int) raw.len, raw.ptr);

	if (f)
		f->raw = raw;
	gr_rd_mark_unplaced(rd, keys, ncols, raw, line, f);
}

/* ---- the walk ---- */

/* Has a row of the table (not the implicit whole-table row) been read? */
static bool
any_row(const gr_walk *w)
{
	return w->nrows > (w->pol->whole_table_row ? 1 : 0);
}


/* The row being read is done: note whether its values stand apart from its label. */
static void
close_row(gr_walk *w)
{
	gr_read_row *r;
	const gr_rowdef *def;

	if (w->cur < 0)
		return;
	r = &w->rows[w->cur];
	w->cur = -1;
	if (r->row < 0)
		return;
	def = &gr_tabledefs[w->pol->table].rows[r->row];
	if (def->part == GR_PK_CAPTION)
		return;
	r->off_line = w->pol->layout_rows && r->n > 0 && gr_row_of(&w->rd->grid, &w->rd->grid.v[w->vals[r->first]])->multi &&
		w->rd->grid.v[w->vals[r->first]].line != r->line;
	r->apart = r->off_line && w->prev_pending;
	if (!def->derived)
		w->prev_pending = r->n == 0;
}

/*
 * The walk's rows and loose runs are few (a table has tens of rows), so
 * they grow as they come, the old copy left for later requests, rather
 * than being sized for a row per cell of the grid.
 */
bool
gr_walk_room(gr_walk *w, void **v, int *cap, int n, size_t elem)
{
	int			ncap;
	void	   *nv;

	if (n < *cap)
		return true;
	ncap = *cap * 2 + 16;
	nv = gr_alloc(w->rd->ctx, (size_t) ncap * elem);
	if (!nv)
		return false;
	if (n)
		memcpy(nv, *v, (size_t) n * elem);
	gr_release(w->rd->ctx, *v, (size_t) *cap * elem);
	*v = nv;
	*cap = ncap;
	return true;
}

/*
 * Empty cells the row being read took from the line of the next label,
 * before it, given back: they are that line's label columns, under a
 * label spanning from above (a group label on a line of its own, a
 * box-drawn cell of several rows), not the values of the row before.
 */
static void
give_back_blanks(gr_walk *w, int label_tok)
{
	const gr_grid *g = &w->rd->grid;
	gr_read_row *cur;
	int			line;

	if (w->cur < 0 || label_tok < 0 || w->rows[w->cur].n == 0 ||
		g->v[w->vals[w->nvals - 1]].kind != GR_TK_BLANK)
		return;
	cur = &w->rows[w->cur];
	line = g->v[label_tok].line;
	if (cur->line == line)
		return;
	while (cur->n > 0 && w->nvals == cur->first + cur->n &&
		   g->v[w->vals[w->nvals - 1]].kind == GR_TK_BLANK && g->v[w->vals[w->nvals - 1]].line == line &&
		   g->v[w->vals[w->nvals - 1]].row == g->v[label_tok].row && w->vals[w->nvals - 1] < label_tok)
	{
		w->nvals--;
		cur->n--;
	}
}

static void
open_row(gr_walk *w, int row, int label_tok)
{
	gr_read_row *r;

	if (!gr_walk_room(w, (void **) &w->rows, &w->rows_cap, w->nrows, sizeof(gr_read_row)))
		return;					/* the error is set: the walk stops */
	give_back_blanks(w, label_tok);
	r = &w->rows[w->nrows];
	close_row(w);
	w->cur = w->nrows++;
	r->row = row;
	r->label_tok = label_tok;
	r->line = label_tok >= 0 ? w->rd->grid.v[label_tok].line : -1;
	r->first = w->nvals;
	r->n = 0;
	r->header = w->header;
	r->apart = false;
	r->off_line = false;
	r->loose_before = false;
	r->filled = 0;
	r->doubt = false;
	w->row_done = false;
	if (row < 0)
		return;
	if (!gr_tabledefs[w->pol->table].rows[row].derived &&
		gr_tabledefs[w->pol->table].rows[row].part != GR_PK_CAPTION)
		w->order = row > w->order ? row : w->order;
	else if (row > w->order)
		w->order = row - 1;		/* a group label: its items follow */
}

/* A row the format does not have, with numbers: kept apart, and said so. */
static void
report_orphan(gr_walk *w)
{
	gr_reader  *rd = w->rd;
	gr_str		label;

	if (w->orphan_reported == w->orphan_line || w->pol->layout_rows)
		return;					/* 表三's pieces of wrapped labels are no rows of their own */
	w->orphan_reported = w->orphan_line;
	label = gr_tok_raw(rd->doc, &rd->grid.v[w->orphan_tok]);
	gr_add_finding(rd->ctx, rd->rep, "R-PARSE-08", GR_SEV_WARNING, rd->doc->lines[w->orphan_line].lineno,
				   "%s“%.*s”一行不是格式中的行，其数值未计入任何一行", w->pol->name,
				   (int) label.len, label.ptr);
}

/*
 * Does the line before line li hold a border ("+----+", a table drawn with
 * box characters folded so; a span's label may stand on it, as w3m prints
 * it on a row's middle line)?  Such a table sets its rows apart by
 * borders, so the lines of one row may be several.
 */
static bool
border_above(const gr_doc *doc, int li)
{
	const gr_line *l;

	if (li <= 0)
		return false;
	l = &doc->lines[li - 1];
	return gr_memmem(doc->fold + l->f_off, l->f_len, "+--") != NULL ||
		gr_memmem(doc->fold + l->f_off, l->f_len, "+==") != NULL;
}

/*
 * Has the row fewer cells than its table prints columns (表三's 法人或其他
 * 组织 subtotal is computed, not printed)?  Its empty cells then do not
 * show that the row is blank.  表二's rows have columns of their own: not
 * asked.
 */
static bool
short_of_cells(const gr_walk *w, const gr_read_row *r)
{
	const gr_tabledef *td = &gr_tabledefs[w->pol->table];
	int			printed = 0;

	if (w->pol->table == GR_T2)
		return false;
	for (int c = 0; c < td->ncols; c++)
		printed += (td->cols[c].derived & GR_MBOTH) != GR_MBOTH;
	return r->n < printed;
}

/* A value cell: the current row's, unless a new layout row or an orphan label's. */
static void
walk_value(gr_walk *w, int i, const gr_tok *t)
{
	/* a new row of the layout after the values: what follows is not ours */
	if (w->pol->layout_rows && gr_starts_row(&w->rd->grid, t) && w->cur >= 0 && w->rows[w->cur].n > 0)
		w->row_done = true;
	/*
	 * Numbers after a label that named no row are that label's, never the
	 * row read before: a label wrapped by a PDF (（二）部 / 分公开…), or a
	 * row the format does not have (其他主动公开文件), reported once.
	 */
	if (t->line == w->orphan_line && (w->cur < 0 || t->line != w->rows[w->cur].line))
	{
		if (t->kind != GR_TK_BLANK)
			report_orphan(w);	/* a header's empty slots are nobody's numbers */
		if (w->pol->layout_rows)
			gr_loose_add(w, i, t, w->orphan_tok);
		return;
	}
	if (w->cur < 0 || w->row_done)
	{
		/*
		 * A number on a later line with no label of its own, after a row
		 * whose line had only empty cells, in a table that draws a border
		 * above each row (w3m centres a row's numbers on its middle line),
		 * or after a row of fewer empty cells than the table prints
		 * columns (cells one per line, each a row of the layout where a
		 * blank line follows every line): the empty cells are not certain
		 * to be that row's.  Where a line is a row of all its cells
		 * (Markdown, tabs) the number is another row's.
		 */
		if (w->cur >= 0 && t->kind == GR_TK_NUM && !w->rows[w->cur].doubt && w->rows[w->cur].n > 0 &&
			w->rows[w->cur].filled == 0 && w->rows[w->cur].line >= 0 && t->line != w->rows[w->cur].line &&
			(border_above(w->rd->doc, w->rows[w->cur].line) || short_of_cells(w, &w->rows[w->cur])))
			w->rows[w->cur].doubt = true;
		if (w->pol->layout_rows)
			gr_loose_add(w, i, t, -1);	/* perhaps a row whose label stands elsewhere */
		return;
	}
	w->vals[w->nvals++] = i;
	w->rows[w->cur].n++;
	w->rows[w->cur].filled += t->kind != GR_TK_BLANK;
	w->any_values = true;
}

static bool
accepted(const gr_walk *w, gr_label_match m)
{
	const gr_reader *rd = w->rd;

	if (m.row < 0 || m.row >= w->pol->label_rows || m.tier > w->pol->max_tier)
		return false;
	if (m.tier == GR_LT_PART && rd->lflen < w->pol->min_part_bytes)
		return false;
	return w->pol->max_label_bytes == 0 || rd->lflen <= w->pol->max_label_bytes;
}

/*
 * A label torn into cells of one line by a PDF (一、太白 / 言息公开申请数量,
 * seed 001): the label joined with the text cell that follows on the line.
 * On a match *j is that cell.
 */
static gr_label_match
join_same_line(gr_walk *w, int i, int *jp, const gr_tok *t, int current)
{
	gr_reader  *rd = w->rd;
	const gr_tabledef *td = &gr_tabledefs[w->pol->table];
	gr_label_match none = {-1, GR_LT_NONE, 0, false};
	int			j = i + 1;

	while (j < rd->grid.n && rd->grid.v[j].line == t->line && rd->grid.v[j].kind == GR_TK_BLANK)
		j++;
	if (j < rd->grid.n && rd->grid.v[j].line == t->line &&
		rd->grid.v[j].kind == GR_TK_TEXT && !gr_rd_is_narrative(rd, &rd->grid.v[j]))
	{
		size_t		n = gr_lfold(rd->doc->fold + rd->grid.v[j].f_from,
								 rd->grid.v[j].f_to - rd->grid.v[j].f_from,
								 rd->lf + rd->lflen, sizeof(rd->lf) - rd->lflen);
		gr_label_match jm = gr_label_find(rd->ctx, td->rows, w->pol->label_rows, rd->lf, rd->lflen + n, current);

		rd->lf[rd->lflen] = '\0';
		if (jm.row >= 0 && !jm.continuation)
		{
			*jp = j;
			return jm;
		}
	}
	return none;
}

/* The row a text cell names: as it stands, torn on its line, or wrapped onto the next. */
static gr_label_match
walk_match(gr_walk *w, int *i, const gr_tok *t)
{
	const gr_tabledef *td = &gr_tabledefs[w->pol->table];
	int			current = w->pol->by_order ? w->order : -1;
	gr_label_match none = {-1, GR_LT_NONE, 0, false};
	gr_label_match m = gr_label_find(w->rd->ctx, td->rows, w->pol->label_rows, w->rd->lf, w->rd->lflen, current);

	if (accepted(w, m) || m.continuation)
		return m;
	if (m.row < 0)
	{
		int			j = *i;
		gr_label_match jm = join_same_line(w, *i, &j, t, current);

		if (accepted(w, jm))
		{
			*i = j;
			return jm;
		}
	}
	if (gr_row_of(&w->rd->grid, t)->multi)
	{
		int			cont;
		gr_label_match jm = gr_rd_join_next_line(w->rd, *i, td->rows, w->pol->label_rows, current, &cont);

		if (jm.row >= 0)
		{
			w->skip_tok = cont;
			return jm;
		}
	}
	return none;
}

/*
 * A text cell: the row it starts (returned), or -1 when it starts none
 * (header words, label pieces, a vertical group label, the label again
 * where the row's value belongs).
 */
static int
walk_text(gr_walk *w, int *i, const gr_tok *t)
{
	gr_label_match m = walk_match(w, i, t);

	if (*i == w->skip_tok)
		return -1;
	if (m.row < 0 && any_row(w) && gr_row_of(&w->rd->grid, t)->multi && w->orphan_line != t->line)
	{
		w->orphan_line = t->line;	/* its numbers are not the current row's */
		w->orphan_tok = *i;
	}
	if (m.row < 0 || m.continuation)
		return -1;
	/* the label again where the row's value belongs: an unreadable value */
	if (w->cur >= 0 && m.row == w->rows[w->cur].row && w->rows[w->cur].n == 0 &&
		t->line == w->rows[w->cur].line && (m.tier == GR_LT_EXACT || w->pol->label_again_any_tier))
	{
		w->vals[w->nvals++] = *i;
		w->rows[w->cur].n++;
		w->rows[w->cur].filled++;
		return -1;
	}
	return m.row;
}

/* A sentence: the table may have ended. */
static bool
walk_narrative(gr_walk *w)
{
	switch (w->pol->narrative)
	{
		case GR_NARR_ENDS_AFTER_ROW:
			return any_row(w);
		case GR_NARR_ENDS_AFTER_VALUES:
			return w->any_values;
		default:
			close_row(w);
			return false;
	}
}

/*
 * A cell where a number belongs that is not one (--253, ?, 12件3, 约5):
 * short, of digits, signs, units and the words of an estimate, with a
 * digit or a question mark, and not a
 * numbering (1. 2、).  It keeps its slot in the row, so that the other
 * cells stay aligned, and reads as text.
 */
static bool
malformed_value(const gr_reader *rd, const gr_tok *t)
{
	/*
	 * units, and the words of an estimate (约5, 5余, 近10): never in a
	 * label; each one character of three bytes, compared in place
	 */
	static const char units[][4] = {"件", "项", "个", "条", "次", "人", "元", "万",
	"约", "余", "近", "多", ""};
	const char *s = rd->doc->fold + t->f_from;
	uint32_t	len = t->f_to - t->f_from;
	bool		digit = false,
				query = false;

	if (len == 0 || len > 24)
		return false;
	for (uint32_t i = 0; i < len;)
	{
		unsigned char c = (unsigned char) s[i];

		if (c < 0x80)
		{
			if (c >= '0' && c <= '9')
				digit = true;
			else if (c == '?')
				query = true;
			else if (!strchr("+-.,/*~() ", c))
				return false;
			i++;
		}
		else
		{
			int			u = 0;

			if (len - i < 3)
				return false;
			while (units[u][0] && (s[i] != units[u][0] || s[i + 1] != units[u][1] || s[i + 2] != units[u][2]))
				u++;
			if (!units[u][0])
				return false;
			i += 3;
		}
	}
	if ((len >= 2 && (s[len - 1] == '.' || s[len - 1] == ')') && s[0] >= '0' && s[0] <= '9') || s[0] == '(')
		return false;			/* 1. 2) (3): the numbering of a label */
	return digit || query;
}

static void
walk_cell(gr_walk *w, int *i, bool *end)
{
	gr_reader  *rd = w->rd;
	const gr_tok *t = &rd->grid.v[*i];
	int			row;

	/* a glued run of digits is values however long (gr_digits.c reads it) */
	if (t->kind != GR_TK_TEXT || gr_row_of(&rd->grid, t)->ev == GR_EV_GLUED ||
		(w->cur >= 0 && malformed_value(rd, t)))
	{
		walk_value(w, *i, t);
		return;
	}
	if (gr_rd_is_narrative(rd, t))
	{
		*end = walk_narrative(w);
		return;
	}
	if (*i == w->skip_tok)
		return;
	gr_rd_lfold(rd, t);
	switch (w->pol->header ? w->pol->header(w, *i, t, false) : GR_HDR_NONE)
	{
		case GR_HDR_TAKEN:
			return;
		case GR_HDR_BREAK:
			close_row(w);		/* the model has begun a new header (w->header) */
			return;
		default:
			break;
	}
	if ((row = walk_text(w, i, t)) >= 0)
		open_row(w, row, *i);
	else if (w->pol->header)
		w->pol->header(w, *i, t, true);	/* text between a header and the rows */
}

void
gr_read_table(gr_reader *rd, const gr_table_policy *pol, int from, int to)
{
	gr_walk		w;
	bool		end = false;

	if (gr_tokenize(rd->ctx, rd->doc, from, to, &rd->grid) != GR_OK)
		return;
	memset(&w, 0, sizeof(w));
	w.rd = rd;
	w.pol = pol;
	w.cur = w.order = w.orphan_line = w.orphan_reported = w.skip_tok = -1;
	w.vals = gr_alloc(rd->ctx, sizeof(int) * (size_t) (rd->grid.n + 1));
	w.model = pol->model_init ? gr_alloc(rd->ctx, pol->model_size) : gr_alloc0(rd->ctx, pol->model_size);
	if (!w.vals || !w.model)
		return;
	if (pol->layout_rows)
	{
		w.loose_vals = gr_alloc(rd->ctx, sizeof(int) * (size_t) (rd->grid.n + 1));
		if (!w.loose_vals)
			return;
	}
	if (pol->model_init)
		pol->model_init(w.model);
	if (pol->whole_table_row)
		open_row(&w, GR_WHOLE_TABLE, -1);
	for (int i = 0; i < rd->grid.n && !end; i++)
	{
		if (gr_poll(rd->ctx))
			return;
		walk_cell(&w, &i, &end);
		if (rd->ctx->err->status != GR_OK)
			return;				/* out of memory for a row */
	}
	close_row(&w);
	pol->finish(&w);
	/* the walk's state is the next table's room (the grid is kept in rd) */
	gr_release(rd->ctx, w.loose_vals, sizeof(int) * (size_t) (rd->grid.n + 1));
	gr_release(rd->ctx, w.loose, sizeof(gr_loose_run) * (size_t) w.loose_cap);
	gr_release(rd->ctx, w.model, pol->model_size);
	gr_release(rd->ctx, w.rows, sizeof(gr_read_row) * (size_t) w.rows_cap);
	gr_release(rd->ctx, w.vals, sizeof(int) * (size_t) (rd->grid.n + 1));
}
