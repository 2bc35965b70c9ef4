/*
 * test_html.c — the compact tree of an HTML page (gr_html_sax.c) against
 * the tree libxml2's own SAX2 builder makes of the same page, read the
 * same way (the push parser, the same options and chunks), node by node:
 * the same nodes in the same places, the same text up to a NUL byte, the
 * line xmlGetLineNo() gives, what the name is to rendering, the spans of
 * cells and the date of a <meta>.  Rendering reads nothing else, so equal
 * trees render equal pages.  Pages: hostile ones made here (unclosed and
 * nested tables, hostile spans, 10^5 tiny tables, 100,000 nested <div>,
 * NUL bytes, broken entities, content after </html>, strict DTDs whose
 * body drops white space, lines beyond 65535, a text node past libxml2's
 * 10 MB; constructs cut by the page's first chunk end, a charset <meta>,
 * malformed bytes and </html> before more pieces), a few thousand
 * mutations of them (TEST_HTML_MUTATIONS=N for more, TEST_HTML_DUMP=DIR
 * to keep those that differ), and the files named.
 *
 *   test/unit/test_html [FILE|DIR...]      last line "N passed, N failed"
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "gr_html.h"
#include "gr_html_tree.h"
#include "html_ref.h"
#include "test_alloc.h"
#include "test_sbuf.h"

static int	passed,
			failed;

static void *
persist(size_t n)
{
	return malloc(n);
}

static char why[512];

static bool
same_node(const gr_htree *t, int32_t i, const xmlNode *x)
{
	const gr_hnode *n = gr_hn(t, i);
	static const int types[] = {
		[GR_HN_ELEM] = XML_ELEMENT_NODE, [GR_HN_TEXT] = XML_TEXT_NODE,
		[GR_HN_CDATA] = XML_CDATA_SECTION_NODE, [GR_HN_COMMENT] = XML_COMMENT_NODE, [GR_HN_PI] = XML_PI_NODE
	};
	bool		pc;

	if (n->type == GR_HN_DOC || (int) x->type != types[n->type])
		return snprintf(why, sizeof(why), "node %d: type %d, libxml2 %d", i, n->type, x->type), false;
	if (gr_hn_lineno(t, i) != html_ref_line(x))
		return snprintf(why, sizeof(why), "node %d: line %d, libxml2 %d", i, gr_hn_lineno(t, i), html_ref_line(x)), false;
	if (n->type == GR_HN_TEXT || n->type == GR_HN_CDATA)
	{
		const char *str = gr_hn_text(t, n);
		const char *end = memchr(str, 0, n->u.text.len);
		size_t		len = end ? (size_t) (end - str) : n->u.text.len;

		if (x->content == NULL || strlen((const char *) x->content) != len ||
			memcmp(x->content, str, len) != 0)
			return snprintf(why, sizeof(why), "node %d: text \"%.40s\", libxml2 \"%.40s\"", i,
							str, x->content ? (const char *) x->content : "(null)"), false;
	}
	if (n->type != GR_HN_ELEM)
		return true;
	if (gr_html_tag((const char *) x->name, &pc) != n->tag || html_ref_has_table(x) != n->has_table ||
		(n->tag != GR_HT_META && n->pub_date))
		return snprintf(why, sizeof(why), "node %d: <%s> tag %d table %d", i, x->name, n->tag, n->has_table), false;
	if (n->tag == GR_HT_CELL &&
		(html_ref_span(x, "rowspan", GR_HTML_MAX_SPAN_ROWS) != n->u.cell.rowspan ||
		 html_ref_span(x, "colspan", GR_HTML_MAX_SPAN_COLS) != n->u.cell.colspan))
		return snprintf(why, sizeof(why), "node %d: spans %d x %d", i, n->u.cell.rowspan, n->u.cell.colspan), false;
	if (n->tag == GR_HT_META)
	{
		xmlChar    *d = html_ref_pub_date(x);
		bool		ok = (d == NULL) == !n->pub_date &&
			(d == NULL || (strlen((const char *) d) == n->u.text.len && memcmp(d, gr_hn_text(t, n), n->u.text.len) == 0));

		xmlFree(d);
		if (!ok)
			return snprintf(why, sizeof(why), "node %d: the <meta>'s date", i), false;
	}
	return true;
}

/* Children of i against the list from x; libxml2's DOCTYPE node renders nothing and is passed over. */
static bool
same_children(const gr_htree *t, int32_t i, const xmlNode *x)
{
	int32_t		c = gr_hn(t, i)->first;

	for (;; c = gr_hn(t, c)->next, x = x->next)
	{
		while (x && x->type == XML_DTD_NODE)
			x = x->next;
		if (c == GR_HN_NONE || x == NULL)
			break;
		if (!same_node(t, c, x) || !same_children(t, c, x->children))
			return false;
		if (gr_hn(t, c)->parent != i)
			return snprintf(why, sizeof(why), "node %d: its parent", c), false;
	}
	if (c != GR_HN_NONE || x != NULL)
		return snprintf(why, sizeof(why), "under node %d: %s", i,
						c != GR_HN_NONE ? "a node more than libxml2's" : "a node fewer than libxml2's"), false;
	return true;
}

/* The compact tree of the page, the inline elements taken out or not (gr_html_drop_inline). */
static bool
compact_tree(gr_ctx *ctx, ta_arena *arena, gr_env *env, gr_error *err, const char *text, size_t len,
			 bool drop_inline, gr_htree *t)
{
	env->alloc = ta_alloc;
	env->alloc_ctx = arena;
	env->persist_alloc = persist;
	gr_ctx_init(ctx, env, err);
	gr_html_drop_inline = drop_inline;
	return gr_html_parse(ctx, text, len, t);
}

/* Where two flat forms part, for the message. */
static const char *
parting(const char *a, const char *b)
{
	size_t		i = 0;

	while (a[i] && a[i] == b[i])
		i++;
	while (i > 0 && a[i - 1] != '\n')
		i--;
	snprintf(why, sizeof(why), "as rendered, the tree reads \"%.60s\", libxml2's \"%.60s\"", a + i, b + i);
	return why;
}

