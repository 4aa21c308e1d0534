/*
 * The native JSON reader: the schema of graphs/FORMAT.md. The scanner (load_json_scan.c)
 * hands it each element of the documents, countries, nodes, agreements and reported lists,
 * parsed alone with its line, and frees it once read: only the dataset grows with the file.
 * Elements are read in dependency order (documents, countries, nodes, agreements, reported)
 * and every problem is reported, not just the first.
 */
#include "load_json_scan.h"
#include "load_readers.h"

#include "array.h"
#include "error.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SEC_DOCUMENTS, SEC_COUNTRIES, SEC_NODES, SEC_AGREEMENTS, SEC_REPORTED, SEC_COUNT };
static const char *const section_names[SEC_COUNT + 1] = {"documents", "countries", "nodes",
                                                         "agreements", "reported", NULL};
static const char *const meta_fields[] = {"format", "title", "description", "license",
                                          "citation", NULL};
#define FORMAT_NAME "partnet/1"

typedef pn_json_scan_t json_t;
typedef pn_json_element_t element_t;

/* The state of reading the sections element by element. */
typedef struct {
    json_t *j;
    int section;      /* the section being read: those before it are finished */
    int meta_read;
    size_t index[SEC_COUNT]; /* elements of each section so far, for "nodes[3]" */
    /* each node's parent id by node index (copies): parents may be listed after children */
    char **parents;
    size_t parent_count, parent_capacity;
    /* while the scan runs, the readers' problems: they come after the scan's, and a scan
     * that fails reports its own alone */
    pn_problems_t *held;
} reading_t;

/* One element being read, for messages: "cis.json:212: agreement \"a17\": ..." */
typedef struct {
    json_t *j;
    const cJSON *obj;
    uint32_t line;
    char label[PN_PROBLEMS_ENTITY_MAX];
    int errors;
} elem_t;

/* ---- reading one element ------------------------------------------------------------ */

