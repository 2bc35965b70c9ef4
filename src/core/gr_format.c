/*
 * gr_format.c — the national format as data (spec §3–5): the two
 * editions, and per table its rows and columns with kind, parent,
 * editions, labels and aliases; the cell keys made from them (§9).
 *
 * A label variant met in a real report is one more string in these tables,
 * with the report that showed it named in a comment.  Labels are compared
 * after folding (NFKC, Traditional → Simplified) and with white space and
 * punctuation removed, so （一） and (一), 、 and ， need no variants.
 */
#include <stdio.h>

#include "gr_format.h"
#include "gr_internal.h"

/* ---- the editions ---- */

static const char *const fp2019[] = {
	"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
	"其他对外管理服务事项", "第二十条第(九)项", "采购项目数量", "采购总金额", "政府集中采购", NULL
};
static const char *const fp2021[] = {
	"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额(单位:万元)",
	"行政规范性文件", "申请人逾期未按收费通知要求缴纳费用", NULL
};

/* oldest first */
static const gr_edition_def national_editions[] = {
	{GR_ED_2019, "gb2019", "国办公开办函〔2019〕60号", 2019, 2020, fp2019},
	{GR_ED_2021, "gb2021", "国办公开办函〔2021〕30号", 2021, 0, fp2021},
};


/* ---- 表二 主动公开政府信息情况 ---- */

#define BIT(c) (1u << (c))

static const gr_coldef t2_cols[T2_NCOLS] = {
	[T2C_ISSUED] = {"issued", GR_KIND_COUNT, GR_PK_DATA, GR_NO_PARENT, 0, {"本年制发件数", "本年制发数量"}},
	[T2C_REPEALED] = {"repealed", GR_KIND_COUNT, GR_PK_DATA, GR_NO_PARENT, 0, {"本年废止件数", "本年废止数量"}},
	[T2C_IN_FORCE] = {"in_force", GR_KIND_COUNT, GR_PK_DATA, GR_NO_PARENT, 0, {"现行有效件数", "现行有效数量"}},
	[T2C_MADE] = {"made", GR_KIND_COUNT, GR_PK_DATA, GR_NO_PARENT, 0, {"本年新制作数量", "本年制作数量"}},
	[T2C_PUBLISHED] = {"published", GR_KIND_COUNT, GR_PK_DATA, GR_NO_PARENT, 0, {"本年新公开数量", "本年公开数量"}},
	[T2C_TOTAL_PUBLISHED] = {"total_published", GR_KIND_COUNT, GR_PK_DATA, GR_NO_PARENT, 0, {"对外公开总数量"}},
	[T2C_PREV_ITEMS] = {"prev_items", GR_KIND_COUNT, GR_PK_DATA, GR_NO_PARENT, 0, {"上一年项目数量", "上年项目数量"}},
	[T2C_DELTA] = {"delta", GR_KIND_SIGNED, GR_PK_DATA, GR_NO_PARENT, 0, {"本年增/减", "本年增减"}},
	[T2C_DECISIONS] = {"decisions", GR_KIND_COUNT, GR_PK_DATA, GR_NO_PARENT, 0, {"本年处理决定数量", "处理决定数量"},
	{[GR_ED_2019] = "处理决定数量"}},
	[T2C_ITEMS] = {"items", GR_KIND_COUNT, GR_PK_DATA, GR_NO_PARENT, 0, {"采购项目数量"}},
	/*
	 * the amount's header depends on the row: see own_labels below; each
	 * edition prints it in one row only (gb2019 （九）, gb2021 （八）)
	 */
	[T2C_AMOUNT_WAN] = {"amount_wan", GR_KIND_MONEY, GR_PK_DATA, GR_NO_PARENT, 0, {NULL},
	{[GR_ED_2019] = "采购总金额",[GR_ED_2021] = "本年收费金额（单位：万元）"}},
};

#define C19_A20_1 (BIT(T2C_MADE) | BIT(T2C_PUBLISHED) | BIT(T2C_TOTAL_PUBLISHED))
#define C21_A20_1 (BIT(T2C_ISSUED) | BIT(T2C_REPEALED) | BIT(T2C_IN_FORCE))
#define C19_ITEMS (BIT(T2C_PREV_ITEMS) | BIT(T2C_DELTA) | BIT(T2C_DECISIONS))
#define C21_DECISIONS BIT(T2C_DECISIONS)
#define DATA(eds) GR_PK_DATA, GR_NO_PARENT, eds, 0

