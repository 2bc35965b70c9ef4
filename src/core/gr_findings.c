/*
 * gr_findings.c — how every step records a finding: the message formatted
 * into the arena, never cut inside a character.
 */
#include "gr_tables.h"

/* The finding of a message text[0, n) of whole characters, copied into the arena. */
static gr_finding *
add_finding(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev, int line,
			const char *text, size_t n)
{
	gr_finding *f;
	char	   *msg;

	if (!gr_findings_reserve(ctx, rep))
		return NULL;
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

/* Record a finding whose message is made: at most 4,095 bytes of it, whole characters. */
gr_finding *
gr_add_finding_text(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev, int line,
					const char *text, size_t len)
{
	/* never a character cut in two, nor a malformed one kept */
	return add_finding(ctx, rep, rule, sev, line, text, gr_utf8_valid_prefix(text, len < 4095 ? len : 4095));
}

/*
 * Record a finding whose message b was built of whole characters (the
 * rules' words, keys, numbers, labels as the report writes them): only
 * where the buffer cut it may its last character be cut in two, so only
 * that one is looked at instead of the whole message.
 */
gr_finding *
gr_add_finding_built(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev, int line,
					 const gr_fbuf *b)
{
	size_t		n = b->len < 4095 ? b->len : 4095;
	size_t		last = n;

	/* the last character's first byte: at most three continuation bytes back */
	while (last > 0 && n - last < 3 && ((unsigned char) b->p[last - 1] & 0xC0) == 0x80)
		last--;
	if (last > 0)
		last--;
	return add_finding(ctx, rep, rule, sev, line, b->p, last + gr_utf8_valid_prefix(b->p + last, n - last));
}

/*
 * Record a finding whose message b was built of the format's own words
 * (the rules', the spec's labels), keys and numbers only: it holds no text
 * of the report, so its callers need not check it again (message_own).
 */
gr_finding *
gr_add_finding_own(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev, int line,
				   const gr_fbuf *b)
{
	gr_finding *f = gr_add_finding_built(ctx, rep, rule, sev, line, b);

	if (f)
		f->message_own = true;
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
