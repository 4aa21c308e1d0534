/* The native JSON writer: a dataset written and read back is the same dataset, field by field
 * (the bundled dataset, and a small one with every field and several sources); the provenance
 * list ("sources") next to the single "source" of older files. */
#include "test_common.h"

#include <math.h>

PN_TEST_SUITE(export_json);

static int same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void expect_same_source(const pn_source_t *a, const pn_source_t *b, const char *what)
{
    cr_expect(same_text(a->document, b->document), "%s: document", what);
    cr_expect_eq(a->line, b->line, "%s: line", what);
    cr_expect(same_text(a->location, b->location), "%s: location", what);
    cr_expect(same_text(a->quote, b->quote), "%s: quote", what);
    cr_expect(same_text(a->url, b->url), "%s: url", what);
}

static int same_number(double a, double b)
{
    return (isnan(a) && isnan(b)) || a == b;
}

/* Every field the model holds, but the input lines (the file written is laid out anew). */
static void expect_same_dataset(const pn_dataset_t *x, const pn_dataset_t *y)
{
    cr_expect(same_text(pn_dataset_title(x), pn_dataset_title(y)));
    cr_expect(same_text(pn_dataset_description(x), pn_dataset_description(y)));
    cr_expect(same_text(pn_dataset_license(x), pn_dataset_license(y)));
    cr_expect(same_text(pn_dataset_citation(x), pn_dataset_citation(y)));
    cr_assert_eq(pn_dataset_document_count(x), pn_dataset_document_count(y));
    for (size_t i = 0; i < pn_dataset_document_count(x); i++) {
        const pn_document_t *a = pn_dataset_document(x, i), *b = pn_dataset_document(y, i);
        cr_expect(same_text(a->id, b->id) && same_text(a->title, b->title) &&
                  same_text(a->author, b->author) && a->year == b->year &&
                  same_text(a->url, b->url) && same_text(a->note, b->note),
                  "document %s", a->id);
    }
    cr_assert_eq(pn_dataset_country_count(x), pn_dataset_country_count(y));
    for (size_t i = 0; i < pn_dataset_country_count(x); i++) {
        const pn_country_t *a = pn_dataset_country(x, i), *b = pn_dataset_country(y, i);
        cr_expect(same_text(a->code, b->code) && same_text(a->name, b->name) &&
                  a->regions == b->regions && a->regions_year == b->regions_year &&
                  same_text(a->regions_source, b->regions_source) &&
                  same_text(a->note, b->note), "country %s", a->code);
        cr_assert_eq(a->membership_count, b->membership_count, "country %s", a->code);
        for (size_t k = 0; k < a->membership_count; k++)
            cr_expect(same_text(a->memberships[k].org, b->memberships[k].org) &&
                      a->memberships[k].from == b->memberships[k].from &&
                      a->memberships[k].to == b->memberships[k].to &&
                      same_text(a->memberships[k].note, b->memberships[k].note));
    }
    cr_assert_eq(pn_dataset_node_count(x), pn_dataset_node_count(y));
    for (size_t i = 0; i < pn_dataset_node_count(x); i++) {
        const pn_node_t *a = pn_dataset_node(x, i), *b = pn_dataset_node(y, i);
        cr_expect(same_text(a->id, b->id) && same_text(a->name, b->name) &&
                  a->country == b->country && a->level == b->level &&
                  a->first_level == b->first_level && a->parent == b->parent &&
                  same_number(a->lat, b->lat) && same_number(a->lon, b->lon) &&
                  same_text(a->note, b->note), "node %s", a->id);
        cr_assert_eq(a->alias_count, b->alias_count, "node %s", a->id);
        for (size_t k = 0; k < a->alias_count; k++)
            cr_expect_str_eq(a->aliases[k], b->aliases[k]);
    }
    cr_assert_eq(pn_dataset_agreement_count(x), pn_dataset_agreement_count(y));
    for (size_t i = 0; i < pn_dataset_agreement_count(x); i++) {
        pn_agreement_t a, b;
        pn_dataset_agreement(&a, x, i);
        pn_dataset_agreement(&b, y, i);
        cr_expect(same_text(a.id, b.id) && a.a == b.a && a.b == b.b && a.date == b.date &&
                  a.end == b.end && a.kind == b.kind && same_text(a.note, b.note),
                  "agreement %s", a.id);
        cr_assert_eq(a.domain_count, b.domain_count, "agreement %s", a.id);
        for (size_t k = 0; k < a.domain_count; k++)
            cr_expect_str_eq(a.domains[k], b.domains[k]);
        cr_assert_eq(a.source_count, b.source_count, "agreement %s", a.id);
        for (size_t k = 0; k < a.source_count; k++)
            expect_same_source(&a.sources[k], &b.sources[k], a.id);
        expect_same_source(&a.source, &b.source, a.id);
    }
    cr_assert_eq(pn_dataset_reported_count(x), pn_dataset_reported_count(y));
    for (size_t i = 0; i < pn_dataset_reported_count(x); i++) {
        const pn_reported_t *a = pn_dataset_reported(x, i), *b = pn_dataset_reported(y, i);
        cr_expect(same_text(a->id, b->id) && same_text(a->metric, b->metric) &&
                  same_text(a->description, b->description) &&
                  a->country_count == b->country_count && a->party == b->party &&
                  a->kind == b->kind && a->has_value == b->has_value && a->value == b->value &&
                  same_text(a->qualifier, b->qualifier) && a->total == b->total &&
                  a->as_of == b->as_of && a->since == b->since && same_text(a->note, b->note),
                  "reported %s", a->id);
        for (size_t k = 0; k < a->country_count; k++)
            cr_expect_eq(a->countries[k], b->countries[k]);
        expect_same_source(&a->source, &b->source, a->id);
    }
}

