/*
 * gr_pair.c — the rules that need two reports of one body, last year's
 * and this year's: what 表三 carried over must arrive (R-T3-08), and the
 * stock of documents in force must continue (R-T2-03, R-T2-04).  Only a
 * database holding every year can check these; the SQL function
 * report_check_pair() is their door.
 */
#include "gr_rules.h"
#include "gr_tables.h"

/* A finding of a pair rule, with the severity the rule table gives it in this version. */
static void
pair_finding(gr_ctx *ctx, gr_report *out, int version, const char *rule, int line, gr_num actual,
			 gr_num expected, const int *keys, int nkeys, const char *msg)
{
	gr_severity sev;
	gr_finding *f;

	if (!gr_rule_lookup(rule, version, &sev))
		return;					/* not a rule of this rule-set version */
	f = gr_add_finding(ctx, out, rule, sev, line, "%s", msg);
	if (!f)
		return;
	f->actual = actual;
	f->expected = expected;
	for (int i = 0; i < nkeys && f->ncells < GR_FINDING_MAX_CELLS; i++)
		if (keys[i] >= 0)
			f->cells[f->ncells++] = keys[i];
}

/* R-PAIR-01: the two reports are not of consecutive years. */
static void
pair_years(gr_ctx *ctx, gr_report *o, int version, const gr_report *prev, const gr_report *cur)
{
	char		msg[256];
	gr_num		none = {0, 0, 0};

	if (!prev->year || !cur->year || cur->year == prev->year + 1)
		return;
	snprintf(msg, sizeof(msg), "两份报告的年度为 %d 与 %d，不是相邻年度，跨年衔接规则按上年与本年比较",
			 prev->year, cur->year);
	pair_finding(ctx, o, version, "R-PAIR-01", 0, none, none, NULL, 0, msg);
}

/* R-T3-08: this year's 上年结转 is last year's 结转下年度, column by column. */
static void
pair_carried(gr_ctx *ctx, gr_report *o, int version, const gr_report *prev, const gr_report *cur)
{
	if (!(prev->tables_found & (1u << GR_T3)) || !(cur->tables_found & (1u << GR_T3)))
		return;
	for (int c = 0; c < T3_PRINTED_COLS; c++)
	{
		int			kin = gr_key_index(GR_T3, GR_R3_carried_in, c),
					kout = gr_key_index(GR_T3, GR_R3_carried_out, c);
		gr_num		vin,
					vout;
		gr_cell_kind a = gr_eval_cell(cur, kin, &vin),
					b = gr_eval_cell(prev, kout, &vout);
		int			keys[2] = {kin, kout};
		char		msg[512],
					a1[48],
					b1[48];

		if (a == GR_CV_UNKNOWN || b == GR_CV_UNKNOWN || (a == GR_CV_ABSENT && b == GR_CV_ABSENT))
			continue;
		if (gr_num_cmp(vin, vout) == 0)
			continue;
		gr_num_format(vin, a1, sizeof(a1));
		gr_num_format(vout, b1, sizeof(b1));
		snprintf(msg, sizeof(msg), "跨年不衔接：本年表三“%s”列 %s = %s%s，应等于上年报告的 %s = %s%s",
				 gr_t3_cols[c].labels[0], gr_keydefs()[kin].key, a1, a == GR_CV_NUM ? "" : "（空白）",
				 gr_keydefs()[kout].key, b1, b == GR_CV_NUM ? "" : "（空白）");
		pair_finding(ctx, o, version, "R-T3-08", cur->cells[kin].line, vin, vout, keys, 2, msg);
	}
}

/*
 * R-T2-03 and R-T2-04 for one 表二 row (规章, 规范性文件): the stock in force
 * continues from last year, and no more is repealed than could be.
 */
static void
pair_stock_row(gr_ctx *ctx, gr_report *o, int version, const gr_report *prev, const gr_report *cur,
			   int row)
{
	int			kf = gr_key_index(GR_T2, row, T2C_IN_FORCE),
				ki = gr_key_index(GR_T2, row, T2C_ISSUED),
				kr = gr_key_index(GR_T2, row, T2C_REPEALED);
	gr_num		prev_f,
				f,
				iss,
				rep,
				expect,
				cap;
	int			keys[3] = {kf, ki, kr};
	char		msg[512],
				a1[48],
				b1[48];

	if (gr_eval_cell(prev, kf, &prev_f) != GR_CV_NUM || gr_eval_cell(cur, kf, &f) != GR_CV_NUM ||
		gr_eval_cell(cur, ki, &iss) != GR_CV_NUM || gr_eval_cell(cur, kr, &rep) != GR_CV_NUM)
		return;
	expect = gr_num_add(gr_num_add(prev_f, iss), gr_num_neg(rep));
	if (expect.set && gr_num_cmp(f, expect) != 0)
	{
		gr_num_format(f, a1, sizeof(a1));
		gr_num_format(expect, b1, sizeof(b1));
		snprintf(msg, sizeof(msg), "现行有效件数不衔接：本年 %s = %s，应等于上年现行有效加本年制发减本年废止 = %s（文件失效、修订或机构改革时可能合理）",
				 gr_keydefs()[kf].key, a1, b1);
		pair_finding(ctx, o, version, "R-T2-03", cur->cells[kf].line, f, expect, keys, 3, msg);
	}
	cap = gr_num_add(prev_f, iss);
	if (cap.set && gr_num_cmp(rep, cap) > 0)
	{
		gr_num_format(rep, a1, sizeof(a1));
		gr_num_format(cap, b1, sizeof(b1));
		snprintf(msg, sizeof(msg), "本年废止件数多于可废止的件数：%s = %s，应不大于上年现行有效加本年制发 = %s",
				 gr_keydefs()[kr].key, a1, b1);
		pair_finding(ctx, o, version, "R-T2-04", cur->cells[kr].line, rep, cap, keys, 3, msg);
	}
}

gr_status
gr_check_pair(const gr_env *env, const gr_report *prev, const gr_report *cur, int version,
			  gr_report **out, gr_error *err)
{
	gr_ctx		ctx;
	gr_error	local;
	gr_report  *o;

	if (err == NULL)
		err = &local;
	memset(err, 0, sizeof(*err));
	if (env == NULL || prev == NULL || cur == NULL || out == NULL)
		return GR_EARG;
	if (gr_ruleset_resolve(&version, err) != GR_OK)
		return err->status;
	gr_ctx_init(&ctx, env, err);
	o = gr_alloc0(&ctx, sizeof(gr_report));
	if (!o)
		return err->status;
	*out = o;
	if (!prev->is_report || !cur->is_report)
		return GR_OK;

	pair_years(&ctx, o, version, prev, cur);
	pair_carried(&ctx, o, version, prev, cur);
	/* the stock of documents in force: 表二 in gb2021 both years */
	if (gr_table_edition(prev, GR_T2) == GR_ED_2021 && gr_table_edition(cur, GR_T2) == GR_ED_2021 &&
		(prev->tables_found & (1u << GR_T2)) && (cur->tables_found & (1u << GR_T2)))
	{
		pair_stock_row(&ctx, o, version, prev, cur, GR_R2_rules);
		pair_stock_row(&ctx, o, version, prev, cur, GR_R2_norm_docs);
	}
	return err->status;
}
