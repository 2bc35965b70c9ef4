/*
 * grdump.c — command-line caller of the core: parses report files and
 * prints what was found, one "field: value" per line.  For looking at a
 * report without a server, and for the layout and fuzz tests.
 *
 *   grdump FILE...        print fields and sections of each file
 *   grdump -c FILE...     also every cell of the tables, and the findings
 *   grdump -r FILE...     fields, then the tables one row a line and the
 *                         findings: the form the corpus tests compare
 *   grdump -k             the key dictionary (docs/keys.md is its output)
 *   grdump -f FILE...     fields and the findings of the rules (report_check)
 *   grdump -R             the rule list (docs/rules.md is its output)
 *   grdump -H FILE        the review sheet of FILE (report_html's page) on stdout
 *   grdump -K FILE...     "== FILE", then each cell key a finding names, once,
 *                         sorted: what the sheet must highlight (test/sheet)
 *   grdump_verify -g N [SEED]  (the test build) N made-up reports of hard glued
 *                         digits, each row checked against the full walk
 *   grdump -v FILE...     "== FILE", then meta.report.year=…, meta.report.fmt=…,
 *                         and every cell as key=value (a number, or blank,
 *                         dash, text, unplaced, absent; " derived" after a
 *                         computed one): what test/corpus/run.sh checks its
 *                         hand-written facts against.  Uses gr_core.h only.
 */
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "gr_core.h"
#include "gr_format.h"
#include "gr_sheet.h"
#include "test_alloc.h"

static void
print_str(const char *name, gr_str s)
{
	if (s.len)
		printf("%s: %.*s\n", name, (int) s.len, s.ptr);
	else
		printf("%s: NULL\n", name);
}

static void
print_date(const char *name, gr_date d)
{
	if (d.year)
		printf("%s: %04d-%02d-%02d\n", name, d.year, d.month, d.day);
	else
		printf("%s: NULL\n", name);
}

static void
print_cells(const gr_report *rep)
{
	static const char *const states[] = {"absent", "blank", "number", "dash", "text", "unplaced"};
	const gr_keydef *k = gr_keydefs();

	printf("edition_t2: %s edition_t3: %s\n",
		   gr_edition_name(rep->edition_t2) ? gr_edition_name(rep->edition_t2) : "NULL",
		   gr_edition_name(rep->edition_t3) ? gr_edition_name(rep->edition_t3) : "NULL");
	for (int i = 0; i < rep->ncells; i++)
	{
		const gr_cell *c = &rep->cells[i];

		if (c->state == GR_CELL_ABSENT && !c->derived)
			continue;
		printf("cell %-40s %-8s", k[i].key, states[c->state]);
		if (c->state == GR_CELL_NUMBER)
		{
			if (c->scale)
			{
				long long	p = 1;

				for (int s = 0; s < c->scale; s++)
					p *= 10;
				printf(" %lld.%0*lld", (long long) (c->mant / p), c->scale,
					   (long long) ((c->mant < 0 ? -c->mant : c->mant) % p));
			}
			else
				printf(" %lld", (long long) c->mant);
		}
		gr_str		raw = gr_cell_raw(rep, c);

		if (raw.len)
			printf(" raw=[%.*s]", (int) raw.len, raw.ptr);
		if (c->unit.len)
			printf(" unit=[%.*s]", (int) c->unit.len, c->unit.ptr);
		printf(" line=%d%s\n", c->line, c->derived ? " derived" : "");
	}
	for (int i = 0; i < rep->nfindings; i++)
		printf("finding %s line %d: %.*s\n", rep->findings[i].rule, rep->findings[i].line,
			   (int) rep->findings[i].message.len, rep->findings[i].message.ptr);
}

static void
print_number(const gr_cell *c)
{
	if (c->scale)
	{
		long long	p = 1;

		for (int s = 0; s < c->scale; s++)
			p *= 10;
		printf("%s%lld.%0*lld", c->mant < 0 ? "-" : "", (long long) (c->mant < 0 ? -c->mant : c->mant) / p,
			   c->scale, (long long) ((c->mant < 0 ? -c->mant : c->mant) % p));
	}
	else
		printf("%lld", (long long) c->mant);
}

/*
 * One line per table row, cells in the format order of the report's
 * edition: a number, □ blank, — dash, T text, ? unplaced, · absent;
 * a derived value in brackets.
 */
