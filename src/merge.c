/*
 * Merging datasets (see partnet/merge.h): matching each input's nodes and agreements to those
 * of the inputs before it, then building the merged dataset.
 *
 * The work is done on working copies: a work node per merged node (its first appearance, the
 * aliases it gathers, the inputs that name it) and a work agreement per merged agreement (its
 * facts, the sources it gathers). Names are found through an index from folded keys (country
 * code, a unit separator, the key without spaces) to a chain of entries; agreements through an
 * index from the pair of merged nodes to a chain of work agreements. Input strings are only
 * pointed to while merging, and copied into the merged dataset's arena when it is built.
 */
#include <partnet/merge.h>

#include "array.h"
#include "dataset.h"
#include "error.h"
#include "search.h"
#include "strpool.h"
#include "utf8.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FIELD_NAME, FIELD_ALIAS, FIELD_BASE };

/* In a node map: the node is none of the earlier inputs' and gets a work node of its own once
 * every node of its input is decided (so that the merged dataset keeps the input's order). As
 * a parent it is none of the candidates' parents. */
#define NEW_NODE (PN_NONE - 1)

typedef struct {
    uint32_t node;  /* work node */
    uint32_t next;  /* next entry of the same key; UINT32_MAX ends the chain */
    int field;
    const char *text; /* the name or alias the key comes from (an input's string) */
    const char *key;  /* the folded key, without the country */
} entry_t;

typedef struct {
    const pn_dataset_t *ds; /* of its first appearance */
    uint32_t input, node;
    uint32_t country;       /* the merged dataset's country */
    pn_level_t level;
    int level_known, first_level;
    uint32_t parent;        /* work node or PN_NONE */
    double lat, lon;
    const char **aliases;   /* input strings, malloc'ed array */
    size_t alias_count, alias_capacity;
    uint32_t origins;
    char *id;               /* its id in the merged dataset, when not its first id (taken) */
} wnode_t;

typedef struct {
    uint32_t a, b;
    pn_date_t date, end;
    pn_kind_t kind;
    int kind_stated;        /* 0 while every source's kind is a reader's default */
    const char *id, *note, *file;
    uint32_t line;          /* in file */
    const char **domains;
    size_t domain_count, domain_capacity;
    pn_source_t *sources;
    size_t source_count, source_capacity;
    uint32_t origins;
    uint32_t next;          /* next work agreement of the same pair */
} wagreement_t;

struct pn_merge {
    pn_arena_t arena;
    pn_merge_event_t *events;
    size_t event_count, event_capacity;
    uint32_t *agreement_origins, *node_origins;
    size_t agreement_count, node_count;
};

typedef struct {
    const pn_dataset_t *const *inputs;
    size_t input_count;
    pn_dataset_t *out;
    pn_merge_t *account;
    size_t current;         /* the input being merged */
    pn_search_t *folder;    /* ICU's transliterators, through an index of no node */
    pn_dataset_t *empty;

    wnode_t *nodes;
    size_t node_count, node_capacity;
    entry_t *entries;
    size_t entry_count, entry_capacity;
    pn_strmap_t keys;       /* key -> first entry */
    pn_strmap_t ids;        /* id in the merged dataset -> work node */

    wagreement_t *agreements;
    size_t agreement_count, agreement_capacity;
    pn_strmap_t pairs;      /* "a b" -> first work agreement */

    uint32_t *country_map;  /* of the current input: its country -> merged country */
    uint32_t *node_map;     /* of the current input: its node -> work node, or PN_NONE */
    char **input_keys;      /* of the current input: each node's first key (spelling step) */
    pn_arena_t scratch;     /* keys of the index */
    /* the last source document copied into the merged dataset: the rows of one file cite
     * the same one, copied once */
    const char *document_in, *document_out;
} merger_t;

static const char *const event_names[PN_MERGE_EVENT_COUNT] = {"node", "agreement", "conflict",
                                                              "ambiguous"};

const char *pn_merge_event_kind_name(pn_merge_event_kind_t kind)
{
    return (unsigned)kind < PN_MERGE_EVENT_COUNT ? event_names[kind] : "?";
}

/* ---- the account ---------------------------------------------------------------------- */

static int event(merger_t *m, pn_merge_event_kind_t kind, const char *ground, const char *file,
                 uint32_t line, const char *id, const char *other_file, uint32_t other_line,
                 const char *other_id, const char *detail)
{
    size_t input = m->current;
    pn_merge_t *a = m->account;
    if (pn_array__reserve((void **)&a->events, &a->event_capacity, a->event_count + 1,
                          sizeof *a->events) != 0)
        return pn_error__nomem();
    pn_merge_event_t *e = &a->events[a->event_count];
    const char *texts[] = {ground, file, id, other_file, other_id, detail};
    const char **slots[] = {&e->ground, &e->file, &e->id, &e->other_file, &e->other_id,
                            &e->detail};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        *slots[i] = texts[i] ? pn_arena__strdup(&a->arena, texts[i]) : NULL;
        if (texts[i] && !*slots[i])
            return pn_error__nomem();
    }
    e->kind = kind;
    e->input = input;
    e->line = line;
    e->other_line = other_line;
    a->event_count++;
    return 0;
}

void pn_merge_free(pn_merge_t *merge)
{
    if (!merge)
        return;
    free(merge->events);
    free(merge->agreement_origins);
    free(merge->node_origins);
    pn_arena__destroy(&merge->arena);
    free(merge);
}

size_t pn_merge_event_count(const pn_merge_t *merge)
{
    return merge->event_count;
}

const pn_merge_event_t *pn_merge_event(const pn_merge_t *merge, size_t i)
{
    assert(i < merge->event_count);
    return &merge->events[i];
}

uint32_t pn_merge_agreement_origins(const pn_merge_t *merge, size_t i)
{
    assert(i < merge->agreement_count);
    return merge->agreement_origins[i];
}

uint32_t pn_merge_node_origins(const pn_merge_t *merge, size_t i)
{
    assert(i < merge->node_count);
    return merge->node_origins[i];
}

/* The files an input's nodes and agreements come from, for messages and sources. */
static const char *nodes_file(const pn_dataset_t *ds)
{
    return ds->nodes_file ? ds->nodes_file : ds->name;
}

static const char *agreements_file(const pn_dataset_t *ds)
{
    return ds->agreements_file ? ds->agreements_file : ds->name;
}

/* ---- folded keys ---------------------------------------------------------------------- */

