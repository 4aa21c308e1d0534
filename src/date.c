/*
 * Dates at year, month or day precision, packed as YYYYMMDD integers (see partnet/date.h).
 */
#include <partnet/date.h>

#include "error.h"

#include <assert.h>
#include <stdio.h>

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static const char *const month_names[12] = {"January", "February", "March", "April", "May",
                                            "June", "July", "August", "September", "October",
                                            "November", "December"};

int pn_date_make(pn_date_t *out, int year, int month, int day)
{
    assert(out);
    if (year < PN_DATE_MIN_YEAR || year > PN_DATE_MAX_YEAR)
        return pn_error_set(PN_EPARSE, "year %d is outside %d..%d", year, PN_DATE_MIN_YEAR,
                             PN_DATE_MAX_YEAR);
    if (month < 0 || month > 12)
        return pn_error_set(PN_EPARSE, "month %d does not exist", month);
    if (day != 0 && month == 0)
        return pn_error_set(PN_EPARSE, "a day needs a month");
    if (day < 0 || (month > 0 && day > days_in_month(year, month)))
        return pn_error_set(PN_EPARSE, "%s %d has %d days, not %d", month_names[month - 1], year,
                             days_in_month(year, month), day);
    *out = (pn_date_t)(year * 10000 + month * 100 + day);
    return 0;
}

static int digits(const char *s, size_t n, int *value)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return 0;
}

int pn_date_parse(pn_date_t *out, const char *text, size_t len)
{
    assert(out && (text || len == 0));
    int year = 0, month = 0, day = 0;
    int ok = (len == 4 || len == 7 || len == 10) && digits(text, 4, &year) == 0;
    if (ok && len >= 7)
        ok = text[4] == '-' && digits(text + 5, 2, &month) == 0;
    if (ok && len == 10)
        ok = text[7] == '-' && digits(text + 8, 2, &day) == 0;
    if (!ok)
        return pn_error_set(PN_EPARSE, "expected YYYY, YYYY-MM or YYYY-MM-DD");
    if (len >= 7 && month == 0)
        return pn_error_set(PN_EPARSE, "month 00 does not exist");
    if (len == 10 && day == 0)
        return pn_error_set(PN_EPARSE, "day 00 does not exist");
    return pn_date_make(out, year, month, day);
}

/* @p count digits of @p value, zero-padded, at @p out. */
static char *put_digits(char *out, int value, int count)
{
    for (int i = count - 1; i >= 0; i--, value /= 10)
        out[i] = (char)('0' + value % 10);
    return out + count;
}

/* By hand rather than through snprintf (exports format a date or two per agreement), for the
 * years pn_date_make() accepts; the same text as "%04d-%02d-%02d". */
char *pn_date_format(char buf[PN_DATE_TEXT_MAX], pn_date_t date)
{
    assert(buf);
    pn_precision_t precision = pn_date_precision(date);
    char *p = buf;
    assert(precision == PN_PRECISION_NONE ||
           (pn_date_year(date) >= 0 && pn_date_year(date) <= 9999));
    if (precision >= PN_PRECISION_YEAR)
        p = put_digits(p, pn_date_year(date), 4);
    if (precision >= PN_PRECISION_MONTH) {
        *p++ = '-';
        p = put_digits(p, pn_date_month(date), 2);
    }
    if (precision >= PN_PRECISION_DAY) {
        *p++ = '-';
        p = put_digits(p, pn_date_day(date), 2);
    }
    *p = '\0';
    return buf;
}

pn_precision_t pn_date_precision(pn_date_t date)
{
    if (date == PN_DATE_NONE)
        return PN_PRECISION_NONE;
    if (pn_date_month(date) == 0)
        return PN_PRECISION_YEAR;
    return pn_date_day(date) == 0 ? PN_PRECISION_MONTH : PN_PRECISION_DAY;
}

int pn_date_year(pn_date_t date)
{
    return date / 10000;
}

int pn_date_month(pn_date_t date)
{
    return date / 100 % 100;
}

int pn_date_day(pn_date_t date)
{
    return date % 100;
}

pn_date_t pn_date_first_day(pn_date_t date)
{
    switch (pn_date_precision(date)) {
    case PN_PRECISION_YEAR:
        return date + 101;
    case PN_PRECISION_MONTH:
        return date + 1;
    default:
        return date;
    }
}

pn_date_t pn_date_last_day(pn_date_t date)
{
    switch (pn_date_precision(date)) {
    case PN_PRECISION_YEAR:
        return date + 1231;
    case PN_PRECISION_MONTH:
        return date + days_in_month(pn_date_year(date), pn_date_month(date));
    default:
        return date;
    }
}

int pn_date_on_or_before(pn_date_t signed_on, pn_date_t when)
{
    if (signed_on == PN_DATE_NONE)
        return 0;
    return pn_date_last_day(signed_on) <= pn_date_last_day(when);
}

int pn_date_not_ended_before(pn_date_t end, pn_date_t when)
{
    if (end == PN_DATE_NONE)
        return 1;
    return pn_date_last_day(end) >= pn_date_first_day(when);
}

int pn_date_on_or_after(pn_date_t signed_on, pn_date_t when)
{
    if (signed_on == PN_DATE_NONE)
        return 0;
    return pn_date_first_day(signed_on) >= pn_date_first_day(when);
}
