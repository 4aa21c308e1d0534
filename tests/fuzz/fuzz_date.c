/*
 * Fuzzes pn_date_parse(): a date it accepts prints back as the very text it was given, stands
 * for an interval of real days, and compares consistently; a date it refuses is explained in
 * one line.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pn_date_t date;
    int status = pn_date_parse(&date, (const char *)data, size);
    if (status != 0) {
        FUZZ_REQUIRE(status == PN_EPARSE);
        FUZZ_REQUIRE(pn_error_last()[0] && !strchr(pn_error_last(), '\n'));
        return 0;
    }
    char text[PN_DATE_TEXT_MAX];
    pn_date_format(text, date);
    FUZZ_REQUIRE(strlen(text) == size && memcmp(text, data, size) == 0);
    FUZZ_REQUIRE(pn_date_year(date) >= PN_DATE_MIN_YEAR && pn_date_year(date) <= PN_DATE_MAX_YEAR);
    static const size_t lengths[] = {0, 4, 7, 10};
    FUZZ_REQUIRE(lengths[pn_date_precision(date)] == size);

    pn_date_t first = pn_date_first_day(date), last = pn_date_last_day(date), day;
    FUZZ_REQUIRE(pn_date_precision(first) == PN_PRECISION_DAY);
    FUZZ_REQUIRE(pn_date_precision(last) == PN_PRECISION_DAY);
    FUZZ_REQUIRE(pn_date_make(&day, pn_date_year(first), pn_date_month(first),
                              pn_date_day(first)) == 0 && day == first);
    FUZZ_REQUIRE(pn_date_make(&day, pn_date_year(last), pn_date_month(last),
                              pn_date_day(last)) == 0 && day == last);
    FUZZ_REQUIRE(first <= last && first >= date);
    FUZZ_REQUIRE(pn_date_on_or_before(date, date) && pn_date_on_or_before(date, last));
    FUZZ_REQUIRE(pn_date_on_or_before(first, date));
    FUZZ_REQUIRE(pn_date_not_ended_before(date, date) && pn_date_not_ended_before(date, first));
    FUZZ_REQUIRE(pn_date_not_ended_before(PN_DATE_NONE, date));
    FUZZ_REQUIRE(!pn_date_on_or_before(PN_DATE_NONE, date));
    return 0;
}
