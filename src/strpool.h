/*
 * Strings that live as long as their owner: an arena of large blocks (a string's address never
 * changes) and an open-addressing map from strings to 32-bit values, used to intern node ids
 * and repeated texts once however many agreements refer to them.
 */
#ifndef PN_SRC_STRPOOL_H
#define PN_SRC_STRPOOL_H

#include <stddef.h>
#include <stdint.h>

typedef struct pn_arena_block pn_arena_block_t;

typedef struct {
    pn_arena_block_t *head;
    size_t used;  /* bytes used in head */
} pn_arena_t;

#define PN_ARENA_INIT {NULL, 0}

/** Copy @p len bytes of @p s and a NUL into the arena. @return the copy, NULL when out of memory. */
char *pn_arena__strndup(pn_arena_t *arena, const char *s, size_t len);
char *pn_arena__strdup(pn_arena_t *arena, const char *s);
/** @p size bytes aligned for any object, zeroed. NULL when out of memory. */
void *pn_arena__alloc(pn_arena_t *arena, size_t size);
void pn_arena__destroy(pn_arena_t *arena);

#define PN_STRMAP_INLINE 16

typedef struct {
    const char *key; /* NULL for an empty slot; keys are not owned */
    uint32_t hash;
    uint32_t value;
    /* the key's first bytes, NUL-padded: a key shorter than this compares without reading
     * the key itself, so a lookup costs one cache miss, not two */
    char head[PN_STRMAP_INLINE];
} pn_strmap_slot_t;

typedef struct {
    pn_strmap_slot_t *slots; /* two slots per cache line */
    size_t capacity;         /* a power of two, or 0 */
    size_t count;
} pn_strmap_t;

#define PN_STRMAP_INIT {NULL, 0, 0}

uint32_t pn_strmap__hash(const char *s, size_t len);
/** Ask for the slot a hash starts probing at to be loaded into the cache: a lookup issued a
 *  few rows later then finds it there. */
void pn_strmap__prefetch(const pn_strmap_t *map, uint32_t hash);
/** pn_strmap__get() with the hash already computed. */
int pn_strmap__get_hashed(const pn_strmap_t *map, const char *key, size_t len, uint32_t hash,
                          uint32_t *value);
/** Look up @p len bytes of @p key. @return 1 and *value when found, 0 otherwise. */
int pn_strmap__get(const pn_strmap_t *map, const char *key, size_t len, uint32_t *value);
/** Insert @p key (which must stay valid as long as the map) when absent.
 *  @return 1 if inserted, 0 if already present (*value receives the present value when
 *  @p existing is not NULL), -1 when out of memory. */
int pn_strmap__put(pn_strmap_t *map, const char *key, uint32_t value, uint32_t *existing);
void pn_strmap__destroy(pn_strmap_t *map);

#endif