/* The page rendered (gr_html_render), what the slimming takes out taken out or not. */
static bool
rendered_as(const char *text, size_t len, gr_html_kind kind, bool drop_inline, ta_arena *arena,
			gr_html_text *out)
{
	gr_env		env = {0};
	gr_error	err = {0};
	gr_ctx		ctx;

	env.alloc = ta_alloc;
	env.alloc_ctx = arena;
	env.persist_alloc = persist;
	gr_ctx_init(&ctx, &env, &err);
	gr_html_drop_inline = drop_inline;
	memset(out, 0, sizeof(*out));
	return gr_html_render(&ctx, text, len, kind, out) == GR_OK;
}

static bool
rendered(const char *text, size_t len, bool drop_inline, ta_arena *arena, gr_html_text *out)
{
	return rendered_as(text, len, GR_HTML_PAGE, drop_inline, arena, out);
}

/*
 * Whether the page renders the same with and without what the slimming
 * takes out: the text, the input line of each line, and every slot of
 * every data table; NULL when it does, else why not.
 */
static const char *
same_rendering(const char *text, size_t len)
{
	ta_arena	a = {0},
				b = {0};
	gr_html_text x,
				y;
	const char *res = NULL;
	bool		gx = rendered(text, len, false, &a, &x),
				gy = rendered(text, len, true, &b, &y);

	if (gx != gy)
		res = "rendered with the slimming's take-outs and not: one failed";
	else if (gx && (x.len != y.len || (x.len && memcmp(x.text, y.text, x.len) != 0)))
		res = parting(x.text ? x.text : "", y.text ? y.text : "");
	else if (gx && (x.nlines != y.nlines || (x.nlines && memcmp(x.lines, y.lines, sizeof(int) * (size_t) x.nlines) != 0)))
		res = "rendered with the slimming's take-outs and not: the lines' input lines differ";
	else if (gx && x.ncells != y.ncells)
		res = "rendered with the slimming's take-outs and not: the tables' slots differ";
	for (int i = 0; gx && res == NULL && i < x.ncells; i++)
	{
		const gr_html_cell *c = &x.cells[i],
				   *d = &y.cells[i];

		if (c->from != d->from || c->to != d->to || c->line != d->line || c->col != d->col ||
			c->span != d->span || c->covered != d->covered)
			res = "rendered with the slimming's take-outs and not: a table's slot differs";
	}
	ta_arena_free(&a);
	ta_arena_free(&b);
	gr_html_drop_inline = true;
	return res;
}

/*
 * The compact tree of the page equals libxml2's; NULL when it does, else
 * why not.  Two trees: with the inline elements kept, node by node; with
 * them taken out, as rendering reads the tree (html_ref.c's flat form).
 * And the page rendered from either reads the same.
 */
static const char *
compare(const char *text, size_t len)
{
	xmlDocPtr	doc = html_ref_tree(text, len);
	const char *res = NULL;

	for (int drop = 0; drop < 2 && res == NULL; drop++)
	{
		ta_arena	arena = {0};
		gr_env		env = {0};
		gr_error	err = {0};
		gr_ctx		ctx;
		gr_htree	t;
		bool		got = compact_tree(&ctx, &arena, &env, &err, text, len, drop, &t);

		if (got != (doc != NULL))
			res = got ? "a tree where libxml2 has no document" : "no tree where libxml2 has a document";
		else if (doc && !drop && !same_children(&t, 0, doc->children))
			res = why;
		else if (doc && drop)
		{
			char	   *mine = html_ref_flat_compact(&t);
			char	   *theirs = html_ref_flat_libxml(doc);

			if (strcmp(mine, theirs) != 0)
				res = parting(mine, theirs);
			free(mine);
			free(theirs);
		}
		ta_arena_free(&arena);
	}
	gr_html_drop_inline = true;
	xmlFreeDoc(doc);
	return res ? res : same_rendering(text, len);
}

static void
check(const char *name, const char *text, size_t len)
{
	const char *res = compare(text, len);

	if (res == NULL)
	{
		passed++;
		printf("ok - %s: the tree is libxml2's\n", name);
	}
	else
	{
		failed++;
		printf("not ok - %s: %s\n", name, res);
	}
}

/* A Word page of n paragraphs with tag (a <meta>, say) in its head. */
static void
head_tag_page(sbuf *b, const char *tag, int n)
{
	b->n = 0;
	sb_put(b, "<html><head><title>t</title>");
	sb_put(b, tag);
	sb_put(b, "</head><body>");
	for (int j = 0; j < n; j++)
		sb_put(b, "<p class=\"MsoNormal\"><span lang=\"EN-US\">政府信息公开</span></p>\n");
	sb_put(b, "</body></html>");
}

static void
put_n(sbuf *b, const char *s, int times)
{
	for (int i = 0; i < times; i++)
		sb_put(b, s);
}

