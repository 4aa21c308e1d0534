/* pn_dataset_merge() on small datasets worked by hand: which nodes are one, which agreements
 * are one, the inputs each merged element comes from, and the merges refused. The command is
 * tested on real rows in test_merge.py. */
#include "test_common.h"

PN_TEST_SUITE(merge);

/* Nodes of the bundled dataset (names and aliases as there), and a few agreements. */
static const char base[] =
    "{\"nodes\": [\n"
    "  {\"id\": \"by-gomel\", \"name\": \"Gomel\", \"country\": \"BY\", \"level\": \"city\", \"aliases\": [\"Homiel\"]},\n"
    "  {\"id\": \"ru-tomsk\", \"name\": \"Tomsk\", \"country\": \"RU\", \"level\": \"city\"},\n"
    "  {\"id\": \"by-svetlogorsk\", \"name\": \"Svetlogorsk\", \"country\": \"BY\", \"level\": \"city\",\n"
    "   \"aliases\": [\"Svetlahorsk\"]},\n"
    "  {\"id\": \"ru-kommunar\", \"name\": \"Kommunar\", \"country\": \"RU\", \"level\": \"city\"},\n"
    "  {\"id\": \"by-minsk-oblast\", \"name\": \"Minsk Oblast\", \"country\": \"BY\", \"level\": \"region\"},\n"
    "  {\"id\": \"by-slutsk\", \"name\": \"Slutsk\", \"country\": \"BY\", \"level\": \"district\",\n"
    "   \"parent\": \"by-minsk-oblast\"}],\n"
    " \"agreements\": [\n"
    "  {\"id\": \"g-t\", \"parties\": [\"by-gomel\", \"ru-tomsk\"], \"date\": \"2005\", \"kind\": \"twinning\"},\n"
    "  {\"id\": \"s-k\", \"parties\": [\"by-svetlogorsk\", \"ru-kommunar\"], \"date\": \"2007\",\n"
    "   \"kind\": \"other\"}]}\n";

static pn_dataset_t *merge_two(pn_merge_t **account, const char *second_name,
                               const char *second, pn_test_load_t *a, pn_test_load_t *b)
{
    *a = pn_test_load_text("base.json", base, NULL);
    cr_assert_eq(a->status, 0, "%s", pn_test_problems(a));
    *b = pn_test_load_text(second_name, second, NULL);
    cr_assert_eq(b->status, 0, "%s", pn_test_problems(b));
    const pn_dataset_t *inputs[2] = {a->ds, b->ds};
    pn_dataset_t *out = NULL;
    cr_assert_eq(pn_dataset_merge(&out, account, "merged", inputs, 2), 0, "%s", pn_error_last());
    return out;
}

static uint32_t node(const pn_dataset_t *ds, const char *id)
{
    uint32_t i;
    cr_assert_eq(pn_dataset_find_node(&i, ds, id), 0, "no node %s", id);
    return i;
}

Test(merge, a_short_name_is_never_a_misspelling_and_a_long_one_is_when_alone)
{
    /* Omsk is one letter from Tomsk, but 4 letters are too few to call it a misspelling;
     * Svietlahorsk is one letter from the alias Svetlahorsk, and nothing else is as close */
    pn_test_load_t a, b;
    pn_merge_t *account = NULL;
    pn_dataset_t *out = merge_two(&account, "list.csv",
                                  "city1,country1,city2,country2\n"
                                  "Homiel,Belarus,Omsk,Russia\n"
                                  "Svietlahorsk,Belarus,Kommunar,Russia\n",
                                  &a, &b);
    /* 6 + Omsk */
    cr_expect_eq(pn_dataset_node_count(out), 7);
    uint32_t omsk = node(out, "RU:Omsk");
    cr_expect_eq(pn_merge_node_origins(account, omsk), 2u, "only in the list");
    cr_expect_eq(pn_merge_node_origins(account, node(out, "ru-tomsk")), 1u);
    cr_expect_eq(pn_merge_node_origins(account, node(out, "by-gomel")), 3u, "by its alias");
    cr_expect_eq(pn_merge_node_origins(account, node(out, "by-svetlogorsk")), 3u);
    /* agreements: g-t, s-k (other there; the list states no kind: one agreement of kind
     * other, in both), Gomel-Omsk (new) */
    cr_assert_eq(pn_dataset_agreement_count(out), 3);
    uint32_t origins[3] = {1u, 3u, 2u};
    for (size_t i = 0; i < 3; i++)
        cr_expect_eq(pn_merge_agreement_origins(account, i), origins[i], "agreement %zu", i);
    pn_agreement_t kommunar;
    pn_dataset_agreement(&kommunar, out, 1);
    cr_expect_eq(kommunar.kind, PN_KIND_OTHER);
    cr_expect(kommunar.kind_stated);
    pn_agreement_t omsk_agreement;
    pn_dataset_agreement(&omsk_agreement, out, 2);
    cr_expect_eq(omsk_agreement.kind, PN_KIND_TWINNING);
    cr_expect(!omsk_agreement.kind_stated, "the list's default, not stated");
    size_t conflicts = 0, spelling = 0;
    for (size_t i = 0; i < pn_merge_event_count(account); i++) {
        const pn_merge_event_t *e = pn_merge_event(account, i);
        conflicts += e->kind == PN_MERGE_CONFLICT;
        if (e->kind == PN_MERGE_NODE && strcmp(e->ground, "spelling") == 0) {
            spelling++;
            cr_expect_str_eq(e->id, "BY:Svietlahorsk");
            cr_expect_str_eq(e->other_id, "by-svetlogorsk");
            cr_expect_eq(e->line, 3);
            cr_expect_eq(e->input, 1);
        }
    }
    cr_expect_eq(conflicts, 0);
    cr_expect_eq(spelling, 1);
    pn_merge_free(account);
    pn_dataset_free(out);
    pn_test_load_free(&a);
    pn_test_load_free(&b);
}

