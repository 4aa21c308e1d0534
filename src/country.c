/*
 * The country resolver: ISO 3166-1 names and codes from Debian's iso-codes, partnet's table of
 * other names in use, and the forgiving rules described in partnet/country.h. It owns its
 * strings in an arena and maps folded names to country indices. Also ISO 3166-2's count of
 * first-level subdivisions per country, the default count of regions of coverage.
 */
#include <partnet/country.h>

#include "country.h"

#include "array.h"
#include "error.h"
#include "input.h"
#include "strpool.h"
#include "utf8.h"

#include <assert.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PN_ISO_3166_JSON
#define PN_ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"
#endif
#ifndef PN_ISO_3166_2_JSON
#define PN_ISO_3166_2_JSON "/usr/share/iso-codes/json/iso_3166-2.json"
#endif

#define ALIAS_BIT 0x80000000u

typedef struct {
    const char *alpha2, *name;
} country_t;

struct pn_country_resolver {
    pn_arena_t arena;
    country_t *countries;
    size_t count, capacity;
    pn_strmap_t by_code; /* alpha-2 and alpha-3 -> country index */
    pn_strmap_t by_name; /* folded name or alias -> country index (| ALIAS_BIT for aliases) */
    struct name {
        const char *text;
        size_t len;
        uint64_t bytes; /* the bytes it holds (see byte_set) */
        uint32_t value;
    } *names;            /* the entries of by_name, for the misspelling search */
    size_t name_count, name_capacity;
};

/* Names in use that iso-codes does not list, folded (see pn_utf8__fold), and their codes. */
static const char *const aliases[][2] = {
    {"russia", "RU"}, {"turkey", "TR"}, {"turkiye", "TR"},
    {"england", "GB"}, {"scotland", "GB"}, {"wales", "GB"}, {"northern ireland", "GB"},
    {"great britain", "GB"}, {"britain", "GB"},
    {"republic of ireland", "IE"}, {"eire", "IE"},
    {"palestine", "PS"}, {"state of palestine", "PS"}, {"west bank", "PS"}, {"gaza strip", "PS"},
    {"cape verde", "CV"}, {"ivory coast", "CI"}, {"moldavia", "MD"}, {"falkland islands", "FK"},
    {"east timor", "TL"}, {"timor leste", "TL"}, {"burma", "MM"}, {"swaziland", "SZ"},
    {"brunei", "BN"}, {"micronesia", "FM"}, {"federated states of micronesia", "FM"},
    {"democratic republic of the congo", "CD"}, {"dr congo", "CD"}, {"congo kinshasa", "CD"},
    {"republic of the congo", "CG"}, {"congo brazzaville", "CG"},
    {"vatican", "VA"}, {"vatican city", "VA"}, {"south korea", "KR"}, {"north korea", "KP"},
    {"laos", "LA"}, {"syria", "SY"}, {"iran", "IR"}, {"vietnam", "VN"}, {"tanzania", "TZ"},
    {"usa", "US"}, {"united states of america", "US"}, {"america", "US"},
    {"czech republic", "CZ"}, {"macedonia", "MK"}, {"republic of macedonia", "MK"},
    {"holland", "NL"}, {"kirghizia", "KG"}, {"kyrgyzia", "KG"}, {"byelorussia", "BY"},
    {"belorussia", "BY"}, {"bosnia", "BA"}, {"bosnia herzegovina", "BA"},
    {"bosnia and hercegovina", "BA"}, {"uae", "AE"}, {"macau", "MO"}, {"surinam", "SR"},
    {"sao tome", "ST"}, {"island", "IS"}, /* Iceland's own name */
    {"kosovo", "XK"}, {"republic of kosovo", "XK"},
};

/* Words a scraped list puts before a country's name. */
static const char *const leading_words[] = {"the ", "in "};

static int add_country(uint32_t *out, pn_country_resolver_t *r, const char *alpha2,
                       const char *name)
{
    if (pn_array__reserve((void **)&r->countries, &r->capacity, r->count + 1,
                          sizeof *r->countries) != 0)
        return -1;
    country_t *c = &r->countries[r->count];
    c->alpha2 = pn_arena__strdup(&r->arena, alpha2);
    c->name = pn_arena__strdup(&r->arena, name);
    if (!c->alpha2 || !c->name ||
        pn_strmap__put(&r->by_code, c->alpha2, (uint32_t)r->count, NULL) < 0)
        return -1;
    *out = (uint32_t)r->count++;
    return 0;
}

