/*
 * gr_rules.c — the balance and structure rules of spec §6 as data, and
 * their evaluation over the cells of a parsed report.
 *
 * One policy for NULL everywhere: in the arithmetic a blank cell (or a
 * dash, or a row the text lacks) counts as 0, and R-GEN-02 (or R-GEN-01)
 * reports it; a cell that could not be read or placed makes the rule skip
 * that column, since no sum over it can be trusted.  Rules never change a
 * cell.  Each finding names its rule, the cells, the value the report
 * states (actual) and the value the parts give (expected), and the line.
 *
 * Every rule carries the rule-set version that introduced it (and, once a
 * rule is changed or dropped, the last version that had it), so that
 * gr_check(…, version) answers as that version did.
 */
#include <stdarg.h>

#include "gr_grid.h"
#include "gr_rules.h"
#include "gr_tables.h"

/* ---- the rule table ---- */

struct ruledef;
typedef void (*rule_fn) (rule_ctx *rc, const struct ruledef *r);

typedef enum cmp_op
{
	OP_EQ,
	OP_LE,						/* actual <= expected */
	OP_GE						/* actual >= expected */
} cmp_op;

typedef struct ruledef
{
	const char *id;
	gr_severity sev;
	int			since;			/* first rule-set version with the rule */
	int			until;			/* last one, 0 while current */
	unsigned	editions;		/* editions of the table it reads */
	gr_table	table;			/* whose edition decides; GR_T4 for report-level rules */
	rule_fn		fn;
	/* parameters of the generic kinds */
	cmp_op		op;
	const int  *actual;			/* 表三 rows summed for the stated side, -1 ends */
	const int  *expected;		/* rows summed for the computed side; NULL: the leaves of actual[0] */
	const char *what;			/* Chinese: what the rule asks */
} ruledef;

static void rule_column_balance(rule_ctx *rc, const ruledef *r);
static void rule_row_totals(rule_ctx *rc, const ruledef *r);
static void rule_subtotals(rule_ctx *rc, const ruledef *r);
static void rule_nonneg(rule_ctx *rc, const ruledef *r);
static void rule_zero_chain(rule_ctx *rc, const ruledef *r);
static void rule_t2_relations(rule_ctx *rc, const ruledef *r);
static void rule_rule_making(rule_ctx *rc, const ruledef *r);
static void rule_fee_unit(rule_ctx *rc, const ruledef *r);
static void rule_procurement_unit(rule_ctx *rc, const ruledef *r);
static void rule_edition(rule_ctx *rc, const ruledef *r);
static void rule_sections(rule_ctx *rc, const ruledef *r);
static void rule_no_requests(rule_ctx *rc, const ruledef *r);
static void rule_no_cases(rule_ctx *rc, const ruledef *r);
static void rule_fee_statement(rule_ctx *rc, const ruledef *r);
static void rule_norm_docs_text(rule_ctx *rc, const ruledef *r);
static void rule_period(rule_ctx *rc, const ruledef *r);
static void rule_deadline(rule_ctx *rc, const ruledef *r);
static void rule_prev_problems(rule_ctx *rc, const ruledef *r);
static void rule_missing(rule_ctx *rc, const ruledef *r);
static void rule_blanks(rule_ctx *rc, const ruledef *r);
static void rule_unreadable(rule_ctx *rc, const ruledef *r);
static void hint_split_number(rule_ctx *rc, const ruledef *r);
static void hint_double_count(rule_ctx *rc, const ruledef *r);
static void hint_wrong_column(rule_ctx *rc, const ruledef *r);
static void hint_project_counts(rule_ctx *rc, const ruledef *r);

static const int rows_in[] = {GR_R3_new_received, GR_R3_carried_in, -1};
static const int rows_out[] = {GR_R3_results_total, GR_R3_carried_out, -1};
static const int rows_results[] = {GR_R3_results_total, -1};
static const int rows_carried_out[] = {GR_R3_carried_out, -1};

#define E19 GR_M19
#define E21 GR_M21
#define EB GR_MBOTH

