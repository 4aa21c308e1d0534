/*
 * Coverage by country, the country matrix, the recorded counterparts of reported figures and
 * the default count of regions from ISO 3166-2 (definitions in partnet/coverage.h). Country
 * pairs are keyed by the rank of each country's code, so that sorting the keys puts the matrix
 * in code order; the agreements are grouped by their pair of countries, never sorted.
 */
#include <partnet/coverage.h>

#include "array.h"
#include "country.h"
#include "dataset.h"
#include "error.h"
#include "sort.h"
#include "units.h"
#include "view.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *code;
    uint32_t country;
} coded_t;

static int by_code(const void *a, const void *b)
{
    return strcmp(((const coded_t *)a)->code, ((const coded_t *)b)->code);
}

/* rank[c]: position of country c in code order; order[k]: the country at position k. */
static int code_ranks(uint32_t **rank, uint32_t **order, const pn_dataset_t *ds)
{
    size_t c = ds->country_count;
    uint32_t *ranks = malloc((c ? c : 1) * sizeof *ranks);
    uint32_t *orders = malloc((c ? c : 1) * sizeof *orders);
    coded_t *coded = malloc((c ? c : 1) * sizeof *coded);
    int status = 0;
    if (!ranks || !orders || !coded) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t i = 0; i < c; i++)
        coded[i] = (coded_t){ds->countries[i].code, (uint32_t)i};
    qsort(coded, c, sizeof *coded, by_code);
    for (size_t k = 0; k < c; k++) {
        orders[k] = coded[k].country;
        ranks[coded[k].country] = (uint32_t)k;
    }
    *rank = ranks;
    *order = orders;
    ranks = orders = NULL;
done:
    free(ranks);
    free(orders);
    free(coded);
    return status;
}

/* How many agreements ahead of the one in hand its nodes' entries are fetched into cache: the
 * agreements meet the nodes in no order, and without it each end would stall on a miss. */
#define NODES_AHEAD 16

/* Does node i name a country? */
static int known(const pn_dataset_t *ds, uint32_t i)
{
    return ds->countries[ds->nodes[i].country].code[0] != '\0';
}

/* The pairs of countries met among the agreements, each numbered in order of first sight
 * (a cell of the matrix): far fewer than the agreements, so a small open-addressing map from
 * a pair's key (lower country << 32 | higher) to its number, which stays in cache, rather than
 * a sort of every agreement. */
typedef struct {
    uint64_t *keys; /* EMPTY_KEY where free */
    uint32_t *cell;
    size_t capacity, count;
    uint64_t *key;  /* each cell's key, by number */
    size_t key_capacity;
} cell_map_t;

#define CELL_MAP_INIT {NULL, NULL, 0, 0, NULL, 0}

#define EMPTY_KEY UINT64_MAX

static size_t key_slot(uint64_t key, size_t capacity)
{
    return (size_t)((key * 0x9E3779B97F4A7C15u) >> 32) & (capacity - 1);
}

/* Room for one more cell: the map doubled when half full. */
static int cell_map_grow(cell_map_t *map)
{
    if (2 * (map->count + 1) <= map->capacity)
        return 0;
    size_t capacity = map->capacity ? 2 * map->capacity : 256;
    uint64_t *keys = malloc(capacity * sizeof *keys);
    uint32_t *cell = malloc(capacity * sizeof *cell);
    if (!keys || !cell) {
        free(keys);
        free(cell);
        return pn_error__nomem();
    }
    for (size_t i = 0; i < capacity; i++)
        keys[i] = EMPTY_KEY;
    for (size_t i = 0; i < map->capacity; i++) {
        if (map->keys[i] == EMPTY_KEY)
            continue;
        size_t slot = key_slot(map->keys[i], capacity);
        while (keys[slot] != EMPTY_KEY)
            slot = (slot + 1) & (capacity - 1);
        keys[slot] = map->keys[i];
        cell[slot] = map->cell[i];
    }
    free(map->keys);
    free(map->cell);
    map->keys = keys;
    map->cell = cell;
    map->capacity = capacity;
    return 0;
}

static void cell_map_destroy(cell_map_t *map)
{
    free(map->keys);
    free(map->cell);
    free(map->key);
}

