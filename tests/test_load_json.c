/* The native JSON loader: a valid dataset read field by field, and every invalid case reported
 * with its file, line and field. */
#include "test_common.h"

#include <math.h>

PN_TEST_SUITE(load_json);

/* Lines are numbered in comments: messages must name them. */
static const char valid[] =
    "{\n"                                                                        /* 1 */
    " \"format\": \"partnet/1\", \"title\": \"Test\",\n"                         /* 2 */
    " \"documents\": [{\"id\": \"mono.txt\", \"title\": \"Monograph\", \"year\": 2021}],\n" /* 3 */
    " \"countries\": [\n"                                                        /* 4 */
    "  {\"code\": \"BY\", \"regions\": 7,\n"                                     /* 5 */
    "   \"memberships\": [{\"org\": \"CIS\", \"from\": 1991}, {\"org\": \"EAEU\", \"from\": 2015}]},\n" /* 6 */
    "  {\"code\": \"AM\", \"name\": \"Armenia\", \"regions\": {\"count\": 11, \"year\": 2014, \"source\": \"line 307\"}}\n" /* 7 */
    " ],\n"                                                                      /* 8 */
    " \"nodes\": [\n"                                                            /* 9 */
    "  {\"id\": \"by-vitebsk-oblast\", \"name\": \"Vitebsk Oblast\", \"country\": \"BY\", \"level\": \"region\", \"lat\": 55.19, \"lon\": 30.2},\n" /* 10 */
    "  {\"id\": \"by-vitebsk\", \"name\": \"Vitebsk\", \"country\": \"BY\", \"level\": \"city\",\n" /* 11 */
    "   \"parent\": \"by-vitebsk-oblast\", \"aliases\": [\"Viciebsk\", \"Witebsk\"]},\n" /* 12 */
    "  {\"id\": \"by-minsk\", \"name\": \"Minsk\", \"country\": \"BY\", \"level\": \"city\", \"first_level\": true},\n" /* 13 */
    "  {\"id\": \"am-lori\", \"name\": \"Lori Province\", \"country\": \"AM\", \"level\": \"region\"},\n" /* 14 */
    "  {\"id\": \"by\", \"name\": \"Republic of Belarus\", \"country\": \"BY\", \"level\": \"country\"},\n" /* 15 */
    "  {\"id\": \"ru-tatarstan\", \"name\": \"Tatarstan\", \"country\": \"RU\", \"level\": \"region\"}\n" /* 16 */
    " ],\n"                                                                      /* 17 */
    " \"agreements\": [\n"                                                       /* 18 */
    "  {\"id\": \"a1\", \"parties\": [\"by-vitebsk-oblast\", \"am-lori\"], \"date\": \"2012-06\", \"kind\": \"twinning\",\n" /* 19 */
    "   \"source\": {\"document\": \"mono.txt\", \"line\": 1797, \"quote\": \"the Vitebsk region and the Lori Marz\"}},\n" /* 20 */
    "  {\"id\": \"a2\", \"parties\": [\"by-vitebsk\", \"am-lori\"], \"date\": \"2012\", \"end\": \"2020\", \"kind\": \"programme\",\n" /* 21 */
    "   \"domains\": [\"culture\", \"trade\"], \"note\": \"a programme\"},\n"   /* 22 */
    "  {\"id\": \"a3\", \"parties\": [\"by-vitebsk-oblast\", \"am-lori\"], \"date\": null, \"kind\": \"memorandum\"},\n" /* 23 */
    "  {\"id\": \"a4\", \"parties\": [\"by\", \"ru-tatarstan\"], \"date\": \"2004-06-23\", \"kind\": \"cooperation_agreement\"}\n" /* 24 */
    " ],\n"                                                                      /* 25 */
    " \"reported\": [\n"                                                         /* 26 */
    "  {\"id\": \"r1\", \"metric\": \"agreements\", \"countries\": [\"BY\", \"AM\"], \"kind\": \"twinning\", \"value\": 21,\n" /* 27 */
    "   \"source\": {\"document\": \"mono.txt\", \"line\": 1782}},\n"          /* 28 */
    "  {\"id\": \"r2\", \"metric\": \"regions_covered\", \"countries\": [\"AM\"], \"value\": 10, \"total\": 11, \"as_of\": \"2014\"},\n" /* 29 */
    "  {\"id\": \"r3\", \"metric\": \"regions_covered\", \"countries\": [\"BY\"], \"qualifier\": \"all\"}\n" /* 30 */
    " ]\n"                                                                       /* 31 */
    "}\n";