static const ruledef rules[] = {
	/* 表三 */
	{"R-T3-01", GR_SEV_ERROR, 1, 0, EB, GR_T3, rule_column_balance, OP_EQ, rows_out, rows_in,
	"一、本年新收加二、上年结转，应等于三、（七）总计加四、结转下年度继续办理"},
	{"R-T3-02", GR_SEV_ERROR, 1, 0, EB, GR_T3, rule_row_totals, OP_EQ, NULL, NULL,
	"总计应等于自然人与五类法人或其他组织之和"},
	{"R-T3-03a", GR_SEV_ERROR, 1, 0, E21, GR_T3, rule_column_balance, OP_EQ, rows_results, NULL,
	"（七）总计应等于（一）至（六）各项办理结果之和"},
	{"R-T3-03b", GR_SEV_ERROR, 1, 0, E19, GR_T3, rule_column_balance, OP_EQ, rows_results, NULL,
	"（七）总计应等于（一）至（六）各项办理结果之和"},
	{"R-T3-04", GR_SEV_ERROR, 1, 0, EB, GR_T3, rule_subtotals, OP_EQ, NULL, NULL,
	"表中印出的小计应等于其各分项之和"},
	{"R-T3-06", GR_SEV_ERROR, 1, 0, EB, GR_T3, rule_nonneg, OP_EQ, NULL, NULL,
	"申请件数应为非负整数"},
	{"R-T3-07", GR_SEV_ERROR, 1, 0, EB, GR_T3, rule_column_balance, OP_LE, rows_carried_out, rows_in,
	"结转下年度继续办理不应多于本年新收加上年结转"},
	{"R-T3-09", GR_SEV_ERROR, 1, 0, EB, GR_T3, rule_zero_chain, OP_EQ, NULL, NULL,
	"本年新收与上年结转均为0时，办理结果和结转下年度也应为0"},
	/* 表四 */
	{"R-T4-01", GR_SEV_ERROR, 1, 0, EB, GR_T4, rule_row_totals, OP_EQ, NULL, NULL,
	"总计应等于结果维持、结果纠正、其他结果、尚未审结之和"},
	{"R-T4-02", GR_SEV_ERROR, 1, 0, EB, GR_T4, rule_nonneg, OP_EQ, NULL, NULL,
	"案件数应为非负整数"},
	/* 表二 */
	{"R-T2-01", GR_SEV_ERROR, 1, 0, E21, GR_T2, rule_nonneg, OP_EQ, NULL, NULL,
	"件数应为非负整数，收费金额应为非负数"},
	{"R-T2-02", GR_SEV_ERROR, 1, 0, E21, GR_T2, rule_t2_relations, OP_GE, NULL, NULL,
	"现行有效件数不应少于本年制发件数减本年废止件数"},
	{"R-T2-05", GR_SEV_WARNING, 1, 0, EB, GR_T2, rule_rule_making, OP_EQ, NULL, NULL,
	"县级、乡级政府及其部门没有规章制定权，规章数应为0"},
	{"R-T2-06", GR_SEV_WARNING, 1, 0, E21, GR_T2, rule_fee_unit, OP_EQ, NULL, NULL,
	"行政事业性收费金额的单位是万元"},
	{"R-T2v19-01", GR_SEV_WARNING, 1, 0, E19, GR_T2, rule_t2_relations, OP_LE, NULL, NULL,
	"本年新公开数量不应多于对外公开总数量"},
	{"R-T2v19-02", GR_SEV_ERROR, 1, 0, E19, GR_T2, rule_t2_relations, OP_GE, NULL, NULL,
	"上一年项目数量加本年增/减不应为负"},
	{"R-T2v19-03", GR_SEV_WARNING, 1, 0, E19, GR_T2, rule_procurement_unit, OP_EQ, NULL, NULL,
	"政府集中采购总金额应写明单位（元或万元）"},
	/* the whole report */
	{"R-X-01", GR_SEV_ERROR, 1, 0, EB, GR_T4, rule_edition, OP_EQ, NULL, NULL,
	"2019、2020年度报告用国办公开办函〔2019〕60号格式，2021年度起用〔2021〕30号格式，不得新旧混用"},
	{"R-X-02", GR_SEV_ERROR, 1, 0, EB, GR_T4, rule_sections, OP_EQ, NULL, NULL,
	"报告应依次包括六个部分（缺少为错误），标题宜与格式一致（不一致为警告）"},
	{"R-X-03", GR_SEV_ERROR, 1, 0, EB, GR_T4, rule_no_requests, OP_EQ, NULL, NULL,
	"正文所述收到申请情况应与表三一致"},
	{"R-X-04", GR_SEV_ERROR, 1, 0, EB, GR_T4, rule_no_cases, OP_EQ, NULL, NULL,
	"正文所述行政复议、行政诉讼情况应与表四一致"},
	{"R-X-05", GR_SEV_WARNING, 1, 0, E21, GR_T4, rule_fee_statement, OP_EQ, NULL, NULL,
	"第六部分应报告信息处理费收取情况"},
	{"R-X-06", GR_SEV_INFO, 1, 0, E21, GR_T4, rule_norm_docs_text, OP_EQ, NULL, NULL,
	"正文所述规范性文件件数宜与表二一致"},
	{"R-X-07", GR_SEV_WARNING, 1, 0, EB, GR_T4, rule_period, OP_EQ, NULL, NULL,
	"统计期限应为报告年度1月1日至12月31日，标题年度应与之一致"},
	{"R-X-08", GR_SEV_INFO, 1, 0, EB, GR_T4, rule_deadline, OP_EQ, NULL, NULL,
	"部门应于次年1月31日前、政府应于次年3月31日前公布年度报告"},
	{"R-X-09", GR_SEV_INFO, 1, 0, E21, GR_T4, rule_prev_problems, OP_EQ, NULL, NULL,
	"第五部分宜说明上年度问题的整改情况"},
	{"R-GEN-01", GR_SEV_ERROR, 1, 0, EB, GR_T4, rule_missing, OP_EQ, NULL, NULL,
	"表格及其行列不得缺项"},
	{"R-GEN-01", GR_SEV_ERROR, 1, 0, EB, GR_T4, rule_unreadable, OP_EQ, NULL, NULL,
	"表格的数值单元格应为数值"},
	{"R-GEN-02", GR_SEV_WARNING, 1, 0, EB, GR_T4, rule_blanks, OP_EQ, NULL, NULL,
	"数值单元格不应空白，无数据时填0"},
	/* hints: never a repair, only where to look */
	{"R-T3-05", GR_SEV_INFO, 1, 0, EB, GR_T3, hint_double_count, OP_EQ, NULL, NULL,
	"部分公开的申请只计这一情形，不应同时计入其他办理结果"},
	{"R-H-01", GR_SEV_INFO, 1, 0, EB, GR_T3, hint_split_number, OP_EQ, NULL, NULL,
	"一个数可能被拆到了相邻两格"},
	{"R-H-02", GR_SEV_INFO, 1, 0, EB, GR_T3, hint_wrong_column, OP_EQ, NULL, NULL,
	"申请可能填错了申请人列"},
	{"R-H-03", GR_SEV_INFO, 1, 0, E19, GR_T2, hint_project_counts, OP_EQ, NULL, NULL,
	"项目数量可能误填为处理决定数量"},

	/* listed here, found elsewhere: across two years (gr_pair.c) ... */
	{"R-T3-08", GR_SEV_WARNING, 1, 0, EB, GR_T3, NULL, OP_EQ, NULL, NULL,
	"本年上年结转应等于上年报告的结转下年度（跨年，report_check_pair）"},
	{"R-T2-03", GR_SEV_WARNING, 1, 0, E21, GR_T2, NULL, OP_EQ, NULL, NULL,
	"本年现行有效件数应等于上年现行有效加本年制发减本年废止（跨年，report_check_pair）"},
	{"R-T2-04", GR_SEV_WARNING, 1, 0, E21, GR_T2, NULL, OP_EQ, NULL, NULL,
	"本年废止件数不应多于上年现行有效加本年制发（跨年，report_check_pair）"},
	{"R-PAIR-01", GR_SEV_INFO, 1, 0, EB, GR_T4, NULL, OP_EQ, NULL, NULL,
	"跨年比较的两份报告应为相邻年度"},
	/* ... and by the parser (gr_tables.c) */
	{"R-PARSE-01", GR_SEV_WARNING, 1, 0, EB, GR_T4, NULL, OP_EQ, NULL, NULL,
	"一行的数值个数与列数不符，无法确定各数值所在列，该行不填"},
	{"R-PARSE-02", GR_SEV_WARNING, 1, 0, EB, GR_T4, NULL, OP_EQ, NULL, NULL,
	"数值位于本行没有的列下，不填"},
	{"R-PARSE-03", GR_SEV_WARNING, 1, 0, EB, GR_T4, NULL, OP_EQ, NULL, NULL,
	"一行有标题而没有数值"},
	{"R-PARSE-04", GR_SEV_WARNING, 1, 0, EB, GR_T4, NULL, OP_EQ, NULL, NULL,
	"数值与其行标题不在同一行且前一行缺少数值，无法确定归属，不填"},
	{"R-PARSE-05", GR_SEV_WARNING, 1, 0, EB, GR_T4, NULL, OP_EQ, NULL, NULL,
	"数值之和超出可精确计算的范围，该合计不计算、相关规则不检查"},
};

/* ---- cells as the rules see them ---- */