/* The cell of @p key in @p out, a new one when it is first seen. */
static int cell_of(uint32_t *out, cell_map_t *map, uint64_t key)
{
    size_t slot = map->capacity ? key_slot(key, map->capacity) : 0;
    while (map->capacity && map->keys[slot] != EMPTY_KEY && map->keys[slot] != key)
        slot = (slot + 1) & (map->capacity - 1);
    if (map->capacity && map->keys[slot] == key) {
        *out = map->cell[slot];
        return 0;
    }
    if (cell_map_grow(map) != 0 ||
        pn_array__reserve((void **)&map->key, &map->key_capacity, map->count + 1,
                          sizeof *map->key) != 0)
        return pn_error__nomem();
    slot = key_slot(key, map->capacity);
    while (map->keys[slot] != EMPTY_KEY)
        slot = (slot + 1) & (map->capacity - 1);
    map->keys[slot] = key;
    map->cell[slot] = (uint32_t)map->count;
    map->key[map->count] = key;
    *out = (uint32_t)map->count++;
    return 0;
}

/* The distinct node pairs among @p count keys, in @p set (a power of two of at least twice
 * @p count slots, all EMPTY_KEY; left so). */
static size_t distinct(const uint64_t *keys, size_t count, uint64_t *set, size_t capacity)
{
    size_t found = 0;
    for (size_t i = 0; i < count; i++) {
        size_t slot = key_slot(keys[i], capacity);
        while (set[slot] != EMPTY_KEY && set[slot] != keys[i])
            slot = (slot + 1) & (capacity - 1);
        if (set[slot] == EMPTY_KEY) {
            set[slot] = keys[i];
            found++;
        }
    }
    for (size_t i = 0; i < count; i++) /* emptied where filled, not across the whole set */
        for (size_t slot = key_slot(keys[i], capacity); set[slot] != EMPTY_KEY;
             slot = (slot + 1) & (capacity - 1))
            set[slot] = EMPTY_KEY;
    return found;
}

static int by_cell_key(const void *a, const void *b)
{
    uint64_t x = ((const pn_keyed_t *)a)->key, y = ((const pn_keyed_t *)b)->key;
    return x < y ? -1 : x > y;
}