Test(merge, another_level_is_another_node_and_the_same_agreement_is_one)
{
    /* a table that says Slutsk is a city is not the district of the base; Gomel-Tomsk of
     * 2005-06 is the base's Gomel-Tomsk of 2005, made more precise */
    pn_test_load_t a, b;
    pn_merge_t *account = NULL;
    pn_dataset_t *out = merge_two(
        &account, "more.json",
        "{\"nodes\": [{\"id\": \"slutsk\", \"name\": \"Slutsk\", \"country\": \"BY\", \"level\": \"city\"},\n"
        "  {\"id\": \"gomel\", \"name\": \"Гомель\", \"country\": \"BY\", \"level\": \"city\"},\n"
        "  {\"id\": \"tomsk\", \"name\": \"Tomsk\", \"country\": \"RU\", \"level\": \"city\"}],\n"
        " \"agreements\": [{\"id\": \"x\", \"parties\": [\"tomsk\", \"gomel\"], \"date\": \"2005-06\",\n"
        "   \"kind\": \"twinning\", \"source\": {\"document\": \"ministry.pdf\", \"line\": 9}},\n"
        "  {\"id\": \"y\", \"parties\": [\"slutsk\", \"tomsk\"], \"kind\": \"twinning\"}]}\n",
        &a, &b);
    cr_expect_eq(pn_dataset_node_count(out), 7, "6 + the city of Slutsk");
    cr_expect_eq(pn_merge_node_origins(account, node(out, "slutsk")), 2u);
    cr_expect_eq(pn_merge_node_origins(account, node(out, "by-slutsk")), 1u);
    cr_assert_eq(pn_dataset_agreement_count(out), 3);
    pn_agreement_t g;
    pn_dataset_agreement(&g, out, 0);
    cr_expect_str_eq(g.id, "g-t");
    char date[PN_DATE_TEXT_MAX];
    cr_expect_str_eq(pn_date_format(date, g.date), "2005-06");
    cr_assert_eq(g.source_count, 2);
    /* the base gave it no source: its file and line */
    cr_expect_str_eq(g.sources[0].document, "base.json");
    cr_expect_eq(g.sources[0].line, 11);
    cr_expect_str_eq(g.sources[1].document, "ministry.pdf");
    cr_expect_eq(g.sources[1].line, 9);
    cr_expect_eq(pn_merge_agreement_origins(account, 0), 3u);
    pn_merge_free(account);
    pn_dataset_free(out);
    pn_test_load_free(&a);
    pn_test_load_free(&b);
}

