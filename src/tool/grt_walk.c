/*
 * grt_walk.c — the files govreport load is to read: each file named, and
 * every regular file under each folder named, recursively, in name order
 * (so two runs load in the same order).
 *
 * Nothing is left out silently: a path that is not taken — a broken
 * symbolic link, a folder that cannot be read, a device or a socket, a
 * symbolic link to a folder — is handed to the skip callback with its
 * reason.  Symbolic links to files are followed; links to folders found
 * inside a walk are not (they can make cycles), though a folder named on
 * the command line may itself be a link.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "grt.h"

static void
grt_files_add(grt_files *out, const char *path, uint64_t size)
{
	if (out->n == out->cap)
	{
		grt_file   *v;

		out->cap = out->cap ? out->cap * 2 : 1024;
		v = realloc(out->v, out->cap * sizeof(grt_file));
		if (!v)
		{
			grt_warn("out of memory listing %zu files", out->n);
			exit(GRT_EXIT_USAGE);
		}
		out->v = v;
	}
	out->v[out->n].path = grt_xstrdup(path);
	out->v[out->n].size = size;
	out->n++;
	out->bytes += size;
}

static int
grt_skip_dots(const struct dirent *e)
{
	return strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
}

static void grt_walk_dir(const char *dir, grt_files *out, grt_skip_fn skip, void *ctx);

/* One entry found inside a walk: lstat, so links are seen as links. */
static void
grt_walk_entry(const char *path, grt_files *out, grt_skip_fn skip, void *ctx)
{
	struct stat st;
	char		why[256];

	if (lstat(path, &st) != 0)
	{
		snprintf(why, sizeof(why), "%s", strerror(errno));
		skip(ctx, path, why);
		return;
	}
	if (S_ISLNK(st.st_mode))
	{
		if (stat(path, &st) != 0)
		{
			snprintf(why, sizeof(why), "a broken symbolic link (%s)", strerror(errno));
			skip(ctx, path, why);
		}
		else if (S_ISREG(st.st_mode))
			grt_files_add(out, path, (uint64_t) st.st_size);
		else
			skip(ctx, path, S_ISDIR(st.st_mode) ? "a symbolic link to a folder, not followed (name the folder itself)"
				 : "a symbolic link to something that is not a regular file");
		return;
	}
	if (S_ISDIR(st.st_mode))
		grt_walk_dir(path, out, skip, ctx);
	else if (S_ISREG(st.st_mode))
		grt_files_add(out, path, (uint64_t) st.st_size);
	else
		skip(ctx, path, "not a regular file (a device, a pipe or a socket)");
}

static void
grt_walk_dir(const char *dir, grt_files *out, grt_skip_fn skip, void *ctx)
{
	struct dirent **names;
	int			n = scandir(dir, &names, grt_skip_dots, alphasort);
	size_t		dlen = strlen(dir);
	grt_buf		path = {0};

	if (n < 0)
	{
		char		why[256];

		snprintf(why, sizeof(why), "the folder cannot be read (%s)", strerror(errno));
		skip(ctx, dir, why);
		return;
	}
	for (int i = 0; i < n; i++)
	{
		path.len = 0;
		grt_buf_append(&path, dir, dlen);
		if (dlen && dir[dlen - 1] != '/')
			grt_buf_append(&path, "/", 1);
		grt_buf_puts(&path, names[i]->d_name);
		grt_walk_entry(path.data, out, skip, ctx);
		free(names[i]);
	}
	free(names);
	grt_buf_free(&path);
}

void
grt_walk(const char *arg, grt_files *out, grt_skip_fn skip, void *ctx)
{
	struct stat st;
	char		why[256];

	/* what the user named is followed, a link or not */
	if (stat(arg, &st) != 0)
	{
		snprintf(why, sizeof(why), "%s", strerror(errno));
		skip(ctx, arg, why);
	}
	else if (S_ISDIR(st.st_mode))
		grt_walk_dir(arg, out, skip, ctx);
	else if (S_ISREG(st.st_mode))
		grt_files_add(out, arg, (uint64_t) st.st_size);
	else
		skip(ctx, arg, "not a regular file or a folder");
}