cell_kind
gr_rule_cell(const gr_report *rep, int key, gr_num *v)
{
	const gr_cell *c;

	*v = gr_num_make(0, 0);
	if (key < 0)
		return CV_ABSENT;
	c = &rep->cells[key];
	switch (c->state)
	{
		case GR_CELL_NUMBER:
			*v = gr_num_make(c->mant, c->scale);
			return CV_NUM;
		case GR_CELL_BLANK:
		case GR_CELL_DASH:
			return CV_BLANK;
		case GR_CELL_ABSENT:
			return c->derived ? CV_UNKNOWN : CV_ABSENT;
		default:
			return CV_UNKNOWN;
	}
}

/* The leaves of 表三's （七）总计 in the edition 表三 follows: R-T3-03's parts. */
static int
result_items(const rule_ctx *rc, int *rows)
{
	return gr_row_leaves(GR_T3, GR_R3_results_total, rc->ed3, rows);
}

/* A sum over cells, with what it met on the way. */
typedef struct sum_acc
{
	gr_num		sum;
	int			unknown;
	int			absent;
	int			present;
	int			cells[GR_FINDING_MAX_CELLS];
	int			signs[GR_FINDING_MAX_CELLS];
	int			ncells;
	int			blanks[GR_FINDING_MAX_CELLS];	/* blank or absent: counted as 0 */
	int			nblanks;
	int			line;
} sum_acc;

static void
acc_init(sum_acc *a)
{
	memset(a, 0, sizeof(*a));
	a->sum = gr_num_make(0, 0);
}

static void
acc_add(const gr_report *rep, sum_acc *a, int key, int sign)
{
	gr_num		v;
	cell_kind	k = gr_rule_cell(rep, key, &v);

	if (key >= 0 && a->ncells < GR_FINDING_MAX_CELLS)
	{
		a->signs[a->ncells] = sign;
		a->cells[a->ncells++] = key;
	}
	switch (k)
	{
		case CV_NUM:
			a->sum = gr_num_add(a->sum, sign < 0 ? gr_num_neg(v) : v);
			if (!a->sum.set)
				a->unknown++;	/* beyond the exact range: gr_check says so once */
			a->present++;
			if (!a->line && rep->cells[key].line)
				a->line = rep->cells[key].line;
			break;
		case CV_BLANK:
			a->present++;
			if (a->nblanks < GR_FINDING_MAX_CELLS)
				a->blanks[a->nblanks++] = key;
			if (!a->line && rep->cells[key].line)
				a->line = rep->cells[key].line;
			break;
		case CV_ABSENT:
			a->absent++;
			if (key >= 0 && a->nblanks < GR_FINDING_MAX_CELLS)
				a->blanks[a->nblanks++] = key;
			break;
		case CV_UNKNOWN:
			a->unknown++;
			break;
	}
}

static bool
compare(cmp_op op, gr_num actual, gr_num expected)
{
	int			c = gr_num_cmp(actual, expected);

	return op == OP_EQ ? c == 0 : op == OP_LE ? c <= 0 : c >= 0;
}

/* "t3.a.total + t3.b.total - t3.c.total" into buf; signs may be NULL */
static void
keys_text(const int *keys, const int *signs, int n, char *buf, size_t cap)
{
	size_t		o = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && o + 1 < cap; i++)
		o += (size_t) snprintf(buf + o, cap - o, "%s%s", i == 0 ? (signs && signs[i] < 0 ? "-" : "") :
							   (signs && signs[i] < 0 ? " - " : " + "), gr_keydefs()[keys[i]].key);
}

/* "t3.a.total、t3.b.total" into buf; "…" when it does not all fit */
static void
keys_list(const int *keys, int n, char *buf, size_t cap)
{
	size_t		o = 0;

	buf[0] = '\0';
	for (int i = 0; i < n; i++)
	{
		const char *k = gr_keydefs()[keys[i]].key;
		size_t		need = strlen(k) + (i ? strlen("、") : 0);

		if (o + need + strlen("…") + 1 > cap)
		{
			if (o + strlen("…") + 1 <= cap)
				strcpy(buf + o, "…");
			return;
		}
		o += (size_t) snprintf(buf + o, cap - o, "%s%s", i ? "、" : "", k);
	}
}

/*
 * Record a failed comparison: the rule's question, the stated side and
 * the computed side with their keys and values, the cells counted as 0.
 */
static void
report_failure(rule_ctx *rc, const ruledef *r, const sum_acc *a, const sum_acc *e,
			   const char *scope, const char *note)
{
	char		msg[2400],
				av[48],
				ev[48],
				lk[800],
				rk[900],
				blanks[700] = "";
	gr_finding *f;
	const char *rel = r->op == OP_EQ ? "应等于" : r->op == OP_LE ? "应不大于" : "应不小于";

	gr_num_format(a->sum, av, sizeof(av));
	gr_num_format(e->sum, ev, sizeof(ev));
	keys_text(a->cells, a->signs, a->ncells, lk, sizeof(lk));
	keys_text(e->cells, e->signs, e->ncells, rk, sizeof(rk));
	if (a->nblanks + e->nblanks > 0)
	{
		int			all[2 * GR_FINDING_MAX_CELLS];
		int			n = 0;

		for (int i = 0; i < a->nblanks; i++)
			all[n++] = a->blanks[i];
		for (int i = 0; i < e->nblanks; i++)
			all[n++] = e->blanks[i];
		keys_list(all, n, blanks, sizeof(blanks));
	}
	if (e->ncells > 0)
		snprintf(msg, sizeof(msg), "%s：%s。%s = %s，%s %s = %s%s%s%s%s", scope, r->what, lk, av, rel, rk, ev,
				 blanks[0] ? "（空白或缺项按0计：" : "", blanks, blanks[0] ? "）" : "", note ? note : "");
	else
		snprintf(msg, sizeof(msg), "%s：%s。%s = %s，%s %s%s%s%s%s", scope, r->what, lk, av, rel, ev,
				 blanks[0] ? "（空白或缺项按0计：" : "", blanks, blanks[0] ? "）" : "", note ? note : "");
	f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, a->line ? a->line : e->line, "%s", msg);
	if (!f)
		return;
	f->actual = a->sum;
	f->expected = e->sum;
	for (int i = 0; i < a->ncells && f->ncells < GR_FINDING_MAX_CELLS; i++)
		f->cells[f->ncells++] = a->cells[i];
	for (int i = 0; i < e->ncells && f->ncells < GR_FINDING_MAX_CELLS; i++)
		f->cells[f->ncells++] = e->cells[i];
}

/* ---- generic kinds ---- */

