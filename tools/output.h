/*
 * Tables the commands print, in the three formats users ask for: an aligned table for the
 * terminal, CSV (RFC 4180) and JSON. A command fills one or more tables, then prints them.
 */
#ifndef PARTNET_TOOLS_OUTPUT_H
#define PARTNET_TOOLS_OUTPUT_H

#include <cjson/cJSON.h>
#include <stdio.h>

typedef enum { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON } format_t;

typedef enum { COL_TEXT, COL_INT, COL_REAL } col_type_t;

typedef struct table table_t;

/** @param name the table's key in JSON and multi-table CSV @param title shown above it in a terminal, or NULL */
table_t *table_new(const char *name, const char *title);
void table_free(table_t *t);
/** Add a column. @p digits, for COL_REAL in the terminal: decimals when >= 0, significant
 *  digits when < -1 (-6: six), the shortest exact form when -1. CSV and JSON are always exact. */
void table_column(table_t *t, const char *name, col_type_t type, int digits);
/** A column as table_column() takes it, for tables whose columns are listed as data. */
typedef struct {
    const char *name;
    col_type_t type;
    int digits;
} column_spec_t;

/** The last column added goes with the one before it (a value with its name): a terminal too
 *  narrow for the table leaves both out, never the name alone. */
void table_attach_column(table_t *t);

/** Add @p count columns. */
void table_columns(table_t *t, const column_spec_t *columns, size_t count);
#define TABLE_COLUMNS(t, specs) table_columns((t), (specs), sizeof(specs) / sizeof((specs)[0]))

/** Cells go in row by row: one table_text/int/real/null per column, in order. */
void table_text(table_t *t, const char *value);
void table_int(table_t *t, long long value);
void table_real(table_t *t, double value);
/** A real shown in a terminal with @p digits (as table_column()'s), whatever its column's;
 *  exact in CSV and JSON. */
void table_real_digits(table_t *t, double value, int digits);
/** An empty cell (null in JSON). */
void table_null(table_t *t);
/** A cell shown as @p text in a terminal and CSV, and as @p value in JSON (a node object, a
 *  list of them); the table takes @p value. */
void table_json(table_t *t, const char *text, cJSON *value);
/** A list: its items joined with "; " in a terminal and CSV, an array of strings in JSON. */
void table_list(table_t *t, const char *const *items, size_t count);
/** The table is a summary, rows of key and value: in JSON one object, each key lower case
 *  with its words joined by '_' ("cross-border share": "cross_border_share"). */
void table_summary(table_t *t);
/** In JSON, the table is @p whole (which it takes) instead of its rows. */
void table_set_json(table_t *t, cJSON *whole);
/** The table as JSON: its rows, its summary object or its own value; the caller frees it. */
cJSON *table_json_value(const table_t *t);
size_t table_rows(const table_t *t);
/** The table's name (its key in JSON). */
const char *table_name(const table_t *t);

/**
 * Print tables. One table prints as itself; several print as sections in a terminal, as one
 * object of named lists in JSON, and in CSV as one long table "table,key,column,value" (key is
 * the row's first cell), so that a script reads them all with one CSV parser. CSV cells are
 * written with @p csv_flags (PN_TEXT_CSV_...).
 * @return 0, or -1 when writing failed (errno set)
 */
int tables_print(FILE *out, format_t format, unsigned csv_flags, table_t *const *tables,
                 size_t count);

/**
 * Write a table as an HTML <table> whose columns sort when their head is clicked (cells carry
 * their numeric value in data-v), text escaped; the title, if any, as a heading before it.
 * @return 0, or -1 when writing failed
 */
int table_print_html(FILE *out, const table_t *t);

/** Write text with &, <, > and quotes escaped for HTML. */
void html_escape(FILE *out, const char *text);

/** Terminal tables fit in @p width characters: text columns cut with "…", then columns left
 *  out from the right with a note; 0 (the default) for tables as wide as their cells. */
void tables_set_width(size_t width);

#endif
