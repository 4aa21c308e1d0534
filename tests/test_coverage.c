/* Coverage, the country matrix and the recorded counterparts of reported figures on the
 * hand-worked network of test_common.h. */
#include "test_common.h"

PN_TEST_HAND_SUITE(coverage);

static const pn_coverage_row_t *row(const pn_coverage_t *coverage, const char *code)
{
    for (size_t i = 0; i < coverage->country_count; i++)
        if (strcmp(pn_dataset_country_code(pn_test_hand.ds, coverage->countries[i].country),
                   code) == 0)
            return &coverage->countries[i];
    cr_assert_fail("no row for %s", code);
    return NULL;
}

Test(coverage, coverage_counts_first_level_units)
{
    pn_coverage_t *rows;
    pn_view_t *whole = pn_test_view(pn_test_hand.ds, NULL);
    cr_assert_eq(pn_coverage_new(&rows, whole, 0), 0);
    cr_assert_eq(rows->country_count, 2);
    cr_expect_str_eq(pn_dataset_country(pn_test_hand.ds, rows->countries[0].country)->code, "AM",
                     "code order");
    const pn_coverage_row_t *by = row(rows, "BY"), *am = row(rows, "AM");
    cr_expect_eq(by->units, 3, "A, B and the city of regional rank");
    cr_expect_eq(by->covered, 3);
    cr_expect_eq(by->covered_abroad, 3);
    cr_expect_float_eq(by->share, 3.0 / 7, 1e-15, "over the registry's 7, not the 3 listed");
    cr_expect_eq(by->nodes, 5);
    cr_expect_eq(by->nodes_active, 5);
    cr_expect_eq(by->nodes_abroad, 5);
    cr_expect_eq(by->agreements, 7);
    cr_expect_eq(by->partner_countries, 1);
    cr_expect_eq(am->units, 2);
    cr_expect_eq(am->covered, 1, "F only through its city E: not without rollup");
    cr_expect_eq(am->nodes_active, 2);
    cr_expect_eq(am->agreements, 6);
    pn_coverage_free(rows);

    cr_assert_eq(pn_coverage_new(&rows, whole, 1), 0);
    am = row(rows, "AM");
    cr_expect_eq(am->covered, 2, "with rollup E's agreements cover F");
    cr_expect_float_eq(am->share, 2.0 / 11, 1e-15);
    pn_coverage_free(rows);
    pn_view_free(whole);
}

Test(coverage, coverage_follows_the_snapshot)
{
    pn_view_options_t view = PN_VIEW_OPTIONS_INIT;
    pn_coverage_t *rows;
    view.as_of = 20110000;
    pn_view_t *snapshot = pn_test_view(pn_test_hand.ds, &view);
    cr_assert_eq(pn_coverage_new(&rows, snapshot, 1), 0);
    pn_view_free(snapshot);
    cr_expect_eq(row(rows, "BY")->covered, 2, "A (2010) and B (2011)");
    cr_expect_eq(row(rows, "AM")->covered, 1);
    cr_expect_eq(row(rows, "BY")->agreements, 2);
    pn_coverage_free(rows);
}

Test(coverage, country_matrix_counts_agreements_and_pairs)
{
    pn_country_matrix_t *matrix;
    pn_view_t *whole = pn_test_view(pn_test_hand.ds, NULL);
    cr_assert_eq(pn_country_matrix_new(&matrix, whole), 0);
    pn_view_free(whole);
    cr_assert_eq(matrix->pair_count, 2);
    const pn_country_pair_t *cells = matrix->pairs;
    cr_expect_str_eq(pn_dataset_country(pn_test_hand.ds, cells[0].a)->code, "AM");
    cr_expect_str_eq(pn_dataset_country(pn_test_hand.ds, cells[0].b)->code, "BY");
    cr_expect_eq(cells[0].agreements, 6);
    cr_expect_eq(cells[0].pairs, 5, "A-D twice is one pair");
    cr_expect_str_eq(pn_dataset_country(pn_test_hand.ds, cells[1].a)->code, "BY");
    cr_expect_eq(cells[1].b, cells[1].a, "domestic agreements");
    cr_expect_eq(cells[1].agreements, 1);
    pn_country_matrix_free(matrix);
}

