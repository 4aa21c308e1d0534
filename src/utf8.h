/* UTF-8 checks and the folding used to compare names loosely (private to the library). */
#ifndef PN_SRC_UTF8_H
#define PN_SRC_UTF8_H

#include <stddef.h>

/**
 * Find the first byte of @p s that is not part of valid UTF-8 (overlong forms, surrogates and
 * code points above U+10FFFF are invalid) or is a NUL.
 * @return its offset, or @p len when all is valid
 */
size_t pn_utf8__invalid(const char *s, size_t len);

/**
 * Make a NUL-terminated message valid UTF-8 in place, so that JSON and XML outputs that carry
 * it stay valid: a character cut short (by snprintf's size or a "%.150s" precision) is dropped
 * whole, any other byte that is not UTF-8 becomes '?'.
 * @return the new length
 */
size_t pn_utf8__mend(char *text);

/**
 * The NFC form of @p len bytes of UTF-8 (ICU's normaliser: composed accents, so that "Liège"
 * typed and "Liège" from a Mac's file name are one name).
 * @param[out] out a NUL-terminated copy the caller frees, or NULL when the text is in NFC
 *             already (or is not valid UTF-8)
 * @return 0, or -1 when out of memory
 */
int pn_utf8__nfc(char **out, size_t *out_len, const char *text, size_t len);

/**
 * Fold a name for loose comparison: composed (NFC), ASCII lower case, accents of Latin letters
 * dropped ("Réunion" -> "reunion", "Łódź" -> "lodz"), apostrophes dropped, "&" read as "and",
 * any other punctuation or space run turned into one space, no leading or trailing space.
 * Other scripts are copied as they are (composed).
 * @param out a buffer of at least 5 * len + 1 bytes
 * @return the length written
 */
size_t pn_utf8__fold(const char *s, size_t len, char *out);

/**
 * Which single-byte encoding text that is not UTF-8 looks like (Windows-1251, Windows-1252 or
 * Latin-1), as a sentence for messages: "not UTF-8: Windows-1251? ...; convert it with iconv
 * -f WINDOWS-1251 -t UTF-8, or read it with --encoding WINDOWS-1251". A static string.
 */
const char *pn_utf8__guess_encoding(const char *s, size_t len);

#endif
