/*
 * test_layouts.c — property test of the table readers ("layout generator"):
 * parse(render(x)) == x.
 *
 * A random report x is an edition (gb2019 or gb2021), a statistics year of
 * that edition, an organisation and a value for every cell the edition
 * prints in 表二, 表三 and 表四 (some of them blank).  The report is written
 * out as the text of a whole annual report — title, preamble, the six
 * sections, the three tables with their official headers — in each of the
 * layouts real reports come in:
 *
 *   a    one cell per line behind a tab, a blank line between rows (seed 000)
 *   a2   one cell per line, nothing else (seed 004); cannot show an empty cell
 *   b    tab-separated rows, header over several lines (seed 003)
 *   c    each cell on a line ended by " |", filler lines of pipes (seed 002)
 *   d    pdftotext -layout: rows on one line, columns aligned by spaces;
 *        cannot show an empty cell
 *   e    HTML with a real <table>, rowspan and colspan
 *   f    Markdown pipe tables
 *   g    a site crawler's text (pingtan-*): the whole report on one line,
 *        every row's digits glued to its label (行政许可2418); a cell is
 *        read exactly or left NULL with an R-PARSE finding naming it
 *   h    a web page's table as w3m or a browser dumps it: drawn with box
 *        characters (light, heavy or double), a cell of several rows with
 *        its text on its middle line, which may be a border line
 *   i    a table under a rule of dashes, one run a column, as pandoc writes
 *        a page's table as plain text; empty cells are spaces, rows one a
 *        line or apart by blank lines
 *   j    Markdown whose tables are HTML, as PDF-to-Markdown converters
 *        write a table with spans: the whole table on one line, in
 *        <html><body> (MinerU) or not (marker), or a tag a line (pandoc
 *        -t gfm); headings and paragraphs are Markdown lines, each its own
 *   k    pandoc's Markdown of a whole web page (-t gfm): the page's <div>
 *        kept as raw HTML, a line each, around Markdown; paragraphs and
 *        most headings in the page's <span>, its tag wrapped over two
 *        lines; tables with spans as HTML, a cell a line, others as pipes
 *   l    a grid table (pandoc's plain text or reStructuredText of a page),
 *        "+----+" between rows, its columns narrower than its labels, which
 *        wrap within them onto the row's next lines
 *
 * with some mess added at random: labels broken over two lines, full-width
 * digits, Traditional script (ICU "Hans-Hant"), CRLF line ends, a page mark
 * between two table rows; and, from a second random stream (so that the
 * reports above stay as they were): cells that are not numbers (--253, ?,
 * 12件3), bracketed notes after 表二's labels, pinyin glosses (規(guī)章),
 * "| 25 |" and trailing filler pipes in (c), blank lines as empty cells in
 * a double-spaced (a2), every line break doubled in (a), Markdown without
 * outer pipes in (f), stray spaces between glued values in (g).
 *
 * The rows, columns, official labels, editions and derived cells come from
 * the generator's own copy of the format, written from
 * ../shared/spec/format.md, never from the parser's tables: a label the
 * parser has wrong is then rendered right and fails, instead of being
 * reproduced and accepted.  Only gr_core.h is used; cell keys are strings
 * resolved with gr_key_find() at start-up, and a key the parser lacks (or a
 * parser key the format lacks) fails the first check.
 *
 * The text is parsed with gr_parse() and every printed cell of the edition
 * must come back: a number as the same number (exact decimal), a blank as
 * GR_CELL_BLANK; the derived cells must equal the sum of their parts.  A number read as another number is the worst
 * failure ("wrong number"); a number not read at all is a "missed cell".
 *
 * One TAP line per layout, details of the first failures as "#" lines, the
 * text of the first failing reports in /tmp/layout_fail_<layout>_<i>.txt,
 * and a last line "N passed, N failed".
 *
 *   test/unit/test_layouts [REPORTS [SEED [LAYOUTS [INDEX]]]]
 *
 *   REPORTS   reports per layout (default 300)
 *   SEED      seed of the generator (default 20261122)
 *   LAYOUTS   comma-separated subset, e.g. "a2,d" (default all)
 *   INDEX     only the report with this index (to reproduce a failure)
 *
 * Environment: LAYOUT_SHOW=N prints up to N failure lines per layout
 * (default 12); LAYOUT_DUMP=DIR writes every rendered report to
 * DIR/<layout>_<index>.txt; LAYOUT_AVOID=negative,blanks,pad,wrap-head,
 * wrap-narrow,malformed,notes,pinyin,pipes,blank-lines,stray leaves out a
 * kind of mess (the same values otherwise), to tell which one a failure
 * needs; LAYOUT_ADD_UP=P makes P percent of the reports add up (default
 * 50; the others are drawn at random and break every balance rule), the
 * same reports otherwise.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "gr_core.h"
#include "test_sbuf.h"
#include "test_alloc.h"

#define SHOW_FAILURES 12		/* "#" lines of detail per layout */
#define SAVE_FAILURES 5			/* failing texts written per layout */

/* LAYOUT_AVOID: leave out a kind of mess, to tell which one a failure needs */
enum
{
	AV_NEGATIVE = 1,			/* negative values ("-3" in 本年增/减) */
	AV_BLANKS = 2,				/* empty cells */
	AV_PAD = 4,					/* (b), (f): colspans written as empty cells */
	AV_WRAP_HEAD = 8,			/* (d): column headers wrapped onto a second line */
	AV_WRAP_NARROW = 16,		/* (d): labels wrapped right after the numbering and a character */
	AV_MALFORMED = 32,			/* cells that are not numbers */
	AV_NOTES = 64,				/* bracketed instructions after 表二's labels */
	AV_PINYIN = 128,			/* pinyin glosses in 表二's labels */
	AV_PIPES = 256,				/* (c): "| 25 |" and trailing filler pipes */
	AV_BLANK_LINES = 512,		/* (a2): blank lines as empty cells */
	AV_STRAY = 1024				/* (g): stray spaces between glued values */
};

static const struct
{
	const char *name;
	unsigned	flag;
}			avoid_names[] = {
	{"negative", AV_NEGATIVE}, {"blanks", AV_BLANKS}, {"pad", AV_PAD},
	{"wrap-head", AV_WRAP_HEAD}, {"wrap-narrow", AV_WRAP_NARROW}, {"malformed", AV_MALFORMED},
	{"notes", AV_NOTES}, {"pinyin", AV_PINYIN}, {"pipes", AV_PIPES}, {"blank-lines", AV_BLANK_LINES},
	{"stray", AV_STRAY},
};

static unsigned avoid;

/* LAYOUT_ADD_UP: the percent of reports whose numbers add up (default 50) */
static int	add_up_percent = 50;


/* ---- TAP ---- */

static int	n_pass,
			n_fail;

static void
check(int ok, const char *fmt,...)
{
	va_list		ap;

	printf("%s %d - ", ok ? "ok" : "not ok", n_pass + n_fail + 1);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (ok)
		n_pass++;
	else
		n_fail++;
}

/* ---- deterministic random numbers: xorshift64* seeded by splitmix64 ---- */

typedef struct rng
{
	uint64_t	s;
} rng;

static uint64_t
splitmix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

static rng
rng_make(uint64_t seed, uint64_t a, uint64_t b)
{
	rng			r = {splitmix64(splitmix64(splitmix64(seed) ^ a) ^ b)};

	if (r.s == 0)
		r.s = 1;
	return r;
}

