/*
 * Terminal text: visible escapes for characters that act on a terminal, display widths from
 * glibc's Unicode tables (wcwidth in the C.UTF-8 locale, whatever the user's locale), and
 * cutting at a character boundary.
 */
#define _GNU_SOURCE /* newlocale, uselocale, wcwidth */
#include "terminal.h"

#include "xalloc.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* The code point at @p s and its length in bytes, or -1 when @p s does not start a valid,
 * shortest-form UTF-8 character. */
static long decode(const unsigned char *s, size_t *len)
{
    unsigned c = s[0];
    size_t n = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3
                            : c >= 0xF0 && c < 0xF5 ? 4 : 0;
    if (n == 0)
        return -1;
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1Fu : n == 3 ? c & 0x0Fu : c & 0x07u;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        cp = cp << 6 | (s[i] & 0x3Fu);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return -1;
    *len = n;
    return (long)cp;
}

/* Characters a terminal does not show as themselves. */
static int hidden(long cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

char *terminal_text(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t cap = strlen(text) * 6 + 1, used = 0; /* "\u202e" is 6 bytes for 3 */
    char *out = xmalloc(cap);
    while (*s) {
        size_t len = 1;
        long cp = decode(s, &len);
        if (cp < 0)
            used += (size_t)sprintf(out + used, "\\x%02x", *s);
        else if (cp == '\n')
            used += (size_t)sprintf(out + used, "\\n");
        else if (cp == '\r')
            used += (size_t)sprintf(out + used, "\\r");
        else if (cp == '\t')
            used += (size_t)sprintf(out + used, "\\t");
        else if (cp == '\\') /* so that a typed "\x1b" is not read as an escape */
            used += (size_t)sprintf(out + used, "\\\\");
        else if (hidden(cp))
            used += (size_t)sprintf(out + used, cp < 0x80 ? "\\x%02lx" : "\\u%04lx", cp);
        else {
            memcpy(out + used, s, len);
            used += len;
        }
        s += len;
    }
    out[used] = '\0';
    return out;
}

void terminal_fputs(FILE *out, const char *text)
{
    char *shown = terminal_text(text);
    fputs(shown, out);
    free(shown);
}

static locale_t utf8_locale(void)
{
    static locale_t utf8;
    static int tried;
    if (!tried) {
        tried = 1;
        utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    }
    return utf8;
}

/* Columns of one character: wcwidth in C.UTF-8, or, without that locale, East Asian wide
 * ranges counted 2 and combining marks 0. */
static size_t char_width(long cp)
{
    locale_t utf8 = utf8_locale();
    if (utf8) {
        locale_t before = uselocale(utf8);
        int w = wcwidth((wchar_t)cp);
        uselocale(before);
        return w < 0 ? 1 : (size_t)w;
    }
    int wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
               (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
               (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
               (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    int zero = (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || cp == 0x200D;
    return zero ? 0 : wide ? 2 : 1;
}

size_t text_width(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t width = 0;
    while (*s) {
        size_t len = 1;
        long cp = decode(s, &len);
        width += cp < 0 ? 1 : char_width(cp);
        s += len;
    }
    return width;
}

char *text_cut(const char *text, size_t width)
{
    if (text_width(text) <= width)
        return xstrdup(text);
    const unsigned char *s = (const unsigned char *)text;
    size_t used = 0, keep = 0;
    while (width > 0 && *s) {
        size_t len = 1;
        long cp = decode(s, &len);
        size_t w = cp < 0 ? 1 : char_width(cp);
        if (used + w > width - 1)
            break;
        used += w;
        s += len;
        keep = (size_t)(s - (const unsigned char *)text);
    }
    /* zero-width marks after the last character kept stay with it */
    char *out = xmalloc(keep + 4);
    memcpy(out, text, keep);
    if (width > 0)
        memcpy(out + keep, "\xE2\x80\xA6", 4);
    else
        out[keep] = '\0';
    return out;
}

/* Write the @p len bytes of @p word from column @p at, breaking it between characters at
 * @p width onto lines that start @p indent columns in; returns the column reached. */
static size_t put_long_word(FILE *out, const char *word, size_t len, size_t at, size_t width,
                            size_t indent)
{
    const unsigned char *s = (const unsigned char *)word, *end = s + len;
    while (s < end) {
        size_t n = 1;
        long cp = decode(s, &n);
        size_t w = cp < 0 ? 1 : char_width(cp);
        if (at + w > width && at > indent) {
            fprintf(out, "\n%*s", (int)indent, "");
            at = indent;
        }
        fwrite(s, 1, n, out);
        at += w;
        s += n;
    }
    return at;
}

void terminal_wrap(FILE *out, const char *prefix, const char *text, size_t width)
{
    char *shown = terminal_text(text);
    size_t indent = text_width(prefix), at = indent;
    if (width && indent > width / 2)
        indent = 2;
    fputs(prefix, out);
    const char *p = shown;
    for (int first = 1;; first = 0) {
        size_t len = strcspn(p, " ");
        char *word = xmalloc(len + 1);
        memcpy(word, p, len);
        word[len] = '\0';
        size_t w = text_width(word);
        if (!first && width && at + 1 + w > width && at > indent) {
            fprintf(out, "\n%*s", (int)indent, "");
            at = indent;
        } else if (!first) {
            fputc(' ', out);
            at++;
        }
        if (width && at + w > width)
            at = put_long_word(out, word, len, at, width, indent);
        else {
            fputs(word, out);
            at += w;
        }
        free(word);
        if (!p[len])
            break;
        p += len + 1;
    }
    fputc('\n', out);
    free(shown);
}
