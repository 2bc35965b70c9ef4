/*
 * gr_tabrules.c — the rules within one table (spec §6): 表三's balances per
 * column (R-T3-01/03/07/09), the totals of each row of 表三 and 表四
 * (R-T3-02, R-T4-01), the subtotals a variant prints (R-T3-04), numbers
 * that must be counts (R-T3-06, R-T4-02, R-T2-01), the relations between
 * the columns of a 表二 row (R-T2-02, R-T2v19-*), and 表二's particular
 * checks: rule-making power (R-T2-05) and units (R-T2-06, R-T2v19-03).
 *
 * The generic kinds take their rows from the rule table (gr_rules.c) and
 * their hierarchy from the format (gr_format.c), so a new balance is a row
 * of data, not a function.
 */
#include "gr_rules.h"
#include "gr_tables.h"

/*
 * A finding's scope, such as 表三“自然人”列, into buf: before, the label
 * in quotes, after.  Built piece by piece: a rule that fails in every
 * column or row of a report makes one for each, and snprintf's reading of
 * a format string cost more than the rule's sums.
 */
static const char *
scope_of(char *buf, size_t cap, const char *before, const char *label, const char *after)
{
	gr_fbuf		b;

	gr_fb_init(&b, buf, cap);
	gr_fb_puts(&b, before);
	gr_fb_puts(&b, "“");
	gr_fb_puts(&b, label);
	gr_fb_puts(&b, "”");
	gr_fb_puts(&b, after);
	/* cut short by the buffer: never inside a character (the message is the format's own, unchecked) */
	if (b.len + 1 == cap)
		buf[gr_utf8_valid_prefix(buf, b.len)] = '\0';
	return buf;
}

/*
 * R-T3-01, R-T3-03, R-T3-07: per column of 表三, Σ actual rows (op) Σ
 * expected rows; without expected rows, the leaves of actual[0] in the
 * format, so that an edition's own items (（六） split in three, or not) are
 * what is added.
 */
void
gr_tabrule_column_balance(gr_rule_ctx *rc, const gr_ruledef *r)
{
	int			leaves[GR_T3_NROWS];
	const int  *expected = r->expected ? r->expected : leaves;
	int			nexp = 0;

	if (r->expected)
		while (r->expected[nexp] >= 0)
			nexp++;
	else
		nexp = gr_row_leaves(GR_T3, r->actual[0], rc->ed3, leaves);
	for (int c = 0; c < T3_PRINTED_COLS; c++)
	{
		gr_sum_acc		a,
					e;
		char		scope[96];

		gr_eval_acc_init(&a);
		gr_eval_acc_init(&e);
		for (int i = 0; r->actual[i] >= 0; i++)
			gr_eval_acc_add(rc->rep, &a, gr_key_index(GR_T3, r->actual[i], c), 1);
		for (int i = 0; i < nexp; i++)
			gr_eval_acc_add(rc->rep, &e, gr_key_index(GR_T3, expected[i], c), 1);
		if (a.unknown || e.unknown || a.present + e.present == 0)
			continue;
		if (gr_eval_compare(r->op, a.sum, e.sum))
			continue;
		gr_eval_failure(rc, r, &a, &e, scope_of(scope, sizeof(scope), "表三", gr_t3_cols[c].labels[0], "列"),
						NULL);
	}
}

/*
 * R-T3-02, R-T4-01: per row, the total column equals the sum of its leaf
 * columns.  A row with a cell the text lacks is left to R-GEN-01.
 */
