/*
 * The loader core (see load_core.h): country resolution through a cached resolver, the shared
 * field checks and the resolution of parents. Every format reader calls it.
 */
#include "load_core.h"

#include "array.h"
#include "error.h"
#include "strpool.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pn_load__resolver(pn_country_resolver_t **out, pn_loader_t *l)
{
    if (!l->resolver) {
        int status = pn_country_resolver_new(&l->resolver, l->opts->iso_codes_path);
        if (status != 0)
            return status;
    }
    *out = l->resolver;
    return 0;
}

int pn_load__files(pn_loader_t *l, const char *nodes_file, const char *agreements_file)
{
    l->nodes_file = pn_arena__strdup(&l->ds->arena, nodes_file);
    l->agreements_file = pn_arena__strdup(&l->ds->arena, agreements_file);
    return l->nodes_file && l->agreements_file ? 0 : pn_error__nomem();
}

size_t pn_load__errors(const pn_loader_t *l)
{
    return pn_problems_total(l->problems, PN_SEVERITY_ERROR);
}

int pn_load__country_code(uint32_t *out, pn_loader_t *l, const char *code)
{
    if (pn_dataset_find_country(out, l->ds, code) == 0)
        return 0;
    pn_country_resolver_t *r;
    int status = pn_load__resolver(&r, l);
    if (status != 0)
        return status;
    if (!pn_country_is_code(r, code))
        return PN_ENOTFOUND;
    return pn_dataset__country(out, l->ds, code, pn_country_name(r, code), 1);
}

int pn_load__country_named(uint32_t *out, pn_loader_t *l, const char *file, const char *text,
                           size_t len, uint32_t line, int codes_only)
{
    pn_dataset_t *ds = l->ds;
    char label[PN_PROBLEMS_ENTITY_MAX];
    pn_load__trim(&text, &len);
    uint32_t cached;
    if (pn_strmap__get(&l->named, text, len, &cached)) {
        uint32_t u;
        if (pn_strmap__get(&l->unresolved_index, text, len, &u))
            l->unresolved[u].rows++;
        l->no_country_rows += len == 0;
        *out = cached;
        return 0;
    }
    char *key = pn_arena__strndup(&ds->arena, text, len);
    if (!key)
        return pn_error__nomem();

    pn_country_resolver_t *r;
    int status = pn_load__resolver(&r, l);
    if (status != 0)
        return status;
    const char *code = NULL;
    pn_country_match_t how = PN_COUNTRY_MATCH_NONE;
    uint32_t country;
    if (len == 0) {
        l->no_country_rows++;
        status = pn_dataset__country(&country, ds, "", "(unknown)", 0);
    } else if (codes_only && len == 2 && key[0] >= 'A' && key[0] <= 'Z' && key[1] >= 'A' &&
               key[1] <= 'Z' && !pn_country_is_code(r, key)) {
        status = pn_load__error(l, "%s:%u: %s is not an ISO 3166-1 alpha-2 code", file, line,
                                pn_problems__entity(label, "country", key, len));
        if (status == 0)
            status = pn_dataset__country(&country, ds, "", "(unknown)", 0);
    } else if (pn_country_resolve(&code, &how, r, key) == 0) {
        if (how == PN_COUNTRY_MATCH_GUESS)
            status = pn_problems__add(l->problems,
                                      l->opts->strict ? PN_SEVERITY_ERROR : PN_SEVERITY_WARNING,
                                      "%s:%u: %s read as %s (%s), the nearest name", file, line,
                                      pn_problems__entity(label, "country", key, len),
                                      pn_country_name(r, code), code);
        if (status == 0)
            status = pn_load__country_code(&country, l, code);
    } else if (l->opts->strict) {
        status = pn_load__error(l, "%s:%u: %s is not a country name partnet knows", file, line,
                                pn_problems__entity(label, "country", key, len));
        if (status == 0)
            status = pn_dataset__country(&country, ds, key, key, 0);
    } else {
        status = pn_dataset__country(&country, ds, key, key, 0);
        if (status == 0 &&
            pn_array__reserve((void **)&l->unresolved, &l->unresolved_capacity,
                              l->unresolved_count + 1, sizeof *l->unresolved) != 0)
            status = pn_error__nomem();
        if (status == 0 &&
            pn_strmap__put(&l->unresolved_index, key, (uint32_t)l->unresolved_count, NULL) < 0)
            status = pn_error__nomem();
        if (status == 0)
            l->unresolved[l->unresolved_count++] = (pn_unresolved_t){key, 1, line};
    }
    if (status != 0)
        return status;
    if (pn_strmap__put(&l->named, key, country, NULL) < 0)
        return pn_error__nomem();
    *out = country;
    return 0;
}