Test(coverage, reported_figures_get_their_recorded_counterpart)
{
    double recorded;
    cr_assert_eq(pn_reported_count(&recorded, pn_test_hand.ds, 0), 0);
    cr_expect_eq(recorded, 3, "BY-AM agreements as of 2012: A-D 2010, A-D 2012, B-D 2011");
    cr_assert_eq(pn_reported_count(&recorded, pn_test_hand.ds, 1), 0);
    cr_expect_eq(recorded, 2, "AM units with a BY partner by 2013: D, and F through E");
    cr_assert_eq(pn_reported_count(&recorded, pn_test_hand.ds, 2), 0);
    cr_expect_eq(recorded, 3, "D's partners: A, B, G");
    cr_assert_eq(pn_reported_count(&recorded, pn_test_hand.ds, 3), 0);
    cr_expect_eq(recorded, 5, "twinning agreements between BY and AM, undated included");
    cr_assert_eq(pn_reported_count(&recorded, pn_test_hand.ds, 4), 0);
    cr_expect_eq(recorded, 3, "signed 2011 to 2013: B-D 2011, A-D 2012, C-E 2013");
}

/* A made-up ISO 3166-2: Belarus's first level mixes a city and an oblast (both count, not the
 * oblast's district); "BYX-1" is no country's. */
static const char iso_3166_2[] =
    "{\"3166-2\": [{\"code\": \"BY-HM\", \"name\": \"Minsk\", \"type\": \"City\"},\n"
    " {\"code\": \"BY-BR\", \"name\": \"Brest\", \"type\": \"Oblast\"},\n"
    " {\"code\": \"BY-BR-1\", \"name\": \"District\", \"type\": \"District\", \"parent\": \"BY-BR\"},\n"
    " {\"code\": \"BYX-1\", \"name\": \"Nowhere\", \"type\": \"Region\"},\n"
    " {\"code\": \"AM-ER\", \"name\": \"Yerevan\", \"type\": \"City\"}]}\n";

Test(coverage, default_regions_come_from_iso_3166_2_where_the_dataset_has_none)
{
    pn_coverage_t *rows;
    pn_view_t *whole = pn_test_view(pn_test_hand.ds, NULL);
    char iso[512]; /* pn_test_path's buffer is reused */
    snprintf(iso, sizeof iso, "%s", pn_test_file("iso_3166-2.json", iso_3166_2));
    cr_assert_eq(pn_coverage_new(&rows, whole, 0), 0);
    pn_coverage_row_t *by = (pn_coverage_row_t *)row(rows, "BY");
    cr_expect_eq(by->regions_source, PN_REGIONS_DATASET);
    cr_expect_eq(pn_coverage_default_regions(rows, pn_test_hand.ds, iso), 0,
                 "the dataset's counts are kept");
    cr_expect_eq(by->regions, 7);

    by->regions = -1; /* as if the dataset gave Belarus no count */
    by->regions_source = PN_REGIONS_UNKNOWN;
    cr_expect_eq(pn_coverage_default_regions(rows, pn_test_hand.ds,
                                             pn_test_path("missing.json")), PN_EIO);
    cr_expect_eq(by->regions, -1, "unchanged on failure");
    cr_expect_eq(pn_coverage_default_regions(rows, pn_test_hand.ds, iso), 1);
    cr_expect_eq(by->regions, 2, "the city and the oblast, not the district");
    cr_expect_eq(by->regions_source, PN_REGIONS_ISO_3166_2);
    cr_expect_float_eq(by->share, 3.0 / 2, 1e-15);
    cr_expect_eq(row(rows, "AM")->regions, 11);
    cr_expect_eq(row(rows, "AM")->regions_source, PN_REGIONS_DATASET);
    pn_coverage_free(rows);
    pn_view_free(whole);
}