int pn_country_matrix_new(pn_country_matrix_t **out, const pn_view_t *view)
{
    assert(out && view);
    const pn_dataset_t *ds = view->ds;
    uint32_t *rank = NULL, *order = NULL, *cell = NULL, *node_rank = NULL;
    uint64_t *grouped = NULL, *set = NULL;
    size_t *start = NULL;
    pn_keyed_t *sorted = NULL;
    cell_map_t map = CELL_MAP_INIT;
    pn_country_matrix_t *result = NULL;
    size_t n = ds->agreement_count, k = 0;
    int status = code_ranks(&rank, &order, ds);
    if (status)
        goto done;
    cell = malloc((n ? n : 1) * sizeof *cell);
    node_rank = malloc((ds->node_count ? ds->node_count : 1) * sizeof *node_rank);
    result = calloc(1, sizeof *result);
    if (!cell || !node_rank || !result)
        goto nomem;
    /* each node's country by rank, PN_NONE where it names none: an agreement's ends are then
     * 4 bytes each to read, not a node's record, and fetched ahead (NODES_AHEAD) */
    for (size_t i = 0; i < ds->node_count; i++)
        node_rank[i] = known(ds, (uint32_t)i) ? rank[ds->nodes[i].country] : PN_NONE;
    /* each agreement's cell (its pair of countries), PN_NONE for none: in the view, both
     * ends naming a country */
    for (size_t i = 0; i < n; i++) {
        if (i + NODES_AHEAD < n) {
            __builtin_prefetch(&node_rank[ds->a[i + NODES_AHEAD]]);
            __builtin_prefetch(&node_rank[ds->b[i + NODES_AHEAD]]);
        }
        uint64_t ra = node_rank[ds->a[i]], rb = node_rank[ds->b[i]];
        cell[i] = PN_NONE;
        if (!view->agreement[i] || ra == PN_NONE || rb == PN_NONE)
            continue;
        if ((status = cell_of(&cell[i], &map, ra < rb ? ra << 32 | rb : rb << 32 | ra)) != 0)
            goto done;
        k++;
    }
    /* the agreements' node pairs grouped by cell (a counting sort on the few cells), then the
     * distinct pairs of each cell counted in a set the size of the cell */
    size_t cell_count = map.count, largest = 0;
    start = calloc(cell_count + 1, sizeof *start);
    grouped = malloc((k ? k : 1) * sizeof *grouped);
    if (!start || !grouped)
        goto nomem;
    for (size_t i = 0; i < n; i++)
        if (cell[i] != PN_NONE)
            start[cell[i] + 1]++;
    for (size_t c = 0; c < cell_count; c++) {
        largest = start[c + 1] > largest ? start[c + 1] : largest;
        start[c + 1] += start[c];
    }
    for (size_t i = 0; i < n; i++) {
        if (cell[i] == PN_NONE)
            continue;
        uint64_t a = ds->a[i], b = ds->b[i];
        grouped[start[cell[i]]++] = a < b ? a << 32 | b : b << 32 | a;
    }
    size_t capacity = 1;
    while (capacity < 2 * largest)
        capacity *= 2;
    set = malloc(capacity * sizeof *set);
    sorted = malloc((cell_count ? cell_count : 1) * sizeof *sorted);
    result->pairs = malloc((cell_count ? cell_count : 1) * sizeof *result->pairs);
    if (!set || !sorted || !result->pairs)
        goto nomem;
    for (size_t i = 0; i < capacity; i++)
        set[i] = EMPTY_KEY;
    /* start[c] is now the end of cell c, its start that of c - 1 */
    for (size_t c = 0; c < cell_count; c++)
        sorted[c] = (pn_keyed_t){map.key[c], (uint32_t)c};
    qsort(sorted, cell_count, sizeof *sorted, by_cell_key);
    for (size_t i = 0; i < cell_count; i++) {
        size_t c = sorted[i].value, first = c ? start[c - 1] : 0;
        size_t size = start[c] - first, slots = 1;
        while (slots < 2 * size)
            slots *= 2;
        result->pairs[i] = (pn_country_pair_t){order[sorted[i].key >> 32],
                                                order[sorted[i].key & 0xFFFFFFFFu], size,
                                                distinct(grouped + first, size, set, slots)};
    }
    result->pair_count = cell_count;
    *out = result;
    result = NULL;
    goto done;
nomem:
    status = pn_error__nomem();
done:
    pn_country_matrix_free(result);
    free(cell);
    free(grouped);
    free(set);
    free(start);
    free(sorted);
    cell_map_destroy(&map);
    free(rank);
    free(order);
    free(node_rank);
    return status;
}

void pn_country_matrix_free(pn_country_matrix_t *matrix)
{
    if (!matrix)
        return;
    free(matrix->pairs);
    free(matrix);
}