/* The folded keys of @p text without spaces, separated by '\n' (malloc'ed). */
static int fold_keys(char **out, merger_t *m, const char *text)
{
    char *joined;
    int status = pn_search_fold(&joined, m->folder, text);
    if (status != 0)
        return status;
    char *w = joined;
    for (const char *r = joined; *r; r++)
        if (*r != ' ')
            *w++ = *r;
    *w = '\0';
    *out = joined;
    return 0;
}

/* The index key of one folded key in a country: "CODE\x1fkey" in @p buf (malloc'ed). */
static char *country_key(const pn_dataset_t *out, uint32_t country, const char *key, size_t len)
{
    const char *code = out->countries[country].code;
    size_t code_len = strlen(code);
    char *buf = malloc(code_len + len + 2);
    if (!buf)
        return NULL;
    memcpy(buf, code, code_len);
    buf[code_len] = '\x1f';
    memcpy(buf + code_len + 1, key, len);
    buf[code_len + 1 + len] = '\0';
    return buf;
}

static int index_text(merger_t *m, uint32_t node, int field, const char *text)
{
    char *keys = NULL;
    int status = fold_keys(&keys, m, text);
    for (char *k = keys; status == 0 && k && *k;) {
        size_t len = strcspn(k, "\n");
        char *ck = country_key(m->out, m->nodes[node].country, k, len);
        const char *stored = ck ? pn_arena__strdup(&m->scratch, ck) : NULL;
        free(ck);
        if (!stored || pn_array__reserve((void **)&m->entries, &m->entry_capacity,
                                         m->entry_count + 1, sizeof *m->entries) != 0) {
            status = pn_error__nomem();
            break;
        }
        const char *bare = stored + strlen(m->out->countries[m->nodes[node].country].code) + 1;
        uint32_t first = UINT32_MAX, index = (uint32_t)m->entry_count;
        int put = pn_strmap__put(&m->keys, stored, index, &first);
        if (put < 0) {
            status = pn_error__nomem();
            break;
        }
        if (put == 1) {
            first = UINT32_MAX;
        } else {
            /* prepend: the chain's head is the map's value, kept by swapping entries */
            m->entries[m->entry_count++] = m->entries[first];
            m->entries[first] = (entry_t){node, index, field, text, bare};
            k += len + (k[len] == '\n');
            continue;
        }
        m->entries[m->entry_count++] = (entry_t){node, first, field, text, bare};
        k += len + (k[len] == '\n');
    }
    free(keys);
    return status;
}

/* The name without the qualifiers a list adds: up to the first comma or " (". */
static size_t base_length(const char *name)
{
    size_t comma = strcspn(name, ","), paren = comma;
    const char *p = strstr(name, " (");
    if (p && (size_t)(p - name) < comma)
        paren = (size_t)(p - name);
    return paren < comma ? paren : comma;
}

static int index_node(merger_t *m, uint32_t node, const pn_node_t *n)
{
    int status = index_text(m, node, FIELD_NAME, n->name);
    for (size_t i = 0; status == 0 && i < n->alias_count; i++)
        status = index_text(m, node, FIELD_ALIAS, n->aliases[i]);
    size_t base = base_length(n->name);
    if (status == 0 && base > 0 && n->name[base]) {
        char *text = pn_arena__strndup(&m->scratch, n->name, base);
        status = text ? index_text(m, node, FIELD_BASE, text) : pn_error__nomem();
    }
    return status;
}

/* ---- nodes ---------------------------------------------------------------------------- */

/* Words that name a kind of unit, not a place: "Minsk Oblast" and "Minsk region" are one
 * parent for a qualifier. */
static int generic_word(const char *w, size_t len)
{
    static const char *const words[] = {
        "oblast", "voblast", "region", "province", "marz", "krai", "kray", "district", "raion",
        "rayon", "city", "republic", "of", "the", "velayat", "viloyat", "county", "state",
        "okrug", "municipality", "urban", "rural", "autonomous", NULL};
    for (const char *const *p = words; *p; p++)
        if (strlen(*p) == len && memcmp(*p, w, len) == 0)
            return 1;
    return 0;
}

/* The first folded key of @p text, generic words left out, spaces removed (malloc'ed). */
static int place_key(char **out, merger_t *m, const char *text)
{
    char *joined;
    int status = pn_search_fold(&joined, m->folder, text);
    if (status != 0)
        return status;
    joined[strcspn(joined, "\n")] = '\0';
    char *w = joined;
    for (const char *r = joined; *r;) {
        size_t len = strcspn(r, " ");
        if (!generic_word(r, len)) {
            memmove(w, r, len);
            w += len;
        }
        r += len + (r[len] == ' ');
    }
    *w = '\0';
    *out = joined;
    return 0;
}

/* Does qualifier @p q (a text) name work node @p parent (its name or an alias)? */
static int names_parent(merger_t *m, const char *q, uint32_t parent, int *status)
{
    if (parent >= m->node_count)
        return 0;
    const wnode_t *p = &m->nodes[parent];
    const pn_node_t *pn = &p->ds->nodes[p->node];
    char *qk = NULL;
    if ((*status = place_key(&qk, m, q)) != 0 || !qk[0]) {
        free(qk);
        return 0;
    }
    int found = 0;
    for (size_t i = 0; !found && *status == 0 && i <= p->alias_count + pn->alias_count; i++) {
        const char *text = i == 0 ? pn->name
                           : i <= pn->alias_count ? pn->aliases[i - 1]
                                                  : p->aliases[i - 1 - pn->alias_count];
        char *pk = NULL;
        if ((*status = place_key(&pk, m, text)) == 0)
            found = strcmp(pk, qk) == 0;
        free(pk);
    }
    free(qk);
    return found;
}

/* Do the qualifiers of @p name (after its base) each name work node @p parent? */
static int qualifiers_name_parent(merger_t *m, const char *name, uint32_t parent, int *status)
{
    size_t base = base_length(name);
    if (!name[base])
        return 0;
    int all = 1, any = 0;
    const char *p = name + base;
    while (*p && all && *status == 0) {
        p += strspn(p, ", (");
        size_t len = strcspn(p, ",()");
        while (len && p[len - 1] == ' ')
            len--;
        if (len) {
            char *q = strndup(p, len);
            if (!q) {
                *status = pn_error__nomem();
                return 0;
            }
            all = names_parent(m, q, parent, status);
            any = 1;
            free(q);
        }
        p += len;
        p += strspn(p, ")");
    }
    return any && all;
}

typedef struct {
    uint32_t node;
    const char *ground;
    const char *text;   /* the candidate's name or alias that matched */
} candidate_t;

#define MAX_CANDIDATES 8