static const gr_rowdef t2_rows[GR_T2_NROWS] = {
	[GR_R2_rules] = {DATA(GR_MBOTH), {"规章"}, {NULL},
	{[GR_ED_2019] = C19_A20_1,[GR_ED_2021] = C21_A20_1}},
	/* 檔案 for 文件: a zh-TW converter's word (issue 8) */
	[GR_R2_norm_docs] = {DATA(GR_MBOTH), {"行政规范性文件", "规范性文件", "行政规范性档案", "规范性档案"},
		{[GR_ED_2019] = "规范性文件"},
	{[GR_ED_2019] = C19_A20_1,[GR_ED_2021] = C21_A20_1}},
	[GR_R2_licensing] = {DATA(GR_MBOTH), {"行政许可"}, {NULL},
	{[GR_ED_2019] = C19_ITEMS,[GR_ED_2021] = C21_DECISIONS}},
	[GR_R2_other_services] = {DATA(GR_M19), {"其他对外管理服务事项"}, {NULL},
	{[GR_ED_2019] = C19_ITEMS}},
	[GR_R2_penalty] = {DATA(GR_MBOTH), {"行政处罚"}, {NULL},
	{[GR_ED_2019] = C19_ITEMS,[GR_ED_2021] = C21_DECISIONS}},
	[GR_R2_coercion] = {DATA(GR_MBOTH), {"行政强制"}, {NULL},
	{[GR_ED_2019] = C19_ITEMS,[GR_ED_2021] = C21_DECISIONS}},
	[GR_R2_admin_fees] = {DATA(GR_MBOTH), {"行政事业性收费"}, {NULL},
		{[GR_ED_2019] = BIT(T2C_PREV_ITEMS) | BIT(T2C_DELTA),[GR_ED_2021] = BIT(T2C_AMOUNT_WAN)},
		/* 本年度收费金额: seed 000 prints it under a （九） caption */
		{"本年收费金额(单位:万元)", "本年收费金额", "本年度收费金额", "收费金额"},
	{T2C_AMOUNT_WAN, T2C_AMOUNT_WAN, T2C_AMOUNT_WAN, T2C_AMOUNT_WAN}},
	[GR_R2_central_procurement] = {DATA(GR_M19), {"政府集中采购"}, {NULL},
		{[GR_ED_2019] = BIT(T2C_ITEMS) | BIT(T2C_AMOUNT_WAN)},
	{"采购总金额", "总金额"}, {T2C_AMOUNT_WAN, T2C_AMOUNT_WAN}},
};

/* The caption of the sub-table that prints each row: the item of 条例 Art. 20. */
static const char *const t2_row_groups[GR_T2_NROWS] = {
	[GR_R2_rules] = "第二十条第（一）项",[GR_R2_norm_docs] = "第二十条第（一）项",
	[GR_R2_licensing] = "第二十条第（五）项",[GR_R2_other_services] = "第二十条第（五）项",
	[GR_R2_penalty] = "第二十条第（六）项",[GR_R2_coercion] = "第二十条第（六）项",
	[GR_R2_admin_fees] = "第二十条第（八）项",[GR_R2_central_procurement] = "第二十条第（九）项",
};

/* 第二十条第（一）项 …, also OCR'd as 第二十条约 (seed 001) */
static const char *const t2_caption_words[] = {"第二十条", "第二十条约", "第20条", NULL};
static const char *const t2_header_words[] = {"信息内容", NULL};

/* ---- 表三 收到和处理政府信息公开申请情况 ---- */

