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

typedef struct gr_reader
{
	gr_ctx	   *ctx;
	const gr_doc *doc;
	gr_report  *rep;
	gr_toks		toks;
	char		lf[768];		/* the current token, label-folded */
	size_t		lflen;
} gr_reader;

/* gr_cells.c */
extern void gr_rd_lfold(gr_reader *rd, const gr_tok *t);
extern gr_str gr_tok_raw(const gr_doc *doc, const gr_tok *t);
extern bool gr_rd_is_narrative(const gr_reader *rd, const gr_tok *t);
extern int	gr_cell_rank(gr_cell_state s);
extern void gr_rd_set_cell(gr_reader *rd, int key, const gr_tok *t, gr_cell_state st);
extern gr_cell_state gr_tok_state(const gr_tok *t);
extern gr_str gr_rd_values_raw(gr_reader *rd, const int *vals, int n);

/* gr_place.c */
extern void gr_rd_place_row(gr_reader *rd, const char *table_name, gr_str row_label, const int *keys,
							int ncols, const int *vals, int n, int label_line, bool align_right,
							const int *col_slots);

/* gr_match.c */
extern gr_label_match gr_rd_join_next_line(gr_reader *rd, int i, const gr_rowdef *rows, int nrows,
										   int current, int *cont);

/* gr_header_t2.c */
typedef struct gr_t2_header
{
	uint32_t	from[8];		/* header texts, label-folded, in buf */
	uint32_t	len[8];
	int			slot[8];		/* their field in the line, -1 if the layout has none */
	int			width[8];		/* the fields of that line */
	int			n;
	char		buf[1024];
	uint32_t	used;
} gr_t2_header;

extern int	gr_t2_default_cols(int row, gr_edition ed, int *cols);
extern void gr_t2_header_add(gr_t2_header *h, const char *t, size_t len, int slot, int width);
extern int	gr_t2_header_cols(const gr_t2_header *h, int row, int *cols, int *slots, int *width);
extern bool gr_t2_names_column(const char *t, size_t tlen);

/* the readers */
extern void gr_read_t2(gr_reader *rd, int from, int to);
extern void gr_read_t3(gr_reader *rd, int from, int to);
extern void gr_read_t4(gr_reader *rd, int from, int to);

#endif							/* GR_READ_H */
