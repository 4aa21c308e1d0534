/*
 * The identity of a party in a pair list: name, country and qualifiers (see load_qualifier.h).
 *
 * A qualifier is a part of a cell, between commas, that is neither the party's name nor its
 * country: "Azores" in "Lagoa, Azores" or in "Azores, Portugal", "Northern Ireland" in
 * "Northern Ireland, United Kingdom". England, Scotland, Wales and Northern Ireland name the
 * United Kingdom's country and a qualifier at once, alone in a cell too. Qualifiers compare
 * folded (case, accents, punctuation) and in any order.
 */
#include "load_qualifier.h"

#include "array.h"
#include "error.h"
#include "sort.h"
#include "utf8.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARTS 8   /* qualifiers kept of one party; more are read as part of the last */
#define EXAMPLES 2    /* examples a warning gives */
#define EXAMPLE_SIZE 240

/* Parts of a country that the resolver reads as the country itself, folded. */
static const char *const constituents[] = {"england", "scotland", "wales", "northern ireland",
                                           "west bank", "gaza strip"};

enum { G_WRITTEN, G_SPELLING, G_ONLY, G_PARTNER, G_AMBIGUOUS, G_COUNT };

struct pn_qualified_node {
    uint32_t group;         /* one per name and country */
    uint32_t count;         /* qualifiers */
    const char **folded;    /* the qualifiers folded, sorted */
    const char *name_cell, *country_cell; /* as first written */
    uint32_t target;        /* the node it merges into; PN_NONE */
    uint8_t grounds;        /* grounds already counted for it (bits) */
};

typedef struct {
    const char *text;
    size_t len;
    char *folded;
} part_t;

struct pn_qualifiers {
    pn_arena_t arena;
    pn_strmap_t keys;   /* code, name, folded qualifiers -> node */
    pn_strmap_t groups; /* code:name -> group */
    struct pn_qualified_node *nodes; /* one per node of the dataset */
    size_t capacity;
    uint32_t group_count;
    /* what the merges were, ground by ground */
    unsigned long long count[G_COUNT];
    char example[G_COUNT][EXAMPLES][EXAMPLE_SIZE];
};

/* ---- reading a party --------------------------------------------------------------------- */

static int is_constituent(const char *folded)
{
    for (size_t i = 0; i < sizeof constituents / sizeof constituents[0]; i++)
        if (strcmp(folded, constituents[i]) == 0)
            return 1;
    return 0;
}

/* Split @p len bytes at commas into trimmed, non-empty parts appended to parts[*n]; the last
 * of the MAX_PARTS takes the rest of the text, commas and all, and what a full array leaves over
 * is not read. */
static void split(part_t *parts, size_t *n, const char *s, size_t len)
{
    const char *end = s + len;
    while (s < end && *n < MAX_PARTS) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        if (!comma || *n == MAX_PARTS - 1)
            comma = end;
        const char *p = s;
        size_t plen = (size_t)(comma - s);
        pn_load__trim(&p, &plen);
        if (plen)
            parts[(*n)++] = (part_t){p, plen, NULL};
        s = comma < end ? comma + 1 : end;
    }
}

/* Is this part the country @p code itself? @p guess: a misspelt name counts. @return 1, 0 or
 * an error status (negative never; PN_ENOMEM is positive). */
static int names_country(int *out, pn_loader_t *l, const part_t *part, const char *code,
                         int guess)
{
    pn_country_resolver_t *r;
    int status = pn_load__resolver(&r, l);
    if (status)
        return status;
    char *text = malloc(part->len + 1);
    if (!text)
        return pn_error__nomem();
    memcpy(text, part->text, part->len);
    text[part->len] = '\0';
    const char *found = NULL;
    pn_country_match_t how;
    *out = pn_country_resolve(&found, &how, r, text) == 0 && strcmp(found, code) == 0 &&
           (guess || how != PN_COUNTRY_MATCH_GUESS);
    free(text);
    return 0;
}