Test(coverage, country_matrix_equals_a_count_of_every_pair_on_a_random_network)
{
    enum { COUNTRIES = 9, NODES = 60, AGREEMENTS = 2000 };
    pn_dataset_t *ds;
    cr_assert_eq(pn_dataset_new(&ds, "random"), 0);
    /* codes added out of code order, so that the cells must be put in order */
    static const char *const codes[COUNTRIES] = {"UA", "AM", "GE", "BY", "KZ", "AZ", "MD",
                                                 "LT", "EE"};
    uint32_t country[COUNTRIES], node_country[NODES];
    for (int c = 0; c < COUNTRIES; c++)
        cr_assert_eq(pn_dataset_add_country(&country[c], ds, codes[c], NULL, -1), 0);
    unsigned seed = 7;
    for (int v = 0; v < NODES; v++) {
        char id[16];
        snprintf(id, sizeof id, "n%d", v);
        node_country[v] = (uint32_t)(rand_r(&seed) % COUNTRIES);
        cr_assert_eq(pn_dataset_add_node(NULL, ds, id, id, country[node_country[v]],
                                         PN_LEVEL_CITY), 0);
    }
    /* by hand: agreements and distinct node pairs of each pair of countries */
    static size_t agreements[COUNTRIES][COUNTRIES];
    static unsigned char seen[NODES][NODES];
    static size_t pairs[COUNTRIES][COUNTRIES];
    for (int i = 0; i < AGREEMENTS; i++) {
        int a = rand_r(&seed) % NODES, b = rand_r(&seed) % NODES;
        if (a == b)
            continue;
        cr_assert_eq(pn_dataset_add_agreement(NULL, ds, (uint32_t)a, (uint32_t)b, 20040000,
                                              PN_DATE_NONE, PN_KIND_TWINNING), 0);
        int ca = (int)node_country[a], cb = (int)node_country[b];
        int lo = strcmp(codes[ca], codes[cb]) <= 0 ? ca : cb, hi = lo == ca ? cb : ca;
        agreements[lo][hi]++;
        int x = a < b ? a : b, y = a < b ? b : a;
        if (!seen[x][y]++)
            pairs[lo][hi]++;
    }
    pn_view_t *whole = pn_test_view(ds, NULL);
    pn_country_matrix_t *matrix;
    cr_assert_eq(pn_country_matrix_new(&matrix, whole), 0);
    size_t cells = 0;
    char last[8] = "";
    for (int lo = 0; lo < COUNTRIES; lo++)
        for (int hi = 0; hi < COUNTRIES; hi++)
            cells += agreements[lo][hi] > 0;
    cr_assert_eq(matrix->pair_count, cells);
    for (size_t i = 0; i < matrix->pair_count; i++) {
        const pn_country_pair_t *cell = &matrix->pairs[i];
        const char *a = pn_dataset_country(ds, cell->a)->code;
        const char *b = pn_dataset_country(ds, cell->b)->code;
        int lo = -1, hi = -1;
        for (int c = 0; c < COUNTRIES; c++) {
            lo = strcmp(codes[c], a) == 0 ? c : lo;
            hi = strcmp(codes[c], b) == 0 ? c : hi;
        }
        char key[8];
        snprintf(key, sizeof key, "%s %s", a, b);
        cr_expect(strcmp(a, b) <= 0 && strcmp(last, key) < 0, "cell %zu (%s) out of order", i, key);
        cr_expect_eq(cell->agreements, agreements[lo][hi], "%s", key);
        cr_expect_eq(cell->pairs, pairs[lo][hi], "%s", key);
        memcpy(last, key, sizeof key);
    }
    pn_country_matrix_free(matrix);
    pn_view_free(whole);
    pn_dataset_free(ds);
}
