/*
 * gr_pair.c — the rules that need two reports of one body, last year's
 * and this year's: what 表三 carried over must arrive (R-T3-08), and the
 * stock of documents in force must continue (R-T2-03, R-T2-04).  Only a
 * database holding every year can check these; the SQL function
 * report_check_pair() is their door.
 */
#include "gr_rules.h"
#include "gr_tables.h"

static int
key(gr_table t, const char *row, int col)
{
	const gr_rowdef *rows = t == GR_T2 ? gr_t2_rows : gr_t3_rows;
	int			n = t == GR_T2 ? gr_t2_nrows : gr_t3_nrows;

	for (int r = 0; r < n; r++)
		if (rows[r].key && strcmp(rows[r].key, row) == 0)
			return gr_key_index(t, r, col);
	return -1;
}

static void
add(gr_ctx *ctx, gr_report *out, const char *rule, int line, gr_num actual, gr_num expected,
	const int *keys, int nkeys, const char *msg)
{
	gr_finding *f = gr_add_finding(ctx, out, rule, GR_SEV_WARNING, line, "%s", msg);

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
		gr_add_finding(&ctx, o, "R-PAIR-01", GR_SEV_INFO, 0,
					   "两份报告的年度为 %d 与 %d，不是相邻年度，跨年衔接规则按上年与本年比较", prev->year,
					   cur->year);

	/* R-T3-08: this year's 上年结转 is last year's 结转下年度 */
	if ((prev->tables_found & (1u << GR_T3)) && (cur->tables_found & (1u << GR_T3)))
		for (int c = 0; c < T3_PRINTED_COLS; c++)
		{
			int			kin = key(GR_T3, "carried_in", c),
						kout = key(GR_T3, "carried_out", c);
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
				add(&ctx, o, "R-T3-08", cur->cells[kin].line, vin, vout, keys, 2, msg);
			}
		}

	/* R-T2-03 and R-T2-04: the stock of documents in force, gb2021 both years */
	if (prev->edition_t2 == GR_ED_2021 && cur->edition_t2 == GR_ED_2021)
	{
		static const char *const rows[] = {"rules", "norm_docs"};

		for (int i = 0; i < 2; i++)
		{
			int			kf = key(GR_T2, rows[i], T2C_IN_FORCE),
						ki = key(GR_T2, rows[i], T2C_ISSUED),
						kr = key(GR_T2, rows[i], T2C_REPEALED);
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

				if (gr_num_cmp(f, expect) != 0)
				{
					char		msg[512],
								a1[48],
								b1[48];

					gr_num_format(f, a1, sizeof(a1));
					gr_num_format(expect, b1, sizeof(b1));
					snprintf(msg, sizeof(msg), "现行有效件数不衔接：本年 %s = %s，应等于上年现行有效加本年制发减本年废止 = %s（文件失效、修订或机构改革时可能合理）",
							 gr_keydefs()[kf].key, a1, b1);
					add(&ctx, o, "R-T2-03", cur->cells[kf].line, f, expect, keys, 3, msg);
				}
			}
			{
				gr_num		cap = gr_num_add(prev_f, iss);

				if (gr_num_cmp(rep, cap) > 0)
				{
					char		msg[512],
								a1[48],
								b1[48];

					gr_num_format(rep, a1, sizeof(a1));
					gr_num_format(cap, b1, sizeof(b1));
					snprintf(msg, sizeof(msg), "本年废止件数多于可废止的件数：%s = %s，应不大于上年现行有效加本年制发 = %s",
							 gr_keydefs()[kr].key, a1, b1);
					add(&ctx, o, "R-T2-04", cur->cells[kr].line, rep, cap, keys, 3, msg);
				}
			}
		}
	}
	return GR_OK;
}