Test(load_json, reads_every_field_of_a_valid_dataset)
{
    pn_test_load_t r = pn_test_load_text("valid.json", valid, NULL);
    cr_assert_eq(r.status, 0, "%s", pn_test_problems(&r));
    const pn_dataset_t *ds = r.ds;
    cr_expect_str_eq(pn_dataset_title(ds), "Test");
    cr_expect_eq(pn_dataset_node_count(ds), 6);
    cr_expect_eq(pn_dataset_agreement_count(ds), 4);
    cr_expect_eq(pn_dataset_country_count(ds), 3, "BY, AM listed; RU added for Tatarstan");
    cr_expect_eq(pn_dataset_document_count(ds), 1);
    cr_expect_eq(pn_dataset_reported_count(ds), 3);

    uint32_t by, ru;
    cr_assert_eq(pn_dataset_find_country(&by, ds, "BY"), 0);
    cr_expect_eq(pn_dataset_country(ds, by)->regions, 7);
    cr_expect_str_eq(pn_dataset_country(ds, by)->name, "Belarus", "default: the ISO name");
    cr_expect_eq(pn_dataset_country(ds, by)->membership_count, 2);
    cr_expect_str_eq(pn_dataset_country(ds, by)->memberships[1].org, "EAEU");
    cr_expect_eq(pn_dataset_country(ds, by)->memberships[1].from, 2015);
    cr_assert_eq(pn_dataset_find_country(&ru, ds, "RU"), 0);
    cr_expect_eq(pn_dataset_country(ds, ru)->regions, -1, "no count given");
    uint32_t am;
    cr_assert_eq(pn_dataset_find_country(&am, ds, "AM"), 0);
    cr_expect_eq(pn_dataset_country(ds, am)->regions_year, 2014);
    cr_expect_str_eq(pn_dataset_country(ds, am)->regions_source, "line 307");

    uint32_t city, oblast;
    cr_assert_eq(pn_dataset_find_node(&city, ds, "by-vitebsk"), 0);
    cr_assert_eq(pn_dataset_find_node(&oblast, ds, "by-vitebsk-oblast"), 0);
    const pn_node_t *n = pn_dataset_node(ds, city);
    cr_expect_str_eq(n->name, "Vitebsk");
    cr_expect_eq(n->level, PN_LEVEL_CITY);
    cr_expect_eq(n->parent, oblast);
    cr_expect_eq(n->alias_count, 2);
    cr_expect_str_eq(n->aliases[1], "Witebsk");
    cr_expect_eq(n->line, 11);
    cr_expect(isnan(n->lat), "no coordinates given");
    cr_expect_float_eq(pn_dataset_node(ds, oblast)->lat, 55.19, 1e-12);
    uint32_t minsk;
    cr_assert_eq(pn_dataset_find_node(&minsk, ds, "by-minsk"), 0);
    cr_expect(pn_dataset_node(ds, minsk)->first_level);
    cr_expect_not(n->first_level);

    pn_agreement_t a;
    pn_dataset_agreement(&a, ds, 0);
    cr_expect_str_eq(a.id, "a1");
    cr_expect_eq(a.a, oblast);
    cr_expect_eq(a.kind, PN_KIND_TWINNING);
    cr_expect_eq(a.date, 20120600);
    cr_expect_eq(a.end, PN_DATE_NONE);
    cr_expect_str_eq(a.source.document, "mono.txt");
    cr_expect_eq(a.source.line, 1797);
    cr_expect_str_eq(a.source.quote, "the Vitebsk region and the Lori Marz");
    cr_expect_eq(a.line, 19);
    pn_dataset_agreement(&a, ds, 1);
    cr_expect_eq(a.end, 20200000);
    cr_expect_eq(a.domain_count, 2);
    cr_expect_str_eq(a.domains[0], "culture");
    cr_expect_str_eq(a.note, "a programme");
    cr_expect_null(a.source.document);
    pn_dataset_agreement(&a, ds, 2);
    cr_expect_eq(a.date, PN_DATE_NONE, "null date: unknown");

    const pn_reported_t *rep = pn_dataset_reported(ds, 0);
    cr_expect_str_eq(rep->metric, "agreements");
    cr_expect_eq(rep->country_count, 2);
    cr_expect_eq(rep->kind, PN_KIND_TWINNING);
    cr_expect_float_eq(rep->value, 21, 0);
    cr_expect_str_eq(rep->qualifier, "exact");
    cr_expect_eq(pn_dataset_reported(ds, 1)->total, 11);
    cr_expect_eq(pn_dataset_reported(ds, 1)->as_of, 20140000);
    cr_expect_not(pn_dataset_reported(ds, 2)->has_value);
    pn_test_load_free(&r);
}

