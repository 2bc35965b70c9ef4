/*
 * gr_eval.c — the evaluation of the rules over the cells of a parsed
 * report: cells as the rules see them, sums with what they met, the one
 * way a failed comparison is reported, rule-set versions, and gr_check,
 * which runs the rule table (gr_rules.c) in order.
 *
 * One policy for NULL everywhere: in the arithmetic a blank cell (or a
 * dash, or a row the text lacks) counts as 0, and R-GEN-02 (or R-GEN-01)
 * reports it; a cell that could not be read or placed makes the rule skip
 * that column, since no sum over it can be trusted.  Rules never change a
 * cell.  Each finding names its rule, the cells, the value the report
 * states (actual) and the value the parts give (expected), and the line.
 */
#include "gr_rules.h"
#include "gr_tables.h"

/*
 * A cell as the rules read it, its value in *v (0 unless a number).  A
 * derived cell that could not be computed is unknown, not absent: its parts
 * were there, so R-GEN-01 has nothing to say and no sum over it is trusted.
 */
gr_cell_kind
gr_eval_cell(const gr_report *rep, int key, gr_num *v)
{
	const gr_cell *c;

	*v = gr_num_make(0, 0);
	if (key < 0)
		return GR_CV_ABSENT;
	c = &rep->cells[key];
	switch (c->state)
	{
		case GR_CELL_NUMBER:
			*v = gr_num_make(c->mant, c->scale);
			return GR_CV_NUM;
		case GR_CELL_BLANK:
		case GR_CELL_DASH:
			return GR_CV_BLANK;
		case GR_CELL_ABSENT:
			return c->derived ? GR_CV_UNKNOWN : GR_CV_ABSENT;
		default:
			return GR_CV_UNKNOWN;
	}
}

/* An empty sum: 0, nothing met. */
void
gr_eval_acc_init(gr_sum_acc *a)
{
	/* the lists are read only up to their counts: a rule makes thousands of sums a report */
	a->sum = gr_num_make(0, 0);
	a->unknown = a->absent = a->present = 0;
	a->ncells = a->nblanks = 0;
	a->line = 0;
}

/*
 * Add cell `key` (sign -1: subtract it) and note what it was: a number, a
 * blank counted as 0, a cell the text lacks, or one nobody can judge.  The
 * first line met becomes the finding's line.
 */
void
gr_eval_acc_add(const gr_report *rep, gr_sum_acc *a, int key, int sign)
{
	gr_num		v;
	gr_cell_kind k = gr_eval_cell(rep, key, &v);

	if (key >= 0 && a->ncells < GR_FINDING_MAX_CELLS)
	{
		a->signs[a->ncells] = sign;
		a->cells[a->ncells++] = key;
	}
	switch (k)
	{
		case GR_CV_NUM:
			a->sum = gr_num_add(a->sum, sign < 0 ? gr_num_neg(v) : v);
			if (!a->sum.set)
				a->unknown++;	/* beyond the exact range: gr_check says so once */
			a->present++;
			if (!a->line && rep->cells[key].line)
				a->line = rep->cells[key].line;
			break;
		case GR_CV_BLANK:
			a->present++;
			if (a->nblanks < GR_FINDING_MAX_CELLS)
				a->blanks[a->nblanks++] = key;
			if (!a->line && rep->cells[key].line)
				a->line = rep->cells[key].line;
			break;
		case GR_CV_ABSENT:
			a->absent++;
			if (key >= 0 && a->nblanks < GR_FINDING_MAX_CELLS)
				a->blanks[a->nblanks++] = key;
			break;
		case GR_CV_UNKNOWN:
			a->unknown++;
			break;
	}
}

/* Does actual stand in relation op to expected? */
bool
gr_eval_compare(gr_cmp_op op, gr_num actual, gr_num expected)
{
	int			c = gr_num_cmp(actual, expected);

	return op == GR_OP_EQ ? c == 0 : op == GR_OP_LE ? c <= 0 : c >= 0;
}

/* "t3.a.total + t3.b.total - t3.c.total" into buf; signs may be NULL */
static void
keys_text(const int *keys, const int *signs, int n, char *buf, size_t cap)
{
	gr_fbuf		b;

	gr_fb_init(&b, buf, cap);
	for (int i = 0; i < n && b.len + 1 < cap; i++)
	{
		gr_fb_puts(&b, i == 0 ? (signs && signs[i] < 0 ? "-" : "") : (signs && signs[i] < 0 ? " - " : " + "));
		gr_fb_puts(&b, gr_keydefs()[keys[i]].key);
	}
}

/* "t3.a.total、t3.b.total" into buf; "…" when it does not all fit */
void
gr_eval_keys_list(const int *keys, int n, char *buf, size_t cap)
{
	gr_fbuf		b;

	gr_fb_init(&b, buf, cap);
	for (int i = 0; i < n; i++)
	{
		const char *k = gr_keydefs()[keys[i]].key;
		size_t		need = strlen(k) + (i ? strlen("、") : 0);

		if (b.len + need + strlen("…") + 1 > cap)
		{
			if (b.len + strlen("…") + 1 <= cap)
				gr_fb_puts(&b, "…");
			return;
		}
		if (i)
			gr_fb_puts(&b, "、");
		gr_fb_puts(&b, k);
	}
}

/*
 * Record a failed comparison: the rule's question, the stated side and
 * the computed side with their keys and values, the cells counted as 0.
 */
