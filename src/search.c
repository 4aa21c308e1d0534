/*
 * Finding nodes by name (see partnet/search.h): the index of folded keys, ICU's
 * transliterators that make them, and the ranking of matches.
 *
 * The index is a flat list of entries, one per key of each id, name and alias; a query folds
 * its text the same way and scans the list once, keeping each node's best match. The keys live
 * in the index's arena; the texts they come from are the dataset's.
 */
#include <partnet/search.h>

#include "dataset.h"
#include "search.h"
#include "array.h"
#include "error.h"
#include "strpool.h"
#include "utf8.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>

/* The first applies to every text outside ASCII; the others to text in another script than
 * Latin, where the romanisation people use depends on the language. */
static const char *const romanisations[] = {
    "Any-Latin; Latin-ASCII; Lower",
    "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Belarusian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Kazakh-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Kirghiz-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Armenian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Georgian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Azerbaijani-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Uzbek-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Turkmen-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Mongolian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Bulgarian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Serbian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Macedonian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
};
enum { ROMANISATIONS = sizeof romanisations / sizeof romanisations[0] };

/* At most this many distinct keys per text (one per romanisation). */
#define MAX_KEYS ROMANISATIONS

enum { FIELD_ID, FIELD_NAME, FIELD_ALIAS };

typedef struct {
    const char *key;  /* folded, in the arena */
    size_t key_len;
    const char *text; /* the id, name or alias, owned by the dataset */
    uint32_t node;
    int field;
} entry_t;

struct pn_search {
    const pn_dataset_t *ds;
    UTransliterator *romaniser[ROMANISATIONS];
    pn_arena_t arena;
    entry_t *entries;
    size_t entry_count, entry_capacity;
};

/* The keys of one text: up to MAX_KEYS NUL-terminated strings in `text`. */
typedef struct {
    size_t count;
    char *key[MAX_KEYS];
    size_t len[MAX_KEYS];
    char *storage;
} keys_t;

static const char *const kind_names[] = {"id",   "name",     "alias",  "prefix",
                                         "word", "contains", "similar"};

const char *pn_search_kind_name(pn_match_kind_t kind)
{
    return (unsigned)kind < PN_MATCH_COUNT ? kind_names[kind] : "?";
}

void pn_search_matches_destroy(pn_matches_t *m)
{
    free(m->items);
    m->items = NULL;
    m->count = 0;
}

static int is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

/* Does the text have a letter of another script than Latin? */
static int other_script(const UChar *u, int32_t len)
{
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U16_NEXT(u, i, len, c);
        UErrorCode err = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &err);
        if (U_SUCCESS(err) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED &&
            script != USCRIPT_LATIN)
            return 1;
    }
    return 0;
}

/* Add the folded form of UTF-8 @p s as a key, unless it is empty or already there. */
static void add_key(keys_t *k, char *slot, const char *s, size_t len)
{
    size_t n = pn_utf8__fold(s, len, slot);
    if (n == 0)
        return;
    for (size_t i = 0; i < k->count; i++)
        if (k->len[i] == n && memcmp(k->key[i], slot, n) == 0)
            return;
    k->key[k->count] = slot;
    k->len[k->count++] = n;
}

/* Romanise UTF-16 @p u with one transliterator into UTF-8. @return malloc'ed, NULL on failure */
static char *romanise(UTransliterator *t, const UChar *u, int32_t len, int32_t *out_len)
{
    int32_t cap = 4 * len + 16;
    for (int attempt = 0; attempt < 4; attempt++, cap *= 4) {
        UChar *buf = malloc((size_t)cap * sizeof *buf);
        if (!buf)
            return NULL;
        memcpy(buf, u, (size_t)len * sizeof *buf);
        UErrorCode err = U_ZERO_ERROR;
        int32_t n = len, limit = len;
        utrans_transUChars(t, buf, &n, cap, 0, &limit, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            free(buf);
            continue;
        }
        char *utf8 = NULL;
        if (U_SUCCESS(err)) {
            int32_t need = 0;
            UErrorCode e2 = U_ZERO_ERROR;
            u_strToUTF8(NULL, 0, &need, buf, n, &e2);
            utf8 = malloc((size_t)need + 1);
            e2 = U_ZERO_ERROR;
            if (utf8)
                u_strToUTF8(utf8, need + 1, out_len, buf, n, &e2);
            if (utf8 && U_FAILURE(e2)) {
                free(utf8);
                utf8 = NULL;
            }
        }
        free(buf);
        return utf8;
    }
    return NULL;
}

