/*
 * The dataset: construction, accessors and the level and kind names. See dataset.h for the
 * representation.
 */
#include "dataset.h"

#include "array.h"
#include "error.h"
#include "utf8.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const level_names[PN_LEVEL_COUNT] = {"country", "region", "district", "city"};
static const char *const kind_names[PN_KIND_COUNT] = {
    "twinning", "cooperation_agreement", "memorandum", "programme", "protocol", "roadmap", "other"};

static int find_name(const char *const *names, int count, const char *name)
{
    for (int i = 0; i < count; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

const char *pn_level_name(pn_level_t level)
{
    return (unsigned)level < PN_LEVEL_COUNT ? level_names[level] : "?";
}

int pn_level_parse(pn_level_t *out, const char *name)
{
    assert(out && name);
    int i = find_name(level_names, PN_LEVEL_COUNT, name);
    if (i < 0)
        return PN_ENOTFOUND;
    *out = (pn_level_t)i;
    return 0;
}

int pn_dataset__level_of_name(pn_level_t *out, const char *name)
{
    /* the unit words of the world twin-cities list and of the CIS: a first-level unit, or a
     * unit between it and the town (a Polish powiat is a county, a Latvian novads a
     * municipality, an Estonian vald a parish) */
    static const struct {
        const char *word;
        pn_level_t level;
    } words[] = {{"oblast", PN_LEVEL_REGION},      {"voblast", PN_LEVEL_REGION},
                 {"region", PN_LEVEL_REGION},      {"province", PN_LEVEL_REGION},
                 {"governorate", PN_LEVEL_REGION}, {"prefecture", PN_LEVEL_REGION},
                 {"voivodeship", PN_LEVEL_REGION}, {"krai", PN_LEVEL_REGION},
                 {"kray", PN_LEVEL_REGION},        {"marz", PN_LEVEL_REGION},
                 {"district", PN_LEVEL_DISTRICT},  {"raion", PN_LEVEL_DISTRICT},
                 {"rayon", PN_LEVEL_DISTRICT},     {"county", PN_LEVEL_DISTRICT},
                 {"municipality", PN_LEVEL_DISTRICT}, {"parish", PN_LEVEL_DISTRICT}};
    size_t base = strcspn(name, ",(");
    while (base && name[base - 1] == ' ')
        base--;
    size_t start = base;
    while (start && name[start - 1] != ' ')
        start--;
    if (start == 0) /* a name of one word is the place's own ("Region" alone is a name) */
        return 0;
    /* an urban district (gorodskoy okrug) is a town with its land: the town's level */
    if (start >= 6 && strncasecmp(name + start - 6, "urban ", 6) == 0)
        return 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t len = strlen(words[i].word);
        if (base - start == len && strncasecmp(name + start, words[i].word, len) == 0) {
            *out = words[i].level;
            return 1;
        }
    }
    return 0;
}

const char *pn_kind_name(pn_kind_t kind)
{
    return (unsigned)kind < PN_KIND_COUNT ? kind_names[kind] : "?";
}

int pn_kind_parse(pn_kind_t *out, const char *name)
{
    assert(out && name);
    int i = find_name(kind_names, PN_KIND_COUNT, name);
    if (i < 0)
        return PN_ENOTFOUND;
    *out = (pn_kind_t)i;
    return 0;
}

#define RESERVE(ds, field, cap, need)                                                              \
    pn_array__reserve((void **)&(ds)->field, &(ds)->cap, (need), sizeof *(ds)->field)

int pn_dataset_new(pn_dataset_t **out, const char *name)
{
    assert(out);
    pn_dataset_t *ds = calloc(1, sizeof *ds);
    if (!ds)
        return pn_error__nomem();
    ds->name = pn_arena__strdup(&ds->arena, name ? name : "");
    /* domain set 0 is the empty set; extra 0 is "no extra" */
    if (!ds->name || RESERVE(ds, domain_sets, domain_set_capacity, 1) != 0 ||
        RESERVE(ds, extras, extra_capacity, 1) != 0) {
        pn_dataset_free(ds);
        return pn_error__nomem();
    }
    ds->domain_sets[0] = (pn_domain_set_t){0, NULL};
    ds->domain_set_count = 1;
    memset(&ds->extras[0], 0, sizeof ds->extras[0]);
    ds->extra_count = 1;
    *out = ds;
    return 0;
}

void pn_dataset_free(pn_dataset_t *ds)
{
    if (!ds)
        return;
    free(ds->countries);
    free(ds->nodes);
    free(ds->a);
    free(ds->b);
    free(ds->date);
    free(ds->end);
    free(ds->kind);
    free(ds->kind_unstated);
    free(ds->line);
    free(ds->extra);
    free(ds->extras);
    free(ds->domain_sets);
    free(ds->reported);
    free(ds->documents);
    pn_strmap__destroy(&ds->document_index);
    pn_strmap__destroy(&ds->country_index);
    pn_strmap__destroy(&ds->node_index);
    pn_strmap__destroy(&ds->domain_set_index);
    pn_strmap__destroy(&ds->agreement_ids);
    pn_arena__destroy(&ds->arena);
    free(ds);
}

const char *pn_dataset_name(const pn_dataset_t *ds)
{
    return ds->name;
}

const char *pn_dataset_title(const pn_dataset_t *ds)
{
    return ds->title;
}

const char *pn_dataset_description(const pn_dataset_t *ds)
{
    return ds->description;
}

const char *pn_dataset_license(const pn_dataset_t *ds)
{
    return ds->license;
}

int pn_dataset_set_metadata(pn_dataset_t *ds, const char *title, const char *description,
                            const char *license)
{
    assert(ds);
    const char *texts[3] = {title, description, license}, *copies[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++)
        if (texts[i] && !(copies[i] = pn_arena__strdup(&ds->arena, texts[i])))
            return pn_error__nomem();
    const char **fields[3] = {&ds->title, &ds->description, &ds->license};
    for (int i = 0; i < 3; i++)
        if (copies[i])
            *fields[i] = copies[i];
    return 0;
}

const char *pn_dataset_citation(const pn_dataset_t *ds)
{
    return ds->citation;
}

size_t pn_dataset_country_count(const pn_dataset_t *ds)
{
    return ds->country_count;
}

size_t pn_dataset_node_count(const pn_dataset_t *ds)
{
    return ds->node_count;
}

size_t pn_dataset_agreement_count(const pn_dataset_t *ds)
{
    return ds->agreement_count;
}

size_t pn_dataset_reported_count(const pn_dataset_t *ds)
{
    return ds->reported_count;
}

size_t pn_dataset_document_count(const pn_dataset_t *ds)
{
    return ds->document_count;
}

const pn_document_t *pn_dataset_document(const pn_dataset_t *ds, size_t i)
{
    assert(i < ds->document_count);
    return &ds->documents[i];
}

const pn_country_t *pn_dataset_country(const pn_dataset_t *ds, size_t i)
{
    assert(i < ds->country_count);
    return &ds->countries[i];
}

const char *pn_dataset_country_code(const pn_dataset_t *ds, size_t i)
{
    assert(i < ds->country_count);
    const char *code = ds->countries[i].code;
    return code[0] ? code : "?";
}

const pn_node_t *pn_dataset_node(const pn_dataset_t *ds, size_t i)
{
    assert(i < ds->node_count);
    return &ds->nodes[i];
}

const pn_reported_t *pn_dataset_reported(const pn_dataset_t *ds, size_t i)
{
    assert(i < ds->reported_count);
    return &ds->reported[i];
}

void pn_dataset_agreement(pn_agreement_t *out, const pn_dataset_t *ds, size_t i)
{
    assert(out && i < ds->agreement_count);
    const pn_agreement_extra_t *x = &ds->extras[ds->extra[i]];
    const pn_domain_set_t *d = &ds->domain_sets[x->domains];
    out->id = x->id;
    out->a = ds->a[i];
    out->b = ds->b[i];
    out->date = ds->date[i];
    out->end = ds->end[i];
    out->kind = (pn_kind_t)ds->kind[i];
    out->kind_stated = pn_dataset__kind_stated(ds, i);
    out->domain_count = d->count;
    out->domains = d->items;
    out->source = x->source;
    out->note = x->note;
    out->line = ds->line[i];
    if (x->sources) {
        out->source_count = x->source_count;
        out->sources = x->sources;
    } else {
        /* a source given alone is the extra record's own */
        int has = x->source.document || x->source.line || x->source.location ||
                  x->source.quote || x->source.url;
        out->source_count = has ? 1 : 0;
        out->sources = has ? &x->source : NULL;
    }
}

const uint32_t *pn_dataset_party_a(const pn_dataset_t *ds)
{
    return ds->a;
}

const uint32_t *pn_dataset_party_b(const pn_dataset_t *ds)
{
    return ds->b;
}

const pn_date_t *pn_dataset_dates(const pn_dataset_t *ds)
{
    return ds->date;
}

const pn_date_t *pn_dataset_end_dates(const pn_dataset_t *ds)
{
    return ds->end;
}

const uint8_t *pn_dataset_kinds(const pn_dataset_t *ds)
{
    return ds->kind;
}

int pn_dataset__find_node(uint32_t *out, const pn_dataset_t *ds, const char *id, size_t len)
{
    char *nfc = NULL;
    size_t nfc_len = 0;
    if (pn_utf8__nfc(&nfc, &nfc_len, id, len) != 0)
        return pn_error__nomem();
    int found = nfc ? pn_strmap__get(&ds->node_index, nfc, nfc_len, out)
                    : pn_strmap__get(&ds->node_index, id, len, out);
    free(nfc);
    return found ? 0 : PN_ENOTFOUND;
}

int pn_dataset_find_node(uint32_t *out, const pn_dataset_t *ds, const char *id)
{
    assert(out && ds && id);
    return pn_dataset__find_node(out, ds, id, strlen(id));
}

int pn_dataset_find_country(uint32_t *out, const pn_dataset_t *ds, const char *code)
{
    assert(out && ds && code);
    return pn_strmap__get(&ds->country_index, code, strlen(code), out) ? 0 : PN_ENOTFOUND;
}

int pn_dataset__country(uint32_t *out, pn_dataset_t *ds, const char *code, const char *name,
                        int resolved)
{
    if (pn_dataset_find_country(out, ds, code) == 0)
        return 0;
    if (RESERVE(ds, countries, country_capacity, ds->country_count + 1) != 0)
        return pn_error__nomem();
    pn_country_t *c = &ds->countries[ds->country_count];
    memset(c, 0, sizeof *c);
    c->code = pn_arena__strdup(&ds->arena, code);
    c->name = pn_arena__strdup(&ds->arena, name ? name : code);
    if (!c->code || !c->name)
        return pn_error__nomem();
    c->resolved = resolved;
    c->regions = -1;
    if (pn_strmap__put(&ds->country_index, c->code, (uint32_t)ds->country_count, NULL) < 0)
        return pn_error__nomem();
    *out = (uint32_t)ds->country_count++;
    return 0;
}

pn_node_t *pn_dataset__push_node(pn_dataset_t *ds, const char *id, size_t id_len)
{
    if (RESERVE(ds, nodes, node_capacity, ds->node_count + 1) != 0)
        return NULL;
    pn_node_t *n = &ds->nodes[ds->node_count];
    memset(n, 0, sizeof *n);
    n->id = pn_arena__strndup(&ds->arena, id, id_len);
    if (!n->id || pn_dataset__index_node(ds, (uint32_t)ds->node_count) != 0)
        return NULL;
    n->name = n->id;
    n->parent = PN_NONE;
    n->lat = n->lon = NAN;
    ds->node_count++;
    return n;
}

int pn_dataset__index_node(pn_dataset_t *ds, uint32_t i)
{
    const char *id = ds->nodes[i].id, *key = id;
    char *nfc = NULL;
    size_t len = strlen(id);
    if (pn_utf8__nfc(&nfc, &len, id, len) != 0)
        return pn_error__nomem();
    if (nfc) /* rare: only a key that differs from the id is kept apart */
        key = pn_arena__strndup(&ds->arena, nfc, len);
    free(nfc);
    if (!key || pn_strmap__put(&ds->node_index, key, i, NULL) < 0)
        return pn_error__nomem();
    return 0;
}

static int reserve_agreements(pn_dataset_t *ds, size_t need)
{
    if (need <= ds->agreement_capacity)
        return 0;
    size_t capacity = pn_array__grown(ds->agreement_capacity, need);
    /* each column grows on its own; a failure leaves the longer ones harmlessly oversized */
    void **columns[] = {(void **)&ds->a,   (void **)&ds->b,    (void **)&ds->date,
                        (void **)&ds->end, (void **)&ds->kind, (void **)&ds->line,
                        (void **)&ds->extra};
    size_t sizes[] = {sizeof *ds->a,    sizeof *ds->b,    sizeof *ds->date, sizeof *ds->end,
                      sizeof *ds->kind, sizeof *ds->line, sizeof *ds->extra};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        void *p = realloc(*columns[i], capacity * sizes[i]);
        if (!p)
            return -1;
        *columns[i] = p;
    }
    if (ds->kind_unstated) {
        size_t old = (ds->agreement_capacity + 7) / 8, bytes = (capacity + 7) / 8;
        uint8_t *p = realloc(ds->kind_unstated, bytes);
        if (!p)
            return -1;
        memset(p + old, 0, bytes - old);
        ds->kind_unstated = p;
    }
    ds->agreement_capacity = capacity;
    return 0;
}

