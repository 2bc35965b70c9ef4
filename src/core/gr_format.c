/*
 * gr_format.c — the rows, columns, labels and aliases of 表二, 表三 and 表四
 * in both editions (spec §3–5), and the cell keys made from them (§9).
 *
 * A label variant met in a real report is one more string in these tables,
 * with the report that showed it named in a comment.  Labels are compared
 * after folding (NFKC, Traditional → Simplified) and with white space and
 * punctuation removed, so （一） and (一), 、 and ， need no variants.
 */
#include <stdio.h>

#include "gr_format.h"
#include "gr_internal.h"

/* ---- 表二 主动公开政府信息情况 ---- */

const gr_coldef gr_t2_cols[T2_NCOLS] = {
	[T2C_ISSUED] = {"issued", GR_KIND_COUNT, {"本年制发件数", "本年制发数量"}},
	[T2C_REPEALED] = {"repealed", GR_KIND_COUNT, {"本年废止件数", "本年废止数量"}},
	[T2C_IN_FORCE] = {"in_force", GR_KIND_COUNT, {"现行有效件数", "现行有效数量"}},
	[T2C_MADE] = {"made", GR_KIND_COUNT, {"本年新制作数量", "本年制作数量"}},
	[T2C_PUBLISHED] = {"published", GR_KIND_COUNT, {"本年新公开数量", "本年公开数量"}},
	[T2C_TOTAL_PUBLISHED] = {"total_published", GR_KIND_COUNT, {"对外公开总数量"}},
	[T2C_PREV_ITEMS] = {"prev_items", GR_KIND_COUNT, {"上一年项目数量", "上年项目数量"}},
	[T2C_DELTA] = {"delta", GR_KIND_SIGNED, {"本年增/减", "本年增减"}},
	[T2C_DECISIONS] = {"decisions", GR_KIND_COUNT, {"本年处理决定数量", "处理决定数量"}},
	[T2C_ITEMS] = {"items", GR_KIND_COUNT, {"采购项目数量"}},
	/* the amount's header depends on the row: see own_labels below */
	[T2C_AMOUNT_WAN] = {"amount_wan", GR_KIND_MONEY, {NULL}},
};

#define C19_A20_1 {T2C_MADE, T2C_PUBLISHED, T2C_TOTAL_PUBLISHED, -1}
#define C21_A20_1 {T2C_ISSUED, T2C_REPEALED, T2C_IN_FORCE, -1}
#define C19_ITEMS {T2C_PREV_ITEMS, T2C_DELTA, T2C_DECISIONS, -1}
#define C21_DECISIONS {T2C_DECISIONS, -1}
#define NONE {-1}

const gr_rowdef gr_t2_rows[] = {
	{"rules", GR_MBOTH, 0, {"规章"}, C19_A20_1, C21_A20_1},
	{"norm_docs", GR_MBOTH, 0, {"行政规范性文件", "规范性文件"}, C19_A20_1, C21_A20_1},
	{"licensing", GR_MBOTH, 0, {"行政许可"}, C19_ITEMS, C21_DECISIONS},
	{"other_services", GR_M19, 0, {"其他对外管理服务事项"}, C19_ITEMS, NONE},
	{"penalty", GR_MBOTH, 0, {"行政处罚"}, C19_ITEMS, C21_DECISIONS},
	{"coercion", GR_MBOTH, 0, {"行政强制"}, C19_ITEMS, C21_DECISIONS},
	{"admin_fees", GR_MBOTH, 0, {"行政事业性收费"},
		{T2C_PREV_ITEMS, T2C_DELTA, -1}, {T2C_AMOUNT_WAN, -1},
		/* 本年度收费金额: seed 000 prints it under a （九） caption */
	{"本年收费金额(单位:万元)", "本年收费金额", "本年度收费金额", "收费金额"},
	{T2C_AMOUNT_WAN, T2C_AMOUNT_WAN, T2C_AMOUNT_WAN, T2C_AMOUNT_WAN}},
	{"central_procurement", GR_M19, 0, {"政府集中采购"},
		{T2C_ITEMS, T2C_AMOUNT_WAN, -1}, NONE,
	{"采购总金额", "总金额"}, {T2C_AMOUNT_WAN, T2C_AMOUNT_WAN}},
};
const int	gr_t2_nrows = sizeof(gr_t2_rows) / sizeof(gr_t2_rows[0]);