static void
print_rows(const gr_report *rep)
{
	const gr_keydef *k = gr_keydefs();
	int		   *order = malloc(sizeof(int) * (size_t) gr_nkeys());
	int			n = gr_keys_in_order(rep->edition, order);
	char		row[64] = "";

	printf("tables: t2 %s, t3 %s\n",
		   gr_edition_name(rep->edition_t2) ? gr_edition_name(rep->edition_t2) : "NULL",
		   gr_edition_name(rep->edition_t3) ? gr_edition_name(rep->edition_t3) : "NULL");
	for (int o = 0; o < n; o++)
	{
		const gr_cell *c = &rep->cells[order[o]];
		const char *dot = strrchr(k[order[o]].key, '.');
		int			rl = (int) (dot - k[order[o]].key);
		bool		in_edition = rep->edition && (k[order[o]].editions & (1u << rep->edition));

		if (!in_edition && (c->state == GR_CELL_ABSENT || c->derived))
			continue;
		if (strncmp(row, k[order[o]].key, rl) != 0 || row[rl] != '\0')
		{
			printf("%s%.*s:", row[0] ? "\n" : "", rl, k[order[o]].key);
			snprintf(row, sizeof(row), "%.*s", rl, k[order[o]].key);
		}
		putchar(' ');
		if (c->derived && c->state == GR_CELL_NUMBER)
		{
			putchar('(');
			print_number(c);
			putchar(')');
			continue;
		}
		switch (c->state)
		{
			case GR_CELL_NUMBER:
				print_number(c);
				break;
			case GR_CELL_BLANK:
				printf("□");
				break;
			case GR_CELL_DASH:
				printf("—");
				break;
			case GR_CELL_TEXT:
				printf("T");
				break;
			case GR_CELL_UNPLACED:
				printf("?");
				break;
			default:
				printf("·");
		}
	}
	if (row[0])
		putchar('\n');
	for (int i = 0; i < rep->nfindings; i++)
		printf("finding %s line %d: %.*s\n", rep->findings[i].rule, rep->findings[i].line,
			   (int) rep->findings[i].message.len, rep->findings[i].message.ptr);
	free(order);
}

/*
 * -v: every cell by key, one "key=value" a line, for checkers that name a
 * cell by its key (test/corpus/facts) and must not depend on the row
 * layout of -r.  Only gr_core.h: keys from gr_keydefs(), states by name.
 */
static void
print_values(const gr_report *rep)
{
	static const char *const states[] = {"absent", "blank", "number", "dash", "text", "unplaced"};
	const gr_keydef *k = gr_keydefs();

	printf("meta.report.year=%d\n", rep->year);
	printf("meta.report.fmt=%s\n", gr_edition_name(rep->edition) ? gr_edition_name(rep->edition) : "NULL");
	printf("meta.report.fmt_mixed=%d\n", rep->edition_mixed ? 1 : 0);
	for (int i = 0; i < rep->ncells && i < gr_nkeys(); i++)
	{
		const gr_cell *c = &rep->cells[i];

		printf("%s=", k[i].key);
		if (c->state == GR_CELL_NUMBER)
			print_number(c);
		else
			printf("%s", (unsigned) c->state < sizeof(states) / sizeof(states[0]) ? states[c->state] : "?");
		printf("%s\n", c->derived ? " derived" : "");
	}
}

static const char *
editions_text(unsigned printed, unsigned derived)
{
	static char buf[64];

	buf[0] = '\0';
	if (printed & GR_M19)
		strcat(buf, "gb2019");
	if (printed & GR_M21)
		strcat(buf, buf[0] ? ", gb2021" : "gb2021");
	if (derived)
	{
		strcat(buf, buf[0] ? "; derived in " : "derived in ");
		if ((derived & GR_MBOTH) == GR_MBOTH)
			strcat(buf, "both");
		else
			strcat(buf, (derived & GR_M19) ? "gb2019" : "gb2021");
	}
	return buf;
}

static void
print_labels(const char *const *labels, int n)
{
	for (int a = 0; a < n && labels[a]; a++)
		printf("%s%s", a ? " / " : "", labels[a]);
}

