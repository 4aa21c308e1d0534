/*
 * The line-keeping JSON scanner (see load_json_scan.h): cJSON parses a document whole and
 * forgets where each value stood, so the top level is scanned by hand and each element of the
 * lists is handed to cJSON alone, with the line it starts on. Syntax errors name the line, the
 * column and what was expected there, which cJSON does not tell.
 */
#include "load_json_scan.h"

#include "array.h"
#include "error.h"
#include "strpool.h"
#include "utf8.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t line_at(pn_json_scan_t *j, const char *p)
{
    for (; j->line_pos < p; j->line_pos++)
        j->line += *j->line_pos == '\n';
    return j->line;
}

static uint32_t column_at(const pn_json_scan_t *j, const char *p)
{
    const char *start = p;
    while (start > j->text && start[-1] != '\n')
        start--;
    return (uint32_t)(p - start) + 1;
}

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

static void syntax_error(pn_json_scan_t *j, const char *p, const char *expected)
{
    if (p > j->end)
        p = j->end;
    char near[24];
    size_t n = 0;
    for (const char *q = p; q < j->end && n < 16 && *q != '\n' && *q != '\r'; q++)
        near[n++] = (*q >= 0x20 && *q < 0x7f) ? *q : '?';
    near[n] = '\0';
    uint32_t line = line_at(j, p);
    int status = pn_load__error(j->l, "%s:%u:%u: malformed JSON: expected %s, found %s%s%s",
                                j->name, line, column_at(j, p), expected,
                                p == j->end ? "the end of the file" : "\"",
                                p == j->end ? "" : near, p == j->end ? "" : "\"");
    j->status = status ? status : PN_EPARSE;
}

/* Scan the text from @p p to @p stop: how many lists and objects are open there, and the
 * opening quote of the string still open there (NULL when none). */
static long scan_open(const char *p, const char *stop, const char **open_quote)
{
    long depth = 0;
    const char *quote = NULL;
    for (; p < stop; p++) {
        if (quote) {
            if (*p == '\\' && p + 1 < stop)
                p++;
            else if (*p == '"')
                quote = NULL;
        } else if (*p == '"') {
            quote = p;
        } else if (*p == '[' || *p == '{') {
            depth++;
        } else if (*p == ']' || *p == '}') {
            depth--;
        }
    }
    if (open_quote)
        *open_quote = quote;
    return depth;
}

/* Say why cJSON stopped at @p at in the value starting at @p start: it does not tell. */
static void value_error(pn_json_scan_t *j, const char *start, const char *at)
{
    const char *quote;
    int unfinished = scan_open(start, j->end, &quote) > 0;
    if (scan_open(start, at, NULL) >= CJSON_NESTING_LIMIT) {
        char expected[64];
        snprintf(expected, sizeof expected, "lists and objects nested at most %d deep",
                 CJSON_NESTING_LIMIT);
        syntax_error(j, at, expected);
    } else if (quote && (quote == at || quote + 1 == at)) {
        /* cJSON stops at a string that runs to the end of the file */
        int status = pn_load__error(j->l, "%s:%u:%u: malformed JSON: the string that starts "
                                    "here has no closing quote", j->name, line_at(j, quote),
                                    column_at(j, quote));
        j->status = status ? status : PN_EPARSE;
    } else if (unfinished && at + 1 >= j->end) {
        /* past the end cJSON points at the last byte: the file ends too early */
        syntax_error(j, j->end, "the rest of the list or object");
    } else {
        syntax_error(j, at, "a value (string in double quotes, number, object, list, true, "
                            "false or null)");
    }
}

/* Parse one JSON value at *p with cJSON; NULL (and a reported error) when malformed. */
static cJSON *parse_value(pn_json_scan_t *j, const char **p)
{
    const char *after = NULL;
    cJSON *v = cJSON_ParseWithLengthOpts(*p, (size_t)(j->end - *p), &after, 0);
    if (!v) {
        value_error(j, *p, after ? after : *p);
        return NULL;
    }
    *p = after;
    return v;
}

static int push_element(pn_json_list_t *s, cJSON *item, uint32_t line)
{
    if (pn_array__reserve((void **)&s->items, &s->capacity, s->count + 1, sizeof *s->items) != 0)
        return -1;
    s->items[s->count++] = (pn_json_element_t){item, line};
    return 0;
}

static void scan_list(pn_json_scan_t *j, pn_json_list_t *s, const char **pp)
{
    const char *p = *pp;
    if (p >= j->end || *p != '[') {
        syntax_error(j, p, "a list [ ... ]");
        return;
    }
    p = skip_ws(p + 1, j->end);
    if (p < j->end && *p == ']') {
        *pp = p + 1;
        return;
    }
    for (;;) {
        p = skip_ws(p, j->end);
        uint32_t line = line_at(j, p);
        cJSON *item = parse_value(j, &p);
        if (!item)
            return;
        if (push_element(s, item, line) != 0) {
            cJSON_Delete(item);
            j->status = PN_ENOMEM;
            return;
        }
        p = skip_ws(p, j->end);
        if (p < j->end && *p == ',') {
            p++;
            continue;
        }
        if (p < j->end && *p == ']') {
            *pp = p + 1;
            return;
        }
        syntax_error(j, p, "\",\" or \"]\"");
        return;
    }
}

