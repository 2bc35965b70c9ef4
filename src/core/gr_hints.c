/*
 * gr_hints.c — where to look when a balance fails: never a repair, only a
 * finding of severity info that names the likely slip — a number split over
 * two cells (R-H-01), a request counted in the wrong applicant column
 * (R-H-02), project counts filled in as decisions (R-H-03), a request
 * partly granted counted twice (R-T3-05).  Each looks for the one trace
 * its slip leaves in otherwise consistent numbers.
 */
#include "gr_rules.h"
#include "gr_tables.h"

/* The leaves of 表三's （七）总计 in the edition 表三 follows: R-T3-03's parts. */
static int
result_items(const gr_rule_ctx *rc, int *rows)
{
	return gr_row_leaves(GR_T3, GR_R3_results_total, rc->ed3, rows);
}

/* R-H-01: two single digits side by side that, read as one number, repair the row. */
void
gr_hint_split_number(gr_rule_ctx *rc, const gr_ruledef *r)
{
	for (int row = 0; row < GR_T3_NROWS; row++)
	{
		gr_num		v[T3_PRINTED_COLS];
		gr_cell_kind kind[T3_PRINTED_COLS];
		int64_t		sum = 0;
		bool		ok = gr_t3_rows[row].part != GR_PK_CAPTION;

		for (int c = 0; ok && c < T3_PRINTED_COLS; c++)
		{
			kind[c] = gr_eval_cell(rc->rep, gr_key_index(GR_T3, row, c), &v[c]);
			ok = kind[c] == GR_CV_NUM && v[c].scale == 0;
			if (ok && c < T3C_TOTAL)
				sum += v[c].mant;
		}
		if (!ok || sum == v[T3C_TOTAL].mant)
			continue;
		for (int c = 0; c + 1 < T3C_TOTAL; c++)
		{
			int64_t		a = v[c].mant,
						b = v[c + 1].mant;

			if (a >= 1 && a <= 9 && b >= 0 && b <= 9 && sum - a - b + (10 * a + b) == v[T3C_TOTAL].mant)
			{
				gr_finding *f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev,
											   rc->rep->cells[gr_key_index(GR_T3, row, c)].line,
											   "提示：表三“%s”行的 %lld 与 %lld 若是同一个数 %lld，则该行总计相符（%s、%s）",
											   gr_t3_rows[row].labels[0], (long long) a, (long long) b,
											   (long long) (10 * a + b), gr_keydefs()[gr_key_index(GR_T3, row, c)].key,
											   gr_keydefs()[gr_key_index(GR_T3, row, c + 1)].key);

				if (f)
				{
					f->cells[f->ncells++] = gr_key_index(GR_T3, row, c);
					f->cells[f->ncells++] = gr_key_index(GR_T3, row, c + 1);
				}
			}
		}
	}
}

/*
 * R-T3-05: the format counts a request partly granted only under （二）.
 * Counted twice, it makes 三+四 exceed 一+二 while （七） still equals the
 * sum of the results: the one trace double counting leaves.
 */
void
gr_hint_double_count(gr_rule_ctx *rc, const gr_ruledef *r)
{
	int			items[GR_T3_NROWS];
	int			nitems = result_items(rc, items);

	for (int c = 0; c < T3_PRINTED_COLS; c++)
	{
		gr_sum_acc		in,
					out,
					tot,
					parts;

		gr_eval_acc_init(&in);
		gr_eval_acc_init(&out);
		gr_eval_acc_init(&tot);
		gr_eval_acc_init(&parts);
		gr_eval_acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_new_received, c), 1);
		gr_eval_acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_carried_in, c), 1);
		gr_eval_acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_results_total, c), 1);
		gr_eval_acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_carried_out, c), 1);
		gr_eval_acc_add(rc->rep, &tot, gr_key_index(GR_T3, GR_R3_results_total, c), 1);
		for (int i = 0; i < nitems; i++)
			gr_eval_acc_add(rc->rep, &parts, gr_key_index(GR_T3, items[i], c), 1);
		if (in.unknown || out.unknown || parts.unknown || in.present == 0)
			continue;
		if (gr_num_cmp(out.sum, in.sum) > 0 && gr_num_cmp(tot.sum, parts.sum) == 0)
		{
			char		a[48],
						b[48];
			gr_finding *f;

			gr_num_format(out.sum, a, sizeof(a));
			gr_num_format(in.sum, b, sizeof(b));
			f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, out.line,
							   "提示：表三“%s”列三加四为 %s，多于一加二的 %s，而（七）总计与各项之和相符：部分公开或其他申请可能被重复计数",
							   gr_t3_cols[c].labels[0], a, b);
			if (f)
			{
				f->actual = out.sum;
				f->expected = in.sum;
				for (int i = 0; i < out.ncells; i++)
					f->cells[f->ncells++] = out.cells[i];
				for (int i = 0; i < in.ncells; i++)
					f->cells[f->ncells++] = in.cells[i];
			}
		}
	}
}