int pn_dataset__reserve_agreements(pn_dataset_t *ds, size_t need)
{
    return reserve_agreements(ds, need) == 0 ? 0 : pn_error__nomem();
}

int pn_dataset__set_kind_stated(pn_dataset_t *ds, size_t i, int stated)
{
    assert(i < ds->agreement_count);
    if (!ds->kind_unstated) {
        if (stated)
            return 0;
        ds->kind_unstated = calloc((ds->agreement_capacity + 7) / 8, 1);
        if (!ds->kind_unstated)
            return pn_error__nomem();
    }
    uint8_t bit = (uint8_t)(1u << (i % 8));
    ds->kind_unstated[i / 8] = (uint8_t)(stated ? ds->kind_unstated[i / 8] & ~bit
                                                : ds->kind_unstated[i / 8] | bit);
    return 0;
}

int pn_dataset__kind_stated(const pn_dataset_t *ds, size_t i)
{
    return !ds->kind_unstated || !(ds->kind_unstated[i / 8] >> (i % 8) & 1);
}

int pn_dataset__push_agreement(pn_dataset_t *ds, uint32_t a, uint32_t b, pn_date_t date,
                               pn_date_t end, pn_kind_t kind, uint32_t line, uint32_t extra)
{
    if (reserve_agreements(ds, ds->agreement_count + 1) != 0)
        return pn_error__nomem();
    size_t i = ds->agreement_count++;
    ds->a[i] = a;
    ds->b[i] = b;
    ds->date[i] = date;
    ds->end[i] = end;
    ds->kind[i] = (uint8_t)kind;
    ds->line[i] = line;
    ds->extra[i] = extra;
    return pn_dataset__set_kind_stated(ds, i, 1);
}