int pn_coverage_new(pn_coverage_t **out, const pn_view_t *view, int rollup)
{
    assert(out && view);
    const pn_dataset_t *ds = view->ds;
    size_t nodes = ds->node_count, countries = ds->country_count;
    /* per node: 1 active, 2 abroad; per unit: 4 covered, 8 covered abroad */
    unsigned char *flags = calloc(nodes ? nodes : 1, 1);
    size_t *agreements = calloc(countries ? countries : 1, sizeof *agreements);
    pn_coverage_row_t *rows = calloc(countries ? countries : 1, sizeof *rows);
    pn_coverage_t *result = calloc(1, sizeof *result);
    uint32_t *rank = NULL, *order = NULL;
    struct {
        uint32_t country, unit;
    } *node = NULL;
    unsigned char *named = NULL; /* per country: it names one (its code is not "") */
    cell_map_t partners = CELL_MAP_INIT; /* the pairs of countries with an agreement */
    int status = 0;
    if (!flags || !agreements || !rows || !result ||
        !(result->countries = malloc((countries ? countries : 1) * sizeof *result->countries))) {
        status = pn_error__nomem();
        goto done;
    }
    /* each node's country and unit, read in order once: the agreements then look their ends
     * up in these (8 bytes a node, fetched ahead) rather than in the nodes (88). With rollup a
     * unit is up a chain of parents, walked for the ends of agreements alone, as a node may
     * have none. */
    if (!(node = malloc((nodes ? nodes : 1) * sizeof *node)) ||
        !(named = malloc(countries ? countries : 1))) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t c = 0; c < countries; c++)
        named[c] = ds->countries[c].code[0] != '\0';
    for (size_t i = 0; i < nodes; i++) {
        node[i].country = ds->nodes[i].country;
        node[i].unit = pn_unit__of(ds, (uint32_t)i, 0);
    }
    for (size_t i = 0; i < ds->agreement_count; i++) {
        if (i + NODES_AHEAD < ds->agreement_count) {
            __builtin_prefetch(&node[ds->a[i + NODES_AHEAD]]);
            __builtin_prefetch(&node[ds->b[i + NODES_AHEAD]]);
        }
        if (!view->agreement[i])
            continue;
        uint32_t a = ds->a[i], b = ds->b[i];
        uint32_t ca = node[a].country, cb = node[b].country;
        /* with a party that names no country, abroad or not is unknown: not abroad */
        int abroad = ca != cb && named[ca] && named[cb];
        uint32_t ends[2] = {a, b};
        for (int e = 0; e < 2; e++) {
            flags[ends[e]] |= (unsigned char)(1 | (abroad ? 2 : 0));
            uint32_t unit = rollup ? pn_unit__of(ds, ends[e], 1) : node[ends[e]].unit;
            if (unit != PN_NONE)
                flags[unit] |= (unsigned char)(4 | (abroad ? 8 : 0));
        }
        agreements[ca]++;
        if (abroad) {
            agreements[cb]++;
            uint32_t pair;
            if ((status = cell_of(&pair, &partners, ca < cb ? (uint64_t)ca << 32 | cb
                                                            : (uint64_t)cb << 32 | ca)) != 0)
                goto done;
        }
    }
    for (size_t i = 0; i < nodes; i++) {
        const pn_node_t *n = &ds->nodes[i];
        pn_coverage_row_t *r = &rows[n->country];
        r->nodes++;
        r->nodes_active += (flags[i] & 1) != 0;
        r->nodes_abroad += (flags[i] & 2) != 0;
        if (pn_unit__is(n)) {
            r->units++;
            r->covered += (flags[i] & 4) != 0;
            r->covered_abroad += (flags[i] & 8) != 0;
        }
    }
    for (size_t k = 0; k < partners.count; k++) {
        rows[partners.key[k] >> 32].partner_countries++;
        rows[partners.key[k] & 0xFFFFFFFFu].partner_countries++;
    }
    if ((status = code_ranks(&rank, &order, ds)) != 0)
        goto done;
    for (size_t k = 0; k < countries; k++) {
        uint32_t c = order[k];
        if (rows[c].nodes == 0 || !ds->countries[c].code[0])
            continue;
        pn_coverage_row_t r = rows[c];
        r.country = c;
        r.regions = ds->countries[c].regions;
        r.regions_source = r.regions >= 0 ? PN_REGIONS_DATASET : PN_REGIONS_UNKNOWN;
        r.agreements = agreements[c];
        r.share = r.regions > 0 ? (double)r.covered / r.regions : NAN;
        result->countries[result->country_count++] = r;
    }
    *out = result;
    result = NULL;
done:
    pn_coverage_free(result);
    free(flags);
    free(agreements);
    free(rows);
    free(rank);
    free(order);
    free(node);
    free(named);
    cell_map_destroy(&partners);
    return status;
}

void pn_coverage_free(pn_coverage_t *coverage)
{
    if (!coverage)
        return;
    free(coverage->countries);
    free(coverage);
}

/* Does agreement i count for a reported figure of metric "agreements"? */
static int counts_for(const pn_dataset_t *ds, size_t i, const pn_reported_t *r)
{
    uint32_t ca = ds->nodes[ds->a[i]].country, cb = ds->nodes[ds->b[i]].country;
    if (r->kind >= 0 && ds->kind[i] != r->kind)
        return 0;
    if (r->party != PN_NONE && ds->a[i] != r->party && ds->b[i] != r->party)
        return 0;
    if (r->country_count == 1 && r->party == PN_NONE)
        return ca == r->countries[0] || cb == r->countries[0];
    if (r->country_count == 1) /* a party's agreements with a country */
        return (ds->a[i] == r->party ? cb : ca) == r->countries[0];
    if (r->country_count == 2)
        return (ca == r->countries[0] && cb == r->countries[1]) ||
               (ca == r->countries[1] && cb == r->countries[0]);
    return 1;
}

