/*
 * The compiled view's representation, for the analyses inside the library that walk it
 * (private to the library; see partnet/view.h).
 *
 * One byte per agreement and per node says whether it is in the view; the counts are kept
 * beside. Invariant: an agreement in the view has both its parties in the view.
 */
#ifndef PN_SRC_VIEW_H
#define PN_SRC_VIEW_H

#include <partnet/view.h>

#include "dataset.h"

#define PN_VIEW_MAX_STEPS 16
#define PN_VIEW_STEP_VALUE 96

struct pn_view {
    const pn_dataset_t *ds;
    pn_view_options_t opts; /* opts.country points to country_code, opts.ego to ego_text;
                               opts.within is NULL once compiled */
    char *country_code;     /* the chosen country's code (a copy), or NULL */
    char *ego_text;         /* the ego text (a copy), or NULL */
    uint32_t country;       /* its dataset index, or PN_NONE */
    uint32_t ego;           /* the ego node, or PN_NONE */
    unsigned char *agreement; /* agreement_count of ds->agreement_count are 1 */
    size_t agreement_count;
    unsigned char *node;    /* node_count of ds->node_count are 1 */
    size_t node_count;
    size_t step_count;
    pn_view_step_t steps[PN_VIEW_MAX_STEPS];
    char step_values[PN_VIEW_MAX_STEPS][PN_VIEW_STEP_VALUE];
};

#endif