Test(load_json, notes_what_lacks_a_source_or_a_date)
{
    pn_test_load_t r = pn_test_load_text("valid.json", valid, NULL);
    cr_assert_eq(r.status, 0);
    cr_expect(pn_test_has_problem(&r, PN_SEVERITY_NOTE, "valid.json:21: agreement \"a2\" has no source", NULL),
              "%s", pn_test_problems(&r));
    cr_expect(pn_test_has_problem(&r, PN_SEVERITY_NOTE, "valid.json:23: agreement \"a3\" has no date", NULL));
    cr_expect(pn_test_has_problem(&r, PN_SEVERITY_NOTE, "country RU", "no count", NULL));
    cr_expect_eq(pn_problems_total(r.problems, PN_SEVERITY_ERROR), 0);
    pn_test_load_free(&r);
}

/* A dataset with one agreement line replaced. */
static pn_test_load_t with_agreement(const char *agreement)
{
    static char text[4096];
    snprintf(text, sizeof text,
             "{\"nodes\": [\n"
             " {\"id\": \"x\", \"name\": \"X\", \"country\": \"BY\", \"level\": \"region\"},\n"
             " {\"id\": \"y\", \"name\": \"Y\", \"country\": \"AM\", \"level\": \"city\"}\n"
             "],\n"
             "\"agreements\": [\n"
             " {\"id\": \"ok\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\"},\n"
             " %s\n"
             "]}\n",
             agreement);
    return pn_test_load_text("agreement.json", text, NULL);
}

#define EXPECT_AGREEMENT_ERROR(agreement, ...)                                                     \
    do {                                                                                           \
        pn_test_load_t r = with_agreement(agreement);                                              \
        cr_expect_eq(r.status, PN_EINVALID);                                                       \
        PN_EXPECT_ERROR(r, "agreement.json:7: ", __VA_ARGS__);                                     \
        pn_test_load_free(&r);                                                                     \
    } while (0)

Test(load_json, rejects_agreement_with_unknown_party)
{
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"parties\": [\"x\", \"zz\"], \"kind\": \"other\"}",
                           "agreement \"a17\"", "no node has the id \"zz\"");
}

Test(load_json, rejects_agreement_of_a_party_with_itself)
{
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"parties\": [\"x\", \"x\"], \"kind\": \"other\"}",
                           "with itself");
}

Test(load_json, rejects_impossible_dates)
{
    EXPECT_AGREEMENT_ERROR(
        "{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\", \"date\": \"2018-13\"}",
        "agreement \"a17\": field \"date\": \"2018-13\": month 13 does not exist");
    EXPECT_AGREEMENT_ERROR(
        "{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\", \"date\": \"2018-13-45\"}",
        "field \"date\"", "month 13");
    EXPECT_AGREEMENT_ERROR(
        "{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\", \"date\": \"20xx\"}",
        "field \"date\": \"20xx\": expected YYYY, YYYY-MM or YYYY-MM-DD");
    EXPECT_AGREEMENT_ERROR(
        "{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\", \"end\": \"2019-02-29\"}",
        "field \"end\"", "February 2019 has 28 days");
}

Test(load_json, rejects_end_before_start)
{
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": \"programme\", "
                           "\"date\": \"2018-05\", \"end\": \"2017\"}",
                           "agreement \"a17\": ends 2017, before it was signed (2018-05)");
}

Test(load_json, accepts_end_in_the_year_of_signing)
{
    pn_test_load_t r = with_agreement("{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": "
                                      "\"programme\", \"date\": \"2018-05\", \"end\": \"2018\"}");
    cr_expect_eq(r.status, 0, "%s", pn_test_problems(&r));
    pn_test_load_free(&r);
}

