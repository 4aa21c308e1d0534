/*
 * Table output: cells are kept as text (numbers formatted once, exactly), and the column type
 * decides alignment in a terminal and quoting in JSON.
 */
#include "output.h"

#include "terminal.h"
#include "xalloc.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <partnet/text.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *name;
    col_type_t type;
    int digits;
    int attached; /* goes with the column before it (table_attach_column()) */
} column_t;

typedef struct {
    char *text;  /* NULL for an empty cell */
    double real;
    int number;  /* JSON: text is a number's exact digits */
    int digits;  /* terminal: as column_t's digits, or COLUMN_DIGITS for the column's */
    cJSON *json; /* JSON: this value instead of the text (a list, a node), or NULL */
} cell_t;

struct table {
    char *name, *title;
    int summary;  /* JSON: one object of key: value, not a list of rows */
    cJSON *whole; /* JSON: the table as this value, or NULL */
    column_t *columns;
    size_t column_count;
    cell_t *cells;
    size_t cell_count, cell_capacity;
};

table_t *table_new(const char *name, const char *title)
{
    table_t *t = xcalloc(1, sizeof *t);
    t->name = xstrdup(name);
    t->title = title ? xstrdup(title) : NULL;
    return t;
}

void table_free(table_t *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->column_count; i++)
        free(t->columns[i].name);
    for (size_t i = 0; i < t->cell_count; i++) {
        free(t->cells[i].text);
        cJSON_Delete(t->cells[i].json);
    }
    cJSON_Delete(t->whole);
    free(t->columns);
    free(t->cells);
    free(t->name);
    free(t->title);
    free(t);
}

void table_column(table_t *t, const char *name, col_type_t type, int digits)
{
    t->columns = xrealloc(t->columns, (t->column_count + 1) * sizeof *t->columns);
    t->columns[t->column_count++] = (column_t){xstrdup(name), type, digits, 0};
}

void table_attach_column(table_t *t)
{
    t->columns[t->column_count - 1].attached = 1;
}

void table_columns(table_t *t, const column_spec_t *columns, size_t count)
{
    for (size_t i = 0; i < count; i++)
        table_column(t, columns[i].name, columns[i].type, columns[i].digits);
}

/* A cell shown as its column says. */
#define COLUMN_DIGITS INT_MIN

static void push(table_t *t, char *text, double real, int number, cJSON *json)
{
    if (t->cell_count == t->cell_capacity) {
        t->cell_capacity = t->cell_capacity ? t->cell_capacity * 2 : 64;
        t->cells = xrealloc(t->cells, t->cell_capacity * sizeof *t->cells);
    }
    t->cells[t->cell_count++] = (cell_t){text, real, number, COLUMN_DIGITS, json};
}

void table_text(table_t *t, const char *value)
{
    push(t, value ? xstrdup(value) : NULL, NAN, 0, NULL);
}

void table_int(table_t *t, long long value)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", value);
    push(t, xstrdup(buf), (double)value, 1, NULL);
    t->cells[t->cell_count - 1].digits = -1; /* whole, in a column of reals too */
}

void table_real(table_t *t, double value)
{
    char buf[PN_TEXT_REAL_MAX];
    pn_text_format_real(buf, value);
    push(t, isfinite(value) ? xstrdup(buf) : NULL, value, 1, NULL);
}

void table_real_digits(table_t *t, double value, int digits)
{
    table_real(t, value);
    t->cells[t->cell_count - 1].digits = digits;
}

void table_null(table_t *t)
{
    push(t, NULL, NAN, 0, NULL);
}

void table_json(table_t *t, const char *text, cJSON *value)
{
    if (!value)
        out_of_memory();
    push(t, xstrdup(text), NAN, 0, value);
}

void table_list(table_t *t, const char *const *items, size_t count)
{
    cJSON *list = cJSON_CreateArray();
    size_t length = 1;
    for (size_t i = 0; i < count; i++)
        length += strlen(items[i]) + 2;
    char *text = xmalloc(length);
    text[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        if (i)
            strcat(text, "; ");
        strcat(text, items[i]);
        if (list)
            cJSON_AddItemToArray(list, cJSON_CreateString(items[i]));
    }
    if (!list)
        out_of_memory();
    push(t, text, NAN, 0, list);
}

void table_summary(table_t *t)
{
    t->summary = 1;
}

void table_set_json(table_t *t, cJSON *whole)
{
    if (!whole)
        out_of_memory();
    cJSON_Delete(t->whole);
    t->whole = whole;
}