Test(merge, a_level_a_list_name_says_keeps_it_from_a_node_of_another_level)
{
    /* the aliases as graphs/cis.json gives them (Slutsk District, Sosnovy Bor), and a city
     * given its district's name as an alias: a list's "Gomel District" is a district, not that
     * city; "Sosnovoborski Urban District", a town with its land, is the town */
    pn_test_load_t a = pn_test_load_text(
        "base.json",
        "{\"nodes\": [\n"
        "  {\"id\": \"by-slutsk-district\", \"name\": \"Slutsk District\", \"country\": \"BY\",\n"
        "   \"level\": \"district\", \"aliases\": [\"Slutsk\"]},\n"
        "  {\"id\": \"ru-sosnovy-bor\", \"name\": \"Sosnovy Bor\", \"country\": \"RU\", \"level\": \"city\",\n"
        "   \"aliases\": [\"Sosnovoborski Urban District\"]},\n"
        "  {\"id\": \"by-gomel\", \"name\": \"Gomel\", \"country\": \"BY\", \"level\": \"city\",\n"
        "   \"aliases\": [\"Gomel District\"]}],\n"
        " \"agreements\": []}\n",
        NULL);
    cr_assert_eq(a.status, 0, "%s", pn_test_problems(&a));
    pn_test_load_t b = pn_test_load_text("list.csv",
                                         "city1,country1,city2,country2\n"
                                         "Slutsk District,Belarus,Sisian,Armenia\n"
                                         "Sosnovoborski Urban District,Russia,Sisian,Armenia\n"
                                         "Gomel District,Belarus,Sisian,Armenia\n",
                                         NULL);
    cr_assert_eq(b.status, 0, "%s", pn_test_problems(&b));
    uint32_t i;
    cr_assert_eq(pn_dataset_find_node(&i, b.ds, "BY:Gomel District"), 0);
    cr_expect_eq(pn_dataset_node(b.ds, i)->level, PN_LEVEL_DISTRICT, "by its name");
    cr_assert_eq(pn_dataset_find_node(&i, b.ds, "RU:Sosnovoborski Urban District"), 0);
    cr_expect_eq(pn_dataset_node(b.ds, i)->level, PN_LEVEL_CITY);
    const pn_dataset_t *inputs[2] = {a.ds, b.ds};
    pn_merge_t *account = NULL;
    pn_dataset_t *out = NULL;
    cr_assert_eq(pn_dataset_merge(&out, &account, "merged", inputs, 2), 0, "%s", pn_error_last());
    /* 3 + Sisian + the district of Gomel */
    cr_expect_eq(pn_dataset_node_count(out), 5);
    cr_expect_eq(pn_merge_node_origins(account, node(out, "by-slutsk-district")), 3u);
    cr_expect_eq(pn_merge_node_origins(account, node(out, "ru-sosnovy-bor")), 3u);
    cr_expect_eq(pn_merge_node_origins(account, node(out, "by-gomel")), 1u);
    uint32_t gomel_district = node(out, "BY:Gomel District");
    cr_expect_eq(pn_merge_node_origins(account, gomel_district), 2u);
    cr_expect_eq(pn_dataset_node(out, gomel_district)->level, PN_LEVEL_DISTRICT);
    pn_merge_free(account);
    pn_dataset_free(out);
    pn_test_load_free(&a);
    pn_test_load_free(&b);
}

Test(merge, refuses_one_id_for_nodes_of_two_countries_and_leaves_no_output)
{
    pn_test_load_t a = pn_test_load_text("base.json", base, NULL);
    pn_test_load_t b = pn_test_load_text(
        "clash.json",
        "{\"nodes\": [{\"id\": \"x\", \"name\": \"X\", \"country\": \"RU\", \"level\": \"city\"},\n"
        "  {\"id\": \"by-gomel\", \"name\": \"Gomel\", \"country\": \"UA\", \"level\": \"city\"}]}\n",
        NULL);
    cr_assert_eq(b.status, 0);
    const pn_dataset_t *inputs[2] = {a.ds, b.ds};
    pn_dataset_t *out = NULL;
    pn_merge_t *account = NULL;
    cr_expect_eq(pn_dataset_merge(&out, &account, "merged", inputs, 2), PN_EINVALID);
    cr_expect_null(out);
    cr_expect_null(account);
    cr_expect(strstr(pn_error_last(), "clash.json:2: node \"by-gomel\" is in UA, but ") &&
              strstr(pn_error_last(), "base.json:2 gives that id to a node in BY"),
              "%s", pn_error_last());
    cr_expect_eq(pn_dataset_merge(&out, &account, "merged", inputs, 0), PN_EUSAGE);
    pn_test_load_free(&a);
    pn_test_load_free(&b);
}

Test(merge, one_input_is_the_same_dataset)
{
    pn_test_load_t a = pn_test_load_text("base.json", base, NULL);
    const pn_dataset_t *inputs[1] = {a.ds};
    pn_dataset_t *out = NULL;
    cr_assert_eq(pn_dataset_merge(&out, NULL, "merged", inputs, 1), 0);
    cr_expect_eq(pn_dataset_node_count(out), 6);
    cr_expect_eq(pn_dataset_agreement_count(out), 2);
    for (size_t i = 0; i < 6; i++)
        cr_expect_str_eq(pn_dataset_node(out, i)->id, pn_dataset_node(a.ds, i)->id);
    cr_expect_eq(pn_dataset_node(out, 5)->parent, 4, "by-slutsk keeps its parent");
    pn_dataset_free(out);
    pn_test_load_free(&a);
}