typedef struct {
    candidate_t items[MAX_CANDIDATES];
    size_t count;       /* distinct candidates (at most MAX_CANDIDATES kept) */
    uint32_t taken;     /* a candidate another node of the input took already, or PN_NONE */
} candidates_t;

/* Does input @p ds know node @p n's level? A pair list knows it only when the name says it
 * ("Anenii Noi District"). */
static int level_known(const pn_dataset_t *ds, const pn_node_t *n)
{
    pn_level_t named;
    return !ds->levels_unknown || pn_dataset__level_of_name(&named, n->name);
}

/* Could work node @p w be node @p n of input @p k (whose parent is work node @p parent)? */
static int compatible(const merger_t *m, const wnode_t *w, const pn_dataset_t *ds,
                      const pn_node_t *n, uint32_t parent, size_t k)
{
    (void)m;
    if (w->input == k)
        return 0;
    if (w->level_known && level_known(ds, n) && w->level != n->level)
        return 0;
    if (w->parent != PN_NONE && parent != PN_NONE && w->parent != parent)
        return 0;
    return 1;
}

static void offer(candidates_t *c, merger_t *m, size_t k, uint32_t node, const char *ground,
                  const char *text)
{
    if (m->nodes[node].origins & (1u << k)) {
        c->taken = node;
        return;
    }
    for (size_t i = 0; i < c->count && i < MAX_CANDIDATES; i++)
        if (c->items[i].node == node)
            return;
    if (c->count < MAX_CANDIDATES)
        c->items[c->count] = (candidate_t){node, ground, text};
    c->count++;
}

/* Is the plain fold of a and b (no transliteration) the same, spaces aside? */
static int same_without_transliteration(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *fa = malloc(5 * la + 1), *fb = malloc(5 * lb + 1);
    int same = 0;
    if (fa && fb) {
        size_t na = pn_utf8__fold(a, la, fa), nb = pn_utf8__fold(b, lb, fb), i = 0, j = 0;
        for (;; i++, j++) {
            while (i < na && fa[i] == ' ')
                i++;
            while (j < nb && fb[j] == ' ')
                j++;
            if (i >= na || j >= nb || fa[i] != fb[j])
                break;
        }
        same = i >= na && j >= nb;
    }
    free(fa);
    free(fb);
    return same;
}

/* Step 2 and 3: the candidates whose keys are those of @p text (field of node n). */
static int find_by_text(candidates_t *c, merger_t *m, size_t k, const pn_node_t *n,
                        uint32_t parent, const char *text, int field, int want_base,
                        uint32_t country)
{
    const pn_dataset_t *ds = m->inputs[k];
    char *keys = NULL;
    int status = fold_keys(&keys, m, text);
    for (char *key = keys; status == 0 && key && *key;) {
        size_t len = strcspn(key, "\n");
        char *ck = country_key(m->out, country, key, len);
        uint32_t e;
        if (!ck) {
            status = pn_error__nomem();
            break;
        }
        for (int found = pn_strmap__get(&m->keys, ck, strlen(ck), &e); found && e != UINT32_MAX;
             e = m->entries[e].next) {
            const entry_t *en = &m->entries[e];
            const wnode_t *w = &m->nodes[en->node];
            if (!compatible(m, w, ds, n, parent, k))
                continue;
            if (!want_base && en->field == FIELD_BASE)
                continue;
            const char *ground;
            if (want_base) {
                /* one side's qualifiers must name the other side's parent */
                const pn_node_t *wn = &w->ds->nodes[w->node];
                int ok = en->field == FIELD_BASE
                             ? qualifiers_name_parent(m, wn->name, parent, &status)
                             : qualifiers_name_parent(m, n->name, w->parent, &status);
                if (!ok)
                    continue;
                ground = "qualifier";
            } else if (!same_without_transliteration(text, en->text)) {
                ground = "transliteration";
            } else {
                ground = field == FIELD_NAME && en->field == FIELD_NAME ? "name" : "alias";
            }
            offer(c, m, k, en->node, ground, en->text);
        }
        free(ck);
        key += len + (key[len] == '\n');
    }
    free(keys);
    return status;
}

static unsigned spelling_limit(size_t len)
{
    return len <= 5 ? 0 : len <= 9 ? 1 : 2;
}

/* Step 4: the one node a few edits away (its name or an alias), when nothing else of either
 * input is as close. */
static void find_by_spelling(candidates_t *c, merger_t *m, size_t k, uint32_t i,
                             uint32_t parent, uint32_t country)
{
    const pn_dataset_t *ds = m->inputs[k];
    const pn_node_t *n = &ds->nodes[i];
    const char *key = m->input_keys[i];
    size_t len = strlen(key);
    unsigned limit = spelling_limit(len);
    if (limit == 0)
        return;
    const entry_t *found = NULL;
    for (size_t e = 0; e < m->entry_count; e++) {
        const entry_t *en = &m->entries[e];
        const wnode_t *wn = &m->nodes[en->node];
        if (en->field == FIELD_BASE || wn->country != country ||
            !compatible(m, wn, ds, n, parent, k) || (wn->origins & (1u << k)) ||
            pn_search__edits(key, len, en->key, strlen(en->key), limit) > limit)
            continue;
        if (found && found->node != en->node)
            return; /* two nodes as close */
        found = en;
    }
    if (!found)
        return;
    /* another node of this input as close to it: which one it is, is not for us to guess */
    for (size_t j = 0; j < ds->node_count; j++)
        if (j != i && m->country_map[ds->nodes[j].country] == country &&
            pn_search__edits(m->input_keys[j], strlen(m->input_keys[j]), found->key,
                             strlen(found->key), limit) <= limit)
            return;
    offer(c, m, k, found->node, "spelling", found->text);
}

static int add_alias(wnode_t *w, const char *text)
{
    const pn_node_t *n = &w->ds->nodes[w->node];
    if (strcmp(text, n->name) == 0)
        return 0;
    for (size_t i = 0; i < n->alias_count; i++)
        if (strcmp(text, n->aliases[i]) == 0)
            return 0;
    for (size_t i = 0; i < w->alias_count; i++)
        if (strcmp(text, w->aliases[i]) == 0)
            return 0;
    if (pn_array__reserve((void **)&w->aliases, &w->alias_capacity, w->alias_count + 1,
                          sizeof *w->aliases) != 0)
        return pn_error__nomem();
    w->aliases[w->alias_count++] = text;
    return 0;
}

