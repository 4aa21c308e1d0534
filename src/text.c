/*
 * Values as text (see partnet/text.h): the shortest exact real and the CSV field.
 */
#include <partnet/text.h>

#include "utf8.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

char *pn_text_format_real(char buf[PN_TEXT_REAL_MAX], double value)
{
    assert(buf);
    if (isnan(value))
        return strcpy(buf, "NaN");
    if (isinf(value))
        return strcpy(buf, value > 0 ? "INF" : "-INF");
    if (value == floor(value) && fabs(value) < 1e15) {
        snprintf(buf, PN_TEXT_REAL_MAX, "%.0f", value == 0 ? 0.0 : value);
        return buf;
    }
    for (int precision = 1; precision <= 17; precision++) {
        snprintf(buf, PN_TEXT_REAL_MAX, "%.*g", precision, value);
        if (strtod(buf, NULL) == value)
            break;
    }
    return buf;
}

/* A number as a spreadsheet reads one: a sign, digits, a point, an exponent. */
static int is_number(const char *s)
{
    char *end;
    if (!*s || strchr(" \t\r\nxXiInN", *s) || strpbrk(s, "xXiInN"))
        return 0;
    strtod(s, &end);
    return *end == '\0';
}

void pn_text_write_csv_cell(FILE *out, const char *text, unsigned flags)
{
    assert(out);
    if (!text)
        return;
    size_t len = strlen(text);
    /* a spreadsheet runs a cell that starts with one of these as a formula (CSV injection) */
    int formula = (flags & PN_TEXT_CSV_SPREADSHEET_SAFE) && strchr("=+-@\t\r", text[0]) &&
                  text[0] && !is_number(text);
    /* readers trim spaces around an unquoted field (partnet's does): quoted, they stay */
    int spaced = len && (strchr(" \t", text[0]) || strchr(" \t", text[len - 1]));
    if (!formula && !spaced && !strpbrk(text, ",\"\r\n")) {
        fputs(text, out);
        return;
    }
    putc('"', out);
    if (formula)
        putc('\'', out);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            putc('"', out);
        putc(*p, out);
    }
    putc('"', out);
}

void pn_text_write_csv(FILE *out, const char *text)
{
    pn_text_write_csv_cell(out, text, 0);
}

size_t pn_text_mend_utf8(char *text)
{
    assert(text);
    return pn_utf8__mend(text);
}
