/* Country names to ISO codes, on the names real lists use (many from the world twin-cities list). */
#include "test_common.h"

static pn_country_resolver_t *resolver;

static void setup(void)
{
    pn_test_setup();
    cr_assert_eq(pn_country_resolver_new(&resolver, NULL), 0, "%s", pn_error_last());
}

static void teardown(void)
{
    pn_country_resolver_free(resolver);
    resolver = NULL;
    pn_test_teardown();
}

TestSuite(country, .init = setup, .fini = teardown);

static void expect(const char *text, const char *code, pn_country_match_t how)
{
    const char *got = NULL;
    pn_country_match_t got_how;
    int status = pn_country_resolve(&got, &got_how, resolver, text);
    cr_expect_eq(status, 0, "\"%s\" should resolve to %s", text, code);
    if (status == 0) {
        cr_expect_str_eq(got, code, "\"%s\"", text);
        cr_expect_eq(got_how, how, "\"%s\": resolved as %d, expected %d", text, got_how, how);
    }
}

static void unresolved(const char *text)
{
    const char *got = "x";
    cr_expect_eq(pn_country_resolve(&got, NULL, resolver, text), PN_ENOTFOUND,
                 "\"%s\" should stay unresolved, got %s", text, got ? got : "NULL");
    cr_expect_null(got);
}

Test(country, reads_codes_in_capitals)
{
    expect("RU", "RU", PN_COUNTRY_MATCH_CODE);
    expect("RUS", "RU", PN_COUNTRY_MATCH_CODE);
    expect("XK", "XK", PN_COUNTRY_MATCH_CODE);
    expect(" BY ", "BY", PN_COUNTRY_MATCH_CODE);
}

Test(country, reads_iso_names_whatever_the_case_and_accents)
{
    expect("Russian Federation", "RU", PN_COUNTRY_MATCH_NAME);
    expect("moldova", "MD", PN_COUNTRY_MATCH_NAME);
    expect("Moldova, Republic of", "MD", PN_COUNTRY_MATCH_NAME);
    expect("Republic of Moldova", "MD", PN_COUNTRY_MATCH_NAME);
    expect("São Tomé and Príncipe", "ST", PN_COUNTRY_MATCH_NAME);
    expect("Sao Tome and Principe", "ST", PN_COUNTRY_MATCH_NAME);
    expect("Côte d'Ivoire", "CI", PN_COUNTRY_MATCH_NAME);
    expect("Niger", "NE", PN_COUNTRY_MATCH_NAME);
    expect("Nigeria", "NG", PN_COUNTRY_MATCH_NAME);
    expect("Austria", "AT", PN_COUNTRY_MATCH_NAME);
}

Test(country, reads_other_names_in_use)
{
    expect("Russia", "RU", PN_COUNTRY_MATCH_ALIAS);
    expect("Turkey", "TR", PN_COUNTRY_MATCH_ALIAS);
    expect("Burma", "MM", PN_COUNTRY_MATCH_ALIAS);
    expect("Swaziland", "SZ", PN_COUNTRY_MATCH_ALIAS);
    expect("Kosovo", "XK", PN_COUNTRY_MATCH_ALIAS);
    expect("Moldavia", "MD", PN_COUNTRY_MATCH_ALIAS);
    expect("Ivory Coast", "CI", PN_COUNTRY_MATCH_ALIAS);
    expect("Cape Verde", "CV", PN_COUNTRY_MATCH_ALIAS);
    expect("Republic of Ireland", "IE", PN_COUNTRY_MATCH_ALIAS);
    expect("Palestine", "PS", PN_COUNTRY_MATCH_ALIAS);
    expect("Bosnia and Hercegovina", "BA", PN_COUNTRY_MATCH_ALIAS);
    expect("in Italy", "IT", PN_COUNTRY_MATCH_ALIAS);
}

Test(country, constituent_countries_resolve_to_the_state)
{
    expect("England", "GB", PN_COUNTRY_MATCH_ALIAS);
    expect("Scotland", "GB", PN_COUNTRY_MATCH_ALIAS);
    expect("Wales, United Kingdom", "GB", PN_COUNTRY_MATCH_QUALIFIED);
    expect("Northern Ireland, United Kingdom", "GB", PN_COUNTRY_MATCH_QUALIFIED);
    expect("England, United Kingdom", "GB", PN_COUNTRY_MATCH_QUALIFIED);
}

Test(country, qualifiers_are_dropped)
{
    expect("Georgia (country)", "GE", PN_COUNTRY_MATCH_QUALIFIED);
    expect("Ohio, United States", "US", PN_COUNTRY_MATCH_QUALIFIED);
    expect("New York, United States", "US", PN_COUNTRY_MATCH_QUALIFIED);
    expect("Réunion, France", "FR", PN_COUNTRY_MATCH_QUALIFIED);
    expect("Åland Islands, Finland", "FI", PN_COUNTRY_MATCH_QUALIFIED);
    expect("Lower Saxony, Germany", "DE", PN_COUNTRY_MATCH_QUALIFIED);
}

Test(country, close_misspellings_are_guesses)
{
    expect("Grece", "GR", PN_COUNTRY_MATCH_GUESS);
    expect("Kazakhstah", "KZ", PN_COUNTRY_MATCH_GUESS);
    expect("Madagaskar", "MG", PN_COUNTRY_MATCH_GUESS);
    expect("Japa", "JP", PN_COUNTRY_MATCH_GUESS);
    expect("Belaurs", "BY", PN_COUNTRY_MATCH_GUESS);
    /* a substitution that takes one letter out and brings a new one in */
    expect("Pery", "PE", PN_COUNTRY_MATCH_GUESS);
    expect("Swedan", "SE", PN_COUNTRY_MATCH_GUESS);
    expect("Kazakhztam", "KZ", PN_COUNTRY_MATCH_GUESS);
}

Test(country, what_nothing_matches_stays_unresolved)
{
    unresolved("Northern Cyprus");
    unresolved("");
    unresolved("   ");
    unresolved("Atlantis");
    unresolved("Zz");
    unresolved("ru"); /* codes are read in capitals only */
}

Test(country, names_codes)
{
    cr_expect_str_eq(pn_country_name(resolver, "BY"), "Belarus");
    cr_expect_str_eq(pn_country_name(resolver, "MD"), "Moldova");
    cr_expect_str_eq(pn_country_name(resolver, "PS"), "State of Palestine");
    cr_expect_str_eq(pn_country_name(resolver, "XK"), "Kosovo");
    cr_expect_null(pn_country_name(resolver, "ZZ"));
    cr_expect(pn_country_is_code(resolver, "KZ"));
    cr_expect_not(pn_country_is_code(resolver, "KAZ"), "alpha-3 is not an alpha-2 code");
    cr_expect_not(pn_country_is_code(resolver, "QQ"));
}

Test(country, missing_iso_file_is_an_io_error)
{
    pn_country_resolver_t *r = NULL;
    cr_expect_eq(pn_country_resolver_new(&r, "/nonexistent/iso_3166-1.json"), PN_EIO);
    cr_expect_null(r);
    cr_expect(strstr(pn_error_last(), "/nonexistent/iso_3166-1.json") != NULL);
}
