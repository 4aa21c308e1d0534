/* ISO 3166-2 first-level subdivisions per country (private to the library; country.c). */
#ifndef PN_SRC_COUNTRY_H
#define PN_SRC_COUNTRY_H

/** Index of a two-letter upper-case code in a table of 26 x 26, or -1 for anything else. */
int pn_country__slot(const char *code);

/**
 * Add to counts[pn_country__slot(CC)] the entries of ISO 3166-2 (iso-codes' iso_3166-2.json)
 * without a parent whose code is CC-..., whatever their type.
 * @param counts 26 x 26 counts, added to
 * @param path the file; NULL for the one found at build time, or PARTNET_ISO_3166_2 when set
 * @return 0, PN_EIO, PN_EPARSE or PN_ENOMEM (counts may then be partly added to)
 */
int pn_country__first_level_counts(int *counts, const char *path);

#endif
