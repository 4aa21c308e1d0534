/*
 * Country names to ISO 3166-1 alpha-2 codes, for lists that name countries in words.
 *
 * Names are matched against Debian's iso-codes data (iso_3166-1.json: short, common and
 * official names and the alpha-2 and alpha-3 codes), then a table of other names in use
 * ("Russia", "Turkey", "Burma", "Swaziland", "Moldavia", "Ivory Coast"), with forgiving rules:
 * case, accents, punctuation and a leading "the" do not matter; a parenthesised qualifier is
 * dropped ("Georgia (country)"); a sub-national qualifier resolves to its state ("Ohio, United
 * States", "Réunion, France"); the constituent countries of the United Kingdom resolve to GB.
 * A close misspelling ("Grece", "Kazakhstah") resolves to the one nearest name, as a guess
 * that callers should report.
 */
#ifndef PARTNET_COUNTRY_H
#define PARTNET_COUNTRY_H

#include <partnet/common.h>

PN_BEGIN_DECLS

/** How a text matched a country. */
typedef enum {
    PN_COUNTRY_MATCH_CODE = 0,  /**< the text is an alpha-2 or alpha-3 code */
    PN_COUNTRY_MATCH_NAME,      /**< an ISO name, after normalisation */
    PN_COUNTRY_MATCH_ALIAS,     /**< a name from partnet's alias table */
    PN_COUNTRY_MATCH_QUALIFIED, /**< a qualifier was dropped ("Ohio, United States") */
    PN_COUNTRY_MATCH_GUESS,     /**< a close misspelling; the caller should warn */
    PN_COUNTRY_MATCH_NONE       /**< nothing matched */
} pn_country_match_t;

typedef struct pn_country_resolver pn_country_resolver_t;

/**
 * Load the ISO data.
 * @param[out] out the resolver
 * @param iso_json path of iso_3166-1.json; NULL for the one found at build time (or the
 *        PARTNET_ISO_CODES environment variable when set)
 * @return 0, PN_EIO (file missing), PN_EPARSE or PN_ENOMEM
 */
PN_EXTERN int pn_country_resolver_new(pn_country_resolver_t **out, const char *iso_json);
/** Free a resolver. NULL does nothing. */
PN_EXTERN void pn_country_resolver_free(pn_country_resolver_t *resolver);

/**
 * Resolve a country name or code.
 * @param[out] code the alpha-2 code, owned by the resolver; NULL when unresolved
 * @param[out] how how it matched (may be NULL)
 * @return 0 when resolved, PN_ENOTFOUND otherwise
 */
PN_EXTERN int pn_country_resolve(const char **code, pn_country_match_t *how,
                                 const pn_country_resolver_t *resolver, const char *text);

/** Is @p code a known alpha-2 code (ISO, or XK for Kosovo)? Exact, upper case. */
PN_EXTERN int pn_country_is_code(const pn_country_resolver_t *resolver, const char *code);

/** The English short name for an alpha-2 code ("Moldova"), owned by the resolver; NULL when
 *  the code is unknown. */
PN_EXTERN const char *pn_country_name(const pn_country_resolver_t *resolver, const char *code);

PN_END_DECLS

#endif