static const char *const pages[] = {
	"<table><tr><td>外<table><tr><td>中<table><tr><td rowspan=2>内</td><td>1</td></tr><tr><td>2</td></tr>"
	"</table></td></tr></table></td><td>x</td></tr></table>",
	"<table><tr><td>a<td>b<tr><td>c<td rowspan=3>d<tr><td>e<p>f<div>g",
	"<table><tr><td rowspan=0>a</td><td rowspan=99999>b</td><td colspan=-5>c</td><td colspan=1000>d</td></tr>"
	"<tr><td rowspan=\"2abc\">e</td><td rowspan>f</td><td ROWSPAN=3 COLSPAN=2>g</td><td colspan=\" 3\">h</td>"
	"<td colspan=\"99999999999999999999\">i</td></tr><tr><td>j<td>k</tr></table>",
	"<p>&amp &amp; &#x; &#99999999; &#0; &foo; &lt;&gt;&nbsp;&#160;</p><p><b>a</b>&#32;<i>b</i></p>"
	"<p><b>a</b>&#9;&#10;<i>b</i></p><p>&#x4E2D;&#20013;&</p><p>&#</p>",
	"<p>a<?b x?> <i>c</i></p><p>a<?zz x?> <i>c</i></p><p>a<!--c--> <i>d</i></p><div><!--x--> <span>e</span></div>"
	"<div><script>var x=\"<p>\";</script> <span>f</span></div>",
	"<p><b>a</b> <i>b</i></p><table><tr><td> </td><td> <b>x</b> </td></tr>\n<tr>\n<td>\n1\n</td>\n</tr></table>"
	"<div> <span>x</span></div> <span>q</span> <em>r</em>\n<ul> <li> i </li> </ul>",
	"<script>if (a<b) { x = \"</td>\"; }</script><style>p{}</style><p>x<noscript>ns</noscript>y<select>"
	"<option>o</select>z<template>t</template></p>",
	"<p>为<o:p>20</o:p>23</p><w:Sdt>x</w:Sdt><:a>y</:a><a:>z</a:><xml:td>q</xml:td><table><tr>"
	"<x:td rowspan=2>xt</x:td><td>n</td></tr><tr><td>m</td></tr></table>",
	"<p>a<![CDATA[b]]>c</p><p>a < b <3 c<</p><p>d <! e</p><p>f </ g</p><p>a</p><!DOCTYPE html><p>b</p>",
	"<p>a<b c=d <i>x</i> <div class=\"q\" <span>s</span> <td x=\"1\"",
	"<table><tr><td>a</td><td <td>b</td></tr></table><p>z</p><p",
	/* what gr_html_slim.c takes out, keeps, and stops at */
	"<table style=\"a>b\" class='c\"d'><tr\nclass=x><td a=\"1\"rowspan=\"2\"colspan=\"3\"\nlang=zh>a</td>"
	"<td ROWSPAN = 2 style='\n\n' Colspan\n=\n'2'>b</td><td rowspan colspan=2/>c</td><td colspan=3/ x>d</td>"
	"<td x=a/>e</td><td\n\nrowspan=2\n>f</td></tr>\n<tr><td style=\"font-family:宋体\">g<br/>h<p/>i</td></tr></table>",
	"<p style=\"x\">a<!-- <td style=x> --!> <p class=y>b</p> --> <p class=z>c</p><!--> <p s=1>d</p> -->"
	"<![if !supportLists]><span style=\"x\">e</span><![endif]><?xml:namespace prefix = o ns = \"urn:x\" />"
	"<o:p class=q></o:p><p class=\"MsoNormal\">f</p>",
	"<div class=a><SCRIPT type=\"text/javascript\">var s = '</div><td style=x>'; </scriptx> <p class=q>"
	"</SCRIPT><style media=all>p { } </p></STYLE ><p class=r>g</p><script/><p class=s>h</p></div>",
	"<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><o:meta name=PubDate "
	"content=\"2024-01-17\" class=x><meta name=\"publishdate\" content=\"2023-02-02\" class=y></head>"
	"<body class=b><p class=x>a</p><body class=c/><p>b</p><html lang=zh><p class=\"\xff\">c中文</p>"
	"<p class=\"\xe4\xb8\">d表三</p><td rowspan=1 rowspan=2 rowspan=3 rowspan=4 rowspan=5 rowspan=6 rowspan=7 rowspan=8"
	" rowspan=9 rowspan=10 rowspan=11 rowspan=12 rowspan=13 rowspan=14 rowspan=15 rowspan=16 rowspan=17 x=1>e</td>",
	"<p class=a>x</p><p class=b\"q\">y</p><p class=c>z</p>",
	"<p class=a>x</p><p class=\"open>y</p><p class=c>z</p>",
	"<p class=a>x</p></p class=b><p class=c>z</p></ p><p class=d>w</p>",
	/* a kept value without quotes, then what is taken out, then "/>": not "rowspan=2/>" */
	"<table><tr><td rowspan=2 class=x/>a</td><td colspan=3 x />b</td><td rowspan=<?x:y = o />c</td>"
	"<td rowspan=\"2\" x/>d</td></tr><tr><td>e</td></tr></table><body class=n rowspan=3 x/><p>f</p>",
	/* Word's inline elements, which gr_html_slim.c takes out where the tree stays the same */
	"<p class=MsoNormal style=\"x\"><span style=\"font-family:仿宋\">0</span><span lang=EN-US><o:p></o:p>"
	"</span></p><table><tr><td><p><span><font face=x>年度</font></span><span>a</span> <span> </span></p></td>"
	"<td><span>1</span>2<SPAN>3</SPAN><span><o:p>&nbsp;</o:p></span></td><th><font>h</font></th></tr></table>"
	"<div>a\n<span>b</span>c<span\nclass=x>d</span>\ne<span>f</span>\n</div><li><font color=red>x</font> </li>"
	"<P><SPAN>U</SPAN><span>x<o:p></o:p></span> </P><p><span><o:p></o:p></span><span> </span></p>"
	"<p><span><span><span><span><span>deep</span></span></span></span></span><span/>v</span></p>"
	"<p><span>x</font>y</span><span>z</div></p><td><span><o:p> </o:p></span></td><p><span>q<o:p>r</o:p>s</span></p>"
	"<p><span>t</span><!--c--><span>u</span>&amp;<span>&#10;</span><span>\xe4\xb8</span></p>"
	"<p>n<o:p>\n</o:p></p><p>o<o:p> </o:p></p ><div><span>v<o:p>\t</o:p></span></div><li>w<o:p></o:p><p>p</p>"
	"<td>x<o:p> </o:p></td><p>y<span><o:p>\n</o:p></span></p><p>z<o:p></o:p><o:p></o:p></p><p>after</p>",
	/* what a review found: references cut by the tags, text after a stray end tag, text ending in "/p>" */
	"<p>&amp<span>;</span></p><p>&#20013<span>;</span></p><p>&#x4E2<span>D;</span></p><p><span>&</span>lt;</p>"
	"<table><tr><td>&#49<span>2</span></td><td>&中<span>文;</span></td><td>0<o:p>3/o:p></td></tr></table>"
	"<p>a<o:p></o:p>b/p>c</p><div>d<span>e<o:p></o:p></span>f/div>g</div><p>a<o:p>x/o:p></p>"
	"<p>&#32;\n<span>b</span></p><table><tr><th><font>h</font></thiv>a\n<span>b</span>></th></tr></table>"
	"<p>&#32;\n</x>b<span>c</span></p><p><span>x</span></q>\ny</p><p><span>x</span><body>\ny</p>"
	"<p><span><o:p></o:p></span><span><o:p></o:p></span></p><td><span><o:p></o:p></span><o:p></o:p></td>",
	/* a run read, then not taken out for the tag after it, which is no tag to this pass (a fuzzer's crash) */
	"<p><span>a</span><span class=\"q\">b</span><b class=x !y>c</b></p><td><font>d</font><span rowspan=2>e</span></td>",
	/* end tags right before the next cell or paragraph, which closes the element anyway, and ones like them */
	"<table><tr><td>a</td><td>b</td><TD>c</Td><th>d</th><td>e</td><th>f</th></tr><tr><td>g</td>\n<td>h</td>"
	"<td>i</td\n><td>j</td ><td>k</td><tdx>l</td><tr><td>m</td><tr><td><span>n</td><td>o</td></tr></table>"
	"<p>p</p><p>q</p><P>r</p><div>s</div><p>t</p><div>u</p><p>v</p><li>w</li><li>x</li><p>y</p><pre>z</pre>"
	"<td>1</td><!--c--><td>2</td><td>3</td><?x?><td>4</td><td>&amp</td><td>;</td><td>&#4</td><td>9</td>"
	"<td>\n5</td><td>\n6</td><p>7<span>8</span></p><p>9</p><td><o:p></o:p></td><td>0</td><p></p><p></p>"
	"<table><tr><td>a<table><tr><td>b</td></tr></table></td><td>c</td></tr></table><td>d</td><td/>e</td>"
	"<table><tr><td>a</tr><td>b</td><td>c</TH><td>d</td></tr><tr><td><div>e</td><td>f</td><td><em>g</td><td>h</td>"
	"</tr></table><p><div>i</p><p>j</p><li><p>k</li><li>l</li>",
	/* a cell's only paragraph of text, which gr_html_inline.c leaves out, and cells like it */
	"<table><tr><td><p>13</p></td><td><p\n>14</p></td><td><p class=x style=\"a\">15</p></td><TH><P>16</P></TH>"
	"<td><p> </p></td><td><p>&amp</p></td><td><p>&#49</p></td><td><p>a</p>b</td><td>c<p>d</p></td>"
	"<td><p>e</p><p>f</p></td><td><p><span>g</span></p></td><td><p>h<br>i</p></td><td><p/>j</td>"
	"<td><pre>k</pre></td><td><p>l\nm</p></td><td> <p>n</p></td><td><p>o</p> </td><td><p>p</p></th>"
	"<td><p>q</P></TD><td><p>r</p></td\n></tr>\n<tr><td rowspan=2><p>s\n</p></td><td><p></p></td></tr></table>"
	"<table><tr><td><p>x</p></td><td><table><tr><td><p>1</p></td><td>2<p>3</p></td></tr></table></td>"
	"<td><p>y</p>z</td><td><p>w</p><p>v</p></td></tr></table><li><p>y</p></li><div><p>z</p></div>",
};