/* Per column of 表三: Σ actual rows (op) Σ expected rows. */
static void
rule_column_balance(rule_ctx *rc, const ruledef *r)
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
		sum_acc		a,
					e;
		char		scope[96];

		acc_init(&a);
		acc_init(&e);
		for (int i = 0; r->actual[i] >= 0; i++)
			acc_add(rc->rep, &a, gr_key_index(GR_T3, r->actual[i], c), 1);
		for (int i = 0; i < nexp; i++)
			acc_add(rc->rep, &e, gr_key_index(GR_T3, expected[i], c), 1);
		if (a.unknown || e.unknown || a.present + e.present == 0)
			continue;
		if (compare(r->op, a.sum, e.sum))
			continue;
		snprintf(scope, sizeof(scope), "表三“%s”列", gr_t3_cols[c].labels[0]);
		report_failure(rc, r, &a, &e, scope, NULL);
	}
}

/* Per row: the total column equals the sum of the others. */
static void
rule_row_totals(rule_ctx *rc, const ruledef *r)
{
	const gr_keydef *k = gr_keydefs();
	int			parts[T3_NCOLS];
	int			nparts = gr_col_leaves(r->table, r->table == GR_T3 ? T3C_TOTAL : T4C_TOTAL, parts);

	if (r->table == GR_T3)
	{
		for (int row = 0; row < GR_T3_NROWS; row++)
		{
			sum_acc		a,
						e;
			char		scope[160];
			int			tk = gr_key_index(GR_T3, row, T3C_TOTAL);

			if (tk < 0 || (k[tk].derived & GR_ED_MASK(rc->ed3) && rc->rep->cells[tk].derived))
				continue;		/* a row the edition derives is checked by R-T3-04 */
			acc_init(&a);
			acc_init(&e);
			acc_add(rc->rep, &a, tk, 1);
			for (int i = 0; i < nparts; i++)
				acc_add(rc->rep, &e, gr_key_index(GR_T3, row, parts[i]), 1);
			if (a.unknown || e.unknown || a.present + e.present == 0 || a.absent)
				continue;
			if (compare(r->op, a.sum, e.sum))
				continue;
			snprintf(scope, sizeof(scope), "表三“%s”行", gr_row_label(GR_T3, row, rc->ed3));
			report_failure(rc, r, &a, &e, scope, NULL);
		}
		return;
	}
	for (int g = 0; g < GR_T4_NROWS; g++)
	{
		sum_acc		a,
					e;
		char		scope[96];

		if (!gr_row_printed(GR_T4, g, rc->ed))
			continue;
		acc_init(&a);
		acc_init(&e);
		acc_add(rc->rep, &a, gr_key_index(GR_T4, g, T4C_TOTAL), 1);
		for (int i = 0; i < nparts; i++)
			acc_add(rc->rep, &e, gr_key_index(GR_T4, g, parts[i]), 1);
		if (a.unknown || e.unknown || a.present + e.present == 0 || a.absent)
			continue;
		if (compare(r->op, a.sum, e.sum))
			continue;
		snprintf(scope, sizeof(scope), "表四“%s”", gr_row_label(GR_T4, g, rc->ed));
		report_failure(rc, r, &a, &e, scope, NULL);
	}
}

/*
 * Subtotals a local variant prints (a 小计 column, a （三）不予公开 row with
 * numbers): each equals the sum of its children in the spec.
 */
static void
rule_subtotals(rule_ctx *rc, const ruledef *r)
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
			sum_acc		a,
						e;
			char		scope[160];

			if (out < 0 || rc->rep->cells[out].state != GR_CELL_NUMBER || rc->rep->cells[out].derived)
				continue;
			if (ncols == 0 && nrowkids == 0)
				continue;
			acc_init(&a);
			acc_init(&e);
			for (int i = 0; i < ncols; i++)
				acc_add(rc->rep, &e, gr_key_index(GR_T3, g, cols[i]), 1);
			for (int i = 0; ncols == 0 && i < nrowkids; i++)
				acc_add(rc->rep, &e, gr_key_index(GR_T3, kids[i], c), 1);
			acc_add(rc->rep, &a, out, 1);
			if (e.unknown || e.present == 0 || compare(r->op, a.sum, e.sum))
				continue;
			snprintf(scope, sizeof(scope), "表三“%s”行“%s”列", gr_row_label(GR_T3, g, rc->ed3),
					 gr_col_label(GR_T3, c));
			report_failure(rc, r, &a, &e, scope, NULL);
		}
	}
}

/* Printed numbers of a table: >= 0, whole for counts. */
static void
rule_nonneg(rule_ctx *rc, const ruledef *r)
{
	const gr_keydef *k = gr_keydefs();

	for (int i = 0; i < rc->rep->ncells; i++)
	{
		const gr_cell *c = &rc->rep->cells[i];
		bool		whole,
					neg;
		char		v[48];
		gr_finding *f;

		if (k[i].table != r->table || c->state != GR_CELL_NUMBER || c->derived ||
			k[i].kind == GR_KIND_SIGNED)
			continue;
		neg = c->mant < 0;
		whole = c->scale == 0 || c->mant % gr_num_pow10(c->scale) == 0;
		if (!neg && (whole || k[i].kind == GR_KIND_MONEY))
			continue;
		gr_num_format(gr_num_make(c->mant, c->scale), v, sizeof(v));
		f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, c->line, "%s：%s = %s（%.*s）",
						   r->what, k[i].key, v, (int) c->raw.len, c->raw.ptr);
		if (f)
		{
			f->cells[f->ncells++] = i;
			f->actual = gr_num_make(c->mant, c->scale);
		}
	}
}

/* R-T3-09: nothing came in, so nothing can go out. */
static void
rule_zero_chain(rule_ctx *rc, const ruledef *r)
{
	sum_acc		in,
				out;

	acc_init(&in);
	acc_init(&out);
	acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_new_received, T3C_TOTAL), 1);
	acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_carried_in, T3C_TOTAL), 1);
	acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_results_total, T3C_TOTAL), 1);
	acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_carried_out, T3C_TOTAL), 1);
	if (in.unknown || out.unknown || in.present == 0 || in.sum.mant != 0 || out.sum.mant == 0)
		return;
	{
		sum_acc		zero;

		acc_init(&zero);
		zero.line = in.line;
		report_failure(rc, r, &out, &zero, "表三“总计”列",
					   "（t3.new_received.total + t3.carried_in.total = 0）");
	}
}

/* 表二 relations between the columns of one row. */
static void
rule_t2_relations(rule_ctx *rc, const ruledef *r)
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
			sum_acc		a,
						e;
			char		scope[96];

			acc_init(&a);
			acc_init(&e);
			for (int j = 0; j < 2 && rel[i].actual[j] >= 0; j++)
				acc_add(rc->rep, &a, gr_key_index(GR_T2, rel[i].rows[k], rel[i].actual[j]), 1);
			for (int j = 0; j < 2 && rel[i].expected[j] >= 0; j++)
				acc_add(rc->rep, &e, gr_key_index(GR_T2, rel[i].rows[k], rel[i].expected[j]), rel[i].esign[j]);
			if (a.unknown || e.unknown || a.present == 0 || a.absent || e.absent)
				continue;
			if (compare(r->op, a.sum, e.sum))
				continue;
			snprintf(scope, sizeof(scope), "表二“%s”", gr_row_label(GR_T2, rel[i].rows[k], rc->ed2));
			report_failure(rc, r, &a, &e, scope, NULL);
		}
	}
}