static const gr_coldef t3_cols[T3_NCOLS] = {
	[T3C_NATURAL_PERSON] = {"natural_person", GR_KIND_COUNT, GR_PK_DATA, T3C_TOTAL, 0, {"自然人"}},
	[T3C_BUSINESS] = {"business", GR_KIND_COUNT, GR_PK_DATA, T3C_ORG_SUM, 0, {"商业企业"}},
	[T3C_RESEARCH] = {"research", GR_KIND_COUNT, GR_PK_DATA, T3C_ORG_SUM, 0, {"科研机构"}},
	[T3C_PUBLIC_WELFARE] = {"public_welfare", GR_KIND_COUNT, GR_PK_DATA, T3C_ORG_SUM, 0, {"社会公益组织"}},
	[T3C_LEGAL_SERVICE] = {"legal_service", GR_KIND_COUNT, GR_PK_DATA, T3C_ORG_SUM, 0, {"法律服务机构"}},
	[T3C_OTHER_ORG] = {"other_org", GR_KIND_COUNT, GR_PK_DATA, T3C_ORG_SUM, 0, {"其他", "其他组织"}},
	[T3C_TOTAL] = {"total", GR_KIND_COUNT, GR_PK_TOTAL, GR_NO_PARENT, 0, {"总计", "合计"}},
	/* 法人或其他组织: derived; a printed 小计 column is a local variant */
	[T3C_ORG_SUM] = {"org_sum", GR_KIND_COUNT, GR_PK_SUBTOTAL, T3C_TOTAL, GR_MBOTH, {"小计"}, {NULL},
	"法人或其他组织"},
};

#define ITEM(parent) GR_PK_DATA, GR_R3_##parent, GR_MBOTH, 0
#define SUBTOTAL(parent) GR_PK_SUBTOTAL, GR_R3_##parent, 0, GR_MBOTH

/* In format order; the subtotals are printed only by local variants (R-T3-04). */
static const gr_rowdef t3_rows[GR_T3_NROWS] = {
	[GR_R3_new_received] = {DATA(GR_MBOTH),
		/* 本年度收…: seed 000 */
	{"一、本年新收政府信息公开申请数量", "一、本年度收政府信息公开申请数量", "一、本年度新收政府信息公开申请数量"}},
	[GR_R3_carried_in] = {DATA(GR_MBOTH), {"二、上年结转政府信息公开申请数量"}},
	[GR_R3_res] = {GR_PK_CAPTION, GR_NO_PARENT, 0, 0, {"三、本年度办理结果"}},
	[GR_R3_granted] = {ITEM(results_total), {"（一）予以公开"}},
	[GR_R3_partial] = {ITEM(results_total),
		/* 只计这一情况: seed 000 */
		{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
		"（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
	"（二）部分公开"}},
	[GR_R3_denied_total] = {SUBTOTAL(results_total), {"（三）不予公开"}},
	[GR_R3_denied_secret] = {ITEM(denied_total), {"1.属于国家秘密"}},
	[GR_R3_denied_law] = {ITEM(denied_total), {"2.其他法律行政法规禁止公开"}},
	[GR_R3_denied_security] = {ITEM(denied_total), {"3.危及“三安全一稳定”"}},
	[GR_R3_denied_third_party] = {ITEM(denied_total), {"4.保护第三方合法权益"}},
	[GR_R3_denied_internal] = {ITEM(denied_total), {"5.属于三类内部事务信息"}},
	[GR_R3_denied_process] = {ITEM(denied_total), {"6.属于四类过程性信息"}},
	[GR_R3_denied_case_file] = {ITEM(denied_total), {"7.属于行政执法案卷"}},
	[GR_R3_denied_query] = {ITEM(denied_total), {"8.属于行政查询事项"}},
	[GR_R3_unable_total] = {SUBTOTAL(results_total), {"（四）无法提供"}},
	/* 本机关不掌握相关信息: seed 000 */
	[GR_R3_unable_not_held] = {ITEM(unable_total), {"1.本机关不掌握相关政府信息", "1.本机关不掌握相关信息"}},
	[GR_R3_unable_need_create] = {ITEM(unable_total), {"2.没有现成信息需要另行制作"}},
	[GR_R3_unable_unclear] = {ITEM(unable_total), {"3.补正后申请内容仍不明确"}},
	[GR_R3_declined_total] = {SUBTOTAL(results_total), {"（五）不予处理"}},
	[GR_R3_declined_petition] = {ITEM(declined_total), {"1.信访举报投诉类申请"}},
	[GR_R3_declined_repeat] = {ITEM(declined_total), {"2.重复申请"}},
	[GR_R3_declined_publication] = {ITEM(declined_total), {"3.要求提供公开出版物"}},
	[GR_R3_declined_excessive] = {ITEM(declined_total), {"4.无正当理由大量反复申请"}},
	[GR_R3_declined_reconfirm] = {ITEM(declined_total), {"5.要求行政机关确认或重新出具已获取信息"}},
	/* gb2019 prints it as one data row; gb2021 splits it in three */
	[GR_R3_other_handling] = {GR_PK_SUBTOTAL, GR_R3_results_total, GR_M19, GR_M21, {"（六）其他处理", "（六）其他"}},
	[GR_R3_other_no_supplement] = {GR_PK_DATA, GR_R3_other_handling, GR_M21, 0,
	{"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"}},
	[GR_R3_other_unpaid_fee] = {GR_PK_DATA, GR_R3_other_handling, GR_M21, 0,
	{"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"}},
	[GR_R3_other_misc] = {GR_PK_DATA, GR_R3_other_handling, GR_M21, 0, {"3.其他"}},
	[GR_R3_results_total] = {GR_PK_TOTAL, GR_NO_PARENT, GR_MBOTH, 0, {"（七）总计", "（七）合计"}},
	[GR_R3_carried_out] = {DATA(GR_MBOTH), {"四、结转下年度继续办理"}},
};