static void elem_error(elem_t *e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void elem_report(elem_t *e, pn_severity_t severity, const char *fmt, va_list ap)
{
    char detail[768];
    vsnprintf(detail, sizeof detail, fmt, ap);
    int status = pn_problems__add(e->j->l->problems, severity, "%s:%u: %s: %s", e->j->name,
                                  e->line, e->label, detail);
    if (status)
        e->j->status = status;
}

static void elem_error(elem_t *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    elem_report(e, PN_SEVERITY_ERROR, fmt, ap);
    va_end(ap);
    e->errors++;
}

static void elem_warning(elem_t *e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void elem_warning(elem_t *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    elem_report(e, PN_SEVERITY_WARNING, fmt, ap);
    va_end(ap);
}

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "true or false";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "a list";
    if (cJSON_IsObject(v))
        return "an object";
    return "something else";
}

static void elem_begin(elem_t *e, json_t *j, const element_t *el, const char *what,
                       size_t index)
{
    e->j = j;
    e->obj = el->item;
    e->line = el->line;
    e->errors = 0;
    snprintf(e->label, sizeof e->label, "%s[%zu]", what, index);
}

/* Name the element by its id once known: node "minsk" rather than nodes[3]. */
static void elem_name(elem_t *e, const char *kind, const char *id)
{
    pn_problems__entity(e->label, kind, id, strlen(id));
}

static int elem_is_object(elem_t *e)
{
    if (cJSON_IsObject(e->obj))
        return 1;
    elem_error(e, "expected an object { ... }, found %s", type_name(e->obj));
    return 0;
}

static void check_fields(elem_t *e, const cJSON *obj, const char *const *allowed)
{
    const cJSON *field;
    cJSON_ArrayForEach(field, obj) {
        int known = 0;
        for (const char *const *a = allowed; *a && !known; a++)
            known = strcmp(field->string, *a) == 0;
        if (!known)
            elem_warning(e, "unknown field \"%s\" ignored", field->string);
    }
}

/* The field, or NULL when absent or null. */
static const cJSON *field_of(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsNull(v) ? NULL : v;
}

static const char *string_field(elem_t *e, const cJSON *obj, const char *key, int required)
{
    const cJSON *v = field_of(obj, key);
    if (!v) {
        if (required)
            elem_error(e, "field \"%s\" is missing", key);
        return NULL;
    }
    if (!cJSON_IsString(v)) {
        elem_error(e, "field \"%s\": expected a string, found %s", key, type_name(v));
        return NULL;
    }
    if (required && !v->valuestring[0]) {
        elem_error(e, "field \"%s\" is empty", key);
        return NULL;
    }
    return v->valuestring;
}

/* Begin reading the element @p index of @p list, an object named by its field @p key (a
 * @p kind, in messages), whose fields are checked against @p fields. @return the name, or
 * NULL (reported) */
static const char *elem_open(elem_t *e, json_t *j, const element_t *el, const char *list,
                             size_t index, const char *key, const char *kind,
                             const char *const *fields)
{
    elem_begin(e, j, el, list, index);
    if (!elem_is_object(e))
        return NULL;
    const char *name = string_field(e, e->obj, key, 1);
    if (!name)
        return NULL;
    elem_name(e, kind, name);
    check_fields(e, e->obj, fields);
    return name;
}

/* @return 1 when present and an integer in [lo, hi] (stored in *out), 0 otherwise. */
static int int_field(elem_t *e, const cJSON *obj, const char *key, int required, double lo,
                     double hi, long *out)
{
    const cJSON *v = field_of(obj, key);
    if (!v) {
        if (required)
            elem_error(e, "field \"%s\" is missing", key);
        return 0;
    }
    if (!cJSON_IsNumber(v)) {
        elem_error(e, "field \"%s\": expected a whole number, found %s", key, type_name(v));
        return 0;
    }
    double d = v->valuedouble;
    if (!isfinite(d) || d != floor(d) || d < lo || d > hi) {
        elem_error(e, "field \"%s\": expected a whole number from %.0f to %.0f, found %g", key,
                   lo, hi, d);
        return 0;
    }
    *out = (long)d;
    return 1;
}

/* @return 1 when present and a number in [lo, hi] (stored in *out), 0 when absent, -1 when
 * present but wrong (reported). */
static int number_field(elem_t *e, const cJSON *obj, const char *key, double lo, double hi,
                        double *out)
{
    const cJSON *v = field_of(obj, key);
    if (!v)
        return 0;
    if (!cJSON_IsNumber(v)) {
        elem_error(e, "field \"%s\": expected a number, found %s", key, type_name(v));
        return -1;
    }
    double d = v->valuedouble;
    if (!isfinite(d) || d < lo || d > hi) {
        elem_error(e, "field \"%s\": expected a number from %g to %g, found %g", key, lo, hi, d);
        return -1;
    }
    *out = d;
    return 1;
}

static pn_date_t date_field(elem_t *e, const cJSON *obj, const char *key)
{
    const char *text = string_field(e, obj, key, 0);
    pn_date_t date = PN_DATE_NONE;
    if (text && pn_date_parse(&date, text, strlen(text)) != 0) {
        elem_error(e, "field \"%s\": \"%s\": %s", key, text, pn_error_last());
        return PN_DATE_NONE;
    }
    return date;
}

/* Copy a string into the dataset; NULL stays NULL. */
static const char *keep(json_t *j, const char *s)
{
    if (!s)
        return NULL;
    const char *copy = pn_arena__strdup(&j->l->ds->arena, s);
    if (!copy)
        j->status = PN_ENOMEM;
    return copy;
}

/* The strings of a list field; @p *items is malloc'ed (may be NULL when count is 0). */
static size_t string_list_field(elem_t *e, const cJSON *obj, const char *key,
                                const char ***items)
{
    *items = NULL;
    const cJSON *v = field_of(obj, key);
    if (!v)
        return 0;
    if (!cJSON_IsArray(v)) {
        elem_error(e, "field \"%s\": expected a list of strings, found %s", key, type_name(v));
        return 0;
    }
    size_t n = (size_t)cJSON_GetArraySize(v), count = 0;
    if (n == 0)
        return 0;
    const char **list = malloc(n * sizeof *list);
    if (!list) {
        e->j->status = PN_ENOMEM;
        return 0;
    }
    const cJSON *item;
    size_t index = 0;
    cJSON_ArrayForEach(item, v) {
        if (!cJSON_IsString(item) || !item->valuestring[0])
            elem_error(e, "field \"%s\": item %zu: expected a non-empty string, found %s", key,
                       index + 1, cJSON_IsString(item) ? "an empty string" : type_name(item));
        else
            list[count++] = item->valuestring;
        index++;
    }
    *items = list;
    return count;
}

static const char *const source_fields[] = {"document", "line", "location", "quote", "url", NULL};

/* One source object (@p where names it in messages: "field \"source\""). */
static void read_source(elem_t *e, const cJSON *src, const char *where, pn_source_t *out)
{
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(src)) {
        elem_error(e, "%s: expected an object with document, line and quote, found %s", where,
                   type_name(src));
        return;
    }
    check_fields(e, src, source_fields);
    const char *document = string_field(e, src, "document", 1);
    long line = 0;
    int_field(e, src, "line", 0, 1, PN_LOAD__LINE_MAX, &line);
    const pn_dataset_t *ds = e->j->l->ds;
    uint32_t index;
    if (document && ds->document_count > 0 &&
        !pn_strmap__get(&ds->document_index, document, strlen(document), &index))
        elem_error(e, "source document \"%s\" is not in the dataset's documents", document);
    out->document = keep(e->j, document);
    out->line = (uint32_t)line;
    out->location = keep(e->j, string_field(e, src, "location", 0));
    out->quote = keep(e->j, string_field(e, src, "quote", 0));
    out->url = keep(e->j, string_field(e, src, "url", 0));
}

