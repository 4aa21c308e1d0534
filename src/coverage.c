/*
 * Coverage by country, the country matrix, the recorded counterparts of reported figures and
 * the default count of regions from ISO 3166-2 (definitions in partnet/coverage.h). Country pairs are keyed by the rank of each country's
 * code, so that sorting the keys puts the matrix in code order.
 */
#include <partnet/coverage.h>

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

/* Does node i name a country? */
static int known(const pn_dataset_t *ds, uint32_t i)
{
    return ds->countries[ds->nodes[i].country].code[0] != '\0';
}

int pn_country_matrix_new(pn_country_matrix_t **out, const pn_view_t *view)
{
    assert(out && view);
    const pn_dataset_t *ds = view->ds;
    uint32_t *rank = NULL, *order = NULL;
    pn_keyed_t *pairs = NULL, *cells = NULL;
    pn_country_matrix_t *result = NULL;
    size_t n = ds->agreement_count, k = 0;
    int status = code_ranks(&rank, &order, ds);
    if (status)
        goto done;
    pairs = malloc((n ? n : 1) * sizeof *pairs);
    cells = malloc((n ? n : 1) * sizeof *cells);
    result = calloc(1, sizeof *result);
    if (!pairs || !cells || !result)
        goto nomem;
    /* agreements grouped by node pair ... */
    for (size_t i = 0; i < n; i++) {
        /* nodes that name no country are in no cell */
        if (!view->agreement[i] || !known(ds, ds->a[i]) || !known(ds, ds->b[i]))
            continue;
        uint64_t a = ds->a[i], b = ds->b[i];
        pairs[k].key = a < b ? a << 32 | b : b << 32 | a;
        pairs[k++].value = (uint32_t)i;
    }
    if (pn_sort__keyed(pairs, k) != 0)
        goto nomem;
    /* ... each node pair one cell entry under its country pair, carrying its agreements */
    size_t entries = 0;
    for (size_t i = 0; i < k;) {
        size_t j = i;
        while (j < k && pairs[j].key == pairs[i].key)
            j++;
        uint64_t ra = rank[ds->nodes[pairs[i].key >> 32].country];
        uint64_t rb = rank[ds->nodes[pairs[i].key & 0xFFFFFFFFu].country];
        cells[entries].key = ra < rb ? ra << 32 | rb : rb << 32 | ra;
        cells[entries++].value = (uint32_t)(j - i);
        i = j;
    }
    if (pn_sort__keyed(cells, entries) != 0)
        goto nomem;
    if (!(result->pairs = malloc((entries ? entries : 1) * sizeof *result->pairs)))
        goto nomem;
    for (size_t i = 0; i < entries; i++) {
        if (i == 0 || cells[i].key != cells[i - 1].key)
            result->pairs[result->pair_count++] = (pn_country_pair_t){
                order[cells[i].key >> 32], order[cells[i].key & 0xFFFFFFFFu], 0, 0};
        result->pairs[result->pair_count - 1].agreements += cells[i].value;
        result->pairs[result->pair_count - 1].pairs++;
    }
    *out = result;
    result = NULL;
    goto done;
nomem:
    status = pn_error__nomem();
done:
    pn_country_matrix_free(result);
    free(pairs);
    free(cells);
    free(rank);
    free(order);
    return status;
}

void pn_country_matrix_free(pn_country_matrix_t *matrix)
{
    if (!matrix)
        return;
    free(matrix->pairs);
    free(matrix);
}

/* The pairs of countries that have an agreement between them: far fewer than the agreements,
 * so a small open-addressing set of keys (lower country << 32 | higher), not the matrix's sort
 * of every agreement. */
typedef struct {
    uint64_t *keys; /* EMPTY_PAIR where free */
    size_t capacity, count;
} pair_set_t;

#define EMPTY_PAIR UINT64_MAX

static size_t pair_slot(uint64_t key, size_t capacity)
{
    return (size_t)((key * 0x9E3779B97F4A7C15u) >> 32) & (capacity - 1);
}

static int pair_set_add(pair_set_t *set, uint32_t a, uint32_t b)
{
    uint64_t key = a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a;
    if (2 * (set->count + 1) > set->capacity) {
        size_t capacity = set->capacity ? 2 * set->capacity : 256;
        uint64_t *keys = malloc(capacity * sizeof *keys);
        if (!keys)
            return pn_error__nomem();
        for (size_t i = 0; i < capacity; i++)
            keys[i] = EMPTY_PAIR;
        for (size_t i = 0; i < set->capacity; i++) {
            if (set->keys[i] == EMPTY_PAIR)
                continue;
            size_t slot = pair_slot(set->keys[i], capacity);
            while (keys[slot] != EMPTY_PAIR)
                slot = (slot + 1) & (capacity - 1);
            keys[slot] = set->keys[i];
        }
        free(set->keys);
        set->keys = keys;
        set->capacity = capacity;
    }
    size_t slot = pair_slot(key, set->capacity);
    while (set->keys[slot] != EMPTY_PAIR && set->keys[slot] != key)
        slot = (slot + 1) & (set->capacity - 1);
    if (set->keys[slot] == EMPTY_PAIR) {
        set->keys[slot] = key;
        set->count++;
    }
    return 0;
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
    pair_set_t partners = {NULL, 0, 0};
    int status = 0;
    if (!flags || !agreements || !rows || !result ||
        !(result->countries = malloc((countries ? countries : 1) * sizeof *result->countries))) {
        status = pn_error__nomem();
        goto done;
    }
    for (size_t i = 0; i < ds->agreement_count; i++) {
        if (!view->agreement[i])
            continue;
        uint32_t a = ds->a[i], b = ds->b[i];
        uint32_t ca = ds->nodes[a].country, cb = ds->nodes[b].country;
        /* with a party that names no country, abroad or not is unknown: not abroad */
        int abroad = ca != cb && known(ds, a) && known(ds, b);
        uint32_t ends[2] = {a, b};
        for (int e = 0; e < 2; e++) {
            flags[ends[e]] |= (unsigned char)(1 | (abroad ? 2 : 0));
            uint32_t unit = pn_unit__of(ds, ends[e], rollup);
            if (unit != PN_NONE)
                flags[unit] |= (unsigned char)(4 | (abroad ? 8 : 0));
        }
        agreements[ca]++;
        if (abroad) {
            agreements[cb]++;
            if ((status = pair_set_add(&partners, ca, cb)) != 0)
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
    for (size_t k = 0; k < partners.capacity; k++) {
        if (partners.keys[k] == EMPTY_PAIR)
            continue;
        rows[partners.keys[k] >> 32].partner_countries++;
        rows[partners.keys[k] & 0xFFFFFFFFu].partner_countries++;
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
    free(partners.keys);
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