pn_agreement_extra_t *pn_dataset__push_extra(uint32_t *out, pn_dataset_t *ds)
{
    if (RESERVE(ds, extras, extra_capacity, ds->extra_count + 1) != 0)
        return NULL;
    pn_agreement_extra_t *x = &ds->extras[ds->extra_count];
    memset(x, 0, sizeof *x);
    *out = (uint32_t)ds->extra_count++;
    return x;
}

int pn_dataset__intern_domains(uint32_t *out, pn_dataset_t *ds, const char *const *items,
                               size_t count)
{
    if (count == 0) {
        *out = 0;
        return 0;
    }
    /* key: the domains joined by an ASCII unit separator */
    size_t len = 0;
    for (size_t i = 0; i < count; i++)
        len += strlen(items[i]) + 1;
    char *key = malloc(len);
    if (!key)
        return pn_error__nomem();
    char *p = key;
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(items[i]);
        memcpy(p, items[i], n);
        p[n] = i + 1 < count ? '\x1f' : '\0';
        p += n + 1;
    }
    uint32_t found;
    if (pn_strmap__get(&ds->domain_set_index, key, len - 1, &found)) {
        free(key);
        *out = found;
        return 0;
    }
    int status = PN_ENOMEM;
    const char *stored = pn_arena__strndup(&ds->arena, key, len - 1);
    const char **copy = pn_arena__alloc(&ds->arena, count * sizeof *copy);
    if (!stored || !copy ||
        RESERVE(ds, domain_sets, domain_set_capacity,
                ds->domain_set_count + 1) != 0)
        goto done;
    for (size_t i = 0; i < count; i++)
        if (!(copy[i] = pn_arena__strdup(&ds->arena, items[i])))
            goto done;
    uint32_t index = (uint32_t)ds->domain_set_count;
    if (pn_strmap__put(&ds->domain_set_index, stored, index, NULL) < 0)
        goto done;
    ds->domain_sets[index] = (pn_domain_set_t){count, copy};
    ds->domain_set_count++;
    *out = index;
    status = 0;