/* Whole documents, as they stand. */
static const char *const documents[] = {
	"<html><body><p>in</p></body></html>\n  text after <p>more</p>",
	"<!DOCTYPE html><html><body><p>in</p></body></html>\n  text after <p>more</p>",
	"<!-- c --><html><body><p>in</p></body></html>  text after <p>more</p> end",
	"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\"><html><body> "
	"<b>a</b> <i>b</i> <p> x </p> text <span>y</span> <span>z</span></body></html>",
	"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4//EN\"><html><head> <title>t</title> </head><body> <b>a</b> "
	"<i>b</i>\n<div> <span>y</span> <span>z</span></div></body></html>",
	"<html><head><meta name=\"PUBDATE\" content=\"2024-01-01 10:00\"><meta name=\"pubdate\" content=\"\">"
	"<meta name=\"x\" content=\"no\"><meta content=\"2023\" name=\"publishdate\"><meta name=firstpublishedtime content>"
	"</head><body><table><tr><td><meta name=\"PubDate\" content=\"incell\">c</td></tr></table>"
	"<meta name=\"PubDate\" content=\"  spaced   out  \"></body></html>",
	"<html><head><title>a</title><body><p>x</p><html lang=zh><head><body class=b><p>y</p></body></html></body></html>",
	"just text <b>bold</b> and more<p>para</p>",
	"<html><frameset><frame src=a></frameset><noframes><p>nf</p></noframes></html>",
	"<html><head><title>t</title></head><body>\r\n<p>a\r\nb</p>\r\n<table>\r\n<tr><td>1</td></tr>\r\n</table>\r</body></html>",
	"<html></html>", "   \n  ", "", "<p>x</p><!-- a --> <?pi?> <p>y</p>",
};

