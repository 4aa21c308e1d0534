/* Values as text (partnet/text.h): the shortest reals that read back, and CSV fields. */
#include "test_common.h"

#include <float.h>
#include <math.h>

PN_TEST_SUITE(text);

static const char *real(double value)
{
    static char buf[PN_TEXT_REAL_MAX];
    return pn_text_format_real(buf, value);
}

Test(text, writes_reals_in_their_shortest_exact_form)
{
    cr_expect_str_eq(real(2), "2");
    cr_expect_str_eq(real(-0.0), "0", "no negative zero");
    cr_expect_str_eq(real(0.1), "0.1");
    cr_expect_str_eq(real(1.0 / 3), "0.3333333333333333");
    cr_expect_str_eq(real(1e-7), "1e-07");
    cr_expect_str_eq(real(123456789012345.0), "123456789012345", "whole below 1e15: no exponent");
    cr_expect_str_eq(real(1e15), "1e+15");
    cr_expect_str_eq(real(INFINITY), "INF");
    cr_expect_str_eq(real(-INFINITY), "-INF");
    cr_expect_str_eq(real(NAN), "NaN");
    const double values[] = {M_PI, 2.0 / 7, DBL_MIN, DBL_MAX, -1.5e-300, 592.5, 0.0443};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        cr_expect_eq(strtod(real(values[i]), NULL), values[i], "%s reads back", real(values[i]));
}

Test(text, quotes_csv_fields_that_need_it)
{
    char *text = NULL;
    size_t length = 0;
    FILE *f = open_memstream(&text, &length);
    cr_assert_not_null(f);
    const char *fields[] = {"plain", "a,b", "say \"hi\"", "two\nlines", "", NULL, "Минск"};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (i)
            fputc('|', f);
        pn_text_write_csv(f, fields[i]);
    }
    fclose(f);
    cr_expect_str_eq(text, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|||Минск");
    free(text);
}

/* The cells joined by '|', written with @p flags; the caller frees the text. */
static char *cells(const char *const *fields, size_t count, unsigned flags)
{
    char *text = NULL;
    size_t length = 0;
    FILE *f = open_memstream(&text, &length);
    cr_assert_not_null(f);
    for (size_t i = 0; i < count; i++) {
        if (i)
            fputc('|', f);
        pn_text_write_csv_cell(f, fields[i], flags);
    }
    fclose(f);
    return text;
}

Test(text, quotes_spaces_at_either_end_so_that_they_read_back)
{
    const char *fields[] = {" Minsk ", "Minsk ", "\tMinsk", "Min sk"};
    char *text = cells(fields, 4, 0);
    cr_expect_str_eq(text, "\" Minsk \"|\"Minsk \"|\"\tMinsk\"|Min sk");
    free(text);
}

Test(text, writes_formulas_as_text_only_when_asked)
{
    const char *fields[] = {"=1+1", "+Kapan", "-x", "@sum", "\rx", "-27.5", "+1e3", "-",
                            "-inf", "a=b"};
    size_t n = sizeof fields / sizeof fields[0];
    char *text = cells(fields, n, 0);
    cr_expect_str_eq(text, "=1+1|+Kapan|-x|@sum|\"\rx\"|-27.5|+1e3|-|-inf|a=b", "exact");
    free(text);
    text = cells(fields, n, PN_TEXT_CSV_SPREADSHEET_SAFE);
    cr_expect_str_eq(text, "\"'=1+1\"|\"'+Kapan\"|\"'-x\"|\"'@sum\"|\"'\rx\"|-27.5|+1e3|\"'-\"|"
                           "\"'-inf\"|a=b");
    free(text);
}
