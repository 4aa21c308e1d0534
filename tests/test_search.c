/* Finding nodes by name: folding (case, diacritics, scripts romanised by ICU), the order of
 * matches, and resolving a text to one node, on a small dataset with aliases. The romanised
 * forms expected are those of the BGN/PCGN tables (Russian ё -> ë, Belarusian г -> h, ў -> w). */
#include "test_common.h"

PN_TEST_SUITE(search);

static const char places[] =
    "{\"countries\": [{\"code\": \"BY\"}, {\"code\": \"AL\"}, {\"code\": \"FR\"}, {\"code\": \"RU\"},\n"
    "  {\"code\": \"AM\"}, {\"code\": \"UA\"}, {\"code\": \"GE\"}, {\"code\": \"CN\"}],\n"
    "\"nodes\": [\n"
    " {\"id\": \"by-mogilev\", \"name\": \"Mogilev\", \"country\": \"BY\", \"level\": \"city\",\n"
    "  \"aliases\": [\"Mahilyow\", \"Mogilyov\"]},\n"
    " {\"id\": \"by-mogilev-oblast\", \"name\": \"Mogilev Oblast\", \"country\": \"BY\",\n"
    "  \"level\": \"region\", \"aliases\": [\"Mahilyow Voblast\"]},\n"
    " {\"id\": \"by-mogilev-district\", \"name\": \"Mogilev District\", \"country\": \"BY\",\n"
    "  \"level\": \"district\"},\n"
    " {\"id\": \"al-berat\", \"name\": \"Berat\", \"country\": \"AL\", \"level\": \"city\"},\n"
    " {\"id\": \"fr-berat\", \"name\": \"Bérat\", \"country\": \"FR\", \"level\": \"city\"},\n"
    " {\"id\": \"ru-spb\", \"name\": \"Saint Petersburg\", \"country\": \"RU\", \"level\": \"city\",\n"
    "  \"aliases\": [\"Санкт-Петербург\", \"Leningrad\"]},\n"
    " {\"id\": \"am-yerevan\", \"name\": \"Yerevan\", \"country\": \"AM\", \"level\": \"city\"},\n"
    " {\"id\": \"ua-kharkiv\", \"name\": \"Kharkiv\", \"country\": \"UA\", \"level\": \"city\"},\n"
    " {\"id\": \"ge-tbilisi\", \"name\": \"Tbilisi\", \"country\": \"GE\", \"level\": \"city\"},\n"
    " {\"id\": \"cn-beijing\", \"name\": \"Beijing\", \"country\": \"CN\", \"level\": \"city\"}],\n"
    "\"agreements\": []}\n";

static pn_test_load_t loaded;
static pn_search_t *search;

static void setup(void)
{
    pn_test_setup();
    loaded = pn_test_load_text("places.json", places, NULL);
    cr_assert_eq(loaded.status, 0, "%s", pn_test_problems(&loaded));
    cr_assert_eq(pn_search_new(&search, loaded.ds), 0, "%s", pn_error_last());
}

static void teardown(void)
{
    pn_search_free(search);
    pn_test_load_free(&loaded);
    pn_test_teardown();
}

/* The id of the node @p text resolves to, or the status when it does not. */
static const char *resolved(const char *text)
{
    static char buf[64];
    uint32_t node;
    int status = pn_search_resolve(&node, search, text);
    if (status != 0) {
        snprintf(buf, sizeof buf, "status %d", status);
        return buf;
    }
    return pn_dataset_node(loaded.ds, node)->id;
}

/* The folded keys of @p text ("key1\nkey2..."), in static storage. */
static const char *folded(const char *text)
{
    static char buf[512];
    char *keys = NULL;
    cr_assert_eq(pn_search_fold(&keys, search, text), 0);
    snprintf(buf, sizeof buf, "%s", keys);
    free(keys);
    return buf;
}