Test(load_json, rejects_unknown_kind)
{
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": \"treaty\"}",
                           "field \"kind\": expected twinning, cooperation_agreement", "\"treaty\"");
}

Test(load_json, rejects_missing_required_fields)
{
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"parties\": [\"x\", \"y\"]}",
                           "field \"kind\" is missing");
    EXPECT_AGREEMENT_ERROR("{\"parties\": [\"x\", \"y\"], \"kind\": \"other\"}",
                           "agreements[1]: field \"id\" is missing");
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"kind\": \"other\"}", "field \"parties\" is missing");
}

Test(load_json, rejects_wrong_types)
{
    EXPECT_AGREEMENT_ERROR("{\"id\": 17, \"parties\": [\"x\", \"y\"], \"kind\": \"other\"}",
                           "field \"id\": expected a string, found a number");
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"parties\": \"x,y\", \"kind\": \"other\"}",
                           "field \"parties\": expected a list of two node ids, found a string");
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"parties\": [\"x\", \"y\", \"x\"], \"kind\": \"other\"}",
                           "expected a list of two node ids");
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\", "
                           "\"date\": 2018}",
                           "field \"date\": expected a string, found a number");
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\", "
                           "\"source\": {\"document\": \"d\", \"line\": \"12\"}}",
                           "field \"line\": expected a whole number, found a string");
    EXPECT_AGREEMENT_ERROR("{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\", "
                           "\"source\": {\"document\": \"d\", \"line\": 1e300}}",
                           "field \"line\": expected a whole number from 1");
    EXPECT_AGREEMENT_ERROR("[1, 2]", "agreements[1]: expected an object { ... }, found a list");
}

Test(load_json, rejects_duplicate_agreement_ids)
{
    EXPECT_AGREEMENT_ERROR("{\"id\": \"ok\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\"}",
                           "agreement \"ok\": another agreement has this id (line 6)");
}

Test(load_json, warns_about_unknown_fields)
{
    pn_test_load_t r = with_agreement("{\"id\": \"a17\", \"parties\": [\"x\", \"y\"], \"kind\": "
                                      "\"other\", \"dtae\": \"2018\"}");
    cr_expect_eq(r.status, 0);
    PN_EXPECT_WARNING(r, "agreement.json:7: agreement \"a17\": unknown field \"dtae\" ignored");
    pn_test_load_free(&r);
}

/* A dataset with one node line replaced (line 3). */
static pn_test_load_t with_node(const char *node)
{
    static char text[4096];
    snprintf(text, sizeof text,
             "{\"nodes\": [\n"
             " {\"id\": \"x\", \"name\": \"X\", \"country\": \"BY\", \"level\": \"region\"},\n"
             " %s\n"
             "]}\n",
             node);
    return pn_test_load_text("node.json", text, NULL);
}

#define EXPECT_NODE_ERROR(node, ...)                                                               \
    do {                                                                                           \
        pn_test_load_t r = with_node(node);                                                        \
        cr_expect_eq(r.status, PN_EINVALID);                                                       \
        PN_EXPECT_ERROR(r, "node.json:3: ", __VA_ARGS__);                                          \
        pn_test_load_free(&r);                                                                     \
    } while (0)

Test(load_json, rejects_duplicate_node_ids)
{
    EXPECT_NODE_ERROR("{\"id\": \"x\", \"name\": \"X2\", \"country\": \"BY\", \"level\": \"city\"}",
                      "node \"x\": another node has this id (line 2)");
}

Test(load_json, rejects_unknown_country_code_level_and_parent)
{
    EXPECT_NODE_ERROR("{\"id\": \"y\", \"name\": \"Y\", \"country\": \"QQ\", \"level\": \"city\"}",
                      "node \"y\": field \"country\": \"QQ\" is not an ISO 3166-1 alpha-2 country code");
    EXPECT_NODE_ERROR("{\"id\": \"y\", \"name\": \"Y\", \"country\": \"Belarus\", \"level\": \"city\"}",
                      "\"Belarus\" is not an ISO 3166-1 alpha-2 country code");
    EXPECT_NODE_ERROR("{\"id\": \"y\", \"name\": \"Y\", \"country\": \"BY\", \"level\": \"oblast\"}",
                      "field \"level\": expected country, region, district or city, found \"oblast\"");
    EXPECT_NODE_ERROR("{\"id\": \"y\", \"name\": \"Y\", \"country\": \"BY\", \"level\": \"city\", "
                      "\"parent\": \"nowhere\"}",
                      "field \"parent\": no node has the id \"nowhere\"");
}