done:
    free(key);
    return status == 0 ? 0 : pn_error__nomem();
}

pn_reported_t *pn_dataset__push_reported(pn_dataset_t *ds)
{
    if (RESERVE(ds, reported, reported_capacity, ds->reported_count + 1) != 0)
        return NULL;
    pn_reported_t *r = &ds->reported[ds->reported_count++];
    memset(r, 0, sizeof *r);
    r->party = PN_NONE;
    r->kind = -1;
    r->total = -1;
    return r;
}

pn_document_t *pn_dataset__push_document(pn_dataset_t *ds, const char *id)
{
    if (RESERVE(ds, documents, document_capacity, ds->document_count + 1) != 0)
        return NULL;
    pn_document_t *d = &ds->documents[ds->document_count];
    memset(d, 0, sizeof *d);
    d->id = pn_arena__strdup(&ds->arena, id);
    if (!d->id || pn_strmap__put(&ds->document_index, d->id, (uint32_t)ds->document_count, NULL) < 0)
        return NULL;
    ds->document_count++;
    return d;
}

int pn_dataset_add_country(uint32_t *out, pn_dataset_t *ds, const char *code, const char *name,
                           int regions)
{
    assert(ds && code);
    uint32_t index;
    int status = pn_dataset__country(&index, ds, code, name, 1);
    if (status != 0)
        return status;
    if (regions >= 0)
        ds->countries[index].regions = regions;
    if (out)
        *out = index;
    return 0;
}

