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

typedef enum {
    PN_RESOLVE_CODE = 0,   /**< the text is an alpha-2 or alpha-3 code */
    PN_RESOLVE_NAME,       /**< an ISO name, after normalisation */
    PN_RESOLVE_ALIAS,      /**< a name from partnet's alias table */
    PN_RESOLVE_QUALIFIED,  /**< a qualifier was dropped ("Ohio, United States") */
    PN_RESOLVE_GUESS,      /**< a close misspelling; the caller should warn */
    PN_RESOLVE_UNRESOLVED  /**< nothing matched */
} pn_resolve_how_t;

typedef struct pn_resolver pn_resolver_t;

/**
 * Load the ISO data.
 * @param[out] out the resolver
 * @param iso_json path of iso_3166-1.json; NULL for the one found at build time (or the
 *        PARTNET_ISO_CODES environment variable when set)
 * @return 0, PN_EIO (file missing), PN_EPARSE or PN_ENOMEM
 */
PN_EXTERN int pn_resolver_new(pn_resolver_t **out, const char *iso_json);
PN_EXTERN void pn_resolver_free(pn_resolver_t *resolver);

/**
 * Resolve a country name or code.
 * @param[out] code the alpha-2 code, owned by the resolver; NULL when unresolved
 * @param[out] how how it matched (may be NULL)
 * @return 0 when resolved, PN_ENOTFOUND otherwise
 */
PN_EXTERN int pn_resolver_resolve(const pn_resolver_t *resolver, const char *text,
                                  const char **code, pn_resolve_how_t *how);

/** Is @p code a known alpha-2 code (ISO, or XK for Kosovo)? Exact, upper case. */
PN_EXTERN int pn_resolver_is_code(const pn_resolver_t *resolver, const char *code);

/** The English short name for an alpha-2 code ("Moldova"), owned by the resolver; NULL. */
PN_EXTERN const char *pn_resolver_name(const pn_resolver_t *resolver, const char *code);

#endif
