/*
 * The loader core (private to the library): the state of one load, country resolution, the
 * field checks and range limits every format shares, parent resolution, and the checks every
 * dataset goes through once read (load_check.c). The format readers (load_json.c,
 * load_tables.c, load_pairs.c) call it; it calls only the dataset, never a reader.
 */
#ifndef PN_SRC_LOAD_CORE_H
#define PN_SRC_LOAD_CORE_H

#include <partnet/country.h>
#include <partnet/load.h>

#include "dataset.h"
#include "input.h"
#include "problems.h"

typedef struct {
    const char *text;    /* as written (trimmed), owned by the dataset */
    uint32_t rows;       /* how many cells name it */
    uint32_t first_line;
} pn_unresolved_t;

typedef struct {
    pn_dataset_t *ds;
    pn_problems_t *problems;
    const pn_load_options_t *opts;
    pn_country_resolver_t *resolver;  /* made on first use */
    pn_strmap_t named;        /* country text as written -> dataset country */
    pn_unresolved_t *unresolved;
    size_t unresolved_count, unresolved_capacity;
    pn_strmap_t unresolved_index; /* country text as written -> its entry in unresolved */
    uint32_t no_country_rows; /* cells that name no country */
    /* the files nodes and agreements were read from, for the messages of the checks after
     * loading (owned by the dataset; NULL: the dataset's name) */
    const char *nodes_file, *agreements_file;
} pn_loader_t;

#define PN_LOADER_INIT(ds, problems, opts)                                                         \
    {(ds), (problems), (opts), NULL, PN_STRMAP_INIT, NULL, 0, 0, PN_STRMAP_INIT, 0, NULL, NULL}

/* The ranges every format checks its fields against. Years of agreements, documents, counts
 * and memberships run from PN_DATE_MIN_YEAR to PN_DATE_MAX_YEAR. */
#define PN_LOAD__LATITUDE_MAX 90.0    /* degrees either side of the equator */
#define PN_LOAD__LONGITUDE_MAX 180.0  /* degrees either side of Greenwich */
#define PN_LOAD__REGIONS_MAX 100000.0 /* first-level regions of one country */
#define PN_LOAD__LINE_MAX 4294967295.0 /* a source's line number: 32 bits */
#define PN_LOAD__FIGURE_MAX 1e12      /* a reported figure's value */
#define PN_LOAD__TOTAL_MAX 1e9        /* a reported figure's "out of" */

/* What a message says a kind or a level may be. */
#define PN_LOAD__KINDS                                                                             \
    "twinning, cooperation_agreement, memorandum, programme, protocol, roadmap or other"
/* Said of a node id found again in another Unicode form: ids are compared in NFC. */
#define PN_LOAD__OTHER_FORM ", the same text composed differently (ids are compared in NFC)"
#define PN_LOAD__LEVELS "country, region, district or city"

/** Forget what the load kept besides the dataset (the resolver, the country caches). */
void pn_load__destroy(pn_loader_t *l);

/** Drop spaces and tabs at both ends of @p len bytes at *text. */
void pn_load__trim(const char **text, size_t *len);

/** The loader's resolver, made on first use. @return 0 or an error status. */
int pn_load__resolver(pn_country_resolver_t **out, pn_loader_t *l);

/** Add an error/warning/note; @return 0 or PN_ENOMEM. */
#define pn_load__error(l, ...) pn_problems__add((l)->problems, PN_SEVERITY_ERROR, __VA_ARGS__)
#define pn_load__warning(l, ...) pn_problems__add((l)->problems, PN_SEVERITY_WARNING, __VA_ARGS__)
#define pn_load__note(l, ...) pn_problems__add((l)->problems, PN_SEVERITY_NOTE, __VA_ARGS__)

/** Name the files nodes and agreements come from (copied). @return 0 or PN_ENOMEM. */
int pn_load__files(pn_loader_t *l, const char *nodes_file, const char *agreements_file);

/** Errors found so far in this load. */
size_t pn_load__errors(const pn_loader_t *l);

/**
 * The country of a node given as an alpha-2 code: the dataset's entry, added with its ISO name
 * when new. @return 0, PN_ENOTFOUND when @p code is not a known code, or PN_ENOMEM.
 */
int pn_load__country_code(uint32_t *out, pn_loader_t *l, const char *code);

/**
 * The country of a cell that names it in words or by code ("Russia", "RU", "Ohio, United
 * States"), through the resolver and a cache. A guess is a warning naming the line (an error
 * under --strict); a name nothing matches becomes a country of its own under that name and is
 * listed by pn_load__country_summary() (an error under --strict). With @p codes_only, two
 * capital letters that are not a code are an error.
 * @return 0, PN_ENOMEM or the resolver's error.
 */
int pn_load__country_named(uint32_t *out, pn_loader_t *l, const char *file, const char *text,
                           size_t len, uint32_t line, int codes_only);

/** One warning listing the country names that stayed unresolved. @return 0 or PN_ENOMEM. */
int pn_load__country_summary(pn_loader_t *l, const char *file);

/**
 * A number from @p len bytes of text, the whole of it, written in decimals (a sign, a point and
 * an exponent allowed; not hexadecimal, "inf" or "nan"), finite and in [lo, hi].
 * @return 1 and *out when it is one, 0 otherwise
 */
int pn_load__number(const char *text, size_t len, double lo, double hi, double *out);

/** As pn_load__number(), for a count, a year or a line: digits only ("7.5", "1e3", "+5" and
 *  "0x1A" are not whole numbers). */
int pn_load__whole(const char *text, size_t len, double lo, double hi, double *out);

/** Are these coordinates, in degrees? */
int pn_load__coordinates_valid(double lat, double lon);

/**
 * Resolve the parents of the nodes: @p parents[i] is the id node i names as its parent (NULL:
 * none), written in @p field ("field \"parent\"", "column parent") of @p file. A missing or
 * circular parent is an error naming the node's line. @return 0 or PN_ENOMEM
 */
int pn_load__resolve_parents(pn_loader_t *l, const char *file, const char *const *parents,
                             const char *field);

/** Open @p path with the load's record limit and encoding. @return as pn_reader__open(). */
int pn_load__open(pn_reader_t *in, pn_loader_t *l, const char *path);

/**
 * Look at the first bytes of @p in once (load_text.c): UTF-16, with or without a byte-order
 * mark, and binary files (NUL bytes at the start or two in a row) are errors naming the line
 * and what the file looks like; a file that is not UTF-8 gets a guess of its encoding in
 * in->not_utf8 for the messages that find it. @return 0, PN_EPARSE (reported), PN_EIO or
 * PN_ENOMEM.
 */
int pn_load__sniff(pn_loader_t *l, pn_reader_t *in);

/** A reader's failure: bytes not in the encoding named (PN_EPARSE) become an error in the
 *  load's problems. @return @p status, or PN_ENOMEM. */
int pn_load__read_error(pn_loader_t *l, int status);

/** The checks after loading: parents, end dates, and the weaker remarks (agreements without
 *  a source, countries without a region count). @return 0 or PN_ENOMEM. */
int pn_load__check(pn_loader_t *l);

#endif