static uint64_t
rng_next(rng *r)
{
	uint64_t	x = r->s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	r->s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static int
rng_below(rng *r, int n)
{
	return (int) (rng_next(r) % (uint64_t) n);
}

static int64_t
rng_range(rng *r, int64_t lo, int64_t hi)
{
	return lo + (int64_t) (rng_next(r) % (uint64_t) (hi - lo + 1));
}

static bool
rng_chance(rng *r, int percent)
{
	return rng_below(r, 100) < percent;
}

/* ---- a growing string: test_sbuf.h ---- */

static void
sb_spaces(sbuf *b, int n)
{
	while (n-- > 0)
		sb_putn(b, " ", 1);
}

/* ---- UTF-8 helpers ---- */

static int
u8_chars(const char *s, size_t n)
{
	int			c = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* Byte offset of character k of s. */
static size_t
u8_offset(const char *s, int k)
{
	size_t		i = 0;

	while (s[i] && k > 0)
	{
		i++;
		while (((unsigned char) s[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return i;
}

static bool
has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static bool
is_ideograph(const char *s)
{
	const unsigned char *u = (const unsigned char *) s;
	uint32_t	cp;

	if ((u[0] & 0xF0) != 0xE0)
		return false;
	cp = ((uint32_t) (u[0] & 0x0F) << 12) | ((uint32_t) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	return cp >= 0x4E00 && cp <= 0x9FFF;
}

/*
 * Break a label of at least min_len characters in two at a random place,
 * as a line break inside a table cell does: the first part holds at least
 * min_ideo Chinese characters after the numbering （一）, 一、 or 1. (so
 * never a bare "（" or "1."), and with wide_first at least half of the
 * label (a column wrapped at its width); the second part at least one
 * character.  Returns false, leaving a and b alone, when the label cannot
 * be broken so.
 */
static bool
split_label(rng *r, const char *s, int min_len, int min_ideo, bool wide_first, char *a, char *b,
			size_t cap)
{
	int			n = u8_chars(s, strlen(s));
	int			kmin = -1,
				ideo = 0,
				k = 0;
	size_t		off;

	for (size_t i = 0; s[i]; k++)
	{
		if (k < 4 && (has_prefix(s + i, "）") || has_prefix(s + i, "、") || s[i] == '.'))
			ideo = 0;			/* the numbering （一）, 一、, 1. does not count */
		else if (is_ideograph(s + i) && ++ideo == min_ideo)
			kmin = k + 1;
		i++;
		while (((unsigned char) s[i] & 0xC0) == 0x80)
			i++;
	}
	if (n < min_len || kmin < 0)
		return false;
	if (wide_first && kmin < (n + 1) / 2)
		kmin = (n + 1) / 2;
	if (kmin > n - 1)
		return false;
	k = (int) rng_range(r, kmin, n - 1);
	off = u8_offset(s, k);
	/* never inside a pinyin gloss (數(shù)): a wrap comes before or after it */
	{
		const char *open = NULL;

		for (const char *p = s; p < s + off; p++)
			if (*p == '(')
				open = p;
			else if (*p == ')')
				open = NULL;
		if (open)
		{
			const char *close = strchr(s + off, ')');

			off = close && close[1] ? (size_t) (close + 1 - s) : (size_t) (open - s);
			if (off == 0)
				return false;
		}
	}
	if (off >= cap || strlen(s + off) >= cap)
		return false;
	memcpy(a, s, off);
	a[off] = '\0';
	strcpy(b, s + off);
	return true;
}

/* Split s at character k. */
static void
split_at(const char *s, int k, char *a, char *b)
{
	size_t		off = u8_offset(s, k);

	memcpy(a, s, off);
	a[off] = '\0';
	strcpy(b, s + off);
}


/*
 * ---- the format: the generator's own copy of ../shared/spec/format.md ----
 *
 * Written from the spec (§3 表二, §4 表三, §5 表四), not from the parser's
 * tables, so that a wrong label, a missing row or a row in the wrong
 * edition in the parser is rendered as the format prints it and shows up
 * as a failure instead of being reproduced.  Keys are strings; at start-up
 * each is looked up with gr_key_find(), and a key the parser does not know
 * (or a parser key the spec does not name) is a failure of its own.
 */

#define ED_BIT(ed) (1u << (ed))
#define E19 ED_BIT(GR_ED_2019)
#define E21 ED_BIT(GR_ED_2021)
#define EBOTH (E19 | E21)

/* What a value may be (spec §3, §8.4). */
enum
{
	VK_COUNT,					/* integer >= 0 */
	VK_SIGNED,					/* 本年增/减: may carry a sign, "+1036", "-3" */
	VK_MONEY					/* a decimal in 万元 */
};

typedef struct f_col
{
	const char *key;
	const char *label;			/* the column header as the format prints it */
	int			kind;
} f_col;

/* 表二 (§3.1 gb2021, §3.2 gb2019): a sub-table per 第二十条 item. */
typedef struct f_t2_row
{
	const char *key;
	const char *label19;		/* NULL: gb2019 has no such row */
	const char *label21;		/* NULL: gb2021 has no such row */
} f_t2_row;

typedef struct f_t2_group
{
	const char *caption;
	f_t2_row	rows[2];
	f_col		cols19[3];		/* the columns of each edition, in order */
	f_col		cols21[3];
} f_t2_group;

static const f_t2_group f_t2[] = {
	{"第二十条第（一）项",
		{{"rules", "规章", "规章"}, {"norm_docs", "规范性文件", "行政规范性文件"}},
		{{"made", "本年新制作数量"}, {"published", "本年新公开数量"}, {"total_published", "对外公开总数量"}},
	{{"issued", "本年制发件数"}, {"repealed", "本年废止件数"}, {"in_force", "现行有效件数"}}},
	{"第二十条第（五）项",
		{{"licensing", "行政许可", "行政许可"}, {"other_services", "其他对外管理服务事项", NULL}},
		{{"prev_items", "上一年项目数量"}, {"delta", "本年增/减", VK_SIGNED}, {"decisions", "处理决定数量"}},
	{{"decisions", "本年处理决定数量"}}},
	{"第二十条第（六）项",
		{{"penalty", "行政处罚", "行政处罚"}, {"coercion", "行政强制", "行政强制"}},
		{{"prev_items", "上一年项目数量"}, {"delta", "本年增/减", VK_SIGNED}, {"decisions", "处理决定数量"}},
	{{"decisions", "本年处理决定数量"}}},
	/* gb2019 counts fee items here; gb2021 the amount collected */
	{"第二十条第（八）项",
		{{"admin_fees", "行政事业性收费", "行政事业性收费"}},
		{{"prev_items", "上一年项目数量"}, {"delta", "本年增/减", VK_SIGNED}},
	{{"amount_wan", "本年收费金额（单位：万元）", VK_MONEY}}},
	/* gb2021 has no （九） */
	{"第二十条第（九）项",
		{{"central_procurement", "政府集中采购", NULL}},
		{{"items", "采购项目数量"}, {"amount_wan", "采购总金额", VK_MONEY}},
	{{NULL}}},
};

#define F_T2_GROUPS ((int) (sizeof(f_t2) / sizeof(f_t2[0])))

/*
 * 表三 (§4.2), rows in format order.  In each edition a row is a data
 * row ('d'), a label printed without numbers whose cells are the sum of
 * the rows naming it as parent ('l'), or absent ('-').
 */
typedef struct f_t3_row
{
	int			level;			/* 0 一、…, 1 （一）…, 2 1.… */
	const char *key;			/* NULL: a merged label that holds no cell */
	const char *label;			/* the official label */
	char		in19;
	char		in21;
	const char *parent;			/* the label-only row this one adds up to */
} f_t3_row;

static const f_t3_row f_t3[] = {
	{0, "new_received", "一、本年新收政府信息公开申请数量", 'd', 'd'},
	{0, "carried_in", "二、上年结转政府信息公开申请数量", 'd', 'd'},
	{0, NULL, "三、本年度办理结果", 'l', 'l'},
	{1, "granted", "（一）予以公开", 'd', 'd'},
	{1, "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 'd', 'd'},
	{1, "denied_total", "（三）不予公开", 'l', 'l'},
	{2, "denied_secret", "1.属于国家秘密", 'd', 'd', "denied_total"},
	{2, "denied_law", "2.其他法律行政法规禁止公开", 'd', 'd', "denied_total"},
	/* the spec types the quotes as ASCII "…"; the format and the seeds print “…” */
	{2, "denied_security", "3.危及“三安全一稳定”", 'd', 'd', "denied_total"},
	{2, "denied_third_party", "4.保护第三方合法权益", 'd', 'd', "denied_total"},
	{2, "denied_internal", "5.属于三类内部事务信息", 'd', 'd', "denied_total"},
	{2, "denied_process", "6.属于四类过程性信息", 'd', 'd', "denied_total"},
	{2, "denied_case_file", "7.属于行政执法案卷", 'd', 'd', "denied_total"},
	{2, "denied_query", "8.属于行政查询事项", 'd', 'd', "denied_total"},
	{1, "unable_total", "（四）无法提供", 'l', 'l'},
	{2, "unable_not_held", "1.本机关不掌握相关政府信息", 'd', 'd', "unable_total"},
	{2, "unable_need_create", "2.没有现成信息需要另行制作", 'd', 'd', "unable_total"},
	{2, "unable_unclear", "3.补正后申请内容仍不明确", 'd', 'd', "unable_total"},
	{1, "declined_total", "（五）不予处理", 'l', 'l'},
	{2, "declined_petition", "1.信访举报投诉类申请", 'd', 'd', "declined_total"},
	{2, "declined_repeat", "2.重复申请", 'd', 'd', "declined_total"},
	{2, "declined_publication", "3.要求提供公开出版物", 'd', 'd', "declined_total"},
	{2, "declined_excessive", "4.无正当理由大量反复申请", 'd', 'd', "declined_total"},
	{2, "declined_reconfirm", "5.要求行政机关确认或重新出具已获取信息", 'd', 'd', "declined_total"},
	/* one data row in gb2019; in gb2021 the sum of the three rows below */
	{1, "other_handling", "（六）其他处理", 'd', 'l'},
	{2, "other_no_supplement", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", '-', 'd',
	"other_handling"},
	{2, "other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", '-', 'd',
	"other_handling"},
	{2, "other_misc", "3.其他", '-', 'd', "other_handling"},
	{1, "results_total", "（七）总计", 'd', 'd'},
	{0, "carried_out", "四、结转下年度继续办理", 'd', 'd'},
};

#define F_T3_ROWS ((int) (sizeof(f_t3) / sizeof(f_t3[0])))

/* §4.1: the seven printed columns; org_sum, not printed, adds up 2–6 */
static const f_col f_t3_cols[] = {
	{"natural_person", "自然人"}, {"business", "商业企业"}, {"research", "科研机构"},
	{"public_welfare", "社会公益组织"}, {"legal_service", "法律服务机构"}, {"other_org", "其他"},
	{"total", "总计"},
};

#define F_T3_COLS 7
#define F_T3_ORG_FIRST 1		/* 法人或其他组织: business … other_org */
#define F_T3_ORG_LAST 5

/* §5: three printed groups of five columns; suit_all = the two suits */
static const struct
{
	const char *key;
	const char *label;
}			f_t4_groups[] = {
	{"review", "行政复议"}, {"suit_direct", "未经复议直接起诉"}, {"suit_after_review", "复议后起诉"},
};

#define F_T4_GROUPS 3
static const char *const f_t4_suit = "行政诉讼";	/* over the two suit groups */

static const f_col f_t4_cols[] = {
	{"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"}, {"pending", "尚未审结"},
	{"total", "总计"},
};

#define F_T4_COLS 5

/* §4.1 header texts over the columns of 表三 */
static const char *const f_t3_note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
static const char *const f_t3_applicant = "申请人情况";
static const char *const f_t3_org = "法人或其他组织";

/* ---- the cells of the format, as a list with string keys ---- */

#define F_MAX_CELLS 320
#define F_MAX_PARTS 8

typedef struct f_cell
{
	char		key[48];		/* t3.new_received.natural_person */
	gr_table	table;
	const char *row;
	const char *col;
	int			kind;
	unsigned	printed;		/* editions that print it with a number */
	unsigned	derived;		/* editions that compute it from parts */
	int			parts[F_MAX_PARTS];	/* derived: the cells it adds up */
	int			nparts;
	int			addends[6];		/* a printed 总计: the columns it is the sum of */
	int			naddends;
	int			idx;			/* its index in gr_report.cells, -1 if the parser lacks it */
} f_cell;

static f_cell fc[F_MAX_CELLS];
static int	nfc;

/* Index of the cell "t<table+2>.<row>.<col>" in fc, -1 if none. */
static int
fc_find(gr_table table, const char *row, const char *col)
{
	char		key[48];

	snprintf(key, sizeof(key), "t%d.%s.%s", (int) table + 2, row, col);
	for (int i = 0; i < nfc; i++)
		if (strcmp(fc[i].key, key) == 0)
			return i;
	return -1;
}

/* Add a cell, or the editions to one already there (表二's decisions). */
static int
fc_add(gr_table table, const char *row, const char *col, int kind, unsigned printed,
	   unsigned derived)
{
	int			i = fc_find(table, row, col);

	if (i < 0)
	{
		if (nfc == F_MAX_CELLS)
		{
			fprintf(stderr, "more than %d cells in the format\n", F_MAX_CELLS);
			exit(2);
		}
		i = nfc++;
		memset(&fc[i], 0, sizeof(fc[i]));
		snprintf(fc[i].key, sizeof(fc[i].key), "t%d.%s.%s", (int) table + 2, row, col);
		fc[i].table = table;
		fc[i].row = row;
		fc[i].col = col;
		fc[i].kind = kind;
		fc[i].idx = -1;
	}
	fc[i].printed |= printed;
	fc[i].derived |= derived;
	return i;
}

static void
fc_part(int cell, int part)
{
	if (cell < 0 || part < 0 || fc[cell].nparts == F_MAX_PARTS)
	{
		fprintf(stderr, "format copy: bad part of a derived cell\n");
		exit(2);
	}
	fc[cell].parts[fc[cell].nparts++] = part;
}

/* 表二: per row the gb2021 columns, then those only gb2019 has (§3, §9.2). */
static void
fc_build_t2(void)
{
	for (int gi = 0; gi < F_T2_GROUPS; gi++)
		for (int ri = 0; ri < 2 && f_t2[gi].rows[ri].key; ri++)
		{
			const f_t2_row *row = &f_t2[gi].rows[ri];

			for (int c = 0; c < 3 && row->label21 && f_t2[gi].cols21[c].key; c++)
				fc_add(GR_T2, row->key, f_t2[gi].cols21[c].key, f_t2[gi].cols21[c].kind, E21, 0);
			for (int c = 0; c < 3 && row->label19 && f_t2[gi].cols19[c].key; c++)
				fc_add(GR_T2, row->key, f_t2[gi].cols19[c].key, f_t2[gi].cols19[c].kind, E19, 0);
		}
}

static unsigned
t3_editions(const f_t3_row *row, char state)
{
	return (row->in19 == state ? E19 : 0) | (row->in21 == state ? E21 : 0);
}

/*
 * 表三: eight columns per row with a key (§4.1, §4.2): the seven printed
 * where the row is data, all derived where it is a label only; org_sum
 * always derived from the five legal-person columns.
 */
static void
fc_build_t3(void)
{
	for (int r = 0; r < F_T3_ROWS; r++)
	{
		const f_t3_row *row = &f_t3[r];
		unsigned	data = t3_editions(row, 'd'),
					label = t3_editions(row, 'l');
		int			org;

		if (!row->key)
			continue;
		for (int c = 0; c < F_T3_COLS; c++)
			fc_add(GR_T3, row->key, f_t3_cols[c].key, VK_COUNT, data, label);
		org = fc_add(GR_T3, row->key, "org_sum", VK_COUNT, 0, data | label);
		for (int c = F_T3_ORG_FIRST; c <= F_T3_ORG_LAST; c++)
			fc_part(org, fc_find(GR_T3, row->key, f_t3_cols[c].key));
	}
	/* a label-only row adds up the rows that name it as parent */
	for (int r = 0; r < F_T3_ROWS; r++)
		for (int c = 0; f_t3[r].parent && c < F_T3_COLS; c++)
			fc_part(fc_find(GR_T3, f_t3[r].parent, f_t3_cols[c].key),
					fc_find(GR_T3, f_t3[r].key, f_t3_cols[c].key));
}

/* 表四: three printed groups and suit_all, their sum (§5). */
static void
fc_build_t4(void)
{
	for (int g = 0; g < F_T4_GROUPS; g++)
		for (int c = 0; c < F_T4_COLS; c++)
			fc_add(GR_T4, f_t4_groups[g].key, f_t4_cols[c].key, VK_COUNT, EBOTH, 0);
	for (int c = 0; c < F_T4_COLS; c++)
	{
		int			all = fc_add(GR_T4, "suit_all", f_t4_cols[c].key, VK_COUNT, 0, EBOTH);

		fc_part(all, fc_find(GR_T4, "suit_direct", f_t4_cols[c].key));
		fc_part(all, fc_find(GR_T4, "suit_after_review", f_t4_cols[c].key));
	}
}

/* The printed 总计 columns: 表三 the six applicant columns, 表四 the four results. */
static void
fc_link_totals(void)
{
	for (int i = 0; i < nfc; i++)
	{
		f_cell	   *f = &fc[i];
		int			n = f->table == GR_T3 ? 6 : 4;

		if (f->table == GR_T2 || !f->printed || strcmp(f->col, "total") != 0)
			continue;
		for (int c = 0; c < n; c++)
			f->addends[f->naddends++] =
				fc_find(f->table, f->row, f->table == GR_T3 ? f_t3_cols[c].key : f_t4_cols[c].key);
	}
}

/*
 * Build the list and resolve each key with the parser.  Writes the keys
 * the parser lacks into missing, the parser's keys the format lacks into
 * extra; returns their number.
 */
static int
fc_build(char *missing, char *extra, size_t cap)
{
	int			bad = 0;

	nfc = 0;
	fc_build_t2();
	fc_build_t3();
	fc_build_t4();
	fc_link_totals();
	missing[0] = extra[0] = '\0';
	for (int i = 0; i < nfc; i++)
	{
		fc[i].idx = gr_key_find(fc[i].key, strlen(fc[i].key));
		if (fc[i].idx < 0 && ++bad)
			snprintf(missing + strlen(missing), cap - strlen(missing), " %s", fc[i].key);
	}
	for (int k = 0; k < gr_nkeys(); k++)
	{
		bool		known = false;

		for (int i = 0; i < nfc && !known; i++)
			known = fc[i].idx == k;
		if (!known && ++bad)
			snprintf(extra + strlen(extra), cap - strlen(extra), " %s", gr_keydefs()[k].key);
	}
	return bad;
}

static bool
key_printed(int k, gr_edition ed)
{
	return (fc[k].printed & ED_BIT(ed)) != 0;
}

static bool
key_derived(int k, gr_edition ed)
{
	return (fc[k].derived & ED_BIT(ed)) != 0;
}

/* ---- the generated report ---- */

typedef struct genval
{
	bool		in_report;		/* a cell the edition prints */
	bool		blank;			/* shown empty in the layouts that can */
	int64_t		mant;			/* value = mant / 10^scale */
	int			scale;
	char		text[48];		/* as written, ASCII */
} genval;

typedef struct genreport
{
	int			index;
	gr_edition	ed;
	int			year;
	const char *org;
	int			blank_mode;
	int			closing;		/* which sentence closes section 六 */
	bool		added_up;		/* every total the sum of its parts */
	genval		v[F_MAX_CELLS];
} genreport;

static const char *const orgs[] = {
	"某某县人民政府", "某市教育局", "第七师一二四团", "某某区财政局", "某某镇人民政府",
	"某市自然资源和规划局",
};

static void
gen_count(rng *r, genval *v)
{
	int			p = rng_below(r, 100);

	v->mant = p < 35 ? 0 : p < 85 ? rng_range(r, 0, 50) : rng_range(r, 0, 99999);
	v->scale = 0;
	snprintf(v->text, sizeof(v->text), "%lld", (long long) v->mant);
}

static void
gen_signed(rng *r, genval *v)
{
	int			p = rng_below(r, 100);

	bool		plus;

	v->mant = p < 30 ? 0 : p < 80 ? rng_range(r, -50, 50) : rng_range(r, -9999, 9999);
	plus = rng_chance(r, 40);
	if (avoid & AV_NEGATIVE)
		v->mant = v->mant < 0 ? -v->mant : v->mant;
	v->scale = 0;
	if (v->mant > 0 && plus)
		snprintf(v->text, sizeof(v->text), "+%lld", (long long) v->mant);
	else
		snprintf(v->text, sizeof(v->text), "%lld", (long long) v->mant);
}

static void
gen_money(rng *r, genval *v)
{
	int64_t		p10 = 1;

	v->scale = rng_chance(r, 25) ? 0 : (int) rng_range(r, 1, 4);
	for (int i = 0; i < v->scale; i++)
		p10 *= 10;
	v->mant = rng_chance(r, 25) ? 0 : rng_range(r, 0, 99999 * p10);
	if (v->scale == 0)
		snprintf(v->text, sizeof(v->text), "%lld", (long long) v->mant);
	else
		snprintf(v->text, sizeof(v->text), "%lld.%0*lld", (long long) (v->mant / p10), v->scale,
				 (long long) (v->mant % p10));
}

/*
 * Blank modes: none; about 8% of the cells at random; seed 000's habit of
 * filling only the 总计 column of 表三 and the last cell of 表四; seed
 * 003's empty 行政复议 group.
 */
enum
{
	BLANK_NONE, BLANK_RANDOM, BLANK_TOTALS_ONLY, BLANK_REVIEW
};

static const char *const blank_mode_names[] = {"none", "random", "totals-only", "review"};

static void
gen_value(rng *r, genval *v, int kind)
{
	switch (kind)
	{
		case VK_SIGNED:
			gen_signed(r, v);
			break;
		case VK_MONEY:
			gen_money(r, v);
			break;
		default:
			gen_count(r, v);
			break;
	}
}

static bool
gen_blank(rng *r, int blank_mode, const f_cell *f)
{
	switch (blank_mode)
	{
		case BLANK_RANDOM:
			return rng_chance(r, 8);
		case BLANK_TOTALS_ONLY:
			return (f->table == GR_T3 && strcmp(f->col, "total") != 0) ||
				(f->table == GR_T4 && !(strcmp(f->row, "suit_after_review") == 0 && strcmp(f->col, "total") == 0));
		case BLANK_REVIEW:
			return f->table == GR_T4 && strcmp(f->row, "review") == 0;
		default:
			return false;
	}
}

/* A generated cell as the rules read it: a blank counts as 0. */
static int64_t
gen_read(const genreport *g, int k)
{
	return k < 0 || !g->v[k].in_report || g->v[k].blank ? 0 : g->v[k].mant;
}

static void
gen_set(genreport *g, int k, int64_t mant)
{
	if (k < 0 || !g->v[k].in_report)
		return;
	g->v[k].mant = mant;
	snprintf(g->v[k].text, sizeof(g->v[k].text), "%lld", (long long) mant);
}

/*
 * Make the balances of the format hold in each applicant column of 表三 and
 * in 表二, as they do in most real reports (the rules of spec §8): (七)总计
 * the sum of the results printed in this edition (R-T3-03), 一 + 二 = (七)
 * + 四 (R-T3-01) by 一、本年新收 (or, where that would go below 0, 二、上年结
 * 转 as well); 现行有效 at least 制发 − 废止 (R-T2-02); a project count not
 * cut below 0 by its 增/减 (R-T2v19-02); 本年新公开 not above 对外公开总数
 * (R-T2v19-01).  No random number is drawn, so the reports that do not
 * add up stay as they were.  A blank cell counts as 0 here as in the
 * rules, and one that is itself a total (a blank (七)总计) still breaks
 * its balance, as it does in a real report.  gen_add_up then makes the
 * 总计 column.
 */
static void
gen_balance(genreport *g)
{
	/* the applicant columns: 自然人 and the five 法人或其他组织 */
	for (int c = 0; c <= F_T3_ORG_LAST; c++)
	{
		const char *col = f_t3_cols[c].key;
		int64_t		results = 0,
					in,
					out,
					need;

		for (int r = 0; r < F_T3_ROWS; r++)
		{
			int			k;

			if (!f_t3[r].key || f_t3[r].level == 0 || strcmp(f_t3[r].key, "results_total") == 0)
				continue;
			k = fc_find(GR_T3, f_t3[r].key, col);
			if (k >= 0 && key_printed(k, g->ed))
				results += gen_read(g, k);
		}
		gen_set(g, fc_find(GR_T3, "results_total", col), results);
		in = gen_read(g, fc_find(GR_T3, "carried_in", col));
		out = gen_read(g, fc_find(GR_T3, "carried_out", col));
		need = results + out;
		if (need < in)
			gen_set(g, fc_find(GR_T3, "carried_in", col), in = need);
		gen_set(g, fc_find(GR_T3, "new_received", col), need - in);
	}
	for (int k = 0; k < nfc; k++)
	{
		int			other;

		if (fc[k].table != GR_T2 || !key_printed(k, g->ed) || g->v[k].blank)
			continue;
		if (g->ed == GR_ED_2021 && strcmp(fc[k].col, "in_force") == 0)
		{
			int64_t		least = gen_read(g, fc_find(GR_T2, fc[k].row, "issued")) -
				gen_read(g, fc_find(GR_T2, fc[k].row, "repealed"));

			if (g->v[k].mant < least)
				gen_set(g, k, least);
		}
		else if (g->ed == GR_ED_2019 && strcmp(fc[k].col, "delta") == 0 &&
				 (other = fc_find(GR_T2, fc[k].row, "prev_items")) >= 0 &&
				 g->v[k].mant < -gen_read(g, other))
			gen_set(g, k, -gen_read(g, other));
		else if (g->ed == GR_ED_2019 && strcmp(fc[k].col, "total_published") == 0 &&
				 g->v[k].mant < gen_read(g, fc_find(GR_T2, fc[k].row, "published")))
			gen_set(g, k, gen_read(g, fc_find(GR_T2, fc[k].row, "published")));
	}
}

/*
 * 总计 = the sum of the applicant (表三) or result (表四) columns, of those
 * shown where a layout can show a blank.
 */
static void
gen_add_up(genreport *g, bool with_blanks)
{
	for (int k = 0; k < nfc; k++)
	{
		int64_t		sum = 0;

		if (!g->v[k].in_report || fc[k].naddends == 0)
			continue;
		for (int i = 0; i < fc[k].naddends; i++)
		{
			int			pk = fc[k].addends[i];

			if (pk >= 0 && g->v[pk].in_report && (with_blanks || !g->v[pk].blank))
				sum += g->v[pk].mant;
		}
		gen_set(g, k, sum);
	}
}

static void
generate(genreport *g, uint64_t seed, int index)
{
	rng			r = rng_make(seed, (uint64_t) index, 0x5EED);
	int			p;

	memset(g, 0, sizeof(*g));
	g->index = index;
	g->ed = rng_chance(&r, 50) ? GR_ED_2019 : GR_ED_2021;
	g->year = g->ed == GR_ED_2019 ? (int) rng_range(&r, 2019, 2020) : (int) rng_range(&r, 2021, 2025);
	g->org = orgs[rng_below(&r, (int) (sizeof(orgs) / sizeof(orgs[0])))];
	g->closing = rng_below(&r, 3);
	p = rng_below(&r, 100);
	g->blank_mode = p < 40 ? BLANK_NONE : p < 85 ? BLANK_RANDOM : p < 95 ? BLANK_TOTALS_ONLY : BLANK_REVIEW;

	for (int k = 0; k < nfc; k++)
	{
		genval	   *v = &g->v[k];

		if (!key_printed(k, g->ed))
			continue;
		v->in_report = true;
		gen_value(&r, v, fc[k].kind);
		v->blank = gen_blank(&r, g->blank_mode, &fc[k]);
	}
	/* half of the reports add up (LAYOUT_ADD_UP), the others break every balance */
	if (rng_chance(&r, add_up_percent))
	{
		gen_balance(g);
		gen_add_up(g, false);
		g->added_up = true;
	}
}


/* ---- the tables as a grid of cells with spans (layout independent) ---- */

typedef enum cell_kind
{
	CK_CAPTION,					/* 第二十条第（一）项 */
	CK_HEAD,					/* a column header */
	CK_NOTE,					/* 表三's 勾稽 note */
	CK_LABEL,					/* a row label or a group label */
	CK_VALUE					/* a cell of the report */
} cell_kind;

typedef struct tcell
{
	cell_kind	kind;
	const char *text;			/* not for values */
	int			key;			/* values: the key index */
	int			cs;				/* colspan */
	int			rs;				/* rowspan */
	int			col;			/* grid column where it starts (set by grid_build) */
} tcell;

enum
{
	SL_EMPTY, SL_ORIGIN, SL_ROWCOVER, SL_COLCOVER
};

typedef struct tslot
{
	int			kind;
	int			row;			/* the covering cell */
	int			cell;
} tslot;

#define MAX_TROWS 48
#define MAX_TCOLS 16
#define MAX_TCELLS 16

typedef struct trow
{
	tcell		c[MAX_TCELLS];
	int			n;
} trow;

typedef struct ttable
{
	int			id;				/* 0 表二, 1 表三, 2 表四 */
	trow		r[MAX_TROWS];
	int			n;
	int			ncols;
	int			nlabel;			/* columns that hold labels */
	tslot		g[MAX_TROWS][MAX_TCOLS];
} ttable;

static trow *
t_row(ttable *t)
{
	trow	   *r = &t->r[t->n++];

	memset(r, 0, sizeof(*r));
	return r;
}

static void
t_cell(trow *r, cell_kind kind, const char *text, int key, int cs, int rs)
{
	tcell	   *c = &r->c[r->n++];

	c->kind = kind;
	c->text = text;
	c->key = key;
	c->cs = cs;
	c->rs = rs;
}

/* Lay the cells on the grid as HTML does: each in the first free column. */
static void
grid_build(ttable *t)
{
	memset(t->g, 0, sizeof(t->g));
	for (int r = 0; r < t->n; r++)
	{
		int			col = 0;

		for (int i = 0; i < t->r[r].n; i++)
		{
			tcell	   *c = &t->r[r].c[i];

			while (col < t->ncols && t->g[r][col].kind != SL_EMPTY)
				col++;
			if (col + c->cs > t->ncols || r + c->rs > t->n)
			{
				fprintf(stderr, "table %d row %d: cell %d does not fit\n", t->id, r, i);
				exit(2);
			}
			c->col = col;
			for (int dr = 0; dr < c->rs; dr++)
				for (int dc = 0; dc < c->cs; dc++)
				{
					tslot	   *s = &t->g[r + dr][col + dc];

					s->kind = dr == 0 && dc == 0 ? SL_ORIGIN : dc == 0 ? SL_ROWCOVER : SL_COLCOVER;
					s->row = r;
					s->cell = i;
				}
			col += c->cs;
		}
	}
	for (int r = 0; r < t->n; r++)
		for (int c = 0; c < t->ncols; c++)
			if (t->g[r][c].kind == SL_EMPTY)
			{
				fprintf(stderr, "table %d row %d col %d: hole in the grid\n", t->id, r, c);
				exit(2);
			}
}

/* 表二: a sub-table per 第二十条 item with the edition's rows and columns (§3). */
static void
build_t2(ttable *t, gr_edition ed)
{
	memset(t, 0, sizeof(*t));
	t->id = 0;
	t->ncols = 4;
	t->nlabel = 1;
	for (int gi = 0; gi < F_T2_GROUPS; gi++)
	{
		const f_col *cols = ed == GR_ED_2019 ? f_t2[gi].cols19 : f_t2[gi].cols21;
		const f_t2_row *rows[2];
		int			nrows = 0,
					ncols = 0;
		trow	   *tr;

		for (int i = 0; i < 2 && f_t2[gi].rows[i].key; i++)
			if (ed == GR_ED_2019 ? f_t2[gi].rows[i].label19 != NULL : f_t2[gi].rows[i].label21 != NULL)
				rows[nrows++] = &f_t2[gi].rows[i];
		while (ncols < 3 && cols[ncols].key)
			ncols++;
		if (nrows == 0 || ncols == 0)
			continue;

		tr = t_row(t);
		t_cell(tr, CK_CAPTION, f_t2[gi].caption, -1, 4, 1);
		tr = t_row(t);
		t_cell(tr, CK_HEAD, "信息内容", -1, 1, 1);
		for (int i = 0; i < ncols; i++)
			t_cell(tr, CK_HEAD, cols[i].label, -1, i == ncols - 1 ? 4 - ncols : 1, 1);
		for (int j = 0; j < nrows; j++)
		{
			tr = t_row(t);
			t_cell(tr, CK_LABEL, ed == GR_ED_2019 ? rows[j]->label19 : rows[j]->label21, -1, 1, 1);
			for (int i = 0; i < ncols; i++)
				t_cell(tr, CK_VALUE, NULL, fc_find(GR_T2, rows[j]->key, cols[i].key),
					   i == ncols - 1 ? 4 - ncols : 1, 1);
		}
	}
	grid_build(t);
}

/* Outline level of a 表三 label as printed: 0 一、…, 1 （一）…, 2 1.… */
static int
t3_level(const char *label)
{
	if (label[0] >= '0' && label[0] <= '9')
		return 2;
	if (has_prefix(label, "（"))
		return 1;
	return 0;
}

/* 表三's header: the 勾稽 note, 申请人情况 over 自然人, 法人或其他组织 (five), 总计. */
static void
build_t3_header(ttable *t)
{
	trow	   *tr = t_row(t);

	t_cell(tr, CK_NOTE, f_t3_note, -1, 3, 3);
	t_cell(tr, CK_HEAD, f_t3_applicant, -1, F_T3_COLS, 1);
	tr = t_row(t);
	t_cell(tr, CK_HEAD, f_t3_cols[0].label, -1, 1, 2);
	t_cell(tr, CK_HEAD, f_t3_org, -1, F_T3_ORG_LAST - F_T3_ORG_FIRST + 1, 1);
	t_cell(tr, CK_HEAD, f_t3_cols[F_T3_COLS - 1].label, -1, 1, 2);
	tr = t_row(t);
	for (int c = F_T3_ORG_FIRST; c <= F_T3_ORG_LAST; c++)
		t_cell(tr, CK_HEAD, f_t3_cols[c].label, -1, 1, 1);
}

/* Data rows of a label-only row r: those after it, deeper, printed in the edition. */
static int
t3_span(int r, bool ed19)
{
	int			span = 0;

	for (int q = r + 1; q < F_T3_ROWS && f_t3[q].level > f_t3[r].level; q++)
		if ((ed19 ? f_t3[q].in19 : f_t3[q].in21) == 'd')
			span++;
	return span;
}

static void
build_t3(ttable *t, gr_edition ed)
{
	bool		ed19 = ed == GR_ED_2019;
	struct
	{
		const char *text;
		int			span;
	}			pending[2] = {{NULL, 0}, {NULL, 0}};
	trow	   *tr;

	memset(t, 0, sizeof(*t));
	t->id = 1;
	t->ncols = 3 + F_T3_COLS;
	t->nlabel = 3;
	build_t3_header(t);

	for (int r = 0; r < F_T3_ROWS; r++)
	{
		const f_t3_row *row = &f_t3[r];
		int			lvl = row->level;
		char		state = ed19 ? row->in19 : row->in21;

		if (state == '-')
			continue;			/* not in this edition */
		if (state == 'l')
		{
			/* a label over the data rows below it, printed without numbers */
			pending[lvl].text = row->label;
			pending[lvl].span = t3_span(r, ed19);
			continue;
		}
		tr = t_row(t);
		if (lvl >= 1 && pending[0].text)
		{
			t_cell(tr, CK_LABEL, pending[0].text, -1, 1, pending[0].span);
			pending[0].text = NULL;
		}
		if (lvl == 2 && pending[1].text)
		{
			t_cell(tr, CK_LABEL, pending[1].text, -1, 1, pending[1].span);
			pending[1].text = NULL;
		}
		t_cell(tr, CK_LABEL, row->label, -1, 3 - lvl, 1);
		for (int c = 0; c < F_T3_COLS; c++)
			t_cell(tr, CK_VALUE, NULL, fc_find(GR_T3, row->key, f_t3_cols[c].key), 1, 1);
	}
	grid_build(t);
}

/* 表四: 行政复议 (5) | 行政诉讼 (10) over 未经复议直接起诉 (5) | 复议后起诉 (5) (§5). */
static void
build_t4(ttable *t)
{
	trow	   *tr;

	memset(t, 0, sizeof(*t));
	t->id = 2;
	t->ncols = F_T4_GROUPS * F_T4_COLS;
	t->nlabel = 0;
	tr = t_row(t);
	t_cell(tr, CK_HEAD, f_t4_groups[0].label, -1, F_T4_COLS, 1);
	t_cell(tr, CK_HEAD, f_t4_suit, -1, 2 * F_T4_COLS, 1);
	tr = t_row(t);
	for (int c = 0; c < F_T4_COLS; c++)
		t_cell(tr, CK_HEAD, f_t4_cols[c].label, -1, 1, 2);
	t_cell(tr, CK_HEAD, f_t4_groups[1].label, -1, F_T4_COLS, 1);
	t_cell(tr, CK_HEAD, f_t4_groups[2].label, -1, F_T4_COLS, 1);
	tr = t_row(t);
	for (int g = 0; g < 2; g++)
		for (int c = 0; c < F_T4_COLS; c++)
			t_cell(tr, CK_HEAD, f_t4_cols[c].label, -1, 1, 1);
	tr = t_row(t);
	for (int g = 0; g < F_T4_GROUPS; g++)
		for (int c = 0; c < F_T4_COLS; c++)
			t_cell(tr, CK_VALUE, NULL, fc_find(GR_T4, f_t4_groups[g].key, f_t4_cols[c].key), 1, 1);
	grid_build(t);
}


/* The three tables of each edition, built once: [0] gb2019, [1] gb2021. */
static ttable tables[2][3];

/* ---- layouts and mess ---- */

enum
{
	LY_A, LY_A2, LY_B, LY_C, LY_D, LY_E, LY_F, LY_G, LY_H, LY_I, LY_J, LY_K, LY_L, NLAYOUTS
};

typedef struct mess
{
	bool		broken;			/* labels broken over two lines */
	bool		fullwidth;		/* some values in full-width digits */
	bool		hant;			/* Traditional script */
	bool		crlf;
	int			page_table;		/* table with a page mark inside, -1: none */
	int			page_row;		/* the mark stands before this row */
	int			page_no;
	bool		pad;			/* (b), (f): a colspan written as empty cells */
	int			md_mode;		/* (f): how spanned cells are written */
	bool		double_spaced;	/* (a, a2): a blank line after every line (seed 004) */
	bool		bare_pipes;		/* (f): Markdown without outer pipes (Python's html2text) */
	bool		centred;		/* (d): group labels in the middle of their rows */
	bool		head_low;		/* (d): two-row headers on their lower line */
	/* drawn from a second stream, so the reports above stay as they were */
	bool		blank_lines;	/* (a2) double-spaced: each further blank line an empty cell */
	bool		c_inline;		/* (c): an empty cell before a value as "| 25 |" */
	bool		c_trail;		/* (c): a row's filler pipes after its last cell ("8 | ||||") */
	bool		annotate;		/* 表二's row labels with bracketed instructions */
	bool		pinyin;			/* 表二's labels with pinyin glosses (規(guī)章) */
	bool		malformed;		/* a cell or two not a number (--253, ?, 12件3) */
	int			stray_space;	/* (g): percent of value boundaries with a stray space */
	bool		apart;			/* (g): a space between every two cells instead */
	bool		paragraphs;		/* (g): a line break before each heading */
} mess;

enum
{
	MD_OMIT,					/* only the cell where a span starts */
	MD_EMPTY,					/* cells under a rowspan as empty cells */
	MD_FILL						/* row labels repeated under their rowspan */
};

typedef struct rctx rctx;

typedef struct layout_def
{
	const char *name;
	bool		blanks;			/* can show an empty cell */
	bool		can_break;		/* labels broken over lines make sense */
	bool		can_page;		/* a page mark can stand between rows */
	bool		glued;			/* cells without separators: a cell may be NULL with a finding */
	void		(*table) (rctx *rc, const ttable *t);
} layout_def;

struct rctx
{
	int			layout;
	const layout_def *L;
	const genreport *g;
	const mess *m;
	rng		   *r;
	rng		   *r2;				/* the draws of the newer messes */
	sbuf	   *out;
	bool		blanks;			/* this text can show an empty cell */
	char		vtext[F_MAX_CELLS][64];	/* each value as written in this text */
	bool		bad[F_MAX_CELLS];	/* written malformed: must not come back as a number */
	int			nbad;
	const ttable *tab;			/* the table being written */
	char		ltext[MAX_TROWS][MAX_TCELLS][320];	/* 表二's labels as written (notes, glosses) */
	int			k_headings;		/* (k) headings written: the first is Markdown's, so that it reads as Markdown */
};

static bool
is_blank(const rctx *rc, int key)
{
	return rc->blanks && !(avoid & AV_BLANKS) && rc->g->v[key].blank;
}

/* ASCII digits to full-width ０-９. */
static void
to_fullwidth(const char *s, char *out, size_t cap)
{
	size_t		o = 0;

	for (; *s && o + 4 < cap; s++)
	{
		if (*s >= '0' && *s <= '9')
		{
			out[o++] = (char) 0xEF;
			out[o++] = (char) 0xBC;
			out[o++] = (char) (0x90 + (*s - '0'));
		}
		else
			out[o++] = *s;
	}
	out[o] = '\0';
}

/* Fix how each value is written in this rendering. */
static void
prepare_values(rctx *rc)
{
	for (int k = 0; k < nfc; k++)
	{
		const genval *v = &rc->g->v[k];

		bool		wide = rng_chance(rc->r, 50);

		rc->vtext[k][0] = '\0';
		if (!v->in_report || is_blank(rc, k))
			continue;
		if (rc->m->fullwidth && wide)
			to_fullwidth(v->text, rc->vtext[k], sizeof(rc->vtext[k]));
		else
			snprintf(rc->vtext[k], sizeof(rc->vtext[k]), "%s", v->text);
		if (rc->m->malformed && rc->nbad < 2 && rng_chance(rc->r2, 3))
		{
			/* what real reports print where a number belongs */
			static const char *const junk[] = {"--253", "?", "12件3", "约5", "1.2.3", "5余", "x"};

			snprintf(rc->vtext[k], sizeof(rc->vtext[k]), "%s", junk[rng_below(rc->r2, 7)]);
			rc->bad[k] = true;
			rc->nbad++;
		}
	}
}

/* Characters of 表二's labels a zh-TW converter glosses with pinyin. */
static const struct
{
	const char *ch;
	const char *py;
}			glosses[] = {
	{"规", "guī"}, {"发", "fā"}, {"数", "shù"}, {"废", "fèi"}, {"许", "xǔ"},
	{"罚", "fá"}, {"强", "qiáng"}, {"费", "fèi"}, {"现", "xiàn"}, {"处", "chǔ"},
};

/* Bracketed instructions some templates print after 表二's row labels. */
static const char *const label_notes[] = {
	"（设区的市、自治州人民政府应提供相关数据）",
	"（行政机关制定发布的涉及公民、法人和其他组织权利义务的文件）",
	"（含行政许可、行政确认等）",
	"(单位:件)",
};

/* A label of 表二 as written: with a note after it, glosses inside. */
static const char *
label_text(rctx *rc, const ttable *t, const tcell *c)
{
	size_t		o = 0,
				cap = sizeof(rc->ltext[0][0]);
	unsigned	h;
	int			row,
				cell;
	char	   *out;

	if (t == NULL || t->id != 0 || (!rc->m->pinyin && !rc->m->annotate) || c->text == NULL)
		return c->text;
	/* a buffer per cell: layouts keep the texts of a whole table before writing */
	row = (int) (((const char *) c - (const char *) &t->r[0]) / (ptrdiff_t) sizeof(trow));
	cell = (int) (c - &t->r[row].c[0]);
	out = rc->ltext[row][cell];
	h = (unsigned) (row * MAX_TCELLS + cell + 1) * 2654435761u;
	for (const char *p = c->text; *p && o + 16 < cap;)
	{
		int			n = 1;

		while (((unsigned char) p[n] & 0xC0) == 0x80)
			n++;
		memcpy(out + o, p, (size_t) n);
		o += (size_t) n;
		for (size_t g = 0; rc->m->pinyin && g < sizeof(glosses) / sizeof(glosses[0]); g++)
			if (strncmp(p, glosses[g].ch, (size_t) n) == 0 && strlen(glosses[g].ch) == (size_t) n)
				o += (size_t) snprintf(out + o, cap - o, "(%s)", glosses[g].py);
		p += n;
	}
	out[o] = '\0';
	if (rc->m->annotate && c->kind == CK_LABEL && (h >> 7) % 3 == 0)
		snprintf(out + o, cap - o, "%s", label_notes[(h >> 11) % 4]);
	return out;
}

static const char *
cell_text(rctx *rc, const tcell *c)
{
	return c->kind == CK_VALUE ? rc->vtext[c->key] : label_text(rc, rc->tab, c);
}

static bool
page_mark_before(const rctx *rc, const ttable *t, int r)
{
	return rc->m->page_table == t->id && rc->m->page_row == r;
}

/* ---- (a) one cell per line behind a tab, rows apart (seed 000) ---- */

static void
render_a_table(rctx *rc, const ttable *t)
{
	sbuf	   *o = rc->out;

	for (int r = 0; r < t->n; r++)
	{
		if (page_mark_before(rc, t, r))
			sb_printf(o, "— %d —\n\n", rc->m->page_no);
		for (int c = 0; c < t->ncols; c++)
		{
			const tslot *s = &t->g[r][c];
			const tcell *cell = &t->r[s->row].c[s->cell];
			char		a[512],
						b[512];

			if (s->kind == SL_ROWCOVER)
				sb_put(o, "\t\n");	/* a merged cell shows as an empty one */
			if (s->kind != SL_ORIGIN)
				continue;
			if (cell->kind != CK_VALUE && rc->m->broken && rng_chance(rc->r, 25) &&
				split_label(rc->r, cell->text, 4, 2, false, a, b, sizeof(a)))
				sb_printf(o, "\t%s\n%s\n", a, b);	/* the rest on a line without tab */
			else
				sb_printf(o, "\t%s\n", cell_text(rc, cell));
		}
		sb_put(o, "\n");
	}
	sb_put(o, "\n");
}

/* ---- (a2) one cell per line, no tab, no blank line (seed 004) ---- */

static void
render_a2_table(rctx *rc, const ttable *t)
{
	sbuf	   *o = rc->out;

	for (int r = 0; r < t->n; r++)
	{
		if (page_mark_before(rc, t, r))
			sb_printf(o, "— %d —\n", rc->m->page_no);
		for (int i = 0; i < t->r[r].n; i++)
		{
			const tcell *cell = &t->r[r].c[i];
			int			n = cell->kind == CK_VALUE ? 0 : u8_chars(cell->text, strlen(cell->text));
			char		a[512],
						b[512];

			/* seed 004 breaks （三）不予/公开 and 本年新/制作数量 */
			if (rc->m->broken && cell->kind == CK_LABEL && cell->rs > 1 && t3_level(cell->text) == 1 &&
				n > 4 && rng_chance(rc->r, 60))
			{
				split_at(cell->text, n - 2, a, b);
				sb_printf(o, "%s\n%s\n", a, b);
			}
			else if (rc->m->broken && cell->kind == CK_HEAD && has_prefix(cell->text, "本年新") &&
					 rng_chance(rc->r, 60))
			{
				split_at(cell->text, 3, a, b);
				sb_printf(o, "%s\n%s\n", a, b);
			}
			else if (cell->kind == CK_VALUE && is_blank(rc, cell->key))
				sb_put(o, "\x01\n");	/* one blank line more, once double-spaced */
			else
				sb_printf(o, "%s\n", cell_text(rc, cell));
		}
	}
}

/* ---- (b) tab-separated rows (seed 003) ---- */

static void
render_b_table(rctx *rc, const ttable *t)
{
	sbuf	   *o = rc->out;

	for (int r = 0; r < t->n; r++)
	{
		bool		first = true;

		if (page_mark_before(rc, t, r))
			sb_printf(o, "\n— %d —\n\n", rc->m->page_no);
		for (int c = 0; c < t->ncols; c++)
		{
			const tslot *s = &t->g[r][c];
			const tcell *cell = &t->r[s->row].c[s->cell];

			if (s->kind == SL_COLCOVER && !rc->m->pad)
				continue;
			if (!first)
				sb_put(o, "\t");
			first = false;
			if (s->kind == SL_ORIGIN)
				sb_put(o, cell_text(rc, cell));
		}
		sb_put(o, "\n");
	}
	sb_put(o, "\n");
}

/* ---- (c) a cell per line ended by " |", filler pipes (seed 002) ---- */

/*
 * An empty cell is a lone "|"; with c_inline an empty cell before a value
 * shares its line ("| 25 |"), and with c_trail the pipes of a row's merged
 * cells follow its last cell ("8 | ||||") instead of a line of their own.
 */
static void
render_c_table(rctx *rc, const ttable *t)
{
	sbuf	   *o = rc->out;

	for (int r = 0; r < t->n; r++)
	{
		int			covered = 0;
		bool		open = false;	/* a lone "|" waits for the value after it */
		bool		line = false;	/* the last cell's line is not ended yet */

		if (page_mark_before(rc, t, r))
			sb_printf(o, "— %d —\n", rc->m->page_no);
		for (int c = 0; c < t->ncols; c++)
		{
			const tslot *s = &t->g[r][c];
			const char *text;

			if (s->kind != SL_ORIGIN)
			{
				covered++;
				continue;
			}
			if (line)
				sb_put(o, "\n");
			line = false;
			text = cell_text(rc, &t->r[s->row].c[s->cell]);
			if (text[0])
			{
				sb_printf(o, "%s%s |", open ? "| " : "", text);
				line = true;
				open = false;
				continue;
			}
			if (open)
				sb_put(o, "|\n");
			open = rc->m->c_inline && c + 1 < t->ncols;
			if (!open)
				sb_put(o, "|\n");
		}
		if (open)
			sb_put(o, "|\n");
		/* the merged cells of the row, as pipes after it */
		if (line && covered && rc->m->c_trail)
		{
			sb_put(o, " ");
			for (int i = 0; i < covered; i++)
				sb_put(o, "|");
			sb_put(o, "\n");
			continue;
		}
		if (line)
			sb_put(o, "\n");
		if (covered)
		{
			for (int i = 0; i < covered; i++)
				sb_put(o, "|");
			sb_put(o, "\n");
		}
	}
}

/* ---- (d) pdftotext -layout: aligned columns ---- */

typedef struct seg
{
	int			x;
	const char *s;
} seg;

typedef struct pline
{
	seg			s[MAX_TCOLS * 2];
	int			n;
} pline;

static void
pline_add(pline *l, int x, const char *s)
{
	if (s[0] && l->n < MAX_TCOLS * 2)
	{
		l->s[l->n].x = x;
		l->s[l->n].s = s;
		l->n++;
	}
}

/* Write the pieces at their columns, at least three spaces apart. */
static void
pline_emit(sbuf *o, pline *l)
{
	int			cur = 0;

	for (int i = 1; i < l->n; i++)
		for (int j = i; j > 0 && l->s[j - 1].x > l->s[j].x; j--)
		{
			seg			tmp = l->s[j];

			l->s[j] = l->s[j - 1];
			l->s[j - 1] = tmp;
		}
	for (int i = 0; i < l->n; i++)
	{
		int			x = l->s[i].x;

		if (i > 0 && x < cur + 3)
			x = cur + 3;
		sb_spaces(o, x - cur);
		sb_put(o, l->s[i].s);
		cur = x + u8_chars(l->s[i].s, strlen(l->s[i].s));
	}
	sb_put(o, "\n");
}

/* Column starts x0[0..ncols]: each column the widest text plus three spaces. */
static void
d_columns(rctx *rc, const ttable *t, int *x0)
{
	int			w[MAX_TCOLS] = {0};
	int			note_pieces = 3;

	for (int pass = 0; pass < 2; pass++)
		for (int r = 0; r < t->n; r++)
			for (int i = 0; i < t->r[r].n; i++)
			{
				const tcell *c = &t->r[r].c[i];
				const char *s = cell_text(rc, c);
				int			len = u8_chars(s, strlen(s));
				int			have = 0;

				if (c->kind == CK_NOTE)
					len = (len + note_pieces - 1) / note_pieces;
				if (pass == 0 && c->cs == 1 && len + 3 > w[c->col])
					w[c->col] = len + 3;
				if (pass == 0 && c->kind == CK_VALUE && w[c->col] < 6)
					w[c->col] = 6;
				if (pass == 1 && c->cs > 1)
				{
					for (int k = 0; k < c->cs; k++)
						have += w[c->col + k];
					if (have < len + 3)
						w[c->col + c->cs - 1] += len + 3 - have;
				}
			}
	x0[0] = 0;
	for (int c = 0; c < t->ncols; c++)
		x0[c + 1] = x0[c] + (w[c] ? w[c] : 4);
}

/*
 * Where a piece of len characters starts in [left, right]: centred, right
 * or left; with clamp never left of the column (the pieces of a wrapped
 * label are not clamped, as the whole label is).
 */
static int
d_align(const tcell *c, bool numeric_area, int left, int right, int len, bool clamp)
{
	int			x;

	if (c->kind == CK_CAPTION || (c->cs > 1 && numeric_area))
		x = left + (right - left - len) / 2;
	else if (numeric_area)
		x = right - len;
	else
		x = left;
	return clamp && x < left ? left : x;
}

/* The pieces of one table being laid out for (d). */
typedef struct dlayout
{
	pline		lines[MAX_TROWS];	/* each row's line */
	pline		conts[MAX_TROWS];	/* the rest of the labels wrapped on it */
	char		pool[MAX_TROWS * MAX_TCELLS * 2][256];
	int			npool;
	int			x0[MAX_TCOLS + 1];
} dlayout;

/* The long 勾稽 note wraps inside its merged cell, a piece per row. */
static void
d_place_note(dlayout *d, const tcell *c, const char *s, int r)
{
	int			len = u8_chars(s, strlen(s));
	int			per = (len + c->rs - 1) / c->rs;

	for (int k = 0; k < c->rs; k++)
	{
		size_t		from = u8_offset(s, k * per),
					to = u8_offset(s, (k + 1) * per);
		char	   *a = d->pool[d->npool++];

		snprintf(a, sizeof(d->pool[0]), "%.*s", (int) (to - from), s + from);
		pline_add(&d->lines[r + k], d->x0[c->col], a);
	}
}

/* One cell of row r, wrapped at random as a narrow column wraps it. */
static void
d_place_cell(rctx *rc, const ttable *t, dlayout *d, const tcell *c, int r)
{
	const char *s = cell_text(rc, c);
	int			len = u8_chars(s, strlen(s));
	int			left = d->x0[c->col],
				right = d->x0[c->col + c->cs] - 3;
	int			at = r;
	bool		numeric_area = c->col >= t->nlabel;
	int			x = d_align(c, numeric_area, left, right, len, true);
	bool		narrow,
				wrap;
	char	   *a = d->pool[d->npool++],
			   *b = d->pool[d->npool++];

	/* where a cell over several rows shows: first line or middle */
	if (c->rs > 1 && c->kind == CK_LABEL && rc->m->centred)
		at = r + (c->rs - 1) / 2;
	else if (c->rs > 1 && c->kind == CK_HEAD && rc->m->head_low)
		at = r + c->rs - 1;

	/*
	 * Wrapped where the column ends: mostly after half of the label or
	 * more; sometimes, in a narrow column, right after the numbering and
	 * one character, as seed 001's (三)不.
	 */
	narrow = rng_chance(rc->r, 20) && c->kind == CK_LABEL && !(avoid & AV_WRAP_NARROW);
	wrap = rng_chance(rc->r, 35) && rc->m->broken;
	if (wrap && (c->kind == CK_LABEL || (c->kind == CK_HEAD && !(avoid & AV_WRAP_HEAD))) &&
		split_label(rc->r, s, 6, narrow ? 1 : 2, !narrow, a, b, sizeof(d->pool[0])))
	{
		/* the first part on the row's line, the rest below, each aligned
		 * in the column as the whole would be */
		bool		aligned = c->kind == CK_CAPTION || numeric_area;
		int			xa = aligned ? d_align(c, numeric_area, left, right, u8_chars(a, strlen(a)), false) : x,
					xb = aligned ? d_align(c, numeric_area, left, right, u8_chars(b, strlen(b)), false) : x;

		pline_add(&d->lines[at], xa, a);
		pline_add(&d->conts[at], xb, b);
	}
	else
		pline_add(&d->lines[at], x, s);
}

static void
render_d_table(rctx *rc, const ttable *t)
{
	sbuf	   *o = rc->out;
	static dlayout d;

	memset(&d, 0, sizeof(d));
	d_columns(rc, t, d.x0);
	for (int r = 0; r < t->n; r++)
		for (int i = 0; i < t->r[r].n; i++)
		{
			const tcell *c = &t->r[r].c[i];

			if (c->kind == CK_NOTE)
				d_place_note(&d, c, cell_text(rc, c), r);
			else
				d_place_cell(rc, t, &d, c, r);
		}

	for (int r = 0; r < t->n; r++)
	{
		if (page_mark_before(rc, t, r))
		{
			sb_put(o, "\n");
			sb_spaces(o, d.x0[t->ncols] / 2);
			sb_printf(o, "— %d —\n\f", rc->m->page_no);
		}
		if (d.lines[r].n)
			pline_emit(o, &d.lines[r]);
		if (d.conts[r].n)
			pline_emit(o, &d.conts[r]);
	}
	sb_put(o, "\n");
}

/* ---- (e) HTML ---- */

/* Text into HTML, with “ ” as &ldquo; &rdquo; when entities is set. */
static void
html_text(rctx *rc, const char *s, bool entities)
{
	for (const char *p = s; *p;)
	{
		if (entities && has_prefix(p, "“"))
		{
			sb_put(rc->out, "&ldquo;");
			p += strlen("“");
		}
		else if (entities && has_prefix(p, "”"))
		{
			sb_put(rc->out, "&rdquo;");
			p += strlen("”");
		}
		else
			sb_putn(rc->out, p++, 1);
	}
}

static void
html_cell_content(rctx *rc, const tcell *c)
{
	sbuf	   *o = rc->out;
	const char *s = cell_text(rc, c);
	char		a[512],
				b[512];
	bool		wrap_p = rng_chance(rc->r, 30);

	if (c->kind == CK_VALUE)
	{
		size_t		n = strlen(s);

		if (n == 0)
		{
			if (rng_chance(rc->r, 25))
				sb_put(o, "&nbsp;");	/* Word writes empty cells so */
			return;
		}
		if (wrap_p)
			sb_put(o, "<p align=\"center\">");
		if (n >= 2 && rng_chance(rc->r, 30))
		{
			/* a number split over two runs: <span>2</span><span>3</span> */
			size_t		k = 1 + (size_t) rng_below(rc->r, (int) n - 1);

			while (k < n && ((unsigned char) s[k] & 0xC0) == 0x80)
				k++;
			sb_put(o, "<span>");
			sb_putn(o, s, k);
			sb_put(o, "</span><span>");
			sb_put(o, s + k);
			sb_put(o, "</span>");
		}
		else if (rng_chance(rc->r, 15))
			sb_printf(o, "&nbsp;%s&nbsp;", s);
		else
			sb_put(o, s);
		if (wrap_p)
			sb_put(o, "</p>");
		return;
	}
	if (wrap_p)
		sb_put(o, "<p>");
	if (rng_chance(rc->r, 15))
		sb_put(o, "&nbsp;");
	if (rc->m->broken && rng_chance(rc->r, 25) &&
		split_label(rc->r, s, c->kind == CK_HEAD ? 4 : 8, 2, false, a, b, sizeof(a)))
	{
		html_text(rc, a, true);
		sb_put(o, rng_chance(rc->r, 50) ? "<br />" : "<br>");
		html_text(rc, b, true);
	}
	else
		html_text(rc, s, rng_chance(rc->r, 50));
	if (wrap_p)
		sb_put(o, "</p>");
}

/*
 * A table as HTML: a row a line (e), or in one line (j: MinerU, which
 * wraps it in <html><body>, or marker), or a cell a line (j, pandoc).
 */
static void
html_table(rctx *rc, const ttable *t, bool one_line, bool cell_lines, bool wrapped)
{
	sbuf	   *o = rc->out;
	const char *eol = one_line ? "" : "\n";

	if (rc->layout == LY_J || rc->layout == LY_K)
		sb_printf(o, "\n%s<table>%s%s", wrapped ? "<html><body>" : "", eol, one_line ? "" : "<tbody>\n");
	else
		sb_put(o, "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\">\n<tbody>\n");
	for (int r = 0; r < t->n; r++)
	{
		bool		header_row = t->r[r].n > 0 && t->r[r].c[0].kind != CK_VALUE &&
			t->r[r].c[t->r[r].n - 1].kind == CK_HEAD;
		const char *tag = header_row && rng_chance(rc->r, 30) ? "th" : "td";

		sb_printf(o, "<tr>%s", cell_lines ? "\n" : "");
		for (int i = 0; i < t->r[r].n; i++)
		{
			const tcell *c = &t->r[r].c[i];

			sb_printf(o, "<%s", tag);
			if (c->cs > 1)
				sb_printf(o, " colspan=\"%d\"", c->cs);
			if (c->rs > 1)
				sb_printf(o, " rowspan=\"%d\"", c->rs);
			if (rng_chance(rc->r, 20))
				sb_put(o, " style=\"border:solid windowtext 1.0pt;padding:0cm 5.4pt\"");
			sb_put(o, ">");
			html_cell_content(rc, c);
			sb_printf(o, "</%s>%s", tag, cell_lines ? "\n" : "");
		}
		sb_printf(o, "</tr>%s", eol);
	}
	if (rc->layout == LY_J || rc->layout == LY_K)
		sb_printf(o, "%s</table>%s\n\n", one_line ? "" : "</tbody>\n", wrapped ? "</body></html>" : "");
	else
		sb_put(o, "</tbody>\n</table>\n");
}

static void
render_e_table(rctx *rc, const ttable *t)
{
	html_table(rc, t, false, false, false);
}

/* ---- (j) Markdown with HTML tables ---- */

static void
render_j_table(rctx *rc, const ttable *t)
{
	int			style = rng_below(rc->r, 3);	/* MinerU, marker, pandoc */

	html_table(rc, t, style < 2, style == 2, style == 0);
}

/* ---- (f) Markdown ---- */

static void render_f_table(rctx *rc, const ttable *t);

/*
 * (k) pandoc's Markdown of a whole web page (pandoc -t gfm): the page's
 * <div> kept as raw HTML, each on a line of its own between blank lines,
 * around Markdown; a table with spans as HTML, a cell a line, one without
 * as a pipe table.
 */
static void
render_k_table(rctx *rc, const ttable *t)
{
	bool		spans = false;

	for (int r = 0; r < t->n; r++)
		for (int i = 0; i < t->r[r].n; i++)
			spans |= t->r[r].c[i].cs > 1 || t->r[r].c[i].rs > 1;
	sb_put(rc->out, "<div style=\"text-indent: 2em; text-align: justify;\" align=\"\">\n\n");
	if (spans || rng_chance(rc->r, 30))
		html_table(rc, t, false, true, false);
	else
		render_f_table(rc, t);
	sb_put(rc->out, "\n</div>\n\n");
}

static void
render_f_table(rctx *rc, const ttable *t)
{
	sbuf	   *o = rc->out;

	sb_put(o, "\n");
	for (int r = 0; r < t->n; r++)
	{
		int			ncells = 0;

		sb_put(o, "|");
		for (int c = 0; c < t->ncols; c++)
		{
			const tslot *s = &t->g[r][c];
			const tcell *cell = &t->r[s->row].c[s->cell];
			const char *text = "";

			if (s->kind == SL_ORIGIN)
				text = cell_text(rc, cell);
			else if (s->kind == SL_ROWCOVER)
			{
				if (rc->m->md_mode == MD_OMIT)
					continue;
				if (rc->m->md_mode == MD_FILL && cell->kind == CK_LABEL)
					text = cell->text;
			}
			else if (s->kind == SL_COLCOVER && (!rc->m->pad || rc->m->md_mode == MD_OMIT))
				continue;
			sb_printf(o, " %s |", text);
			ncells++;
		}
		sb_put(o, "\n");
		if (r == 0)
		{
			sb_put(o, "|");
			for (int i = 0; i < ncells; i++)
				sb_put(o, "---|");
			sb_put(o, "\n");
		}
	}
	sb_put(o, "\n");
}

/* ---- (h) a web page's table as w3m or a browser dumps it: drawn with box characters ---- */

/* The covering cell of slot (r, c) as one number; an empty slot is its own. */
static int
h_owner(const ttable *t, int r, int c)
{
	const tslot *s = &t->g[r][c];

	return s->kind == SL_EMPTY ? -1 - (r * MAX_TCOLS + c) : s->row * MAX_TCELLS + s->cell;
}

/*
 * The line, of the 2k - 1 lines a cell of k rows covers (its rows and the
 * borders between them), that holds its text: the middle one, as w3m
 * centres it, so a label of two rows stands on the border between them
 * ("│（三）不予公开 ├────┼────┤").
 */
static bool
h_text_here(const ttable *t, int r, int c, bool border)
{
	const tslot *s = &t->g[r][c];
	int			k,
				mid;

	if (s->kind == SL_EMPTY)
		return !border;
	k = t->r[s->row].c[s->cell].rs;
	mid = k - 1;				/* 0: the first row's line, 1: the border after it, ... */
	return (r - s->row) * 2 + (border ? 1 : 0) == mid;
}

typedef struct h_style
{
	const char *v,
			   *h,
			   *cross,
			   *left,
			   *right,
			   *top[3],			/* ┌ ┬ ┐ */
			   *bottom[3];		/* └ ┴ ┘ */
} h_style;

static const h_style h_styles[] = {
	{"│", "─", "┼", "├", "┤", {"┌", "┬", "┐"}, {"└", "┴", "┘"}},
	{"┃", "━", "╋", "┣", "┫", {"┏", "┳", "┓"}, {"┗", "┻", "┛"}},
	{"║", "═", "╬", "╠", "╣", {"╔", "╦", "╗"}, {"╚", "╩", "╝"}},
};

/* A horizontal border over the whole table (its top or its bottom). */
static void
h_edge(sbuf *o, const ttable *t, const h_style *st, const char *const *j)
{
	sb_put(o, j[0]);
	for (int c = 0; c < t->ncols; c++)
	{
		sb_put(o, st->h);
		sb_put(o, st->h);
		sb_put(o, st->h);
		sb_put(o, c + 1 < t->ncols ? j[1] : j[2]);
	}
	sb_put(o, "\n");
}

/*
 * The line of row r (border false), or the border between rows r and
 * r + 1 (border true), where the cells that span it show their text or
 * blanks and the others a line.
 */
static void
h_line(rctx *rc, const ttable *t, const h_style *st, int r, bool border)
{
	sbuf	   *o = rc->out;
	bool		prev_line = false;

	for (int c = 0; c < t->ncols;)
	{
		int			own = h_owner(t, r, c);
		bool		line = border && h_owner(t, r + 1, c) != own;
		int			e = c + 1;

		/* a segment: the columns of one cell, or one column of border */
		while (!line && e < t->ncols && h_owner(t, r, e) == own)
			e++;
		if (c == 0)
			sb_put(o, line ? st->left : st->v);
		else
			sb_put(o, line && prev_line ? st->cross : line ? st->left : prev_line ? st->right : st->v);
		if (line)
			for (int k = 0; k < 3; k++)
				sb_put(o, st->h);
		else
		{
			const tslot *s = &t->g[r][c];
			const char *text = "";

			if (s->kind != SL_EMPTY && h_text_here(t, r, c, border))
				text = cell_text(rc, &t->r[s->row].c[s->cell]);
			sb_printf(o, "%*s%s%*s", (int) rng_below(rc->r2, 3), "", text, 1 + (int) rng_below(rc->r2, 8), "");
		}
		prev_line = line;
		c = e;
	}
	sb_put(o, prev_line ? st->right : st->v);
	sb_put(o, "\n");
}

static void
render_h_table(rctx *rc, const ttable *t)
{
	const h_style *st = &h_styles[rng_below(rc->r2, 3)];
	sbuf	   *o = rc->out;

	sb_put(o, "\n");
	h_edge(o, t, st, st->top);
	for (int r = 0; r < t->n; r++)
	{
		h_line(rc, t, st, r, false);
		if (r + 1 < t->n)
			h_line(rc, t, st, r, true);
	}
	h_edge(o, t, st, st->bottom);
	sb_put(o, "\n");
}

/* ---- (i) a table under a rule of dashes, as pandoc writes a web page's as text ---- */

/* The columns s takes on a fixed-width screen: two for a Chinese or full-width character. */
static int
u8_cols(const char *s)
{
	const unsigned char *u = (const unsigned char *) s;
	int			cols = 0;

	while (*u)
	{
		unsigned	cp = *u;
		int			n = *u < 0x80 ? 1 : *u < 0xE0 ? 2 : *u < 0xF0 ? 3 : 4;

		if (n == 2)
			cp = (u[0] & 0x1Fu) << 6 | (u[1] & 0x3Fu);
		else if (n == 3)
			cp = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
		else if (n == 4)
			cp = 0x10000;
		cols += (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
			(cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || cp >= 0x10000 ? 2 : 1;
		u += n;
	}
	return cols;
}

static void to_traditional(sbuf *b);

/* The columns a cell's text will take in the report: after the Traditional script, where that is the mess. */
static int
i_cols(rctx *rc, const char *text)
{
	sbuf		b = {0};
	int			k;

	if (!rc->m->hant)
		return u8_cols(text);
	sb_put(&b, text);
	to_traditional(&b);
	k = u8_cols(b.p);
	free(b.p);
	return k;
}

/*
 * pandoc's plain text of an HTML table: a rule of dash runs, one per
 * column as wide as its widest text, over the rows and again under them;
 * a cell's text in its column, aligned left, right or in the middle, a
 * spanned slot empty (pandoc keeps a cell's text in its first row and
 * column only); rows one a line, or apart by blank lines (its multiline
 * tables).
 */
static void
render_i_table(rctx *rc, const ttable *t)
{
	sbuf	   *o = rc->out;
	int			w[MAX_TCOLS] = {0},
				align[MAX_TCOLS];
	int			gap = 1 + (int) rng_below(rc->r2, 3);
	bool		apart = rng_chance(rc->r2, 30);

	for (int c = 0; c < t->ncols; c++)
	{
		align[c] = (int) rng_below(rc->r2, 3);
		w[c] = 1 + (int) rng_below(rc->r2, 3);
	}
	for (int r = 0; r < t->n; r++)
		for (int c = 0; c < t->ncols; c++)
			if (t->g[r][c].kind == SL_ORIGIN)
			{
				int			k = i_cols(rc, cell_text(rc, &t->r[t->g[r][c].row].c[t->g[r][c].cell]));

				if (k > w[c])
					w[c] = k;
			}
	sb_put(o, "\n");
	for (int edge = 0; edge < 2; edge++)
	{
		sb_put(o, "  ");
		for (int c = 0; c < t->ncols; c++)
		{
			for (int k = 0; k < w[c]; k++)
				sb_put(o, "-");
			if (c + 1 < t->ncols)
				sb_spaces(o, gap);
		}
		sb_put(o, "\n");
		for (int r = 0; edge == 0 && r < t->n; r++)
		{
			sb_put(o, "  ");
			for (int c = 0; c < t->ncols; c++)
			{
				const tslot *sl = &t->g[r][c];
				const char *text = sl->kind == SL_ORIGIN ? cell_text(rc, &t->r[sl->row].c[sl->cell]) : "";
				int			room = w[c] - i_cols(rc, text),
							before = align[c] == 0 ? 0 : align[c] == 1 ? room : room / 2;

				sb_spaces(o, before);
				sb_put(o, text);
				sb_spaces(o, room - before);
				if (c + 1 < t->ncols)
					sb_spaces(o, gap);
			}
			sb_put(o, "\n");
			if (apart && r + 1 < t->n)
				sb_put(o, "\n");
		}
	}
	sb_put(o, "\n");
}

/* ---- (l) pandoc's grid table: narrow columns, a cell's text wrapped within its column ---- */

static inline bool
l_word_byte(unsigned char c)
{
	return c > ' ' && c < 0x80;
}

/*
 * The bytes of s's first piece that fits in w columns (one character at
 * least), *cols its columns: broken between any two Chinese characters,
 * as pandoc breaks them, but never within an ASCII word ("(shù)", a
 * number), which goes to the next line whole, or overflows a line alone.
 */
static size_t
l_piece(const char *s, int w, int *cols)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		n = 0,
				word = 0;		/* where the ASCII word at n began */
	int			word_cols = 0;

	*cols = 0;
	while (u[n])
	{
		int			len = u[n] < 0x80 ? 1 : u[n] < 0xE0 ? 2 : u[n] < 0xF0 ? 3 : 4;
		char		ch[5];
		int			c;

		memcpy(ch, u + n, (size_t) len);
		ch[len] = '\0';
		c = u8_cols(ch);
		if (!(n > 0 && l_word_byte(u[n]) && l_word_byte(u[n - 1])))
		{
			word = n;
			word_cols = *cols;
		}
		if (n > 0 && *cols + c > w)
		{
			if (word > 0 && word < n && l_word_byte(u[n]))
			{
				*cols = word_cols;	/* the word goes to the next line */
				return word;
			}
			if (!(word == 0 && l_word_byte(u[n])))
				break;
		}
		*cols += c;
		n += (size_t) len;
	}
	return n;
}

static void
l_border(sbuf *o, const int *w, int ncols, char rule)
{
	sb_put(o, "+");
	for (int c = 0; c < ncols; c++)
	{
		for (int k = 0; k < w[c] + 2; k++)
			sb_putn(o, &rule, 1);
		sb_put(o, "+");
	}
	sb_put(o, "\n");
}

/*
 * pandoc's plain text (or reStructuredText) of an HTML table whose cells
 * hold paragraphs: a grid table, a border line between every two rows; a
 * column narrower than its labels, which wrap within it onto the row's
 * next lines (一、本年新收政府 / 信息公开申请数量), never narrower than its
 * values; a span's text in its first slot, the slots it covers empty
 * (pandoc 2.17 draws no spans); in reStructuredText a rule of '=' under
 * the first row.
 */
static void
render_l_table(rctx *rc, const ttable *t)
{
	sbuf	   *o = rc->out;
	int			w[MAX_TCOLS];
	bool		rst = rng_chance(rc->r2, 50);

	for (int c = 0; c < t->ncols; c++)
		w[c] = 8 + (int) rng_below(rc->r2, 12);
	for (int r = 0; r < t->n; r++)
		for (int c = 0; c < t->ncols; c++)
		{
			const tslot *sl = &t->g[r][c];

			if (sl->kind == SL_ORIGIN && t->r[sl->row].c[sl->cell].kind == CK_VALUE)
			{
				int			k = i_cols(rc, cell_text(rc, &t->r[sl->row].c[sl->cell]));

				if (k > w[c])
					w[c] = k;
			}
		}
	sb_put(o, "\n");
	l_border(o, w, t->ncols, '-');
	for (int r = 0; r < t->n; r++)
	{
		const char *rest[MAX_TCOLS];
		bool		more = true;

		for (int c = 0; c < t->ncols; c++)
		{
			const tslot *sl = &t->g[r][c];

			rest[c] = sl->kind == SL_ORIGIN ? cell_text(rc, &t->r[sl->row].c[sl->cell]) : "";
		}
		while (more)
		{
			more = false;
			sb_put(o, "|");
			for (int c = 0; c < t->ncols; c++)
			{
				int			cols;
				size_t		n = l_piece(rest[c], w[c], &cols);

				sb_put(o, " ");
				sb_putn(o, rest[c], n);
				sb_spaces(o, w[c] - cols);
				sb_put(o, " |");
				rest[c] += n;
				more |= *rest[c] != '\0';
			}
			sb_put(o, "\n");
		}
		l_border(o, w, t->ncols, rst && r == 0 ? '=' : '-');
	}
	sb_put(o, "\n");
}

/* ---- (g) a site crawler's text: the whole report on one line (pingtan-*) ---- */

/*
 * Every cell of a row follows the one before with nothing between: labels,
 * headers and values glued (行政许可2418, 一、本年新收…230000023).  Now and
 * then a stray space stands between two values of a row, as crawlers leave
 * them (230 000023); it is always at a real boundary of two cells.  Or,
 * in some reports, a space stands between every two cells: a crawler that
 * joins a page's cells with spaces, a PDF's text with its line breaks lost
 * (规章 1 0 11 行政规范性文件 8 26 66).
 */
static void
render_g_table(rctx *rc, const ttable *t)
{
	sbuf	   *o = rc->out;

	for (int r = 0; r < t->n; r++)
	{
		bool		prev_value = false;

		for (int i = 0; i < t->r[r].n; i++)
		{
			const tcell *cell = &t->r[r].c[i];

			if (rc->m->apart ? i > 0 || r > 0 :
				cell->kind == CK_VALUE && prev_value && rng_chance(rc->r2, rc->m->stray_space))
				sb_put(o, " ");
			sb_put(o, cell_text(rc, cell));
			prev_value = cell->kind == CK_VALUE;
		}
	}
}

static const layout_def layouts[NLAYOUTS] = {
	[LY_A] = {"a", true, true, true, false, render_a_table},
	[LY_A2] = {"a2", false, true, true, false, render_a2_table},
	[LY_B] = {"b", true, false, true, false, render_b_table},
	[LY_C] = {"c", true, false, true, false, render_c_table},
	[LY_D] = {"d", false, true, true, false, render_d_table},
	[LY_E] = {"e", true, true, false, false, render_e_table},
	[LY_F] = {"f", true, false, false, false, render_f_table},
	[LY_G] = {"g", false, false, false, true, render_g_table},
	[LY_H] = {"h", true, false, false, false, render_h_table},
	[LY_I] = {"i", true, false, false, false, render_i_table},
	[LY_J] = {"j", true, false, false, false, render_j_table},
	[LY_K] = {"k", true, false, false, false, render_k_table},
	[LY_L] = {"l", true, false, false, false, render_l_table},
};

/* ---- the whole report ---- */

enum
{
	TX_TITLE, TX_HEADING, TX_PARA
};

static void
put_text(rctx *rc, int kind, const char *text)
{
	sbuf	   *o = rc->out;

	switch (rc->layout)
	{
		case LY_D:
			if (kind == TX_TITLE)
				sb_spaces(o, 16);
			else
				sb_spaces(o, 4);
			sb_printf(o, "%s\n\n", text);
			break;
		case LY_E:
			if (kind == TX_TITLE)
				sb_put(o, "<p style=\"text-align:center\"><strong>");
			else if (kind == TX_HEADING)
				sb_put(o, "<p><strong>");
			else
				sb_put(o, rng_chance(rc->r, 50) ? "<p>&nbsp;&nbsp;&nbsp;&nbsp;" : "<p>");
			html_text(rc, text, false);
			sb_put(o, kind == TX_PARA ? "</p>\n" : "</strong></p>\n");
			break;
		case LY_K:
			/* a heading or a paragraph as the page's <span>, pandoc wrapping its tag over two lines */
			if (kind == TX_TITLE || (kind == TX_HEADING && (rc->k_headings++ == 0 || rng_chance(rc->r, 50))))
			{
				sb_printf(o, "%s %s\n\n", kind == TX_TITLE ? "#" : "##", text);
				break;
			}
			if (rng_chance(rc->r, 40))
				sb_put(o, "<div class=\"xxgkcont clearfix\">\n\n");
			sb_printf(o, "<span%sstyle=\"font-family: 微软雅黑;\">", rng_chance(rc->r, 50) ? "\n" : " ");
			html_text(rc, text, false);
			sb_put(o, "</span><span style=\"font-family: 微软雅黑;\"></span>\n\n");
			break;
		case LY_F:
		case LY_J:
			if (kind == TX_TITLE)
				sb_put(o, "# ");
			else if (kind == TX_HEADING)
				sb_put(o, "## ");
			sb_printf(o, "%s\n\n", text);
			break;
		case LY_A2:
			sb_printf(o, "%s\n", text);
			break;
		case LY_G:
			/* a crawler's header of fields, then everything on one line */
			if (kind == TX_TITLE)
				sb_printf(o, "标题: %s\n发布时间: %d-03-%02d 15:34\n文号: \n发布机构: %s\n"
						  "栏目: 政府信息公开年报\n==================== 正文 ====================\n",
						  text, rc->g->year + 1, 1 + rng_below(rc->r2, 28), rc->g->org);
			else
			{
				/* a crawler that kept the page's paragraphs: each heading begins a line */
				if (kind == TX_HEADING && rc->m->paragraphs)
					sb_put(o, "\n");
				sb_printf(o, "%s%s", text, kind == TX_PARA || rng_chance(rc->r2, 50) ? " " : "");
			}
			break;
		default:
			sb_printf(o, "%s\n", text);
			if (kind == TX_TITLE)
				sb_put(o, "\n");
			break;
	}
}

static void
render_report(rctx *rc)
{
	const genreport *g = rc->g;
	int			ei = g->ed == GR_ED_2019 ? 0 : 1;
	char		buf[1024];
	static const char *const closing[] = {
		"无。", "本年度未收取信息处理费。", "无其他需要报告的事项。"
	};

	if (rc->layout == LY_K)
		sb_printf(rc->out, "<div class=\"meta\">\n\n<div>\n\n**单位：**%s\n\n</div>\n\n</div>\n\n", g->org);
	if (rc->layout == LY_E)
		sb_printf(rc->out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
				  "<title>%s%d年政府信息公开工作年度报告</title>\n</head>\n<body>\n<div class=\"content\">\n",
				  g->org, g->year);
	snprintf(buf, sizeof(buf), "%s%d年政府信息公开工作年度报告", g->org, g->year);
	put_text(rc, TX_TITLE, buf);
	snprintf(buf, sizeof(buf), "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。"
			 "本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。", g->year, g->year);
	put_text(rc, TX_PARA, buf);

	put_text(rc, TX_HEADING, "一、总体情况");
	snprintf(buf, sizeof(buf), "本年度，%s认真贯彻落实《条例》，扎实推进主动公开、依申请公开、"
			 "政府信息管理、平台建设和监督保障等工作，政府信息公开工作有序开展。", g->org);
	put_text(rc, TX_PARA, buf);

	put_text(rc, TX_HEADING, "二、主动公开政府信息情况");
	rc->L->table(rc, rc->tab = &tables[ei][0]);
	put_text(rc, TX_HEADING, "三、收到和处理政府信息公开申请情况");
	rc->L->table(rc, rc->tab = &tables[ei][1]);
	put_text(rc, TX_HEADING, "四、政府信息公开行政复议、行政诉讼情况");
	rc->L->table(rc, rc->tab = &tables[ei][2]);
	rc->tab = NULL;

	put_text(rc, TX_HEADING, "五、存在的主要问题及改进情况");
	put_text(rc, TX_PARA, "主要问题是公开内容不够全面，政策解读形式较为单一。下一步将加强业务培训，提升公开质量。");
	put_text(rc, TX_HEADING, "六、其他需要报告的事项");
	put_text(rc, TX_PARA, closing[g->closing]);
	if (rc->layout == LY_G)
		sb_put(rc->out, "\n");
	if (rc->layout == LY_E)
		sb_put(rc->out, "</div>\n</body>\n</html>\n");
}

static void
pick_mess(mess *m, int layout, const genreport *g, rng *r)
{
	const layout_def *L = &layouts[layout];
	int			ei = g->ed == GR_ED_2019 ? 0 : 1;

	memset(m, 0, sizeof(*m));
	m->broken = L->can_break && rng_chance(r, 30);
	m->fullwidth = rng_chance(r, 15);
	m->hant = rng_chance(r, 15);
	m->crlf = rng_chance(r, 15);
	m->page_table = -1;
	if (L->can_page && rng_chance(r, 25))
	{
		m->page_table = rng_below(r, 3);
		m->page_row = 1 + rng_below(r, tables[ei][m->page_table].n - 1);
		m->page_no = (int) rng_range(r, 2, 9);
	}
	/* (the draws are made for every layout, so that the reports stay the same) */
	m->pad = rng_chance(r, 50) && (layout == LY_B || layout == LY_F) && !(avoid & AV_PAD);
	m->md_mode = layout == LY_F ? rng_below(r, 3) : (rng_below(r, 3), MD_OMIT);
	m->double_spaced = layout == LY_A2 && rng_chance(r, 30);
	m->centred = rng_chance(r, 30) && layout == LY_D;
	m->head_low = rng_chance(r, 50) && layout == LY_D;
}

/* The newer messes, from a stream of their own (the draws above stay as they were). */
static void
pick_mess2(mess *m, int layout, rng *r2)
{
	m->blank_lines = m->double_spaced && rng_chance(r2, 60) && !(avoid & AV_BLANK_LINES);
	m->c_inline = layout == LY_C && rng_chance(r2, 50) && !(avoid & AV_PIPES);
	m->c_trail = layout == LY_C && rng_chance(r2, 50) && !(avoid & AV_PIPES);
	m->annotate = layout != LY_G && rng_chance(r2, 20) && !(avoid & AV_NOTES);
	m->pinyin = m->hant && rng_chance(r2, 50) && !(avoid & AV_PINYIN);
	m->malformed = layout != LY_G && rng_chance(r2, 15) && !(avoid & AV_MALFORMED);
	m->stray_space = layout == LY_G && !(avoid & AV_STRAY) ? (int) rng_range(r2, 0, 30) : 0;
	m->apart = layout == LY_G && rng_chance(r2, 25) && !(avoid & AV_STRAY);
	m->paragraphs = layout == LY_G && rng_chance(r2, 25);
	/* (a) every line break doubled too: the cells behind their tabs, a row ended by two blank lines */
	if (layout == LY_A)
		m->double_spaced = rng_chance(r2, 30);
	m->bare_pipes = layout == LY_F && rng_chance(r2, 30) && !(avoid & AV_PIPES);
}

static char *
mess_desc(const mess *m, int layout, char *buf, size_t cap)
{
	static const char *const md_names[] = {"", " md-omit", " md-empty", " md-fill"};

	snprintf(buf, cap, "%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s",
			 m->broken ? " broken-labels" : "", m->fullwidth ? " full-width" : "",
			 m->hant ? " traditional" : "", m->crlf ? " crlf" : "",
			 m->page_table >= 0 ? " page-mark" : "", m->pad ? " pad" : "",
			 m->double_spaced ? " double-spaced" : "", m->centred ? " centred-labels" : "",
			 m->head_low ? " low-headers" : "", layout == LY_F ? md_names[m->md_mode + 1] : "",
			 m->blank_lines ? " blank-line-empties" : "", m->c_inline ? " inline-empty-pipe" : "",
			 m->c_trail ? " trailing-filler" : "", m->annotate ? " label-notes" : "",
			 m->pinyin ? " pinyin" : "", m->malformed ? " malformed-cells" : "",
			 m->apart ? (m->paragraphs ? " cells-apart paragraphs" : " cells-apart") :
			 m->paragraphs ? (m->stray_space ? " stray-spaces paragraphs" : " paragraphs") :
			 m->stray_space ? " stray-spaces" : "", m->bare_pipes ? " bare-pipes" : "");
	return buf;
}

/* ---- whole-text transformations ---- */

static UTransliterator *hans_hant;

static void
to_traditional(sbuf *b)
{
	UErrorCode	st = U_ZERO_ERROR;
	int32_t		ulen = 0,
				cap,
				limit,
				olen = 0;
	UChar	   *u;
	char	   *out;

	u_strFromUTF8(NULL, 0, &ulen, b->p, (int32_t) b->n, &st);
	st = U_ZERO_ERROR;
	cap = ulen * 2 + 16;
	u = malloc(sizeof(UChar) * (size_t) cap);
	u_strFromUTF8(u, cap, &ulen, b->p, (int32_t) b->n, &st);
	limit = ulen;
	utrans_transUChars(hans_hant, u, &ulen, cap, 0, &limit, &st);
	if (U_FAILURE(st))
	{
		fprintf(stderr, "ICU Hans-Hant failed: %s\n", u_errorName(st));
		exit(2);
	}
	u_strToUTF8(NULL, 0, &olen, u, ulen, &st);
	st = U_ZERO_ERROR;
	out = malloc((size_t) olen + 1);
	u_strToUTF8(out, olen + 1, &olen, u, ulen, &st);
	free(u);
	free(b->p);
	b->p = out;
	b->n = (size_t) olen;
	b->cap = (size_t) olen + 1;
}

/* (a2) blank-line empties: a marked line becomes one further blank line. */
static void
blank_line_empties(sbuf *b)
{
	size_t		o = 0;

	for (size_t i = 0; i < b->n; i++)
		if (b->p[i] == '\x01' && i + 2 < b->n && b->p[i + 1] == '\n' && b->p[i + 2] == '\n')
		{
			b->p[o++] = '\n';
			i += 2;
		}
		else
			b->p[o++] = b->p[i];
	b->n = o;
}

/*
 * Each line that is a Markdown row ("| a | b |") without its outer pipes
 * and the space next to them ("a | b"), as Python's html2text writes
 * tables: a row whose first or last cell is empty keeps it (" | b | ").
 */
static void
strip_outer_pipes(sbuf *b)
{
	sbuf		n = {0};

	for (size_t i = 0; i < b->n;)
	{
		size_t		e = i;

		while (e < b->n && b->p[e] != '\n')
			e++;
		if (e - i >= 2 && b->p[i] == '|' && b->p[e - 1] == '|')
		{
			size_t		a = i + 1,
						z = e - 1;

			if (a < z && b->p[a] == ' ')
				a++;
			if (z > a && b->p[z - 1] == ' ')
				z--;
			sb_putn(&n, b->p + a, z - a);
		}
		else
			sb_putn(&n, b->p + i, e - i);
		if (e < b->n)
			sb_put(&n, "\n");
		i = e + 1;
	}
	free(b->p);
	*b = n;
}

/* Every "\n" becomes rep. */
static void
replace_newlines(sbuf *b, const char *rep)
{
	sbuf		n = {0};

	for (size_t i = 0; i < b->n; i++)
		if (b->p[i] == '\n')
			sb_put(&n, rep);
		else
			sb_putn(&n, b->p + i, 1);
	free(b->p);
	*b = n;
}

/* ---- checking the parse ---- */

static const char *const state_names[] = {"absent", "blank", "number", "dash", "text", "unplaced"};

static bool
dec_eq(int64_t m1, int s1, int64_t m2, int s2)
{
	while (s1 < s2)
	{
		m1 *= 10;
		s1++;
	}
	while (s2 < s1)
	{
		m2 *= 10;
		s2++;
	}
	return m1 == m2;
}

static void
dec_format(int64_t mant, int scale, char *buf, size_t cap)
{
	int64_t		p = 1;

	for (int i = 0; i < scale; i++)
		p *= 10;
	if (scale == 0)
		snprintf(buf, cap, "%lld", (long long) mant);
	else
		snprintf(buf, cap, "%s%lld.%0*lld", mant < 0 ? "-" : "", (long long) (llabs(mant) / p), scale,
				 (long long) (llabs(mant) % p));
}

/*
 * The value a cell should have in this rendering: a printed cell as
 * generated (false when blank), a derived one as the sum of its parts
 * as the format copy names them (false unless every part is a number).
 */
static bool
expected_value(const rctx *rc, int k, int64_t *mant, int *scale)
{
	const f_cell *f = &fc[k];
	int64_t		sum = 0;
	int			sc = 0;

	if (key_printed(k, rc->g->ed))
	{
		if (is_blank(rc, k))
			return false;
		*mant = rc->g->v[k].mant;
		*scale = rc->g->v[k].scale;
		return true;
	}
	if (!key_derived(k, rc->g->ed) || f->nparts == 0)
		return false;
	for (int i = 0; i < f->nparts; i++)
	{
		int64_t		pm;
		int			ps;

		if (!expected_value(rc, f->parts[i], &pm, &ps))
			return false;
		while (sc < ps)
		{
			sum *= 10;
			sc++;
		}
		while (ps < sc)
		{
			pm *= 10;
			ps++;
		}
		sum += pm;
	}
	*mant = sum;
	*scale = sc;
	return true;
}

typedef struct tally
{
	int			reports;
	int			cells;			/* printed cells checked */
	int			wrong;			/* a number read as another number */
	int			invented;		/* a blank read as a number */
	int			missed;			/* a number not read */
	int			blank_bad;		/* a blank read as something else than blank */
	int			derived;		/* derived cells checked */
	int			derived_bad;
	int			meta_bad;		/* status, is_report, year, edition */
	int			nulled;			/* (g) cells left NULL, each named by an R-PARSE finding */
	int			by_sum;			/* (g) cells read by a row's arithmetic, so marked */
	int			malformed;		/* cells written malformed, none read as a number */
	int			failed_reports;
	int			shown;
	int			saved;
} tally;

static void
save_text(const char *layout, int index, const sbuf *text, tally *t)
{
	char		path[256];
	FILE	   *f;

	if (t->saved >= SAVE_FAILURES)
		return;
	snprintf(path, sizeof(path), "/tmp/layout_fail_%s_%d.txt", layout, index);
	f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(text->p, 1, text->n, f);
	fclose(f);
	t->saved++;
	printf("#   text in %s\n", path);
}

static int	show_max = SHOW_FAILURES;

static void
show(tally *t, const char *fmt,...)
{
	va_list		ap;

	if (t->shown++ >= show_max)
		return;
	printf("#   ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

static void
cell_got(const gr_report *rep, const gr_cell *c, char *buf, size_t cap)
{
	char		num[48];
	gr_str		raw = gr_cell_raw(rep, c);

	if (c->state == GR_CELL_NUMBER)
	{
		dec_format(c->mant, c->scale, num, sizeof(num));
		snprintf(buf, cap, "%s (line %d)", num, c->line);
	}
	else
	{
		size_t		n = raw.len > 60 ? 60 : raw.len;

		while (n < raw.len && n > 0 && ((unsigned char) raw.ptr[n] & 0xC0) == 0x80)
			n--;				/* not in the middle of a character */
		snprintf(buf, cap, "%s%s%.*s%s", state_names[c->state], raw.len ? " " : "", (int) n,
				 raw.ptr ? raw.ptr : "", n < raw.len ? "…" : "");
	}
}

/* The parser's cell for format cell k, NULL when it has none. */
static const gr_cell *
parsed_cell(const gr_report *rep, int k)
{
	return fc[k].idx >= 0 && fc[k].idx < rep->ncells ? &rep->cells[fc[k].idx] : NULL;
}

/* Does an R-PARSE finding name the parser's cell idx (a value it could not read)? */
static bool
named_by_parse_finding(const gr_report *rep, int idx)
{
	for (int f = 0; f < rep->nfindings; f++)
		if (strncmp(rep->findings[f].rule, "R-PARSE-", 8) == 0)
			for (int c = 0; c < rep->findings[f].ncells; c++)
				if (rep->findings[f].cells[c] == idx)
					return true;
	return false;
}

/* One printed cell against what was written; true when they agree. */
static bool
check_printed(rctx *rc, const gr_report *rep, int k, uint64_t seed, tally *t)
{
	const genreport *g = rc->g;
	const char *ln = rc->L->name;
	const genval *v = &g->v[k];
	const gr_cell *c = parsed_cell(rep, k);
	char		exp[48],
				got[128];

	t->cells++;
	if (c == NULL)
	{
		t->missed++;
		show(t, "layout (%s) report %d seed %llu: %s is no key of the parser", ln, g->index,
			 (unsigned long long) seed, fc[k].key);
		return false;
	}
	cell_got(rep, c, got, sizeof(got));
	if (rc->bad[k])
	{
		/* written malformed: kept as what it is, never a number */
		t->malformed++;
		if (c->state != GR_CELL_NUMBER)
			return true;
		t->wrong++;
		show(t, "layout (%s) report %d seed %llu: WRONG NUMBER %s written malformed (%s), got %s", ln,
			 g->index, (unsigned long long) seed, fc[k].key, rc->vtext[k], got);
		return false;
	}
	if (is_blank(rc, k))
	{
		if (c->state == GR_CELL_BLANK)
			return true;
		if (c->state == GR_CELL_NUMBER)
		{
			t->invented++;
			show(t, "layout (%s) report %d seed %llu: %s expected blank, got number %s", ln, g->index,
				 (unsigned long long) seed, fc[k].key, got);
		}
		else
		{
			t->blank_bad++;
			show(t, "layout (%s) report %d seed %llu: %s expected blank, got %s", ln, g->index,
				 (unsigned long long) seed, fc[k].key, got);
		}
		return false;
	}
	dec_format(v->mant, v->scale, exp, sizeof(exp));
	if (c->state == GR_CELL_NUMBER && dec_eq(c->mant, c->scale, v->mant, v->scale))
	{
		t->by_sum += c->by_sum != 0;
		return true;
	}
	/* glued digits: a cell is exact, or NULL and named by a finding that says why */
	if (rc->L->glued && c->state != GR_CELL_NUMBER && named_by_parse_finding(rep, fc[k].idx))
	{
		t->nulled++;
		return true;
	}
	if (c->state == GR_CELL_NUMBER)
	{
		t->wrong++;
		show(t, "layout (%s) report %d seed %llu: WRONG NUMBER %s expected %s (written %s), got %s", ln,
			 g->index, (unsigned long long) seed, fc[k].key, exp, rc->vtext[k], got);
	}
	else
	{
		t->missed++;
		show(t, "layout (%s) report %d seed %llu: missed %s expected %s (written %s), got %s", ln,
			 g->index, (unsigned long long) seed, fc[k].key, exp, rc->vtext[k], got);
	}
	return false;
}

/* The derived cells, each against the sum of its parts; returns how many disagree. */
static int
check_derived(rctx *rc, const gr_report *rep, uint64_t seed, tally *t)
{
	const genreport *g = rc->g;
	int			bad = 0;

	for (int k = 0; k < nfc; k++)
	{
		int64_t		em;
		int			es;
		const gr_cell *c = parsed_cell(rep, k);
		char		exp[48],
					got[128] = "no such key";

		if (!key_derived(k, g->ed) || !expected_value(rc, k, &em, &es))
			continue;
		t->derived++;
		if (c && c->state == GR_CELL_NUMBER && dec_eq(c->mant, c->scale, em, es))
			continue;
		t->derived_bad++;
		bad++;
		dec_format(em, es, exp, sizeof(exp));
		if (c)
			cell_got(rep, c, got, sizeof(got));
		show(t, "layout (%s) report %d seed %llu: derived %s expected %s, got %s", rc->L->name, g->index,
			 (unsigned long long) seed, fc[k].key, exp, got);
	}
	return bad;
}

/* Status, is_report, year and edition; true when they are as generated. */
static bool
check_meta(rctx *rc, gr_status st, const gr_report *rep, const gr_error *err, uint64_t seed, tally *t)
{
	const genreport *g = rc->g;
	const char *ln = rc->L->name;

	if (st != GR_OK || rep == NULL)
	{
		t->meta_bad++;
		show(t, "layout (%s) report %d seed %llu: gr_parse failed: %s", ln, g->index,
			 (unsigned long long) seed, err->message);
		return false;
	}
	if (!rep->is_report || rep->year != g->year || rep->edition != g->ed)
	{
		t->meta_bad++;
		show(t, "layout (%s) report %d seed %llu: is_report %d year %d edition %s (expected %d %s)", ln,
			 g->index, (unsigned long long) seed, rep->is_report, rep->year,
			 gr_edition_name(rep->edition) ? gr_edition_name(rep->edition) : "unknown", g->year,
			 gr_edition_name(g->ed));
		return false;
	}
	/* the six sections, each where the report has it: the outline read the text's lines */
	{
		int			found = 0;

		for (int i = 0; i < rep->nsections; i++)
			if (rep->sections[i].key == (gr_section_key) (found + 1))
				found++;
		if (found != 6)
		{
			t->meta_bad++;
			show(t, "layout (%s) report %d seed %llu: %d of the six sections found in order", ln,
				 g->index, (unsigned long long) seed, found);
			return false;
		}
	}
	return true;
}

/* Parse one rendered report and compare every cell; true when all agree. */
static bool
check_report(rctx *rc, const sbuf *text, uint64_t seed, const mess *m, tally *t)
{
	const genreport *g = rc->g;
	ta_arena	arena = {0};
	gr_env		env = ta_env(&arena);
	gr_report  *rep = NULL;
	gr_error	err;
	gr_status	st;
	int			bad = 0;
	char		md[160];

	memset(&err, 0, sizeof(err));
	st = gr_parse(&env, text->p, text->n, &rep, &err);
	t->reports++;
	if (!check_meta(rc, st, rep, &err, seed, t))
	{
		if (st != GR_OK || rep == NULL)
		{
			ta_arena_free(&arena);
			return false;
		}
		bad++;
	}
	int			nulled = t->nulled;

	for (int k = 0; k < nfc; k++)
		if (g->v[k].in_report && !check_printed(rc, rep, k, seed, t))
			bad++;
	/* derived cells, when every part was read, and read right */
	if (bad == 0 && rc->nbad == 0 && t->nulled == nulled)
		bad += check_derived(rc, rep, seed, t);

	if (bad)
	{
		t->failed_reports++;
		if (t->shown <= show_max)
		{
			printf("#   layout (%s) report %d: %d cells disagree (%s, blanks %s, mess:%s)\n", rc->L->name,
				   g->index, bad, gr_edition_name(g->ed),
				   rc->blanks ? blank_mode_names[g->blank_mode] : "none",
				   mess_desc(m, rc->layout, md, sizeof(md)));
			save_text(rc->L->name, g->index, text, t);
		}
	}
	ta_arena_free(&arena);
	return bad == 0;
}

/* LAYOUT_DUMP=DIR: every rendered report as DIR/<layout>_<index>.txt */
static void
dump_text(const char *dir, const char *layout, int index, const sbuf *text)
{
	char		path[1024];
	FILE	   *f;

	snprintf(path, sizeof(path), "%s/%s_%d.txt", dir, layout, index);
	f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(text->p, 1, text->n, f);
	fclose(f);
}

/* ---- the generator agrees with the format (spec §3–5) ---- */

/* Every key of the format copy is the parser's, and the other way round. */
static void
test_keys(void)
{
	static char missing[4096],
				extra[4096];
	int			bad = fc_build(missing, extra, sizeof(missing));

	check(bad == 0, "generator: the format's %d cell keys are the parser's %d keys%s%s%s%s", nfc, gr_nkeys(),
		  missing[0] ? "; unknown to the parser:" : "", missing, extra[0] ? "; not in the format:" : "", extra);
}

static void
test_generator(void)
{
	for (int e = 0; e < 2; e++)
	{
		gr_edition	ed = e == 0 ? GR_ED_2019 : GR_ED_2021;
		int			count[3] = {0, 0, 0},
					placed[3] = {0, 0, 0};
		int			want2 = e == 0 ? 22 : 10,
					want3 = e == 0 ? 161 : 175;
		int			span = 0;

		for (int k = 0; k < nfc; k++)
			if (key_printed(k, ed))
				count[fc[k].table]++;
		for (int ti = 0; ti < 3; ti++)
			for (int r = 0; r < tables[e][ti].n; r++)
				for (int i = 0; i < tables[e][ti].r[r].n; i++)
				{
					const tcell *c = &tables[e][ti].r[r].c[i];

					if (c->kind == CK_VALUE && c->key >= 0 && key_printed(c->key, ed))
						placed[ti]++;
					if (c->kind == CK_LABEL && strcmp(c->text, "三、本年度办理结果") == 0)
						span = c->rs;
				}
		check(count[0] == want2 && count[1] == want3 && count[2] == 15 &&
			  placed[0] == count[0] && placed[1] == count[1] && placed[2] == count[2] &&
			  span == (e == 0 ? 20 : 22),
			  "generator: %s prints %d/%d/%d cells in 表二/三/四, all placed; 三、本年度办理结果 spans %d rows",
			  gr_edition_name(ed), count[0], count[1], count[2], span);
	}
}

/* ---- main ---- */

static bool
layout_selected(const char *list, const char *name)
{
	size_t		n = strlen(name);

	if (list == NULL)
		return true;
	for (const char *p = list; *p;)
	{
		const char *e = strchr(p, ',');
		size_t		len = e ? (size_t) (e - p) : strlen(p);

		if (len == n && memcmp(p, name, n) == 0)
			return true;
		p += len + (e ? 1 : 0);
	}
	return false;
}

/* Render, mess up and check report i in layout ly. */
static void
run_one(int ly, int i, uint64_t seed, const char *dump_dir, tally *t)
{
	static rctx rc;
	genreport	g;
	mess		m;
	rng			r,
				r2;
	sbuf		text = {0};

	generate(&g, seed, i);
	/*
	 * (g) Glued digits have no boundaries but the arithmetic of their row:
	 * a row's 总计 the sum of its cells is the premise of reading them at
	 * all (a row whose printed total is wrong can have a reading that sums;
	 * its R-PARSE-06 finding says that total is not checked).  So in the
	 * glued layout every row adds up, as written (a blank the layout cannot
	 * show is written as its number); the columns of 表三 need not.
	 */
	if (ly == LY_G)
		gen_add_up(&g, true);
	r = rng_make(seed, (uint64_t) i, 0x1A40 + (uint64_t) ly);
	r2 = rng_make(seed, (uint64_t) i, 0x2B50 + (uint64_t) ly);
	pick_mess(&m, ly, &g, &r);
	pick_mess2(&m, ly, &r2);
	memset(&rc, 0, sizeof(rc));
	rc.layout = ly;
	rc.L = &layouts[ly];
	rc.g = &g;
	rc.m = &m;
	rc.r = &r;
	rc.r2 = &r2;
	rc.out = &text;
	rc.blanks = layouts[ly].blanks || m.blank_lines;
	prepare_values(&rc);
	render_report(&rc);
	if (m.hant)
		to_traditional(&text);
	if (m.bare_pipes)
		strip_outer_pipes(&text);
	if (m.double_spaced)
		replace_newlines(&text, "\n\n");
	if (m.blank_lines)
		blank_line_empties(&text);
	if (m.crlf)
		replace_newlines(&text, "\r\n");
	if (dump_dir)
		dump_text(dump_dir, layouts[ly].name, i, &text);
	check_report(&rc, &text, seed, &m, t);
	free(text.p);
}

static void
tally_add(tally *total, const tally *t)
{
	total->reports += t->reports;
	total->cells += t->cells;
	total->wrong += t->wrong;
	total->invented += t->invented;
	total->missed += t->missed;
	total->blank_bad += t->blank_bad;
	total->derived += t->derived;
	total->derived_bad += t->derived_bad;
	total->meta_bad += t->meta_bad;
	total->nulled += t->nulled;
	total->by_sum += t->by_sum;
	total->malformed += t->malformed;
	total->failed_reports += t->failed_reports;
}

/* (g): how many cells were certain, and how many of those by a row's arithmetic. */
static const char *
glued_note(const tally *t)
{
	static char buf[160];

	buf[0] = '\0';
	if (t->nulled || t->by_sum)
		snprintf(buf, sizeof(buf), "; %d cells read (%.1f %%), %d of them by a row's arithmetic, %d left NULL with a finding",
				 t->cells - t->nulled - t->missed - t->wrong,
				 t->cells ? 100.0 * (t->cells - t->nulled - t->missed - t->wrong) / t->cells : 0.0,
				 t->by_sum, t->nulled);
	return buf;
}

/* All reports of one layout, one TAP line. */
static void
run_layout(int ly, int nrep, int one, uint64_t seed, tally *total)
{
	tally		t = {0};

	for (int i = 0; i < nrep; i++)
		if (one < 0 || i == one)
			run_one(ly, i, seed, getenv("LAYOUT_DUMP"), &t);
	check(t.wrong == 0 && t.invented == 0 && t.missed == 0 && t.blank_bad == 0 &&
		  t.derived_bad == 0 && t.meta_bad == 0,
		  "layout (%s): %d reports, %d wrong numbers, %d missed cells "
		  "(%d cells; %d blanks read as numbers, %d blanks misread, %d/%d derived wrong, "
		  "%d bad year/edition/outline, %d reports failing; %d malformed cells kept as text%s)",
		  layouts[ly].name, t.reports, t.wrong, t.missed, t.cells, t.invented, t.blank_bad,
		  t.derived_bad, t.derived, t.meta_bad, t.failed_reports, t.malformed, glued_note(&t));
	tally_add(total, &t);
}

/* Environment, ICU, and the tables of both editions from the format copy. */
static int
set_up(void)
{
	UErrorCode	st = U_ZERO_ERROR;
	UChar		uid[16];
	UParseError pe;

	if (getenv("LAYOUT_SHOW"))
		show_max = atoi(getenv("LAYOUT_SHOW"));
	if (getenv("LAYOUT_ADD_UP"))
		add_up_percent = atoi(getenv("LAYOUT_ADD_UP"));
	for (size_t i = 0; i < sizeof(avoid_names) / sizeof(avoid_names[0]); i++)
		if (getenv("LAYOUT_AVOID") && layout_selected(getenv("LAYOUT_AVOID"), avoid_names[i].name))
			avoid |= avoid_names[i].flag;
	u_uastrcpy(uid, "Hans-Hant");
	hans_hant = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, &pe, &st);
	if (U_FAILURE(st))
	{
		fprintf(stderr, "ICU: cannot open Hans-Hant: %s\n", u_errorName(st));
		return 2;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int			nrep = argc > 1 ? atoi(argv[1]) : 300;
	uint64_t	seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 20261122;
	const char *only = argc > 3 && argv[3][0] ? argv[3] : NULL;
	int			one = argc > 4 ? atoi(argv[4]) : -1;
	tally		total = {0};

	if (set_up() != 0)
		return 2;
	printf("# layout generator: %d reports per layout, seed %llu\n", nrep, (unsigned long long) seed);
	test_keys();
	for (int e = 0; e < 2; e++)
	{
		gr_edition	ed = e == 0 ? GR_ED_2019 : GR_ED_2021;

		build_t2(&tables[e][0], ed);
		build_t3(&tables[e][1], ed);
		build_t4(&tables[e][2]);
	}
	test_generator();

	for (int ly = 0; ly < NLAYOUTS; ly++)
		if (layout_selected(only, layouts[ly].name))
			run_layout(ly, nrep, one, seed, &total);
	printf("# totals: %d reports, %d cells, %d wrong numbers, %d missed cells, %d blanks read as numbers, "
		   "%d blanks misread, %d/%d derived wrong, %d bad year/edition/outline, %d reports failing\n",
		   total.reports, total.cells, total.wrong, total.missed, total.invented, total.blank_bad,
		   total.derived_bad, total.derived, total.meta_bad, total.failed_reports);
	utrans_close(hans_hant);
	printf("%d passed, %d failed\n", n_pass, n_fail);
	return n_fail ? 1 : 0;
}