static void scan_top(pn_json_scan_t *j)
{
    const char *p = j->text;
    if (j->end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    p = skip_ws(p, j->end);
    if (p >= j->end || *p != '{') {
        syntax_error(j, p, "a JSON object { ... } holding countries, nodes and agreements");
        return;
    }
    p = skip_ws(p + 1, j->end);
    if (p < j->end && *p == '}') {
        p++;
        goto after;
    }
    for (;;) {
        p = skip_ws(p, j->end);
        if (p >= j->end || *p != '"') {
            syntax_error(j, p, "a field name in double quotes");
            return;
        }
        const char *key_pos = p;
        cJSON *key = parse_value(j, &p);
        if (!key)
            return;
        p = skip_ws(p, j->end);
        if (p >= j->end || *p != ':') {
            cJSON_Delete(key);
            syntax_error(j, p, "\":\"");
            return;
        }
        p = skip_ws(p + 1, j->end);
        int section = -1, known = 0;
        for (int i = 0; j->lists[i]; i++)
            if (strcmp(key->valuestring, j->lists[i]) == 0)
                section = i;
        for (const char *const *m = j->fields; *m && !known; m++)
            known = strcmp(key->valuestring, *m) == 0;
        /* only the few known fields are kept, so that this lookup stays short */
        int duplicate = section >= 0 ? j->list[section].seen
                        : known && cJSON_GetObjectItemCaseSensitive(j->meta, key->valuestring);
        int status = 0;
        if (duplicate)
            status = pn_load__error(j->l, "%s:%u: field \"%s\" appears twice in the top "
                                    "object", j->name, line_at(j, key_pos), key->valuestring);
        else if (section < 0 && !known)
            status = pn_load__warning(j->l, "%s:%u: top object: unknown field \"%s\" ignored",
                                      j->name, line_at(j, key_pos), key->valuestring);
        if (status)
            j->status = status;
        if (section >= 0) {
            j->list[section].seen = 1;
            scan_list(j, &j->list[section], &p);
        } else {
            cJSON *value = parse_value(j, &p);
            if (value && known && !duplicate) {
                cJSON_AddItemToObject(j->meta, key->valuestring, value);
            } else {
                cJSON_Delete(value);
            }
        }
        cJSON_Delete(key);
        if (j->status)
            return;
        p = skip_ws(p, j->end);
        if (p < j->end && *p == ',') {
            p++;
            continue;
        }
        if (p < j->end && *p == '}') {
            p++;
            break;
        }
        syntax_error(j, p, "\",\" or \"}\"");
        return;
    }
after:
    p = skip_ws(p, j->end);
    if (p < j->end)
        syntax_error(j, p, "nothing after the closing \"}\"");
}

/* A "\u0000" escape would silently cut a string short in cJSON: refuse it. */
static void find_nul_escapes(pn_json_scan_t *j)
{
    for (const char *p = j->text; (p = strstr(p, "u0000")) != NULL; p += 5) {
        size_t backslashes = 0;
        for (const char *q = p; q > j->text && q[-1] == '\\'; q--)
            backslashes++;
        if (backslashes % 2 == 1) {
            int status = pn_load__error(j->l, "%s:%u:%u: a \\u0000 (NUL) escape: strings cannot "
                                        "hold NUL characters", j->name, line_at(j, p),
                                        column_at(j, p - 1));
            j->status = status ? status : PN_EPARSE;
            return;
        }
    }
}

int pn_json_scan__run(pn_json_scan_t *j, pn_loader_t *l, const char *name, const char *text,
                      size_t len, const char *const *lists, const char *const *fields)
{
    memset(j, 0, sizeof *j);
    j->l = l;
    j->name = name;
    j->text = j->line_pos = text;
    j->end = text + len;
    j->line = 1;
    j->lists = lists;
    j->fields = fields;
    for (size_t n = 0; lists[n]; n++)
        assert(n < PN_JSON_SCAN_LISTS);
    if (!(j->meta = cJSON_CreateObject()))
        return pn_error__nomem();
    size_t bad = pn_utf8__invalid(text, len);
    if (bad < len) {
        int status = pn_load__error(l, "%s:%u:%u: %s", name, line_at(j, text + bad),
                                    column_at(j, text + bad),
                                    text[bad] ? "invalid UTF-8: the file must be UTF-8 text"
                                              : "a NUL byte: the file must be UTF-8 text");
        return status ? status : PN_EPARSE;
    }
    find_nul_escapes(j);
    if (!j->status)
        scan_top(j);
    return j->status == PN_ENOMEM ? pn_error__nomem() : j->status;
}

void pn_json_scan__destroy(pn_json_scan_t *j)
{
    for (int s = 0; s < PN_JSON_SCAN_LISTS; s++) {
        for (size_t i = 0; i < j->list[s].count; i++)
            cJSON_Delete(j->list[s].items[i].item);
        free(j->list[s].items);
    }
    cJSON_Delete(j->meta);
    memset(j, 0, sizeof *j);
}