/* Fold @p text into its keys. @return 0 or PN_ENOMEM */
static int fold(keys_t *out, const pn_search_t *s, const char *text)
{
    keys_t k = {0, {NULL}, {0}, NULL};
    size_t len = strlen(text);
    if (is_ascii(text)) {
        if (!(k.storage = malloc(5 * len + 1)))
            return pn_error__nomem();
        add_key(&k, k.storage, text, len);
        *out = k;
        return 0;
    }
    /* invalid UTF-8 (a stray byte on a command line) reads as U+FFFD */
    int32_t ulen = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8WithSub(NULL, 0, &ulen, text, (int32_t)len, 0xFFFD, NULL, &err);
    UChar *u = malloc(((size_t)ulen + 1) * sizeof *u);
    char *romanised[ROMANISATIONS] = {NULL};
    int32_t romanised_len[ROMANISATIONS] = {0};
    size_t total = 0, used = 0;
    int status = 0;
    if (!u) {
        status = pn_error__nomem();
        goto done;
    }
    err = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u, ulen + 1, &ulen, text, (int32_t)len, 0xFFFD, NULL, &err);
    size_t systems = other_script(u, ulen) ? ROMANISATIONS : 1;
    for (size_t r = 0; r < systems; r++) {
        romanised[r] = romanise(s->romaniser[r], u, ulen, &romanised_len[r]);
        if (!romanised[r]) {
            status = pn_error__nomem();
            goto done;
        }
        total += 5 * (size_t)romanised_len[r] + 1;
    }
    if (!(k.storage = malloc(total))) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t r = 0; r < systems; r++) {
        add_key(&k, k.storage + used, romanised[r], (size_t)romanised_len[r]);
        used += 5 * (size_t)romanised_len[r] + 1;
    }
done:
    free(u);
    for (size_t r = 0; r < ROMANISATIONS; r++)
        free(romanised[r]);
    if (status == 0)
        *out = k;
    else
        free(k.storage);
    return status;
}

static int add_entries(pn_search_t *s, uint32_t node, int field, const char *text)
{
    keys_t k = {0, {NULL}, {0}, NULL};
    int status = fold(&k, s, text);
    for (size_t i = 0; status == 0 && i < k.count; i++) {
        if (pn_array__reserve((void **)&s->entries, &s->entry_capacity, s->entry_count + 1,
                              sizeof *s->entries) != 0) {
            status = pn_error__nomem();
            break;
        }
        const char *key = pn_arena__strndup(&s->arena, k.key[i], k.len[i]);
        if (!key) {
            status = pn_error__nomem();
            break;
        }
        s->entries[s->entry_count++] = (entry_t){key, k.len[i], text, node, field};
    }
    free(k.storage);
    return status;
}

int pn_search_new(pn_search_t **out, const pn_dataset_t *ds)
{
    assert(out && ds);
    pn_search_t *s = calloc(1, sizeof *s);
    int status = 0;
    if (!s)
        return pn_error__nomem();
    s->ds = ds;
    for (size_t r = 0; r < ROMANISATIONS; r++) {
        UChar id[96];
        UErrorCode err = U_ZERO_ERROR;
        u_uastrncpy(id, romanisations[r], (int32_t)(sizeof id / sizeof id[0]));
        s->romaniser[r] = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
        if (U_FAILURE(err)) {
            status = pn_error_set(PN_ERROR, "ICU cannot open the transliterator \"%s\": %s",
                                   romanisations[r], u_errorName(err));
            goto done;
        }
    }
    for (uint32_t i = 0; i < ds->node_count && status == 0; i++) {
        const pn_node_t *n = &ds->nodes[i];
        status = add_entries(s, i, FIELD_ID, n->id);
        if (status == 0 && n->name)
            status = add_entries(s, i, FIELD_NAME, n->name);
        for (size_t a = 0; a < n->alias_count && status == 0; a++)
            status = add_entries(s, i, FIELD_ALIAS, n->aliases[a]);
    }
done:
    if (status == 0)
        *out = s;
    else
        pn_search_free(s);
    return status;
}

void pn_search_free(pn_search_t *s)
{
    if (!s)
        return;
    for (size_t r = 0; r < ROMANISATIONS; r++)
        if (s->romaniser[r])
            utrans_close(s->romaniser[r]);
    pn_arena__destroy(&s->arena);
    free(s->entries);
    free(s);
}

/* Does a word of @p key after the first begin with @p q? */
static int later_word_begins(const char *key, const char *q, size_t qlen)
{
    for (const char *p = strchr(key, ' '); p; p = strchr(p + 1, ' '))
        if (strncmp(p + 1, q, qlen) == 0)
            return 1;
    return 0;
}

