/*
 * The version the library was built as (partnet/version.h, generated from meson.build).
 */
#include <partnet/common.h>

void pn_version_get(const char **text, int *major, int *minor, int *patch)
{
    if (text)
        *text = PN_VERSION;
    if (major)
        *major = PN_VERSION_MAJOR;
    if (minor)
        *minor = PN_VERSION_MINOR;
    if (patch)
        *patch = PN_VERSION_PATCH;
}