/* Load @p path, write it, load the file written: the two must be the same. The second write
 * gives the same bytes as the first. */
static void expect_round_trip(const char *path)
{
    pn_test_load_t first = pn_test_load(path, NULL);
    cr_assert_eq(first.status, 0, "%s", pn_test_problems(&first));
    char written[512], again[512];
    snprintf(written, sizeof written, "%s", pn_test_path("written.json"));
    snprintf(again, sizeof again, "%s", pn_test_path("again.json"));
    cr_assert_eq(pn_export_dataset(first.ds, written), 0, "%s", pn_error_last());
    pn_test_load_t second = pn_test_load(written, NULL);
    cr_assert_eq(second.status, 0, "%s", pn_test_problems(&second));
    cr_expect_eq(pn_problems_total(second.problems, PN_SEVERITY_WARNING), 0,
                 "the file written has warnings:%s", pn_test_problems(&second));
    expect_same_dataset(first.ds, second.ds);
    cr_assert_eq(pn_export_dataset(second.ds, again), 0);
    char *a = pn_test_slurp(written, NULL), *b = pn_test_slurp(again, NULL);
    cr_expect_str_eq(a, b);
    free(a);
    free(b);
    pn_test_load_free(&first);
    pn_test_load_free(&second);
}

Test(export_json, bundled_dataset_reads_back_the_same)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/graphs/cis.json", getenv("PARTNET_SOURCE_ROOT"));
    expect_round_trip(path);
}

