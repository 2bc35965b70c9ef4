-- govreport--0.1.0--0.2.0.sql: the tables.  Adds the cells of 表二, 表三
-- and 表四 to parse_report's type, and report_cells, report_cell and
-- report_keys.  Field names are the cell keys: (r).requests.new_received.total
-- is the cell t3.new_received.total (the regression suite checks that the
-- two lists are the same).

\echo Use "ALTER EXTENSION govreport UPDATE TO '0.2.0'" to load this file. \quit

-- 表二 主动公开政府信息情况: one type per kind of row
CREATE TYPE govreport_t2_docs AS (
	issued			numeric,	-- gb2021 本年制发件数
	repealed		numeric,	-- gb2021 本年废止件数
	in_force		numeric,	-- gb2021 现行有效件数
	made			numeric,	-- gb2019 本年新制作数量
	published		numeric,	-- gb2019 本年新公开数量
	total_published	numeric		-- gb2019 对外公开总数量
);
CREATE TYPE govreport_t2_items AS (
	prev_items		numeric,	-- gb2019 上一年项目数量
	delta			numeric,	-- gb2019 本年增/减
	decisions		numeric		-- 本年处理决定数量 (gb2019 处理决定数量)
);
CREATE TYPE govreport_t2_fees AS (
	amount_wan		numeric,	-- gb2021 本年收费金额, in 10,000 yuan
	prev_items		numeric,	-- gb2019 上一年项目数量
	delta			numeric		-- gb2019 本年增/减
);
CREATE TYPE govreport_t2_procurement AS (
	items			numeric,	-- gb2019 采购项目数量
	amount_wan		numeric		-- gb2019 采购总金额, in 10,000 yuan
);
CREATE TYPE govreport_t2 AS (
	edition				text,	-- the edition this table follows, as read
	rules				govreport_t2_docs,
	norm_docs			govreport_t2_docs,
	licensing			govreport_t2_items,
	other_services		govreport_t2_items,
	penalty				govreport_t2_items,
	coercion			govreport_t2_items,
	admin_fees			govreport_t2_fees,
	central_procurement	govreport_t2_procurement
);

-- 表三 收到和处理政府信息公开申请情况: every row has the seven applicant
-- columns and the derived legal-person sum
CREATE TYPE govreport_t3_row AS (
	natural_person	numeric,
	business		numeric,
	research		numeric,
	public_welfare	numeric,
	legal_service	numeric,
	other_org		numeric,
	total			numeric,
	org_sum			numeric
);
CREATE TYPE govreport_t3 AS (
	edition				text,
	new_received           govreport_t3_row,
	carried_in             govreport_t3_row,
	granted                govreport_t3_row,
	partial                govreport_t3_row,
	denied_total           govreport_t3_row,
	denied_secret          govreport_t3_row,
	denied_law             govreport_t3_row,
	denied_security        govreport_t3_row,
	denied_third_party     govreport_t3_row,
	denied_internal        govreport_t3_row,
	denied_process         govreport_t3_row,
	denied_case_file       govreport_t3_row,
	denied_query           govreport_t3_row,
	unable_total           govreport_t3_row,
	unable_not_held        govreport_t3_row,
	unable_need_create     govreport_t3_row,
	unable_unclear         govreport_t3_row,
	declined_total         govreport_t3_row,
	declined_petition      govreport_t3_row,
	declined_repeat        govreport_t3_row,
	declined_publication   govreport_t3_row,
	declined_excessive     govreport_t3_row,
	declined_reconfirm     govreport_t3_row,
	other_handling         govreport_t3_row,
	other_no_supplement    govreport_t3_row,
	other_unpaid_fee       govreport_t3_row,
	other_misc             govreport_t3_row,
	results_total          govreport_t3_row,
	carried_out            govreport_t3_row
);

-- 表四 政府信息公开行政复议、行政诉讼情况
CREATE TYPE govreport_t4_row AS (
	upheld		numeric,
	corrected	numeric,
	other		numeric,
	pending		numeric,
	total		numeric
);
CREATE TYPE govreport_t4 AS (
	review				govreport_t4_row,
	suit_direct			govreport_t4_row,
	suit_after_review	govreport_t4_row,
	suit_all			govreport_t4_row
);

ALTER TYPE govreport
	ADD ATTRIBUTE proactive govreport_t2,
	ADD ATTRIBUTE requests govreport_t3,
	ADD ATTRIBUTE review_litigation govreport_t4;

COMMENT ON TYPE govreport IS
'A parsed 政府信息公开工作年度报告: reporting body, statistics year, format edition (gb2019 or gb2021), title, statistics period, publication date, contact, and the cells of 表二 (proactive), 表三 (requests) and 表四 (review_litigation).';
COMMENT ON TYPE govreport_t2 IS '表二 主动公开政府信息情况: cells t2.<row>.<column>, and the edition the table follows.';
COMMENT ON TYPE govreport_t2_docs IS '表二 第二十条第（一）项 row: 规章 or 规范性文件.';
COMMENT ON TYPE govreport_t2_items IS '表二 第二十条第（五）（六）项 row: 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制.';
COMMENT ON TYPE govreport_t2_fees IS '表二 第二十条第（八）项 row: 行政事业性收费.';
COMMENT ON TYPE govreport_t2_procurement IS '表二 第二十条第（九）项 row (gb2019): 政府集中采购.';
COMMENT ON TYPE govreport_t3 IS '表三 收到和处理政府信息公开申请情况: cells t3.<row>.<column>, and the edition the table follows.';
COMMENT ON TYPE govreport_t3_row IS '表三 row: the seven applicant columns and org_sum, the derived sum of the five legal-person columns.';
COMMENT ON TYPE govreport_t4 IS '表四 政府信息公开行政复议、行政诉讼情况: cells t4.<group>.<column>; suit_all is derived.';
COMMENT ON TYPE govreport_t4_row IS '表四 group: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.';

CREATE FUNCTION report_cells(report text,
	OUT key text, OUT value numeric, OUT raw text, OUT unit text, OUT derived boolean, OUT line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_cells'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5000 ROWS 220;

COMMENT ON FUNCTION report_cells(text) IS
'Every cell of the report''s tables as rows, in format order: the cells of its edition (blank ones included, value NULL) and any cell of the other edition it prints; value is NULL unless a number was read with certainty, raw is the text as written, unit the unit written in the cell, line the input line.';

CREATE FUNCTION report_cell(report text, key text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'gr_report_cell'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5000;

COMMENT ON FUNCTION report_cell(text, text) IS
'The value of one cell, by key (t3.new_received.total): NULL when the cell is blank, missing or could not be placed with certainty; an unknown key is an error.';

CREATE FUNCTION report_keys(
	OUT key text, OUT tab text, OUT row_key text, OUT col_key text,
	OUT gb2019 boolean, OUT gb2021 boolean, OUT derived boolean)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_keys'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 300;

COMMENT ON FUNCTION report_keys() IS
'Every cell key govreport knows, in format order: its table (t2, t3, t4), row and column, the editions whose format has it, and whether it is derived (computed, not printed) in some edition.';