/* 第二十条第（一）项 …, also OCR'd as 第二十条约 (seed 001) */
const char *const gr_t2_caption_words[] = {"第二十条", "第二十条约", "第20条", NULL};
const char *const gr_t2_header_words[] = {"信息内容", NULL};

/* ---- 表三 收到和处理政府信息公开申请情况 ---- */

const gr_coldef gr_t3_cols[T3_NCOLS] = {
	[T3C_NATURAL_PERSON] = {"natural_person", GR_KIND_COUNT, {"自然人"}},
	[T3C_BUSINESS] = {"business", GR_KIND_COUNT, {"商业企业"}},
	[T3C_RESEARCH] = {"research", GR_KIND_COUNT, {"科研机构"}},
	[T3C_PUBLIC_WELFARE] = {"public_welfare", GR_KIND_COUNT, {"社会公益组织"}},
	[T3C_LEGAL_SERVICE] = {"legal_service", GR_KIND_COUNT, {"法律服务机构"}},
	[T3C_OTHER_ORG] = {"other_org", GR_KIND_COUNT, {"其他", "其他组织"}},
	[T3C_TOTAL] = {"total", GR_KIND_COUNT, {"总计", "合计"}},
	[T3C_ORG_SUM] = {"org_sum", GR_KIND_COUNT, {"小计"}},
};

/*
 * In format order.  Rows with a NULL key are labels of the layout only;
 * the derived rows are printed only by local variants (R-T3-04).
 */