static void source_field(elem_t *e, const cJSON *obj, pn_source_t *out)
{
    memset(out, 0, sizeof *out);
    const cJSON *src = field_of(obj, "source");
    if (src)
        read_source(e, src, "field \"source\"", out);
}

/* An agreement's provenance: "source" (one object) or "sources" (a list of them, for an
 * agreement several sources report), not both. *sources is in the arena when there are
 * several, NULL otherwise; *out is the first. @return the number of sources */
static size_t sources_field(elem_t *e, const cJSON *obj, pn_source_t *out,
                            const pn_source_t **sources)
{
    *sources = NULL;
    const cJSON *list = field_of(obj, "sources");
    if (!list) {
        source_field(e, obj, out);
        return out->document ? 1 : 0;
    }
    memset(out, 0, sizeof *out);
    if (field_of(obj, "source")) {
        elem_error(e, "fields \"source\" and \"sources\": give one of them (sources is the list "
                      "of several)");
        return 0;
    }
    if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) == 0) {
        elem_error(e, "field \"sources\": expected a non-empty list of source objects, found %s",
                   cJSON_IsArray(list) ? "an empty list" : type_name(list));
        return 0;
    }
    size_t n = (size_t)cJSON_GetArraySize(list), k = 0;
    pn_source_t *kept = pn_arena__alloc(&e->j->l->ds->arena, n * sizeof *kept);
    if (!kept) {
        e->j->status = PN_ENOMEM;
        return 0;
    }
    const cJSON *item;
    cJSON_ArrayForEach(item, list) {
        char where[48];
        snprintf(where, sizeof where, "field \"sources\": item %zu", k + 1);
        read_source(e, item, where, &kept[k++]);
    }
    *out = kept[0];
    if (n > 1)
        *sources = kept;
    return n;
}

/* ---- the sections -------------------------------------------------------------------- */

static void read_document(json_t *j, const element_t *el, size_t index)
{
    static const char *const fields[] = {"id", "title", "author", "year", "url", "note", NULL};
    pn_dataset_t *ds = j->l->ds;
    elem_t e;
    const char *id = elem_open(&e, j, el, "documents", index, "id", "document", fields);
    if (!id)
        return;
    uint32_t existing;
    if (pn_strmap__get(&ds->document_index, id, strlen(id), &existing)) {
        elem_error(&e, "a document with this id already exists");
        return;
    }
    long year = 0;
    int_field(&e, e.obj, "year", 0, PN_DATE_MIN_YEAR, PN_DATE_MAX_YEAR, &year);
    pn_document_t *d = pn_dataset__push_document(ds, id);
    if (!d) {
        j->status = PN_ENOMEM;
        return;
    }
    d->title = keep(j, string_field(&e, e.obj, "title", 0));
    d->author = keep(j, string_field(&e, e.obj, "author", 0));
    d->year = (int)year;
    d->url = keep(j, string_field(&e, e.obj, "url", 0));
    d->note = keep(j, string_field(&e, e.obj, "note", 0));
}