/* ---- 表二, particular ---- */

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

static void
rule_rule_making(rule_ctx *rc, const ruledef *r)
{
	if (rc->rep->org.len == 0 || !no_rule_making_power(rc->rep->org))
		return;
	for (int c = 0; c < T2_NCOLS; c++)
	{
		int			k = gr_key_index(GR_T2, GR_R2_rules, c);
		gr_num		v;
		gr_finding *f;

		if (k < 0 || gr_rule_cell(rc->rep, k, &v) != CV_NUM || v.mant == 0)
			continue;
		f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, rc->rep->cells[k].line,
						   "%s：“%.*s”的 %s = %lld", r->what, (int) rc->rep->org.len, rc->rep->org.ptr,
						   gr_keydefs()[k].key, (long long) v.mant);
		if (f)
		{
			f->cells[f->ncells++] = k;
			f->actual = v;
			f->expected = gr_num_make(0, 0);
		}
	}
}

static bool
unit_is(const gr_cell *c, const char *u)
{
	return c->unit.len == strlen(u) && memcmp(c->unit.ptr, u, c->unit.len) == 0;
}

static void
rule_fee_unit(rule_ctx *rc, const ruledef *r)
{
	int			k = gr_key_index(GR_T2, GR_R2_admin_fees, T2C_AMOUNT_WAN);
	const gr_cell *c = k >= 0 ? &rc->rep->cells[k] : NULL;
	gr_finding *f;

	if (c == NULL || c->state != GR_CELL_NUMBER || !unit_is(c, "元"))
		return;
	f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, c->line,
					   "%s：t2.admin_fees.amount_wan 写作“%.*s”，以元为单位，已按万元折算",
					   r->what, (int) c->raw.len, c->raw.ptr);
	if (f)
	{
		f->cells[f->ncells++] = k;
		f->actual = gr_num_make(c->mant, c->scale);
	}
}

static void
rule_procurement_unit(rule_ctx *rc, const ruledef *r)
{
	int			k = gr_key_index(GR_T2, GR_R2_central_procurement, T2C_AMOUNT_WAN);
	const gr_cell *c = k >= 0 ? &rc->rep->cells[k] : NULL;
	gr_finding *f;

	if (c == NULL || c->state != GR_CELL_NUMBER || c->unit.len > 0 || c->mant == 0)
		return;
	f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, c->line,
					   "%s：t2.central_procurement.amount_wan 写作“%.*s”，未写单位，按万元读取",
					   r->what, (int) c->raw.len, c->raw.ptr);
	if (f)
		f->cells[f->ncells++] = k;
}

/* ---- the whole report ---- */

static void
rule_edition(rule_ctx *rc, const ruledef *r)
{
	gr_report  *rep = rc->rep;
	gr_edition	expect = gr_edition_for_year(rep->year);

	if (rep->edition == GR_ED_UNKNOWN)
		return;
	if (expect != GR_ED_UNKNOWN && rep->edition != expect)
		gr_add_finding(rc->ctx, rep, r->id, r->sev, 0,
					   "使用旧版格式：%d年度报告应使用%s格式，表格却是%s格式", rep->year,
					   gr_edition_name(expect), gr_edition_name(rep->edition));
	if (rep->edition_mixed)
	{
		gr_edition	other = rep->edition == GR_ED_2021 ? GR_ED_2019 : GR_ED_2021;
		int			keys[GR_FINDING_MAX_CELLS] = {0};
		int			n = 0;
		char		list[800];
		gr_finding *f;
		int			line = 0;

		/* the cells of the other edition the report prints */
		for (int i = 0; i < rep->ncells && n < GR_FINDING_MAX_CELLS; i++)
			if (rep->cells[i].state != GR_CELL_ABSENT && !rep->cells[i].derived &&
				!(gr_keydefs()[i].editions & GR_ED_MASK(rep->edition)) &&
				(gr_keydefs()[i].editions & GR_ED_MASK(other)))
			{
				keys[n++] = i;
				if (!line)
					line = rep->cells[i].line;
			}
		keys_list(keys, n, list, sizeof(list));
		f = gr_add_finding(rc->ctx, rep, r->id, r->sev, line,
						   "新旧格式混用：报告按%s格式，却含有%s格式的内容%s%s", gr_edition_name(rep->edition),
						   gr_edition_name(other), n ? "：" : "（表头或行标题）", list);
		if (f)
			for (int i = 0; i < n; i++)
				f->cells[f->ncells++] = keys[i];
	}
}

/* The official wording of each heading, for telling variants apart. */
static const char *const official_headings[GR_NSECTIONS] = {
	NULL, "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
	"政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"
};
static const char *const numerals[GR_NSECTIONS] = {NULL, "一", "二", "三", "四", "五", "六"};

static void
rule_sections(rule_ctx *rc, const ruledef *r)
{
	gr_report  *rep = rc->rep;
	const gr_doc *doc = rc->doc;
	bool		have[GR_NSECTIONS] = {false};

	for (int i = 0; i < rep->nsections; i++)
	{
		const gr_section *s = &rep->sections[i];
		char		want[160],
					got[320];
		size_t		wl,
					gl;

		have[s->key] = true;
		if (s->key == GR_SEC_PREAMBLE || doc == NULL)
			continue;
		/* compare folded, ignoring punctuation: 一、 and 一. are the same */
		snprintf(want, sizeof(want), "%s%s", numerals[s->key], official_headings[s->key]);
		wl = gr_lfold(want, strlen(want), want, sizeof(want));
		{
			const gr_line *l = &doc->lines[s->head_doc_line];

			gl = gr_lfold(doc->cmp + l->c_off, l->c_len, got, sizeof(got));
		}
		if (gl != wl || memcmp(want, got, wl) != 0)
			gr_add_finding(rc->ctx, rep, r->id, GR_SEV_WARNING, s->line,
						   "第%s部分标题“%.*s”与格式不一致，应为“%s、%s”", numerals[s->key],
						   (int) s->heading.len, s->heading.ptr, numerals[s->key], official_headings[s->key]);
	}
	for (int k = GR_SEC_OVERVIEW; k < GR_NSECTIONS; k++)
		if (!have[k])
			gr_add_finding(rc->ctx, rep, r->id, r->sev, 0, "缺少第%s部分“%s、%s”",
						   numerals[k], numerals[k], official_headings[k]);
}