/* Are two keys equal but for their spaces ("bei jing", romanised 北京, and "beijing")? */
static int equal_but_spaces(const char *a, const char *b)
{
    for (;; a++, b++) {
        while (*a == ' ')
            a++;
        while (*b == ' ')
            b++;
        if (*a != *b)
            return 0;
        if (!*a)
            return 1;
    }
}

/* How entry @p e matches query key @p q (raw: the query as typed); PN_MATCH_COUNT: not. */
static pn_match_kind_t classify(const entry_t *e, const char *raw, const char *q, size_t qlen)
{
    int equal = (e->key_len == qlen && memcmp(e->key, q, qlen) == 0) || equal_but_spaces(e->key, q);
    int prefix = e->key_len > qlen && memcmp(e->key, q, qlen) == 0;
    if (e->field == FIELD_ID) {
        if (equal || strcasecmp(e->text, raw) == 0)
            return PN_MATCH_ID;
        return prefix ? PN_MATCH_PREFIX : PN_MATCH_COUNT;
    }
    if (equal)
        return e->field == FIELD_NAME ? PN_MATCH_NAME : PN_MATCH_ALIAS;
    if (prefix)
        return PN_MATCH_PREFIX;
    if (later_word_begins(e->key, q, qlen))
        return PN_MATCH_WORD;
    return strstr(e->key, q) ? PN_MATCH_CONTAINS : PN_MATCH_COUNT;
}

unsigned pn_search__edits(const char *a, size_t la, const char *b, size_t lb, unsigned limit)
{
    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    unsigned *row = malloc((lb + 1) * sizeof *row);
    if (!row)
        return limit + 1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = (unsigned)j;
    unsigned result;
    for (size_t i = 1; i <= la; i++) {
        unsigned diagonal = row[0], smallest;
        row[0] = (unsigned)i;
        smallest = row[0];
        for (size_t j = 1; j <= lb; j++) {
            unsigned above = row[j];
            unsigned best = diagonal + (a[i - 1] != b[j - 1]);
            if (above + 1 < best)
                best = above + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diagonal = above;
            if (best < smallest)
                smallest = best;
        }
        if (smallest > limit) {
            free(row);
            return limit + 1;
        }
    }
    result = row[lb];
    free(row);
    return result;
}

/* The fewest edits from q to the whole key or, for a one-word q, to one of its words. */
static unsigned distance(const entry_t *e, const char *q, size_t qlen, unsigned limit)
{
    unsigned best = pn_search__edits(q, qlen, e->key, e->key_len, limit);
    if (memchr(q, ' ', qlen))
        return best;
    for (const char *w = e->key; *w && best > 0;) {
        size_t n = strcspn(w, " ");
        unsigned d = pn_search__edits(q, qlen, w, n, limit);
        if (d < best)
            best = d;
        w += n + (w[n] == ' ');
    }
    return best;
}

typedef struct {
    pn_match_t match;
    size_t len;     /* of the key matched: shorter is closer */
    const char *id; /* the node's, for ties */
} ranked_t;

