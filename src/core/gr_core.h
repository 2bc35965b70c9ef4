/*
 * gr_core.h — public interface of the govreport core library.
 *
 * The core turns the UTF-8 text of a 政府信息公开工作年度报告 into a plain C
 * struct: who reported, for which year, in which format edition, where the
 * six sections are.  It includes no PostgreSQL header: memory comes from
 * the allocator in gr_env, failures are returned as a gr_status plus a
 * gr_error, and the core never prints, exits or longjmps.  PostgreSQL
 * (src/pg), the unit tests, the fuzzer and the command-line tool are all
 * callers of gr_parse().
 */
#ifndef GR_CORE_H
#define GR_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GR_VERSION "0.4.0"

/* Status codes; the glue maps them to SQLSTATEs. */
typedef enum gr_status
{
	GR_OK = 0,
	GR_ENOMEM,					/* the allocator returned NULL */
	GR_EINTR,					/* env->interrupted() asked us to stop */
	GR_EICU,					/* ICU could not be set up */
	GR_ETOOBIG,					/* input beyond what offsets can address */
	GR_EARG						/* caller passed something invalid */
} gr_status;

typedef struct gr_error
{
	gr_status	status;
	int			line;			/* 1-based input line the error concerns, 0 if none */
	char		message[160];	/* lower case, no final period */
	char		detail[240];	/* a full sentence, or empty */
} gr_error;

/*
 * What the caller lends the core.  alloc() serves one call; everything it
 * returned is released by the caller in one go after the result has been
 * copied out.  persist_alloc() serves process-lifetime caches (the folding
 * table); it may be the same as malloc.  Both return NULL on failure.
 * interrupted() is polled in long loops; non-zero makes the core return
 * GR_EINTR promptly.  It may be NULL.
 *
 * The core also keeps what depends on the format alone for the process,
 * in static memory (the plans of derived cells, the memos of label
 * matches, folds and 表二's votes, keyed by text and gr_spec_generation):
 * it serves one thread at a time, as a PostgreSQL backend is.
 */
typedef struct gr_env
{
	void	   *(*alloc) (void *ctx, size_t size);
	void	   *alloc_ctx;
	void	   *(*persist_alloc) (size_t size);
	int			(*interrupted) (void);
} gr_env;

/* A piece of text: points into the report's own text or into the arena. */
typedef struct gr_str
{
	const char *ptr;
	uint32_t	len;
} gr_str;

typedef struct gr_date
{
	int			year;			/* 0 when absent */
	int			month;
	int			day;
} gr_date;

typedef enum gr_edition
{
	GR_ED_UNKNOWN = 0,
	GR_ED_2019,					/* 国办公开办函〔2019〕60号, report years 2019–2020 */
	GR_ED_2021					/* 国办公开办函〔2021〕30号, report years 2021– */
} gr_edition;

/* Sections: 0 is the text before section 一, 1..6 the official sections. */
#define GR_NSECTIONS 7
typedef enum gr_section_key
{
	GR_SEC_PREAMBLE = 0,
	GR_SEC_OVERVIEW,
	GR_SEC_PROACTIVE,
	GR_SEC_REQUESTS,
	GR_SEC_REVIEW,
	GR_SEC_PROBLEMS,
	GR_SEC_OTHER
} gr_section_key;

typedef struct gr_section
{
	gr_section_key key;
	gr_str		heading;		/* as printed, trimmed; empty for the preamble */
	gr_str		body;			/* original text between this heading and the next */
	int			line;			/* line of the heading (preamble: its first line) */
	int			body_line;		/* first line of the body, 0 when the body is empty */
	/* the core's own: indexes into its line list, for the steps after the outline */
	int			head_doc_line;	/* the heading's line (preamble: -1) */
	int			first_doc_line; /* first line of the body */
	int			end_doc_line;	/* one past the last line of the body */
} gr_section;

/* ---- cells of 表二, 表三 and 表四 ---- */

typedef enum gr_table
{
	GR_T2 = 0,					/* 主动公开政府信息情况 */
	GR_T3,						/* 收到和处理政府信息公开申请情况 */
	GR_T4						/* 政府信息公开行政复议、行政诉讼情况 */
} gr_table;

/* One cell key (spec §9): t3.new_received.natural_person and its place. */
typedef struct gr_keydef
{
	char		key[48];
	gr_table	table;
	int			row;			/* index into the table's rows (gr_format.c) */
	int			col;			/* index into the table's columns */
	const char *row_key;		/* new_received */
	const char *col_key;		/* natural_person */
	unsigned	editions;		/* bit (1 << gr_edition) for each edition that has the cell */
	unsigned	derived;		/* editions in which the cell is computed, not printed */
	int			kind;			/* gr_value_kind: count, signed count, money */
} gr_keydef;

