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
add(gr_ctx *ctx, gr_report *out, int version, const char *rule, int line, gr_num actual,
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
	ctx.env = env;
	ctx.err = err;
	ctx.polls = 0;
	o = gr_alloc0(&ctx, sizeof(gr_report));
	if (!o)
		return err->status;
	*out = o;
	if (!prev->is_report || !cur->is_report)
		return GR_OK;

	if (prev->year && cur->year && cur->year != prev->year + 1)
	{
		char		msg[256];
		gr_num		none = {0, 0, 0};

		snprintf(msg, sizeof(msg), "两份报告的年度为 %d 与 %d，不是相邻年度，跨年衔接规则按上年与本年比较",
				 prev->year, cur->year);
		add(&ctx, o, version, "R-PAIR-01", 0, none, none, NULL, 0, msg);
	}

	/* R-T3-08: this year's 上年结转 is last year's 结转下年度 */
	if ((prev->tables_found & (1u << GR_T3)) && (cur->tables_found & (1u << GR_T3)))
		for (int c = 0; c < T3_PRINTED_COLS; c++)
		{
			int			kin = gr_key_index(GR_T3, GR_R3_carried_in, c),
						kout = gr_key_index(GR_T3, GR_R3_carried_out, c);
			gr_num		vin,
						vout;
			cell_kind	a = gr_rule_cell(cur, kin, &vin),
						b = gr_rule_cell(prev, kout, &vout);
			int			keys[2] = {kin, kout};

			if (a == CV_UNKNOWN || b == CV_UNKNOWN || (a == CV_ABSENT && b == CV_ABSENT))
				continue;
			if (gr_num_cmp(vin, vout) == 0)
				continue;
			{
				char		msg[512],
							a1[48],
							b1[48];

				gr_num_format(vin, a1, sizeof(a1));
				gr_num_format(vout, b1, sizeof(b1));
				snprintf(msg, sizeof(msg), "跨年不衔接：本年表三“%s”列 %s = %s%s，应等于上年报告的 %s = %s%s",
						 gr_t3_cols[c].labels[0], gr_keydefs()[kin].key, a1, a == CV_NUM ? "" : "（空白）",
						 gr_keydefs()[kout].key, b1, b == CV_NUM ? "" : "（空白）");
				add(&ctx, o, version, "R-T3-08", cur->cells[kin].line, vin, vout, keys, 2, msg);
			}
		}

	/* R-T2-03 and R-T2-04: the stock of documents in force, gb2021 both years */
	if (gr_table_edition(prev, GR_T2) == GR_ED_2021 && gr_table_edition(cur, GR_T2) == GR_ED_2021 &&
		(prev->tables_found & (1u << GR_T2)) && (cur->tables_found & (1u << GR_T2)))
	{
		static const int rows[] = {GR_R2_rules, GR_R2_norm_docs};

		for (int i = 0; i < 2; i++)
		{
			int			kf = gr_key_index(GR_T2, rows[i], T2C_IN_FORCE),
						ki = gr_key_index(GR_T2, rows[i], T2C_ISSUED),
						kr = gr_key_index(GR_T2, rows[i], T2C_REPEALED);
			gr_num		prev_f,
						f,
						iss,
						rep;
			int			keys[3] = {kf, ki, kr};

			if (gr_rule_cell(prev, kf, &prev_f) != CV_NUM || gr_rule_cell(cur, kf, &f) != CV_NUM ||
				gr_rule_cell(cur, ki, &iss) != CV_NUM || gr_rule_cell(cur, kr, &rep) != CV_NUM)
				continue;
			{
				gr_num		expect = gr_num_add(gr_num_add(prev_f, iss), gr_num_neg(rep));

				if (expect.set && gr_num_cmp(f, expect) != 0)
				{
					char		msg[512],
								a1[48],
								b1[48];

					gr_num_format(f, a1, sizeof(a1));
					gr_num_format(expect, b1, sizeof(b1));
					snprintf(msg, sizeof(msg), "现行有效件数不衔接：本年 %s = %s，应等于上年现行有效加本年制发减本年废止 = %s（文件失效、修订或机构改革时可能合理）",
							 gr_keydefs()[kf].key, a1, b1);
					add(&ctx, o, version, "R-T2-03", cur->cells[kf].line, f, expect, keys, 3, msg);
				}
			}
			{
				gr_num		cap = gr_num_add(prev_f, iss);

				if (cap.set && gr_num_cmp(rep, cap) > 0)
				{
					char		msg[512],
								a1[48],
								b1[48];

					gr_num_format(rep, a1, sizeof(a1));
					gr_num_format(cap, b1, sizeof(b1));
					snprintf(msg, sizeof(msg), "本年废止件数多于可废止的件数：%s = %s，应不大于上年现行有效加本年制发 = %s",
							 gr_keydefs()[kr].key, a1, b1);
					add(&ctx, o, version, "R-T2-04", cur->cells[kr].line, rep, cap, keys, 3, msg);
				}
			}
		}
	}
	return GR_OK;
}
