/*
 * grt.h — what the files of govreport, the command-line tool, share.
 *
 * The tool is a caller of the core (gr_core.h), as the PostgreSQL glue
 * is: it reads files, finds each one's encoding and converts it to the
 * UTF-8 the core takes (grt_encoding.c), hands the text to gr_parse and
 * gr_check, and writes what they found as TSV or JSON (grt_report.c,
 * grt_out.c) with the columns of report_cells, report_check and
 * report_sections; or it streams whole folders into a table with COPY
 * over libpq (grt_walk.c, grt_load.c, grt_copy.c, grt_progress.c).
 * grt_main.c reads the command line.
 */
#ifndef GRT_H
#define GRT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "gr_core.h"

/* Exit statuses (the man page lists them). */
#define GRT_EXIT_OK			0
#define GRT_EXIT_FINDINGS	1	/* an error-severity finding; load: a file skipped */
#define GRT_EXIT_USAGE		2	/* bad use, a file that cannot be read, a load that cannot run */

/* ---- grt_buf.c: growable bytes, reading files, the core's allocator ---- */

typedef struct grt_buf
{
	char	   *data;			/* NUL-terminated when not NULL */
	size_t		len;
	size_t		cap;
} grt_buf;

extern void grt_buf_reserve(grt_buf *b, size_t more);
extern void grt_buf_append(grt_buf *b, const void *p, size_t n);
extern void grt_buf_puts(grt_buf *b, const char *s);
extern void grt_buf_printf(grt_buf *b, const char *fmt,...) __attribute__((format(printf, 2, 3)));
extern void grt_buf_swap(grt_buf *a, grt_buf *b);
extern void grt_buf_free(grt_buf *b);

/* The whole file ("-": standard input) into out; false with why on failure. */
extern bool grt_read_file(const char *path, grt_buf *out, char *why, size_t whylen);

/* Memory that dies at exit; exits with a message when there is none. */
extern void *grt_xmalloc(size_t n);
extern char *grt_xstrdup(const char *s);

/* The core's allocator: a chain of blocks released in one go per file. */
typedef struct grt_arena grt_arena;
extern grt_arena *grt_arena_new(void);
extern void grt_arena_reset(grt_arena *a);
extern gr_env grt_arena_env(grt_arena *a);

/* ---- grt_encoding.c: which encoding, and the text as UTF-8 ---- */

typedef struct grt_enc_opts
{
	const char *forced;			/* --encoding: read every file as this */
	bool		replace;		/* --replace: invalid sequences become U+FFFD */
} grt_enc_opts;

typedef struct grt_decoded
{
	char		name[32];		/* what the file was read as: UTF-8, GB18030, UTF-16LE … */
	char		how[128];		/* why: "byte order mark", "valid UTF-8", "<meta charset=gbk>" … */
	size_t		replaced;		/* sequences replaced by U+FFFD (--replace only) */
} grt_decoded;

/*
 * text holds a file's bytes on entry and its UTF-8 text on success (a
 * byte order mark dropped).  On failure text is unchanged and why says
 * why, as a reason a user can act on.
 */
extern bool grt_decode(grt_buf *text, const grt_enc_opts *o, grt_decoded *d,
					   char *why, size_t whylen);

/* A path's bytes as valid UTF-8, for the name column (into out). */
extern void grt_name_utf8(const char *path, grt_buf *out);

/* Does ICU know this encoding?  (For --encoding, checked before any file.) */
extern bool grt_encoding_known(const char *name);

/* ---- grt_out.c: rows as TSV (COPY's text format) or JSON ---- */

typedef enum grt_type
{
	GRT_TEXT,
	GRT_INT,
	GRT_NUM,					/* an exact decimal, gr_num */
	GRT_BOOL,
	GRT_KEYS					/* a text[] of cell keys */
} grt_type;

typedef struct grt_col
{
	const char *name;
	grt_type	type;
} grt_col;

typedef struct grt_out
{
	FILE	   *f;
	bool		json;
	const grt_col *cols;
	int			ncols;
	int			col;			/* the next field of the current row */
	long		rows;
	grt_buf		line;			/* the row being written */
} grt_out;