Test(load_json, rejects_parent_of_the_wrong_level_or_country)
{
    EXPECT_NODE_ERROR("{\"id\": \"y\", \"name\": \"Y\", \"country\": \"BY\", \"level\": \"region\", "
                      "\"parent\": \"x\"}",
                      "parent \"x\" is a region, but the parent of a region must be a region");
    pn_test_load_t r = pn_test_load_text(
        "parent.json",
        "{\"nodes\": [\n"
        " {\"id\": \"x\", \"name\": \"X\", \"country\": \"BY\", \"level\": \"region\"},\n"
        " {\"id\": \"y\", \"name\": \"Y\", \"country\": \"AM\", \"level\": \"city\", \"parent\": \"x\"}\n"
        "]}",
        NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "parent.json:3: node \"y\": parent \"x\" is in BY, not in AM");
    pn_test_load_free(&r);
}

Test(load_json, rejects_coordinates_out_of_range)
{
    EXPECT_NODE_ERROR("{\"id\": \"y\", \"name\": \"Y\", \"country\": \"BY\", \"level\": \"city\", "
                      "\"lat\": 95, \"lon\": 30}",
                      "field \"lat\": expected a number from -90 to 90, found 95");
    EXPECT_NODE_ERROR("{\"id\": \"y\", \"name\": \"Y\", \"country\": \"BY\", \"level\": \"city\", "
                      "\"lat\": 50}",
                      "fields \"lat\" and \"lon\" go together");
}

Test(load_json, lists_every_problem_not_just_the_first)
{
    pn_test_load_t r = pn_test_load_text(
        "many.json",
        "{\"nodes\": [\n"
        " {\"id\": \"x\", \"name\": \"X\", \"country\": \"QQ\", \"level\": \"region\"},\n"
        " {\"id\": \"y\", \"name\": \"Y\", \"country\": \"BY\", \"level\": \"town\"}\n"
        "],\n"
        "\"agreements\": [\n"
        " {\"id\": \"a\", \"parties\": [\"x\", \"nobody\"], \"kind\": \"other\"},\n"
        " {\"id\": \"b\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\", \"date\": \"2018-02-30\"}\n"
        "]}",
        NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    cr_expect_eq(pn_problems_total(r.problems, PN_SEVERITY_ERROR), 4, "%s", pn_test_problems(&r));
    PN_EXPECT_ERROR(r, "many.json:2:", "QQ");
    PN_EXPECT_ERROR(r, "many.json:3:", "town");
    PN_EXPECT_ERROR(r, "many.json:6:", "nobody");
    PN_EXPECT_ERROR(r, "many.json:7:", "February 2018 has 28 days");
    cr_expect(strstr(pn_error_last(), "many.json:2:") != NULL,
              "pn_error_last() keeps the first error, not the last: %s", pn_error_last());
    pn_test_load_free(&r);
}

Test(load_json, reports_malformed_json_with_line_and_column)
{
    pn_test_load_t r = pn_test_load_text("bad.json", "{\"nodes\": [\n {\"id\": \"x\",, }\n]}", NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "bad.json:2:", "malformed JSON");
    pn_test_load_free(&r);

    r = pn_test_load_text("truncated.json", "{\"nodes\": [\n {\"id\": \"x\"", NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "truncated.json:2:12: malformed JSON: expected the rest of the list or "
                    "object, found the end of the file");
    pn_test_load_free(&r);

    r = pn_test_load_text("truncated.json", "{\"nodes\": [\n {\"id\": \"x\", ", NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "truncated.json:2:14: malformed JSON: expected the rest of the list or "
                    "object, found the end of the file");
    pn_test_load_free(&r);

    r = pn_test_load_text("unclosed.json", "{\"nodes\": [\n {\"id\": \"x\\\"y}]}", NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "unclosed.json:2:9: malformed JSON: the string that starts here has no "
                    "closing quote");
    pn_test_load_free(&r);

    r = pn_test_load_text("list.json", "[1, 2, 3]", NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "list.json:1:1: malformed JSON: expected a JSON object");
    pn_test_load_free(&r);

    r = pn_test_load_text("trailing.json", "{}\n{}", NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "trailing.json:2:1:", "nothing after the closing");
    pn_test_load_free(&r);
}

Test(load_json, rejects_json_nested_thousands_deep)
{
    size_t depth = 5000;
    char *text = malloc(2 * depth + 64);
    strcpy(text, "{\"title\": ");
    size_t n = strlen(text);
    for (size_t i = 0; i < depth; i++)
        text[n++] = '[';
    for (size_t i = 0; i < depth; i++)
        text[n++] = ']';
    strcpy(text + n, "}");
    pn_test_load_t r = pn_test_load_text("deep.json", text, NULL);
    free(text);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "deep.json:1:1011: malformed JSON: expected lists and objects nested at "
                    "most 1000 deep, found \"[[[[");
    pn_test_load_free(&r);
}