/* Is @p key one of the lines of @p keys? */
static int has_key(const char *keys, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = keys; p; p = strchr(p, '\n')) {
        p += *p == '\n';
        if (strncmp(p, key, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
            return 1;
    }
    return 0;
}

TestSuite(search_index, .init = setup, .fini = teardown);

Test(search_index, folds_case_diacritics_and_punctuation)
{
    cr_expect_str_eq(folded("MOGILEV"), "mogilev");
    cr_expect_str_eq(folded("Bağcılar"), "bagcilar");
    cr_expect_str_eq(folded("Straße"), "strasse");
    cr_expect_str_eq(folded("Kam'yanets-Podilsky"), "kamyanets podilsky");
    cr_expect_str_eq(folded("  Saint   Petersburg "), "saint petersburg");
    cr_expect_str_eq(folded("Mahilioŭ"), "mahiliou");
}

Test(search_index, romanises_other_scripts_several_ways)
{
    const char *keys = folded("Могилёв");
    cr_expect(strncmp(keys, "mogilev\n", 8) == 0, "ICU's Any-Latin first: %s", keys);
    cr_expect(has_key(folded("Магілёў"), "mahilyow"), "Belarusian BGN: %s", folded("Магілёў"));
    cr_expect(has_key(folded("Харків"), "kharkiv"), "Ukrainian BGN: %s", folded("Харків"));
    cr_expect(has_key(folded("Երևան"), "yerevan"), "Armenian BGN: %s", folded("Երևան"));
    cr_expect(has_key(folded("Ереван"), "yerevan"), "Russian BGN: %s", folded("Ереван"));
    cr_expect_str_eq(folded("Mogilev"), "mogilev", "Latin text: one key");
}

Test(search_index, mogilev_mahilyow_and_mogilyov_find_the_same_node)
{
    const char *texts[] = {"Mogilev", "mogilev", "MOGILËV", "Mahilyow", "Mogilyov", "Могилёв",
                           "Магілёў", "by-mogilev", "BY-Mogilev", "by mogilev"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        cr_expect_str_eq(resolved(texts[i]), "by-mogilev", "%s", texts[i]);
}

Test(search_index, finds_names_in_the_script_of_the_place)
{
    cr_expect_str_eq(resolved("Харків"), "ua-kharkiv");
    cr_expect_str_eq(resolved("Ереван"), "am-yerevan");
    cr_expect_str_eq(resolved("Երևան"), "am-yerevan");
    cr_expect_str_eq(resolved("თბილისი"), "ge-tbilisi");
    cr_expect_str_eq(resolved("北京"), "cn-beijing", "\"bei jing\": spaces aside");
    cr_expect_str_eq(resolved("Санкт-Петербург"), "ru-spb", "an alias in Cyrillic");
    cr_expect_str_eq(resolved("leningrad"), "ru-spb", "a former name");
}

Test(search_index, a_unique_beginning_or_word_is_enough)
{
    cr_expect_str_eq(resolved("Mogilev Obl"), "by-mogilev-oblast");
    cr_expect_str_eq(resolved("saint"), "ru-spb");
    cr_expect_str_eq(resolved("Petersburg"), "ru-spb", "a later word");
    cr_expect_str_eq(resolved("voblast"), "by-mogilev-oblast", "a word of an alias");
    cr_expect_str_eq(resolved("ilisi"), "ge-tbilisi", "inside a name");
}

Test(search_index, an_ambiguous_name_lists_its_candidates)
{
    cr_expect_str_eq(resolved("Berat"), "status -6");
    cr_expect_str_eq(pn_error_last(), "\"Berat\" could be 2 nodes: al-berat (Berat, city, AL), "
                                      "fr-berat (Bérat, city, FR); name one by its id");
    cr_expect_str_eq(resolved("fr-berat"), "fr-berat");
    cr_expect_str_eq(resolved("Mogilev D"), "by-mogilev-district");
    cr_expect_str_eq(resolved("Mogilev "), "by-mogilev", "the name beats the names it begins");
}

Test(search_index, an_unknown_name_gets_suggestions)
{
    cr_expect_str_eq(resolved("Mogilyev"), "status -6");
    cr_expect(strstr(pn_error_last(), "no node is called \"Mogilyev\"; did you mean "
                                      "by-mogilev (Mogilev, city, BY)"),
              "%s", pn_error_last());
    cr_expect_str_eq(resolved("Tbilsi"), "status -6");
    cr_expect(strstr(pn_error_last(), "did you mean ge-tbilisi"), "%s", pn_error_last());
    cr_expect_str_eq(resolved("Xanadu"), "status -6");
    cr_expect_str_eq(pn_error_last(), "no node is called \"Xanadu\"");
    cr_expect_str_eq(resolved(""), "status -6");
}

Test(search_index, lists_matches_best_first)
{
    pn_matches_t m = PN_MATCHES_INIT;
    cr_assert_eq(pn_search_find(&m, search, "mogilev"), 0);
    cr_assert_eq(m.count, 3);
    const char *ids[] = {"by-mogilev", "by-mogilev-oblast", "by-mogilev-district"};
    pn_match_kind_t kinds[] = {PN_MATCH_NAME, PN_MATCH_PREFIX, PN_MATCH_PREFIX};
    for (size_t i = 0; i < 3; i++) {
        cr_expect_str_eq(pn_dataset_node(loaded.ds, m.items[i].node)->id, ids[i]);
        cr_expect_eq(m.items[i].kind, kinds[i], "%zu", i);
    }
    cr_expect_str_eq(m.items[1].matched, "Mogilev Oblast", "the shorter key first");
    pn_search_matches_destroy(&m);
    cr_assert_eq(pn_search_find(&m, search, "Mahilyow"), 0);
    cr_assert_eq(m.count, 2);
    cr_expect_eq(m.items[0].kind, PN_MATCH_ALIAS);
    cr_expect_str_eq(m.items[0].matched, "Mahilyow");
    cr_expect_eq(m.items[1].kind, PN_MATCH_PREFIX);
    pn_search_matches_destroy(&m);
    cr_assert_eq(pn_search_find(&m, search, "mogilyev"), 0);
    cr_assert_geq(m.count, 1);
    cr_expect_eq(m.items[0].kind, PN_MATCH_SIMILAR);
    cr_expect_eq(m.items[0].distance, 1);
    pn_search_matches_destroy(&m);
    cr_expect_eq(m.count, 0);
    cr_expect_null(m.items);
}

Test(search_index, resolves_once_without_an_index)
{
    uint32_t node;
    cr_expect_eq(pn_search_resolve_once(&node, loaded.ds, "ua-kharkiv"), 0);
    cr_expect_str_eq(pn_dataset_node(loaded.ds, node)->id, "ua-kharkiv");
    cr_expect_eq(pn_search_resolve_once(&node, loaded.ds, "Харків"), 0);
    cr_expect_str_eq(pn_dataset_node(loaded.ds, node)->id, "ua-kharkiv");
}

Test(search, match_kinds_have_names)
{
    cr_expect_str_eq(pn_search_kind_name(PN_MATCH_ID), "id");
    cr_expect_str_eq(pn_search_kind_name(PN_MATCH_SIMILAR), "similar");
    cr_expect_str_eq(pn_search_kind_name(PN_MATCH_COUNT), "?");
}

Test(search, of_an_empty_dataset_finds_nothing)
{
    pn_dataset_t *ds;
    pn_search_t *s;
    pn_matches_t m = PN_MATCHES_INIT;
    cr_assert_eq(pn_dataset_new(&ds, "empty"), 0);
    cr_assert_eq(pn_search_new(&s, ds), 0);
    cr_expect_eq(pn_search_find(&m, s, "anything"), 0);
    cr_expect_eq(m.count, 0);
    pn_search_matches_destroy(&m);
    pn_search_free(s);
    pn_dataset_free(ds);
}
