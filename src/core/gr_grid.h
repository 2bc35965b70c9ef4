/*
 * gr_grid.h — every table layout ends in the same stream of cells.
 *
 * A report's table comes as one cell per line (with or without a tab in
 * front, blank lines between rows), as tab-separated rows, as cells ended
 * by '|', as Markdown rows, as columns aligned by spaces (pdftotext
 * -layout), or as an HTML grid rendered into tab-separated rows.  The
 * tokenizer turns any of these into one list of tokens — text, number,
 * dash or blank — each with its line and, where the layout gives one, its
 * column position.  The table readers see only tokens.
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

typedef struct gr_value
{
	int64_t		mant;			/* value = mant / 10^scale */
	int			scale;
	bool		signed_;		/* written with + or - */
	bool		note;			/* a bracketed note followed the number */
	uint32_t	unit_off;		/* unit within the cell's folded text */
	uint32_t	unit_len;
} gr_value;

typedef struct gr_tok
{
	gr_tok_kind kind;
	uint32_t	f_from;			/* the cell's text in doc->fold, trimmed */
	uint32_t	f_to;
	int			line;			/* document line index */
	int			col;			/* character position in the line, -1 if the layout has none */
	bool		row_start;		/* first cell of a row of the layout */
	bool		multi;			/* its line holds more than one cell */
	bool		piped;			/* a cell ended by '|' on a line of its own (seed 002) */
	int			slot;			/* HTML grid: the cell's column in its grid row, else -1 */
	int			slots;			/* HTML grid: the cells of that grid row */
	gr_value	v;				/* for GR_TK_NUM */
} gr_tok;

typedef struct gr_toks
{
	gr_tok	   *v;
	int			n;
	int			cap;
} gr_toks;

extern gr_status gr_tokenize(gr_ctx *ctx, const gr_doc *doc, int line_from, int line_to,
							 gr_toks *out);
extern gr_tok_kind gr_value_parse(const char *s, size_t len, gr_value *v);

/* Label folding: folded text without white space and punctuation. */
extern size_t gr_lfold(const char *s, size_t len, char *out, size_t cap);

#endif							/* GR_GRID_H */