static void read_regions(elem_t *e, pn_country_t *c)
{
    static const char *const fields[] = {"count", "year", "source", NULL};
    const cJSON *v = field_of(e->obj, "regions");
    long count = -1, year = 0;
    if (!v)
        return;
    if (cJSON_IsNumber(v)) {
        if (!int_field(e, e->obj, "regions", 0, 0, PN_LOAD__REGIONS_MAX, &count))
            return;
    } else if (cJSON_IsObject(v)) {
        check_fields(e, v, fields);
        if (!int_field(e, v, "count", 1, 0, PN_LOAD__REGIONS_MAX, &count))
            return;
        int_field(e, v, "year", 0, PN_DATE_MIN_YEAR, PN_DATE_MAX_YEAR, &year);
        c->regions_source = keep(e->j, string_field(e, v, "source", 0));
    } else {
        elem_error(e, "field \"regions\": expected a number or an object with count, year and "
                      "source, found %s", type_name(v));
        return;
    }
    c->regions = (int)count;
    c->regions_year = (int)year;
}

static void read_memberships(elem_t *e, pn_country_t *c)
{
    static const char *const fields[] = {"org", "from", "to", "note", NULL};
    const cJSON *v = field_of(e->obj, "memberships");
    if (!v)
        return;
    if (!cJSON_IsArray(v)) {
        elem_error(e, "field \"memberships\": expected a list, found %s", type_name(v));
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(v);
    pn_membership_t *list = pn_arena__alloc(&e->j->l->ds->arena, (n ? n : 1) * sizeof *list);
    if (!list) {
        e->j->status = PN_ENOMEM;
        return;
    }
    size_t count = 0;
    const cJSON *m;
    cJSON_ArrayForEach(m, v) {
        if (!cJSON_IsObject(m)) {
            elem_error(e, "field \"memberships\": expected objects with org, from and to, found "
                          "%s", type_name(m));
            continue;
        }
        check_fields(e, m, fields);
        const char *org = string_field(e, m, "org", 1);
        long from = 0, to = 0;
        int_field(e, m, "from", 0, PN_DATE_MIN_YEAR, PN_DATE_MAX_YEAR, &from);
        int_field(e, m, "to", 0, PN_DATE_MIN_YEAR, PN_DATE_MAX_YEAR, &to);
        if (from && to && to < from)
            elem_error(e, "membership of %s: left in %ld, before joining in %ld",
                       org ? org : "?", to, from);
        if (!org)
            continue;
        list[count].org = keep(e->j, org);
        list[count].from = (int)from;
        list[count].to = (int)to;
        list[count].note = keep(e->j, string_field(e, m, "note", 0));
        count++;
    }
    c->memberships = list;
    c->membership_count = count;
}

static void read_country(json_t *j, const element_t *el, size_t position)
{
    static const char *const fields[] = {"code", "name", "regions", "memberships", "note", NULL};
    pn_dataset_t *ds = j->l->ds;
    elem_t e;
    const char *code = elem_open(&e, j, el, "countries", position, "code", "country", fields);
    if (!code)
        return;
    uint32_t index;
    if (pn_dataset_find_country(&index, ds, code) == 0) {
        elem_error(&e, "this country is listed twice");
        return;
    }
    int status = pn_load__country_code(&index, j->l, code);
    if (status == PN_ENOTFOUND) {
        elem_error(&e, "\"%s\" is not an ISO 3166-1 alpha-2 country code", code);
        return;
    }
    if (status) {
        j->status = status;
        return;
    }
    pn_country_t *c = &ds->countries[index];
    const char *name = string_field(&e, e.obj, "name", 0);
    if (name)
        c->name = keep(j, name);
    c->note = keep(j, string_field(&e, e.obj, "note", 0));
    read_regions(&e, c);
    read_memberships(&e, c);
}

/* A node's country: a known ISO code, added to the dataset's countries when new. A node in
 * error gets the unknown country "", so that it can still be added and later agreements that
 * name it do not report it missing. */
static uint32_t node_country(elem_t *e, const char *code)
{
    uint32_t index = 0;
    int status = code ? pn_load__country_code(&index, e->j->l, code) : PN_ENOTFOUND;
    if (status == PN_ENOTFOUND && code)
        elem_error(e, "field \"country\": \"%s\" is not an ISO 3166-1 alpha-2 country code",
                   code);
    if (status == PN_ENOTFOUND)
        status = pn_dataset__country(&index, e->j->l->ds, "", "(unknown)", 0);
    if (status)
        e->j->status = status;
    return index;
}

/* Keep node @p i's parent id until the nodes are all read. @return 0 or PN_ENOMEM */
static int keep_parent(reading_t *r, size_t i, const char *parent)
{
    if (pn_array__reserve((void **)&r->parents, &r->parent_capacity, i + 1,
                          sizeof *r->parents) != 0)
        return PN_ENOMEM;
    for (; r->parent_count <= i; r->parent_count++)
        r->parents[r->parent_count] = NULL;
    if (parent && !(r->parents[i] = strdup(parent)))
        return PN_ENOMEM;
    return 0;
}

static void read_node(reading_t *r, const element_t *el, size_t index)
{
    static const char *const fields[] = {"id",  "name", "country", "level", "first_level",
                                         "parent", "aliases", "lat", "lon", "note", NULL};
    json_t *j = r->j;
    pn_dataset_t *ds = j->l->ds;
    elem_t e;
    const char *id = elem_open(&e, j, el, "nodes", index, "id", "node", fields);
    if (!id)
        return;
    uint32_t existing;
    if (pn_dataset_find_node(&existing, ds, id) == 0) {
        elem_error(&e, "another node has this id (line %u)%s", ds->nodes[existing].line,
                   strcmp(ds->nodes[existing].id, id) ? PN_LOAD__OTHER_FORM : "");
        return;
    }
    const char *name = string_field(&e, e.obj, "name", 1);
    const char *code = string_field(&e, e.obj, "country", 1);
    const char *level_name = string_field(&e, e.obj, "level", 1);
    pn_level_t level = PN_LEVEL_CITY;
    if (level_name && pn_level_parse(&level, level_name) != 0)
        elem_error(&e, "field \"level\": expected " PN_LOAD__LEVELS ", found \"%s\"",
                   level_name);
    uint32_t country = node_country(&e, code);
    double lat = NAN, lon = NAN;
    int has_lat = number_field(&e, e.obj, "lat", -PN_LOAD__LATITUDE_MAX,
                               PN_LOAD__LATITUDE_MAX, &lat);
    int has_lon = number_field(&e, e.obj, "lon", -PN_LOAD__LONGITUDE_MAX,
                               PN_LOAD__LONGITUDE_MAX, &lon);
    /* a wrong one is reported already; only a missing one is a second error */
    if ((has_lat == 0 && has_lon == 1) || (has_lat == 1 && has_lon == 0))
        elem_error(&e, "fields \"lat\" and \"lon\" go together: give both or neither");
    const char **aliases;
    size_t alias_count = string_list_field(&e, e.obj, "aliases", &aliases);
    const char *parent = string_field(&e, e.obj, "parent", 0);
    const cJSON *first_level = field_of(e.obj, "first_level");
    if (first_level && !cJSON_IsBool(first_level))
        elem_error(&e, "field \"first_level\": expected true or false, found %s",
                   type_name(first_level));
    if (cJSON_IsTrue(first_level) && parent)
        elem_error(&e, "a first-level unit has no parent");
    if (j->status) {
        free(aliases);
        return;
    }
    pn_node_t *n = pn_dataset__push_node(ds, id, strlen(id));
    const char **kept = pn_arena__alloc(&ds->arena, (alias_count ? alias_count : 1) *
                                                        sizeof *kept);
    if (!n || !kept || keep_parent(r, ds->node_count - 1, parent) != 0) {
        free(aliases);
        j->status = PN_ENOMEM;
        return;
    }
    n->name = name ? keep(j, name) : n->id;
    n->country = country;
    n->level = level;
    n->first_level = cJSON_IsTrue(first_level);
    n->line = e.line;
    n->note = keep(j, string_field(&e, e.obj, "note", 0));
    if (has_lat == 1 && has_lon == 1) {
        n->lat = lat;
        n->lon = lon;
    }
    for (size_t k = 0; k < alias_count; k++)
        kept[k] = keep(j, aliases[k]);
    n->aliases = kept;
    n->alias_count = alias_count;
    free(aliases);
}

/* Once every node is read: their parents. */
static void finish_nodes(reading_t *r)
{
    json_t *j = r->j;
    if (keep_parent(r, j->l->ds->node_count, NULL) != 0) {
        j->status = PN_ENOMEM;
        return;
    }
    int status = pn_load__resolve_parents(j->l, j->name, (const char *const *)r->parents,
                                          "field \"parent\"");
    if (status)
        j->status = status;
}

/* A party given by node id; PN_NONE (and an error) when unknown. */
static uint32_t party(elem_t *e, const cJSON *v, int which)
{
    if (!cJSON_IsString(v) || !v->valuestring[0]) {
        elem_error(e, "field \"parties\": party %d: expected a node id, found %s", which,
                   cJSON_IsString(v) ? "an empty string" : type_name(v));
        return PN_NONE;
    }
    uint32_t node;
    if (pn_dataset_find_node(&node, e->j->l->ds, v->valuestring) != 0) {
        elem_error(e, "field \"parties\": no node has the id \"%s\"", v->valuestring);
        return PN_NONE;
    }
    return node;
}

static void read_agreement(json_t *j, const element_t *el, size_t index)
{
    static const char *const fields[] = {"id", "parties", "date", "end", "kind", "kind_stated",
                                         "domains", "source", "sources", "note", NULL};
    pn_dataset_t *ds = j->l->ds;
    elem_t e;
    elem_begin(&e, j, el, "agreements", index);
    if (!elem_is_object(&e))
        return;
    const char *id = string_field(&e, e.obj, "id", 1);
    if (id) {
        elem_name(&e, "agreement", id);
        uint32_t existing;
        if (pn_strmap__get(&ds->agreement_ids, id, strlen(id), &existing))
            elem_error(&e, "another agreement has this id (line %u)", ds->line[existing]);
    }
    check_fields(&e, e.obj, fields);
    const cJSON *parties = field_of(e.obj, "parties");
    uint32_t a = PN_NONE, b = PN_NONE;
    if (!parties) {
        elem_error(&e, "field \"parties\" is missing");
    } else if (!cJSON_IsArray(parties) || cJSON_GetArraySize(parties) != 2) {
        elem_error(&e, "field \"parties\": expected a list of two node ids, found %s",
                   cJSON_IsArray(parties) ? "a list of another length" : type_name(parties));
    } else {
        a = party(&e, cJSON_GetArrayItem(parties, 0), 1);
        b = party(&e, cJSON_GetArrayItem(parties, 1), 2);
        if (a != PN_NONE && a == b)
            elem_error(&e, "field \"parties\": an agreement of \"%s\" with itself",
                       ds->nodes[a].id);
    }
    pn_date_t date = date_field(&e, e.obj, "date");
    pn_date_t end = date_field(&e, e.obj, "end");
    const char *kind_name = string_field(&e, e.obj, "kind", 1);
    pn_kind_t kind = PN_KIND_OTHER;
    if (kind_name && pn_kind_parse(&kind, kind_name) != 0)
        elem_error(&e, "field \"kind\": expected " PN_LOAD__KINDS ", found \"%s\"", kind_name);
    const cJSON *kind_stated = field_of(e.obj, "kind_stated");
    if (kind_stated && !cJSON_IsBool(kind_stated))
        elem_error(&e, "field \"kind_stated\": expected true or false, found %s",
                   type_name(kind_stated));
    const char **domains;
    size_t domain_count = string_list_field(&e, e.obj, "domains", &domains);
    pn_source_t source;
    const pn_source_t *sources;
    size_t source_count = sources_field(&e, e.obj, &source, &sources);
    const char *note = keep(j, string_field(&e, e.obj, "note", 0));
    if (e.errors || j->status || !id) {
        free(domains);
        return;
    }
    uint32_t extra;
    pn_agreement_extra_t *x = pn_dataset__push_extra(&extra, ds);
    int status = x ? pn_dataset__intern_domains(&x->domains, ds, domains, domain_count)
                   : PN_ENOMEM;
    free(domains);
    if (status) {
        j->status = status;
        return;
    }
    x->id = keep(j, id);
    x->note = note;
    x->source = source;
    x->sources = sources;
    x->source_count = sources ? (uint32_t)source_count : 0;
    if (!x->id || pn_strmap__put(&ds->agreement_ids, x->id, (uint32_t)ds->agreement_count,
                                 NULL) < 0 ||
        pn_dataset__push_agreement(ds, a, b, date, end, kind, e.line, extra) != 0 ||
        pn_dataset__set_kind_stated(ds, ds->agreement_count - 1, !cJSON_IsFalse(kind_stated)) !=
            0) {
        j->status = PN_ENOMEM;
        return;
    }
}

static const char *const metrics[] = {"agreements", "regions_covered", "partners", NULL};
static const char *const qualifiers[] = {"exact", "about", "more_than", "at_least", "at_most",
                                         "all", "almost_all", "most", NULL};

static int one_of(const char *s, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(s, *names) == 0)
            return 1;
    return 0;
}