/* Keep the parts that are qualifiers, folded into @p buf; drop repeats. */
static int qualifiers(part_t *parts, size_t *n, size_t from_country, size_t country_parts,
                      pn_loader_t *l, const char *code, char *buf)
{
    size_t kept = 0;
    for (size_t i = 0; i < *n; i++) {
        part_t p = parts[i];
        p.folded = buf;
        size_t flen = pn_utf8__fold(p.text, p.len, buf);
        buf[flen] = '\0';
        int country = flen == 0;
        if (!country && !is_constituent(p.folded)) {
            /* a cell of the country alone is the country; in a longer one, a part is */
            int status = 0;
            if (i >= from_country && country_parts == 1)
                country = 1;
            else
                status = names_country(&country, l, &p, code, i >= from_country);
            if (status)
                return status;
        }
        for (size_t k = 0; k < kept && !country; k++)
            country = strcmp(parts[k].folded, p.folded) == 0;
        if (!country) {
            parts[kept++] = p;
            buf += flen + 1;
        }
    }
    *n = kept;
    return 0;
}

static int by_folded(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void example(pn_qualifiers_t *g, int ground, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void example(pn_qualifiers_t *g, int ground, const char *fmt, ...)
{
    unsigned long long k = g->count[ground]++;
    if (k >= EXAMPLES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->example[ground][k], EXAMPLE_SIZE, fmt, ap);
    va_end(ap);
}

/* Count a ground of node @p node once and keep an example: the party as written here. */
static void ground(pn_qualifiers_t *q, const pn_dataset_t *ds, uint32_t node, int g,
                   const char *name, size_t name_len, const char *country, size_t country_len,
                   uint32_t line)
{
    struct pn_qualified_node *n = &q->nodes[node];
    if (n->grounds & (1u << g))
        return;
    n->grounds |= (uint8_t)(1u << g);
    example(q, g, "\"%.*s\" in \"%.*s\" (line %u) and \"%.60s\" in \"%.60s\" (line %u)",
            (int)(name_len < 60 ? name_len : 60), name,
            (int)(country_len < 60 ? country_len : 60), country, line, n->name_cell,
            n->country_cell, ds->nodes[node].line);
}

int pn_qualifier__new(pn_qualifiers_t **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? 0 : pn_error__nomem();
}

void pn_qualifier__free(pn_qualifiers_t *q)
{
    if (!q)
        return;
    pn_strmap__destroy(&q->keys);
    pn_strmap__destroy(&q->groups);
    pn_arena__destroy(&q->arena);
    free(q->nodes);
    free(q);
}

/* Are @p a and @p b the same text once composed (NFC)? Out of memory: no. */
static int same_in_nfc(const char *a, const char *b)
{
    char *na = NULL, *nb = NULL;
    size_t la = strlen(a), lb = strlen(b);
    if (pn_utf8__nfc(&na, &la, a, la) != 0 || pn_utf8__nfc(&nb, &lb, b, lb) != 0) {
        free(na);
        return 0;
    }
    int same = la == lb && memcmp(na ? na : a, nb ? nb : b, la) == 0;
    free(na);
    free(nb);
    return same;
}

/* Make the node: id "CODE:display", its group (the key's "CODE:name", @p key_base bytes),
 * its qualifiers. */
static int make_node(pn_qualifiers_t *q, pn_loader_t *l, const char *display, size_t display_len,
                     size_t key_base, uint32_t country, const part_t *parts, size_t n,
                     const char *key, const char *name_cell, size_t name_len,
                     const char *country_cell, size_t country_len, uint32_t line, uint32_t *out)
{
    pn_dataset_t *ds = l->ds;
    const char *code = pn_dataset_country_code(ds, country);
    size_t code_len = strlen(code);
    char *id = malloc(code_len + 1 + display_len + 1);
    if (!id)
        return pn_error__nomem();
    memcpy(id, code, code_len);
    id[code_len] = ':';
    memcpy(id + code_len + 1, display, display_len);
    pn_node_t *node = pn_dataset__push_node(ds, id, code_len + 1 + display_len);
    free(id);
    if (!node)
        return pn_error__nomem();
    node->name = node->id + code_len + 1;
    node->country = country;
    /* a list names no level: a place is a town unless its name says otherwise */
    pn_level_t named;
    node->level = pn_dataset__level_of_name(&named, node->name) ? named : PN_LEVEL_CITY;
    ds->levels_unknown = 1;
    node->line = line;
    uint32_t index = (uint32_t)ds->node_count - 1;
    if (pn_array__reserve((void **)&q->nodes, &q->capacity, ds->node_count, sizeof *q->nodes))
        return pn_error__nomem();
    struct pn_qualified_node *qn = &q->nodes[index];
    memset(qn, 0, sizeof *qn);
    qn->target = PN_NONE;
    qn->count = (uint32_t)n;
    qn->folded = n ? pn_arena__alloc(&q->arena, n * sizeof *qn->folded) : NULL;
    qn->name_cell = pn_arena__strndup(&q->arena, name_cell, name_len);
    qn->country_cell = pn_arena__strndup(&q->arena, country_cell, country_len);
    char *group_key = pn_arena__alloc(&q->arena, key_base + 1);
    const char *kept_key = pn_arena__strdup(&q->arena, key);
    if ((n && !qn->folded) || !qn->name_cell || !qn->country_cell || !group_key || !kept_key)
        return pn_error__nomem();
    for (size_t i = 0; i < n; i++)
        if (!(qn->folded[i] = pn_arena__strdup(&q->arena, parts[i].folded)))
            return pn_error__nomem();
    memcpy(group_key, key, key_base);
    group_key[key_base] = '\0';
    uint32_t group = q->group_count;
    int put = pn_strmap__put(&q->groups, group_key, group, &group);
    if (put < 0 || pn_strmap__put(&q->keys, kept_key, index, NULL) < 0)
        return pn_error__nomem();
    q->group_count += put == 1;
    qn->group = group;
    *out = index;
    return 0;
}

int pn_qualifier__node(pn_qualifiers_t *q, pn_loader_t *l, const char *name, size_t name_len,
                       const char *country_text, size_t country_len, uint32_t country,
                       uint32_t line, uint32_t *out)
{
    pn_dataset_t *ds = l->ds;
    const char *code = pn_dataset_country_code(ds, country);
    part_t parts[MAX_PARTS];
    size_t n = 0, base_len = name_len;
    const char *comma = memchr(name, ',', name_len);
    if (comma) {
        const char *base = name;
        base_len = (size_t)(comma - name);
        pn_load__trim(&base, &base_len);
        if (base_len)
            split(parts, &n, comma + 1, name_len - (size_t)(comma + 1 - name));
        else
            base_len = name_len;
    }
    size_t from_country = n, country_parts = 0;
    if (ds->countries[country].resolved) {
        split(parts, &n, country_text, country_len);
        country_parts = n - from_country;
    }
    /* the display: the name, then the qualifiers as written; the key: code, name in NFC (a
     * name typed composed and one from a file decomposed are one), then the qualifiers
     * folded and sorted. One buffer: display, key, folded qualifiers. */
    char *nfc = NULL;
    size_t nfc_len = 0;
    if (pn_utf8__nfc(&nfc, &nfc_len, name, base_len) != 0)
        return pn_error__nomem();
    const char *key_name = nfc ? nfc : name;
    size_t key_name_len = nfc ? nfc_len : base_len;
    size_t code_len = strlen(code), cells = name_len + country_len;
    size_t display_room = cells + 2 * MAX_PARTS + 1;
    size_t key_room = code_len + 1 + key_name_len + 5 * cells + 2 * MAX_PARTS + 1;
    size_t room = display_room + key_room + 5 * cells + 2 * MAX_PARTS + 1;
    char small[2048];
    char *buf = room <= sizeof small ? small : malloc(room);
    if (!buf) {
        free(nfc);
        return pn_error__nomem();
    }
    char *display = buf, *key = buf + display_room;
    int status = qualifiers(parts, &n, from_country, country_parts, l, code, key + key_room);
    const char *sorted[MAX_PARTS];
    for (size_t i = 0; i < n; i++)
        sorted[i] = parts[i].folded;
    qsort(sorted, n, sizeof *sorted, by_folded);
    size_t display_len = base_len, key_len = 0;
    memcpy(display, name, base_len);
    for (size_t i = 0; i < n; i++) {
        memcpy(display + display_len, ", ", 2);
        memcpy(display + display_len + 2, parts[i].text, parts[i].len);
        display_len += 2 + parts[i].len;
    }
    display[display_len] = '\0';
    key_len = (size_t)sprintf(key, "%s:%.*s", code, (int)key_name_len, key_name);
    size_t key_base = key_len;
    for (size_t i = 0; i < n; i++)
        key_len += (size_t)sprintf(key + key_len, "\x1f%s", sorted[i]);
    if (status == 0 && pn_strmap__get(&q->keys, key, key_len, out)) {
        const pn_node_t *node = &ds->nodes[*out];
        const struct pn_qualified_node *qn = &q->nodes[*out];
        if (strcmp(node->name, display) != 0 && !same_in_nfc(node->name, display))
            ground(q, ds, *out, G_SPELLING, name, name_len, country_text, country_len, line);
        else if (strlen(qn->name_cell) != name_len || memcmp(qn->name_cell, name, name_len) ||
                 strlen(qn->country_cell) != country_len ||
                 memcmp(qn->country_cell, country_text, country_len))
            ground(q, ds, *out, G_WRITTEN, name, name_len, country_text, country_len, line);
    } else if (status == 0) {
        status = make_node(q, l, display, display_len, key_base, country, parts, n, key,
                           name, name_len, country_text, country_len, line, out);
    }
    if (buf != small)
        free(buf);
    free(nfc);
    return status;
}

/* ---- after the last row ------------------------------------------------------------------ */

/* Does node @p u say less than node @p v: all its qualifiers among v's, and fewer? */
static int less_specific(const struct pn_qualified_node *u, const struct pn_qualified_node *v)
{
    if (u->count >= v->count)
        return 0;
    size_t j = 0;
    for (size_t i = 0; i < u->count; i++) {
        while (j < v->count && strcmp(v->folded[j], u->folded[i]) < 0)
            j++;
        if (j == v->count || strcmp(v->folded[j], u->folded[i]) != 0)
            return 0;
        j++;
    }
    return 1;
}

/* Each node's agreements and partners, as read (before any merge). */
typedef struct {
    size_t *start;      /* node -> its first entry */
    uint32_t *partner;  /* the other party */
    uint32_t *agreement;
} adjacency_t;

static int adjacency(adjacency_t *adj, const pn_dataset_t *ds)
{
    size_t n = ds->node_count, m = ds->agreement_count;
    adj->start = calloc(n + 2, sizeof *adj->start);
    adj->partner = malloc((2 * m + 1) * sizeof *adj->partner);
    adj->agreement = malloc((2 * m + 1) * sizeof *adj->agreement);
    if (!adj->start || !adj->partner || !adj->agreement)
        return pn_error__nomem();
    for (size_t i = 0; i < m; i++) {
        adj->start[ds->a[i] + 2]++;
        adj->start[ds->b[i] + 2]++;
    }
    for (size_t i = 2; i < n + 2; i++)
        adj->start[i] += adj->start[i - 1];
    /* start[u + 1] is where u's entries go; once filled, it is where they end */
    for (size_t i = 0; i < m; i++) {
        size_t k = adj->start[ds->a[i] + 1]++;
        adj->partner[k] = ds->b[i];
        adj->agreement[k] = (uint32_t)i;
        k = adj->start[ds->b[i] + 1]++;
        adj->partner[k] = ds->a[i];
        adj->agreement[k] = (uint32_t)i;
    }
    return 0;
}

static int partners(const adjacency_t *adj, uint32_t u, uint32_t x)
{
    for (size_t k = adj->start[u]; k < adj->start[u + 1]; k++)
        if (adj->partner[k] == x)
            return 1;
    return 0;
}

/* The more qualified namesake node @p u of the run @p run[0..len) can only be: the one with
 * more qualifiers, or the most qualified of a chain ({} < {England} < {Cornwall, England});
 * PN_NONE when there is none, several, or it is u's own partner (a town twinned with a
 * namesake is not that namesake). */
static uint32_t only_target(const pn_qualifiers_t *q, const adjacency_t *adj,
                            const pn_keyed_t *run, size_t len, uint32_t u)
{
    const struct pn_qualified_node *nu = &q->nodes[u];
    uint32_t best = PN_NONE;
    for (size_t i = 0; i < len; i++) {
        uint32_t v = run[i].value;
        if (less_specific(nu, &q->nodes[v]) &&
            (best == PN_NONE || q->nodes[v].count > q->nodes[best].count))
            best = v;
    }
    for (size_t i = 0; i < len && best != PN_NONE; i++) {
        uint32_t v = run[i].value;
        if (v != best && less_specific(nu, &q->nodes[v]) &&
            !less_specific(&q->nodes[v], &q->nodes[best]))
            best = PN_NONE;
    }
    return best != PN_NONE && !partners(adj, u, best) ? best : PN_NONE;
}

/* Has node @p u a more qualified namesake in the run? */
static int has_namesakes(const pn_qualifiers_t *q, const pn_keyed_t *run, size_t len, uint32_t u)
{
    for (size_t i = 0; i < len; i++)
        if (less_specific(&q->nodes[u], &q->nodes[run[i].value]))
            return 1;
    return 0;
}

/* Node @p u could be several namesakes: give each of its agreements to the one namesake that
 * has the same partner, when only one has. @return the agreements it keeps. */
static size_t by_partner(pn_qualifiers_t *q, pn_dataset_t *ds, const adjacency_t *adj,
                         const pn_keyed_t *run, size_t len, uint32_t u)
{
    const struct pn_qualified_node *nu = &q->nodes[u];
    size_t kept = 0;
    for (size_t k = adj->start[u]; k < adj->start[u + 1]; k++) {
        uint32_t x = adj->partner[k], i = adj->agreement[k], hit = PN_NONE;
        int several = 0;
        for (size_t r = 0; r < len; r++) {
            uint32_t v = run[r].value;
            if (v != x && less_specific(nu, &q->nodes[v]) && partners(adj, v, x)) {
                several |= hit != PN_NONE;
                hit = v;
            }
        }
        if (hit == PN_NONE || several || x == u) {
            kept++;
            continue;
        }
        if (ds->a[i] == u)
            ds->a[i] = hit;
        else
            ds->b[i] = hit;
        example(q, G_PARTNER, "line %u: \"%.50s\" in \"%.50s\" as \"%.50s\" (line %u), the "
                "namesake twinned with \"%.50s\" too", ds->line[i], nu->name_cell,
                nu->country_cell, ds->nodes[hit].name, ds->nodes[hit].line, ds->nodes[x].name);
    }
    return kept;
}

static void ambiguous(pn_qualifiers_t *q, const pn_dataset_t *ds, const pn_keyed_t *run,
                      size_t len, uint32_t u)
{
    const struct pn_qualified_node *nu = &q->nodes[u];
    char list[EXAMPLE_SIZE] = "";
    size_t used = 0, shown = 0, candidates = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t v = run[i].value;
        if (!less_specific(nu, &q->nodes[v]))
            continue;
        if (shown < 3 && used < sizeof list) {
            used += (size_t)snprintf(list + used, sizeof list - used, "%s\"%.50s\"",
                                     shown ? ", " : "", ds->nodes[v].name);
            shown++;
        }
        candidates++;
    }
    example(q, G_AMBIGUOUS, "\"%.50s\" in \"%.50s\" (line %u) could be %s%s", nu->name_cell,
            nu->country_cell, ds->nodes[u].line, list, candidates > shown ? ", ..." : "");
}

#define REMOVED (PN_NONE - 1) /* a target: the node lost all its agreements to namesakes */

/* Renumber the nodes: merged ones take their target's index, removed ones go. */
static int renumber(pn_dataset_t *ds, const pn_qualifiers_t *q)
{
    size_t n = ds->node_count;
    uint32_t *map = malloc((n + 1) * sizeof *map);
    if (!map)
        return pn_error__nomem();
    uint32_t kept = 0;
    for (size_t i = 0; i < n; i++)
        map[i] = q->nodes[i].target == PN_NONE ? kept++ : PN_NONE;
    for (size_t i = 0; i < n; i++) {
        uint32_t root = (uint32_t)i;
        while (q->nodes[root].target != PN_NONE && q->nodes[root].target != REMOVED)
            root = q->nodes[root].target;
        if (root != i && q->nodes[root].target == PN_NONE) {
            map[i] = map[root];
            if (isnan(ds->nodes[root].lat) && !isnan(ds->nodes[i].lat)) {
                ds->nodes[root].lat = ds->nodes[i].lat;
                ds->nodes[root].lon = ds->nodes[i].lon;
            }
        }
    }
    pn_strmap__destroy(&ds->node_index);
    ds->node_index = (pn_strmap_t)PN_STRMAP_INIT;
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        if (q->nodes[i].target != PN_NONE)
            continue;
        ds->nodes[map[i]] = ds->nodes[i];
        if (pn_dataset__index_node(ds, map[i]) != 0)
            status = PN_ENOMEM;
    }
    ds->node_count = kept;
    for (size_t i = 0; i < ds->agreement_count; i++) {
        ds->a[i] = map[ds->a[i]];
        ds->b[i] = map[ds->b[i]];
    }
    free(map);
    return status;
}

