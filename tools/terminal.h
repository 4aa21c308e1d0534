/*
 * Text as a terminal shows it: characters that would act on the terminal instead of being
 * shown (escape sequences, line breaks, bidirectional overrides) written visibly escaped, the
 * display width of UTF-8 text, and text cut to a width. Data outputs (CSV, JSON, files) never
 * pass through here: they keep names exact.
 */
#ifndef PARTNET_TOOLS_TERMINAL_H
#define PARTNET_TOOLS_TERMINAL_H

#include <stddef.h>
#include <stdio.h>

/**
 * @p text with every character that is not shown as itself written visibly: `\n`, `\r`, `\t`,
 * other C0 controls and DEL as `\xHH` (ESC is `\x1b`), C1 controls, the line and paragraph
 * separators U+2028 and U+2029 and the bidirectional embeddings, overrides and isolates
 * (U+202A..U+202E, U+2066..U+2069) as `\uHHHH`, and bytes that are not UTF-8 as `\xHH`; a
 * backslash is doubled, `\\`, so that one typed in a name is never read as an escape.
 * @return a new string (the caller frees it), never NULL
 */
char *terminal_text(const char *text);

/** Write terminal_text(@p text) to @p out. */
void terminal_fputs(FILE *out, const char *text);

/** Display width of UTF-8 text in a terminal: East Asian wide and fullwidth characters count
 *  2, combining marks and other zero-width characters 0 (glibc's wcwidth in C.UTF-8). */
size_t text_width(const char *text);

/**
 * @p text cut to at most @p width columns: kept as it is when it fits, else the longest run of
 * whole characters that leaves a column for "…" (U+2026), then "…". @p width 0 gives "".
 * @return a new string (the caller frees it)
 */
char *text_cut(const char *text, size_t width);

/**
 * Write @p prefix, then @p text as terminal_text() shows it, then a line feed, in lines of at
 * most @p width columns (0: one line, however long): broken at spaces, a word wider than a
 * line between characters; the lines after the first start under the text (two columns in
 * when @p prefix takes more than half the width). Nothing of the text is left out.
 */
void terminal_wrap(FILE *out, const char *prefix, const char *text, size_t width);

#endif
