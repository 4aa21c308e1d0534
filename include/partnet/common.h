/*
 * Definitions every public partnet header needs: the export macro, the C++ guards and the
 * version.
 */
#ifndef PARTNET_COMMON_H
#define PARTNET_COMMON_H

#include <partnet/version.h>

#if defined(PN_BUILDING_LIBRARY) && defined(__GNUC__)
#  define PN_EXTERN __attribute__((visibility("default")))
#else
#  define PN_EXTERN
#endif

#ifdef __cplusplus
#  define PN_BEGIN_DECLS extern "C" {
#  define PN_END_DECLS }
#else
#  define PN_BEGIN_DECLS
#  define PN_END_DECLS
#endif

PN_BEGIN_DECLS

/**
 * The version of the library the program runs with (PN_VERSION is the one it was built
 * against). Every out-parameter may be NULL.
 * @param[out] text "0.1.0"
 */
PN_EXTERN void pn_version_get(const char **text, int *major, int *minor, int *patch);

PN_END_DECLS

#endif
