/*
 * Definitions every public partnet header needs: the export macro and the version.
 */
#ifndef PARTNET_COMMON_H
#define PARTNET_COMMON_H

#if defined(PN_BUILDING_LIBRARY) && defined(__GNUC__)
#  define PN_EXTERN __attribute__((visibility("default")))
#else
#  define PN_EXTERN
#endif

#define PN_VERSION "0.1.0"

/** @return the library's version string, e.g. "0.1.0". */
PN_EXTERN const char *pn_version(void);

#endif