const gr_rowdef gr_t3_rows[] = {
	{"new_received", GR_MBOTH, 0,
		/* 本年度收…: seed 000 */
	{"一、本年新收政府信息公开申请数量", "一、本年度收政府信息公开申请数量", "一、本年度新收政府信息公开申请数量"}},
	{"carried_in", GR_MBOTH, 0, {"二、上年结转政府信息公开申请数量"}},
	{NULL, 0, 0, {"三、本年度办理结果"}},
	{"granted", GR_MBOTH, 0, {"（一）予以公开"}},
	{"partial", GR_MBOTH, 0,
		/* 只计这一情况: seed 000 */
		{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
		"（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
	"（二）部分公开"}},
	{"denied_total", 0, GR_MBOTH, {"（三）不予公开"}},
	{"denied_secret", GR_MBOTH, 0, {"1.属于国家秘密"}},
	{"denied_law", GR_MBOTH, 0, {"2.其他法律行政法规禁止公开"}},
	{"denied_security", GR_MBOTH, 0, {"3.危及“三安全一稳定”"}},
	{"denied_third_party", GR_MBOTH, 0, {"4.保护第三方合法权益"}},
	{"denied_internal", GR_MBOTH, 0, {"5.属于三类内部事务信息"}},
	{"denied_process", GR_MBOTH, 0, {"6.属于四类过程性信息"}},
	{"denied_case_file", GR_MBOTH, 0, {"7.属于行政执法案卷"}},
	{"denied_query", GR_MBOTH, 0, {"8.属于行政查询事项"}},
	{"unable_total", 0, GR_MBOTH, {"（四）无法提供"}},
	/* 本机关不掌握相关信息: seed 000 */
	{"unable_not_held", GR_MBOTH, 0, {"1.本机关不掌握相关政府信息", "1.本机关不掌握相关信息"}},
	{"unable_need_create", GR_MBOTH, 0, {"2.没有现成信息需要另行制作"}},
	{"unable_unclear", GR_MBOTH, 0, {"3.补正后申请内容仍不明确"}},
	{"declined_total", 0, GR_MBOTH, {"（五）不予处理"}},
	{"declined_petition", GR_MBOTH, 0, {"1.信访举报投诉类申请"}},
	{"declined_repeat", GR_MBOTH, 0, {"2.重复申请"}},
	{"declined_publication", GR_MBOTH, 0, {"3.要求提供公开出版物"}},
	{"declined_excessive", GR_MBOTH, 0, {"4.无正当理由大量反复申请"}},
	{"declined_reconfirm", GR_MBOTH, 0, {"5.要求行政机关确认或重新出具已获取信息"}},
	/* gb2019 prints it as one data row; gb2021 splits it in three */
	{"other_handling", GR_M19, GR_M21, {"（六）其他处理", "（六）其他"}},
	{"other_no_supplement", GR_M21, 0,
	{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"}},
	{"other_unpaid_fee", GR_M21, 0,
	{"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"}},
	{"other_misc", GR_M21, 0, {"3.其他"}},
	{"results_total", GR_MBOTH, 0, {"（七）总计", "（七）合计"}},
	{"carried_out", GR_MBOTH, 0, {"四、结转下年度继续办理"}},
};
const int	gr_t3_nrows = sizeof(gr_t3_rows) / sizeof(gr_t3_rows[0]);

/* ---- 表四 政府信息公开行政复议、行政诉讼情况 ---- */

const gr_coldef gr_t4_cols[T4_NCOLS] = {
	[T4C_UPHELD] = {"upheld", GR_KIND_COUNT, {"结果维持"}},
	[T4C_CORRECTED] = {"corrected", GR_KIND_COUNT, {"结果纠正"}},
	[T4C_OTHER] = {"other", GR_KIND_COUNT, {"其他结果"}},
	[T4C_PENDING] = {"pending", GR_KIND_COUNT, {"尚未审结"}},
	[T4C_TOTAL] = {"total", GR_KIND_COUNT, {"总计", "合计"}},
};

const gr_rowdef gr_t4_groups[T4_NGROUPS] = {
	[T4G_REVIEW] = {"review", GR_MBOTH, 0, {"行政复议"}},
	[T4G_SUIT_DIRECT] = {"suit_direct", GR_MBOTH, 0, {"未经复议直接起诉"}},
	[T4G_SUIT_AFTER_REVIEW] = {"suit_after_review", GR_MBOTH, 0, {"复议后起诉"}},
	[T4G_SUIT_ALL] = {"suit_all", 0, GR_MBOTH, {"行政诉讼"}},
};

/* ---- the key list, built once per process from the tables above ---- */

#define GR_MAX_KEYS 320

static gr_keydef keydefs[GR_MAX_KEYS];
static int	nkeys;
static int	t2_index[16][T2_NCOLS];
static int	t3_index[40][T3_NCOLS];
static int	t4_index[T4_NGROUPS][T4_NCOLS];

static void
add_key(gr_table t, const char *row, const char *col, int r, int c,
		unsigned editions, unsigned derived, gr_value_kind kind)
{
	gr_keydef  *k = &keydefs[nkeys];

	snprintf(k->key, sizeof(k->key), "t%d.%s.%s", (int) t + 2, row, col);
	k->row_key = row;
	k->col_key = col;
	k->table = t;
	k->row = r;
	k->col = c;
	k->editions = editions;
	k->derived = derived;
	k->kind = (int) kind;
	if (t == GR_T2)
		t2_index[r][c] = nkeys;
	else if (t == GR_T3)
		t3_index[r][c] = nkeys;
	else
		t4_index[r][c] = nkeys;
	nkeys++;
}

static void
build_keys(void)
{
	memset(t2_index, -1, sizeof(t2_index));
	memset(t3_index, -1, sizeof(t3_index));
	memset(t4_index, -1, sizeof(t4_index));

	/* 表二: per row, the gb2021 columns, then those only gb2019 has */
	for (int r = 0; r < gr_t2_nrows; r++)
	{
		const gr_rowdef *row = &gr_t2_rows[r];

		for (int i = 0; i < 4 && row->cols21[i] >= 0; i++)
		{
			int			c = row->cols21[i];
			unsigned	eds = GR_M21;

			for (int j = 0; j < 4 && row->cols19[j] >= 0; j++)
				if (row->cols19[j] == c)
					eds |= GR_M19;
			add_key(GR_T2, row->key, gr_t2_cols[c].key, r, c, eds, 0, gr_t2_cols[c].kind);
		}
		for (int j = 0; j < 4 && row->cols19[j] >= 0; j++)
		{
			int			c = row->cols19[j];

			if (t2_index[r][c] < 0)
				add_key(GR_T2, row->key, gr_t2_cols[c].key, r, c, GR_M19, 0, gr_t2_cols[c].kind);
		}
	}
	/* 表三: every row with a key, eight columns (org_sum derived) */
	for (int r = 0; r < gr_t3_nrows; r++)
	{
		const gr_rowdef *row = &gr_t3_rows[r];

		if (row->key == NULL)
			continue;
		for (int c = 0; c < T3_NCOLS; c++)
			add_key(GR_T3, row->key, gr_t3_cols[c].key, r, c, row->printed | row->derived,
					c == T3C_ORG_SUM ? GR_MBOTH : row->derived, gr_t3_cols[c].kind);
	}
	/* 表四 */
	for (int g = 0; g < T4_NGROUPS; g++)
		for (int c = 0; c < T4_NCOLS; c++)
			add_key(GR_T4, gr_t4_groups[g].key, gr_t4_cols[c].key, g, c, GR_MBOTH,
					gr_t4_groups[g].derived, gr_t4_cols[c].kind);
}

static void
ensure_keys(void)
{
	if (nkeys == 0)
		build_keys();
}

int
gr_nkeys(void)
{
	ensure_keys();
	return nkeys;
}

const gr_keydef *
gr_keydefs(void)
{
	ensure_keys();
	return keydefs;
}

int
gr_key_index(gr_table table, int row, int col)
{
	ensure_keys();
	if (row < 0 || col < 0)
		return -1;
	switch (table)
	{
		case GR_T2:
			return row < gr_t2_nrows && col < T2_NCOLS ? t2_index[row][col] : -1;
		case GR_T3:
			return row < gr_t3_nrows && col < T3_NCOLS ? t3_index[row][col] : -1;
		default:
			return row < T4_NGROUPS && col < T4_NCOLS ? t4_index[row][col] : -1;
	}
}

int
gr_key_find(const char *key, size_t len)
{
	ensure_keys();
	for (int i = 0; i < nkeys; i++)
		if (strlen(keydefs[i].key) == len && memcmp(keydefs[i].key, key, len) == 0)
			return i;
	return -1;
}

/*
 * The keys in the order of the format of one edition: 表二's columns as
 * that edition prints them, then the other edition's; 表三 and 表四 as
 * listed.  out has room for gr_nkeys() indexes; returns their number.
 */
int
gr_keys_in_order(gr_edition ed, int *out)
{
	int			n = 0;

	ensure_keys();
	for (int r = 0; r < gr_t2_nrows; r++)
	{
		const int  *first = ed == GR_ED_2019 ? gr_t2_rows[r].cols19 : gr_t2_rows[r].cols21;
		const int  *second = ed == GR_ED_2019 ? gr_t2_rows[r].cols21 : gr_t2_rows[r].cols19;

		for (int i = 0; i < 4 && first[i] >= 0; i++)
			out[n++] = t2_index[r][first[i]];
		for (int i = 0; i < 4 && second[i] >= 0; i++)
		{
			bool		dup = false;

			for (int j = 0; j < 4 && first[j] >= 0; j++)
				dup |= first[j] == second[i];
			if (!dup)
				out[n++] = t2_index[r][second[i]];
		}
	}
	for (int i = 0; i < nkeys; i++)
		if (keydefs[i].table != GR_T2)
			out[n++] = i;
	return n;
}