/* R-H-02: R-T3-01 off by +d in one applicant column and -d in another, 总计 balanced. */
void
gr_hint_wrong_column(gr_rule_ctx *rc, const gr_ruledef *r)
{
	int64_t		diff[T3_PRINTED_COLS];
	bool		known[T3_PRINTED_COLS];

	for (int c = 0; c < T3_PRINTED_COLS; c++)
	{
		gr_sum_acc		in,
					out;

		gr_eval_acc_init(&in);
		gr_eval_acc_init(&out);
		gr_eval_acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_new_received, c), 1);
		gr_eval_acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_carried_in, c), 1);
		gr_eval_acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_results_total, c), 1);
		gr_eval_acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_carried_out, c), 1);
		known[c] = !in.unknown && !out.unknown && in.sum.scale == 0 && out.sum.scale == 0 &&
			in.present + out.present > 0;
		diff[c] = known[c] ? in.sum.mant - out.sum.mant : 0;
	}
	if (!known[T3C_TOTAL] || diff[T3C_TOTAL] != 0)
		return;
	for (int a = 0; a < T3C_TOTAL; a++)
		for (int b = a + 1; b < T3C_TOTAL; b++)
			if (known[a] && known[b] && diff[a] != 0 && diff[a] == -diff[b])
			{
				bool		only = true;

				for (int c = 0; c < T3C_TOTAL; c++)
					if (c != a && c != b && diff[c] != 0)
						only = false;
				if (only)
					gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, 0,
								   "提示：表三“%s”列与“%s”列的一加二与三加四相差 %lld 与 %lld，总计列相符，可能有 %lld 件申请填错了列",
								   gr_t3_cols[a].labels[0], gr_t3_cols[b].labels[0], (long long) diff[a],
								   (long long) diff[b], (long long) (diff[a] < 0 ? -diff[a] : diff[a]));
			}
}

/* R-H-03 (spec E13): 上一年项目数量 0, 本年增/减 = 处理决定数量 > 0. */
void
gr_hint_project_counts(gr_rule_ctx *rc, const gr_ruledef *r)
{
	static const int rows[] = {GR_R2_licensing, GR_R2_other_services, GR_R2_penalty, GR_R2_coercion, -1};

	for (int i = 0; rows[i] >= 0; i++)
	{
		gr_num		p,
					d,
					x;
		int			kp = gr_key_index(GR_T2, rows[i], T2C_PREV_ITEMS),
					kd = gr_key_index(GR_T2, rows[i], T2C_DELTA),
					kx = gr_key_index(GR_T2, rows[i], T2C_DECISIONS);

		if (gr_eval_cell(rc->rep, kp, &p) != GR_CV_NUM || gr_eval_cell(rc->rep, kd, &d) != GR_CV_NUM ||
			gr_eval_cell(rc->rep, kx, &x) != GR_CV_NUM)
			continue;
		if (p.mant == 0 && d.mant > 0 && gr_num_cmp(d, x) == 0)
		{
			gr_finding *f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, rc->rep->cells[kd].line,
										   "提示：表二“%s”上一年项目数量为0，本年增/减与处理决定数量同为 %lld，项目数量可能误填为处理决定数量",
										   gr_row_label(GR_T2, rows[i], rc->ed2), (long long) d.mant);

			if (f)
			{
				f->cells[f->ncells++] = kp;
				f->cells[f->ncells++] = kd;
				f->cells[f->ncells++] = kx;
			}
		}
	}
}