static int same_facts(const pn_dataset_t *ds, size_t i, size_t j)
{
    return ds->date[i] == ds->date[j] && ds->end[i] == ds->end[j] && ds->kind[i] == ds->kind[j] &&
           ds->extra[i] == 0 && ds->extra[j] == 0;
}

/* Drop the agreements the merges made repeat an earlier one (without ids, the same pair and
 * facts). @return the count dropped, or -1 when out of memory. */
static long long drop_repeats(pn_dataset_t *ds)
{
    size_t m = ds->agreement_count;
    pn_keyed_t *order = malloc((m + 1) * sizeof *order);
    uint8_t *drop = calloc(m + 1, 1);
    long long dropped = -1;
    if (!order || !drop || (dropped = 0, 0))
        goto done;
    for (size_t i = 0; i < m; i++) {
        uint64_t a = ds->a[i], b = ds->b[i];
        order[i] = (pn_keyed_t){a < b ? a << 32 | b : b << 32 | a, (uint32_t)i};
    }
    if (pn_sort__keyed(order, m) != 0) {
        dropped = -1;
        goto done;
    }
    for (size_t s = 0, e; s < m; s = e)
        for (e = s + 1; e < m && order[e].key == order[s].key; e++)
            for (size_t k = s; k < e && !drop[order[e].value]; k++)
                drop[order[e].value] =
                    !drop[order[k].value] && same_facts(ds, order[k].value, order[e].value);
    size_t kept = 0;
    for (size_t i = 0; i < m; i++) {
        if (drop[i])
            continue;
        ds->a[kept] = ds->a[i];
        ds->b[kept] = ds->b[i];
        ds->date[kept] = ds->date[i];
        ds->end[kept] = ds->end[i];
        ds->kind[kept] = ds->kind[i];
        ds->line[kept] = ds->line[i];
        ds->extra[kept] = ds->extra[i];
        if (pn_dataset__set_kind_stated(ds, kept, pn_dataset__kind_stated(ds, i)) != 0) {
            dropped = -1;
            goto done;
        }
        kept++;
    }
    dropped = (long long)(m - kept);
    ds->agreement_count = kept;
done:
    free(order);
    free(drop);
    return dropped;
}

