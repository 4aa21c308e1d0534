/*
 * What the loaders share (private to the library): the state of one load, the country
 * resolver they borrow, and the checks every dataset goes through after it is read.
 */
#ifndef PN_SRC_LOAD_H
#define PN_SRC_LOAD_H

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
    pn_resolver_t *resolver;  /* made on first use */
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

/** The loader's resolver, made on first use. @return 0 or an error status. */
int pn_load__resolver(pn_loader_t *l, pn_resolver_t **out);

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
int pn_load__country_code(pn_loader_t *l, const char *code, uint32_t *out);

/**
 * The country of a cell that names it in words or by code ("Russia", "RU", "Ohio, United
 * States"), through the resolver and a cache. A guess is a warning naming the line (an error
 * under --strict); a name nothing matches becomes a country of its own under that name and is
 * listed by pn_load__country_summary() (an error under --strict). With @p codes_only, two
 * capital letters that are not a code are an error.
 * @return 0, PN_ENOMEM or the resolver's error.
 */
int pn_load__country_named(pn_loader_t *l, const char *file, const char *text, size_t len,
                           uint32_t line, int codes_only, uint32_t *out);

/** One warning listing the country names that stayed unresolved. @return 0 or PN_ENOMEM. */
int pn_load__country_summary(pn_loader_t *l, const char *file);

int pn_load__json(pn_loader_t *l, pn_reader_t *in);
int pn_load__tables(pn_loader_t *l, pn_reader_t *edges, const char *nodes_path,
                    const char *countries_path);
int pn_load__pairs(pn_loader_t *l, pn_reader_t *in, const char *header_hint);

/** The checks after loading: parents, end dates, and the weaker remarks (agreements without
 *  a source, countries without a region count). @return 0 or PN_ENOMEM. */
int pn_load__check(pn_loader_t *l);

#endif