Test(load_json, reports_a_wrong_number_once)
{
    pn_test_load_t r = pn_test_load_text(
        "numbers.json",
        "{\"nodes\": [\n"
        " {\"id\": \"x\", \"name\": \"X\", \"country\": \"BY\", \"level\": \"city\", \"lat\": \"55.1\", \"lon\": 30},\n"
        " {\"id\": \"y\", \"name\": \"Y\", \"country\": \"BY\", \"level\": \"city\", \"lat\": 55.1}],\n"
        "\"reported\": [{\"id\": \"r\", \"metric\": \"agreements\", \"value\": 1e999}]}",
        NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "numbers.json:2: node \"x\": field \"lat\": expected a number, found a string");
    PN_EXPECT_ERROR(r, "numbers.json:3: node \"y\": fields \"lat\" and \"lon\" go together");
    PN_EXPECT_ERROR(r, "numbers.json:4: reported figure \"r\": field \"value\": expected a number "
                    "from 0 to 1e+12, found inf");
    cr_expect_eq(pn_problems_total(r.problems, PN_SEVERITY_ERROR), 3,
                 "a wrong number is not also a missing one:%s", pn_test_problems(&r));
    pn_test_load_free(&r);
}

Test(load_json, names_a_bad_value_without_blaming_nesting)
{
    pn_test_load_t r = pn_test_load_text("nan.json", "{\"nodes\": [{\"id\": \"x\", \"lat\": NaN}]}",
                                         NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "nan.json:1:31: malformed JSON: expected a value (string in double quotes, "
                    "number, object, list, true, false or null), found \"NaN}]}\"");
    cr_expect(strstr(pn_error_last(), "deep") == NULL, "%s", pn_error_last());
    pn_test_load_free(&r);
}

Test(load_json, rejects_invalid_utf8_and_nul_escapes)
{
    pn_test_load_t r = pn_test_load_text("latin1.json", "{\"title\": \"\n caf\xe9\"}", NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "latin1.json:2:5: invalid UTF-8");
    pn_test_load_free(&r);

    r = pn_test_load_text("nul.json", "{\"title\": \"a\\u0000b\"}", NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "nul.json:1:", "NUL");
    pn_test_load_free(&r);
}

Test(load_json, rejects_a_key_given_twice_at_its_line)
{
    pn_test_load_t r = pn_test_load_text("twice.json",
                                         "{\"nodes\": [\n"
                                         " {\"id\": \"a\", \"name\": \"A\", \"country\": \"BY\",\n"
                                         "  \"level\": \"city\", \"id\": \"b\"}]}\n", NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "twice.json:3: \"id\" is given twice in one object");
    pn_test_load_free(&r);
}

Test(load_json, rejects_half_a_surrogate_pair)
{
    pn_test_load_t r = pn_test_load_text("half.json", "{\"title\": \"a\\uD83Db\"}", NULL);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "half.json:1:13: \"\\uD83D\" is half of a UTF-16 surrogate pair");
    pn_test_load_free(&r);

    r = pn_test_load_text("pair.json", "{\"title\": \"a\\uD83D\\uDE00b\"}", NULL);
    cr_expect_eq(r.status, 0, "a whole pair is one character");
    pn_test_load_free(&r);
}