static const char *const ground_text[G_COUNT] = {
    "written in other cells with the same name, country and qualifiers are one node "
    "each",
    "whose qualifiers are spelled two ways (case, accents, punctuation or order) are "
    "one node each",
    "named with fewer qualifiers were merged into the only namesake in their country "
    "that has more",
    "of a party named with fewer qualifiers were given to the one more qualified "
    "namesake that has the same partner",
    "named with fewer qualifiers could be any of several more qualified namesakes and "
    "are kept apart"};

int pn_qualifier__finish(pn_qualifiers_t *q, pn_loader_t *l, const char *file)
{
    pn_dataset_t *ds = l->ds;
    size_t n = ds->node_count;
    int status = 0;
    adjacency_t adj = {NULL, NULL, NULL};
    unsigned char *targeted = NULL; /* per node: another node was merged into it */
    pn_keyed_t *order = malloc((n + 1) * sizeof *order);
    if (!order)
        return pn_error__nomem();
    for (size_t i = 0; i < n; i++)
        order[i] = (pn_keyed_t){q->nodes[i].group, (uint32_t)i};
    if (pn_sort__keyed(order, n) != 0 || (status = adjacency(&adj, ds)) != 0) {
        status = status ? status : pn_error__nomem();
        goto done;
    }
    size_t changed = 0;
    for (size_t s = 0, e; s < n; s = e) {
        for (e = s + 1; e < n && order[e].key == order[s].key; e++)
            ;
        for (size_t i = s; i < e && e - s > 1; i++) {
            uint32_t u = order[i].value, t = only_target(q, &adj, order + s, e - s, u);
            size_t before = q->count[G_PARTNER];
            if (t != PN_NONE) {
                q->nodes[u].target = t;
                example(q, G_ONLY, "\"%.50s\" in \"%.50s\" (line %u) into \"%.50s\" (line %u)",
                        q->nodes[u].name_cell, q->nodes[u].country_cell, ds->nodes[u].line,
                        ds->nodes[t].name, ds->nodes[t].line);
            } else if (has_namesakes(q, order + s, e - s, u)) {
                size_t kept = by_partner(q, ds, &adj, order + s, e - s, u);
                if (kept)
                    ambiguous(q, ds, order + s, e - s, u);
                else if (adj.start[u + 1] > adj.start[u])
                    q->nodes[u].target = REMOVED;
            }
            changed += t != PN_NONE || q->count[G_PARTNER] > before;
        }
    }
    /* a node of a pair list that has no agreement came only from rows skipped as a town
     * twinned with its namesake: it goes, unless a namesake was merged into it */
    if (!(targeted = calloc(n + 1, 1))) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t u = 0; u < n; u++)
        if (q->nodes[u].target != PN_NONE && q->nodes[u].target != REMOVED)
            targeted[q->nodes[u].target] = 1;
    for (size_t u = 0; u < n; u++) {
        if (adj.start[u + 1] == adj.start[u] && q->nodes[u].target == PN_NONE && !targeted[u]) {
            q->nodes[u].target = REMOVED;
            changed++;
        }
    }
    long long dropped = 0;
    if (changed && (status = renumber(ds, q)) == 0 && (dropped = drop_repeats(ds)) < 0)
        status = pn_error__nomem();
    for (int g = 0; g < G_COUNT && status == 0; g++) {
        if (!q->count[g])
            continue;
        char examples[EXAMPLES * (EXAMPLE_SIZE + 8)] = "";
        for (unsigned long long k = 0; k < q->count[g] && k < EXAMPLES; k++) {
            strcat(examples, k ? "; " : "");
            strcat(examples, q->example[g][k]);
        }
        const char *noun = g == G_PARTNER ? (q->count[g] == 1 ? "agreement" : "agreements")
                                          : (q->count[g] == 1 ? "party" : "parties");
        status = pn_load__warning(l, "%s: %llu %s %s, e.g. %s", file, q->count[g], noun,
                                  ground_text[g], examples);
    }
    if (status == 0 && dropped > 0)
        status = pn_load__warning(l, "%s: %lld agreement%s repeated another once namesakes were "
                                  "merged; each is kept once", file, dropped,
                                  dropped == 1 ? "" : "s");
done:
    free(order);
    free(targeted);
    free(adj.start);
    free(adj.partner);
    free(adj.agreement);
    return status;
}