void
gr_eval_failure(gr_rule_ctx *rc, const gr_ruledef *r, const gr_sum_acc *a, const gr_sum_acc *e,
				const char *scope, const char *note)
{
	char		msg[2400],
				av[48],
				ev[48],
				lk[800],
				rk[900],
				blanks[700] = "";
	gr_fbuf		b;
	gr_finding *f;
	const char *rel = r->op == GR_OP_EQ ? "应等于" : r->op == GR_OP_LE ? "应不大于" : "应不小于";

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
		gr_eval_keys_list(all, n, blanks, sizeof(blanks));
	}
	/* scope：what。lk = av，rel [rk = ]ev[（空白或缺项按0计：blanks）]note */
	gr_fb_init(&b, msg, sizeof(msg));
	gr_fb_puts(&b, scope);
	gr_fb_puts(&b, "：");
	gr_fb_puts(&b, r->what);
	gr_fb_puts(&b, "。");
	gr_fb_puts(&b, lk);
	gr_fb_puts(&b, " = ");
	gr_fb_puts(&b, av);
	gr_fb_puts(&b, "，");
	gr_fb_puts(&b, rel);
	gr_fb_puts(&b, " ");
	if (e->ncells > 0)
	{
		gr_fb_puts(&b, rk);
		gr_fb_puts(&b, " = ");
	}
	gr_fb_puts(&b, ev);
	if (blanks[0])
	{
		gr_fb_puts(&b, "（空白或缺项按0计：");
		gr_fb_puts(&b, blanks);
		gr_fb_puts(&b, "）");
	}
	if (note)
		gr_fb_puts(&b, note);
	f = gr_add_finding_own(rc->ctx, rc->rep, r->id, r->sev, a->line ? a->line : e->line, &b);
	if (!f)
		return;
	f->actual = a->sum;
	f->expected = e->sum;
	for (int i = 0; i < a->ncells && f->ncells < GR_FINDING_MAX_CELLS; i++)
		f->cells[f->ncells++] = a->cells[i];
	for (int i = 0; i < e->ncells && f->ncells < GR_FINDING_MAX_CELLS; i++)
		f->cells[f->ncells++] = e->cells[i];
}

/* The edition that decides for a rule of table t: 表四's is the report's. */
gr_edition
gr_eval_edition_of(const gr_rule_ctx *rc, gr_table t)
{
	return t == GR_T2 ? rc->ed2 : t == GR_T3 ? rc->ed3 : rc->ed;
}

/*
 * A table whose numbers add up beyond the exact range (cells of eighteen
 * digits): the sums over it are unknown, so the rules that add skip it;
 * say so once per table rather than judge.
 */
static void
check_sum_range(gr_rule_ctx *rc)
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

/* "error", "warning", "info": the spelling every caller prints. */
const char *
gr_severity_name(gr_severity sev)
{
	static const char *const names[] = {"error", "warning", "info"};

	return (unsigned) sev < 3 ? names[sev] : "unknown";
}

/* Has rule-set version `version` this rule? */
bool
gr_rule_in_version(const gr_ruledef *r, int version)
{
	return r->since <= version && (r->until == 0 || version <= r->until);
}

/*
 * Run the rule table over a parsed report.  The parser's findings stay and
 * the rules' are made anew, so checking twice (or under another rule-set
 * version) replaces what the last check said.
 */
gr_status
gr_check(const gr_env *env, gr_report *rep, int version, gr_error *err)
{
	gr_ctx		ctx;
	gr_rule_ctx rc;
	gr_error	local;
	const gr_ruledef *r;

	if (err == NULL)
		err = &local;
	memset(err, 0, sizeof(*err));
	if (env == NULL || rep == NULL)
		return GR_EARG;
	if (gr_ruleset_resolve(&version, err) != GR_OK)
		return err->status;
	gr_ctx_init(&ctx, env, err);
	rep->nfindings = rep->nparse_findings;
	if (!rep->is_report)
	{
		/* nothing to check, and that is the finding */
		gr_add_finding(&ctx, rep, "R-GEN-01", GR_SEV_ERROR, 0,
					   "不是政府信息公开工作年度报告：文中没有报告的标题、六个部分或三张表格");
		return err->status;
	}

	memset(&rc, 0, sizeof(rc));
	rc.ctx = &ctx;
	rc.rep = rep;
	rc.version = version;
	rc.ed = gr_edition_effective(rep->edition, rep->year);
	rc.ed2 = gr_table_edition(rep, GR_T2);
	rc.ed3 = gr_table_edition(rep, GR_T3);

	check_sum_range(&rc);
	for (int i = 0; (r = gr_rules_at(i)) != NULL; i++)
	{
		if (r->fn == NULL || !gr_rule_in_version(r, version))
			continue;
		if (!(r->editions & GR_ED_MASK(gr_eval_edition_of(&rc, r->table))))
			continue;
		/* the rules of a table judge only a table that was read */
		if (r->scope == GR_SCOPE_TABLE && !(rep->tables_found & (1u << r->table)))
			continue;
		r->fn(&rc, r);
		if (err->status != GR_OK)
			return err->status;
	}
	return GR_OK;
}

/* Does an error-severity finding exist, the parser's or the rules'? */
int
gr_has_errors(const gr_report *rep)
{
	for (int i = 0; i < rep->nfindings; i++)
		if (rep->findings[i].severity == GR_SEV_ERROR)
			return 1;
	return 0;
}