static int add_code(pn_country_resolver_t *r, const char *code, uint32_t country)
{
    const char *copy = pn_arena__strdup(&r->arena, code);
    return copy && pn_strmap__put(&r->by_code, copy, country, NULL) >= 0 ? 0 : -1;
}

/* Which bytes @p s holds, folded into 64 bits: an insertion or a deletion changes at most one
 * bit, a substitution two, a transposition none, so two strings whose sets differ in k bits are
 * at least k / 2 edits apart. */
static uint64_t byte_set(const char *s, size_t n)
{
    uint64_t set = 0;
    for (size_t i = 0; i < n; i++)
        set |= (uint64_t)1 << ((unsigned char)s[i] & 63);
    return set;
}

static int add_name(pn_country_resolver_t *r, const char *text, uint32_t value)
{
    size_t len = strlen(text);
    char *folded = pn_arena__alloc(&r->arena, 5 * len + 1);
    if (!folded)
        return -1;
    pn_utf8__fold(text, len, folded);
    if (!folded[0])
        return 0;
    int put = pn_strmap__put(&r->by_name, folded, value, NULL);
    if (put <= 0)
        return put;
    if (pn_array__reserve((void **)&r->names, &r->name_capacity, r->name_count + 1,
                          sizeof *r->names) != 0)
        return -1;
    size_t n = strlen(folded);
    r->names[r->name_count++] = (struct name){folded, n, byte_set(folded, n), value};
    return 0;
}

static const char *string_of(const cJSON *item, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* An iso-codes file and its list @p key ("3166-1"). @param[out] root free with cJSON_Delete()
 * @return 0, PN_EIO, PN_EPARSE or PN_ENOMEM */
static int read_iso(cJSON **root, const cJSON **list, const char *path, const char *key)
{
    char *text = NULL;
    size_t len = 0;
    pn_reader_t in;
    *root = NULL;
    int status = pn_reader__open(&in, path);
    if (status == 0) {
        status = pn_reader__slurp(&text, &len, &in);
        pn_reader__close(&in);
    }
    if (status == 0) {
        *root = cJSON_ParseWithLength(text, len);
        *list = cJSON_GetObjectItemCaseSensitive(*root, key);
        if (!cJSON_IsArray(*list))
            status = pn_error_set(PN_EPARSE, "%s: expected an object with a \"%s\" list", path,
                                  key);
    }
    free(text);
    return status;
}

static int load_iso(pn_country_resolver_t *r, const char *path)
{
    cJSON *root = NULL;
    const cJSON *list = NULL;
    int status = read_iso(&root, &list, path, "3166-1");
    if (status != 0)
        goto done;
    status = PN_ENOMEM;
    const cJSON *item;
    cJSON_ArrayForEach(item, list) {
        const char *alpha2 = string_of(item, "alpha_2"), *alpha3 = string_of(item, "alpha_3");
        const char *name = string_of(item, "name"), *common = string_of(item, "common_name");
        const char *official = string_of(item, "official_name");
        if (!alpha2 || !name)
            continue;
        /* "Palestine, State of" reads better as "State of Palestine" */
        char display[256];
        const char *comma = strstr(name, ", ");
        if (!common && comma && strlen(name) < sizeof display)
            snprintf(display, sizeof display, "%s %.*s", comma + 2, (int)(comma - name), name);
        else
            snprintf(display, sizeof display, "%s", common ? common : name);
        uint32_t index;
        if (add_country(&index, r, alpha2, display) != 0 ||
            (alpha3 && add_code(r, alpha3, index) != 0) || add_name(r, name, index) != 0 ||
            (common && add_name(r, common, index) != 0) ||
            (official && add_name(r, official, index) != 0))
            goto done;
    }
    uint32_t kosovo;
    if (add_country(&kosovo, r, "XK", "Kosovo") != 0 || add_code(r, "XKX", kosovo) != 0)
        goto done;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        uint32_t index;
        if (!pn_strmap__get(&r->by_code, aliases[i][1], 2, &index))
            continue; /* an older iso-codes without this code */
        if (add_name(r, aliases[i][0], index | ALIAS_BIT) != 0)
            goto done;
    }
    status = 0;
done:
    if (status == PN_ENOMEM)
        pn_error__nomem();
    cJSON_Delete(root);
    return status;
}