int pn_load__country_summary(pn_loader_t *l, const char *file)
{
    if (l->no_country_rows)
        if (pn_load__warning(l, "%s: %u cell%s name no country; %s kept in no country", file,
                             l->no_country_rows, l->no_country_rows == 1 ? "" : "s",
                             l->no_country_rows == 1 ? "its node is" : "their nodes are") != 0)
            return PN_ENOMEM;
    if (l->unresolved_count == 0)
        return 0;
    char list[768] = "";
    size_t used = 0, shown = 0;
    for (; shown < l->unresolved_count && shown < 8 && used < sizeof list - 96; shown++) {
        const pn_unresolved_t *u = &l->unresolved[shown];
        used += (size_t)snprintf(list + used, sizeof list - used, "%s\"%.40s\" (%u cell%s, line %u)",
                                 shown ? ", " : "", u->text, u->rows, u->rows == 1 ? "" : "s",
                                 u->first_line);
    }
    if (shown < l->unresolved_count)
        snprintf(list + used, sizeof list - used, " and %zu more", l->unresolved_count - shown);
    return pn_load__warning(l, "%s: %zu country name%s not resolved, kept as %s of %s own: %s",
                            file, l->unresolved_count, l->unresolved_count == 1 ? "" : "s",
                            l->unresolved_count == 1 ? "a country" : "countries",
                            l->unresolved_count == 1 ? "its" : "their", list);
}

void pn_load__trim(const char **text, size_t *len)
{
    while (*len > 0 && (**text == ' ' || **text == '\t')) {
        (*text)++;
        (*len)--;
    }
    while (*len > 0 && ((*text)[*len - 1] == ' ' || (*text)[*len - 1] == '\t'))
        (*len)--;
}

/* Is it a decimal number as people and JSON write it: a sign, digits with a point, an
 * exponent? Not "0x35", "inf", "nan" or spaces, which strtod() also reads. */
static int is_decimal(const char *s, size_t len)
{
    size_t i = 0, digits = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        i++;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    if (i < len && s[i] == '.')
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
            digits++;
    if (digits == 0)
        return 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            i++;
        size_t exponent = i;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == exponent)
            return 0;
    }
    return i == len;
}

int pn_load__number(const char *text, size_t len, double lo, double hi, double *out)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf || !is_decimal(text, len))
        return 0;
    memcpy(buf, text, len);
    buf[len] = '\0';
    char *end;
    double v = strtod(buf, &end);
    if (*end != '\0' || !isfinite(v) || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}

int pn_load__whole(const char *text, size_t len, double lo, double hi, double *out)
{
    for (size_t i = 0; i < len; i++)
        if (text[i] < '0' || text[i] > '9')
            return 0;
    return pn_load__number(text, len, lo, hi, out);
}

int pn_load__coordinates_valid(double lat, double lon)
{
    return fabs(lat) <= PN_LOAD__LATITUDE_MAX && fabs(lon) <= PN_LOAD__LONGITUDE_MAX;
}

int pn_load__resolve_parents(pn_loader_t *l, const char *file, const char *const *parents,
                             const char *field)
{
    pn_dataset_t *ds = l->ds;
    char label[PN_PROBLEMS_ENTITY_MAX];
    for (size_t i = 0; i < ds->node_count; i++) {
        if (!parents[i])
            continue;
        pn_node_t *n = &ds->nodes[i];
        uint32_t parent;
        int status = 0;
        if (pn_dataset_find_node(&parent, ds, parents[i]) != 0)
            status = pn_load__error(l, "%s:%u: %s: %s: no node has the id \"%s\"", file, n->line,
                                    pn_problems__entity(label, "node", n->id, strlen(n->id)),
                                    field, parents[i]);
        else if (parent == i)
            status = pn_load__error(l, "%s:%u: %s: %s: a node cannot be its own parent", file,
                                    n->line,
                                    pn_problems__entity(label, "node", n->id, strlen(n->id)),
                                    field);
        else
            n->parent = parent;
        if (status)
            return status;
    }
    return 0;
}

void pn_load__destroy(pn_loader_t *l)
{
    pn_country_resolver_free(l->resolver);
    pn_strmap__destroy(&l->named);
    pn_strmap__destroy(&l->unresolved_index);
    free(l->unresolved);
}