static void
print_t2_cols(int row, gr_edition ed)
{
	int			cols[T2_NCOLS];
	int			n = gr_t2_row_cols(row, ed, cols);

	printf(" | ");
	for (int i = 0; i < n; i++)
		printf("%s`%s`", i ? ", " : "", gr_t2_cols[cols[i]].key);
}

/* 表三 and 表四 rows from the spec: key, labels, editions, the row it is counted in. */
static void
print_spec_rows(gr_table t, const char *title, const char *what)
{
	const gr_tabledef *td = &gr_tabledefs[t];

	printf("%s| %s | labels | editions | counted in |\n|---|---|---|---|\n", title, what);
	for (int r = 0; r < td->nrows; r++)
	{
		const gr_rowdef *row = &td->rows[r];
		bool		caption = row->part == GR_PK_CAPTION;

		printf("| %s%s%s | ", caption ? "" : "`", caption ? "(label only)" : gr_row_key(t, r), caption ? "" : "`");
		print_labels(row->labels, GR_MAX_LABELS);
		printf(" | %s | %s%s%s |\n", caption ? "" : editions_text(row->printed, row->derived),
			   row->parent >= 0 ? "`" : "", row->parent >= 0 ? gr_row_key(t, row->parent) : "",
			   row->parent >= 0 ? "`" : "");
	}
}

static void
print_spec_cols(gr_table t)
{
	const gr_tabledef *td = &gr_tabledefs[t];

	printf("\n| column | header labels | counted in |\n|---|---|---|\n");
	for (int c = 0; c < td->ncols; c++)
	{
		printf("| `%s` | ", td->cols[c].key);
		print_labels(td->cols[c].labels, GR_MAX_LABELS);
		printf("%s | %s%s%s |\n", td->cols[c].derived ? " (derived; printed only by local variants)" : "",
			   td->cols[c].parent >= 0 ? "`" : "", td->cols[c].parent >= 0 ? td->cols[td->cols[c].parent].key : "",
			   td->cols[c].parent >= 0 ? "`" : "");
	}
}

/* The key dictionary, from the format tables: what docs/keys.md holds. */
static void
print_keys(void)
{
	printf("# Cell keys\n\n"
		   "Generated by `test/tools/grdump -k` from the format tables in `src/core/gr_format.c`;\n"
		   "`scripts/test.sh` checks that this file is current.  A key is `t<table>.<row>.<column>`;\n"
		   "in SQL the same names reach a cell through `parse_report`: `t3.new_received.total` is\n"
		   "`(parse_report(body)).requests.new_received.total`.  Labels after the first are variants\n"
		   "met in real reports, matched after folding (full-width to half-width, Traditional to\n"
		   "Simplified, white space and punctuation ignored).\n\n");

	printf("## 表二 主动公开政府信息情况: `t2.<row>.<column>`, field `proactive`\n\n");
	printf("| row | labels | gb2021 columns | gb2019 columns |\n|---|---|---|---|\n");
	for (int r = 0; r < GR_T2_NROWS; r++)
	{
		printf("| `%s` | ", gr_row_key(GR_T2, r));
		print_labels(gr_t2_rows[r].labels, GR_MAX_LABELS);
		print_t2_cols(r, GR_ED_2021);
		print_t2_cols(r, GR_ED_2019);
		printf(" |\n");
	}
	printf("\n| column | header labels | value |\n|---|---|---|\n");
	for (int c = 0; c < T2_NCOLS; c++)
	{
		bool		first = gr_t2_cols[c].labels[0] == NULL;

		printf("| `%s` | ", gr_t2_cols[c].key);
		print_labels(gr_t2_cols[c].labels, GR_MAX_LABELS);
		for (int r = 0; r < GR_T2_NROWS; r++)
			for (int a = 0; a < 4 && gr_t2_rows[r].own_labels[a]; a++)
				if (gr_t2_rows[r].own_cols[a] == c)
				{
					printf("%s%s (`%s`)", first ? "" : " / ", gr_t2_rows[r].own_labels[a], gr_row_key(GR_T2, r));
					first = false;
				}
		printf(" | %s |\n", gr_t2_cols[c].kind == GR_KIND_MONEY ? "万元, decimal (元 in a cell is converted)" :
			   gr_t2_cols[c].kind == GR_KIND_SIGNED ? "integer, may be signed" : "integer");
	}
	print_spec_rows(GR_T3, "\n## 表三 收到和处理政府信息公开申请情况: `t3.<row>.<column>`, field `requests`\n\n", "row");
	print_spec_cols(GR_T3);
	print_spec_rows(GR_T4, "\n## 表四 政府信息公开行政复议、行政诉讼情况: `t4.<group>.<column>`, field `review_litigation`\n\n", "group");
	print_spec_cols(GR_T4);
	printf("\n## All %d keys\n\n```\n", gr_nkeys());
	for (int i = 0; i < gr_nkeys(); i++)
		printf("%s\n", gr_keydefs()[i].key);
	printf("```\n");
}

