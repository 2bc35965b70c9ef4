/*
 * gr_inline.h — what the steps of text without line structure share
 * (gr_inline.c cuts a line into the lines a reader would see; the cuts of
 * its tables are gr_inline_cut.c's, text whose numbers stand apart
 * gr_inline_apart.c's, a line that is a table glued whole
 * gr_inline_table.c's): the cuts of a line and the room for them.
 */
#ifndef GR_INLINE_H
#define GR_INLINE_H

#include "gr_format.h"
#include "gr_grid.h"
#include "gr_internal.h"
#include "gr_label.h"

#define MAX_CUTS 4096			/* a line's cuts at most (room_for) */
#define JOIN_GAP 6				/* bytes of compact text: two marks of CJK punctuation */
#define TABLE_LINE_MIN 120		/* compact bytes: the shortest glued 表四 */

typedef struct cut
{
	uint32_t	at;				/* compact offset where a line begins */
	uint32_t	end;			/* a run of digits: where it ends (compact), else 0 */
	uint32_t	lend;			/* a label: where the format's words of it end (compact) */
	bool		glued;			/* the line it begins is a row's glued digits */
	bool		label;			/* a label of the tables (or its number) begins here */
	bool		tight;			/* a run of digits that begins where a label ends */
	bool		drop;			/* no line begins here after all (gr_inline_unglue_runs) */
} cut;

typedef struct cutter
{
	int			n;
	int			cap;			/* at most MAX_CUTS, and about the line's bytes (room_for) */
	cut			v[];			/* cap cuts, then cap more for gr_inline_sort_cuts */
} cutter;

static inline void
add_cut(cutter *c, uint32_t at, bool glued)
{
	if (c->n < c->cap)
		c->v[c->n++] = (cut) {at, 0, 0, glued, false, false, false};
}

/* A label of the tables begins at cmp[at], the format's words of it to lend (or its number only). */
static inline void
add_label(cutter *c, uint32_t at, uint32_t lend)
{
	if (c->n < c->cap)
		c->v[c->n++] = (cut) {at, 0, lend, false, true, false, false};
}

/* A run of digits after text, cmp[at, end): its line is glued unless the text keeps numbers apart. */
static inline void
add_run(cutter *c, uint32_t at, uint32_t end, bool tight)
{
	if (c->n < c->cap)
		c->v[c->n++] = (cut) {at, end, 0, true, false, tight, false};
}

static inline bool
is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* gr_inline_cut.c */
extern uint32_t gr_inline_label_at(const char *p, uint32_t room);
extern bool gr_inline_label_char(uint32_t cp);
extern uint32_t gr_inline_dash_at(const char *p, uint32_t room);
extern void gr_inline_cut_tables(gr_ctx *ctx, const gr_doc *doc, uint32_t from, uint32_t to, cutter *c);
extern void gr_inline_sort_cuts(cutter *c);

/* gr_inline_apart.c */
extern bool gr_inline_runs_apart(const gr_doc *doc, const gr_line *l, const cutter *c,
								 uint32_t t3_from, uint32_t t3_to);
extern void gr_inline_unglue_runs(const gr_doc *doc, uint32_t to, cutter *c);
extern void gr_inline_join_runs(cutter *c);

/* gr_inline_table.c */
extern bool gr_inline_may_be_table(const gr_doc *doc, const gr_line *l);
extern int	gr_inline_table_line_cuts(gr_ctx *ctx, const gr_doc *doc, const gr_line *l, cutter *c,
									  const uint32_t *at, const uint32_t *len);

#endif							/* GR_INLINE_H */
