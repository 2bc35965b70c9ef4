/*
 * gr_rules.h — what the rule modules share: the rule table's entry, the
 * evaluation context, cells as the rules read them, and the sums with what
 * they met on the way.  The rules read a parsed report only: its cells, its
 * fields and the facts of its prose (gr_report.facts); never the text.
 *
 *   gr_rules.c         the rule table (data) and its accessors
 *   gr_eval.c          cells and sums as the rules see them, reporting a
 *                      failed sum, rule-set versions, gr_check
 *   gr_tabrules.c      the rules within one table: 表三/表四 balances, 表二 relations
 *   gr_reprules.c      the rules over the whole report: edition, sections,
 *                      what the prose states against the tables, period, deadline
 *   gr_structrules.c   the structure: missing tables and rows, text in cells, blanks
 *   gr_hints.c         where to look when a balance fails (R-H-*, R-T3-05)
 *   gr_pair.c          across two years of one body (report_check_pair)
 */
#ifndef GR_RULES_H
#define GR_RULES_H

#include "gr_format.h"
#include "gr_internal.h"
#include "gr_num.h"

/* What one evaluation of the rules over one report knows. */
typedef struct gr_rule_ctx
{
	gr_ctx	   *ctx;
	gr_report  *rep;
	int			version;
	gr_edition	ed;				/* the report's edition (year-based when unknown) */
	gr_edition	ed2;			/* the edition 表二 follows */
	gr_edition	ed3;			/* the edition 表三 follows */
} gr_rule_ctx;

/* ---- the rule table (gr_rules.c) ---- */

struct gr_ruledef;
typedef void (*gr_rule_fn) (gr_rule_ctx *rc, const struct gr_ruledef *r);

typedef enum gr_cmp_op
{
	GR_OP_EQ,
	GR_OP_LE,					/* actual <= expected */
	GR_OP_GE					/* actual >= expected */
} gr_cmp_op;

/*
 * What a rule needs to be worth running: a rule of one table judges only a
 * table the parser read; a rule of the report runs on every report (R-GEN-01
 * is the one that says a table is missing).
 */
typedef enum gr_rule_scope
{
	GR_SCOPE_TABLE,
	GR_SCOPE_REPORT
} gr_rule_scope;

typedef struct gr_ruledef
{
	const char *id;
	gr_severity sev;
	int			since;			/* first rule-set version with the rule */
	int			until;			/* last one, 0 while current */
	unsigned	editions;		/* editions of the table it reads */
	gr_table	table;			/* whose edition decides; GR_T4 (the report's) for report rules */
	gr_rule_scope scope;
	gr_rule_fn	fn;				/* NULL: evaluated elsewhere (pairs, the parser) */
	/* parameters of the generic kinds */
	gr_cmp_op	op;
	const int  *actual;			/* 表三 rows summed for the stated side, -1 ends */
	const int  *expected;		/* rows summed for the computed side; NULL: the leaves of actual[0] */
	const char *what;			/* Chinese: what the rule asks */
} gr_ruledef;

extern const gr_ruledef *gr_rules_at(int i);
extern bool gr_rule_lookup(const char *id, int version, gr_severity *sev);

/* ---- evaluation (gr_eval.c) ---- */

/* A cell as the rules read it: NULL counts as 0 and is noted. */
typedef enum gr_cell_kind
{
	GR_CV_NUM,
	GR_CV_BLANK,				/* blank or a dash: 0, and R-GEN-02 reports it */
	GR_CV_ABSENT,				/* not in the text: 0, and R-GEN-01 reports it */
	GR_CV_UNKNOWN				/* unreadable or not placed: the rule cannot judge */
} gr_cell_kind;

extern gr_cell_kind gr_eval_cell(const gr_report *rep, int key, gr_num *v);

/* A sum over cells, with what it met on the way. */
typedef struct gr_sum_acc
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
} gr_sum_acc;

extern void gr_eval_acc_init(gr_sum_acc *a);
extern void gr_eval_acc_add(const gr_report *rep, gr_sum_acc *a, int key, int sign);
extern bool gr_eval_compare(gr_cmp_op op, gr_num actual, gr_num expected);
extern void gr_eval_keys_list(const int *keys, int n, char *buf, size_t cap);
extern void gr_eval_failure(gr_rule_ctx *rc, const gr_ruledef *r, const gr_sum_acc *a,
							const gr_sum_acc *e, const char *scope, const char *note);
extern gr_edition gr_eval_edition_of(const gr_rule_ctx *rc, gr_table t);
extern bool gr_rule_in_version(const gr_ruledef *r, int version);

/* ---- the rules, by module; the table names them ---- */

/* gr_tabrules.c */
extern void gr_tabrule_column_balance(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_tabrule_row_totals(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_tabrule_subtotals(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_tabrule_nonneg(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_tabrule_zero_chain(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_tabrule_t2_relations(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_tabrule_rule_making(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_tabrule_fee_unit(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_tabrule_procurement_unit(gr_rule_ctx *rc, const gr_ruledef *r);

/* gr_reprules.c */
extern void gr_reprule_edition(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_reprule_sections(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_reprule_headings(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_reprule_no_requests(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_reprule_no_cases(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_reprule_fee_statement(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_reprule_norm_docs_text(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_reprule_period(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_reprule_deadline(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_reprule_prev_problems(gr_rule_ctx *rc, const gr_ruledef *r);

/* gr_structrules.c */
extern void gr_structrule_missing(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_structrule_unreadable(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_structrule_blanks(gr_rule_ctx *rc, const gr_ruledef *r);

/* gr_hints.c */
extern void gr_hint_double_count(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_hint_split_number(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_hint_wrong_column(gr_rule_ctx *rc, const gr_ruledef *r);
extern void gr_hint_project_counts(gr_rule_ctx *rc, const gr_ruledef *r);

#endif							/* GR_RULES_H */