/* ---- 表四 政府信息公开行政复议、行政诉讼情况 ---- */

static const gr_coldef t4_cols[T4_NCOLS] = {
	[T4C_UPHELD] = {"upheld", GR_KIND_COUNT, GR_PK_DATA, T4C_TOTAL, 0, {"结果维持"}},
	[T4C_CORRECTED] = {"corrected", GR_KIND_COUNT, GR_PK_DATA, T4C_TOTAL, 0, {"结果纠正"}},
	[T4C_OTHER] = {"other", GR_KIND_COUNT, GR_PK_DATA, T4C_TOTAL, 0, {"其他结果"}},
	[T4C_PENDING] = {"pending", GR_KIND_COUNT, GR_PK_DATA, T4C_TOTAL, 0, {"尚未审结"}},
	[T4C_TOTAL] = {"total", GR_KIND_COUNT, GR_PK_TOTAL, GR_NO_PARENT, 0, {"总计", "合计"}},
};

/* The groups of columns of the printed table are the rows of the spec. */
static const gr_rowdef t4_rows[GR_T4_NROWS] = {
	[GR_R4_review] = {DATA(GR_MBOTH), {"行政复议"}},
	[GR_R4_suit_direct] = {GR_PK_DATA, GR_R4_suit_all, GR_MBOTH, 0, {"未经复议直接起诉"}},
	[GR_R4_suit_after_review] = {GR_PK_DATA, GR_R4_suit_all, GR_MBOTH, 0, {"复议后起诉"}},
	[GR_R4_suit_all] = {GR_PK_SUBTOTAL, GR_NO_PARENT, 0, GR_MBOTH, {"行政诉讼"}},
};

#define KEY_STRING(k) #k,
static const char *const t2_row_keys[] = {GR_T2_ROW_LIST(KEY_STRING)};
static const char *const t3_row_keys[] = {GR_T3_ROW_LIST(KEY_STRING)};
static const char *const t4_row_keys[] = {GR_T4_ROW_LIST(KEY_STRING)};
static const char *const no_words[] = {NULL};