extern void grt_out_begin(grt_out *o, FILE *f, bool json, const grt_col *cols, int ncols);
extern void grt_out_null(grt_out *o);
extern void grt_out_text(grt_out *o, const char *s, size_t len);	/* s NULL or len 0: NULL */
extern void grt_out_string(grt_out *o, const char *s, size_t len);	/* never NULL: '' when empty */
extern void grt_out_cstr(grt_out *o, const char *s);
extern void grt_out_int(grt_out *o, long long v);
extern void grt_out_num(grt_out *o, gr_num n);
extern void grt_out_bool(grt_out *o, bool v);
extern void grt_out_keys(grt_out *o, const int *cells, int n);
extern void grt_out_row_end(grt_out *o);
extern void grt_out_end(grt_out *o);

/* An exact decimal as text ("-12.5"), as PostgreSQL's numeric prints it. */
extern void grt_num_text(int64_t mant, int scale, char *buf, size_t len);

/* COPY text-format escaping of one field (backslash, tab, newline, CR). */
extern void grt_copy_escape(grt_buf *b, const char *s, size_t len);

/* ---- the command line ---- */

typedef struct grt_opts
{
	bool		json;
	int			verbose;
	bool		quiet;
	int			ruleset;		/* 0: the current rule set */
	grt_enc_opts enc;
	/* load */
	const char *table;
	const char *column;
	const char *name_column;
	const char *encoding_column;
	const char *conninfo;
	int			batch_files;	/* files per COPY */
	int			progress;		/* -1 never, 0 on a terminal, 1 always */
	/* html */
	const char *output_dir;		/* one DIR/<file>.html per file; NULL: standard output */
} grt_opts;

typedef enum grt_report_cmd
{
	GRT_CMD_CELLS,
	GRT_CMD_CHECK,
	GRT_CMD_SECTIONS,
	GRT_CMD_SUMMARY,
	GRT_CMD_HTML
} grt_report_cmd;

/* cells, check, sections, summary, html over files; returns the exit status. */
extern int	grt_report_run(grt_report_cmd cmd, const grt_opts *o, char **files, int nfiles);

/* grt_html.c: one file's review sheet, to stdout or o->output_dir; false after saying why. */
extern bool grt_emit_html(const gr_env *env, const char *file, const char *name, const gr_report *rep,
						  const grt_opts *o);

/* ---- grt_walk.c: the files under the folders and files named ---- */

typedef struct grt_file
{
	char	   *path;
	uint64_t	size;
} grt_file;

typedef struct grt_files
{
	grt_file   *v;
	size_t		n;
	size_t		cap;
	uint64_t	bytes;
} grt_files;

/* Called for each path that is not taken, with the reason. */
typedef void (*grt_skip_fn) (void *ctx, const char *path, const char *why);

/* arg and everything under it (sorted by name) appended to out. */
extern void grt_walk(const char *arg, grt_files *out, grt_skip_fn skip, void *ctx);

/* ---- grt_progress.c: the progress bar of load ---- */

typedef struct grt_progress
{
	bool		on;
	size_t		files_total;
	uint64_t	bytes_total;
	size_t		files;
	uint64_t	bytes;
	double		t0;
	double		drawn_at;		/* when the bar was last drawn; 0: not on screen */
} grt_progress;

extern double grt_now(void);
extern void grt_progress_start(grt_progress *p, bool on, size_t files, uint64_t bytes);
extern void grt_progress_step(grt_progress *p, size_t files, uint64_t bytes);
extern void grt_progress_clear(grt_progress *p);	/* before a message on stderr */
extern void grt_progress_end(grt_progress *p);

/* ---- grt_copy.c: batches of rows into a table with COPY over libpq ---- */

typedef struct grt_copy grt_copy;

/* Told the fate of each row handed to grt_copy_add: why is NULL when it was loaded. */
typedef void (*grt_row_fn) (void *ctx, int idx, const char *why);

/* Connects and tries a COPY of no rows (the table, the columns, the rights); NULL and why when that fails. */
extern grt_copy *grt_copy_open(const grt_opts *o, char *why, size_t whylen);
extern const char *grt_copy_target(const grt_copy *c);
/* One row in COPY's text format, newline included; false when the connection is gone. */
extern bool grt_copy_add(grt_copy *c, int idx, const char *row, size_t len);
extern size_t grt_copy_pending(const grt_copy *c, size_t *bytes);
/* Ends the batch's COPY, retrying its rows one by one if it failed; false: the connection is gone. */
extern bool grt_copy_flush(grt_copy *c, grt_row_fn fn, void *ctx);
extern void grt_copy_close(grt_copy *c);

/* load; returns the exit status. */
extern int	grt_load_run(const grt_opts *o, char **args, int nargs);

/* "govreport: " + message on stderr. */
extern void grt_warn(const char *fmt,...) __attribute__((format(printf, 1, 2)));

#endif							/* GRT_H */