Test(load_json, refuses_a_record_past_the_limit_it_is_given)
{
    pn_load_options_t opts = PN_LOAD_OPTIONS_INIT;
    opts.max_record = 16;
    pn_test_load_t r = pn_test_load_text("long.json", "{\"title\": \"0123456789\",\n"
                                         " \"description\": \"0123456789abcdef\"}", &opts);
    cr_expect_eq(r.status, PN_EPARSE);
    PN_EXPECT_ERROR(r, "long.json:2: a value longer than 16 bytes starts here");
    pn_test_load_free(&r);

    opts.max_record = 20;
    r = pn_test_load_text("long.json", "{\"title\": \"0123456789\",\n"
                          " \"description\": \"0123456789abcdef\"}", &opts);
    cr_expect_eq(r.status, 0, "%s", pn_error_last());
    pn_test_load_free(&r);
}

Test(load_json, reads_a_byte_order_mark_and_crlf)
{
    pn_test_load_t r = pn_test_load_text(
        "bom.json",
        "\xEF\xBB\xBF{\"nodes\": [\r\n {\"id\": \"x\", \"name\": \"X\", \"country\": \"BY\", "
        "\"level\": \"region\"},\r\n {\"id\": \"y\", \"name\": \"Y\", \"country\": \"BY\", "
        "\"level\": \"region\"}],\r\n\"agreements\": [\r\n {\"id\": \"a\", \"parties\": [\"x\", \"y\"], "
        "\"kind\": \"other\", \"date\": \"2018-13\"}]}",
        NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "bom.json:5: agreement \"a\": field \"date\"", "month 13");
    pn_test_load_free(&r);
}

Test(load_json, rejects_unknown_format_and_duplicate_sections)
{
    pn_test_load_t r = pn_test_load_text("format.json", "{\"format\": \"partnet/9\"}", NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "reads \"partnet/1\", not \"partnet/9\"");
    pn_test_load_free(&r);

    r = pn_test_load_text("twice.json", "{\"nodes\": [],\n \"nodes\": []}", NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "twice.json:2: field \"nodes\" appears twice");
    pn_test_load_free(&r);
}

Test(load_json, warns_of_unknown_top_fields_at_their_line)
{
    pn_test_load_t r = pn_test_load_text("top.json", "{\"title\": \"A\",\n \"Title\": \"B\",\n"
                                         " \"nodes\": []}", NULL);
    cr_expect_eq(r.status, 0, "a field that differs only in case is another field:%s",
                 pn_test_problems(&r));
    PN_EXPECT_WARNING(r, "top.json:2: top object: unknown field \"Title\" ignored");
    cr_expect_str_eq(pn_dataset_title(r.ds), "A");
    pn_test_load_free(&r);

    r = pn_test_load_text("twice.json", "{\"title\": \"A\",\n \"title\": \"B\"}", NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "twice.json:2: field \"title\" appears twice");
    pn_test_load_free(&r);
}

/* A hang guard, not a timing: each unknown top-level field was looked up among all the
 * earlier ones, which took minutes for 200,000 of them; it takes a second now. */
Test(load_json, reads_many_unknown_top_fields_in_linear_time, .timeout = 30)
{
    enum { FIELDS = 200000 };
    size_t cap = 16 + (size_t)FIELDS * 24, used = 1;
    char *text = malloc(cap);
    cr_assert_not_null(text);
    text[0] = '{';
    for (int i = 0; i < FIELDS; i++)
        used += (size_t)snprintf(text + used, cap - used, "\"f%d\": 0,\n", i);
    snprintf(text + used, cap - used, "\"nodes\": []}");
    pn_test_load_t r = pn_test_load_text("fields.json", text, NULL);
    free(text);
    cr_expect_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_expect_eq(pn_problems_total(r.problems, PN_SEVERITY_WARNING), FIELDS + 1,
                 "a warning per field, and one for the empty dataset");
    PN_EXPECT_WARNING(r, "fields.json:10000: top object: unknown field \"f9999\" ignored");
    pn_test_load_free(&r);
}