static void
made_pages(void)
{
	static const char head[] = "<html><head><title>t</title></head><body>";
	char		label[64];
	sbuf		b = {0};

	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
	{
		b.n = 0;
		sb_put(&b, head);
		sb_put(&b, pages[i]);
		snprintf(label, sizeof(label), "page %zu", i + 1);
		check(label, b.p, b.n);
	}
	for (size_t i = 0; i < sizeof(documents) / sizeof(documents[0]); i++)
	{
		snprintf(label, sizeof(label), "document %zu", i + 1);
		check(label, documents[i], strlen(documents[i]));
	}
	{
		static const char nul[] = "<html><body><p>a\0b</p><table><tr><td>x\0y</td><td rowspan=\"2\0\">q</td></tr>"
			"</table><p\0>c</p><d\0iv>e</div>\0\0</body></html>";

		check("NUL bytes in text, attributes and names", nul, sizeof(nul) - 1);
		check("NUL bytes only", "\0\0\0\0", 4);
	}
	b.n = 0;
	sb_put(&b, head);
	for (int i = 0; i < 100000; i++)
		sb_put(&b, "<table><tr><td>1</td></tr></table>");
	check("10^5 tiny tables", b.p, b.n);
	{
		int			deep[] = {100000, 300, 257, 256, 255, 201};

		for (size_t k = 0; k < sizeof(deep) / sizeof(deep[0]); k++)
		{
			b.n = 0;
			sb_put(&b, head);
			put_n(&b, "<div>x", deep[k]);
			put_n(&b, "</div>", deep[k]);
			sb_put(&b, "<p>after</p><table><tr><td>");
			put_n(&b, "<span>y<br>", deep[k]);
			sb_put(&b, "</td></tr></table>");
			snprintf(label, sizeof(label), "%d nested <div>, then <span> in a cell", deep[k]);
			check(label, b.p, b.n);
		}
	}
	/* a cell's only paragraph, left out, near the depths where rendering and libxml2 stop */
	for (int d = 193; d <= 202; d++)
	{
		b.n = 0;
		sb_put(&b, head);
		put_n(&b, "<div>", d);
		sb_put(&b, "<table><tr><td><p>p</p></td><td><p>q</p></td></tr></table><table><tr><td><table><tr>"
			"<td><p>r</p></td></tr></table></td></tr></table>");
		snprintf(label, sizeof(label), "%d nested <div>, then a paragraph in a cell", d);
		check(label, b.p, b.n);
	}
	b.n = 0;
	sb_put(&b, "<html><body>");
	for (int i = 0; i < 70000; i++)
		sb_put(&b, i % 1000 == 0 ? "<p>l</p>\n" : "\n");
	sb_put(&b, "<table><tr><td>late</td><td rowspan=2>x</td></tr>\n<tr><td>\n\nlater</td></tr></table>\n<br>\n<p><!--c-->\n"
		"text<script>s</script></p><div></div>\n<meta name=PubDate content=2024>\n<p>x<![CDATA[y]]></p></body></html>");
	check("70,000 lines (libxml2 keeps 65535 for lines beyond)", b.p, b.n);
	b.n = 0;
	sb_put(&b, "<html><body><table>\n");
	for (int i = 0; i < 70000; i++)
		sb_put(&b, "<tr><td>1</td><td>v</td></tr>\n");
	sb_put(&b, "</table><p>end</p></body></html>");
	check("70,000 rows on their own lines", b.p, b.n);
	b.n = 0;
	sb_put(&b, head);
	sb_put(&b, "<p>");
	put_n(&b, "字", 3500000);
	sb_put(&b, "</p><p>after</p>");
	check("a text of 10.5 MB (libxml2 stops at 10 MB)", b.p, b.n);
	b.n = 0;
	sb_put(&b, head);
	sb_put(&b, "<p>");
	put_n(&b, "字", 1800000);
	sb_put(&b, "<span>x</span>");
	put_n(&b, "字", 1800000);
	sb_put(&b, "</p><p>after</p>");
	check("two texts of 5.4 MB joined by a <span> taken out (libxml2 stops at 10 MB)", b.p, b.n);
	/* libxml2 stops past 256 elements deep (nodePush): a <span> taken out must not hide one */
	for (size_t k = 0; k < 8; k++)
	{
		static const int depths[] = {190, 192, 193, 250, 251, 252, 253, 254};
		int			d = depths[k];

		b.n = 0;
		sb_put(&b, head);
		put_n(&b, "<div>", d);
		sb_put(&b, "<p><span><font>x</font></span><span><o:p></o:p></span></p>");
		put_n(&b, "</div>", d);
		sb_put(&b, "<p>after</p>");
		snprintf(label, sizeof(label), "%d nested <div>, then <span>s to take out", d);
		check(label, b.p, b.n);
	}
	b.n = 0;
	sb_put(&b, head);
	sb_put(&b, "<p>a<o:p>");
	put_n(&b, " ", 1000);
	sb_put(&b, "</o:p></p><p>");
	put_n(&b, " ", 1000);
	sb_put(&b, "\n<span>b</span></p><p>c</p>");
	check("1,000 blanks in an <o:p> and before a <span> (handed over before the '<')", b.p, b.n);
	free(b.p);
}

/*
 * Where libxml2's push parser reads a page depends on more than its bytes:
 * a start tag, comment or script cut by a chunk's end may be read in part
 * (htmlParseLookupSequence finds a '>' or "--" early), a <meta> charset or
 * a malformed byte (xmlNextChar) switches the decoder of the bytes not yet
 * pushed, and after </html> blank text ends a chunk's parse.  gr_html_slim
 * hands libxml2 other pieces than the page's own 256 kB chunks, so these
 * pages put such constructs across the page's first chunk end, or before
 * pieces still to come.
 */
#define PAGE_CHUNK (256 * 1024)

/* Filler up to length at: tags with attributes to take out, then text. */
static void
pad_to(sbuf *b, size_t at)
{
	for (int i = 0; i < 200 && b->n + 40 < at; i++)
		sb_put(b, "<p class=\"MsoNormal\">x</p>\n");
	sb_put(b, "<p>");
	if (b->n < at)
	{
		if (at + 1 > b->cap)
			b->p = realloc(b->p, b->cap = (at + 1) * 2);
		memset(b->p + b->n, 'z', at - b->n);
		b->n = at;
		b->p[b->n] = 0;
	}
}

static void
boundary_pages(void)
{
	/* each cut by the first chunk's end after each byte of [from, to], slimming on and stopped before */
	static const struct
	{
		const char *s;
		int			from,
					to;
		bool		stopped;	/* also after slimming stopped */
	}			across[] = {
		{"<p a=x\"y b=\"z>w\">q</p>", 8, 17, true},	/* the lookup pairs the quotes otherwise */
		{"<p a=x'y b='z>w'>q</p>", 13, 16, false},
		{"<script>var s = \"</p>\"; </script><p>s</p>", 20, 33, true},	/* "</scr" read as text */
		{"<style>p { } </style><p>s</p>", 13, 19, false},
		{"<!--> <p>c</p> --><p>d</p>", 4, 18, true},	/* "<!-->" ends it for the lookup only */
		{"<!---> <p>c</p> --><p>d</p>", 5, 7, false},
		{"<!-- c --><p>d</p>", 7, 10, false},	/* "--|>": the lookup misses it */
		{"<!-- c --!><p>d</p>", 8, 11, false},
		{"<!DOCTYPE html><p>d</p>", 1, 15, false},	/* "<!DOC" read as text */
		{"<?pi x?><p>d</p>", 2, 8, false},
		{"<td rowspan=\"2\" class=\"c\">t</td>", 10, 27, false},
		{"</p ><p>d</p>", 1, 5, false},
		{"<p><span class=\"x\">a</span><span>b</span>c</p>", 1, 40, false},	/* inline elements taken out */
		{"<p><span class=\"\xe4\xb8\">a</span>b</p>", 1, 40, false},	/* xmlNextChar switches the decoder */
	};
	static const char *const open[] = {"", "<p class=\"a\" x=y\">"};	/* the second stops slimming */
	sbuf		b = {0};
	int			bad = 0,
				n = 0;

	for (size_t i = 0; i < sizeof(across) / sizeof(across[0]); i++)
		for (size_t o = 0; o < (across[i].stopped ? 2 : 1); o++)
			for (int k = across[i].from; k <= across[i].to; k++)
			{
				const char *res;

				b.n = 0;
				sb_put(&b, "<html><head><title>t</title></head><body><table><tr><td>");
				sb_put(&b, open[o]);
				pad_to(&b, 4 + PAGE_CHUNK - (size_t) k);
				sb_put(&b, across[i].s);
				sb_put(&b, "<p class=\"e\">中文</p></td></tr></table><p class=\"f\">end</p></body></html>");
				n++;
				if ((res = compare(b.p, b.n)) != NULL && bad++ < 10)
					printf("# cut after byte %d of %s (%s): %s\n", k, across[i].s, o ? "slimming stopped" : "slimmed", res);
			}

	/*
	 * a chunk's end inside a quoted value: htmlParseLookupSequence keeps
	 * invalue but not the quote, never finds the '>', and the rest is read
	 * at the last call, in one go; after </html> that reads less
	 */
	for (int k = 1; k <= 24; k++)
	{
		b.n = 0;
		sb_put(&b, "<html><body><table><tr><td>");
		pad_to(&b, 4 + PAGE_CHUNK - (size_t) k);
		sb_put(&b, "<td rowspan=\"2\" class=\"c\">t</td></tr></table><p class=\"f\">end</p></body></html>\n"
			"<!--A-->\n<!--B--><p>after</p>");
		n++;
		if (compare(b.p, b.n) != NULL && bad++ < 10)
			printf("# a quoted value cut after byte %d, then </html>: not libxml2's tree\n", k);
	}
	if (bad == 0)
		passed++, printf("ok - %d pages cut at the first chunk's end: every tree is libxml2's\n", n);
	else
		failed++, printf("not ok - %d of %d pages cut at the first chunk's end differ\n", bad, n);
	free(b.p);
}

