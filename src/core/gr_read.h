/*
 * gr_read.h — what the table readers share: the reader's state over the
 * token stream of one section, and the helpers that turn tokens into
 * cells and rows into placed values.
 */
#ifndef GR_READ_H
#define GR_READ_H

#include "gr_grid.h"
#include "gr_label.h"
#include "gr_tables.h"

/* A glued row with a few readings, left for its table's balance (gr_digits.c). */
#define GR_READINGS_MAX 16
#define GR_PENDING_MAX 8
typedef struct gr_digits_row
{
	int			keys[9];
	int			ncols;
	int			nread;
	int64_t		val[GR_READINGS_MAX][9];
	int			line;
	int			finding;		/* its R-PARSE-07, -1 when none */
	gr_str		label;			/* the row's label and digits, for the finding */
	gr_str		raw;
} gr_digits_row;

/* Room for a token label-folded (gr_label_fold): a label and its wrapped pieces. */
#define GR_LFOLD_MAX 768

typedef struct gr_reader
{
	gr_ctx	   *ctx;
	const gr_doc *doc;
	gr_report  *rep;
	gr_grid		grid;
	char		lf[GR_LFOLD_MAX];	/* the current token, label-folded */
	size_t		lflen;
	gr_digits_row pending[GR_PENDING_MAX];	/* glued rows with several readings */
	int			npending;
} gr_reader;

/* gr_cells.c */
extern void gr_rd_lfold(gr_reader *rd, const gr_tok *t);
extern size_t gr_label_fold(const char *s, size_t len, char *out, size_t cap);
extern size_t gr_label_fold_cont(const char *s, size_t len, char *out, size_t cap);
extern gr_str gr_tok_raw(const gr_doc *doc, const gr_tok *t);
extern bool gr_rd_is_narrative(const gr_reader *rd, const gr_tok *t);
extern int	gr_cell_rank(gr_cell_state s);
extern void gr_rd_set_cell(gr_reader *rd, int key, const gr_tok *t, gr_cell_state st);
extern gr_cell_state gr_tok_state(const gr_tok *t);
extern gr_str gr_rd_values_raw(gr_reader *rd, const int *vals, int n);
extern void gr_rd_mark_unplaced(gr_reader *rd, const int *keys, int n, gr_str raw, int line,
								gr_finding *f);

/* gr_place.c */
extern void gr_rd_place_row(gr_reader *rd, const char *table_name, gr_str row_label, int label_tok,
							const int *keys, int ncols, const int *vals, int n, int label_line,
							bool align_right, const int *col_slots);
extern void gr_rd_unplace_pieces(gr_reader *rd, const char *table_name, const int *keys, int ncols,
								 const int *vals, int n, const int *piece_len, int npieces);

/* gr_digits.c */
extern void gr_digits_place(gr_reader *rd, const char *table_name, gr_str row_label, const int *keys,
							int ncols, const int *vals, int n);

extern void gr_digits_balance(gr_reader *rd);

/* gr_match.c */
extern gr_label_match gr_rd_join_next_line(gr_reader *rd, int i, const gr_rowdef *rows, int nrows,
										   int current, int *cont);

/* gr_cols_t2.c: 表二's headers */
#define GR_T2_HEADER_BYTES 1024 /* texts beyond are not kept */
typedef struct gr_t2_header
{
	uint32_t	from[8];		/* header texts, label-folded, in buf */
	uint32_t	len[8];
	int			slot[8];		/* their field in the line, -1 if the layout has none */
	int			width[8];		/* the fields of that line */
	int			n;
	char	   *buf;			/* grown as texts come (most headers hold a few words) */
	uint32_t	cap;
	uint32_t	used;
} gr_t2_header;

extern int	gr_t2_default_cols(int row, gr_edition ed, int *cols);
extern void gr_t2_text_votes(gr_ctx *ctx, const char *t, size_t tlen, int *votes);
extern void gr_t2_header_add(gr_ctx *ctx, gr_t2_header *h, const char *t, size_t len, int slot,
							 int width);
extern int	gr_t2_header_cols(const gr_t2_header *h, int row, int *cols, int *slots, int *width);
extern bool gr_t2_names_column(const char *t, size_t tlen);

/* ---- the one reader (gr_read.c) and its column models ---- */

#define GR_WHOLE_TABLE (-2)		/* the table's one printed row (表四 as one row of fifteen) */

/* A row of the table as read: its label and the values that followed it. */
typedef struct gr_read_row
{
	int			row;			/* spec row, or GR_WHOLE_TABLE */
	int			label_tok;		/* grid cell of its label, -1 for none */
	int			line;			/* document line of its label */
	int			first;			/* its values: walk->vals[first .. first + n) */
	int			n;
	int			header;			/* the header in force, as the column model counts them */
	bool		apart;			/* values on a line of their own after a label that got none */
	bool		off_line;		/* values on a line of their own (apart, if the row before got none) */
	bool		loose_before;	/* numbers no row took came just before it (gr_loose_place) */
	int			filled;			/* of its values, those that are no empty cell */
	bool		doubt;			/* only empty cells on its line, numbers on a later line of its label */
} gr_read_row;