Test(load_json, a_network_with_no_agreements_is_valid)
{
    pn_test_load_t r = pn_test_load_text("empty.json", "{}", NULL);
    cr_expect_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_expect_eq(pn_dataset_node_count(r.ds), 0);
    cr_expect_eq(pn_dataset_agreement_count(r.ds), 0);
    PN_EXPECT_WARNING(r, "empty.json: the dataset is empty: no nodes, no agreements");
    pn_test_load_free(&r);

    r = pn_test_load_text("lonely.json", "{\"nodes\": [{\"id\": \"x\", \"name\": \"X\", "
                          "\"country\": \"BY\", \"level\": \"city\"}], \"agreements\": []}", NULL);
    cr_expect_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_expect_eq(pn_dataset_node_count(r.ds), 1);
    PN_EXPECT_WARNING(r, "lonely.json: the dataset has no agreements, only 1 node");
    pn_test_load_free(&r);

    /* agreements left out for their errors are not missing: no warning then */
    r = pn_test_load_text("failed.json", "{\"nodes\": [{\"id\": \"x\", \"name\": \"X\", "
                          "\"country\": \"BY\", \"level\": \"city\"}], \"agreements\": "
                          "[{\"id\": \"a\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\"}]}",
                          NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    cr_expect_eq(pn_problems_total(r.problems, PN_SEVERITY_WARNING), 0, "%s",
                 pn_test_problems(&r));
    pn_test_load_free(&r);
}

Test(load_json, rejects_sources_citing_unlisted_documents)
{
    pn_test_load_t r = pn_test_load_text(
        "docs.json",
        "{\"documents\": [{\"id\": \"mono.txt\"}],\n"
        "\"nodes\": [{\"id\": \"x\", \"name\": \"X\", \"country\": \"BY\", \"level\": \"region\"},\n"
        " {\"id\": \"y\", \"name\": \"Y\", \"country\": \"BY\", \"level\": \"region\"}],\n"
        "\"agreements\": [\n"
        " {\"id\": \"a\", \"parties\": [\"x\", \"y\"], \"kind\": \"other\", \"source\": {\"document\": \"other.txt\"}}]}",
        NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "docs.json:5:", "source document \"other.txt\" is not in the dataset's documents");
    pn_test_load_free(&r);
}

Test(load_json, rejects_bad_reported_figures)
{
    pn_test_load_t r = pn_test_load_text(
        "reported.json",
        "{\"reported\": [\n"
        " {\"id\": \"r1\", \"metric\": \"documents\", \"value\": 3},\n"
        " {\"id\": \"r2\", \"metric\": \"agreements\", \"countries\": [\"BY\", \"QQ\"], \"value\": 3},\n"
        " {\"id\": \"r3\", \"metric\": \"agreements\"},\n"
        " {\"id\": \"r4\", \"metric\": \"agreements\", \"value\": 3, \"since\": \"2019\"}\n"
        "]}",
        NULL);
    cr_expect_eq(r.status, PN_EINVALID);
    PN_EXPECT_ERROR(r, "reported.json:2: reported figure \"r1\": field \"metric\"");
    PN_EXPECT_ERROR(r, "reported.json:3:", "\"QQ\" is not an ISO 3166-1");
    PN_EXPECT_ERROR(r, "reported.json:4:", "field \"value\" is missing");
    PN_EXPECT_ERROR(r, "reported.json:5:", "field \"since\": a period needs an as_of date");
    pn_test_load_free(&r);
}

Test(load_json, reads_from_standard_input)
{
    const char *path = pn_test_file("stdin.json", valid);
    FILE *saved = stdin;
    stdin = fopen(path, "rb");
    cr_assert_not_null(stdin);
    pn_test_load_t r = pn_test_load("-", NULL);
    fclose(stdin);
    stdin = saved;
    cr_expect_eq(r.status, 0, "%s", pn_test_problems(&r));
    cr_expect_eq(pn_dataset_agreement_count(r.ds), 4);
    cr_expect_str_eq(pn_dataset_name(r.ds), "<stdin>");
    pn_test_load_free(&r);
}

Test(load_json, missing_file_is_an_io_error)
{
    pn_test_load_t r = pn_test_load("/nonexistent/data.json", NULL);
    cr_expect_eq(r.status, PN_EIO);
    cr_expect(strstr(pn_error_last(), "/nonexistent/data.json: cannot open") != NULL, "%s",
              pn_error_last());
    pn_test_load_free(&r);
}