static const gr_tabledef national_tables[3] = {
	[GR_T2] = {GR_T2, "表二", "主动公开政府信息情况", t2_rows, t2_row_keys, GR_T2_NROWS,
	t2_cols, T2_NCOLS, t2_caption_words, t2_header_words, {false, NULL, NULL, "信息内容", t2_row_groups}},
	[GR_T3] = {GR_T3, "表三", "收到和处理政府信息公开申请情况", t3_rows, t3_row_keys, GR_T3_NROWS,
		t3_cols, T3_NCOLS, no_words, no_words,
	{false, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", NULL, NULL}},
	[GR_T4] = {GR_T4, "表四", "政府信息公开行政复议、行政诉讼情况", t4_rows, t4_row_keys, GR_T4_NROWS,
	t4_cols, T4_NCOLS, no_words, no_words, {true, NULL, NULL, NULL, NULL}},
};

const gr_spec gr_spec_national = {
	national_editions, sizeof(national_editions) / sizeof(national_editions[0]), national_tables
};
const gr_spec *gr_spec_active = &gr_spec_national;
unsigned	gr_spec_generation = 1;	/* 0: a cache not made yet */

static void build_keys(void);

/* Read with another format from now on; the key list follows it. */
void
gr_spec_use(const gr_spec *spec)
{
	const gr_spec *next = spec ? spec : &gr_spec_national;

	if (next == gr_spec_active)
		return;
	gr_spec_active = next;
	if (++gr_spec_generation == 0)
		gr_spec_generation = 1; /* 0 stays "not made" */
	build_keys();
}

/* ---- walking the spec ---- */

const char *
gr_row_key(gr_table t, int row)
{
	return gr_tabledefs[t].row_keys[row];
}

const char *
gr_row_label(gr_table t, int row, gr_edition ed)
{
	const gr_rowdef *r = &gr_tabledefs[t].rows[row];

	return (unsigned) ed < GR_NED && r->official[ed] ? r->official[ed] : r->labels[0];
}

const char *
gr_col_label(gr_table t, int col)
{
	return gr_tabledefs[t].cols[col].labels[0];
}

const char *
gr_col_label_in(gr_table t, int col, gr_edition ed)
{
	const gr_coldef *c = &gr_tabledefs[t].cols[col];

	return (unsigned) ed < GR_NED && c->official[ed] ? c->official[ed] : c->labels[0];
}

bool
gr_row_printed(gr_table t, int row, gr_edition ed)
{
	return (gr_tabledefs[t].rows[row].printed & GR_ED_MASK(ed)) != 0;
}

bool
gr_row_derived(gr_table t, int row, gr_edition ed)
{
	return (gr_tabledefs[t].rows[row].derived & GR_ED_MASK(ed)) != 0;
}

bool
gr_row_in(gr_table t, int row, gr_edition ed)
{
	return gr_row_printed(t, row, ed) || gr_row_derived(t, row, ed);
}

static int
row_children(gr_table t, int row, gr_edition ed, int *out)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			n = 0;

	for (int r = 0; r < td->nrows; r++)
		if (td->rows[r].parent == row && gr_row_in(t, r, ed))
			out[n++] = r;
	return n;
}

/* The leaves under row: printed rows whose children the edition does not print. */
static int
leaves_into(gr_table t, int row, gr_edition ed, int *out, int n, int depth)
{
	int			kids[GR_T3_NROWS];
	int			nk = row_children(t, row, ed, kids);
	bool		printed_kids = false;

	for (int i = 0; i < nk; i++)
		printed_kids |= gr_row_printed(t, kids[i], ed) || gr_row_derived(t, kids[i], ed);
	if (depth > 0 && (!printed_kids || gr_row_printed(t, row, ed)))
	{
		out[n++] = row;
		return n;
	}
	for (int i = 0; i < nk && depth < 8; i++)
		n = leaves_into(t, kids[i], ed, out, n, depth + 1);
	return n;
}

/*
 * Each table's row tree per edition, made once per process and format:
 * the rules, the derived cells and the glued digits ask for a row's
 * children and leaves for every cell they look at, and the answer is
 * format data.
 */
#define TREE_ROWS 64

typedef struct row_tree
{
	unsigned	made;			/* the gr_spec_generation it was made in */
	int8_t		nkids[TREE_ROWS];
	int8_t		kids[TREE_ROWS][TREE_ROWS];
	int8_t		nleaves[TREE_ROWS];
	int8_t		leaves[TREE_ROWS][TREE_ROWS];
} row_tree;

static row_tree row_trees[GR_T4 + 1][GR_NED];

static const row_tree *
tree_of(gr_table t, gr_edition ed)
{
	row_tree   *rt;
	int			nrows;

	if ((unsigned) t > GR_T4 || (unsigned) ed >= GR_NED || (nrows = gr_tabledefs[t].nrows) > TREE_ROWS)
		return NULL;
	rt = &row_trees[t][ed];
	if (rt->made != gr_spec_generation)
	{
		for (int r = 0; r < nrows; r++)
		{
			int			v[GR_T3_NROWS > TREE_ROWS ? GR_T3_NROWS : TREE_ROWS];
			int			n = row_children(t, r, ed, v);

			rt->nkids[r] = (int8_t) n;
			for (int i = 0; i < n; i++)
				rt->kids[r][i] = (int8_t) v[i];
			n = leaves_into(t, r, ed, v, 0, 0);
			rt->nleaves[r] = (int8_t) n;
			for (int i = 0; i < n; i++)
				rt->leaves[r][i] = (int8_t) v[i];
		}
		rt->made = gr_spec_generation;
	}
	return rt;
}

int
gr_row_children(gr_table t, int row, gr_edition ed, int *out)
{
	const row_tree *rt = tree_of(t, ed);

	if (rt == NULL || row < 0 || row >= gr_tabledefs[t].nrows)
		return row_children(t, row, ed, out);
	for (int i = 0; i < rt->nkids[row]; i++)
		out[i] = rt->kids[row][i];
	return rt->nkids[row];
}

int
gr_row_leaves(gr_table t, int row, gr_edition ed, int *out)
{
	const row_tree *rt = tree_of(t, ed);

	if (rt == NULL || row < 0 || row >= gr_tabledefs[t].nrows)
		return leaves_into(t, row, ed, out, 0, 0);
	for (int i = 0; i < rt->nleaves[row]; i++)
		out[i] = rt->leaves[row][i];
	return rt->nleaves[row];
}

int
gr_col_children(gr_table t, int col, int *out)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			n = 0;

	for (int c = 0; c < td->ncols; c++)
		if (td->cols[c].parent == col)
			out[n++] = c;
	return n;
}