static void
rule_no_requests(rule_ctx *rc, const ruledef *r)
{
	narrative	n;
	int			k = gr_key_index(GR_T3, GR_R3_new_received, T3C_TOTAL);
	int			kc = gr_key_index(GR_T3, GR_R3_carried_in, T3C_TOTAL);
	gr_num		v,
				vc;
	cell_kind	ck = gr_rule_cell(rc->rep, k, &v);
	cell_kind	ckc = gr_rule_cell(rc->rep, kc, &vc);
	gr_finding *f;

	gr_narrative(rc->doc, rc->rep, &n);
	if (n.no_requests && ck == CV_NUM && v.mant != 0)
	{
		f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, n.no_requests_line,
						   "正文与表格不一致：正文称未收到政府信息公开申请，表三 t3.new_received.total = %lld",
						   (long long) v.mant);
		if (f)
		{
			f->cells[f->ncells++] = k;
			f->actual = v;
			f->expected = gr_num_make(0, 0);
		}
	}
	if (n.requests.set && ck == CV_NUM)
	{
		gr_num		table = v;
		bool		ok = gr_num_cmp(n.requests, v) == 0;

		/* 受理/办理 may count last year's carry-over too */
		if (!ok && n.requests_include_carried && ckc == CV_NUM)
		{
			table = gr_num_add(v, vc);
			ok = gr_num_cmp(n.requests, table) == 0;
		}
		if (!ok)
		{
			f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, n.requests_line,
							   "正文与表格不一致：正文称申请 %lld 件，表三 t3.new_received.total = %lld%s",
							   (long long) n.requests.mant, (long long) v.mant,
							   n.requests_include_carried ? "（含上年结转亦不符）" : "");
			if (f)
			{
				f->cells[f->ncells++] = k;
				f->actual = n.requests;
				f->expected = v;
			}
		}
	}
}

static void
rule_no_cases(rule_ctx *rc, const ruledef *r)
{
	narrative	n;

	gr_narrative(rc->doc, rc->rep, &n);
	if (!n.no_cases)
		return;
	for (int g = 0; g < GR_T4_NROWS; g++)
	{
		int			k = gr_key_index(GR_T4, g, T4C_TOTAL);
		gr_num		v;
		gr_finding *f;

		if (!gr_row_printed(GR_T4, g, rc->ed) || gr_rule_cell(rc->rep, k, &v) != CV_NUM || v.mant == 0)
			continue;
		f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, n.no_cases_line,
						   "正文与表格不一致：正文称未发生行政复议、行政诉讼，表四 %s = %lld",
						   gr_keydefs()[k].key, (long long) v.mant);
		if (f)
		{
			f->cells[f->ncells++] = k;
			f->actual = v;
			f->expected = gr_num_make(0, 0);
		}
	}
}

static void
rule_fee_statement(rule_ctx *rc, const ruledef *r)
{
	narrative	n;
	int			k = gr_key_index(GR_T3, GR_R3_other_unpaid_fee, T3C_TOTAL);
	gr_num		v;
	bool		notices = gr_rule_cell(rc->rep, k, &v) == CV_NUM && v.mant > 0;
	const gr_section *s6 = gr_section_of(rc->rep, GR_SEC_OTHER);

	if (rc->doc == NULL || rc->rep->nsections == 0)
		return;
	gr_narrative(rc->doc, rc->rep, &n);
	if (n.fee_statement)
		return;
	{
		gr_finding *f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, s6 ? s6->line : 0,
									   "%s（国办函〔2020〕109号）：第六部分未提及信息处理费%s", r->what,
									   notices ? "，而表三显示有申请人逾期未缴纳费用（t3.other_unpaid_fee.total > 0）" : "");

		if (f && notices)
			f->cells[f->ncells++] = k;
	}
}

static void
rule_norm_docs_text(rule_ctx *rc, const ruledef *r)
{
	narrative	n;
	int			ki = gr_key_index(GR_T2, GR_R2_norm_docs, T2C_ISSUED);
	int			kf = gr_key_index(GR_T2, GR_R2_norm_docs, T2C_IN_FORCE);
	gr_num		vi,
				vf;

	gr_narrative(rc->doc, rc->rep, &n);
	if (!n.norm_docs_stated || gr_rule_cell(rc->rep, ki, &vi) != CV_NUM ||
		gr_rule_cell(rc->rep, kf, &vf) != CV_NUM)
		return;
	if (gr_num_cmp(n.norm_docs, vi) == 0 || gr_num_cmp(n.norm_docs, vf) == 0)
		return;
	{
		gr_finding *f = gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, n.norm_docs_line,
									   "%s：正文称规范性文件 %lld 件，表二本年制发 %lld 件、现行有效 %lld 件（正文常统计“公开”数，仅供核对）",
									   r->what, (long long) n.norm_docs.mant, (long long) vi.mant,
									   (long long) vf.mant);

		if (f)
		{
			f->cells[f->ncells++] = ki;
			f->cells[f->ncells++] = kf;
			f->actual = n.norm_docs;
			f->expected = vi;
		}
	}
}

static void
rule_period(rule_ctx *rc, const ruledef *r)
{
	gr_report  *rep = rc->rep;
	const gr_date *a = &rep->period_start,
			   *b = &rep->period_end;

	if (a->year && !(a->month == 1 && a->day == 1 && b->year == a->year && b->month == 12 && b->day == 31))
		gr_add_finding(rc->ctx, rep, r->id, r->sev, 0,
					   "统计期限为 %04d-%02d-%02d 至 %04d-%02d-%02d，应为一个自然年度", a->year, a->month, a->day,
					   b->year, b->month, b->day);
	if (rep->title.len && rep->year)
	{
		/* a year named in the title that is not the statistics year */
		for (uint32_t i = 0; i + 4 <= rep->title.len; i++)
		{
			int			y;

			if (gr_parse_year(rep->title.ptr + i, rep->title.len - i, &y) == 4 &&
				(i == 0 || rep->title.ptr[i - 1] < '0' || rep->title.ptr[i - 1] > '9'))
			{
				if (y != rep->year)
					gr_add_finding(rc->ctx, rep, r->id, r->sev, 0,
								   "标题年度 %d 与统计年度 %d 不一致", y, rep->year);
				break;
			}
		}
	}
}

/* Governments publish by 31 March, their departments by 31 January (Art. 49). */
static bool
is_government(gr_str org)
{
	static const char *const ends[] = {"人民政府", "政府", "师", "市", "县", "区", "乡", "镇", "团",
	"街道", "州", "盟", "旗", NULL};

	for (int i = 0; ends[i]; i++)
	{
		size_t		n = strlen(ends[i]);

		if (org.len >= n && memcmp(org.ptr + org.len - n, ends[i], n) == 0)
			return true;
	}
	return false;
}

