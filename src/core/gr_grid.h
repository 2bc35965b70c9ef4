/*
 * gr_grid.h — every table layout ends in the same grid.
 *
 * A report's table comes as one cell per line (with or without a tab in
 * front, blank lines between rows), as tab-separated rows, as cells ended
 * by '|', as Markdown rows, as columns aligned by spaces (pdftotext
 * -layout), as columns under a rule of dashes (pandoc), or as an HTML
 * <table>.  One layout adapter per kind
 * (gr_layout_*.c) turns the lines of a table region into grid rows of
 * cells — text, number, dash or blank — and says of each row what the
 * layout proves about it:
 *
 *   GR_EV_COLUMNS  each cell's column is known (an HTML table's grid);
 *   GR_EV_FIELDS   the row shows its fields, empty ones included (tab or
 *                  Markdown fields; columns once a header names them);
 *   GR_EV_ORDER    the cells come in order with their empty cells shown
 *                  (one cell per line behind a tab, cells ended by '|');
 *   GR_EV_VALUES   only the values, in order (space-aligned PDF text, one
 *                  cell per line without marks, numbers after a label);
 *   GR_EV_GLUED    the digits of the row's cells run together (text without
 *                  line structure, gr_inline.c): read only by arithmetic.
 *
 * The table readers see only the grid, and place values by that evidence
 * alone (gr_place.c).
 */
#ifndef GR_GRID_H
#define GR_GRID_H

#include "gr_internal.h"

typedef enum gr_tok_kind
{
	GR_TK_TEXT = 0,
	GR_TK_NUM,
	GR_TK_DASH,					/* —, /, 无: stated as nothing */
	GR_TK_BLANK					/* an empty cell the layout shows */
} gr_tok_kind;

typedef enum gr_evidence
{
	GR_EV_GLUED = 0,			/* digits of several cells without separators (a crawler's text) */
	GR_EV_VALUES,
	GR_EV_ORDER,
	GR_EV_FIELDS,
	GR_EV_COLUMNS
} gr_evidence;

typedef struct gr_value
{
	int64_t		mant;			/* value = mant / 10^scale */
	uint32_t	unit_off;		/* unit within the cell's folded text */
	uint8_t		unit_len;		/* a unit of the table (gr_value.c), a few bytes */
	int8_t		scale;			/* at most 18: a value has at most 18 digits */
	bool		signed_;		/* written with + or - */
	bool		note;			/* a bracketed note followed the number */
} gr_value;

/*
 * One cell of the grid.  A table region has about a cell for every few
 * bytes, so the cell is kept to 48 bytes: the small fields packed last.
 */
typedef struct gr_tok
{
	gr_value	v;				/* for GR_TK_NUM */
	uint32_t	f_from;			/* the cell's text in doc->fold, trimmed */
	uint32_t	f_to;
	int			line;			/* document line index */
	int			pos;			/* character position in the line, -1 if the layout has none */
	int			row;			/* its grid row */
	int			col;			/* its column (field) in the grid row where the layout gives it, else -1 */
	int			next_line;		/* the first cell on a later line (n when none) */
	int16_t		span;			/* columns it covers (HTML colspan, at most 64), 1 otherwise */
	uint8_t		kind;			/* gr_tok_kind */
	bool		covered:1;		/* an empty slot under a cell that spans it (HTML) */
	bool		soft:1;			/* an empty cell shown by blank lines at a page mark, which may
								 * be the page's margin instead (gr_tokenize) */
} gr_tok;

/* One row of the grid: cells [first, first + n). */
typedef struct gr_grow
{
	int			first;
	int			n;
	gr_evidence ev;
	int			width;			/* fields of the row where the layout has them, else 0 */
	bool		bounded;		/* the layout shows where the row begins (not a lone cell) */
	bool		multi;			/* its line holds more than one cell */
	bool		piped;			/* cells ended by '|', one a line (seed 002) */
} gr_grow;

typedef struct gr_grid
{
	gr_tok	   *v;				/* all cells, in text order */
	int			n;
	int			cap;
	gr_grow    *rows;
	int			nrows;
	int			rcap;
	int			hint;			/* cells the region has at least, about: its first room */
} gr_grid;