static int new_node(merger_t *m, size_t k, uint32_t i)
{
    const pn_dataset_t *ds = m->inputs[k];
    const pn_node_t *n = &ds->nodes[i];
    if (pn_array__reserve((void **)&m->nodes, &m->node_capacity, m->node_count + 1,
                          sizeof *m->nodes) != 0)
        return pn_error__nomem();
    uint32_t index = (uint32_t)m->node_count++;
    wnode_t *w = &m->nodes[index];
    memset(w, 0, sizeof *w);
    w->ds = ds;
    w->input = (uint32_t)k;
    w->node = i;
    w->country = m->country_map[n->country];
    w->level = n->level;
    w->level_known = level_known(ds, n);
    w->first_level = n->first_level;
    w->parent = PN_NONE; /* set once every node of the input has its work node */
    w->lat = n->lat;
    w->lon = n->lon;
    w->origins = 1u << k;
    m->node_map[i] = index;
    /* an id an earlier input gave a node this one is not: the same id with a number */
    const char *id = n->id;
    uint32_t found;
    if (pn_strmap__get(&m->ids, id, strlen(id), &found)) {
        size_t len = strlen(id) + 16;
        if (!(w->id = malloc(len)))
            return pn_error__nomem();
        unsigned number = 2;
        do
            snprintf(w->id, len, "%s-%u", n->id, number++);
        while (pn_strmap__get(&m->ids, w->id, strlen(w->id), &found));
        id = w->id;
    }
    if (pn_strmap__put(&m->ids, id, index, NULL) < 0)
        return pn_error__nomem();
    return index_node(m, index, n);
}

/* Node @p i of input @p k is work node @p w: it lends what the node lacks. */
static int join_node(merger_t *m, size_t k, uint32_t i, uint32_t index, uint32_t parent)
{
    const pn_dataset_t *ds = m->inputs[k];
    const pn_node_t *n = &ds->nodes[i];
    wnode_t *w = &m->nodes[index];
    w->origins |= 1u << k;
    m->node_map[i] = index;
    if (!w->level_known && level_known(ds, n)) {
        w->level = n->level;
        w->level_known = 1;
        w->first_level = n->first_level;
    }
    if (w->parent == PN_NONE && parent < m->node_count && parent != index)
        w->parent = parent;
    if (isnan(w->lat) && !isnan(n->lat)) {
        w->lat = n->lat;
        w->lon = n->lon;
    }
    int status = add_alias(w, n->name);
    for (size_t a = 0; status == 0 && a < n->alias_count; a++)
        status = add_alias(w, n->aliases[a]);
    /* its names find the node from now on, for the inputs after this one */
    if (status == 0)
        status = index_node(m, index, n);
    return status;
}

static int match_node(merger_t *m, size_t k, uint32_t i, uint32_t parent)
{
    const pn_dataset_t *ds = m->inputs[k];
    const pn_node_t *n = &ds->nodes[i];
    uint32_t country = m->country_map[n->country];
    candidates_t c = {.count = 0, .taken = PN_NONE};
    int status = 0;

    /* 1. the same id */
    uint32_t same;
    if (pn_strmap__get(&m->ids, n->id, strlen(n->id), &same) && m->nodes[same].input != k) {
        const wnode_t *wn = &m->nodes[same];
        const pn_node_t *first = &wn->ds->nodes[wn->node];
        if (wn->country != country)
            return pn_error_set(PN_EINVALID, "%s:%u: node \"%s\" is in %s, but %s:%u gives "
                                "that id to a node in %s", nodes_file(ds), n->line, n->id,
                                pn_dataset_country_code(ds, n->country), nodes_file(wn->ds),
                                first->line, pn_dataset_country_code(wn->ds, first->country));
        offer(&c, m, k, same, "id", first->id);
    }
    /* 2. a name or an alias; 3. the name without qualifiers; 4. a misspelling */
    if (c.count == 0 && c.taken == PN_NONE)
        status = find_by_text(&c, m, k, n, parent, n->name, FIELD_NAME, 0, country);
    for (size_t a = 0; status == 0 && c.count == 0 && c.taken == PN_NONE && a < n->alias_count;
         a++)
        status = find_by_text(&c, m, k, n, parent, n->aliases[a], FIELD_ALIAS, 0, country);
    if (status == 0 && c.count == 0 && c.taken == PN_NONE) {
        size_t base = base_length(n->name);
        char *text = base ? strndup(n->name, base) : NULL;
        if (base && !text)
            return pn_error__nomem();
        status = find_by_text(&c, m, k, n, parent, text ? text : n->name, FIELD_NAME, 1,
                              country);
        free(text);
    }
    if (status == 0 && c.count == 0 && c.taken == PN_NONE)
        find_by_spelling(&c, m, k, i, parent, country);
    if (status != 0)
        return status;

    if (c.count == 1) {
        const wnode_t *w = &m->nodes[c.items[0].node];
        const pn_node_t *first = &w->ds->nodes[w->node];
        char detail[512];
        snprintf(detail, sizeof detail, "\"%s\" matches \"%s\" of %s (%s)", n->name,
                 c.items[0].text, first->id, first->name);
        status = event(m, PN_MERGE_NODE, c.items[0].ground, nodes_file(ds), n->line, n->id,
                       nodes_file(w->ds), first->line, first->id, detail);
        return status ? status : join_node(m, k, i, c.items[0].node, parent);
    }
    if (c.count > 1 || c.taken != PN_NONE) {
        char detail[768];
        size_t used = 0;
        if (c.count > 1) {
            used = (size_t)snprintf(detail, sizeof detail, "\"%s\" could be %zu nodes:", n->name,
                                    c.count);
            for (size_t j = 0; j < c.count && j < MAX_CANDIDATES && used < sizeof detail; j++) {
                const wnode_t *w = &m->nodes[c.items[j].node];
                const pn_node_t *cn = &w->ds->nodes[w->node];
                used += (size_t)snprintf(detail + used, sizeof detail - used, "%s %s (%s:%u)",
                                         j ? "," : "", cn->id, nodes_file(w->ds), cn->line);
            }
        } else {
            const wnode_t *w = &m->nodes[c.taken];
            snprintf(detail, sizeof detail, "\"%s\" could be %s, which another node of %s is "
                     "already", n->name, w->ds->nodes[w->node].id, nodes_file(ds));
        }
        uint32_t shown = c.count ? c.items[0].node : c.taken;
        const wnode_t *w = &m->nodes[shown];
        const pn_node_t *first = &w->ds->nodes[w->node];
        if (used >= sizeof detail)
            detail[sizeof detail - 1] = '\0';
        status = event(m, PN_MERGE_AMBIGUOUS, "node kept apart", nodes_file(ds), n->line, n->id,
                       nodes_file(w->ds), first->line, first->id, detail);
        if (status)
            return status;
    }
    m->node_map[i] = NEW_NODE;
    return 0;
}

