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
 * a comma, a quote or a line break, or starts or ends with a space or a tab (which readers trim
 * from unquoted fields). NULL writes nothing (an empty field). pn_text_write_csv_cell() with no
 * flags.
 */
PN_EXTERN void pn_text_write_csv(FILE *out, const char *text);

/** pn_text_write_csv_cell(): a cell that starts with =, +, -, @, a tab or a carriage return
 *  and is not a number is written after a ' in quotes, so that a spreadsheet shows it as text
 *  instead of running it as a formula (CSV injection). partnet reads the ' back as part of the
 *  text: for files meant for spreadsheets, not for partnet. */
#define PN_TEXT_CSV_SPREADSHEET_SAFE 1u

/** Write one CSV field as pn_text_write_csv() does, with @p flags (PN_TEXT_CSV_...). */
PN_EXTERN void pn_text_write_csv_cell(FILE *out, const char *text, unsigned flags);

/**
 * Make NUL-terminated text valid UTF-8 in place, as every message of the library is: a
 * character cut short (by snprintf's size or a "%.150s" precision) is dropped whole, any other
 * byte that is not UTF-8 becomes '?'. For text a caller cuts to fit a buffer before writing it
 * to JSON, XML or HTML, which must be valid whatever the names.
 * @return the new length
 */
PN_EXTERN size_t pn_text_mend_utf8(char *text);

PN_END_DECLS

#endif