/* Builds the grid of lines [line_from, line_to) of the document. */
extern gr_status gr_tokenize(gr_ctx *ctx, const gr_doc *doc, int line_from, int line_to,
							 gr_grid *out);
extern gr_tok_kind gr_value_parse(const char *s, size_t len, gr_value *v);

/* What the readers ask of a cell's row. */
static inline const gr_grow *
gr_row_of(const gr_grid *g, const gr_tok *t)
{
	return &g->rows[t->row];
}

/* Does the cell begin a row of the layout? */
static inline bool
gr_starts_row(const gr_grid *g, const gr_tok *t)
{
	const gr_grow *r = gr_row_of(g, t);

	return r->bounded && &g->v[r->first] == t;
}

/* The fields of the cell's row, where the cell has a field of its own (else 0). */
static inline int
gr_cell_width(const gr_grid *g, const gr_tok *t)
{
	return t->col >= 0 ? gr_row_of(g, t)->width : 0;
}

/* Label folding: folded text without white space and punctuation. */
extern size_t gr_lfold(const char *s, size_t len, char *out, size_t cap);

/* ---- for the layout adapters (gr_layout_*.c) ---- */

extern bool gr_grid_open_row(gr_ctx *ctx, gr_grid *g, gr_evidence ev, int width, bool bounded);
extern bool gr_grid_cell_whole(gr_ctx *ctx, const gr_doc *doc, int li, uint32_t from, uint32_t to,
							   gr_grid *g);
extern bool gr_grid_cell(gr_ctx *ctx, const gr_doc *doc, int li, uint32_t from, uint32_t to, int pos,
						 gr_grid *g);

static inline bool
gr_ws(char c)
{
	return c == ' ' || c == '\t';
}

extern bool gr_layout_cell_per_line(const gr_doc *doc, int from, int to);
extern bool gr_layout_blank_spaced(const gr_doc *doc, int from, int to);
extern bool gr_layout_breaks_doubled(const gr_doc *doc, int from, int to);
extern bool gr_layout_blank_cells(gr_ctx *ctx, const gr_doc *doc, int li, int k, bool soft, gr_grid *g);
extern bool gr_layout_lead_tab(gr_ctx *ctx, const gr_doc *doc, int li, bool new_row, gr_grid *g);
extern bool gr_layout_continue_cell(const gr_doc *doc, int li, bool new_row, gr_grid *g);
extern bool gr_layout_tabs(gr_ctx *ctx, const gr_doc *doc, int li, gr_grid *g);
extern bool gr_layout_pipes(gr_ctx *ctx, const gr_doc *doc, int li, bool bare, gr_grid *g);
extern bool gr_layout_pipes_bare(const gr_doc *doc, int from, int to);
extern bool gr_layout_pipe_ended(const gr_doc *doc, int from, int to);
extern bool gr_layout_pipe_cells(gr_ctx *ctx, const gr_doc *doc, int li, gr_grid *g);
extern bool gr_layout_spaced(gr_ctx *ctx, const gr_doc *doc, int li, gr_grid *g);

/* Columns drawn by a rule of dash runs (gr_layout_ruled.c), in columns of a fixed-width rendering. */
#define GR_RULED_MAX 32
typedef struct gr_ruled
{
	int			n;				/* runs, 0 for no rule */
	int			rule_line;		/* the rule's line; it holds for the lines after it */
	int			end_line;		/* … up to this one (the bottom rule, or the region's end) */
	int			from[GR_RULED_MAX];
	int			to[GR_RULED_MAX];
} gr_ruled;

extern bool gr_layout_ruled_find(const gr_doc *doc, int from, int to, gr_ruled *r);
extern bool gr_layout_ruled(gr_ctx *ctx, const gr_doc *doc, int li, const gr_ruled *r, gr_grid *g, bool *ok);
extern int	gr_layout_html(gr_ctx *ctx, const gr_doc *doc, int li, gr_grid *g);
extern bool gr_layout_glued(gr_ctx *ctx, const gr_doc *doc, int li, gr_grid *g);

#endif							/* GR_GRID_H */