/* Every field of the format once, an agreement with two sources, one with none. */
static const char every_field[] =
    "{\"format\": \"partnet/1\", \"title\": \"T\", \"description\": \"D \\\"q\\\"\",\n"
    " \"license\": \"CC0\", \"citation\": \"C\",\n"
    " \"documents\": [{\"id\": \"m.txt\", \"title\": \"Monograph\", \"author\": \"A\", \"year\": 2021,\n"
    "                 \"url\": \"http://x\", \"note\": \"n\"}, {\"id\": \"w.csv\"}],\n"
    " \"countries\": [{\"code\": \"BY\", \"name\": \"Belarus\", \"regions\": {\"count\": 7, \"year\": 2024,\n"
    "   \"source\": \"const\"}, \"memberships\": [{\"org\": \"CIS\", \"from\": 1991},\n"
    "   {\"org\": \"X\", \"from\": 1995, \"to\": 2009, \"note\": \"left\"}], \"note\": \"cn\"},\n"
    "   {\"code\": \"AM\", \"regions\": 11}],\n"
    " \"nodes\": [\n"
    "  {\"id\": \"by-m\", \"name\": \"Minsk\", \"country\": \"BY\", \"level\": \"city\", \"first_level\": true,\n"
    "   \"aliases\": [\"\\u041c\\u0456\\u043d\\u0441\\u043a\", \"Mensk\"], \"lat\": 53.9, \"lon\": 27.566667},\n"
    "  {\"id\": \"by-v\", \"name\": \"Vitebsk Oblast\", \"country\": \"BY\", \"level\": \"region\", \"note\": \"nn\"},\n"
    "  {\"id\": \"by-o\", \"name\": \"Orsha\", \"country\": \"BY\", \"level\": \"city\", \"parent\": \"by-v\"},\n"
    "  {\"id\": \"am-s\", \"name\": \"Spitak\", \"country\": \"AM\", \"level\": \"city\"},\n"
    "  {\"id\": \"by\", \"name\": \"Belarus\", \"country\": \"BY\", \"level\": \"country\"}],\n"
    " \"agreements\": [\n"
    "  {\"id\": \"x1\", \"parties\": [\"by-o\", \"am-s\"], \"date\": \"2012-06\", \"end\": \"2020\",\n"
    "   \"kind\": \"twinning\", \"domains\": [\"culture\"], \"note\": \"two sources\",\n"
    "   \"sources\": [{\"document\": \"m.txt\", \"line\": 1799, \"quote\": \"Orsha and Spitak\"},\n"
    "                {\"document\": \"w.csv\", \"line\": 4, \"location\": \"row\", \"url\": \"http://w\"}]},\n"
    "  {\"id\": \"x2\", \"parties\": [\"by-m\", \"am-s\"], \"date\": \"2001-02-03\", \"kind\": \"other\",\n"
    "   \"source\": {\"document\": \"m.txt\", \"line\": 7}},\n"
    "  {\"id\": \"x3\", \"parties\": [\"by\", \"by-v\"], \"kind\": \"memorandum\"}],\n"
    " \"reported\": [\n"
    "  {\"id\": \"r1\", \"metric\": \"agreements\", \"countries\": [\"BY\", \"AM\"], \"kind\": \"twinning\",\n"
    "   \"value\": 21, \"qualifier\": \"exact\", \"description\": \"d\", \"as_of\": \"2020-09\",\n"
    "   \"source\": {\"document\": \"m.txt\", \"line\": 1782, \"quote\": \"21\"}, \"note\": \"rn\"},\n"
    "  {\"id\": \"r2\", \"metric\": \"regions_covered\", \"countries\": [\"BY\"], \"qualifier\": \"all\",\n"
    "   \"total\": 7},\n"
    "  {\"id\": \"r3\", \"metric\": \"partners\", \"party\": \"by-m\", \"value\": 2.5,\n"
    "   \"qualifier\": \"about\", \"as_of\": \"2019\", \"since\": \"2018\"}]}\n";

Test(export_json, every_field_reads_back_the_same)
{
    expect_round_trip(pn_test_file("every.json", every_field));
}

