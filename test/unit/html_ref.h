/*
 * html_ref.h — libxml2's own tree of a page, the reference test_html holds
 * the compact tree to, and both trees written out as rendering sees them.
 */
#ifndef HTML_REF_H
#define HTML_REF_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "gr_html_tree.h"

/* The tree libxml2's SAX2 builder makes of the page, read as gr_html_sax.c reads it. */
extern xmlDocPtr html_ref_tree(const char *text, size_t len);

/* The line xmlGetLineNo() gives, 0 for none. */
extern int	html_ref_line(const xmlNode *n);

/* A cell's rowspan or colspan as gr_html_sax.c reads it, 1 to max. */
extern int	html_ref_span(const xmlNode *n, const char *name, int max);

/* Whether a <table> is among the descendants of n. */
extern bool html_ref_has_table(const xmlNode *n);

/* The publication date a <meta> gives (xmlFree it), NULL for none. */
extern xmlChar *html_ref_pub_date(const xmlNode *n);

/*
 * The trees as rendering reads them, as text: inline elements (GR_HT_OTHER:
 * <span>, <font>, <b>, unknown names) passed over, the text nodes that
 * meet then joined (the line of the first), every other node with what
 * rendering reads of it.  Malloc'd; the caller frees it.
 */
extern char *html_ref_flat_compact(const gr_htree *t);
extern char *html_ref_flat_libxml(const xmlDoc *doc);

#endif
