/*
 * gr_rules.h — what the rule modules share: the evaluation context, the
 * cell values as the rules see them, and the narrative facts the report's
 * text states (no requests received, no review or litigation, the
 * information-processing fee).
 */
#ifndef GR_RULES_H
#define GR_RULES_H

#include "gr_format.h"
#include "gr_internal.h"
#include "gr_num.h"

typedef struct rule_ctx
{
	gr_ctx	   *ctx;
	gr_report  *rep;
	const gr_doc *doc;			/* NULL when checking a pair */
	int			version;
	gr_edition	ed;				/* the report's edition (year-based when unknown) */
	gr_edition	ed2;			/* the edition 表二 follows */
	gr_edition	ed3;			/* the edition 表三 follows */
} rule_ctx;

/* A cell as the rules read it: NULL counts as 0 and is noted. */
typedef enum cell_kind
{
	CV_NUM,
	CV_BLANK,					/* blank or a dash: 0, and R-GEN-02 reports it */
	CV_ABSENT,					/* not in the text: 0, and R-GEN-01 reports it */
	CV_UNKNOWN					/* unreadable or not placed: the rule cannot judge */
} cell_kind;

extern cell_kind gr_rule_cell(const gr_report *rep, int key, gr_num *v);

/* Facts the narrative states, read from the sections' text. */
typedef struct narrative
{
	int			no_requests;	/* 未收到政府信息公开申请 */
	int			no_requests_line;
	gr_num		requests;		/* 收到/受理…申请 N 件 */
	int			requests_include_carried;	/* the sentence says 受理/办理 */
	int			requests_line;
	int			no_cases;		/* 未发生行政复议、行政诉讼 */
	int			no_cases_line;
	int			fee_statement;	/* section 六 speaks of 信息处理费 */
	gr_num		fee_yuan;		/* the fee collected, in 元, when stated */
	int			norm_docs_stated;	/* s1: 规范性文件 N 件 */
	gr_num		norm_docs;
	int			norm_docs_line;
	int			prev_year_problems; /* s5 speaks of last year's problems */
} narrative;

extern bool gr_rule_lookup(const char *id, int version, gr_severity *sev);
extern void gr_narrative(const gr_doc *doc, const gr_report *rep, narrative *n);

#endif							/* GR_RULES_H */
