/*
 * The checks every dataset goes through once read, whatever its format: parents of the right
 * level and country, end dates after start dates, and the weaker remarks `partnet check` lists.
 */
#include "load_core.h"

#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Remarks of one sort are listed one per line up to this many, then summed up in one line. */
#define LIST_MAX 20

/* "node" and its id in @p buf (PN_PROBLEMS_ENTITY_MAX bytes) */
static const char *node_label(const pn_node_t *n, char *buf)
{
    return pn_problems__entity(buf, "node", n->id, strlen(n->id));
}

/* "agreement" and its id, if it has one, in @p buf (PN_PROBLEMS_ENTITY_MAX bytes) */
static const char *agreement_label(const pn_dataset_t *ds, size_t i, char *buf)
{
    const char *id = ds->extras[ds->extra[i]].id;
    return id ? pn_problems__entity(buf, "agreement", id, strlen(id)) : "agreement";
}

static int check_parents(pn_loader_t *l)
{
    const pn_dataset_t *ds = l->ds;
    const char *file = l->nodes_file ? l->nodes_file : ds->name;
    char label[PN_PROBLEMS_ENTITY_MAX];
    for (size_t i = 0; i < ds->node_count; i++) {
        const pn_node_t *n = &ds->nodes[i];
        if (n->first_level && (n->parent != PN_NONE || n->level == PN_LEVEL_COUNTRY ||
                               n->level == PN_LEVEL_REGION)) {
            int status = pn_load__error(l, "%s:%u: %s: first_level marks a city or district "
                                        "with the rank of a region; it has no parent", file,
                                        n->line, node_label(n, label));
            if (status)
                return status;
            continue;
        }
        if (n->parent == PN_NONE)
            continue;
        const pn_node_t *p = &ds->nodes[n->parent];
        int status = 0;
        /* a region, a city of regional rank (for its districts), or a district (for a city) */
        int fits = p->level == PN_LEVEL_REGION || (p->first_level && p->level != n->level) ||
                   (p->level == PN_LEVEL_DISTRICT && n->level == PN_LEVEL_CITY);
        if (!fits || n->level == PN_LEVEL_REGION || n->level == PN_LEVEL_COUNTRY)
            status = pn_load__error(l, "%s:%u: %s: parent \"%s\" is a %s, but the parent of "
                                    "a %s must be a region%s", file, n->line, node_label(n, label),
                                    p->id, pn_level_name(p->level), pn_level_name(n->level),
                                    n->level == PN_LEVEL_CITY ? ", a district or a city of regional rank"
                                    : n->level == PN_LEVEL_DISTRICT ? " or a city of regional rank"
                                                                     : "");
        else if (p->country != n->country)
            status = pn_load__error(l, "%s:%u: %s: parent \"%s\" is in %s, not in %s",
                                    file, n->line, node_label(n, label), p->id,
                                    ds->countries[p->country].code, ds->countries[n->country].code);
        if (status)
            return status;
    }
    return 0;
}

static int check_dates(pn_loader_t *l)
{
    const pn_dataset_t *ds = l->ds;
    const char *file = l->agreements_file ? l->agreements_file : ds->name;
    char label[PN_PROBLEMS_ENTITY_MAX], start[PN_DATE_TEXT_MAX], end[PN_DATE_TEXT_MAX];
    for (size_t i = 0; i < ds->agreement_count; i++) {
        if (ds->end[i] == PN_DATE_NONE || ds->date[i] == PN_DATE_NONE)
            continue;
        if (pn_date_last_day(ds->end[i]) < pn_date_first_day(ds->date[i])) {
            int status = pn_load__error(
                l, "%s:%u: %s: ends %s, before it was signed (%s)", file, ds->line[i],
                agreement_label(ds, i, label), pn_date_format(end, ds->end[i]),
                pn_date_format(start, ds->date[i]));
            if (status)
                return status;
        }
    }
    return 0;
}

/* One note per agreement matching @p lacks, or one line for all when there are many. */
static int note_agreements(pn_loader_t *l, int (*lacks)(const pn_dataset_t *, size_t),
                           const char *what)
{
    const pn_dataset_t *ds = l->ds;
    const char *file = l->agreements_file ? l->agreements_file : ds->name;
    size_t count = 0;
    for (size_t i = 0; i < ds->agreement_count; i++)
        count += lacks(ds, i) != 0;
    if (count == 0)
        return 0;
    if (count > LIST_MAX) {
        char lines[128] = "";
        size_t shown = 0, used = 0;
        for (size_t i = 0; i < ds->agreement_count && shown < 5; i++) {
            if (!lacks(ds, i))
                continue;
            used += (size_t)snprintf(lines + used, sizeof lines - used, "%s%u", shown ? ", " : "",
                                     ds->line[i]);
            shown++;
        }
        return pn_load__note(l, "%s: %zu of %zu agreements have %s (lines %s, ...)", file,
                             count, ds->agreement_count, what, lines);
    }
    char label[PN_PROBLEMS_ENTITY_MAX];
    for (size_t i = 0; i < ds->agreement_count; i++) {
        if (!lacks(ds, i))
            continue;
        int status = pn_load__note(l, "%s:%u: %s has %s", file, ds->line[i],
                                   agreement_label(ds, i, label), what);
        if (status)
            return status;
    }
    return 0;
}

static int lacks_source(const pn_dataset_t *ds, size_t i)
{
    return ds->extras[ds->extra[i]].source.document == NULL;
}

static int lacks_date(const pn_dataset_t *ds, size_t i)
{
    return ds->date[i] == PN_DATE_NONE;
}

/* Countries with regions but no count of them: their coverage has no denominator. */
static int note_region_counts(pn_loader_t *l)
{
    const pn_dataset_t *ds = l->ds;
    size_t *regions = calloc(ds->country_count + 1, sizeof *regions);
    if (!regions)
        return pn_error__nomem();
    for (size_t i = 0; i < ds->node_count; i++)
        regions[ds->nodes[i].country] += ds->nodes[i].level == PN_LEVEL_REGION;
    int status = 0;
    for (size_t c = 0; c < ds->country_count && status == 0; c++) {
        if (ds->countries[c].regions >= 0 || regions[c] == 0)
            continue;
        status = pn_load__note(l, "%s: country %s (%s) has %zu region node%s but no count of "
                               "its first-level regions, so its coverage has no denominator",
                               ds->name, ds->countries[c].code, ds->countries[c].name,
                               regions[c], regions[c] == 1 ? "" : "s");
    }
    free(regions);
    return status;
}

/* A network with no agreements is valid, but every analysis of it is empty: say so. */
static int warn_if_empty(pn_loader_t *l)
{
    const pn_dataset_t *ds = l->ds;
    const char *file = l->agreements_file ? l->agreements_file : ds->name;
    if (ds->agreement_count > 0 || pn_load__errors(l) > 0)
        return 0; /* with errors, the agreements in error are simply not there */
    if (ds->node_count == 0)
        return pn_load__warning(l, "%s: the dataset is empty: no nodes, no agreements", file);
    return pn_load__warning(l, "%s: the dataset has no agreements, only %zu node%s", file,
                            ds->node_count, ds->node_count == 1 ? "" : "s");
}

int pn_load__check(pn_loader_t *l)
{
    int status;
    if ((status = check_parents(l)) != 0 || (status = check_dates(l)) != 0 ||
        (status = warn_if_empty(l)) != 0 ||
        (status = note_agreements(l, lacks_source, "no source")) != 0 ||
        (status = note_agreements(l, lacks_date, "no date")) != 0 ||
        (status = note_region_counts(l)) != 0)
        return status;
    return 0;
}