const char *table_name(const table_t *t)
{
    return t->name;
}

size_t table_rows(const table_t *t)
{
    return t->column_count ? t->cell_count / t->column_count : 0;
}

/* ---- terminal ---------------------------------------------------------------------------- */

static const char *shown(const table_t *t, size_t cell, char buf[64])
{
    const column_t *c = &t->columns[cell % t->column_count];
    const cell_t *v = &t->cells[cell];
    int digits = v->digits != COLUMN_DIGITS ? v->digits : c->digits;
    if (!v->text)
        return "-";
    if (!v->number || v->json || (c->type != COL_REAL && v->digits == COLUMN_DIGITS))
        return v->text;
    if (digits >= 0) {
        snprintf(buf, 64, "%.*f", digits, v->real);
        return buf;
    }
    if (digits < -1) {
        snprintf(buf, 64, "%.*g", -digits, v->real);
        return buf;
    }
    return v->text;
}

/* Columns of the terminal tables are cut to; 0 for none. */
static size_t width_limit;

void tables_set_width(size_t width)
{
    width_limit = width;
}

/* The narrowest a text column is cut to (or its head): columns are left out before text is
 * cut shorter than TEXT_COLUMN_SHORT, and text is cut to TEXT_COLUMN_MIN before the table is
 * left with one column. */
#define TEXT_COLUMN_SHORT 14
#define TEXT_COLUMN_MIN 8

/* Fit the @p count columns @p which (of natural widths @p natural) into @p limit characters,
 * two between columns: text columns are narrowed, the widest first, down to their minimum.
 * Sets @p width of each; returns whether they fit. */
static int fit_columns(const table_t *t, const size_t *natural, const size_t *which,
                       size_t count, size_t limit, size_t text_least, size_t *width)
{
    size_t total = 2 * (count - 1), *least = xmalloc(count * sizeof *least);
    for (size_t k = 0; k < count; k++) {
        size_t c = which[k], head = text_width(t->columns[c].name);
        width[c] = natural[c];
        least[k] = t->columns[c].type != COL_TEXT || natural[c] < text_least ? natural[c]
                   : head > text_least                                       ? head
                                                                              : text_least;
        total += natural[c];
    }
    while (total > limit) {
        size_t widest = count;
        for (size_t k = 0; k < count; k++)
            if (width[which[k]] > least[k] &&
                (widest == count || width[which[k]] > width[which[widest]]))
                widest = k;
        if (widest == count)
            break;
        /* narrow the widest to the next widest, or by what is still too much */
        size_t w = width[which[widest]], next = least[widest];
        for (size_t k = 0; k < count; k++)
            if (width[which[k]] < w && width[which[k]] > next && width[which[k]] > least[k])
                next = width[which[k]];
        size_t cut = w - next > 0 ? w - next : 1;
        if (cut > total - limit)
            cut = total - limit;
        width[which[widest]] -= cut;
        total -= cut;
    }
    free(least);
    return total <= limit;
}

/* Write @p word and @p end after a space, or on a new line when the line would pass the
 * width; returns the column reached. */
static size_t wrap_word(FILE *out, const char *word, const char *end, size_t at)
{
    size_t w = text_width(word) + strlen(end);
    if (at > 0 && at + 1 + w > width_limit) {
        fputs("\n ", out);
        at = 1;
    } else if (at > 0) {
        fputc(' ', out);
        at++;
    }
    fprintf(out, "%s%s", word, end);
    return at + w;
}