int
gr_col_leaves(gr_table t, int col, int *out)
{
	const gr_tabledef *td = &gr_tabledefs[t];
	int			kids[T3_NCOLS + T4_NCOLS];
	int			nk = gr_col_children(t, col, kids),
				n = 0;

	for (int i = 0; i < nk; i++)
	{
		if (td->cols[kids[i]].part == GR_PK_SUBTOTAL)
			n += gr_col_leaves(t, kids[i], out + n);
		else
			out[n++] = kids[i];
	}
	return n;
}

int
gr_t2_row_cols(int row, gr_edition ed, int *out)
{
	unsigned	m = (unsigned) ed < GR_NED ? gr_t2_rows[row].cols[ed] : 0;
	int			n = 0;

	for (int c = 0; c < T2_NCOLS; c++)
		if (m & BIT(c))
			out[n++] = c;
	return n;
}

/* ---- the key list, built once per process from the tables above ---- */

#define GR_MAX_KEYS 320

static gr_keydef keydefs[GR_MAX_KEYS];
int			gr_keys_n;			/* 0 until built (gr_key_index reads it) */

/* the keys by name: open addressing, 1 + key index, 0 for an empty slot */
#define KEY_HASH 1024
static int16_t key_hash[KEY_HASH];

static uint32_t
key_hash_of(const char *key, size_t len)
{
	uint32_t	h = 2166136261u;	/* FNV-1a */

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char) key[i]) * 16777619u;
	return h % KEY_HASH;
}
/* -1 past a table's rows and columns, so that gr_key_index needs no other bounds */
int			gr_key_index_of[3][GR_KEY_ROWS][GR_KEY_COLS];


static void
add_key(gr_table t, int r, int c, unsigned editions, unsigned derived)
{
	gr_keydef  *k = &keydefs[gr_keys_n];
	const gr_coldef *col = &gr_tabledefs[t].cols[c];

	snprintf(k->key, sizeof(k->key), "t%d.%s.%s", (int) t + 2, gr_row_key(t, r), col->key);
	k->row_key = gr_row_key(t, r);
	k->col_key = col->key;
	k->table = t;
	k->row = r;
	k->col = c;
	k->editions = editions;
	k->derived = derived;
	k->kind = (int) col->kind;
	gr_key_index_of[t][r][c] = gr_keys_n;
	gr_keys_n++;
}

