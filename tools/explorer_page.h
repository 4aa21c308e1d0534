/*
 * The explorer page around its data, generated at build time by tools/explorer/build.mjs
 * (sigma.js, graphology and the page's code, bundled by esbuild): NULL-terminated lists of
 * strings to write before and after the JSON payload.
 */
#ifndef PARTNET_TOOLS_EXPLORER_PAGE_H
#define PARTNET_TOOLS_EXPLORER_PAGE_H

extern const char *const explorer_page_before[];
extern const char *const explorer_page_after[];

#endif
