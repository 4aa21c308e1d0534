/* Dates at year, month and day precision: parsing, formatting, intervals and comparisons. */
#include "test_common.h"

PN_TEST_SUITE(date);

static pn_date_t parse(const char *s)
{
    pn_date_t d = -1;
    cr_assert_eq(pn_date_parse(&d, s, strlen(s)), 0, "%s: %s", s, pn_error_last());
    return d;
}

static void refuses(const char *s, const char *why)
{
    pn_date_t d = 12345;
    cr_expect_eq(pn_date_parse(&d, s, strlen(s)), PN_EPARSE, "\"%s\" should be refused", s);
    cr_expect_eq(d, 12345, "a refused date must leave the output alone");
    cr_expect(strstr(pn_error_last(), why) != NULL, "\"%s\": message \"%s\" lacks \"%s\"", s,
              pn_error_last(), why);
}

Test(date, keeps_year_month_and_day_precision)
{
    cr_expect_eq(pn_date_precision(parse("2004")), PN_PRECISION_YEAR);
    cr_expect_eq(pn_date_precision(parse("2004-06")), PN_PRECISION_MONTH);
    cr_expect_eq(pn_date_precision(parse("2004-06-23")), PN_PRECISION_DAY);
    cr_expect_eq(pn_date_precision(PN_DATE_NONE), PN_PRECISION_NONE);
    pn_date_t d = parse("2004-06-23");
    cr_expect_eq(pn_date_year(d), 2004);
    cr_expect_eq(pn_date_month(d), 6);
    cr_expect_eq(pn_date_day(d), 23);
    cr_expect_eq(pn_date_month(parse("2004")), 0, "a year-only date has no month");
}

Test(date, formats_back_at_its_precision)
{
    const char *texts[] = {"1998", "2012-10", "2016-02-29", "1000", "2200-12-31"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char buf[PN_DATE_TEXT_MAX];
        cr_expect_str_eq(pn_date_format(buf, parse(texts[i])), texts[i]);
    }
    char buf[PN_DATE_TEXT_MAX];
    cr_expect_str_eq(pn_date_format(buf, PN_DATE_NONE), "");
}

Test(date, formats_every_date_as_printf_does)
{
    for (int year = PN_DATE_MIN_YEAR; year <= PN_DATE_MAX_YEAR; year++)
        for (int month = 0; month <= 12; month++)
            for (int day = 0; day <= (month ? 31 : 0); day++) {
                pn_date_t d;
                char ours[PN_DATE_TEXT_MAX], printf_text[32];
                if (pn_date_make(&d, year, month, day) != 0)
                    continue;
                if (day)
                    snprintf(printf_text, sizeof printf_text, "%04d-%02d-%02d", year, month, day);
                else if (month)
                    snprintf(printf_text, sizeof printf_text, "%04d-%02d", year, month);
                else
                    snprintf(printf_text, sizeof printf_text, "%04d", year);
                cr_assert_str_eq(pn_date_format(ours, d), printf_text);
            }
}

Test(date, refuses_impossible_dates)
{
    refuses("2018-13", "month 13 does not exist");
    refuses("2018-13-45", "month 13");
    refuses("2018-02-30", "February 2018 has 28 days");
    refuses("2018-04-31", "April 2018 has 30 days");
    refuses("1900-02-29", "February 1900 has 28 days");
    refuses("2018-00", "month 00");
    refuses("2018-01-00", "day 00");
    refuses("20xx", "expected YYYY, YYYY-MM or YYYY-MM-DD");
    refuses("2018/01/01", "expected YYYY");
    refuses("18", "expected YYYY");
    refuses("2018-1-1", "expected YYYY");
    refuses("", "expected YYYY");
    refuses("0999", "outside 1000..2200");
    refuses("2201", "outside 1000..2200");
}

Test(date, accepts_leap_days)
{
    parse("2000-02-29");
    parse("2016-02-29");
}

Test(date, partial_dates_stand_for_intervals)
{
    cr_expect_eq(pn_date_first_day(parse("2004")), parse("2004-01-01"));
    cr_expect_eq(pn_date_last_day(parse("2004")), parse("2004-12-31"));
    cr_expect_eq(pn_date_first_day(parse("2004-02")), parse("2004-02-01"));
    cr_expect_eq(pn_date_last_day(parse("2004-02")), parse("2004-02-29"));
    cr_expect_eq(pn_date_last_day(parse("2005-02")), parse("2005-02-28"));
    cr_expect_eq(pn_date_last_day(parse("2004-06-23")), parse("2004-06-23"));
}

Test(date, year_only_date_counts_by_the_end_of_its_year)
{
    pn_date_t year = parse("2004");
    cr_expect(pn_date_on_or_before(year, parse("2004")));
    cr_expect(pn_date_on_or_before(year, parse("2004-12-31")));
    cr_expect(pn_date_on_or_before(year, parse("2005-01")));
    cr_expect_not(pn_date_on_or_before(year, parse("2004-06-30")),
                  "it may have been signed after June");
    cr_expect_not(pn_date_on_or_before(year, parse("2003")));
}

Test(date, month_only_date_counts_by_the_end_of_its_month)
{
    pn_date_t month = parse("2012-06");
    cr_expect(pn_date_on_or_before(month, parse("2012-06")));
    cr_expect(pn_date_on_or_before(month, parse("2012-06-30")));
    cr_expect(pn_date_on_or_before(month, parse("2012")));
    cr_expect_not(pn_date_on_or_before(month, parse("2012-06-29")));
    cr_expect(pn_date_on_or_before(parse("2012-06-15"), parse("2012-06")));
}

Test(date, undated_is_never_on_or_before)
{
    cr_expect_not(pn_date_on_or_before(PN_DATE_NONE, parse("2200")));
}

Test(date, end_date_keeps_a_programme_active_through_its_last_year)
{
    pn_date_t end = parse("2020");
    cr_expect(pn_date_not_ended_before(end, parse("2020")));
    cr_expect(pn_date_not_ended_before(end, parse("2020-12-31")));
    cr_expect(pn_date_not_ended_before(end, parse("2019-05-01")));
    cr_expect_not(pn_date_not_ended_before(end, parse("2021")));
    cr_expect_not(pn_date_not_ended_before(parse("2020-03-15"), parse("2020-03-16")));
    cr_expect(pn_date_not_ended_before(parse("2020-03-15"), parse("2020-03")));
    cr_expect(pn_date_not_ended_before(PN_DATE_NONE, parse("2200")), "no end: open-ended");
}

Test(date, integer_order_is_chronological)
{
    cr_expect_lt(parse("2004"), parse("2004-01-01"));
    cr_expect_lt(parse("2004-12-31"), parse("2005"));
    cr_expect_lt(parse("2004-06"), parse("2004-06-01"));
}