/* 表二: per row, the newest edition's columns, then those only older ones have. */
static void
build_t2_keys(void)
{
	for (int r = 0; r < GR_T2_NROWS; r++)
	{
		unsigned	done = 0;

		for (int e = gr_neditions - 1; e >= 0; e--)
		{
			unsigned	m = gr_t2_rows[r].cols[gr_editions[e].ed] & ~done;

			for (int c = 0; c < T2_NCOLS; c++)
			{
				unsigned	eds = 0;

				if (!(m & BIT(c)))
					continue;
				for (int f = 0; f < gr_neditions; f++)
					if (gr_t2_rows[r].cols[gr_editions[f].ed] & BIT(c))
						eds |= GR_ED_MASK(gr_editions[f].ed);
				add_key(GR_T2, r, c, eds, 0);
			}
			done |= m;
		}
	}
}

static void
build_keys(void)
{
	gr_keys_n = 0;
	memset(gr_key_index_of, -1, sizeof(gr_key_index_of));
	build_t2_keys();
	/* 表三 and 表四: every row with cells, every column */
	for (int t = GR_T3; t <= GR_T4; t++)
	{
		const gr_tabledef *td = &gr_tabledefs[t];

		for (int r = 0; r < td->nrows; r++)
		{
			const gr_rowdef *row = &td->rows[r];

			if (row->part == GR_PK_CAPTION)
				continue;
			for (int c = 0; c < td->ncols; c++)
				add_key((gr_table) t, r, c, row->printed | row->derived,
						row->derived | td->cols[c].derived);
		}
	}
	memset(key_hash, 0, sizeof(key_hash));
	for (int i = 0; i < gr_keys_n; i++)
	{
		uint32_t	h = key_hash_of(keydefs[i].key, strlen(keydefs[i].key));

		while (key_hash[h] != 0)
			h = (h + 1) % KEY_HASH;
		key_hash[h] = (int16_t) (i + 1);
	}
}

static void
ensure_keys(void)
{
	if (gr_keys_n == 0)
		build_keys();
}

int
gr_nkeys(void)
{
	ensure_keys();
	return gr_keys_n;
}

const gr_keydef *
gr_keydefs(void)
{
	ensure_keys();
	return keydefs;
}

int
gr_key_find(const char *key, size_t len)
{
	uint32_t	h;

	ensure_keys();
	/* probed in the order they were entered: the first key of that name */
	for (h = key_hash_of(key, len); key_hash[h] != 0; h = (h + 1) % KEY_HASH)
	{
		const char *k = keydefs[key_hash[h] - 1].key;

		if (strlen(k) == len && memcmp(k, key, len) == 0)
			return key_hash[h] - 1;
	}
	return -1;
}

/*
 * The keys in the order of the format of one edition: 表二's columns as
 * that edition prints them, then the other editions'; 表三 and 表四 as
 * listed.  out has room for gr_nkeys() indexes; returns their number.
 */
int
gr_keys_in_order(gr_edition ed, int *out)
{
	int			n = 0;

	ensure_keys();
	for (int r = 0; r < GR_T2_NROWS; r++)
	{
		unsigned	own = (unsigned) ed < GR_NED ? gr_t2_rows[r].cols[ed] : 0;

		if (own == 0)			/* the row is not in this edition: the newest's order */
			own = gr_t2_rows[r].cols[gr_editions[gr_neditions - 1].ed];
		for (int c = 0; c < T2_NCOLS; c++)
			if (own & BIT(c))
				out[n++] = gr_key_index_of[GR_T2][r][c];
		for (int e = gr_neditions - 1; e >= 0; e--)
			for (int c = 0; c < T2_NCOLS; c++)
				if ((gr_t2_rows[r].cols[gr_editions[e].ed] & BIT(c)) && !(own & BIT(c)))
				{
					out[n++] = gr_key_index_of[GR_T2][r][c];
					own |= BIT(c);
				}
	}
	for (int i = 0; i < gr_keys_n; i++)
		if (keydefs[i].table != GR_T2)
			out[n++] = i;
	return n;
}

int
gr_cell_listed(const gr_report *rep, int key)
{
	const gr_keydef *k = &gr_keydefs()[key];
	const gr_cell *c = &rep->cells[key];

	if (c->state != GR_CELL_ABSENT && !c->derived)
		return 1;
	if (rep->edition == GR_ED_UNKNOWN)
		return 0;
	if (!(rep->tables_found & (1u << k->table)))
		return (k->editions & GR_ED_MASK(rep->edition)) != 0 && rep->tables_found != 0;
	return (k->editions & GR_ED_MASK(rep->edition)) != 0;
}
