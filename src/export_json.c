/*
 * The whole dataset written back as native JSON (graphs/FORMAT.md): what load_json.c reads, so
 * that loading the file written gives the same dataset. One element per line, as the bundled
 * datasets are laid out, so that a line number names one node or agreement.
 */
#include <partnet/export.h>
#include <partnet/outfile.h>

#include "dataset.h"
#include "export.h"
#include "error.h"
#include "strpool.h"

#include <assert.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Add a string field unless it is NULL; @return 0 or -1 (out of memory). */
static int add_text(cJSON *obj, const char *key, const char *text)
{
    return !text || cJSON_AddStringToObject(obj, key, text) ? 0 : -1;
}

static int add_date(cJSON *obj, const char *key, pn_date_t date)
{
    char buf[PN_DATE_TEXT_MAX];
    return date == PN_DATE_NONE ? 0 : add_text(obj, key, pn_date_format(buf, date));
}

static int add_strings(cJSON *obj, const char *key, const char *const *items, size_t count)
{
    if (count == 0)
        return 0;
    cJSON *list = cJSON_AddArrayToObject(obj, key);
    for (size_t i = 0; list && i < count; i++) {
        cJSON *s = cJSON_CreateString(items[i]);
        if (!s || !cJSON_AddItemToArray(list, s)) {
            cJSON_Delete(s);
            return -1;
        }
    }
    return list ? 0 : -1;
}

static cJSON *source_json(const pn_source_t *s)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || add_text(o, "document", s->document) ||
        (s->line && !cJSON_AddNumberToObject(o, "line", s->line)) ||
        add_text(o, "location", s->location) || add_text(o, "quote", s->quote) ||
        add_text(o, "url", s->url)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* Write one element on its own line: ",\n    {...}" after the first. @return 0 or -1 */
static int element(FILE *out, cJSON *obj, int first)
{
    char *text = obj ? cJSON_PrintUnformatted(obj) : NULL;
    cJSON_Delete(obj);
    if (!text)
        return -1;
    fprintf(out, "%s\n    %s", first ? "" : ",", text);
    free(text);
    return 0;
}

static void section_begin(FILE *out, const char *name)
{
    fprintf(out, ",\n  \"%s\": [", name);
}

static void section_end(FILE *out, size_t count)
{
    fputs(count ? "\n  ]" : "]", out);
}

static void meta(FILE *out, const char *key, const char *value)
{
    if (!value)
        return;
    cJSON *s = cJSON_CreateString(value);
    char *text = s ? cJSON_PrintUnformatted(s) : NULL;
    cJSON_Delete(s);
    fprintf(out, ",\n  \"%s\": %s", key, text ? text : "null");
    free(text);
}

static cJSON *document_json(const pn_document_t *d)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || add_text(o, "id", d->id) || add_text(o, "title", d->title) ||
        add_text(o, "author", d->author) ||
        (d->year && !cJSON_AddNumberToObject(o, "year", d->year)) ||
        add_text(o, "url", d->url) || add_text(o, "note", d->note)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *country_json(const pn_country_t *c)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || add_text(o, "code", c->code) || add_text(o, "name", c->name))
        goto fail;
    if (c->regions >= 0) {
        if (!c->regions_year && !c->regions_source) {
            if (!cJSON_AddNumberToObject(o, "regions", c->regions))
                goto fail;
        } else {
            cJSON *r = cJSON_AddObjectToObject(o, "regions");
            if (!r || !cJSON_AddNumberToObject(r, "count", c->regions) ||
                (c->regions_year && !cJSON_AddNumberToObject(r, "year", c->regions_year)) ||
                add_text(r, "source", c->regions_source))
                goto fail;
        }
    }
    if (c->membership_count) {
        cJSON *list = cJSON_AddArrayToObject(o, "memberships");
        for (size_t i = 0; list && i < c->membership_count; i++) {
            const pn_membership_t *m = &c->memberships[i];
            cJSON *mo = cJSON_CreateObject();
            if (!mo || !cJSON_AddItemToArray(list, mo)) {
                cJSON_Delete(mo);
                goto fail;
            }
            if (add_text(mo, "org", m->org) ||
                (m->from && !cJSON_AddNumberToObject(mo, "from", m->from)) ||
                (m->to && !cJSON_AddNumberToObject(mo, "to", m->to)) ||
                add_text(mo, "note", m->note))
                goto fail;
        }
        if (!list)
            goto fail;
    }
    if (add_text(o, "note", c->note))
        goto fail;
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}

static cJSON *node_json(const pn_dataset_t *ds, const pn_node_t *n)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || add_text(o, "id", n->id) || add_text(o, "name", n->name) ||
        add_text(o, "country", ds->countries[n->country].code) ||
        add_text(o, "level", pn_level_name(n->level)) ||
        (n->first_level && !cJSON_AddTrueToObject(o, "first_level")) ||
        (n->parent != PN_NONE && add_text(o, "parent", ds->nodes[n->parent].id)) ||
        add_strings(o, "aliases", n->aliases, n->alias_count) ||
        (!isnan(n->lat) && (!cJSON_AddNumberToObject(o, "lat", n->lat) ||
                            !cJSON_AddNumberToObject(o, "lon", n->lon))) ||
        add_text(o, "note", n->note)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static int add_sources(cJSON *o, const pn_agreement_t *a)
{
    if (a->source_count == 0)
        return 0;
    if (a->source_count == 1) {
        cJSON *s = source_json(&a->sources[0]);
        if (!s || !cJSON_AddItemToObject(o, "source", s)) {
            cJSON_Delete(s);
            return -1;
        }
        return 0;
    }
    cJSON *list = cJSON_AddArrayToObject(o, "sources");
    for (size_t i = 0; list && i < a->source_count; i++) {
        cJSON *s = source_json(&a->sources[i]);
        if (!s || !cJSON_AddItemToArray(list, s)) {
            cJSON_Delete(s);
            return -1;
        }
    }
    return list ? 0 : -1;
}

