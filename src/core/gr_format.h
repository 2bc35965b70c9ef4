/*
 * gr_format.h — the national format as a declarative spec: the editions
 * (name, document, report years, fingerprints) and, per table, its rows
 * and columns with their kind (data, caption, subtotal, total), parent,
 * editions and labels.  Derived cells, the sums the rules check, R-GEN-01,
 * the edition decision, the docs and the SQL types all walk these tables;
 * nothing else names a row or a column.
 *
 * Rows and columns are named in code by compile-time constants
 * (GR_R3_new_received, T3C_TOTAL): a rule that names a row the format
 * lacks does not compile.  The constants come from the X-macro lists
 * below, which also give each row its key, so a row's id and its key
 * cannot disagree.
 */
#ifndef GR_FORMAT_H
#define GR_FORMAT_H

#include <stdbool.h>

#include "gr_core.h"

#define GR_ED_MASK(ed) (1u << (ed))
#define GR_M19 GR_ED_MASK(GR_ED_2019)
#define GR_M21 GR_ED_MASK(GR_ED_2021)
#define GR_MBOTH (GR_M19 | GR_M21)
#define GR_NED 4				/* gr_edition values, GR_ED_UNKNOWN included, and room
								 * for one edition declared as data only (a test's toy) */

/* ---- editions ---- */

typedef struct gr_edition_def
{
	gr_edition	ed;
	const char *name;			/* gb2019 */
	const char *document;		/* 国办公开办函〔2019〕60号 */
	int			first_year;		/* report years it serves */
	int			last_year;		/* 0: still in force */
	const char *const *fingerprints;	/* compact texts only this edition prints */
} gr_edition_def;


/* ---- rows and columns ---- */

/* What a value may be. */
typedef enum gr_value_kind
{
	GR_KIND_COUNT = 0,			/* integer >= 0 */
	GR_KIND_SIGNED,				/* integer, may carry a sign (本年增/减) */
	GR_KIND_MONEY				/* decimal, in 万元 */
} gr_value_kind;

/*
 * What a row (or column) is.  A subtotal is the sum of its children
 * (the rows whose parent it is) in the editions where it is derived; an
 * edition may print it as a data row of its own instead (gb2019's
 * （六）其他处理).  A total is printed and equals the sum of the leaves
 * under it, which the rules check.
 */
typedef enum gr_part_kind
{
	GR_PK_DATA = 0,
	GR_PK_CAPTION,				/* a label of the layout that holds no cells */
	GR_PK_SUBTOTAL,
	GR_PK_TOTAL
} gr_part_kind;

#define GR_MAX_LABELS 8
#define GR_NO_PARENT (-1)

typedef struct gr_coldef
{
	const char *key;
	gr_value_kind kind;
	gr_part_kind part;
	int			parent;			/* the column it is counted in, GR_NO_PARENT */
	unsigned	derived;		/* editions in which the column is computed */
	const char *labels[GR_MAX_LABELS];	/* header texts that name the column */
	/* the printed layout (gr_sheet): an edition's own header, where it differs from labels[0] */
	const char *official[GR_NED];
	const char *group_label;	/* a subtotal's header over its columns (法人或其他组织) */
} gr_coldef;

typedef struct gr_rowdef
{
	gr_part_kind part;
	int			parent;			/* the row it is counted in, GR_NO_PARENT */
	unsigned	printed;		/* editions that print the row with numbers */
	unsigned	derived;		/* editions where the row is computed from its children */
	const char *labels[GR_MAX_LABELS];	/* first the official label, then variants */
	const char *official[GR_NED];	/* an edition's own official label, where it differs */
	/* 表二 only: the row's columns in each edition, as bits of T2C_* */
	unsigned	cols[GR_NED];
	/* 表二 only: header texts that name a column for this row alone */
	const char *own_labels[4];
	int			own_cols[4];
} gr_rowdef;

/* The row lists, in format order: each X(key) is one row. */
#define GR_T2_ROW_LIST(X) \
	X(rules) X(norm_docs) X(licensing) X(other_services) X(penalty) X(coercion) \
	X(admin_fees) X(central_procurement)

#define GR_T3_ROW_LIST(X) \
	X(new_received) X(carried_in) X(res) X(granted) X(partial) \
	X(denied_total) X(denied_secret) X(denied_law) X(denied_security) X(denied_third_party) \
	X(denied_internal) X(denied_process) X(denied_case_file) X(denied_query) \
	X(unable_total) X(unable_not_held) X(unable_need_create) X(unable_unclear) \
	X(declined_total) X(declined_petition) X(declined_repeat) X(declined_publication) \
	X(declined_excessive) X(declined_reconfirm) \
	X(other_handling) X(other_no_supplement) X(other_unpaid_fee) X(other_misc) \
	X(results_total) X(carried_out)

#define GR_T4_ROW_LIST(X) X(review) X(suit_direct) X(suit_after_review) X(suit_all)

#define GR_ROW_ENUM2(k) GR_R2_##k,
#define GR_ROW_ENUM3(k) GR_R3_##k,
#define GR_ROW_ENUM4(k) GR_R4_##k,
typedef enum gr_t2_row
{
	GR_T2_ROW_LIST(GR_ROW_ENUM2) GR_T2_NROWS
} gr_t2_row;
typedef enum gr_t3_row
{
	GR_T3_ROW_LIST(GR_ROW_ENUM3) GR_T3_NROWS
} gr_t3_row;
typedef enum gr_t4_row
{
	GR_T4_ROW_LIST(GR_ROW_ENUM4) GR_T4_NROWS
} gr_t4_row;

/* 表二 columns */
enum
{
	T2C_ISSUED, T2C_REPEALED, T2C_IN_FORCE, T2C_MADE, T2C_PUBLISHED, T2C_TOTAL_PUBLISHED,
	T2C_PREV_ITEMS, T2C_DELTA, T2C_DECISIONS, T2C_ITEMS, T2C_AMOUNT_WAN, T2_NCOLS
};

/* 表三 columns: the seven printed ones, then the derived legal-person sum */
enum
{
	T3C_NATURAL_PERSON, T3C_BUSINESS, T3C_RESEARCH, T3C_PUBLIC_WELFARE, T3C_LEGAL_SERVICE,
	T3C_OTHER_ORG, T3C_TOTAL, T3C_ORG_SUM, T3_NCOLS
};
#define T3_PRINTED_COLS 7

/* 表四 columns */
enum
{
	T4C_UPHELD, T4C_CORRECTED, T4C_OTHER, T4C_PENDING, T4C_TOTAL, T4_NCOLS
};
#define T4_PRINTED_GROUPS 3

/*
 * How the format prints a table, beyond its rows and columns: the header
 * texts that hold no cell, and the table's shape.  Nothing in the parser
 * reads this; the review sheet (gr_sheet) draws the table from it.
 */
typedef struct gr_printed
{
	bool		groups_across;	/* the spec's rows are printed side by side as groups of
								 * columns over one line of values (表四) */
	const char *corner;			/* the header over the row labels (表三: the balance note) */
	const char *col_caption;	/* a header over every column (表三: 申请人情况) */
	const char *row_header;		/* the labels' header in each sub-table (表二: 信息内容) */
	const char *const *row_groups;	/* per row, the caption of the sub-table printing it
									 * (表二: 第二十条第（一）项); NULL: no sub-tables */
} gr_printed;

/* One table of the format. */
typedef struct gr_tabledef
{
	gr_table	table;
	const char *name;			/* 表二 */
	const char *caption;		/* its title in the format */
	const gr_rowdef *rows;
	const char *const *row_keys;
	int			nrows;
	const gr_coldef *cols;
	int			ncols;
	const char *const *caption_words;	/* words of captions and headers that hold no cell */
	const char *const *header_words;
	gr_printed	printed;		/* how the format prints it */
} gr_tabledef;

/*
 * The format the parser reads: the editions, oldest first, and the three
 * tables.  gr_spec_national is the format of 国办公开办函〔2019〕60号 and
 * 〔2021〕30号; a caller may declare another in data (gr_spec_use) — a
 * third edition needs no code.  Its words (labels, aliases, captions) are
 * well-formed UTF-8, as the national format's are: the rules' messages
 * are made of them and passed on as they are (gr_finding.message_own).
 */
typedef struct gr_spec
{
	const gr_edition_def *editions;
	int			neditions;
	const gr_tabledef *tables;	/* [3], by gr_table */
} gr_spec;

extern const gr_spec gr_spec_national;
extern const gr_spec *gr_spec_active;

/*
 * Counted up by every gr_spec_use() that changes the format: what a cache
 * made of format data holds is its own only while its generation is this.
 */
extern unsigned gr_spec_generation;
extern void gr_spec_use(const gr_spec *spec);	/* NULL: the national format */

#define gr_editions (gr_spec_active->editions)
#define gr_neditions (gr_spec_active->neditions)
#define gr_tabledefs (gr_spec_active->tables)

/* Shorthands for the tables' arrays. */
#define gr_t2_rows (gr_tabledefs[GR_T2].rows)
#define gr_t3_rows (gr_tabledefs[GR_T3].rows)
#define gr_t4_rows (gr_tabledefs[GR_T4].rows)
#define gr_t2_cols (gr_tabledefs[GR_T2].cols)
#define gr_t3_cols (gr_tabledefs[GR_T3].cols)
#define gr_t4_cols (gr_tabledefs[GR_T4].cols)

/* ---- walking the spec ---- */

extern const char *gr_row_key(gr_table t, int row);
extern const char *gr_row_label(gr_table t, int row, gr_edition ed);	/* official */
extern const char *gr_col_label(gr_table t, int col);
extern const char *gr_col_label_in(gr_table t, int col, gr_edition ed);	/* official in ed */
extern bool gr_row_in(gr_table t, int row, gr_edition ed);	/* printed or derived */
extern bool gr_row_printed(gr_table t, int row, gr_edition ed);
extern bool gr_row_derived(gr_table t, int row, gr_edition ed);

/*
 * The rows counted directly in `row` in edition ed (its children that the
 * edition has), and the leaves under it: printed rows without printed
 * children, subtotals expanded.  out has room for a table's rows; the
 * number written is returned.
 */
extern int	gr_row_children(gr_table t, int row, gr_edition ed, int *out);
extern int	gr_row_leaves(gr_table t, int row, gr_edition ed, int *out);
extern int	gr_col_children(gr_table t, int col, int *out);
extern int	gr_col_leaves(gr_table t, int col, int *out);

/* 表二: the columns a row has in an edition, in format order; their number. */
extern int	gr_t2_row_cols(int row, gr_edition ed, int *out);

/* ---- the key list ---- */

/*
 * The key of a cell, -1 if there is no such cell: asked hundreds of times
 * a parse (every placed row, every derived cell), so a look-up in a table
 * built with the keys (gr_format.c), -1 past each table's rows and
 * columns.
 */
#define GR_KEY_ROWS GR_T3_NROWS	/* more than any table has */
#define GR_KEY_COLS 12			/* more than any table has (T2_NCOLS is 11) */
extern int	gr_keys_n;
extern int	gr_key_index_of[3][GR_KEY_ROWS][GR_KEY_COLS];
extern int	gr_nkeys(void);

static inline int
gr_key_index(gr_table table, int row, int col)
{
	if (gr_keys_n == 0)
		(void) gr_nkeys();		/* builds the keys */
	if ((unsigned) table > GR_T4 || (unsigned) row >= GR_KEY_ROWS || (unsigned) col >= GR_KEY_COLS)
		return -1;
	return gr_key_index_of[table][row][col];
}

#endif							/* GR_FORMAT_H */
