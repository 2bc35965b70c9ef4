/*
 * grt_load.c — govreport load: the files under the folders and files
 * named, each read, decoded to UTF-8 as the other commands decode it, and
 * streamed into a table (grt_copy.c), with a progress bar on a terminal
 * and a summary at the end.
 *
 * No file is lost silently.  One that cannot be read or decoded, or that
 * the server refuses, is listed on standard error with its reason as soon
 * as that is known, and the run goes on; the exit status is then 1.  The
 * connection is made, and the table tried with a COPY of no rows, before
 * any file is read, so that a wrong table name costs nothing.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grt.h"

/* a batch ends at --batch files or at this many bytes of rows */
#define GRT_BATCH_BYTES (32u * 1024 * 1024)
#define GRT_MAX_ENCODINGS 32
/* PostgreSQL's limit for one value (and COPY's data messages take an int) */
#define GRT_TEXT_MAX ((size_t) 1 << 30)

typedef struct grt_enc_count
{
	char		name[32];
	size_t		n;
} grt_enc_count;

typedef struct grt_loader
{
	const grt_opts *o;
	grt_progress bar;
	grt_files	files;
	unsigned char *enc_of;		/* per file: its index in encs */
	grt_enc_count encs[GRT_MAX_ENCODINGS];
	int			nencs;
	size_t		loaded;
	uint64_t	loaded_bytes;
	size_t		skipped;
} grt_loader;

static void
grt_load_skip(void *ctx, const char *path, const char *why)
{
	grt_loader *L = ctx;
	grt_buf		name = {0};

	grt_name_utf8(path, &name);
	grt_progress_clear(&L->bar);
	grt_warn("skipped %s: %s", name.data, why);
	grt_buf_free(&name);
	L->skipped++;
}

/* what the server said of a file's row */
static void
grt_load_row_done(void *ctx, int idx, const char *why)
{
	grt_loader *L = ctx;

	if (why)
	{
		char		msg[600];

		snprintf(msg, sizeof(msg), "%s%s", strncmp(why, "not loaded", 10) == 0 ? "" : "refused by the server: ", why);
		grt_load_skip(L, L->files.v[idx].path, msg);
		return;
	}
	L->loaded++;
	L->loaded_bytes += L->files.v[idx].size;
	L->encs[L->enc_of[idx]].n++;
}

static unsigned char
grt_load_enc_index(grt_loader *L, const char *name)
{
	for (int i = 0; i < L->nencs; i++)
		if (strcmp(L->encs[i].name, name) == 0)
			return (unsigned char) i;
	if (L->nencs == GRT_MAX_ENCODINGS)
		return GRT_MAX_ENCODINGS - 1;	/* --encoding of many kinds: cannot happen in one run */
	snprintf(L->encs[L->nencs].name, sizeof(L->encs[0].name), "%s", name);
	return (unsigned char) L->nencs++;
}

/* One file's COPY row into row: text, then the name and the encoding if asked. */
static bool
grt_load_row(grt_loader *L, size_t i, grt_buf *text, grt_buf *row)
{
	const char *path = L->files.v[i].path;
	char		why[512];
	grt_decoded d;
	grt_buf		name = {0};

	if (!grt_read_file(path, text, why, sizeof(why)) || !grt_decode(text, &L->o->enc, &d, why, sizeof(why)))
	{
		grt_load_skip(L, path, why);
		return false;
	}
	if (text->len >= GRT_TEXT_MAX)
	{
		grt_load_skip(L, path, "over 1 GB of text: more than a PostgreSQL text value holds");
		return false;
	}
	grt_name_utf8(path, &name);
	if (L->o->verbose || d.replaced)
		grt_progress_clear(&L->bar);
	if (L->o->verbose)
		grt_warn("%s: read as %s (%s)", name.data, d.name, d.how);
	if (d.replaced)
		grt_warn("%s: %zu invalid byte sequence%s replaced by U+FFFD (read as %s)", name.data,
				 d.replaced, d.replaced == 1 ? "" : "s", d.name);
	row->len = 0;
	grt_copy_escape(row, text->data, text->len);
	if (L->o->name_column)
	{
		grt_buf_append(row, "\t", 1);
		grt_copy_escape(row, name.data, name.len);
	}
	if (L->o->encoding_column)
	{
		grt_buf_append(row, "\t", 1);
		grt_buf_puts(row, d.name);
	}
	grt_buf_append(row, "\n", 1);
	L->enc_of[i] = grt_load_enc_index(L, d.name);
	grt_buf_free(&name);
	return true;
}