/* Map the nodes of input k, parents before their children (a parent's match decides which
 * candidates a child may be). */
static int merge_nodes(merger_t *m, size_t k)
{
    const pn_dataset_t *ds = m->inputs[k];
    for (size_t i = 0; i < ds->node_count; i++)
        m->node_map[i] = PN_NONE;
    int status = 0;
    for (size_t i = 0; status == 0 && i < ds->node_count; i++)
        status = fold_keys(&m->input_keys[i], m, ds->nodes[i].name);
    for (size_t i = 0; i < ds->node_count; i++)
        if (m->input_keys[i])
            m->input_keys[i][strcspn(m->input_keys[i], "\n")] = '\0';
    for (size_t done = 0, progress = 1; status == 0 && done < ds->node_count && progress;) {
        progress = 0;
        for (size_t i = 0; status == 0 && i < ds->node_count; i++) {
            const pn_node_t *n = &ds->nodes[i];
            if (m->node_map[i] != PN_NONE)
                continue;
            if (n->parent != PN_NONE && m->node_map[n->parent] == PN_NONE)
                continue;
            status = match_node(m, k, (uint32_t)i,
                                n->parent == PN_NONE ? PN_NONE : m->node_map[n->parent]);
            done++;
            progress = 1;
        }
    }
    /* the new nodes in the input's order, then the parents the new ones bring */
    for (size_t i = 0; status == 0 && i < ds->node_count; i++)
        if (m->node_map[i] == NEW_NODE)
            status = new_node(m, k, (uint32_t)i);
    for (size_t i = 0; status == 0 && i < ds->node_count; i++) {
        uint32_t parent = ds->nodes[i].parent;
        wnode_t *w = &m->nodes[m->node_map[i]];
        if (parent != PN_NONE && w->parent == PN_NONE && m->node_map[parent] != m->node_map[i])
            w->parent = m->node_map[parent];
    }
    for (size_t i = 0; i < ds->node_count; i++) {
        free(m->input_keys[i]);
        m->input_keys[i] = NULL;
    }
    return status;
}

/* ---- agreements ----------------------------------------------------------------------- */

/* Is one date within the other (or either unknown)? */
static int dates_compatible(pn_date_t x, pn_date_t y)
{
    if (x == PN_DATE_NONE || y == PN_DATE_NONE)
        return 1;
    pn_date_t x0 = pn_date_first_day(x), x1 = pn_date_last_day(x);
    pn_date_t y0 = pn_date_first_day(y), y1 = pn_date_last_day(y);
    return (x0 <= y0 && y1 <= x1) || (y0 <= x0 && x1 <= y1);
}

/* The more precise of two compatible dates. */
static pn_date_t finer(pn_date_t x, pn_date_t y)
{
    if (x == PN_DATE_NONE)
        return y;
    if (y == PN_DATE_NONE)
        return x;
    return pn_date_precision(y) > pn_date_precision(x) ? y : x;
}

static char *pair_key(uint32_t a, uint32_t b, char buf[32])
{
    snprintf(buf, 32, "%u %u", a < b ? a : b, a < b ? b : a);
    return buf;
}

static int add_source(wagreement_t *w, const pn_source_t *s)
{
    /* most agreements keep one source: room for exactly one (a million agreements would
     * otherwise reserve 600 MB of room for sources they never get) */
    size_t need = w->source_count + 1;
    if (need > w->source_capacity) {
        size_t capacity = w->source_capacity ? pn_array__grown(w->source_capacity, need) : 1;
        pn_source_t *sources = realloc(w->sources, capacity * sizeof *sources);
        if (!sources)
            return pn_error__nomem();
        w->sources = sources;
        w->source_capacity = capacity;
    }
    w->sources[w->source_count++] = *s;
    return 0;
}

/* The agreement's sources, or, without any, one naming the input's file and line. */
static int add_sources(wagreement_t *w, const pn_dataset_t *ds, const pn_agreement_t *a)
{
    int status = 0;
    for (size_t i = 0; status == 0 && i < a->source_count; i++)
        status = add_source(w, &a->sources[i]);
    if (a->source_count == 0) {
        const char *file = agreements_file(ds), *slash = strrchr(file, '/');
        pn_source_t s = {slash ? slash + 1 : file, a->line, NULL, NULL, NULL};
        status = add_source(w, &s);
    }
    return status;
}

static int add_domains(wagreement_t *w, const pn_agreement_t *a)
{
    for (size_t i = 0; i < a->domain_count; i++) {
        size_t j = 0;
        while (j < w->domain_count && strcmp(w->domains[j], a->domains[i]) != 0)
            j++;
        if (j < w->domain_count)
            continue;
        if (pn_array__reserve((void **)&w->domains, &w->domain_capacity, w->domain_count + 1,
                              sizeof *w->domains) != 0)
            return pn_error__nomem();
        w->domains[w->domain_count++] = a->domains[i];
    }
    return 0;
}

static const char *agreement_label(char *buf, size_t cap, const char *id, uint32_t line)
{
    if (id)
        snprintf(buf, cap, "%s", id);
    else
        snprintf(buf, cap, "row %u", line);
    return buf;
}

static int new_agreement(merger_t *m, size_t k, const pn_agreement_t *a, uint32_t x, uint32_t y)
{
    if (pn_array__reserve((void **)&m->agreements, &m->agreement_capacity,
                          m->agreement_count + 1, sizeof *m->agreements) != 0)
        return pn_error__nomem();
    uint32_t index = (uint32_t)m->agreement_count++;
    wagreement_t *w = &m->agreements[index];
    memset(w, 0, sizeof *w);
    w->a = x;
    w->b = y;
    w->date = a->date;
    w->end = a->end;
    w->kind = a->kind;
    w->kind_stated = a->kind_stated;
    w->id = a->id;
    w->note = a->note;
    w->file = agreements_file(m->inputs[k]);
    w->line = a->line;
    w->origins = 1u << k;
    w->next = UINT32_MAX;
    int status = add_sources(w, m->inputs[k], a);
    if (status == 0)
        status = add_domains(w, a);
    if (status)
        return status;
    char buf[32];
    const char *key = pair_key(x, y, buf);
    uint32_t first;
    if (pn_strmap__get(&m->pairs, key, strlen(key), &first)) {
        /* append to the pair's chain, keeping input order */
        while (m->agreements[first].next != UINT32_MAX)
            first = m->agreements[first].next;
        m->agreements[first].next = index;
        return 0;
    }
    const char *stored = pn_arena__strdup(&m->scratch, key);
    if (!stored || pn_strmap__put(&m->pairs, stored, index, NULL) < 0)
        return pn_error__nomem();
    return 0;
}

