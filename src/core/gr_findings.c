/*
 * gr_findings.c — how every step records a finding: the message formatted
 * into the arena, never cut inside a character.
 */
#include "gr_tables.h"

/* Record a finding whose message is made: at most 4,095 bytes of it, whole characters. */
gr_finding *
gr_add_finding_text(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev, int line,
					const char *text, size_t len)
{
	gr_finding *f;
	char	   *msg;
	size_t		n;

	if (!gr_findings_reserve(ctx, rep))
		return NULL;
	n = gr_utf8_valid_prefix(text, len < 4095 ? len : 4095);	/* never a character cut in two */
	msg = gr_alloc(ctx, n + 1);
	if (!msg)
		return NULL;
	memcpy(msg, text, n);
	msg[n] = '\0';
	f = &rep->findings[rep->nfindings++];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->severity = sev;
	f->message.ptr = msg;
	f->message.len = (uint32_t) n;
	f->line = line;
	return f;
}

/* Record a finding of the parser. */
gr_finding *
gr_add_finding(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev, int line,
			   const char *fmt,...)
{
	char		buf[4096];
	va_list		ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return gr_add_finding_text(ctx, rep, rule, sev, line, buf, strlen(buf));
}