/* Pages where what is pushed after a construct, or how many times, shows. */
static void
timing_pages(void)
{
	char		label[96];
	sbuf		b = {0};

	/* a tag of 300 kB (a picture inline): the first chunk ends between its values */
	b.n = 0;
	sb_put(&b, "<html><body><table><tr><td>");
	pad_to(&b, 4 + PAGE_CHUNK - 200 * 1024 - 9);
	sb_put(&b, "<img a=\"");
	put_n(&b, "0123456789abcdef", 200 * 1024 / 16);
	sb_put(&b, "\" b=\"");
	put_n(&b, "0123456789abcdef", 100 * 1024 / 16);
	sb_put(&b, "\"></td></tr></table><p class=\"f\">end</p></body></html>\n<!--A-->\n<!--B--><p>after</p>");
	check("a tag of 300 kB, the first chunk ending between its values, then </html>", b.p, b.n);

	/*
	 * what switches the decoder of the bytes not yet pushed, before 16 kB
	 * more: a malformed byte; a charset <meta> would, but libxml2 is told to
	 * ignore it (HTML_PARSE_IGNORE_ENC), and the slimming goes on past it
	 */
	{
		static const char *const switches[] = {
			"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
			"<meta charset=\"gbk\">",
			"<META CHARSET=ISO-8859-1>",
			"<meta charset=\"utf-8\"><meta charset=\"gbk\">",
			"<meta content=\"&#99;harset=gbk\" http-equiv=content-type>",
			"<td rowspan=\"2\xff\">x</td>",
			"<p class=\"\xff\">x</p>",
			"<meta name=\"a\" content=\"\xe4\xb8\">",
			"<!DOCTYPE html \xff>",
			"<p>a\xff b</p>",
			"<p>&amp\xff;</p>",
		};

		for (size_t i = 0; i < sizeof(switches) / sizeof(switches[0]); i++)
		{
			head_tag_page(&b, switches[i], 2000);
			snprintf(label, sizeof(label), "%.40s, then 100 kB of Chinese", switches[i]);
			check(label, b.p, b.n);
		}
	}
	/* after </html>, blank text ends the parse of a chunk */
	b.n = 0;
	sb_put(&b, "<html><body><p class=a>x</p></body></html>\n<!--A-->\n<!--");
	for (int j = 0; j < 1000; j++)
		sb_put(&b, "0123456789");
	sb_put(&b, "-->\n<!--C-->");
	check("comments after </html>, one of 10 kB", b.p, b.n);
	b.n = 0;
	sb_put(&b, "<html><body><p class=a>x</p></body></html>\n<?a?>\n<!--");
	for (int j = 0; j < 3000; j++)
		sb_put(&b, "<p class=x>0123456789</p>");
	sb_put(&b, "-->\n<p>z</p>");
	check("a PI and comments after </html>, one of 75 kB", b.p, b.n);
	b.n = 0;
	sb_put(&b, "</p><p class=a>x</p>\n<!--A-->\n<!--");
	put_n(&b, "0123456789", 1000);
	sb_put(&b, "-->\n<!--C-->");
	check("an end tag first, then comments", b.p, b.n);
	free(b.p);
}

