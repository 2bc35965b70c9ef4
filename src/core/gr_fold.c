/*
 * gr_fold.c — the folding used for matching, one character at a time:
 * NFKC (full-width digits, letters, brackets and punctuation become ASCII,
 * ㈠ becomes (一)), then the Hant-Hans transliteration (總體情況 → 总体情况),
 * with a short list of our own first (gr_foldextra.h: invisible characters
 * dropped, a few look-alikes that NFKC leaves alone unified: curly quotes,
 * ○ typed for 〇, the minus sign).
 *
 * Folding character by character, instead of whole strings, is what lets
 * every folded byte point back at the original character (gr_text.c), so
 * that values and line numbers always refer to the text as written.  The
 * price is that NFKC cannot compose across characters, which does not
 * matter for the Chinese, digits and punctuation we match on.
 *
 * The folded form of every character comes from ICU's data, but at build
 * time: src/gen/gr_foldgen.c asks ICU once for each code point and writes
 * the characters that change into gr_foldtab.h, a flat table compiled in
 * here.  So no process opens the transliterator (which cost every new
 * backend some tens of milliseconds on its first call), and folding a
 * character is two array look-ups (gr_fold_lookup, gr_internal.h).
 */
#include "gr_internal.h"

#include "gr_foldtab.h"