Test(export_json, several_sources_are_one_agreement_with_a_list)
{
    pn_test_load_t r = pn_test_load_text("every.json", every_field, NULL);
    cr_assert_eq(r.status, 0, "%s", pn_test_problems(&r));
    pn_agreement_t a;
    pn_dataset_agreement(&a, r.ds, 0);
    cr_assert_eq(a.source_count, 2);
    cr_expect_str_eq(a.sources[0].document, "m.txt");
    cr_expect_eq(a.sources[0].line, 1799);
    cr_expect_str_eq(a.sources[1].document, "w.csv");
    cr_expect_eq(a.sources[1].line, 4);
    cr_expect_str_eq(a.sources[1].url, "http://w");
    cr_expect_str_eq(a.source.document, "m.txt", "source is the first of the list");
    pn_dataset_agreement(&a, r.ds, 1);
    cr_expect_eq(a.source_count, 1, "the single source of older files");
    cr_expect_eq(a.sources[0].line, 7);
    pn_dataset_agreement(&a, r.ds, 2);
    cr_expect_eq(a.source_count, 0);
    cr_expect_null(a.sources);
    pn_test_load_free(&r);
}

Test(export_json, rejects_source_and_sources_together_and_an_empty_list)
{
    pn_test_load_t r = pn_test_load_text(
        "both.json",
        "{\"nodes\": [{\"id\": \"a\", \"name\": \"A\", \"country\": \"BY\", \"level\": \"city\"},\n"
        "  {\"id\": \"b\", \"name\": \"B\", \"country\": \"BY\", \"level\": \"city\"}],\n"
        " \"agreements\": [\n"
        "  {\"id\": \"1\", \"parties\": [\"a\", \"b\"], \"kind\": \"other\", \"source\": {\"document\": \"d\"},\n"
        "   \"sources\": [{\"document\": \"d\"}]},\n"
        "  {\"id\": \"2\", \"parties\": [\"a\", \"b\"], \"kind\": \"other\", \"sources\": []},\n"
        "  {\"id\": \"3\", \"parties\": [\"a\", \"b\"], \"kind\": \"other\", \"sources\": [{\"line\": 3}]}]}\n",
        NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "both.json:4:", "agreement \"1\"", "give one of them");
    PN_EXPECT_ERROR(r, "both.json:6:", "agreement \"2\"", "\"sources\"", "an empty list");
    PN_EXPECT_ERROR(r, "both.json:7:", "agreement \"3\"", "field \"document\" is missing");
    pn_test_load_free(&r);
}

Test(export_json, pair_list_rows_get_ids_and_unresolved_countries_are_refused)
{
    pn_test_load_t r = pn_test_load_text("pairs.csv",
                                         "city1,country1,city2,country2\n"
                                         "Orsha,Belarus,Spitak,Armenia\n"
                                         "Minsk,Belarus,Nowhere,Atlantis\n",
                                         NULL);
    cr_assert_eq(r.status, 0, "%s", pn_test_problems(&r));
    const char *out = pn_test_path("pairs.json");
    cr_expect_eq(pn_export_dataset(r.ds, out), PN_EINVALID);
    cr_expect(strstr(pn_error_last(), "\"Atlantis:Nowhere\"") &&
              strstr(pn_error_last(), "in Atlantis"), "%s", pn_error_last());
    cr_expect_neq(access(out, F_OK), 0, "nothing is written");
    pn_test_load_free(&r);

    r = pn_test_load_text("pairs.csv", "city1,country1,city2,country2\n"
                                       "Orsha,Belarus,Spitak,Armenia\n"
                                       "Minsk,Belarus,Spitak,Armenia\n", NULL);
    cr_assert_eq(r.status, 0);
    cr_assert_eq(pn_export_dataset(r.ds, out), 0, "%s", pn_error_last());
    char *text = pn_test_slurp(out, NULL);
    /* the list states no kind: twinning is its default, written as not stated */
    cr_expect(strstr(text, "{\"id\":\"a1\",\"parties\":[\"BY:Orsha\",\"AM:Spitak\"],"
                           "\"kind\":\"twinning\",\"kind_stated\":false}"), "%s", text);
    cr_expect(strstr(text, "{\"id\":\"a2\",\"parties\":[\"BY:Minsk\",\"AM:Spitak\"]"), "%s", text);
    free(text);
    pn_test_load_free(&r);
}
