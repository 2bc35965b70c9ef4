/*
 * grt_html.c — govreport html: the review sheet of each file (the page
 * report_html gives in SQL, drawn by the core's gr_sheet), to standard
 * output for one file, or one DIR/<file>.html each with --output-dir.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "grt.h"
#include "gr_sheet.h"

/* DIR/<the file's last part, without its extension>.html; "-" is "stdin". */
static void
grt_sheet_path(const char *dir, const char *file, grt_buf *out)
{
	const char *base = strrchr(file, '/');
	const char *dot;
	size_t		n;

	base = base ? base + 1 : file;
	if (strcmp(file, "-") == 0)
		base = "stdin";
	dot = strrchr(base, '.');
	n = dot && dot != base ? (size_t) (dot - base) : strlen(base);
	out->len = 0;
	grt_buf_puts(out, dir);
	grt_buf_puts(out, "/");
	grt_buf_append(out, base, n);
	grt_buf_puts(out, ".html");
}

bool
grt_emit_html(const gr_env *env, const char *file, const char *name, const gr_report *rep,
			  const grt_opts *o)
{
	gr_error	err;
	gr_str		page;
	grt_buf		path = {0};
	FILE	   *f = stdout;
	bool		ok;

	memset(&err, 0, sizeof(err));
	if (gr_sheet_html(env, rep, NULL, &page, &err) != GR_OK)
	{
		grt_warn("%s: no review sheet: %s", name, err.message);
		return false;
	}
	if (o->output_dir)
	{
		grt_sheet_path(o->output_dir, file, &path);
		if ((f = fopen(path.data, "wb")) == NULL)
		{
			grt_warn("%s: cannot write %s: %s", name, path.data, strerror(errno));
			grt_buf_free(&path);
			return false;
		}
	}
	ok = fwrite(page.ptr, 1, page.len, f) == page.len;
	if (f != stdout)
		ok = fclose(f) == 0 && ok;
	if (!ok)
		grt_warn("%s: the page could not be written", name);
	else if (o->verbose && o->output_dir)
		grt_warn("%s: review sheet in %s", name, path.data);
	grt_buf_free(&path);
	return ok;
}