void
gr_tabrule_row_totals(gr_rule_ctx *rc, const gr_ruledef *r)
{
	const gr_keydef *k = gr_keydefs();
	int			parts[T3_NCOLS];
	int			nparts = gr_col_leaves(r->table, r->table == GR_T3 ? T3C_TOTAL : T4C_TOTAL, parts);

	if (r->table == GR_T3)
	{
		for (int row = 0; row < GR_T3_NROWS; row++)
		{
			gr_sum_acc		a,
						e;
			char		scope[160];
			int			tk = gr_key_index(GR_T3, row, T3C_TOTAL);

			if (tk < 0 || (k[tk].derived & GR_ED_MASK(rc->ed3) && rc->rep->cells[tk].derived))
				continue;		/* a row the edition derives is checked by R-T3-04 */
			gr_eval_acc_init(&a);
			gr_eval_acc_init(&e);
			gr_eval_acc_add(rc->rep, &a, tk, 1);
			for (int i = 0; i < nparts; i++)
				gr_eval_acc_add(rc->rep, &e, gr_key_index(GR_T3, row, parts[i]), 1);
			if (a.unknown || e.unknown || a.present + e.present == 0 || a.absent)
				continue;
			if (gr_eval_compare(r->op, a.sum, e.sum))
				continue;
			gr_eval_failure(rc, r, &a, &e,
							scope_of(scope, sizeof(scope), "表三", gr_row_label(GR_T3, row, rc->ed3), "行"), NULL);
		}
		return;
	}
	for (int g = 0; g < GR_T4_NROWS; g++)
	{
		gr_sum_acc		a,
					e;
		char		scope[96];

		if (!gr_row_printed(GR_T4, g, rc->ed))
			continue;
		gr_eval_acc_init(&a);
		gr_eval_acc_init(&e);
		gr_eval_acc_add(rc->rep, &a, gr_key_index(GR_T4, g, T4C_TOTAL), 1);
		for (int i = 0; i < nparts; i++)
			gr_eval_acc_add(rc->rep, &e, gr_key_index(GR_T4, g, parts[i]), 1);
		if (a.unknown || e.unknown || a.present + e.present == 0 || a.absent)
			continue;
		if (gr_eval_compare(r->op, a.sum, e.sum))
			continue;
		gr_eval_failure(rc, r, &a, &e, scope_of(scope, sizeof(scope), "表四", gr_row_label(GR_T4, g, rc->ed), ""),
						NULL);
	}
}

/*
 * Subtotals a local variant prints (a 小计 column, a （三）不予公开 row with
 * numbers): each equals the sum of its children in the spec.
 */
void
gr_tabrule_subtotals(gr_rule_ctx *rc, const gr_ruledef *r)
{
	for (int g = 0; g < GR_T3_NROWS; g++)
	{
		int			kids[GR_T3_NROWS];
		int			nrowkids = gr_t3_rows[g].part == GR_PK_SUBTOTAL ?
			gr_row_children(GR_T3, g, rc->ed3, kids) : 0;

		for (int c = 0; c < T3_NCOLS; c++)
		{
			int			out = gr_key_index(GR_T3, g, c);
			int			cols[T3_NCOLS];
			int			ncols = gr_t3_cols[c].part == GR_PK_SUBTOTAL ? gr_col_children(GR_T3, c, cols) : 0;
			gr_sum_acc		a,
						e;
			char		row[160],
						scope[160];

			if (out < 0 || rc->rep->cells[out].state != GR_CELL_NUMBER || rc->rep->cells[out].derived)
				continue;
			if (ncols == 0 && nrowkids == 0)
				continue;
			gr_eval_acc_init(&a);
			gr_eval_acc_init(&e);
			for (int i = 0; i < ncols; i++)
				gr_eval_acc_add(rc->rep, &e, gr_key_index(GR_T3, g, cols[i]), 1);
			for (int i = 0; ncols == 0 && i < nrowkids; i++)
				gr_eval_acc_add(rc->rep, &e, gr_key_index(GR_T3, kids[i], c), 1);
			gr_eval_acc_add(rc->rep, &a, out, 1);
			if (e.unknown || e.present == 0 || gr_eval_compare(r->op, a.sum, e.sum))
				continue;
			scope_of(row, sizeof(row), "表三", gr_row_label(GR_T3, g, rc->ed3), "行");
			gr_eval_failure(rc, r, &a, &e, scope_of(scope, sizeof(scope), row, gr_col_label(GR_T3, c), "列"),
							NULL);
		}
	}
}

