/*
 * gr_tables.h — the step from sections to cells: reading 表二/三/四 and
 * computing the derived cells.
 */
#ifndef GR_TABLES_H
#define GR_TABLES_H

#include <stdarg.h>

#include "gr_internal.h"

extern gr_status gr_tables(gr_ctx *ctx, const gr_doc *doc, gr_report *rep);
extern void gr_derive(gr_ctx *ctx, gr_report *rep);
#if defined(__GNUC__)
#define GR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define GR_PRINTF(f, a)
#endif

extern gr_finding *gr_add_finding_text(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev,
									   int line, const char *text, size_t len);
extern gr_finding *gr_add_finding_built(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev,
										int line, const gr_fbuf *b);
extern gr_finding *gr_add_finding_own(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev,
									  int line, const gr_fbuf *b);
extern gr_finding *gr_add_finding(gr_ctx *ctx, gr_report *rep, const char *rule, gr_severity sev,
								  int line, const char *fmt,...) GR_PRINTF(6, 7);

#endif							/* GR_TABLES_H */