static void print_table(FILE *out, const table_t *t)
{
    size_t columns = t->column_count, rows = table_rows(t);
    size_t *natural = xmalloc(columns * sizeof *natural);
    size_t *width = xmalloc(columns * sizeof *width);
    char **text = xmalloc((rows + 1) * columns * sizeof *text), buf[64];
    for (size_t c = 0; c < columns; c++) {
        text[c] = terminal_text(t->columns[c].name);
        natural[c] = text_width(text[c]);
    }
    for (size_t i = 0; i < rows * columns; i++) {
        char *s = text[columns + i] = terminal_text(shown(t, i, buf));
        size_t w = text_width(s);
        if (w > natural[i % columns])
            natural[i % columns] = w;
    }
    /* too wide: narrow the text columns; then leave out text columns from the right (the
     * first, which names the row, stays), then numbers from the right; when that would leave
     * one column, cut text shorter instead */
    size_t *which = xmalloc(columns * sizeof *which), count = columns, naming = columns;
    int *left_out = xcalloc(columns, sizeof *left_out);
    for (size_t c = 0; c < columns && naming == columns; c++)
        if (t->columns[c].type == COL_TEXT)
            naming = c;
    size_t limit = width_limit ? width_limit : SIZE_MAX;
    for (int pass = 0; pass < 2; pass++) {
        size_t least = pass == 0 ? TEXT_COLUMN_SHORT : TEXT_COLUMN_MIN;
        count = columns;
        for (size_t c = 0; c < columns; c++) {
            which[c] = c;
            left_out[c] = 0;
        }
        while (!fit_columns(t, natural, which, count, limit, least, width) &&
               count > (pass == 0 ? 2u : 1u)) {
            size_t drop = count;
            for (size_t k = count; k-- > 0 && drop == count;)
                if (t->columns[which[k]].type == COL_TEXT && which[k] != naming)
                    drop = k;
            for (size_t k = count; k-- > 0 && drop == count;)
                if (which[k] != naming)
                    drop = k;
            /* with the columns that go with it */
            size_t gone = 1;
            while (drop + gone < count && t->columns[which[drop + gone]].attached)
                gone++;
            for (size_t k = drop; k < drop + gone; k++)
                left_out[which[k]] = 1;
            memmove(which + drop, which + drop + gone, (count - drop - gone) * sizeof *which);
            count -= gone;
        }
        if (fit_columns(t, natural, which, count, limit, least, width))
            break;
    }
    if (t->title) {
        char *title = terminal_text(t->title);
        char *cut = width_limit ? text_cut(title, width_limit) : xstrdup(title);
        fprintf(out, "%s\n", cut);
        free(cut);
        free(title);
    }
    for (size_t r = 0; r <= rows; r++) {
        for (size_t k = 0; k < count; k++) {
            size_t c = which[k];
            const char *s = text[r * columns + c];
            char *cut = text_width(s) > width[c] ? text_cut(s, width[c]) : NULL;
            if (cut)
                s = cut;
            size_t w = text_width(s), pad = width[c] > w ? width[c] - w : 0;
            int right = t->columns[c].type != COL_TEXT;
            if (k > 0)
                fputs("  ", out);
            if (right)
                fprintf(out, "%*s", (int)pad, "");
            fputs(s, out);
            if (!right && k + 1 < count)
                fprintf(out, "%*s", (int)pad, "");
            free(cut);
        }
        fputc('\n', out);
    }
    if (count < columns) {
        /* a note naming them, its words wrapped to the width too */
        char head[96];
        snprintf(head, sizeof head, "(%zu more column%s with --table-width 0 or --format csv:",
                 columns - count, columns - count == 1 ? "" : "s");
        size_t at = 0, named = 0;
        for (char *word = strtok(head, " "); word; word = strtok(NULL, " "))
            at = wrap_word(out, word, "", at);
        for (size_t c = 0; c < columns; c++)
            if (left_out[c])
                at = wrap_word(out, text[c], ++named == columns - count ? ")" : ",", at);
        fputc('\n', out);
    }
    free(left_out);
    free(which);
    for (size_t i = 0; i < (rows + 1) * columns; i++)
        free(text[i]);
    free(text);
    free(width);
    free(natural);
}

/* ---- CSV ------------------------------------------------------------------------------- */

static void print_csv(FILE *out, const table_t *t, unsigned flags)
{
    size_t columns = t->column_count;
    for (size_t c = 0; c < columns; c++) {
        if (c)
            fputc(',', out);
        pn_text_write_csv_cell(out, t->columns[c].name, flags);
    }
    fputc('\n', out);
    for (size_t i = 0; i < t->cell_count; i++) {
        if (i % columns)
            fputc(',', out);
        pn_text_write_csv_cell(out, t->cells[i].text, flags);
        if (i % columns == columns - 1)
            fputc('\n', out);
    }
}

static void print_csv_long(FILE *out, table_t *const *tables, size_t count, unsigned flags)
{
    fputs("table,key,column,value\n", out);
    for (size_t k = 0; k < count; k++) {
        const table_t *t = tables[k];
        size_t columns = t->column_count;
        for (size_t r = 0; r < table_rows(t); r++) {
            for (size_t c = 1; c < columns; c++) {
                pn_text_write_csv_cell(out, t->name, flags);
                fputc(',', out);
                pn_text_write_csv_cell(out, t->cells[r * columns].text, flags);
                fputc(',', out);
                pn_text_write_csv_cell(out, t->columns[c].name, flags);
                fputc(',', out);
                pn_text_write_csv_cell(out, t->cells[r * columns + c].text, flags);
                fputc('\n', out);
            }
        }
    }
}

