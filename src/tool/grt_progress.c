/*
 * grt_progress.c — the progress bar of govreport load, on standard error:
 *
 *   [##########..........]  4210/10000 files  23.1/55.0 MB  5.2 MB/s  0:06 left
 *
 * Drawn only where somebody watches (standard error a terminal, unless
 * --progress or --no-progress says otherwise), at most ten times a second,
 * and erased before any message so that messages never mix with it.  The
 * time left is the bytes still to read at the rate so far; the last
 * drawing, left on screen, says how long the whole took.
 */
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "grt.h"

double
grt_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

void
grt_progress_start(grt_progress *p, bool on, size_t files, uint64_t bytes)
{
	memset(p, 0, sizeof(*p));
	p->on = on;
	p->files_total = files;
	p->bytes_total = bytes;
	p->t0 = grt_now();
}

static int
grt_term_width(void)
{
	struct winsize ws;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		return ws.ws_col;
	return 80;
}

static void
grt_progress_draw(grt_progress *p, double now, bool done)
{
	double		elapsed = now - p->t0;
	double		mb = (double) p->bytes / 1e6;
	double		rate = elapsed > 0 ? mb / elapsed : 0;
	char		text[160],
				left[32],
				bar[256];
	int			width,
				filled;

	if (done)
		snprintf(left, sizeof(left), "%ld:%02ld in all", (long) elapsed / 60, (long) elapsed % 60);
	else if (rate > 0 && elapsed >= 0.5 && p->bytes_total >= p->bytes)
	{
		long		s = (long) ((double) (p->bytes_total - p->bytes) / 1e6 / rate + 0.5);

		if (s >= 3600)
			snprintf(left, sizeof(left), "%ld:%02ld:%02ld left", s / 3600, s / 60 % 60, s % 60);
		else
			snprintf(left, sizeof(left), "%ld:%02ld left", s / 60, s % 60);
	}
	else
		snprintf(left, sizeof(left), "-:-- left");
	snprintf(text, sizeof(text), "  %zu/%zu files  %.1f/%.1f MB  %.1f MB/s  %s",
			 p->files, p->files_total, mb, (double) p->bytes_total / 1e6, rate, left);
	width = grt_term_width() - (int) strlen(text) - 3;
	if (width > (int) sizeof(bar) - 1)
		width = (int) sizeof(bar) - 1;
	if (width < 10)
		width = 10;
	filled = p->files_total ? (int) ((double) width * (double) p->files / (double) p->files_total) : width;
	memset(bar, '#', (size_t) filled);
	memset(bar + filled, '.', (size_t) (width - filled));
	bar[width] = '\0';
	/* \r and erase to the end of the line: the bar is redrawn in place */
	fprintf(stderr, "\r\033[K[%s]%s", bar, text);
	fflush(stderr);
	p->drawn_at = now;
}

void
grt_progress_step(grt_progress *p, size_t files, uint64_t bytes)
{
	double		now;

	p->files = files;
	p->bytes = bytes;
	if (!p->on)
		return;
	now = grt_now();
	if (p->drawn_at == 0 || now - p->drawn_at >= 0.1)
		grt_progress_draw(p, now, false);
}

void
grt_progress_clear(grt_progress *p)
{
	if (p->on && p->drawn_at != 0)
	{
		fputs("\r\033[K", stderr);
		fflush(stderr);
		p->drawn_at = 0;
	}
}

void
grt_progress_end(grt_progress *p)
{
	if (!p->on)
		return;
	grt_progress_draw(p, grt_now(), true);
	fputc('\n', stderr);
	p->drawn_at = 0;
}