static void read_reported(json_t *j, const element_t *el, size_t index)
{
    static const char *const fields[] = {"id", "metric", "description", "countries", "party",
                                         "kind", "value", "qualifier", "total", "as_of",
                                         "since", "source", "note", NULL};
    pn_dataset_t *ds = j->l->ds;
    elem_t e;
    elem_begin(&e, j, el, "reported", index);
    if (!elem_is_object(&e))
        return;
    const char *id = string_field(&e, e.obj, "id", 1);
    if (id)
        elem_name(&e, "reported figure", id);
    check_fields(&e, e.obj, fields);
    const char *metric = string_field(&e, e.obj, "metric", 1);
    if (metric && !one_of(metric, metrics))
        elem_error(&e, "field \"metric\": expected agreements, regions_covered or partners, "
                       "found \"%s\"", metric);
    const char **codes;
    size_t code_count = string_list_field(&e, e.obj, "countries", &codes);
    uint32_t countries[2] = {0, 0};
    if (code_count > 2)
        elem_error(&e, "field \"countries\": expected at most two country codes");
    for (size_t k = 0; k < code_count && k < 2; k++) {
        int status = pn_load__country_code(&countries[k], j->l, codes[k]);
        if (status == PN_ENOTFOUND)
            elem_error(&e, "field \"countries\": \"%s\" is not an ISO 3166-1 alpha-2 "
                           "country code", codes[k]);
        else if (status)
            j->status = status;
    }
    free(codes);
    const char *party_id = string_field(&e, e.obj, "party", 0);
    uint32_t party_node = PN_NONE;
    if (party_id && pn_dataset_find_node(&party_node, ds, party_id) != 0)
        elem_error(&e, "field \"party\": no node has the id \"%s\"", party_id);
    const char *kind_name = string_field(&e, e.obj, "kind", 0);
    pn_kind_t kind = PN_KIND_OTHER;
    if (kind_name && pn_kind_parse(&kind, kind_name) != 0)
        elem_error(&e, "field \"kind\": \"%s\" is not an agreement kind", kind_name);
    double value = 0;
    int has_value = number_field(&e, e.obj, "value", 0, PN_LOAD__FIGURE_MAX, &value);
    const char *qualifier = string_field(&e, e.obj, "qualifier", 0);
    if (qualifier && !one_of(qualifier, qualifiers))
        elem_error(&e, "field \"qualifier\": expected exact, about, more_than, at_least, "
                       "at_most, all, almost_all or most, found \"%s\"", qualifier);
    int qualitative = qualifier && (strcmp(qualifier, "all") == 0 ||
                                    strcmp(qualifier, "almost_all") == 0 ||
                                    strcmp(qualifier, "most") == 0);
    if (has_value == 0 && !qualitative)
        elem_error(&e, "field \"value\" is missing (only qualifiers all, almost_all and "
                       "most go without a value)");
    long total = -1;
    int_field(&e, e.obj, "total", 0, 0, PN_LOAD__TOTAL_MAX, &total);
    pn_date_t as_of = date_field(&e, e.obj, "as_of");
    pn_date_t since = date_field(&e, e.obj, "since");
    if (since && (!as_of || pn_date_last_day(as_of) < pn_date_first_day(since)))
        elem_error(&e, "field \"since\": a period needs an as_of date that does not come "
                       "before it");
    pn_source_t source;
    source_field(&e, e.obj, &source);
    if (e.errors || j->status)
        return;
    pn_reported_t *r = pn_dataset__push_reported(ds);
    uint32_t *kept = pn_arena__alloc(&ds->arena, 2 * sizeof *kept);
    if (!r || !kept) {
        j->status = PN_ENOMEM;
        return;
    }
    memcpy(kept, countries, sizeof countries);
    r->id = keep(j, id);
    r->metric = keep(j, metric);
    r->description = keep(j, string_field(&e, e.obj, "description", 0));
    r->country_count = code_count;
    r->countries = kept;
    r->party = party_node;
    r->kind = kind_name ? (int)kind : -1;
    r->has_value = has_value;
    r->value = value;
    r->qualifier = keep(j, qualifier ? qualifier : "exact");
    r->total = (int)total;
    r->as_of = as_of;
    r->since = since;
    r->source = source;
    r->note = keep(j, string_field(&e, e.obj, "note", 0));
}

