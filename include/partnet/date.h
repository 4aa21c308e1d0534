/*
 * Dates at the precision they are known: a year, a month or a day.
 *
 * A pn_date_t packs a date as the integer YYYYMMDD with 00 for an unknown month or day, so
 * "2004" is 20040000, "2004-06" is 20040600 and "2004-06-23" is 20040623; 0 means no date.
 * Integer order is chronological order with a partial date sorted before the full dates it
 * contains ("2004" < "2004-01-01").
 *
 * A partial date stands for an interval of days: "2004" for 2004-01-01..2004-12-31,
 * "2004-06" for 2004-06-01..2004-06-30. Comparisons that must decide whether an agreement
 * was signed "on or before" a date use the last day of both intervals: an agreement dated
 * "2004" counts as signed as of 2004-12-31 (or as of "2004"), but not as of 2004-06-30,
 * because it may have been signed later that year. See pn_date_on_or_before().
 */
#ifndef PARTNET_DATE_H
#define PARTNET_DATE_H

#include <partnet/common.h>
#include <stddef.h>
#include <stdint.h>

PN_BEGIN_DECLS

typedef int32_t pn_date_t;

#define PN_DATE_NONE 0
#define PN_DATE_MIN_YEAR 1000 /**< earliest year accepted */
#define PN_DATE_MAX_YEAR 2200 /**< latest year accepted */
#define PN_DATE_TEXT_MAX 11   /**< bytes needed by pn_date_format(), NUL included */

typedef enum {
    PN_PRECISION_NONE = 0,
    PN_PRECISION_YEAR,
    PN_PRECISION_MONTH,
    PN_PRECISION_DAY
} pn_precision_t;

/**
 * Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" (exactly those shapes, ASCII digits).
 * @param[out] out the date
 * @param text the text, not necessarily NUL-terminated
 * @param len its length in bytes
 * @return 0, or PN_EPARSE with a message saying what is wrong ("month 13 does not exist",
 *         "2018-02-30: February 2018 has 28 days", "expected YYYY, YYYY-MM or YYYY-MM-DD").
 *         The message does not name a file: callers prefix the location.
 */
PN_EXTERN int pn_date_parse(pn_date_t *out, const char *text, size_t len);

/** Build a date from parts; month and day may be 0 for unknown. @return PN_EPARSE if impossible. */
PN_EXTERN int pn_date_make(pn_date_t *out, int year, int month, int day);

/** Write the date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" ("" for PN_DATE_NONE). @return buf. */
PN_EXTERN char *pn_date_format(char buf[PN_DATE_TEXT_MAX], pn_date_t date);

PN_EXTERN pn_precision_t pn_date_precision(pn_date_t date);
PN_EXTERN int pn_date_year(pn_date_t date);
PN_EXTERN int pn_date_month(pn_date_t date); /**< 0 when unknown */
PN_EXTERN int pn_date_day(pn_date_t date);   /**< 0 when unknown */

/** The first day of the interval the date stands for (a full date); PN_DATE_NONE stays. */
PN_EXTERN pn_date_t pn_date_first_day(pn_date_t date);
/** The last day of the interval the date stands for (a full date); PN_DATE_NONE stays. */
PN_EXTERN pn_date_t pn_date_last_day(pn_date_t date);

/**
 * Is an agreement dated @p signed certainly signed by the end of @p when?
 * True when the last day of @p signed is on or before the last day of @p when.
 * An undated agreement (PN_DATE_NONE) is never "on or before" a date.
 */
PN_EXTERN int pn_date_on_or_before(pn_date_t signed_on, pn_date_t when);

/**
 * Is an agreement dated @p signed_on certainly signed on or after the first day of @p when?
 * True when the first day of @p signed_on is on or after the first day of @p when: one dated
 * 2004 counts since 2004 or 2004-01-01, not since 2004-06. Never for an undated agreement.
 */
PN_EXTERN int pn_date_on_or_after(pn_date_t signed_on, pn_date_t when);

/**
 * Is something that ends on @p end still in force at some point of @p when?
 * True when @p end is PN_DATE_NONE (open-ended) or the last day of @p end is on or after
 * the first day of @p when: a programme ending "2020" is active in 2020, not in 2021.
 */
PN_EXTERN int pn_date_not_ended_before(pn_date_t end, pn_date_t when);

PN_END_DECLS

#endif
