/*
 * gr_findings.c — how every step records a finding: the message formatted
 * into the arena, never cut inside a character.
 */
#include "gr_tables.h"

/* Record a finding of the parser. */
gr_finding *
gr_add_finding(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev, int line,
			   const char *fmt,...)
{
	gr_finding *f;
	char		buf[4096];
	va_list		ap;
	char	   *msg;
	size_t		n;

	if (!gr_findings_reserve(ctx, rep))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	n = gr_utf8_valid_prefix(buf, strlen(buf));	/* never a character cut in two */
	buf[n] = '\0';
	msg = gr_alloc(ctx, n + 1);
	if (!msg)
		return NULL;
	memcpy(msg, buf, n + 1);
	f = &rep->findings[rep->nfindings++];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->severity = sev;
	f->message.ptr = msg;
	f->message.len = (uint32_t) n;
	f->line = line;
	return f;
}