static cJSON *agreement_json(const pn_dataset_t *ds, const pn_agreement_t *a, const char *id)
{
    cJSON *o = cJSON_CreateObject();
    const char *parties[2] = {ds->nodes[a->a].id, ds->nodes[a->b].id};
    cJSON *pair = cJSON_CreateStringArray(parties, 2);
    if (!o || !pair || !cJSON_AddStringToObject(o, "id", id) ||
        !cJSON_AddItemToObject(o, "parties", pair)) {
        cJSON_Delete(pair);
        goto fail;
    }
    if (add_date(o, "date", a->date) || add_date(o, "end", a->end) ||
        add_text(o, "kind", pn_kind_name(a->kind)) ||
        (!a->kind_stated && !cJSON_AddFalseToObject(o, "kind_stated")) ||
        add_strings(o, "domains", a->domains, a->domain_count) || add_sources(o, a) ||
        add_text(o, "note", a->note))
        goto fail;
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}

static cJSON *reported_json(const pn_dataset_t *ds, const pn_reported_t *r)
{
    cJSON *o = cJSON_CreateObject();
    if (!o || add_text(o, "id", r->id) || add_text(o, "metric", r->metric) ||
        add_text(o, "description", r->description))
        goto fail;
    if (r->country_count) {
        const char *codes[2];
        for (size_t i = 0; i < r->country_count && i < 2; i++)
            codes[i] = ds->countries[r->countries[i]].code;
        cJSON *list = cJSON_CreateStringArray(codes, (int)r->country_count);
        if (!list || !cJSON_AddItemToObject(o, "countries", list)) {
            cJSON_Delete(list);
            goto fail;
        }
    }
    if ((r->party != PN_NONE && add_text(o, "party", ds->nodes[r->party].id)) ||
        (r->kind >= 0 && add_text(o, "kind", pn_kind_name((pn_kind_t)r->kind))) ||
        (r->has_value && !cJSON_AddNumberToObject(o, "value", r->value)) ||
        add_text(o, "qualifier", r->qualifier) ||
        (r->total >= 0 && !cJSON_AddNumberToObject(o, "total", r->total)) ||
        add_date(o, "as_of", r->as_of) || add_date(o, "since", r->since))
        goto fail;
    if (r->source.document) {
        cJSON *s = source_json(&r->source);
        if (!s || !cJSON_AddItemToObject(o, "source", s)) {
            cJSON_Delete(s);
            goto fail;
        }
    }
    if (add_text(o, "note", r->note))
        goto fail;
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}

/* Native JSON names countries by ISO code: a node in a country a pair list could not resolve
 * (or in none) cannot be written. */
static int check_countries(const pn_dataset_t *ds)
{
    for (size_t i = 0; i < ds->node_count; i++) {
        const pn_country_t *c = &ds->countries[ds->nodes[i].country];
        if (!c->resolved)
            return pn_error_set(PN_EINVALID, "%s: node \"%s\" is in %s; native JSON needs an "
                                "ISO 3166-1 country for every node (give the country, or "
                                "leave the node out)", ds->name, ds->nodes[i].id,
                                c->code[0] ? c->code : "no country");
    }
    return 0;
}

static int write_dataset(FILE *out, const pn_dataset_t *ds)
{
    int status = 0;
    fputs("{\n  \"format\": \"partnet/1\"", out);
    meta(out, "title", ds->title);
    meta(out, "description", ds->description);
    meta(out, "license", ds->license);
    meta(out, "citation", ds->citation);

    section_begin(out, "documents");
    for (size_t i = 0; i < ds->document_count && !status; i++)
        status = element(out, document_json(&ds->documents[i]), i == 0);
    section_end(out, ds->document_count);

    section_begin(out, "countries");
    size_t written = 0;
    for (size_t i = 0; i < ds->country_count && !status; i++)
        if (ds->countries[i].resolved)
            status = element(out, country_json(&ds->countries[i]), written++ == 0);
    section_end(out, written);

    section_begin(out, "nodes");
    for (size_t i = 0; i < ds->node_count && !status; i++)
        status = element(out, node_json(ds, &ds->nodes[i]), i == 0);
    section_end(out, ds->node_count);

    section_begin(out, "agreements");
    for (size_t i = 0; i < ds->agreement_count && !status; i++) {
        pn_agreement_t a;
        char id[PN_EXPORT__ID_MAX];
        pn_dataset_agreement(&a, ds, i);
        const char *name = a.id ? a.id : pn_export__agreement_id(id, ds, i);
        status = element(out, agreement_json(ds, &a, name), i == 0);
    }
    section_end(out, ds->agreement_count);

    section_begin(out, "reported");
    for (size_t i = 0; i < ds->reported_count && !status; i++)
        status = element(out, reported_json(ds, &ds->reported[i]), i == 0);
    section_end(out, ds->reported_count);
    fputs("\n}\n", out);
    return status ? pn_error__nomem() : 0;
}

int pn_export_dataset(const pn_dataset_t *ds, const char *path)
{
    assert(ds && path);
    int status = check_countries(ds);
    if (status != 0)
        return status;
    pn_outfile_t *f = NULL;
    if ((status = pn_outfile_open(&f, path)) != 0)
        return status;
    status = write_dataset(pn_outfile_stream(f), ds);
    if (status != 0) {
        pn_outfile_free(f);
        return status;
    }
    return pn_outfile_commit(f);
}