static void
rule_deadline(rule_ctx *rc, const ruledef *r)
{
	gr_report  *rep = rc->rep;
	bool		gov = is_government(rep->org);
	int			dm = gov ? 3 : 1,
				dd = 31;

	if (!rep->published.year || !rep->year)
		return;
	if (rep->published.year > rep->year + 1 ||
		(rep->published.year == rep->year + 1 &&
		 (rep->published.month > dm || (rep->published.month == dm && rep->published.day > dd))))
		gr_add_finding(rc->ctx, rep, r->id, r->sev, 0,
					   "发布日期 %04d-%02d-%02d 晚于%s的法定期限 %04d-%02d-%02d", rep->published.year,
					   rep->published.month, rep->published.day, gov ? "政府" : "部门", rep->year + 1, dm, dd);
}

static void
rule_prev_problems(rule_ctx *rc, const ruledef *r)
{
	narrative	n;
	bool		have5 = false;

	for (int i = 0; i < rc->rep->nsections; i++)
		have5 |= rc->rep->sections[i].key == GR_SEC_PROBLEMS;
	if (!have5 || rc->doc == NULL)
		return;
	gr_narrative(rc->doc, rc->rep, &n);
	if (!n.prev_year_problems)
		gr_add_finding(rc->ctx, rc->rep, r->id, r->sev, 0, "%s", r->what);
}

/* ---- structure ---- */

static gr_edition
edition_of(const rule_ctx *rc, gr_table t)
{
	return t == GR_T2 ? rc->ed2 : t == GR_T3 ? rc->ed3 : rc->ed;
}

/* R-GEN-01: a table, or a row of the edition, the text does not have. */
static void
rule_missing(rule_ctx *rc, const ruledef *r)
{
	static const char *const names[] = {"表二（主动公开政府信息情况）", "表三（收到和处理政府信息公开申请情况）",
	"表四（政府信息公开行政复议、行政诉讼情况）"};
	gr_report  *rep = rc->rep;
	const gr_keydef *k = gr_keydefs();

	for (int t = GR_T2; t <= GR_T4; t++)
	{
		gr_edition	ed = edition_of(rc, (gr_table) t);
		int			last_row = -1;

		if (!(rep->tables_found & (1u << t)))
		{
			gr_add_finding(rc->ctx, rep, r->id, r->sev, 0, "表格缺项：没有找到%s", names[t]);
			continue;
		}
		for (int i = 0; i < rep->ncells; i++)
		{
			gr_finding *f;
			int			n = 0;

			if (k[i].table != (gr_table) t || k[i].row == last_row ||
				!(k[i].editions & GR_ED_MASK(ed)) || (k[i].derived & GR_ED_MASK(ed)))
				continue;
			/* a row is missing when none of its printed cells is in the text */
			for (int j = i; j < rep->ncells && k[j].table == k[i].table && k[j].row == k[i].row; j++)
				if (!(k[j].derived & GR_ED_MASK(ed)) && (k[j].editions & GR_ED_MASK(ed)) &&
					rep->cells[j].state != GR_CELL_ABSENT)
					n++;
			last_row = k[i].row;
			if (n > 0)
				continue;
			f = gr_add_finding(rc->ctx, rep, r->id, r->sev, 0, "表格缺项：%s缺少“%s”（%.*s）", names[t],
							   gr_row_label((gr_table) t, k[i].row, ed),
							   (int) (strrchr(k[i].key, '.') - k[i].key), k[i].key);
			for (int j = i; f && j < rep->ncells && k[j].table == k[i].table && k[j].row == k[i].row &&
				 f->ncells < GR_FINDING_MAX_CELLS; j++)
				if (!(k[j].derived & GR_ED_MASK(ed)) && (k[j].editions & GR_ED_MASK(ed)))
					f->cells[f->ncells++] = j;
		}
	}
}

/* R-GEN-01 too: text stands where a number belongs (seed 001: 行政许可 / 行 政许可). */
static void
rule_unreadable(rule_ctx *rc, const ruledef *r)
{
	gr_report  *rep = rc->rep;

	for (int i = 0; i < rep->ncells; i++)
	{
		const gr_cell *c = &rep->cells[i];
		gr_finding *f;

		if (c->state != GR_CELL_TEXT)
			continue;
		f = gr_add_finding(rc->ctx, rep, r->id, r->sev, c->line, "表格缺项：%s 处应为数值，文中为“%.*s”",
						   gr_keydefs()[i].key, (int) c->raw.len, c->raw.ptr);
		if (f)
		{
			f->cells[f->ncells++] = i;
			f->raw = c->raw;
		}
	}
}

/* R-GEN-02: blank cells, one finding per row that has them. */
static void
rule_blanks(rule_ctx *rc, const ruledef *r)
{
	gr_report  *rep = rc->rep;
	const gr_keydef *k = gr_keydefs();

	for (int i = 0; i < rep->ncells;)
	{
		int			j = i,
					n = 0,
					blanks[GR_FINDING_MAX_CELLS];
		int			line = 0;

		while (j < rep->ncells && k[j].table == k[i].table && k[j].row == k[i].row)
		{
			if ((rep->cells[j].state == GR_CELL_BLANK || rep->cells[j].state == GR_CELL_DASH) &&
				!rep->cells[j].derived && n < GR_FINDING_MAX_CELLS)
			{
				blanks[n++] = j;
				if (!line)
					line = rep->cells[j].line;
			}
			j++;
		}
		if (n > 0)
		{
			char		list[900];
			gr_finding *f;

			keys_list(blanks, n, list, sizeof(list));
			f = gr_add_finding(rc->ctx, rep, r->id, r->sev, line, "空白未填：%d 个单元格空白或为“—/无”，应填0：%s",
							   n, list);
			for (int b = 0; f && b < n; b++)
				f->cells[f->ncells++] = blanks[b];
		}
		i = j;
	}
}

/* ---- hints ---- */