int pn_country__first_level_counts(int *counts, const char *path)
{
    cJSON *root = NULL;
    const cJSON *list = NULL, *item;
    if (!path)
        path = getenv("PARTNET_ISO_3166_2");
    if (!path || !*path)
        path = PN_ISO_3166_2_JSON;
    int status = read_iso(&root, &list, path, "3166-2");
    if (status == 0)
        cJSON_ArrayForEach(item, list) {
            const cJSON *code = cJSON_GetObjectItemCaseSensitive(item, "code");
            const char *text = cJSON_IsString(code) ? code->valuestring : "";
            int slot = pn_country__slot(text);
            if (slot >= 0 && text[2] == '-' && !cJSON_GetObjectItemCaseSensitive(item, "parent"))
                counts[slot]++;
        }
    cJSON_Delete(root);
    return status;
}

int pn_country__slot(const char *code)
{
    if (!code || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z')
        return -1;
    return (code[0] - 'A') * 26 + (code[1] - 'A');
}

int pn_country_resolver_new(pn_country_resolver_t **out, const char *iso_json)
{
    assert(out);
    pn_country_resolver_t *r = calloc(1, sizeof *r);
    if (!r)
        return pn_error__nomem();
    if (!iso_json)
        iso_json = getenv("PARTNET_ISO_CODES");
    if (!iso_json || !*iso_json)
        iso_json = PN_ISO_3166_JSON;
    int status = load_iso(r, iso_json);
    if (status != 0) {
        pn_country_resolver_free(r);
        return status;
    }
    *out = r;
    return 0;
}

void pn_country_resolver_free(pn_country_resolver_t *r)
{
    if (!r)
        return;
    free(r->countries);
    free(r->names);
    pn_strmap__destroy(&r->by_code);
    pn_strmap__destroy(&r->by_name);
    pn_arena__destroy(&r->arena);
    free(r);
}

int pn_country_is_code(const pn_country_resolver_t *r, const char *code)
{
    uint32_t index;
    return strlen(code) == 2 && pn_strmap__get(&r->by_code, code, 2, &index);
}

const char *pn_country_name(const pn_country_resolver_t *r, const char *code)
{
    uint32_t index;
    if (!pn_strmap__get(&r->by_code, code, strlen(code), &index))
        return NULL;
    return r->countries[index].name;
}

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions), limit + 1 when
 * it is above @p limit. Works on bytes: folded names are ASCII for every Latin-script country.
 * Only the band |i - j| <= limit of the table is computed: a cell outside it is at least
 * |i - j| away, and every cell is kept at limit + 1 at most, which changes no result within the
 * limit. */
static size_t distance(const char *s, size_t n, const char *t, size_t m, size_t limit)
{
    if ((n > m ? n - m : m - n) > limit || n > 63 || m > 63)
        return limit + 1;
    size_t far = limit + 1;
    size_t d[64][65]; /* a column more: the cell right of the band in the last row */
    for (size_t j = 0; j <= m && j <= limit + 1; j++)
        d[0][j] = j < far ? j : far;
    for (size_t i = 1; i <= n; i++) {
        size_t best = far;
        size_t first = i > limit ? i - limit : 1, last = i + limit < m ? i + limit : m;
        /* the cells just outside the band that the band reads */
        d[i][first - 1] = first == 1 ? (i < far ? i : far) : far;
        d[i][last + 1] = far;
        for (size_t j = first; j <= last; j++) {
            size_t cost = s[i - 1] != t[j - 1];
            size_t v = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v < far ? v : far;
            if (v < best)
                best = v;
        }
        if (best > limit)
            return far;
    }
    return d[n][m];
}

/* The one country whose name is nearest a misspelt folded name, or -1 (none near, or a tie
 * between two countries). */
static long nearest(const pn_country_resolver_t *r, const char *folded)
{
    size_t n = strlen(folded);
    if (n < 4)
        return -1;
    size_t limit = n >= 8 ? 2 : 1, best = limit + 1;
    uint64_t bytes = byte_set(folded, n);
    long found = -1;
    for (size_t i = 0; i < r->name_count; i++) {
        const struct name *name = &r->names[i];
        size_t within = best < limit ? best : limit;
        /* farther than within: distance() would say within + 1, which changes nothing below */
        if ((size_t)__builtin_popcountll(bytes ^ name->bytes) > 2 * within)
            continue;
        size_t d = distance(folded, n, name->text, name->len, within);
        uint32_t country = name->value & ~ALIAS_BIT;
        if (d < best) {
            best = d;
            found = country;
        } else if (d == best && d <= limit && found != (long)country) {
            found = -2; /* a tie, unless a nearer one turns up */
        }
    }
    return found >= 0 ? found : -1;
}

