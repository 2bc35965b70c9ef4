/*
 * gr_rules.c — the rule table: every rule of spec §6 as one row of data
 * (id, severity, the rule-set versions and editions that have it, the table
 * whose edition decides, the function of its kind and that kind's
 * parameters, what it asks in Chinese), and the accessors that read it.
 * gr_check (gr_eval.c) runs the rows in this order, so the order is that of
 * the findings; docs/rules.md and report_rules() list the rows in this
 * order too.  The functions live by job: gr_tabrules.c, gr_reprules.c,
 * gr_structrules.c, gr_hints.c.
 *
 * Every rule carries the rule-set version that introduced it (and, once a
 * rule is changed or dropped, the last version that had it), so that
 * gr_check(…, version) answers as that version did.
 */
#include "gr_rules.h"

/* The rows a 表三 balance adds up (-1 ends each list). */
static const int rows_in[] = {GR_R3_new_received, GR_R3_carried_in, -1};
static const int rows_out[] = {GR_R3_results_total, GR_R3_carried_out, -1};
static const int rows_results[] = {GR_R3_results_total, -1};
static const int rows_carried_out[] = {GR_R3_carried_out, -1};

#define E19 GR_M19
#define E21 GR_M21
#define EB GR_MBOTH

/*
 * Which table a rule reads and whether it needs that table.  The report's
 * rules follow the report's edition, which is 表四's (表四 has no edition of
 * its own), and run on every report: R-GEN-01 is the rule that says a table
 * is missing.
 */
#define IN_T2 GR_T2, GR_SCOPE_TABLE
#define IN_T3 GR_T3, GR_SCOPE_TABLE
#define IN_T4 GR_T4, GR_SCOPE_TABLE
#define IN_REPORT GR_T4, GR_SCOPE_REPORT