/* R-T3-06, R-T4-02, R-T2-01: printed numbers of a table are >= 0, whole for counts. */
void
gr_tabrule_nonneg(gr_rule_ctx *rc, const gr_ruledef *r)
{
	const gr_keydef *k = gr_keydefs();

	for (int i = 0; i < rc->rep->ncells; i++)
	{
		const gr_cell *c = &rc->rep->cells[i];
		bool		whole,
					neg;
		char		v[48];
		gr_finding *f;
		gr_str		raw;

		if (k[i].table != r->table || c->state != GR_CELL_NUMBER || c->derived ||
			k[i].kind == GR_KIND_SIGNED)
			continue;
		neg = c->mant < 0;
		whole = c->scale == 0 || c->mant % gr_num_pow10(c->scale) == 0;
		if (!neg && (whole || k[i].kind == GR_KIND_MONEY))
			continue;
		gr_num_format(gr_num_make(c->mant, c->scale), v, sizeof(v));
		raw = gr_cell_raw(rc->rep, c);
		f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, c->line, "%s：%s = %s（%.*s）",
						   r->what, k[i].key, v, (int) raw.len, raw.ptr);
		if (f)
		{
			f->cells[f->ncells++] = i;
			f->actual = gr_num_make(c->mant, c->scale);
		}
	}
}

/* R-T3-09: nothing came in, so nothing can go out. */
void
gr_tabrule_zero_chain(gr_rule_ctx *rc, const gr_ruledef *r)
{
	gr_sum_acc		in,
				out;

	gr_eval_acc_init(&in);
	gr_eval_acc_init(&out);
	gr_eval_acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_new_received, T3C_TOTAL), 1);
	gr_eval_acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_carried_in, T3C_TOTAL), 1);
	gr_eval_acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_results_total, T3C_TOTAL), 1);
	gr_eval_acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_carried_out, T3C_TOTAL), 1);
	if (in.unknown || out.unknown || in.present == 0 || in.sum.mant != 0 || out.sum.mant == 0)
		return;
	{
		gr_sum_acc		zero;

		gr_eval_acc_init(&zero);
		zero.line = in.line;
		gr_eval_failure(rc, r, &out, &zero, "表三“总计”列",
					   "（t3.new_received.total + t3.carried_in.total = 0）");
	}
}

/*
 * R-T2-02, R-T2v19-01, R-T2v19-02: relations between the columns of one
 * 表二 row; the rule's id picks its rows and columns below.
 */
void
gr_tabrule_t2_relations(gr_rule_ctx *rc, const gr_ruledef *r)
{
	static const struct
	{
		const char *rule;
		int			rows[7];		/* -1 ends */
		int			actual[2];	/* columns, -1 ends */
		int			expected[2];
		int			esign[2];
	}			rel[] = {
		{"R-T2-02", {GR_R2_rules, GR_R2_norm_docs, -1}, {T2C_IN_FORCE, -1}, {T2C_ISSUED, T2C_REPEALED}, {1, -1}},
		{"R-T2v19-01", {GR_R2_rules, GR_R2_norm_docs, -1}, {T2C_PUBLISHED, -1}, {T2C_TOTAL_PUBLISHED, -1}, {1, 1}},
		{"R-T2v19-02", {GR_R2_licensing, GR_R2_other_services, GR_R2_penalty, GR_R2_coercion, GR_R2_admin_fees, -1},
		{T2C_PREV_ITEMS, T2C_DELTA}, {-1, -1}, {1, 1}},
	};

	for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++)
	{
		if (strcmp(rel[i].rule, r->id) != 0)
			continue;
		for (int k = 0; k < 7 && rel[i].rows[k] >= 0; k++)
		{
			gr_sum_acc		a,
						e;
			char		scope[96];

			gr_eval_acc_init(&a);
			gr_eval_acc_init(&e);
			for (int j = 0; j < 2 && rel[i].actual[j] >= 0; j++)
				gr_eval_acc_add(rc->rep, &a, gr_key_index(GR_T2, rel[i].rows[k], rel[i].actual[j]), 1);
			for (int j = 0; j < 2 && rel[i].expected[j] >= 0; j++)
				gr_eval_acc_add(rc->rep, &e, gr_key_index(GR_T2, rel[i].rows[k], rel[i].expected[j]), rel[i].esign[j]);
			if (a.unknown || e.unknown || a.present == 0 || a.absent || e.absent)
				continue;
			if (gr_eval_compare(r->op, a.sum, e.sum))
				continue;
			gr_eval_failure(rc, r, &a, &e,
							scope_of(scope, sizeof(scope), "表二", gr_row_label(GR_T2, rel[i].rows[k], rc->ed2), ""),
							NULL);
		}
	}
}