static int lookup_folded(const pn_country_resolver_t *r, const char *folded, uint32_t *value)
{
    if (pn_strmap__get(&r->by_name, folded, strlen(folded), value))
        return 1;
    for (size_t i = 0; i < sizeof leading_words / sizeof leading_words[0]; i++) {
        size_t n = strlen(leading_words[i]);
        if (strncmp(folded, leading_words[i], n) == 0 &&
            pn_strmap__get(&r->by_name, folded + n, strlen(folded + n), value)) {
            *value |= ALIAS_BIT;
            return 1;
        }
    }
    return 0;
}

/* Resolve without guessing; @p buf has room for 5 * strlen(text) + 1 bytes. */
static int resolve_exact(const pn_country_resolver_t *r, const char *text, size_t len, char *buf,
                         uint32_t *country, pn_country_match_t *how)
{
    uint32_t value;
    pn_utf8__fold(text, len, buf);
    if (lookup_folded(r, buf, &value)) {
        *country = value & ~ALIAS_BIT;
        *how = value & ALIAS_BIT ? PN_COUNTRY_MATCH_ALIAS : PN_COUNTRY_MATCH_NAME;
        return 1;
    }
    /* "Georgia (country)": drop parenthesised parts */
    const char *open = memchr(text, '(', len);
    if (open) {
        char *plain = malloc(len + 1);
        size_t k = 0;
        int depth = 0;
        if (!plain)
            return 0;
        for (size_t i = 0; i < len; i++) {
            if (text[i] == '(')
                depth++;
            else if (text[i] == ')' && depth > 0)
                depth--;
            else if (depth == 0)
                plain[k++] = text[i];
        }
        pn_utf8__fold(plain, k, buf);
        free(plain);
        if (lookup_folded(r, buf, &value)) {
            *country = value & ~ALIAS_BIT;
            *how = PN_COUNTRY_MATCH_QUALIFIED;
            return 1;
        }
    }
    /* "Ohio, United States": the state after the last comma, else the part before the first */
    const char *comma = memchr(text, ',', len);
    if (comma) {
        const char *last = text + len;
        while (last > text && last[-1] != ',')
            last--;
        if (resolve_exact(r, last, (size_t)(text + len - last), buf, country, how) ||
            resolve_exact(r, text, (size_t)(comma - text), buf, country, how)) {
            *how = PN_COUNTRY_MATCH_QUALIFIED;
            return 1;
        }
    }
    return 0;
}

int pn_country_resolve(const char **code, pn_country_match_t *how,
                       const pn_country_resolver_t *r, const char *text)
{
    assert(code && r && text);
    pn_country_match_t ignored;
    if (!how)
        how = &ignored;
    *code = NULL;
    *how = PN_COUNTRY_MATCH_NONE;

    while (*text == ' ' || *text == '\t')
        text++;
    size_t len = strlen(text);
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (len == 0)
        return PN_ENOTFOUND;

    uint32_t country;
    if (len == 2 || len == 3) {
        int upper = 1;
        for (size_t i = 0; i < len; i++)
            upper &= text[i] >= 'A' && text[i] <= 'Z';
        if (upper && pn_strmap__get(&r->by_code, text, len, &country)) {
            *code = r->countries[country].alpha2;
            *how = PN_COUNTRY_MATCH_CODE;
            return 0;
        }
    }

    char *buf = malloc(5 * len + 1);
    if (!buf)
        return pn_error__nomem();
    int status = PN_ENOTFOUND;
    if (resolve_exact(r, text, len, buf, &country, how)) {
        status = 0;
    } else {
        pn_utf8__fold(text, len, buf);
        long guess = nearest(r, buf);
        if (guess >= 0) {
            country = (uint32_t)guess;
            *how = PN_COUNTRY_MATCH_GUESS;
            status = 0;
        }
    }
    free(buf);
    if (status == 0)
        *code = r->countries[country].alpha2;
    return status;
}
