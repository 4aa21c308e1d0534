/*
 * Values as text (see partnet/text.h): the shortest exact real and the CSV field.
 */
#include <partnet/text.h>

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

void pn_text_write_csv(FILE *out, const char *text)
{
    assert(out);
    if (!text)
        return;
    if (!strpbrk(text, ",\"\r\n")) {
        fputs(text, out);
        return;
    }
    putc('"', out);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            putc('"', out);
        putc(*p, out);
    }
    putc('"', out);
}