static void read_meta(json_t *j)
{
    elem_t e = {j, j->meta, 1, "top object", 0};
    const char *format = string_field(&e, j->meta, "format", 0);
    if (format && strcmp(format, FORMAT_NAME) != 0)
        elem_error(&e, "field \"format\": this partnet reads \"" FORMAT_NAME "\", not \"%s\"",
                   format);
    pn_dataset_t *ds = j->l->ds;
    ds->title = keep(j, string_field(&e, j->meta, "title", 0));
    ds->description = keep(j, string_field(&e, j->meta, "description", 0));
    ds->license = keep(j, string_field(&e, j->meta, "license", 0));
    ds->citation = keep(j, string_field(&e, j->meta, "citation", 0));
}

/* Finish the sections before @p section; the top object's fields come first of all. */
static void advance(reading_t *r, int section)
{
    if (!r->meta_read) {
        read_meta(r->j);
        r->meta_read = 1;
    }
    for (; r->section < section && !r->j->status; r->section++)
        if (r->section == SEC_NODES)
            finish_nodes(r);
}

static int visit(void *ctx, int section, const element_t *el)
{
    reading_t *r = ctx;
    json_t *j = r->j;
    pn_problems_t *problems = j->l->problems;
    if (r->held)
        j->l->problems = r->held;
    advance(r, section);
    size_t index = r->index[section]++;
    if (!j->status) {
        switch (section) {
        case SEC_DOCUMENTS: read_document(j, el, index); break;
        case SEC_COUNTRIES: read_country(j, el, index); break;
        case SEC_NODES: read_node(r, el, index); break;
        case SEC_AGREEMENTS: read_agreement(j, el, index); break;
        default: read_reported(j, el, index); break;
        }
    }
    j->l->problems = problems;
    return j->status;
}