/* Is agreement i within a reported figure's period (signed since its start, if it has one)? */
static int in_period(const pn_dataset_t *ds, size_t i, const pn_reported_t *r)
{
    return r->since == PN_DATE_NONE ||
           (ds->date[i] != PN_DATE_NONE &&
            pn_date_last_day(ds->date[i]) >= pn_date_first_day(r->since));
}

int pn_reported_count(double *out, const pn_dataset_t *ds, size_t reported)
{
    assert(out && ds && reported < ds->reported_count);
    const pn_reported_t *r = &ds->reported[reported];
    pn_view_options_t options = PN_VIEW_OPTIONS_INIT;
    pn_view_t *view = NULL;
    unsigned char *seen = NULL;
    size_t n = 0;
    options.as_of = r->as_of;
    int status = pn_view_new(&view, ds, &options);
    if (status != 0)
        return status;
    if (strcmp(r->metric, "agreements") == 0) {
        for (size_t i = 0; i < ds->agreement_count; i++)
            n += view->agreement[i] && in_period(ds, i, r) && counts_for(ds, i, r);
    } else if (strcmp(r->metric, "partners") == 0) {
        if (!(seen = calloc(ds->node_count ? ds->node_count : 1, 1))) {
            status = pn_error__nomem();
            goto done;
        }
        for (size_t i = 0; i < ds->agreement_count; i++) {
            if (!view->agreement[i] || !in_period(ds, i, r) ||
                (ds->a[i] != r->party && ds->b[i] != r->party))
                continue;
            uint32_t other = ds->a[i] == r->party ? ds->b[i] : ds->a[i];
            if (r->country_count > 0 && ds->nodes[other].country != r->countries[0])
                continue;
            n += !seen[other];
            seen[other] = 1;
        }
    } else if (strcmp(r->metric, "regions_covered") == 0 && r->country_count >= 1) {
        /* units of the first country with an agreement (with the second country, if given) */
        if (!(seen = calloc(ds->node_count ? ds->node_count : 1, 1))) {
            status = pn_error__nomem();
            goto done;
        }
        for (size_t i = 0; i < ds->agreement_count; i++) {
            if (!view->agreement[i] || !in_period(ds, i, r))
                continue;
            uint32_t ends[2] = {ds->a[i], ds->b[i]};
            for (int e = 0; e < 2; e++) {
                uint32_t other = ends[1 - e];
                if (ds->nodes[ends[e]].country != r->countries[0])
                    continue;
                if (r->country_count == 2 && ds->nodes[other].country != r->countries[1])
                    continue;
                uint32_t unit = pn_unit__of(ds, ends[e], 1);
                if (unit != PN_NONE && !seen[unit]) {
                    seen[unit] = 1;
                    n++;
                }
            }
        }
    } else {
        status = pn_error_set(PN_EUSAGE, "reported figure \"%s\": cannot count metric \"%s\"",
                               r->id ? r->id : "?", r->metric);
    }
    if (status == 0)
        *out = (double)n;
done:
    free(seen);
    pn_view_free(view);
    return status;
}

int pn_coverage_default_regions(pn_coverage_t *coverage, const pn_dataset_t *ds,
                                const char *iso_json)
{
    assert(coverage && ds);
    int counts[26 * 26] = {0};
    int status = pn_country__first_level_counts(counts, iso_json);
    if (status != 0)
        return status;
    int given = 0;
    for (size_t k = 0; k < coverage->country_count; k++) {
        pn_coverage_row_t *r = &coverage->countries[k];
        int slot = pn_country__slot(ds->countries[r->country].code);
        if (r->regions_source == PN_REGIONS_DATASET || slot < 0 ||
            ds->countries[r->country].code[2] || counts[slot] == 0)
            continue;
        r->regions = counts[slot];
        r->regions_source = PN_REGIONS_ISO_3166_2;
        r->share = (double)r->covered / r->regions;
        given++;
    }
    return given;
}