static int by_rank(const void *x, const void *y)
{
    const ranked_t *a = x, *b = y;
    if (a->match.kind != b->match.kind)
        return a->match.kind < b->match.kind ? -1 : 1;
    if (a->match.distance != b->match.distance)
        return a->match.distance < b->match.distance ? -1 : 1;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Keep the better of a node's matches. */
static void offer(ranked_t *best, uint32_t node, pn_match_kind_t kind, unsigned dist,
                  const entry_t *e)
{
    ranked_t *r = &best[node];
    if (kind < r->match.kind ||
        (kind == r->match.kind && (dist < r->match.distance ||
                                   (dist == r->match.distance && e->key_len < r->len))))
        *r = (ranked_t){{node, kind, e->text, dist}, e->key_len, r->id};
}

int pn_search_find(pn_matches_t *out, const pn_search_t *s, const char *text)
{
    assert(out && s && text);
    const pn_dataset_t *ds = s->ds;
    keys_t k = {0, {NULL}, {0}, NULL};
    ranked_t *best = NULL;
    pn_match_t *items = NULL;
    size_t count = 0;
    int status = fold(&k, s, text);
    if (status != 0)
        return status;
    best = malloc((ds->node_count ? ds->node_count : 1) * sizeof *best);
    if (!best) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t i = 0; i < ds->node_count; i++)
        best[i] = (ranked_t){{(uint32_t)i, PN_MATCH_COUNT, NULL, 0}, 0, ds->nodes[i].id};
    size_t found = 0;
    for (size_t i = 0; i < s->entry_count; i++) {
        const entry_t *e = &s->entries[i];
        for (size_t q = 0; q < k.count; q++) {
            pn_match_kind_t kind = classify(e, text, k.key[q], k.len[q]);
            if (kind == PN_MATCH_COUNT)
                continue;
            found += best[e->node].match.kind == PN_MATCH_COUNT;
            offer(best, e->node, kind, 0, e);
        }
    }
    for (size_t i = 0; i < s->entry_count && !found; i++) {
        const entry_t *e = &s->entries[i];
        if (e->field == FIELD_ID)
            continue;
        for (size_t q = 0; q < k.count; q++) {
            unsigned limit = k.len[q] <= 4 ? 1 : k.len[q] <= 8 ? 2 : 3;
            unsigned d = distance(e, k.key[q], k.len[q], limit);
            if (d <= limit)
                offer(best, e->node, PN_MATCH_SIMILAR, d, e);
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < ds->node_count; i++)
        if (best[i].match.kind != PN_MATCH_COUNT)
            best[n++] = best[i];
    qsort(best, n, sizeof *best, by_rank);
    if (!(items = malloc((n ? n : 1) * sizeof *items))) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        items[i] = best[i].match;
    count = n;
done:
    free(k.storage);
    free(best);
    if (status == 0) {
        out->count = count;
        out->items = items;
    }
    return status;
}

/* Append "id (name, level, CC)" for up to `shown` matches to buf. */
static void describe(char *buf, size_t cap, const pn_dataset_t *ds, const pn_match_t *m,
                     size_t count, size_t shown)
{
    size_t used = strlen(buf);
    for (size_t i = 0; i < count && i < shown && used + 1 < cap; i++) {
        const pn_node_t *n = &ds->nodes[m[i].node];
        const char *code = ds->countries[n->country].code;
        int w = snprintf(buf + used, cap - used, "%s%s (%s, %s, %s)", i ? ", " : "", n->id,
                         n->name, pn_level_name(n->level), code[0] ? code : "?");
        used += w > 0 ? (size_t)w : 0;
    }
    if (count > shown && used + 1 < cap)
        snprintf(buf + used, cap - used, " and %zu more", count - shown);
}

int pn_search_resolve(uint32_t *out, const pn_search_t *s, const char *text)
{
    assert(out && s && text);
    uint32_t node;
    if (pn_dataset_find_node(&node, s->ds, text) == 0) {
        *out = node;
        return 0;
    }
    pn_matches_t m = PN_MATCHES_INIT;
    int status = pn_search_find(&m, s, text);
    if (status != 0)
        return status;
    size_t same = 0;
    while (same < m.count && m.items[same].kind == m.items[0].kind)
        same++;
    char list[1024] = "";
    if (m.count == 0) {
        status = pn_error_set(PN_ENOTFOUND, "no node is called \"%s\"", text);
    } else if (m.items[0].kind == PN_MATCH_SIMILAR) {
        describe(list, sizeof list, s->ds, m.items, m.count, 5);
        status = pn_error_set(PN_ENOTFOUND, "no node is called \"%s\"; did you mean %s?", text,
                               list);
    } else if (same > 1) {
        describe(list, sizeof list, s->ds, m.items, same, 8);
        status = pn_error_set(PN_ENOTFOUND, "\"%s\" could be %zu nodes: %s; name one by its id",
                               text, same, list);
    } else {
        *out = m.items[0].node;
    }
    pn_search_matches_destroy(&m);
    return status;
}

int pn_search_resolve_once(uint32_t *out, const pn_dataset_t *ds, const char *text)
{
    assert(out && ds && text);
    uint32_t node;
    if (pn_dataset_find_node(&node, ds, text) == 0) {
        *out = node;
        return 0;
    }
    pn_search_t *s = NULL;
    int status = pn_search_new(&s, ds);
    if (status == 0)
        status = pn_search_resolve(out, s, text);
    pn_search_free(s);
    return status;
}

int pn_search_fold(char **out, const pn_search_t *s, const char *text)
{
    assert(out && s && text);
    keys_t k;
    int status = fold(&k, s, text);
    if (status != 0)
        return status;
    size_t total = 1;
    for (size_t i = 0; i < k.count; i++)
        total += k.len[i] + 1;
    char *joined = malloc(total), *p = joined;
    if (!joined) {
        free(k.storage);
        return pn_error__nomem();
    }
    for (size_t i = 0; i < k.count; i++) {
        if (i)
            *p++ = '\n';
        memcpy(p, k.key[i], k.len[i]);
        p += k.len[i];
    }
    *p = '\0';
    free(k.storage);
    *out = joined;
    return 0;
}
