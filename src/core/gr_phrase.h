/*
 * gr_phrase.h — every occurrence of the fixed phrases of the metadata and
 * the facts (contact labels, publication labels, the facts' sentences, the
 * editions' fingerprints) in the compact text, found in one pass by
 * gr_phrase_index right after the outline.  The steps then ask for "the
 * first occurrence of this phrase inside cmp[from, to)" — exactly what a
 * memmem over that range answers — without searching the text again.
 *
 * The phrase lists stay the tables of the files that read them; this
 * header only names them so that one matcher can hold them all.
 */
#ifndef GR_PHRASE_H
#define GR_PHRASE_H

#include "gr_format.h"
#include "gr_internal.h"

/* The lists, by the file that reads them. */
typedef enum gr_plist
{
	GR_PL_PHONE,				/* gr_meta.c: phone_labels */
	GR_PL_ADDRESS,				/* gr_meta.c: address_labels */
	GR_PL_PUBLISHED,			/* gr_published.c: published_labels */
	GR_PL_NO_REQUEST,			/* gr_facts.c: no_request_phrases */
	GR_PL_NO_CASE,				/* gr_facts.c: no_case_phrases */
	GR_PL_FEE,					/* gr_facts.c: fee_words */
	GR_PL_PREV_YEAR,			/* gr_facts.c: prev_year_words */
	GR_PL_REVIEW,				/* gr_facts.c: review_words */
	GR_PL_SUIT,					/* gr_facts.c: suit_words */
	GR_PL_FACT_WORDS,			/* gr_facts.c: fact_words (申请, 规范性文件) */
	GR_PL_EDITION_WORDS,		/* gr_edition.c: edition_words ((六)其他处理) */
	GR_PL_FP,					/* the fingerprints of edition i of the active spec: GR_PL_FP + i */
	GR_PL_N = GR_PL_FP + GR_NED
} gr_plist;

/* Each a NULL-terminated table, defined in the file that reads it. */
extern const char *const gr_phone_labels[];
extern const char *const gr_address_labels[];
extern const char *const gr_published_labels[];
extern const char *const gr_no_request_phrases[];
extern const char *const gr_no_case_phrases[];
extern const char *const gr_fee_words[];
extern const char *const gr_prev_year_words[];
extern const char *const gr_review_words[];
extern const char *const gr_suit_words[];
extern const char *const gr_fact_words[];
extern const char *const gr_edition_words[];

#define GR_PH_NONE UINT32_MAX

/*
 * Find every occurrence of every listed phrase in doc->cmp, in one pass,
 * and keep them with the document.  Without it (no memory for the
 * matcher, a document built elsewhere) gr_ph_find searches the text: the
 * answers are the same either way.
 */
extern gr_status gr_phrase_index(gr_ctx *ctx, gr_doc *doc);

/*
 * The start of the first occurrence of phrase i of list l that lies wholly
 * inside cmp[from, to), or GR_PH_NONE.
 */
extern uint32_t gr_ph_find(const gr_doc *doc, gr_plist l, int i, uint32_t from, uint32_t to);

/* Phrase i of list l (NULL past its end). */
extern const char *gr_ph_word(gr_plist l, int i);

#endif							/* GR_PHRASE_H */