/* -H: parse, check with the current rule set, write the sheet. */
static int
print_sheet(const char *file)
{
	size_t		len;
	char	   *text = ta_read_file(file, &len);
	ta_arena	arena = {0};
	gr_env		env = ta_env(&arena);
	gr_report  *rep;
	gr_error	err;
	gr_str		page;
	int			rc = 0;

	if (!text)
	{
		fprintf(stderr, "grdump: cannot read %s\n", file);
		return 1;
	}
	if (gr_parse(&env, text, len, &rep, &err) != GR_OK || gr_check(&env, rep, 0, &err) != GR_OK ||
		gr_sheet_html(&env, rep, NULL, &page, &err) != GR_OK)
	{
		fprintf(stderr, "grdump: %s: %s\n", file, err.message);
		rc = 1;
	}
	else
		fwrite(page.ptr, 1, page.len, stdout);
	ta_arena_free(&arena);
	free(text);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* -K: the keys the findings name, once each, sorted. */
static void
print_named_keys(const gr_report *rep)
{
	const char **keys = malloc(sizeof(char *) * (size_t) (gr_nkeys() + 1));
	char	   *seen = calloc((size_t) gr_nkeys() + 1, 1);
	int			n = 0;

	for (int i = 0; i < rep->nfindings; i++)
		for (int c = 0; c < rep->findings[i].ncells; c++)
		{
			int			k = rep->findings[i].cells[c];

			if (k >= 0 && k < gr_nkeys() && !seen[k])
			{
				seen[k] = 1;
				keys[n++] = gr_keydefs()[k].key;
			}
		}
	qsort(keys, (size_t) n, sizeof(char *), cmp_str);
	for (int i = 0; i < n; i++)
		printf("%s\n", keys[i]);
	free(keys);
	free(seen);
}

#ifdef GR_DIGITS_VERIFY
/*
 * grdump_verify -g N [SEED]: N made-up reports of a crawler's text whose
 * 表三 and 表四 rows are glued digits chosen to be hard for the glued-digit
 * search (gr_digits_meet.c, gr_digits_walk.c): sums of parts of every
 * size, many zeros, nines and ones, runs near the budget's length, rows
 * of many readings, digits at random.  Every row is checked against the
 * walk without pruning (gr_digits_verify aborts on any difference); the
 * last line says what the rows were.
 */
extern void gr_digits_verify_tally(char *buf, size_t len);

static uint64_t gen_state;

static uint64_t
gen_next(void)
{
	gen_state ^= gen_state >> 12;
	gen_state ^= gen_state << 25;
	gen_state ^= gen_state >> 27;
	return gen_state * 0x2545F4914F6CDD1DULL;
}

static int
gen_below(int n)
{
	return (int) (gen_next() % (uint64_t) n);
}

/* A part of the kind asked: 0, a few digits, a power of ten, nines, ones, or up to width digits. */
static int64_t
gen_part(int kind, int width)
{
	int			d = 1 + gen_below(width);
	int64_t		v = 0;

	switch (kind)
	{
		case 0:
			return gen_below(3) == 0 ? 0 : gen_below(1000);
		case 1:
			for (v = 1; --d > 0;)
				v *= 10;
			return gen_below(4) == 0 ? 0 : v;
		case 2:
			for (int i = 0; i < d; i++)
				v = v * 10 + 9;
			return v;
		case 3:
			for (int i = 0; i < d; i++)
				v = v * 10 + 1;
			return gen_below(3) == 0 ? 0 : v;
		default:
			for (int i = 0; i < d; i++)
				v = v * 10 + gen_below(10);
			return gen_below(5) == 0 ? 0 : v;
	}
}

/* The digits of a row of ncols columns whose last sums the others (or, at times, digits at random). */
static void
gen_run(char *out, size_t cap, int ncols)
{
	int			kind = gen_below(7),
				width = 1 + gen_below(gen_below(4) == 0 ? 12 : 5);
	size_t		o = 0;

	if (kind >= 5)
	{
		static const char *alphabets[] = {"0123456789", "01", "09", "9", "1", "10000"};
		const char *a = alphabets[gen_below(6)];
		int			n = ncols + gen_below(ncols > 7 ? 40 : 28);

		for (int i = 0; i < n && o + 1 < cap; i++)
			out[o++] = a[gen_below((int) strlen(a))];
		out[o] = '\0';
		return;
	}
	for (int g = 0; g < ncols; g += 5)
	{
		int			parts = ncols - g > 7 ? 4 : ncols - g - 1;
		int64_t		sum = 0;

		for (int p = 0; p < parts; p++)
		{
			int64_t		v = gen_part(kind == 4 ? gen_below(5) : kind, width);

			sum += v;
			o += (size_t) snprintf(out + o, cap - o, "%lld", (long long) v);
		}
		o += (size_t) snprintf(out + o, cap - o, "%lld", (long long) sum);
		if (ncols - g <= 7)
			break;
	}
}

static int
glued_selftest(int n, uint64_t seed)
{
	static const char *t3_rows[] = {
		"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果（一）予以公开",
		"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（七）总计", "四、结转下年度继续办理"
	};
	char		tally[512];

	gen_state = seed * 0x9E3779B97F4A7C15ULL + 1;
	for (int i = 0; i < n; i++)
	{
		char		text[8192],
					run[128];
		size_t		o;
		ta_arena	arena = {0};
		gr_env		env = ta_env(&arena);
		gr_report  *rep;
		gr_error	err;

		o = (size_t) snprintf(text, sizeof(text), "%s",
							  "标题: 某县2021年政府信息公开工作年度报告\n某县2021年政府信息公开工作年度报告 一、总体情况 "
							  "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"
							  "二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000"
							  "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
							  "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他");
		for (int r = 0; r < 6; r++)
		{
			gen_run(run, sizeof(run), 7);
			o += (size_t) snprintf(text + o, sizeof(text) - o, "%s%s", t3_rows[r], run);
		}
		gen_run(run, sizeof(run), 15);
		o += (size_t) snprintf(text + o, sizeof(text) - o,
							   " 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
							   "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
							   "%s五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。", run);
		if (getenv("GLUED_SHOW") && i == 0)
			fwrite(text, 1, o, stderr);
		if (gr_parse(&env, text, o, &rep, &err) != GR_OK)
		{
			fprintf(stderr, "grdump_verify: report %d not parsed: %s\n", i, err.message);
			ta_arena_free(&arena);
			return 1;
		}
		ta_arena_free(&arena);
	}
	gr_digits_verify_tally(tally, sizeof(tally));
	printf("glued rows of %d made-up reports (seed %llu) agree with the full walk: %s\n", n,
		   (unsigned long long) seed, tally);
	return 0;
}
#endif

int
main(int argc, char **argv)
{
	int			rc = 0;

	if (argc == 2 && strcmp(argv[1], "-k") == 0)
	{
		print_keys();
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "-R") == 0)
	{
		printf("# Rules\n\n"
			   "Generated by `test/tools/grdump -R` from the rule table in `src/core/gr_rules.c`;\n"
			   "`scripts/test.sh` checks that this file is current.  `SELECT * FROM report_rules()` gives\n"
			   "the same list in SQL.  Rule ids are those of the national format's consistency rules\n"
			   "(R-T3-01 …); R-H-* are hints, never repairs; R-PARSE-* say what the text did not let\n"
			   "govreport read with certainty.\n\n"
			   "A blank cell counts as 0 in every sum and is reported by R-GEN-02; a cell that could\n"
			   "not be read or placed makes a sum over it unjudgeable, so the rule skips that column.\n\n"
			   "| rule | severity | editions | rule-set versions | what it asks |\n|---|---|---|---|---|\n");
		for (int i = 0; i < gr_rule_count(); i++)
		{
			gr_severity sev;
			int			since,
						until;
			unsigned	eds;
			const char *what;
			const char *id = gr_rule_info(i, &sev, &since, &until, &eds, &what);

			char		vers[32];

			if (until)
				snprintf(vers, sizeof(vers), "%d–%d", since, until);
			else
				snprintf(vers, sizeof(vers), "%d and later", since);
			printf("| %s | %s | %s | %s | %s |\n", id, gr_severity_name(sev),
				   (eds & GR_MBOTH) == GR_MBOTH ? "both" : (eds & GR_M21) ? "gb2021" : "gb2019", vers, what);
		}
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "-H") == 0)
		return print_sheet(argv[2]);
