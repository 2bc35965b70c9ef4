/*
 * gr_sheet.h — the review sheet: one self-contained HTML page (inline CSS,
 * no script, no external resource, UTF-8) that shows a parsed report the
 * way a reviewer wants to see it — its header, 表二, 表三 and 表四 drawn
 * as the report's edition prints them (official labels, rowspan and
 * colspan from the spec in gr_format), every cell with its value and
 * state, the cells named by a finding highlighted, and the findings
 * listed under the tables.
 *
 * The renderer reads a gr_report and its findings, nothing else: the
 * caller runs gr_check first (report_html does it through the same cache
 * and rule-set version as report_check), so the sheet highlights exactly
 * the cells report_check names.  Pure C, no PostgreSQL header; memory from
 * env->alloc, like the rest of the core.
 *
 * The first part is the interface; the second is what the renderer's own
 * files (gr_sheet_*.c, one job each) share.
 */
#ifndef GR_SHEET_H
#define GR_SHEET_H

#include <stdarg.h>

#include "gr_core.h"

typedef struct gr_sheet_opts
{
	int			ascii;			/* every character beyond ASCII as &#x…;, so that the
								 * page survives any database encoding unchanged */
	int			show_derived;	/* draw every derived row and column (subtotals),
								 * not only those the report prints or a finding names */
} gr_sheet_opts;

/*
 * The sheet of rep (parsed, and checked if its findings are wanted) as a
 * NUL-terminated UTF-8 page in *out.  opts may be NULL.
 */
extern gr_status gr_sheet_html(const gr_env *env, const gr_report *rep, const gr_sheet_opts *opts,
							   gr_str *out, gr_error *err);

/* ---- shared by the renderer's files ---- */

/* The page being written: grows by doubling in env's memory. */
typedef struct gr_sbuf
{
	const gr_env *env;
	char	   *data;
	size_t		len;
	size_t		cap;
	int			failed;			/* an allocation failed: everything after is dropped */
	int			ascii;			/* non-ASCII as numeric character references */
} gr_sbuf;

extern void gr_sb_put(gr_sbuf *b, const char *s, size_t n);	/* markup (UTF-8) */
extern void gr_sb_puts(gr_sbuf *b, const char *s);
extern void gr_sb_printf(gr_sbuf *b, const char *fmt,...) __attribute__((format(printf, 2, 3)));
extern void gr_sb_esc(gr_sbuf *b, const char *s, size_t n);	/* text, HTML-escaped */
extern void gr_sb_escs(gr_sbuf *b, const char *s);
extern void gr_sb_num(gr_sbuf *b, int64_t mant, int scale);	/* an exact decimal */

/* What the parts of the renderer share while they draw one report. */
typedef struct gr_sheet
{
	gr_sbuf    *b;
	const gr_env *env;
	const gr_report *rep;
	const gr_sheet_opts *opts;
	gr_edition	ed;				/* the edition the tables are drawn in */
	int			nkeys;
	signed char *sev;			/* per key: the gravest finding naming it, -1 none */
	int		   *off;			/* per key k: its findings are fidx[off[k] .. off[k] + nf[k]) */
	int		   *nf;
	int		   *fidx;
} gr_sheet;

/* gr_sheet_marks.c: which findings name which cells. */
extern int	gr_sheet_marks(gr_sheet *sh);	/* 0 when out of memory */
extern int	gr_sheet_named(const gr_sheet *sh, int key);

/* gr_sheet_cell.c: one value cell. */
extern int	gr_sheet_shown(const gr_sheet *sh, int key);	/* does the sheet draw it? */
extern void gr_sheet_cell(gr_sheet *sh, int key, int colspan);
extern void gr_sheet_na(gr_sheet *sh, int colspan);	/* no such cell in this row */

/* gr_sheet_cols.c: the column headers of 表三, from the spec's column tree. */
extern int	gr_sheet_cols(const gr_sheet *sh, gr_table t, const int *row_line, int *disp);
extern void gr_sheet_col_headers(gr_sheet *sh, gr_table t, const int *disp, int n, int label_cols);

/* gr_sheet_down.c (表二, 表三) and gr_sheet_across.c (表四): one table. */
extern void gr_sheet_down(gr_sheet *sh, gr_table t);
extern void gr_sheet_across(gr_sheet *sh, gr_table t);
extern int	gr_sheet_row_visible(const gr_sheet *sh, gr_table t, int row);

/* gr_sheet_page.c: the header, the sections and the findings around the tables. */
extern void gr_sheet_findings(gr_sheet *sh);

#endif							/* GR_SHEET_H */