/* A kind a source does not state (a pair list's default) is compatible with any other; two
 * stated kinds only with the same. */
static int kinds_compatible(const wagreement_t *w, const pn_agreement_t *a)
{
    return w->kind == a->kind || !w->kind_stated || !a->kind_stated;
}

static int merge_agreement(merger_t *m, size_t k, size_t i)
{
    const pn_dataset_t *ds = m->inputs[k];
    pn_agreement_t a;
    pn_dataset_agreement(&a, ds, i);
    uint32_t x = m->node_map[a.a], y = m->node_map[a.b];
    char buf[32], here[160], there[160], detail[512];
    const char *key = pair_key(x, y, buf);
    uint32_t first, match = UINT32_MAX, other = UINT32_MAX, same_kind = UINT32_MAX;
    size_t compatible = 0, same_kinds = 0;
    if (pn_strmap__get(&m->pairs, key, strlen(key), &first))
        for (uint32_t w = first; w != UINT32_MAX; w = m->agreements[w].next) {
            const wagreement_t *wa = &m->agreements[w];
            if (wa->origins & (1u << k))
                continue;
            if (other == UINT32_MAX)
                other = w;
            if (kinds_compatible(wa, &a) && dates_compatible(wa->date, a.date) &&
                dates_compatible(wa->end, a.end)) {
                if (compatible++ == 0)
                    match = w;
                if (wa->kind == a.kind && same_kinds++ == 0)
                    same_kind = w;
            }
        }
    /* several a kind not stated allows: the one of the same kind (the default) is it */
    if (compatible > 1 && same_kinds == 1) {
        compatible = 1;
        match = same_kind;
    }
    agreement_label(here, sizeof here, a.id, a.line);
    if (compatible == 1) {
        wagreement_t *w = &m->agreements[match];
        char d1[PN_DATE_TEXT_MAX], d2[PN_DATE_TEXT_MAX];
        int refined = w->date != finer(w->date, a.date);
        /* the kind one source states replaces the other's default */
        int kind_taken = w->kind != a.kind && (w->kind_stated || a.kind_stated);
        if (!w->kind_stated && a.kind_stated) {
            w->kind = a.kind;
            w->kind_stated = 1;
        }
        snprintf(detail, sizeof detail, "%s, %s - %s%s%s%s%s", pn_kind_name(w->kind),
                 ds->nodes[a.a].name, ds->nodes[a.b].name, refined ? ", date " : "",
                 refined ? pn_date_format(d1, w->date) : "", refined ? " made " : "",
                 refined ? pn_date_format(d2, a.date) : "");
        const char *ground = refined ? "date refined" : kind_taken ? "kind stated" : "same";
        int status = event(m, PN_MERGE_AGREEMENT, ground,
                           agreements_file(ds),
                           a.line, here, w->file, w->line,
                           agreement_label(there, sizeof there, w->id, w->line), detail);
        w->origins |= 1u << k;
        w->date = finer(w->date, a.date);
        w->end = finer(w->end, a.end);
        if (!w->note)
            w->note = a.note;
        if (status == 0)
            status = add_sources(w, ds, &a);
        return status ? status : add_domains(w, &a);
    }
    if (compatible > 1 || other != UINT32_MAX) {
        const wagreement_t *w = &m->agreements[compatible > 1 ? match : other];
        char d1[PN_DATE_TEXT_MAX], d2[PN_DATE_TEXT_MAX];
        const char *ground;
        if (compatible > 1) {
            ground = "agreement kept apart";
            snprintf(detail, sizeof detail, "%s - %s: %zu agreements of %s could be this one",
                     ds->nodes[a.a].name, ds->nodes[a.b].name, compatible,
                     w->file);
        } else if (!kinds_compatible(w, &a)) {
            ground = "kind";
            snprintf(detail, sizeof detail, "%s - %s: %s here, %s there", ds->nodes[a.a].name,
                     ds->nodes[a.b].name, pn_kind_name(a.kind), pn_kind_name(w->kind));
        } else if (!dates_compatible(w->date, a.date)) {
            ground = "date";
            snprintf(detail, sizeof detail, "%s - %s: %s here, %s there", ds->nodes[a.a].name,
                     ds->nodes[a.b].name, pn_date_format(d1, a.date),
                     pn_date_format(d2, w->date));
        } else {
            ground = "end";
            snprintf(detail, sizeof detail, "%s - %s: ends %s here, %s there",
                     ds->nodes[a.a].name, ds->nodes[a.b].name,
                     a.end ? pn_date_format(d1, a.end) : "never",
                     w->end ? pn_date_format(d2, w->end) : "never");
        }
        int status = event(m, compatible > 1 ? PN_MERGE_AMBIGUOUS : PN_MERGE_CONFLICT, ground,
                           agreements_file(ds), a.line, here, w->file, w->line,
                           agreement_label(there, sizeof there, w->id, w->line), detail);
        if (status)
            return status;
    }
    return new_agreement(m, k, &a, x, y);
}

/* ---- the merged dataset --------------------------------------------------------------- */

static const char *copy(pn_dataset_t *out, const char *s, int *status)
{
    if (!s)
        return NULL;
    const char *c = pn_arena__strdup(&out->arena, s);
    if (!c)
        *status = PN_ENOMEM;
    return c;
}

/* The license all inputs state (or none states), else each input's in turn: the merged
 * dataset is under all of them. */
static const char *merged_license(pn_dataset_t *out, const pn_dataset_t *const *inputs,
                                  size_t count, int *status)
{
    size_t same = 1, length = 1;
    for (size_t k = 1; k < count; k++)
        same += (!inputs[k]->license && !inputs[0]->license) ||
                (inputs[k]->license && inputs[0]->license &&
                 strcmp(inputs[k]->license, inputs[0]->license) == 0);
    if (same == count)
        return copy(out, inputs[0]->license, status);
    static const char none[] = "no license stated";
    for (size_t k = 0; k < count; k++)
        length += strlen(inputs[k]->name) + strlen(inputs[k]->license ? inputs[k]->license
                                                                        : none) + 4;
    char *text = pn_arena__alloc(&out->arena, length), *w = text;
    if (!text) {
        *status = PN_ENOMEM;
        return NULL;
    }
    for (size_t k = 0; k < count; k++)
        w += sprintf(w, "%s%s: %s", k ? "; " : "", inputs[k]->name,
                     inputs[k]->license ? inputs[k]->license : none);
    return text;
}