/* ---- JSON ------------------------------------------------------------------------------ */

static cJSON *json_cell(const cell_t *v)
{
    if (v->json)
        return cJSON_Duplicate(v->json, 1);
    if (!v->text)
        return cJSON_CreateNull();
    if (v->number)
        return cJSON_CreateRaw(v->text); /* exact digits, not re-rounded */
    return cJSON_CreateString(v->text);
}

/* A summary's key as a JSON key: lower case, words joined by '_' ("cross-border share":
 * "cross_border_share"). */
static char *json_key(const char *text)
{
    char *key = xstrdup(text);
    for (char *p = key; *p; p++) {
        if (*p == ' ' || *p == '-')
            *p = '_';
        else if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    }
    return key;
}

cJSON *table_json_value(const table_t *t)
{
    if (t->whole)
        return cJSON_Duplicate(t->whole, 1);
    size_t columns = t->column_count;
    if (t->summary) {
        cJSON *object = cJSON_CreateObject();
        for (size_t r = 0; r < table_rows(t) && columns >= 2; r++) {
            const cell_t *key = &t->cells[r * columns];
            char *name = json_key(key->text ? key->text : "");
            cJSON_AddItemToObject(object, name, json_cell(&t->cells[r * columns + 1]));
            free(name);
        }
        return object;
    }
    cJSON *list = cJSON_CreateArray();
    for (size_t r = 0; r < table_rows(t); r++) {
        cJSON *row = cJSON_CreateObject();
        for (size_t c = 0; c < columns; c++)
            cJSON_AddItemToObject(row, t->columns[c].name, json_cell(&t->cells[r * columns + c]));
        cJSON_AddItemToArray(list, row);
    }
    return list;
}

static int print_json(FILE *out, table_t *const *tables, size_t count)
{
    cJSON *root;
    if (count == 1) {
        root = table_json_value(tables[0]);
    } else {
        root = cJSON_CreateObject();
        for (size_t k = 0; k < count; k++)
            cJSON_AddItemToObject(root, tables[k]->name, table_json_value(tables[k]));
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return -1;
    fputs(text, out);
    fputc('\n', out);
    cJSON_free(text);
    return 0;
}

/* ---- HTML ------------------------------------------------------------------------------ */

void html_escape(FILE *out, const char *text)
{
    for (; *text; text++) {
        switch (*text) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*text, out); break;
        }
    }
}

int table_print_html(FILE *out, const table_t *t)
{
    size_t columns = t->column_count;
    char buf[64];
    if (t->title) {
        fputs("<h2>", out);
        html_escape(out, t->title);
        fputs("</h2>\n", out);
    }
    fprintf(out, "<table class=\"sortable\" id=\"table-%s\">\n<thead><tr>", t->name);
    for (size_t c = 0; c < columns; c++) {
        fprintf(out, "<th class=\"%s\">", t->columns[c].type == COL_TEXT ? "text" : "number");
        html_escape(out, t->columns[c].name);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t r = 0; r < table_rows(t); r++) {
        fputs("<tr>", out);
        for (size_t c = 0; c < columns; c++) {
            size_t i = r * columns + c;
            const cell_t *v = &t->cells[i];
            if (t->columns[c].type != COL_TEXT && v->text)
                fprintf(out, "<td class=\"number\" data-v=\"%s\">", v->text);
            else
                fputs("<td>", out);
            html_escape(out, shown(t, i, buf));
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
    return ferror(out) ? -1 : 0;
}

int tables_print(FILE *out, format_t format, unsigned csv_flags, table_t *const *tables,
                 size_t count)
{
    switch (format) {
    case FORMAT_TABLE:
        for (size_t k = 0; k < count; k++) {
            if (k)
                fputc('\n', out);
            print_table(out, tables[k]);
        }
        break;
    case FORMAT_CSV:
        if (count == 1)
            print_csv(out, tables[0], csv_flags);
        else
            print_csv_long(out, tables, count, csv_flags);
        break;
    case FORMAT_JSON:
        if (print_json(out, tables, count) != 0)
            return -1;
        break;
    }
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