typedef struct gr_walk gr_walk;

/* Values the walk found no row for: a row of the layout with no label, or a piece of one. */
typedef struct gr_loose_run
{
	int			first;			/* walk->loose_vals[first .. first + n) */
	int			n;
	int			after;			/* the walk's rows read before it */
	int			label_tok;		/* the piece of label on its line, -1 for none */
	int			line;			/* its grid line */
	bool		placed;			/* given its row (gr_loose_place) */
} gr_loose_run;

/* What a header cell did: nothing, was taken by the header, or began a new header. */
typedef enum gr_hdr
{
	GR_HDR_NONE = 0,
	GR_HDR_TAKEN,
	GR_HDR_BREAK
} gr_hdr;

typedef enum gr_narrative_policy
{
	GR_NARR_ENDS_ROW = 0,		/* a sentence ends the row being read (表二: sub-tables follow) */
	GR_NARR_ENDS_AFTER_ROW,		/* … and the table, once a row was read (表三) */
	GR_NARR_ENDS_AFTER_VALUES	/* … and the table, once values were read (表四) */
} gr_narrative_policy;

/*
 * How one table is read: which labels name its rows and how strongly,
 * what its header cells do, and its column model, which decides the
 * edition and places the rows read.  Data per table (gr_cols_t2/3/4.c);
 * the walk over the grid is one (gr_read.c).
 */
typedef struct gr_table_policy
{
	gr_table	table;
	const char *name;			/* 表二, for findings */
	int			label_rows;		/* rows whose labels are looked for */
	bool		by_order;		/* weak label tiers for the rows just ahead of those read */
	gr_label_tier max_tier;		/* the weakest tier a label may match with */
	size_t		min_part_bytes; /* a piece of a label shorter than this names no row */
	size_t		max_label_bytes;	/* longer text names no row; 0 for no limit */
	bool		whole_table_row;	/* values before any label are the table's one printed row */
	bool		layout_rows;	/* a new row of the layout after a row's values ends it, a line
								 * whose label named no row keeps its numbers, and values on a
								 * line apart from their label after one that got none are not
								 * placed (表三: labels and values share the layout's rows) */
	bool		label_again_any_tier;	/* the label again where the value belongs, however matched */
	gr_narrative_policy narrative;
	size_t		model_size;		/* bytes of the column model's state */
	/* makes the state ready to use; NULL: all zero */
	void		(*model_init) (void *model);
	/* a text cell before its label is looked for (unmatched false), and again when it named no row */
	gr_hdr		(*header) (gr_walk *w, int i, const gr_tok *t, bool unmatched);
	void		(*finish) (gr_walk *w);
} gr_table_policy;

struct gr_walk
{
	gr_reader  *rd;
	const gr_table_policy *pol;
	int		   *vals;			/* grid cells of the rows' values, row after row */
	int			nvals;
	gr_read_row *rows;
	int			nrows;
	int			rows_cap;
	int			cur;			/* index in rows of the row being read, -1 for none */
	int			order;			/* furthest row read, for weak labels */
	int			orphan_line;	/* a line whose label named no row */
	int			orphan_tok;		/* … its label */
	int			orphan_reported;	/* the orphan line last reported */
	int			skip_tok;		/* the second line of a wrapped label */
	int			header;			/* the header in force, as the column model counts them */
	bool		row_done;		/* a new layout row began after the values */
	bool		prev_pending;	/* the last data row had no values */
	bool		any_values;
	void	   *model;			/* the column model's state */
	gr_loose_run *loose;		/* layout_rows tables: values that found no row (gr_loose.c) */
	int			nloose;
	int			loose_cap;
	int		   *loose_vals;
	int			nloose_vals;
};

extern void gr_read_table(gr_reader *rd, const gr_table_policy *pol, int from, int to);
extern const gr_table_policy gr_t2_policy;
extern const gr_table_policy gr_t3_policy;
extern const gr_table_policy gr_t4_policy;

/* Room for one more of the walk's n elements in *v (false: out of memory, error set). */
extern bool gr_walk_room(gr_walk *w, void **v, int *cap, int n, size_t elem);

/* Helpers of the column models (gr_read.c). */
extern const int *gr_walk_vals(const gr_walk *w, const gr_read_row *r);
extern gr_str gr_walk_label(const gr_walk *w, const gr_read_row *r);
extern int	gr_walk_line(const gr_walk *w, const gr_read_row *r);
extern void gr_walk_place(gr_walk *w, const gr_read_row *r, const int *keys, int ncols,
						  const int *col_slots);
extern void gr_walk_apart(gr_walk *w, const gr_read_row *r, const int *keys, int ncols);

/* gr_loose.c */
extern void gr_loose_add(gr_walk *w, int i, const gr_tok *t, int label_tok);
extern void gr_loose_place(gr_walk *w, gr_edition ed, int ncols);

#endif							/* GR_READ_H */