/* id, severity, since, until, editions, table and scope, function, op, actual, expected, what */
static const gr_ruledef rules[] = {
	/* 表三 */
	{"R-T3-01", GR_SEV_ERROR, 1, 0, EB, IN_T3, gr_tabrule_column_balance, GR_OP_EQ, rows_out, rows_in,
	"一、本年新收加二、上年结转，应等于三、（七）总计加四、结转下年度继续办理"},
	{"R-T3-02", GR_SEV_ERROR, 1, 0, EB, IN_T3, gr_tabrule_row_totals, GR_OP_EQ, NULL, NULL,
	"总计应等于自然人与五类法人或其他组织之和"},
	{"R-T3-03a", GR_SEV_ERROR, 1, 0, E21, IN_T3, gr_tabrule_column_balance, GR_OP_EQ, rows_results, NULL,
	"（七）总计应等于（一）至（六）各项办理结果之和"},
	{"R-T3-03b", GR_SEV_ERROR, 1, 0, E19, IN_T3, gr_tabrule_column_balance, GR_OP_EQ, rows_results, NULL,
	"（七）总计应等于（一）至（六）各项办理结果之和"},
	{"R-T3-04", GR_SEV_ERROR, 1, 0, EB, IN_T3, gr_tabrule_subtotals, GR_OP_EQ, NULL, NULL,
	"表中印出的小计应等于其各分项之和"},
	{"R-T3-06", GR_SEV_ERROR, 1, 0, EB, IN_T3, gr_tabrule_nonneg, GR_OP_EQ, NULL, NULL,
	"申请件数应为非负整数"},
	{"R-T3-07", GR_SEV_ERROR, 1, 0, EB, IN_T3, gr_tabrule_column_balance, GR_OP_LE, rows_carried_out, rows_in,
	"结转下年度继续办理不应多于本年新收加上年结转"},
	{"R-T3-09", GR_SEV_ERROR, 1, 0, EB, IN_T3, gr_tabrule_zero_chain, GR_OP_EQ, NULL, NULL,
	"本年新收与上年结转均为0时，办理结果和结转下年度也应为0"},
	/* 表四 */
	{"R-T4-01", GR_SEV_ERROR, 1, 0, EB, IN_T4, gr_tabrule_row_totals, GR_OP_EQ, NULL, NULL,
	"总计应等于结果维持、结果纠正、其他结果、尚未审结之和"},
	{"R-T4-02", GR_SEV_ERROR, 1, 0, EB, IN_T4, gr_tabrule_nonneg, GR_OP_EQ, NULL, NULL,
	"案件数应为非负整数"},
	/* 表二 */
	{"R-T2-01", GR_SEV_ERROR, 1, 0, E21, IN_T2, gr_tabrule_nonneg, GR_OP_EQ, NULL, NULL,
	"件数应为非负整数，收费金额应为非负数"},
	{"R-T2-02", GR_SEV_ERROR, 1, 0, E21, IN_T2, gr_tabrule_t2_relations, GR_OP_GE, NULL, NULL,
	"现行有效件数不应少于本年制发件数减本年废止件数"},
	{"R-T2-05", GR_SEV_WARNING, 1, 0, EB, IN_T2, gr_tabrule_rule_making, GR_OP_EQ, NULL, NULL,
	"县级、乡级政府及其部门没有规章制定权，规章数应为0"},
	{"R-T2-06", GR_SEV_WARNING, 1, 0, E21, IN_T2, gr_tabrule_fee_unit, GR_OP_EQ, NULL, NULL,
	"行政事业性收费金额的单位是万元"},
	{"R-T2v19-01", GR_SEV_WARNING, 1, 0, E19, IN_T2, gr_tabrule_t2_relations, GR_OP_LE, NULL, NULL,
	"本年新公开数量不应多于对外公开总数量"},
	{"R-T2v19-02", GR_SEV_ERROR, 1, 0, E19, IN_T2, gr_tabrule_t2_relations, GR_OP_GE, NULL, NULL,
	"上一年项目数量加本年增/减不应为负"},
	{"R-T2v19-03", GR_SEV_WARNING, 1, 0, E19, IN_T2, gr_tabrule_procurement_unit, GR_OP_EQ, NULL, NULL,
	"政府集中采购总金额应写明单位（元或万元）"},
	/* the whole report */
	{"R-X-01", GR_SEV_ERROR, 1, 0, EB, IN_REPORT, gr_reprule_edition, GR_OP_EQ, NULL, NULL,
	"2019、2020年度报告用国办公开办函〔2019〕60号格式，2021年度起用〔2021〕30号格式，不得新旧混用"},
	{"R-X-02", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, gr_reprule_headings, GR_OP_EQ, NULL, NULL,
	"各部分标题宜与格式一致"},
	{"R-X-02", GR_SEV_ERROR, 1, 0, EB, IN_REPORT, gr_reprule_sections, GR_OP_EQ, NULL, NULL,
	"报告应依次包括六个部分"},
	{"R-X-03", GR_SEV_ERROR, 1, 0, EB, IN_REPORT, gr_reprule_no_requests, GR_OP_EQ, NULL, NULL,
	"正文所述收到申请情况应与表三一致"},
	{"R-X-04", GR_SEV_ERROR, 1, 0, EB, IN_REPORT, gr_reprule_no_cases, GR_OP_EQ, NULL, NULL,
	"正文所述行政复议、行政诉讼情况应与表四一致"},
	{"R-X-05", GR_SEV_WARNING, 1, 0, E21, IN_REPORT, gr_reprule_fee_statement, GR_OP_EQ, NULL, NULL,
	"第六部分应报告信息处理费收取情况"},
	{"R-X-06", GR_SEV_INFO, 1, 0, E21, IN_REPORT, gr_reprule_norm_docs_text, GR_OP_EQ, NULL, NULL,
	"正文所述规范性文件件数宜与表二一致"},
	{"R-X-07", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, gr_reprule_period, GR_OP_EQ, NULL, NULL,
	"统计期限应为报告年度1月1日至12月31日，标题年度应与之一致"},
	{"R-X-08", GR_SEV_INFO, 1, 0, EB, IN_REPORT, gr_reprule_deadline, GR_OP_EQ, NULL, NULL,
	"部门应于次年1月31日前、政府应于次年3月31日前公布年度报告"},
	{"R-X-09", GR_SEV_INFO, 1, 0, E21, IN_REPORT, gr_reprule_prev_problems, GR_OP_EQ, NULL, NULL,
	"第五部分宜说明上年度问题的整改情况"},
	{"R-GEN-01", GR_SEV_ERROR, 1, 0, EB, IN_REPORT, gr_structrule_missing, GR_OP_EQ, NULL, NULL,
	"表格及其行列不得缺项"},
	{"R-GEN-01", GR_SEV_ERROR, 1, 0, EB, IN_REPORT, gr_structrule_unreadable, GR_OP_EQ, NULL, NULL,
	"表格的数值单元格应为数值"},
	{"R-GEN-02", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, gr_structrule_blanks, GR_OP_EQ, NULL, NULL,
	"数值单元格不应空白，无数据时填0"},
	/* hints: never a repair, only where to look */
	{"R-T3-05", GR_SEV_INFO, 1, 0, EB, IN_T3, gr_hint_double_count, GR_OP_EQ, NULL, NULL,
	"部分公开的申请只计这一情形，不应同时计入其他办理结果"},
	{"R-H-01", GR_SEV_INFO, 1, 0, EB, IN_T3, gr_hint_split_number, GR_OP_EQ, NULL, NULL,
	"一个数可能被拆到了相邻两格"},
	{"R-H-02", GR_SEV_INFO, 1, 0, EB, IN_T3, gr_hint_wrong_column, GR_OP_EQ, NULL, NULL,
	"申请可能填错了申请人列"},
	{"R-H-03", GR_SEV_INFO, 1, 0, E19, IN_T2, gr_hint_project_counts, GR_OP_EQ, NULL, NULL,
	"项目数量可能误填为处理决定数量"},

	/* listed here, found elsewhere: across two years (gr_pair.c) ... */
	{"R-T3-08", GR_SEV_WARNING, 1, 0, EB, IN_T3, NULL, GR_OP_EQ, NULL, NULL,
	"本年上年结转应等于上年报告的结转下年度（跨年，report_check_pair）"},
	{"R-T2-03", GR_SEV_WARNING, 1, 0, E21, IN_T2, NULL, GR_OP_EQ, NULL, NULL,
	"本年现行有效件数应等于上年现行有效加本年制发减本年废止（跨年，report_check_pair）"},
	{"R-T2-04", GR_SEV_WARNING, 1, 0, E21, IN_T2, NULL, GR_OP_EQ, NULL, NULL,
	"本年废止件数不应多于上年现行有效加本年制发（跨年，report_check_pair）"},
	{"R-PAIR-01", GR_SEV_INFO, 1, 0, EB, IN_REPORT, NULL, GR_OP_EQ, NULL, NULL,
	"跨年比较的两份报告应为相邻年度"},
	/* ... and by the parser (gr_tables.c) */
	{"R-PARSE-01", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, NULL, GR_OP_EQ, NULL, NULL,
	"一行的数值个数与列数不符或次序不能确定，无法确定各数值所在列，该行不填"},
	{"R-PARSE-02", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, NULL, GR_OP_EQ, NULL, NULL,
	"数值位于本行没有的列下，不填"},
	{"R-PARSE-03", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, NULL, GR_OP_EQ, NULL, NULL,
	"一行有标题而没有数值"},
	{"R-PARSE-04", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, NULL, GR_OP_EQ, NULL, NULL,
	"数值与其行标题不在同一行，且前一行缺少数值或其前有不能确定所属行的数值，无法确定归属，不填"},
	{"R-PARSE-05", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, NULL, GR_OP_EQ, NULL, NULL,
	"数值之和超出可精确计算的范围，该合计不计算、相关规则不检查"},
	{"R-PARSE-06", GR_SEV_INFO, 1, 0, EB, IN_REPORT, NULL, GR_OP_EQ, NULL, NULL,
	"一行的数字连写在一起，按本行合计关系只有一种读法，按此读取；该行合计因此不能独立检验"},
	{"R-PARSE-07", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, NULL, GR_OP_EQ, NULL, NULL,
	"一行的数字连写在一起，有多种读法或没有合规读法，该行不填"},
	{"R-PARSE-08", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, NULL, GR_OP_EQ, NULL, NULL,
	"表中有格式以外的行，其数值不计入任何一行"},
	{"R-PARSE-09", GR_SEV_WARNING, 1, 0, EB, IN_REPORT, NULL, GR_OP_EQ, NULL, NULL,
	"一行数值没有可确定的行标题，无法确定所属行，不填"},
};

/* Entry i of the table, NULL past the end: what gr_check runs. */
const gr_ruledef *
gr_rules_at(int i)
{
	return i >= 0 && i < gr_rule_count() ? &rules[i] : NULL;
}

/*
 * Is rule id part of rule-set version `version`, and with which severity?
 * For the rules the table lists but gr_check does not run (the pairs).
 */
bool
gr_rule_lookup(const char *id, int version, gr_severity *sev)
{
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (strcmp(rules[i].id, id) == 0 && gr_rule_in_version(&rules[i], version))
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
 * A rule id can occur more than once, once per kind of finding it makes
 * with its own severity: R-X-02 for a heading in other words (warning) and
 * for a missing section (error), R-GEN-01 for a missing row and for text
 * in a cell.  Every finding has the severity of the entry that made it.
 */
const char *
gr_rule_info(int i, gr_severity *sev, int *since, int *until, unsigned *editions, const char **what)
{
	const gr_ruledef *r;

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