static int merge_countries(merger_t *m, size_t k)
{
    const pn_dataset_t *ds = m->inputs[k];
    pn_dataset_t *out = m->out;
    int status = 0;
    for (size_t c = 0; status == 0 && c < ds->country_count; c++) {
        const pn_country_t *from = &ds->countries[c];
        uint32_t index;
        if ((status = pn_dataset__country(&index, out, from->code, from->name, from->resolved)))
            break;
        m->country_map[c] = index;
        pn_country_t *to = &out->countries[index];
        if (to->regions < 0 && from->regions >= 0) {
            to->regions = from->regions;
            to->regions_year = from->regions_year;
            to->regions_source = copy(out, from->regions_source, &status);
        }
        if (!to->note)
            to->note = copy(out, from->note, &status);
        if (to->membership_count == 0 && from->membership_count) {
            pn_membership_t *list = pn_arena__alloc(&out->arena, from->membership_count *
                                                                     sizeof *list);
            if (!list)
                return pn_error__nomem();
            for (size_t i = 0; i < from->membership_count; i++) {
                list[i] = from->memberships[i];
                list[i].org = copy(out, from->memberships[i].org, &status);
                list[i].note = copy(out, from->memberships[i].note, &status);
            }
            to->memberships = list;
            to->membership_count = from->membership_count;
        }
    }
    return status ? pn_error__nomem() : 0;
}

static int merge_documents(merger_t *m, size_t k)
{
    const pn_dataset_t *ds = m->inputs[k];
    pn_dataset_t *out = m->out;
    int status = 0;
    for (size_t i = 0; status == 0 && i < ds->document_count; i++) {
        const pn_document_t *from = &ds->documents[i];
        uint32_t found;
        if (pn_strmap__get(&out->document_index, from->id, strlen(from->id), &found))
            continue;
        pn_document_t *d = pn_dataset__push_document(out, from->id);
        if (!d)
            return pn_error__nomem();
        d->title = copy(out, from->title, &status);
        d->author = copy(out, from->author, &status);
        d->year = from->year;
        d->url = copy(out, from->url, &status);
        d->note = copy(out, from->note, &status);
    }
    return status ? pn_error__nomem() : 0;
}

static int build_nodes(merger_t *m)
{
    pn_dataset_t *out = m->out;
    int status = 0;
    for (size_t i = 0; status == 0 && i < m->node_count; i++) {
        const wnode_t *w = &m->nodes[i];
        const pn_node_t *from = &w->ds->nodes[w->node];
        const char *id = w->id ? w->id : from->id;
        pn_node_t *n = pn_dataset__push_node(out, id, strlen(id));
        size_t count = from->alias_count + w->alias_count;
        const char **aliases = pn_arena__alloc(&out->arena, (count ? count : 1) *
                                                                sizeof *aliases);
        if (!n || !aliases)
            return pn_error__nomem();
        n->name = copy(out, from->name, &status);
        n->country = w->country;
        n->level = w->level;
        n->first_level = w->first_level && w->parent == PN_NONE;
        n->parent = w->parent;
        n->lat = w->lat;
        n->lon = w->lon;
        n->note = copy(out, from->note, &status);
        for (size_t a = 0; a < count; a++)
            aliases[a] = copy(out, a < from->alias_count ? from->aliases[a]
                                                         : w->aliases[a - from->alias_count],
                              &status);
        n->aliases = aliases;
        n->alias_count = count;
    }
    return status ? pn_error__nomem() : 0;
}

/* A document for each source that names none of the dataset's documents, when it has any: a
 * file the merge cites (a pair list's name) becomes one. */
static int cite_document(merger_t *m, const char *id)
{
    pn_dataset_t *out = m->out;
    uint32_t found;
    if (out->document_count == 0 || pn_strmap__get(&out->document_index, id, strlen(id), &found))
        return 0;
    pn_document_t *d = pn_dataset__push_document(out, id);
    if (!d)
        return pn_error__nomem();
    for (size_t k = 0; k < m->input_count; k++) {
        const char *name = agreements_file(m->inputs[k]), *slash = strrchr(name, '/');
        if (strcmp(slash ? slash + 1 : name, id) == 0 && m->inputs[k]->title) {
            int status = 0;
            d->title = copy(out, m->inputs[k]->title, &status);
            return status ? pn_error__nomem() : 0;
        }
    }
    return 0;
}

/* A unique id for an agreement: its own, or with "-2", "-3"... when an earlier input took it. */
static const char *unique_id(merger_t *m, const char *id, int *status)
{
    pn_dataset_t *out = m->out;
    uint32_t found;
    if (!pn_strmap__get(&out->agreement_ids, id, strlen(id), &found))
        return copy(out, id, status);
    size_t len = strlen(id) + 16;
    char *buf = malloc(len);
    if (!buf) {
        *status = PN_ENOMEM;
        return NULL;
    }
    unsigned n = 2;
    do
        snprintf(buf, len, "%s-%u", id, n++);
    while (pn_strmap__get(&out->agreement_ids, buf, strlen(buf), &found));
    const char *c = copy(out, buf, status);
    free(buf);
    return c;
}

static int build_agreements(merger_t *m)
{
    pn_dataset_t *out = m->out;
    int status = 0;
    for (size_t i = 0; status == 0 && i < m->agreement_count; i++) {
        const wagreement_t *w = &m->agreements[i];
        uint32_t extra;
        pn_agreement_extra_t *x = pn_dataset__push_extra(&extra, out);
        if (!x)
            return pn_error__nomem();
        if ((status = pn_dataset__intern_domains(&x->domains, out, w->domains,
                                                 w->domain_count)) != 0)
            return status;
        x = &out->extras[extra];
        x->note = copy(out, w->note, &status);
        char named[512];
        const char *id = w->id;
        if (!id) {
            /* a row the input gave no id (a pair list's): its file and line, as it is cited */
            const char *slash = strrchr(w->file, '/');
            snprintf(named, sizeof named, "%s:%u", slash ? slash + 1 : w->file, w->line);
            id = named;
        }
        x->id = unique_id(m, id, &status);
        if (x->id && pn_strmap__put(&out->agreement_ids, x->id, (uint32_t)out->agreement_count,
                                    NULL) < 0)
            status = PN_ENOMEM;
        pn_source_t *sources = pn_arena__alloc(&out->arena, w->source_count * sizeof *sources);
        if (!sources)
            return pn_error__nomem();
        for (size_t s = 0; s < w->source_count; s++) {
            const pn_source_t *from = &w->sources[s];
            if (from->document && (!m->document_in || strcmp(from->document,
                                                              m->document_in) != 0)) {
                m->document_in = from->document;
                m->document_out = copy(out, from->document, &status);
            }
            sources[s] = (pn_source_t){from->document ? m->document_out : NULL, from->line,
                                       copy(out, from->location, &status),
                                       copy(out, from->quote, &status),
                                       copy(out, from->url, &status)};
            if (status == 0 && sources[s].document)
                status = cite_document(m, sources[s].document);
        }
        x = &out->extras[extra];
        x->source = sources[0];
        if (w->source_count > 1) {
            x->sources = sources;
            x->source_count = (uint32_t)w->source_count;
        }
        if (status == 0)
            status = pn_dataset__push_agreement(out, w->a, w->b, w->date, w->end, w->kind, 0,
                                                extra);
        if (status == 0 && !w->kind_stated)
            status = pn_dataset__set_kind_stated(out, out->agreement_count - 1, 0);
    }
    return status ? pn_error__nomem() : 0;
}

