/*
 * Values written as text the way every partnet output writes them, so that an export, a table
 * and a report agree to the last digit: reals in their shortest exact form, CSV fields quoted
 * as RFC 4180 asks. For programs that write beside partnet's outputs (the command's tables).
 */
#ifndef PARTNET_TEXT_H
#define PARTNET_TEXT_H

#include <partnet/common.h>
#include <stdio.h>

PN_BEGIN_DECLS

#define PN_TEXT_REAL_MAX 32 /**< bytes pn_text_format_real() may write, NUL included */

/**
 * Write @p value in the shortest form that reads back (strtod) as the same double: whole
 * values below 1e15 without a decimal point or exponent ("2", not "2e+00"; -0 as "0"), others
 * with the fewest significant digits that round-trip ("0.1", "1e-07"). Infinities are "INF"
 * and "-INF", NaN is "NaN", as XML Schema writes them. The decimal point is the C library's
 * (LC_NUMERIC): partnet's exports write in the C locale, and so should a caller.
 * @param[out] buf the text
 * @return @p buf
 */
PN_EXTERN char *pn_text_format_real(char buf[PN_TEXT_REAL_MAX], double value);

/**
 * Write one CSV field to @p out: as it is, or in double quotes (a quote doubled) when it holds
 * a comma, a quote or a line break. NULL writes nothing (an empty field).
 */
PN_EXTERN void pn_text_write_csv(FILE *out, const char *text);

PN_END_DECLS

#endif