extern int	gr_nkeys(void);
extern const gr_keydef *gr_keydefs(void);
extern int	gr_key_find(const char *key, size_t len);	/* -1 if unknown */
extern int	gr_keys_in_order(gr_edition ed, int *out);	/* format order of an edition */

typedef enum gr_cell_state
{
	GR_CELL_ABSENT = 0,			/* its row or table is not in the text */
	GR_CELL_BLANK,				/* the layout shows an empty cell */
	GR_CELL_NUMBER,
	GR_CELL_DASH,				/* —, /, 无: stated as nothing */
	GR_CELL_TEXT,				/* something unreadable stands where a number belongs */
	GR_CELL_UNPLACED			/* the row has numbers but their columns cannot be proved */
} gr_cell_state;

/* A report has one for each of its 281 keys: the fields ordered so that no padding is left (64 bytes). */
typedef struct gr_cell
{
	int64_t		mant;			/* value = mant / 10^scale, for GR_CELL_NUMBER */
	gr_str		raw;			/* the cell as written (number, dash, text): read it with gr_cell_raw */
	gr_str		unit;			/* 万元, 元, 件 … when written in the cell */
	gr_cell_state state;
	int			scale;
	int			line;			/* input line of the cell, 0 if none */

	/*
	 * The text of a cell read from a token is cut from the input only when
	 * asked (gr_cell_raw): the map search and the trim were a fifth of
	 * placing the cells, and parse_report lists none of them.  raw_to > 0:
	 * the cell is the folded text [raw_from, raw_to) of the report's
	 * document, and raw is unset.
	 */
	uint32_t	raw_from;
	uint32_t	raw_to;
	/* flags, last and a byte each: the cell stays at 64 bytes */
	uint8_t		derived;		/* computed from other cells, not printed */
	uint8_t		by_sum;			/* digits glued to others, read by the row's arithmetic (R-PARSE-06) */
	uint8_t		by_text;		/* … read where the report's prose states the cell (R-PARSE-06) */
} gr_cell;

/* ---- findings ---- */

typedef enum gr_severity
{
	GR_SEV_ERROR = 0,
	GR_SEV_WARNING,
	GR_SEV_INFO
} gr_severity;

#define GR_FINDING_MAX_CELLS 32

/* An exact decimal: mant / 10^scale. */
typedef struct gr_num
{
	int64_t		mant;
	int			scale;
	int			set;			/* 0: no value */
} gr_num;

typedef struct gr_finding
{
	const char *rule;			/* R-T3-01 …, or R-PARSE-* for what the parser could not read */
	gr_severity severity;
	gr_str		message;		/* Chinese, for the reviewer */
	int			cells[GR_FINDING_MAX_CELLS];	/* key indexes involved */
	int			ncells;
	int			line;			/* input line, 0 if none */
	gr_str		raw;			/* text the finding is about, if any */
	gr_num		expected;		/* what the rule computes from the parts */
	gr_num		actual;			/* what the report states */
	bool		message_own;	/* the message holds the format's own words, keys and
								 * numbers only, no text of the report: valid UTF-8
								 * without a NUL, as it was made */
} gr_finding;

/* ---- what the prose states ---- */

/*
 * One statement of the report's prose, found once by gr_parse so that the
 * rules compare tables with text without reading the text again.
 */
typedef struct gr_fact
{
	int			stated;			/* 1 when the text says it */
	gr_num		value;			/* the number it states, for a count (value.set) */
	int			line;			/* input line of the phrase, 0 when not stated */
} gr_fact;

typedef struct gr_facts
{
	gr_fact		no_requests;	/* 未收到政府信息公开申请 … (sections 一, 三, 四) */
	gr_fact		requests;		/* 收到/受理/办理…申请 N 件 (一, 三): the first count */
	int			requests_include_carried;	/* its verb was 受理/办理, which may count 上年结转 */
	gr_fact		no_cases;		/* 未发生行政复议、行政诉讼 … (一, 三, 四) */
	gr_fact		review_cases;	/* 行政复议 N 件 (一, 四): the first count */
	gr_fact		suit_cases;		/* 行政诉讼 N 件 (一, 四) */
	gr_fact		fee_statement;	/* section 六 speaks of 信息处理费 (国办函〔2020〕109号) */
	gr_fact		norm_docs;		/* section 一: 规范性文件 N 件 */
	gr_fact		norm_docs_issued;	/* section 一: 制发(的)(行政)规范性文件 N 件, the year's 制发 */
	gr_fact		prev_year_problems; /* section 五 speaks of last year (上年, 去年 …) */

	/*
	 * Per gr_section_key: 1 when the heading line as printed is the official
	 * heading (folded, punctuation aside: 一、 and 一. are alike), 0 for a
	 * variant or a section the text lacks.  The line is the section's.
	 */
	int			heading_official[GR_NSECTIONS];
} gr_facts;