/* Deterministic mutations of the made pages: cuts, copies, and pieces of markup put in. */
static void
mutations(int count)
{
	static const char *const bits[] = {
		"<", ">", "/", "&", "<td>", "</td>", "<tr>", "</tr>", "<table>", "</table>", "<!--", "-->", "<?b ",
		" ", "\n", "<br>", "&#32;", "&nbsp;", "rowspan=3 ", "colspan=2 ", "<p>", "</p>", "<script>", "</html>",
		"<html>", "<body>", "<!DOCTYPE html>", "<o:p>", "<meta name=pubdate content=2020>", "\"", "=",
		"<span>", "</span> ", "<div>", "</div>", "<head>", "<title>",
		" style=\"a>b\" ", " class='x' ", "'", "--!>", "<![if !x]>", "<?xml:namespace prefix = o />",
		"</script>", "<SCRIPT>", "</scriptx>", "<style type=x>", "</style>", "<td style='\n'>", "/>",
		"<o:meta name=PubDate content=2021>", "\xff", "<p class=MsoNormal>", " ROWSPAN=2", "\t",
		" x/>", "<html/>", "<body/>", "<head/>", "<meta charset=gbk>", "<meta charset=\"utf-8\">",
		"&#62;", "&quot;", "\r", "\xe4\xb8", "中", "<!-->", "--", " a=b\"c ", "<td rowspan=2 class=x>",
		"<span style=\"f\">", "<font face=x>", "</font>", "</o:p>", "<span lang=EN-US><o:p></o:p></span>", "<li>",
	};
	unsigned long long seed = 11;
	int			bad = 0;
	sbuf		b = {0};
	char	   *tmp = NULL;

	for (int k = 0; k < count; k++)
	{
		size_t		np = sizeof(pages) / sizeof(pages[0]),
					nd = sizeof(documents) / sizeof(documents[0]);
		int			edits;

#define RND() (seed = seed * 6364136223846793005ULL + 1442695040888963407ULL, (size_t) (seed >> 33))
		b.n = 0;
		sb_put(&b, "<html><body>");
		sb_put(&b, k % 2 ? pages[RND() % np] : documents[RND() % nd]);
		sb_put(&b, pages[RND() % np]);
		edits = 1 + (int) (RND() % 30);
		for (int e = 0; e < edits; e++)
		{
			size_t		at = RND() % (b.n + 1);
			size_t		op = RND() % 10;

			tmp = realloc(tmp, b.n + 1);
			memcpy(tmp, b.p, b.n + 1);
			if (op < 5)
			{
				const char *s = bits[RND() % (sizeof(bits) / sizeof(bits[0]))];

				b.n = at;
				b.p[at] = 0;
				sb_put(&b, s);
				sb_put(&b, tmp + at);
			}
			else if (op < 8)
			{
				size_t		n = 1 + RND() % 20;

				if (at + n > b.n)
					n = b.n - at;
				memmove(b.p + at, b.p + at + n, b.n - at - n + 1);
				b.n -= n;
			}
			else
			{
				size_t		from = RND() % (b.n + 1),
							n = 1 + RND() % 100;
				char		piece[128];

				if (from + n > b.n)
					n = b.n - from;
				memcpy(piece, tmp + from, n);
				piece[n] = 0;
				b.n = at;
				b.p[at] = 0;
				sb_put(&b, piece);
				sb_put(&b, tmp + at);
			}
		}
		{
			const char *res = compare(b.p, b.n);

			if (res && bad++ < 5)
				printf("# mutation %d: %s\n#   %.300s\n", k, res, b.p);
			if (res && getenv("TEST_HTML_DUMP"))
			{
				char		path[4096];
				FILE	   *f;

				snprintf(path, sizeof(path), "%s/mutation_%d.html", getenv("TEST_HTML_DUMP"), k);
				if ((f = fopen(path, "wb")) != NULL)
					fwrite(b.p, 1, b.n, f), fclose(f);
			}
		}
	}
	if (bad == 0)
	{
		passed++;
		printf("ok - %d mutations of those pages: every tree is libxml2's\n", count);
	}
	else
	{
		failed++;
		printf("not ok - %d of %d mutations give a tree that is not libxml2's\n", bad, count);
	}
	free(b.p);
	free(tmp);
}

static void
file(const char *path)
{
	FILE	   *f = fopen(path, "rb");
	char	   *text;
	long		n;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
		(text = malloc((size_t) n + 1)) == NULL || fread(text, 1, (size_t) n, f) != (size_t) n)
	{
		failed++;
		printf("not ok - %s: cannot be read\n", path);
		if (f)
			fclose(f);
		return;
	}
	fclose(f);
	check(path, text, (size_t) n);
	free(text);
}

static void
path_arg(const char *path)
{
	struct stat st;
	DIR		   *d;
	struct dirent *e;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) && (d = opendir(path)) != NULL)
	{
		char		full[4096];

		while ((e = readdir(d)) != NULL)
			if (e->d_name[0] != '.')
			{
				snprintf(full, sizeof(full), "%s/%s", path, e->d_name);
				file(full);
			}
		closedir(d);
	}
	else
		file(path);
}

/* gr_html_push: the slimmed page, collected */
static bool
collect(void *arg, const char *piece, size_t len)
{
	sbuf	   *b = arg;

	sb_putn(b, piece, len);
	return true;
}

/*
 * The slimming goes on past a <meta> that names another encoding (libxml2
 * ignores it): the attributes after it are gone, the meta is kept whole.
 */
static void
slim_past_charset(void)
{
	static const char *const metas[] = {
		"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
		"<META CHARSET=gbk>",
	};

	for (size_t i = 0; i < sizeof(metas) / sizeof(metas[0]); i++)
	{
		sbuf		page = {0},
					out = {0};
		char		buf[1024];
		bool		ok;

		head_tag_page(&page, metas[i], 100);
		ok = gr_html_slim(page.p, page.n, buf, sizeof(buf), collect, &out);
		if (ok && strstr(out.p, metas[i]) != NULL && strstr(out.p, "MsoNormal") == NULL &&
			strstr(out.p, "EN-US") == NULL)
		{
			passed++;
			printf("ok - the slimming goes on past %s\n", metas[i]);
		}
		else
		{
			failed++;
			printf("not ok - the slimming goes on past %s\n", metas[i]);
		}
		free(page.p);
		free(out.p);
	}
}

/*
 * Texts with HTML tables (GR_HTML_TABLES, gr_html_detect.c): what they are
 * taken for, the text they render to (the text outside the tables as it
 * is, line for line; a table row a line, cells apart by tabs) and the
 * input line of each rendered line.  expect NULL: not read as a text with
 * tables (kind says what instead).
 */
typedef struct tables_case
{
	const char *name;
	const char *text;
	gr_html_kind kind;
	const char *expect;
	int			lines[12];		/* input line of each rendered line, 0 after the last */
} tables_case;