/* Bodies below the city level have no power to make rules (规章). */
static bool
no_rule_making_power(gr_str org)
{
	static const char *const low[] = {"县", "乡", "镇", "街道", "团场", "旗", NULL};

	for (int i = 0; low[i]; i++)
		if (gr_memmem(org.ptr, org.len, low[i]))
			return true;
	return false;
}

/* R-T2-05: a body without rule-making power that counts 规章. */
void
gr_tabrule_rule_making(gr_rule_ctx *rc, const gr_ruledef *r)
{
	if (rc->rep->org.len == 0 || !no_rule_making_power(rc->rep->org))
		return;
	for (int c = 0; c < T2_NCOLS; c++)
	{
		int			k = gr_key_index(GR_T2, GR_R2_rules, c);
		gr_num		v;
		gr_finding *f;
		char		msg[4096];
		gr_fbuf		b;

		if (k < 0 || gr_eval_cell(rc->rep, k, &v) != GR_CV_NUM || v.mant == 0)
			continue;
		/* what：“org”的 key = n */
		gr_fb_init(&b, msg, sizeof(msg));
		gr_fb_puts(&b, r->what);
		gr_fb_puts(&b, "：“");
		gr_fb_putn(&b, rc->rep->org.ptr, rc->rep->org.len);
		gr_fb_puts(&b, "”的 ");
		gr_fb_puts(&b, gr_keydefs()[k].key);
		gr_fb_puts(&b, " = ");
		gr_fb_int(&b, v.mant, 0);
		f = gr_add_finding_built(rc->ctx, rc->rep, r->id, r->sev, rc->rep->cells[k].line, &b);
		if (f)
		{
			f->cells[f->ncells++] = k;
			f->actual = v;
			f->expected = gr_num_make(0, 0);
		}
	}
}

/* Is the unit written in the cell exactly u? */
static bool
unit_is(const gr_cell *c, const char *u)
{
	return c->unit.len == strlen(u) && memcmp(c->unit.ptr, u, c->unit.len) == 0;
}

/* R-T2-06: the fee written in 元 where the column is in 万元 (the parser converted it). */
void
gr_tabrule_fee_unit(gr_rule_ctx *rc, const gr_ruledef *r)
{
	int			k = gr_key_index(GR_T2, GR_R2_admin_fees, T2C_AMOUNT_WAN);
	const gr_cell *c = k >= 0 ? &rc->rep->cells[k] : NULL;
	gr_finding *f;
	gr_str		raw;

	if (c == NULL || c->state != GR_CELL_NUMBER || !unit_is(c, "元"))
		return;
	raw = gr_cell_raw(rc->rep, c);
	f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, c->line,
					   "%s：t2.admin_fees.amount_wan 写作“%.*s”，以元为单位，已按万元折算",
					   r->what, (int) raw.len, raw.ptr);
	if (f)
	{
		f->cells[f->ncells++] = k;
		f->actual = gr_num_make(c->mant, c->scale);
	}
}

/* R-T2v19-03: a procurement amount written with no unit, read as 万元. */
void
gr_tabrule_procurement_unit(gr_rule_ctx *rc, const gr_ruledef *r)
{
	int			k = gr_key_index(GR_T2, GR_R2_central_procurement, T2C_AMOUNT_WAN);
	const gr_cell *c = k >= 0 ? &rc->rep->cells[k] : NULL;
	gr_finding *f;
	gr_str		raw;

	if (c == NULL || c->state != GR_CELL_NUMBER || c->unit.len > 0 || c->mant == 0)
		return;
	raw = gr_cell_raw(rc->rep, c);
	f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, c->line,
					   "%s：t2.central_procurement.amount_wan 写作“%.*s”，未写单位，按万元读取",
					   r->what, (int) raw.len, raw.ptr);
	if (f)
		f->cells[f->ncells++] = k;
}