/*
 * The rule set.  Each release that changes which rules exist or what they
 * accept gets a new version; gr_check(…, version) evaluates the rules of
 * an older version, so that a CHECK constraint written against it keeps
 * its meaning across upgrades.
 */
#define GR_RULESET_VERSION 1

typedef struct gr_report
{
	int			is_report;		/* 0: nothing in the text looks like a report */
	gr_str		org;
	gr_str		title;
	int			year;			/* statistics year, 0 when unknown */
	gr_edition	edition;
	int			edition_mixed;	/* 1 when tables show both editions */
	int			fp2019;			/* fingerprints of each edition that were seen */
	int			fp2021;
	gr_date		period_start;
	gr_date		period_end;
	gr_date		published;
	gr_str		phone;
	gr_str		email;
	gr_str		address;
	int			nsections;
	gr_section	sections[GR_NSECTIONS]; /* in text order */
	int			replaced_bytes; /* invalid UTF-8 sequences replaced by U+FFFD */

	/* the tables: one cell per key of gr_keydefs(), in that order */
	gr_cell    *cells;
	int			ncells;
	gr_edition	edition_t2;		/* the edition each table follows, as read */
	gr_edition	edition_t3;
	int			tables_found;	/* bit (1 << gr_table) for each table read */

	gr_facts	facts;			/* what the prose states, for the rules that compare it */

	/*
	 * findings[0 .. nparse_findings) are the parser's (R-PARSE-*), the rest
	 * those of the last gr_check, which keeps the parser's and replaces the
	 * rest.  A caller lists the rules' findings from nparse_findings on.
	 * Each call that adds findings writes them to memory of its own call, so
	 * a shallow copy of a parsed report can be checked without touching the
	 * original.
	 */
	gr_finding *findings;
	int			nfindings;
	int			nparse_findings;

	/* the document the cells' text is cut from (gr_cell_raw), in the parse's memory */
	const struct gr_doc *doc;
} gr_report;

/*
 * Parse one report.  text need not be NUL-terminated and may contain
 * invalid UTF-8 (it is replaced).  On GR_OK *out is set; otherwise err says
 * why.  All memory comes from env->alloc.
 */
extern gr_status gr_parse(const gr_env *env, const char *text, size_t len,
						  gr_report **out, gr_error *err);

/*
 * Evaluate the rules (spec §6) of rule-set version `version` (0: the
 * current one) over a parsed report, appending findings after the
 * parser's own.  Never changes a cell.
 */
extern gr_status gr_check(const gr_env *env, gr_report *rep, int version, gr_error *err);

/*
 * The rules across two years of one body (R-T3-08, R-T2-03, R-T2-04):
 * findings about cur, in a report of their own (*out).
 */
extern gr_status gr_check_pair(const gr_env *env, const gr_report *prev, const gr_report *cur,
							   int version, gr_report **out, gr_error *err);

/* 0 → the current rule set; GR_EARG (and err filled) for a version this build lacks. */
extern gr_status gr_ruleset_resolve(int *version, gr_error *err);

/* "error", "warning", "info" */
extern const char *gr_severity_name(gr_severity sev);

/*
 * Is cell key a cell of the report to list (report_cells, the command-line
 * tool)?  The cells of the report's edition, and whatever of another
 * edition the report prints.
 */
extern int	gr_cell_listed(const gr_report *rep, int key);

/*
 * The cell as written in the input (empty for none), for a cell of rep:
 * cut from the report's text when asked, so every reader of a cell's text
 * goes through here rather than reading raw.
 */
extern gr_str gr_cell_raw(const gr_report *rep, const gr_cell *c);

/*
 * What report_cells and govreport cells say of a cell (gr_keyinfo.c): the
 * name of its state (number, blank, dash, text, unplaced, absent, derived,
 * by_sum; NULL for a state this build does not know), and the official
 * Chinese labels of its row (as edition ed prints it, else the newest
 * edition that has the key) and of its column.
 */
extern const char *gr_cell_state_name(const gr_cell *c);
extern const char *gr_key_row_label(int key, gr_edition ed);
extern const char *gr_key_col_label(int key, gr_edition ed);

/* Does an error-severity finding exist? */
extern int	gr_has_errors(const gr_report *rep);

/* The rule table: count, and entry i (NULL past the end). */
extern int	gr_rule_count(void);
extern const char *gr_rule_info(int i, gr_severity *sev, int *since, int *until,
								unsigned *editions, const char **what);

/* Names used by every caller, so that spellings live in one place. */
extern const char *gr_section_key_name(gr_section_key key);
extern const char *gr_edition_name(gr_edition ed);

#endif							/* GR_CORE_H */