int pn_dataset_add_node(uint32_t *out, pn_dataset_t *ds, const char *id, const char *name,
                        uint32_t country, pn_level_t level)
{
    assert(ds && id);
    uint32_t existing;
    if (pn_dataset_find_node(&existing, ds, id) == 0)
        return pn_error_set(PN_EINVALID, "node \"%s\" already exists", id);
    if (country >= ds->country_count)
        return pn_error_set(PN_EINVALID, "node \"%s\": no country %u", id, country);
    const char *copy = name ? pn_arena__strdup(&ds->arena, name) : NULL;
    pn_node_t *n = (copy || !name) ? pn_dataset__push_node(ds, id, strlen(id)) : NULL;
    if (!n)
        return pn_error__nomem();
    if (copy)
        n->name = copy;
    n->country = country;
    n->level = level;
    if (out)
        *out = (uint32_t)ds->node_count - 1;
    return 0;
}

int pn_dataset_add_agreement(uint32_t *out, pn_dataset_t *ds, uint32_t a, uint32_t b,
                             pn_date_t date, pn_date_t end, pn_kind_t kind)
{
    assert(ds);
    if (a >= ds->node_count || b >= ds->node_count)
        return pn_error_set(PN_EINVALID, "agreement names node %u, but there are %zu nodes",
                             a >= ds->node_count ? a : b, ds->node_count);
    if (a == b)
        return pn_error_set(PN_EINVALID, "agreement of \"%s\" with itself", ds->nodes[a].id);
    if ((unsigned)kind >= PN_KIND_COUNT)
        return pn_error_set(PN_EINVALID, "agreement kind %d does not exist", (int)kind);
    int status = pn_dataset__push_agreement(ds, a, b, date, end, kind, 0, 0);
    if (status == 0 && out)
        *out = (uint32_t)ds->agreement_count - 1;
    return status;
}