#ifdef GR_DIGITS_VERIFY
	if (argc >= 3 && strcmp(argv[1], "-g") == 0)
		return glued_selftest(atoi(argv[2]), argc >= 4 ? strtoull(argv[3], NULL, 10) : 1);
#endif

	int			cells = 0;
	int			named = 0;
	int			rows = 0;
	int			check = 0;
	int			values = 0;

	for (int a = 1; a < argc; a++)
	{
		if (strcmp(argv[a], "-c") == 0)
		{
			cells = 1;
			continue;
		}
		if (strcmp(argv[a], "-r") == 0)
		{
			rows = 1;
			continue;
		}
		if (strcmp(argv[a], "-K") == 0)
		{
			named = 1;
			continue;
		}
		if (strcmp(argv[a], "-v") == 0)
		{
			values = 1;
			continue;
		}
		if (strcmp(argv[a], "-f") == 0)
		{
			check = 1;
			rows = 1;			/* no sections either */
			continue;
		}
		{
		size_t		len;
		char	   *text = ta_read_file(argv[a], &len);
		gr_report  *rep;
		gr_error	err;
		ta_arena	arena = {0};
		gr_env		env = ta_env(&arena);

		if (!text)
		{
			fprintf(stderr, "grdump: cannot read %s\n", argv[a]);
			rc = 1;
			continue;
		}
		printf("== %s\n", argv[a]);
		if (gr_parse(&env, text, len, &rep, &err) != GR_OK)
		{
			printf("error: %s (%s) line %d\n", err.message, err.detail, err.line);
			rc = 1;
		}
		else if (values)
			print_values(rep);
		else if (named)
		{
			if (gr_check(&env, rep, 0, &err) != GR_OK)
				printf("check error: %s\n", err.message);
			print_named_keys(rep);
		}
		else
		{
			print_str("org", rep->org);
			printf("year: %d\n", rep->year);
			printf("edition: %s%s (2019:%d 2021:%d)\n",
				   gr_edition_name(rep->edition) ? gr_edition_name(rep->edition) : "NULL",
				   rep->edition_mixed ? " mixed" : "", rep->fp2019, rep->fp2021);
			print_str("title", rep->title);
			print_date("period_start", rep->period_start);
			print_date("period_end", rep->period_end);
			print_date("published", rep->published);
			print_str("phone", rep->phone);
			print_str("email", rep->email);
			print_str("address", rep->address);
			for (int i = 0; i < rep->nsections && !rows; i++)
			{
				const gr_section *s = &rep->sections[i];
				int			n = 0,
							chars = 0;

				while (n < (int) s->body.len && chars < 20)
				{
					n++;
					while (n < (int) s->body.len && ((unsigned char) s->body.ptr[n] & 0xC0) == 0x80)
						n++;
					chars++;
				}
				printf("section %d %s line %d heading [%.*s] body@%d [%.*s]\n", i,
					   gr_section_key_name(s->key), s->line, (int) s->heading.len, s->heading.ptr,
					   s->body_line, n, s->body.ptr);
			}
			if (cells)
				print_cells(rep);
			if (rows && !check)
				print_rows(rep);
			if (check)
			{
				if (gr_check(&env, rep, 0, &err) != GR_OK)
					printf("check error: %s\n", err.message);
				for (int i = 0; i < rep->nfindings; i++)
				{
					const gr_finding *f = &rep->findings[i];

					printf("%-10s %-7s line %-4d %.*s\n", f->rule, gr_severity_name(f->severity), f->line,
						   (int) f->message.len, f->message.ptr);
				}
			}
		}
		ta_arena_free(&arena);
		free(text);
		}
	}
	return rc;
}