static int merge_reported(merger_t *m, size_t k)
{
    const pn_dataset_t *ds = m->inputs[k];
    pn_dataset_t *out = m->out;
    int status = 0;
    for (size_t i = 0; status == 0 && i < ds->reported_count; i++) {
        const pn_reported_t *from = &ds->reported[i];
        pn_reported_t *r = pn_dataset__push_reported(out);
        uint32_t *countries = pn_arena__alloc(&out->arena, 2 * sizeof *countries);
        if (!r || !countries)
            return pn_error__nomem();
        *r = *from;
        for (size_t c = 0; c < from->country_count && c < 2; c++)
            countries[c] = m->country_map[from->countries[c]];
        r->countries = countries;
        r->party = from->party == PN_NONE ? PN_NONE : m->node_map[from->party];
        r->id = copy(out, from->id, &status);
        r->metric = copy(out, from->metric, &status);
        r->description = copy(out, from->description, &status);
        r->qualifier = copy(out, from->qualifier, &status);
        r->note = copy(out, from->note, &status);
        r->source.document = copy(out, from->source.document, &status);
        r->source.location = copy(out, from->source.location, &status);
        r->source.quote = copy(out, from->source.quote, &status);
        r->source.url = copy(out, from->source.url, &status);
    }
    return status ? pn_error__nomem() : 0;
}

static void merger_destroy(merger_t *m)
{
    for (size_t i = 0; i < m->node_count; i++) {
        free(m->nodes[i].aliases);
        free(m->nodes[i].id);
    }
    for (size_t i = 0; i < m->agreement_count; i++) {
        free(m->agreements[i].domains);
        free(m->agreements[i].sources);
    }
    free(m->nodes);
    free(m->entries);
    free(m->agreements);
    free(m->country_map);
    free(m->node_map);
    free(m->input_keys);
    pn_strmap__destroy(&m->keys);
    pn_strmap__destroy(&m->ids);
    pn_strmap__destroy(&m->pairs);
    pn_arena__destroy(&m->scratch);
    pn_search_free(m->folder);
    pn_dataset_free(m->empty);
}

int pn_dataset_merge(pn_dataset_t **out, pn_merge_t **account, const char *name,
                     const pn_dataset_t *const *inputs, size_t count)
{
    assert(out && inputs);
    if (count == 0 || count > PN_MERGE_MAX_INPUTS)
        return pn_error_set(PN_EUSAGE, "a merge takes 1 to %d datasets, not %zu",
                            PN_MERGE_MAX_INPUTS, count);
    merger_t m;
    memset(&m, 0, sizeof m);
    m.inputs = inputs;
    m.input_count = count;
    size_t most_nodes = 1, most_countries = 1;
    for (size_t k = 0; k < count; k++) {
        if (inputs[k]->node_count > most_nodes)
            most_nodes = inputs[k]->node_count;
        if (inputs[k]->country_count > most_countries)
            most_countries = inputs[k]->country_count;
    }
    int status = 0;
    if (!(m.account = calloc(1, sizeof *m.account)) ||
        !(m.node_map = malloc(most_nodes * sizeof *m.node_map)) ||
        !(m.country_map = malloc(most_countries * sizeof *m.country_map)) ||
        !(m.input_keys = calloc(most_nodes, sizeof *m.input_keys))) {
        status = pn_error__nomem();
        goto done;
    }
    if ((status = pn_dataset_new(&m.out, name)) != 0 ||
        (status = pn_dataset_new(&m.empty, "")) != 0 ||
        (status = pn_search_new(&m.folder, m.empty)) != 0)
        goto done;
    const pn_dataset_t *base = inputs[0];
    m.out->title = copy(m.out, base->title, &status);
    m.out->description = copy(m.out, base->description, &status);
    m.out->license = merged_license(m.out, inputs, count, &status);
    m.out->citation = copy(m.out, base->citation, &status);
    if (status) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t k = 0; k < count && status == 0; k++) {
        const pn_dataset_t *ds = inputs[k];
        m.current = k;
        if ((status = merge_documents(&m, k)) || (status = merge_countries(&m, k)) ||
            (status = merge_nodes(&m, k)))
            break;
        for (size_t i = 0; i < ds->agreement_count && status == 0; i++)
            status = merge_agreement(&m, k, i);
        if (status == 0)
            status = merge_reported(&m, k);
    }
    if (status == 0)
        status = build_nodes(&m);
    if (status == 0)
        status = build_agreements(&m);
    if (status == 0) {
        pn_merge_t *a = m.account;
        a->node_count = m.node_count;
        a->agreement_count = m.agreement_count;
        if (!(a->node_origins = malloc((m.node_count ? m.node_count : 1) *
                                       sizeof *a->node_origins)) ||
            !(a->agreement_origins = malloc((m.agreement_count ? m.agreement_count : 1) *
                                            sizeof *a->agreement_origins))) {
            status = pn_error__nomem();
            goto done;
        }
        for (size_t i = 0; i < m.node_count; i++)
            a->node_origins[i] = m.nodes[i].origins;
        for (size_t i = 0; i < m.agreement_count; i++)
            a->agreement_origins[i] = m.agreements[i].origins;
    }
done:
    if (status == 0) {
        *out = m.out;
        if (account)
            *account = m.account;
        else
            pn_merge_free(m.account);
    } else {
        pn_dataset_free(m.out);
        pn_merge_free(m.account);
    }
    merger_destroy(&m);
    return status;
}
