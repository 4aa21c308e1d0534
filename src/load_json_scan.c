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
#include <stddef.h>
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

static int push_run(pn_json_list_t *s, const char *at, uint32_t line)
{
    if (pn_array__reserve((void **)&s->runs, &s->run_capacity, s->run_count + 1,
                          sizeof *s->runs) != 0)
        return -1;
    s->runs[s->run_count++] = (pn_json_run_t){at, line};
    return 0;
}

static int compare_keys(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A key given twice in one object of @p v (NULL when none): a few keys are compared pairwise,
 * more are sorted, so that an object of a million keys takes no longer than reading it. */
static const char *duplicate_key(pn_json_scan_t *j, const cJSON *v)
{
    size_t n = 0;
    for (const cJSON *c = v->child; c; c = c->next, n++) {
        const char *d = c->child ? duplicate_key(j, c) : NULL;
        if (d)
            return d;
    }
    if (!cJSON_IsObject(v) || n < 2)
        return NULL;
    if (n <= 8) {
        for (const cJSON *a = v->child; a; a = a->next)
            for (const cJSON *b = a->next; b; b = b->next)
                if (strcmp(a->string, b->string) == 0)
                    return a->string;
        return NULL;
    }
    if (pn_array__reserve((void **)&j->keys, &j->keys_capacity, n, sizeof *j->keys) != 0) {
        j->status = PN_ENOMEM;
        return NULL;
    }
    size_t k = 0;
    for (const cJSON *c = v->child; c; c = c->next)
        j->keys[k++] = c->string;
    qsort(j->keys, n, sizeof *j->keys, compare_keys);
    for (k = 1; k < n; k++)
        if (strcmp(j->keys[k - 1], j->keys[k]) == 0)
            return j->keys[k];
    return NULL;
}

/* The line of the second "key": in the text from @p start to @p end, or @p line (where the
 * value starts) when the key is written with escapes. */
static uint32_t second_key_line(const char *start, const char *end, const char *key,
                                uint32_t line)
{
    size_t n = strlen(key);
    int seen = 0;
    for (const char *p = start; p && end - p >= (ptrdiff_t)n + 2;
         p = memchr(p + 1, '"', (size_t)(end - p - 1))) {
        if (*p != '"' || memcmp(p + 1, key, n) != 0 || p[n + 1] != '"')
            continue;
        const char *colon = skip_ws(p + n + 2, end);
        if (colon < end && *colon == ':' && ++seen == 2) {
            for (const char *q = start; q < p; q++)
                line += *q == '\n';
            return line;
        }
    }
    return line;
}

static void scan_list(pn_json_scan_t *j, int index, const char **pp)
{
    pn_json_list_t *s = &j->list[index];
    const char *p = *pp;
    if (p >= j->end || *p != '[') {
        syntax_error(j, p, "a list [ ... ]");
        return;
    }
    if (push_run(s, p, line_at(j, p)) != 0) {
        j->status = PN_ENOMEM;
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
        const char *start = p;
        cJSON *item = parse_value(j, &p);
        if (!item)
            return;
        const char *twice = duplicate_key(j, item);
        if (twice) {
            int status = pn_load__error(j->l, "%s:%u: \"%s\" is given twice in one object: "
                                        "readers disagree on which one counts; give it once",
                                        j->name, second_key_line(start, p, twice, line), twice);
            if (status)
                j->status = status;
        }
        if (s->streamed && !j->status) {
            pn_json_element_t element = {item, line};
            int status = j->visit(j->ctx, index, &element);
            if (status)
                j->status = status;
        }
        cJSON_Delete(item);
        if (j->status)
            return;
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
            scan_list(j, section, &p);
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

/* Past the string whose opening quote is at @p p; NULL when it does not end. */
static const char *skip_string(const char *p, const char *end)
{
    for (p++; p < end; p++) {
        if (*p == '"')
            return p + 1;
        if (*p == '\\' && ++p == end)
            break;
    }
    return NULL;
}

/* Past the value at @p p, by its quotes and brackets alone: a quick look, not a check. */
static const char *skip_value(const char *p, const char *end)
{
    long depth = 0;
    while (p < end) {
        char c = *p;
        if (c == '"') {
            if (!(p = skip_string(p, end)))
                return end;
            if (depth == 0)
                return p;
            continue;
        }
        if (c == '[' || c == '{') {
            depth++;
        } else if (c == ']' || c == '}') {
            if (depth == 0)
                return p;
            if (--depth == 0)
                return p + 1;
        } else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            return p;
        }
        p++;
    }
    return end;
}

/* Where the top object gives each list and its last other known field, by a quick look at
 * the whole text, to choose the lists visited during the scan: those that come after every
 * field of meta and after every list before them in the reader's order, which must be visited
 * during the scan too. A text the quick look does not follow gets none: the scan finds what
 * is wrong with it, or the lists are visited after it. */
static void choose_streamed(pn_json_scan_t *j)
{
    const char *p = j->text, *end = j->end, *meta_last = NULL;
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    p = skip_ws(p, end);
    if (p >= end || *p != '{')
        return;
    p = skip_ws(p + 1, end);
    while (p < end && *p != '}') {
        const char *key = p, *after = *p == '"' ? skip_string(p, end) : NULL;
        /* a name written with escapes is compared by the scan alone */
        if (!after || memchr(key, '\\', (size_t)(after - key)))
            return;
        size_t n = (size_t)(after - key) - 2;
        p = skip_ws(after, end);
        if (p >= end || *p != ':')
            return;
        int section = -1;
        for (int i = 0; j->lists[i] && section < 0; i++)
            if (strlen(j->lists[i]) == n && memcmp(j->lists[i], key + 1, n) == 0)
                section = i;
        if (section >= 0) {
            pn_json_list_t *s = &j->list[section];
            s->first = s->first ? s->first : key;
            s->last = key;
        } else {
            for (const char *const *m = j->fields; *m; m++)
                if (strlen(*m) == n && memcmp(*m, key + 1, n) == 0)
                    meta_last = key;
        }
        p = skip_ws(skip_value(skip_ws(p + 1, end), end), end);
        if (p < end && *p == ',')
            p = skip_ws(p + 1, end);
        else if (p >= end || *p != '}')
            return;
    }
    for (int i = 0; j->lists[i]; i++) {
        pn_json_list_t *s = &j->list[i];
        int in_order = s->first && (!meta_last || meta_last < s->first);
        for (int before = 0; before < i && in_order; before++)
            in_order = !j->list[before].last ||
                       (j->list[before].streamed && j->list[before].last < s->first);
        s->streamed = in_order;
    }
}

static int hex4(const char *p, const char *end, unsigned *out)
{
    unsigned v = 0;
    if (end - p < 4)
        return 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return 0;
        v = v * 16 + (unsigned)d;
    }
    *out = v;
    return 1;
}

/* A "\u0000" escape would silently cut a string short in cJSON, and half a surrogate pair
 * makes cJSON stop with no reason given: refuse both, at their place. Backslashes mean
 * something only in strings (elsewhere cJSON refuses them), so each one read from the start
 * begins an escape. */
static void find_bad_escapes(pn_json_scan_t *j)
{
    for (const char *p = j->text; p < j->end && (p = memchr(p, '\\', (size_t)(j->end - p)));) {
        unsigned code, low;
        if (p + 1 >= j->end || p[1] != 'u' || !hex4(p + 2, j->end, &code)) {
            p += 2;
            continue;
        }
        const char *half = NULL;
        if (code >= 0xDC00 && code <= 0xDFFF) {
            half = "a low surrogate with no high one (\\uD800 to \\uDBFF) before it";
        } else if (code >= 0xD800 && code <= 0xDBFF) {
            if (j->end - p >= 12 && p[6] == '\\' && p[7] == 'u' && hex4(p + 8, j->end, &low) &&
                low >= 0xDC00 && low <= 0xDFFF) {
                p += 12;
                continue;
            }
            half = "a high surrogate with no low one (\\uDC00 to \\uDFFF) after it";
        }
        int status = 0;
        if (code == 0)
            status = pn_load__error(j->l, "%s:%u:%u: a \\u0000 (NUL) escape: strings cannot "
                                    "hold NUL characters", j->name, line_at(j, p),
                                    column_at(j, p));
        else if (half)
            status = pn_load__error(j->l, "%s:%u:%u: \"%.6s\" is half of a UTF-16 surrogate "
                                    "pair: %s", j->name, line_at(j, p), column_at(j, p), p,
                                    half);
        if (code == 0 || half) {
            j->status = status ? status : PN_EPARSE;
            return;
        }
        p += 6;
    }
}

int pn_json_scan__run(pn_json_scan_t *j, pn_loader_t *l, const char *name, const char *text,
                      size_t len, const char *const *lists, const char *const *fields,
                      const char *not_utf8, pn_json_visit_t visit, void *ctx)
{
    memset(j, 0, sizeof *j);
    j->l = l;
    j->name = name;
    j->text = j->line_pos = text;
    j->end = text + len;
    j->line = 1;
    j->lists = lists;
    j->fields = fields;
    j->visit = visit;
    j->ctx = ctx;
    for (size_t n = 0; lists[n]; n++)
        assert(n < PN_JSON_SCAN_LISTS);
    if (!(j->meta = cJSON_CreateObject()))
        return pn_error__nomem();
    size_t bad = pn_utf8__invalid(text, len);
    if (bad < len) {
        int status;
        if (text[bad]) {
            /* no guess from the first bytes: one from the bytes around */
            size_t from = bad > 256 ? bad - 256 : 0, to = len - bad > 256 ? bad + 256 : len;
            status = pn_load__error(l, "%s:%u:%u: invalid UTF-8: the file must be UTF-8 text; "
                                    "%s", name, line_at(j, text + bad), column_at(j, text + bad),
                                    not_utf8 ? not_utf8
                                             : pn_utf8__guess_encoding(text + from, to - from));
        } else {
            status = pn_load__error(l, "%s:%u:%u: a NUL byte: the file must be UTF-8 text", name,
                                    line_at(j, text + bad), column_at(j, text + bad));
        }
        return status ? status : PN_EPARSE;
    }
    find_bad_escapes(j);
    if (!j->status) {
        choose_streamed(j);
        scan_top(j);
    }
    return j->status == PN_ENOMEM ? pn_error__nomem() : j->status;
}

/* Visit the elements of one place of a list again: the scan found them sound. */
static int visit_run(pn_json_scan_t *j, int index, const pn_json_run_t *run)
{
    j->line_pos = run->at;
    j->line = run->line;
    const char *p = skip_ws(run->at + 1, j->end);
    if (p < j->end && *p == ']')
        return 0;
    for (;;) {
        p = skip_ws(p, j->end);
        pn_json_element_t element = {NULL, line_at(j, p)};
        if (!(element.item = parse_value(j, &p)))
            return j->status;
        int status = j->visit(j->ctx, index, &element);
        cJSON_Delete(element.item);
        if (status)
            return status;
        p = skip_ws(p, j->end);
        if (p >= j->end || *p != ',')
            return 0;
        p++;
    }
}

int pn_json_scan__finish(pn_json_scan_t *j)
{
    for (int i = 0; j->lists[i] && !j->status; i++)
        for (size_t k = 0; k < j->list[i].run_count && !j->list[i].streamed && !j->status; k++)
            j->status = visit_run(j, i, &j->list[i].runs[k]);
    return j->status == PN_ENOMEM ? pn_error__nomem() : j->status;
}

void pn_json_scan__destroy(pn_json_scan_t *j)
{
    for (int s = 0; s < PN_JSON_SCAN_LISTS; s++)
        free(j->list[s].runs);
    cJSON_Delete(j->meta);
    free(j->keys);
    memset(j, 0, sizeof *j);
}

/* Where a record may end: the state of the text read so far. Records are the values of the
 * top object's fields and the elements of its lists: every comma, colon or bracket outside
 * strings at depth 2 or less ends one and starts the next. */
typedef struct {
    long depth;
    int in_string, escape;
    uint32_t line, record_line;
    size_t record; /* offset where the current record starts */
    size_t items;  /* values in the current record so far: each a cJSON node once parsed */
} records_t;

/* What a value costs beside its text once cJSON has parsed its record: a record of 16 MiB of
 * "0," took 43 times its size. Its values are refused past the limit too, so that a record
 * holds at most twice the limit as text and as cJSON's nodes. */
#define ITEM_COST sizeof(cJSON)

/* Does the current record, @p bytes long so far, pass @p max? */
static int record_too_long(const records_t *r, size_t bytes, size_t max)
{
    return bytes > max || r->items > max / ITEM_COST;
}

/* @return 0, or 1 when a record that ended in the text read was longer than @p max */
static int follow_records(records_t *r, const char *text, size_t from, size_t to, size_t max)
{
    for (size_t i = from; i < to; i++) {
        char c = text[i];
        if (c == '\n')
            r->line++;
        if (r->in_string) {
            if (r->escape)
                r->escape = 0;
            else if (c == '\\')
                r->escape = 1;
            else if (c == '"')
                r->in_string = 0;
            continue;
        }
        if (c == '"') {
            r->in_string = 1;
            continue;
        }
        if (c == '{' || c == '[')
            r->depth++;
        else if (c == '}' || c == ']')
            r->depth--;
        else if (c != ',' && c != ':')
            continue;
        if (r->depth > 2) {
            r->items += c != ':' && c != '}' && c != ']';
        } else {
            if (record_too_long(r, i - r->record, max))
                return 1;
            r->record = i + 1;
            r->record_line = r->line;
            r->items = 0;
        }
    }
    return 0;
}

int pn_json_scan__read(char **out, size_t *len, pn_loader_t *l, pn_reader_t *in)
{
    /* a file's size is known: the first allocation holds it; a pipe's input grows it */
    size_t cap = 0, used = 0, first = in->size ? (size_t)in->size : PN_READER_PEEK_SIZE;
    size_t max = pn_reader__max_record(in);
    records_t r = {0, 0, 0, 1, 1, 0, 0};
    char *buf = NULL;
    int status = 0;
    for (;;) {
        /* room for one more byte and the NUL: grows only when full */
        if (pn_array__reserve((void **)&buf, &cap, (used ? used : first) + 2, 1) != 0) {
            status = pn_error__nomem();
            goto done;
        }
        /* a megabyte at a time at most, so that an endless record is seen soon */
        size_t room = cap - 1 - used;
        int error;
        size_t n = pn_reader__read(in, buf + used, room < (1u << 20) ? room : (1u << 20), &error);
        if (error) {
            status = pn_load__read_error(l, error);
            goto done;
        }
        if (n == 0)
            break;
        /* a NUL byte: the scan reports it, and what follows does not matter */
        const char *nul = memchr(buf + used, '\0', n);
        if (nul)
            n = (size_t)(nul - (buf + used)) + 1;
        int ended_too_long = follow_records(&r, buf, used, used + n, max);
        used += n;
        if (ended_too_long || record_too_long(&r, used - r.record, max)) {
            if (used - r.record > max)
                status = pn_load__error(l, "%s:%u: a value longer than %zu bytes starts here, "
                                        "the limit on one record: is this a partnet dataset? "
                                        "(--max-record raises the limit)", in->name,
                                        r.record_line, max);
            else
                status = pn_load__error(l, "%s:%u: a value of %zu items or more starts here, "
                                        "over the limit on one record (%zu bytes, at %zu "
                                        "bytes a value): is this a partnet dataset? "
                                        "(--max-record raises the limit)", in->name,
                                        r.record_line, r.items, max, (size_t)ITEM_COST);
            status = status ? status : PN_EPARSE;
            goto done;
        }
        if (nul)
            break;
    }
    buf[used] = '\0';
    *out = buf;
    *len = used;
    buf = NULL;
done:
    free(buf);
    return status;
}