/* most files first, then by name */
static int
grt_enc_cmp(const void *a, const void *b)
{
	const grt_enc_count *x = a,
			   *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->name, y->name);
}

static void
grt_load_summary(grt_loader *L, const char *target, double secs)
{
	double		mb = (double) L->loaded_bytes / 1e6;
	bool		first = true;

	printf("loaded %zu file%s (%.1f MB) into %s in %.1f s: %.0f files/s, %.1f MB/s\n",
		   L->loaded, L->loaded == 1 ? "" : "s", mb, target, secs,
		   secs > 0 ? (double) L->loaded / secs : 0, secs > 0 ? mb / secs : 0);
	printf("skipped %zu file%s%s\n", L->skipped, L->skipped == 1 ? "" : "s",
		   L->skipped ? " (listed above with the reason)" : "");
	qsort(L->encs, (size_t) L->nencs, sizeof(L->encs[0]), grt_enc_cmp);
	printf("by encoding:");
	for (int i = 0; i < L->nencs; i++)
		if (L->encs[i].n)
		{
			printf("%s %s %zu", first ? "" : ",", L->encs[i].name, L->encs[i].n);
			first = false;
		}
	printf("%s\n", first ? " none" : "");
	fflush(stdout);
}

/* Reads and sends every file; false when the connection was lost. */
static bool
grt_load_files(grt_loader *L, grt_copy *c)
{
	grt_buf		text = {0},
				row = {0};
	uint64_t	bytes_done = 0;
	bool		alive = true;
	size_t		i;

	for (i = 0; alive && i < L->files.n; i++)
	{
		size_t		pending,
					pending_bytes;

		if (grt_load_row(L, i, &text, &row))
			alive = grt_copy_add(c, (int) i, row.data, row.len);
		bytes_done += L->files.v[i].size;
		grt_progress_step(&L->bar, i + 1, bytes_done);
		pending = grt_copy_pending(c, &pending_bytes);
		if (!alive || pending >= (size_t) L->o->batch_files || pending_bytes >= GRT_BATCH_BYTES)
			alive = grt_copy_flush(c, grt_load_row_done, L) && alive;
	}
	if (alive)
		alive = grt_copy_flush(c, grt_load_row_done, L);
	else
		grt_copy_flush(c, grt_load_row_done, L);
	if (!alive && i < L->files.n)
	{
		grt_progress_clear(&L->bar);
		grt_warn("the connection to the server was lost: %zu more file%s not loaded, from %s on",
				 L->files.n - i, L->files.n - i == 1 ? "" : "s", L->files.v[i].path);
		L->skipped += L->files.n - i;
	}
	grt_buf_free(&text);
	grt_buf_free(&row);
	return alive;
}

int
grt_load_run(const grt_opts *o, char **args, int nargs)
{
	grt_loader	L;
	char		why[512];
	grt_copy   *c;
	double		t0 = grt_now();
	bool		alive;

	memset(&L, 0, sizeof(L));
	L.o = o;
	c = grt_copy_open(o, why, sizeof(why));
	if (!c)
	{
		grt_warn("cannot load into %s: %s", o->table, why);
		if (strncmp(why, "relation \"", 10) == 0 && strstr(why, "does not exist"))
			fprintf(stderr, "Create the table first, for example: CREATE TABLE %s (id bigserial PRIMARY KEY, "
					"file text, body text NOT NULL); and name its columns with --column and --name-column.\n",
					o->table);
		return GRT_EXIT_USAGE;
	}
	for (int a = 0; a < nargs; a++)
		grt_walk(args[a], &L.files, grt_load_skip, &L);
	L.enc_of = grt_xmalloc(L.files.n ? L.files.n : 1);
	grt_progress_start(&L.bar, o->progress > 0 || (o->progress == 0 && isatty(STDERR_FILENO)),
					   L.files.n, L.files.bytes);
	alive = grt_load_files(&L, c);
	grt_progress_end(&L.bar);
	if (!o->quiet)
		grt_load_summary(&L, grt_copy_target(c), grt_now() - t0);
	grt_copy_close(c);
	for (size_t i = 0; i < L.files.n; i++)
		free(L.files.v[i].path);
	free(L.files.v);
	free(L.enc_of);
	if (!alive)
		return GRT_EXIT_USAGE;
	return L.skipped ? GRT_EXIT_FINDINGS : GRT_EXIT_OK;
}