/* R-H-01: two single digits side by side that, read as one number, repair the row. */
static void
hint_split_number(rule_ctx *rc, const ruledef *r)
{
	for (int row = 0; row < GR_T3_NROWS; row++)
	{
		gr_num		v[T3_PRINTED_COLS];
		cell_kind	kind[T3_PRINTED_COLS];
		int64_t		sum = 0;
		bool		ok = gr_t3_rows[row].part != GR_PK_CAPTION;

		for (int c = 0; ok && c < T3_PRINTED_COLS; c++)
		{
			kind[c] = gr_rule_cell(rc->rep, gr_key_index(GR_T3, row, c), &v[c]);
			ok = kind[c] == CV_NUM && v[c].scale == 0;
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
static void
hint_double_count(rule_ctx *rc, const ruledef *r)
{
	int			items[GR_T3_NROWS];
	int			nitems = result_items(rc, items);

	for (int c = 0; c < T3_PRINTED_COLS; c++)
	{
		sum_acc		in,
					out,
					tot,
					parts;

		acc_init(&in);
		acc_init(&out);
		acc_init(&tot);
		acc_init(&parts);
		acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_new_received, c), 1);
		acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_carried_in, c), 1);
		acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_results_total, c), 1);
		acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_carried_out, c), 1);
		acc_add(rc->rep, &tot, gr_key_index(GR_T3, GR_R3_results_total, c), 1);
		for (int i = 0; i < nitems; i++)
			acc_add(rc->rep, &parts, gr_key_index(GR_T3, items[i], c), 1);
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
static void
hint_wrong_column(rule_ctx *rc, const ruledef *r)
{
	int64_t		diff[T3_PRINTED_COLS];
	bool		known[T3_PRINTED_COLS];

	for (int c = 0; c < T3_PRINTED_COLS; c++)
	{
		sum_acc		in,
					out;

		acc_init(&in);
		acc_init(&out);
		acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_new_received, c), 1);
		acc_add(rc->rep, &in, gr_key_index(GR_T3, GR_R3_carried_in, c), 1);
		acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_results_total, c), 1);
		acc_add(rc->rep, &out, gr_key_index(GR_T3, GR_R3_carried_out, c), 1);
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
static void
hint_project_counts(rule_ctx *rc, const ruledef *r)
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

		if (gr_rule_cell(rc->rep, kp, &p) != CV_NUM || gr_rule_cell(rc->rep, kd, &d) != CV_NUM ||
			gr_rule_cell(rc->rep, kx, &x) != CV_NUM)
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

/* ---- running them ---- */

/*
 * A table whose numbers add up beyond the exact range (cells of eighteen
 * digits): the sums over it are unknown, so the rules that add skip it;
 * say so once per table rather than judge.
 */
static void
check_sum_range(rule_ctx *rc)
{
	static const char *const names[] = {"表二", "表三", "表四"};
	gr_num		total[3] = {gr_num_make(0, 0), gr_num_make(0, 0), gr_num_make(0, 0)};
	const gr_keydef *k = gr_keydefs();

	for (int i = 0; i < rc->rep->ncells; i++)
	{
		const gr_cell *c = &rc->rep->cells[i];

		if (c->state == GR_CELL_NUMBER && !c->derived)
			total[k[i].table] = gr_num_add(total[k[i].table],
										   gr_num_make(c->mant < 0 ? -c->mant : c->mant, c->scale));
	}
	for (int t = 0; t < 3; t++)
		if (!total[t].set)
			gr_add_finding(rc->ctx, rc->rep, "R-PARSE-05", GR_SEV_WARNING, 0,
						   "%s的数值之和超出可精确计算的范围，涉及求和的规则未检查", names[t]);
}

/* 0 means the current rule set; anything this build does not know is an error. */
gr_status
gr_ruleset_resolve(int *version, gr_error *err)
{
	if (*version == 0)
		*version = GR_RULESET_VERSION;
	if (*version >= 1 && *version <= GR_RULESET_VERSION)
		return GR_OK;
	err->status = GR_EARG;
	snprintf(err->message, sizeof(err->message), "unknown rule set version %d", *version);
	snprintf(err->detail, sizeof(err->detail), "This build knows rule set versions 1 to %d.",
			 GR_RULESET_VERSION);
	return GR_EARG;
}

const char *
gr_severity_name(gr_severity sev)
{
	static const char *const names[] = {"error", "warning", "info"};

	return (unsigned) sev < 3 ? names[sev] : "unknown";
}

static bool
rule_in_version(const ruledef *r, int version)
{
	return r->since <= version && (r->until == 0 || version <= r->until);
}

gr_status
gr_check(const gr_env *env, gr_report *rep, int version, gr_error *err)
{
	gr_ctx		ctx;
	rule_ctx	rc;
	gr_error	local;

	if (err == NULL)
		err = &local;
	memset(err, 0, sizeof(*err));
	if (env == NULL || rep == NULL)
		return GR_EARG;
	if (gr_ruleset_resolve(&version, err) != GR_OK)
		return err->status;
	ctx.env = env;
	ctx.err = err;
	ctx.polls = 0;
	if (!rep->is_report)
	{
		/* nothing to check, and that is the finding */
		rep->nfindings = rep->nparse_findings;
		gr_add_finding(&ctx, rep, "R-GEN-01", GR_SEV_ERROR, 0,
					   "不是政府信息公开工作年度报告：文中没有报告的标题、六个部分或三张表格");
		return err->status;
	}

	memset(&rc, 0, sizeof(rc));
	rc.ctx = &ctx;
	rc.rep = rep;
	rc.doc = (const gr_doc *) rep->doc;
	rc.version = version;
	rc.ed = gr_edition_effective(rep->edition, rep->year);
	rc.ed2 = gr_table_edition(rep, GR_T2);
	rc.ed3 = gr_table_edition(rep, GR_T3);

	/* the parser's own findings stay; the rules' are made anew */
	rep->nfindings = rep->nparse_findings;
	check_sum_range(&rc);
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
	{
		const ruledef *r = &rules[i];

		if (r->fn == NULL || !rule_in_version(r, version))
			continue;
		if (!(r->editions & GR_ED_MASK(edition_of(&rc, r->table))))
			continue;
		/* the rules of a table judge only a table that was read */
		if (r->table != GR_T4 || r->fn == rule_row_totals || r->fn == rule_nonneg)
			if (!(rep->tables_found & (1u << r->table)))
				continue;
		r->fn(&rc, r);
		if (err->status != GR_OK)
			return err->status;
	}
	return GR_OK;
}

int
gr_has_errors(const gr_report *rep)
{
	for (int i = 0; i < rep->nfindings; i++)
		if (rep->findings[i].severity == GR_SEV_ERROR)
			return 1;
	return 0;
}

/*
 * Is rule id part of rule-set version `version`, and with which severity?
 * For the rules evaluated outside this file (pairs, the parser).
 */
bool
gr_rule_lookup(const char *id, int version, gr_severity *sev)
{
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (strcmp(rules[i].id, id) == 0 && rule_in_version(&rules[i], version))
		{
			*sev = rules[i].sev;
			return true;
		}
	return false;
}

/* ---- the list, for documentation and report_rules() ---- */

int
gr_rule_count(void)
{
	return (int) (sizeof(rules) / sizeof(rules[0]));
}

/*
 * Rule i: its id, severity, the rule-set versions that have it, the
 * editions it applies to (bits of gr_edition) and what it asks, in Chinese.
 * A rule id can occur more than once (R-X-02 for a missing section and for
 * a heading variant); the first entry names it.
 */
const char *
gr_rule_info(int i, gr_severity *sev, int *since, int *until, unsigned *editions, const char **what)
{
	const ruledef *r;

	if (i < 0 || i >= gr_rule_count())
		return NULL;
	r = &rules[i];
	*sev = r->sev;
	*since = r->since;
	*until = r->until;
	*editions = r->editions;
	*what = r->what;
	return r->id;
}