/* Add the problems held back during the scan to @p to. @return 0 or PN_ENOMEM */
static int release_held(pn_problems_t *to, const pn_problems_t *held)
{
    size_t kept[PN_SEVERITY_NOTE + 1] = {0};
    for (size_t i = 0; i < pn_problems_count(held); i++) {
        const pn_problem_t *p = pn_problems_get(held, i);
        kept[p->severity]++;
        int status = pn_problems__add(to, p->severity, "%s", p->message);
        if (status)
            return status;
    }
    /* those only counted: @p to is full by now, and counts them */
    for (int severity = 0; severity <= PN_SEVERITY_NOTE; severity++)
        for (size_t n = kept[severity]; n < pn_problems_total(held, severity); n++)
            pn_problems__add(to, severity, "%s", "");
    return 0;
}

int pn_load__json(pn_loader_t *l, pn_reader_t *in)
{
    char *text = NULL;
    size_t len = 0;
    json_t j;
    memset(&j, 0, sizeof j);
    reading_t r = {&j, 0, 0, {0}, NULL, 0, 0, NULL};
    int status = pn_load__files(l, in->name, in->name);
    if (status == 0)
        status = pn_load__sniff(l, in);
    if (status == 0)
        status = pn_json_scan__read(&text, &len, l, in);
    if (status == 0 && l->problems)
        status = pn_problems_new(&r.held);
    if (status != 0)
        goto done;
    status = pn_json_scan__run(&j, l, in->name, text, len, section_names, meta_fields,
                               in->not_utf8, visit, &r);
    if (status == 0 && r.held)
        status = release_held(l->problems, r.held);
    pn_problems_free(r.held);
    r.held = NULL;
    if (status == 0)
        status = pn_json_scan__finish(&j);
    if (status == 0) {
        advance(&r, SEC_COUNT);
        status = j.status == PN_ENOMEM ? pn_error__nomem() : j.status;
    }
done:
    for (size_t i = 0; i < r.parent_count; i++)
        free(r.parents[i]);
    free(r.parents);
    pn_problems_free(r.held);
    pn_json_scan__destroy(&j);
    free(text);
    return status;
}