static void
text_with_tables(void)
{
	static char long_text[12000];
	static char long_page[12000];
	static char many_lt[2100000];
	const tables_case cases[] = {
		{"Markdown with a MinerU table",
			"# 标题\n\n正文 a<b & c&amp;\n<table><tr><td rowspan=\"2\">申请</td><td>1</td></tr><tr><td>2</td></tr></table>\n## 二、情况\n",
			GR_HTML_TABLES, "# 标题\n\n正文 a<b & c&\n申请\t1\n\t2\n## 二、情况\n", {1, 2, 3, 4, 4, 5}},
		{"pandoc's table, a tag a line, <p> in its cells, CRLF",
			"一、总体\r\n<table>\r\n<tbody>\r\n<tr>\r\n<td><p>规章</p></td>\r\n<td><p>5</p></td>\r\n</tr>\r\n</tbody>\r\n</table>\r\n\r\n二、主动\r\n",
			GR_HTML_TABLES, "一、总体\n规章\t5\n\n二、主动\n", {1, 4, 10, 11}},
		{"text before and after a table on its lines, a table in a table",
			"前<table><tr><td>外<table><tr><td>9</td></tr></table></td></tr></table>后\n末",
			GR_HTML_TABLES, "前\n外\n9\n后\n末", {1, 1, 1, 1, 2}},
		{"a <table> in a comment: libxml2 sees one table where the scan sees two, read as a page",
			"甲\n<table><tr><td>1<!-- </table><table> --></td></tr></table>\n乙\n",
			GR_HTML_TABLES, "甲\n1\n乙\n", {2, 2, 4}},	/* a page's lines: where libxml2's text nodes end */
		{"MinerU's tables in <html><body>: still a text with tables",
			"一、总体\n<html><body><table><tr><td>1</td></tr></table></body></html>\n二、主动\n", GR_HTML_TABLES,
			"一、总体\n1\n二、主动\n", {1, 2, 3}},
		{"a <p> outside the tables: a page", "<p>甲</p>\n<table><tr><td>1</td></tr></table>\n",
			GR_HTML_PAGE, NULL, {0}},
		{"a table past the first 8 kB of text", long_text, GR_HTML_TABLES, NULL, {0}},
		{"a page's tags past the first 8 kB of text: text", long_page, GR_HTML_NONE, NULL, {0}},
		{"no whole table: text", "甲 <table><tr><td>1\n乙\n", GR_HTML_NONE, NULL, {0}},
		{"Markdown's <http://…> and a <sup>: still a text with tables",
			"<http://www.gov.cn>\n注<sup>1</sup>\n<table><tr><td>1</td></tr></table>\n", GR_HTML_TABLES,
			"<http://www.gov.cn>\n注1\n1\n", {1, 2, 3}},
		{"pandoc's Markdown of a page: raw <div> and <span> around Markdown, a tag over two lines, no table",
			"<div class=\"head\">\n\n## 标题\n\n</div>\n\n<span\nstyle=\"x\">一、总体</span><span></span>\n\n"
			"| 内容 | 本年 |\n|---|---|\n| <span>规章</span> | 5<br>件 |\n<!-- c -->&nbsp;二、主动<br/>正文&#x4e00;&bogus; a&b\n",
			GR_HTML_TABLES, "\n## 标题\n\n\n\n一、总体\n\n| 内容 | 本年 |\n|---|---|\n| 规章 | 5件 |\n\xc2\xa0二、主动\n正文一&bogus; a&b\n",
			{2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 13}},
		{"pandoc's Markdown of a page with its tables", "<div>\n\n# 报告\n\n## 三、\n\n<table><tr><td>1</td></tr></table>\n\n</div>\n",
			GR_HTML_TABLES, "\n# 报告\n\n## 三、\n\n1\n\n\n", {2, 3, 4, 5, 6, 7, 8, 9}},
		{"Markdown's lines but a <p> outside the tables: a page",
			"<div><p>甲</p><p>乙</p></div>\n## 丙\n|---|---|\n", GR_HTML_PAGE, NULL, {0}},
		{"Markdown's lines but a <script>: a page",
			"<div>\n## 甲\n<script>x</script>\n|---|---|\n</div><div><span>乙</span></div>\n", GR_HTML_PAGE, NULL, {0}},
		{"<div> and <span> without Markdown's lines: a page",
			"<div>\n甲\n</div>\n<div>\n<span>乙</span>\n</div>\n", GR_HTML_PAGE, NULL, {0}},
		{"one heading is no Markdown: a page", "<div>\n# 甲\n</div>\n<div><span>乙</span></div>\n", GR_HTML_PAGE,
			NULL, {0}},
		{"raw HTML around Markdown: &#10; is a space, not a line the text has not; &#124; stays",
			"<div>\n## 甲\n|---|---|\n正文&#10;x | 5&#124;6\n## 乙\n", GR_HTML_TABLES,
			"## 甲\n|---|---|\n正文 x | 5&#124;6\n## 乙\n", {2, 3, 4, 5}},
		{"a million '<' and '&' that are text, in linear time", many_lt, GR_HTML_TABLES, NULL, {0}},
	};

	for (int i = 0; i < 9000; i++)
		long_text[i] = (i % 60 == 59) ? '\n' : 'x';
	strcpy(long_text + 9000, "\n<table><tr><td>1</td></tr></table>\n");
	memcpy(long_page, long_text, 9000);
	strcpy(long_page + 9000, "\n<p>1</p><table><tr><td>1</td></tr></table>\n");
	/* "<div>" and Markdown's lines, then "<a&b" a million times and a '>' at the end: no tag, no entity */
	strcpy(many_lt, "<div>\n## 甲\n|---|---|\n");
	for (size_t i = strlen(many_lt); i + 5 < sizeof(many_lt); i += 2)
		memcpy(many_lt + i, i % 4 ? "&b" : "<a", 2);
	strcpy(many_lt + sizeof(many_lt) - 5, ">\n");

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		const tables_case *c = &cases[i];
		size_t		len = strlen(c->text);
		gr_html_kind kind = gr_html_detect(c->text, len);
		ta_arena	a = {0};
		gr_html_text out;
		const char *bad = NULL;
		int			nexp = 0;

		if (kind != c->kind)
			bad = "taken for another kind";
		else if (!c->expect && kind == GR_HTML_TABLES)
		{
			if (!rendered_as(c->text, len, kind, true, &a, &out) || out.len == 0)
				bad = "render failed";
		}
		else if (c->expect)
		{
			while (nexp < 12 && c->lines[nexp])
				nexp++;
			if (!rendered_as(c->text, len, kind, true, &a, &out))
				bad = "render failed";
			else if (out.len != strlen(c->expect) || memcmp(out.text, c->expect, out.len) != 0)
			{
				bad = why;
				snprintf(why, sizeof(why), "rendered \"%.*s\"", (int) (out.len < 200 ? out.len : 200),
						 out.text ? out.text : "");
			}
			else if (out.nlines != nexp)
				bad = "another number of lines";
			else
				for (int k = 0; k < nexp && !bad; k++)
					if (out.lines[k] != c->lines[k])
					{
						bad = why;
						snprintf(why, sizeof(why), "rendered line %d is input line %d, not %d", k + 1,
								 out.lines[k], c->lines[k]);
					}
		}
		if (bad)
		{
			failed++;
			printf("not ok - text with tables: %s: %s\n", c->name, bad);
		}
		else
		{
			passed++;
			printf("ok - text with tables: %s\n", c->name);
		}
		ta_arena_free(&a);
	}
}

int
main(int argc, char **argv)
{
	const char *nm = getenv("TEST_HTML_MUTATIONS");	/* more to hunt with */

	made_pages();
	boundary_pages();
	timing_pages();
	slim_past_charset();
	text_with_tables();
	mutations(nm ? atoi(nm) : 3000);
	for (int i = 1; i < argc; i++)
		path_arg(argv[i]);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
