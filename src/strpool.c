/*
 * The string arena and the string map (see strpool.h). The map uses linear probing with the
 * full hash kept beside each key so that most probes never touch the key's bytes.
 */
#include "strpool.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define BLOCK_SIZE (1u << 20)

struct pn_arena_block {
    pn_arena_block_t *next;
    size_t size;
    max_align_t data[];
};

static pn_arena_block_t *add_block(pn_arena_t *arena, size_t need)
{
    int own = need > BLOCK_SIZE / 4; /* a big allocation gets a block of its own */
    size_t size = own ? need : BLOCK_SIZE;
    pn_arena_block_t *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->size = size;
    if (own && arena->head) {
        /* behind the current block, which keeps its free space */
        b->next = arena->head->next;
        arena->head->next = b;
        return b;
    }
    b->next = arena->head;
    arena->head = b;
    arena->used = own ? size : 0;
    return b;
}

static char *take(pn_arena_t *arena, size_t need, size_t align)
{
    size_t start = (arena->used + align - 1) / align * align;
    if (!arena->head || start + need > arena->head->size) {
        pn_arena_block_t *b = add_block(arena, need);
        if (!b)
            return NULL;
        if (b->size == need && need > BLOCK_SIZE / 4)
            return (char *)b->data;
        start = 0;
    }
    arena->used = start + need;
    return (char *)arena->head->data + start;
}

void *pn_arena__alloc(pn_arena_t *arena, size_t size)
{
    char *p = take(arena, size ? size : 1, _Alignof(max_align_t));
    if (p)
        memset(p, 0, size);
    return p;
}

char *pn_arena__strndup(pn_arena_t *arena, const char *s, size_t len)
{
    char *p = take(arena, len + 1, 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *pn_arena__strdup(pn_arena_t *arena, const char *s)
{
    return pn_arena__strndup(arena, s, strlen(s));
}

void pn_arena__destroy(pn_arena_t *arena)
{
    pn_arena_block_t *b = arena->head;
    while (b) {
        pn_arena_block_t *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
    arena->used = 0;
}

uint32_t pn_strmap__hash(const char *s, size_t len)
{
    /* FNV-1a */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static int slot_equals(const pn_strmap_slot_t *slot, const char *s, size_t len)
{
    if (len < PN_STRMAP_INLINE)
        return memcmp(slot->head, s, len) == 0 && slot->head[len] == '\0';
    return memcmp(slot->head, s, PN_STRMAP_INLINE) == 0 &&
           strncmp(slot->key + PN_STRMAP_INLINE, s + PN_STRMAP_INLINE,
                   len - PN_STRMAP_INLINE) == 0 &&
           slot->key[len] == '\0';
}

void pn_strmap__prefetch(const pn_strmap_t *map, uint32_t hash)
{
    if (map->capacity)
        __builtin_prefetch(&map->slots[hash & (map->capacity - 1)]);
}

int pn_strmap__get(const pn_strmap_t *map, const char *key, size_t len, uint32_t *value)
{
    return pn_strmap__get_hashed(map, key, len, pn_strmap__hash(key, len), value);
}

int pn_strmap__get_hashed(const pn_strmap_t *map, const char *key, size_t len, uint32_t h,
                          uint32_t *value)
{
    if (map->capacity == 0)
        return 0;
    size_t mask = map->capacity - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const pn_strmap_slot_t *slot = &map->slots[i];
        if (!slot->key)
            return 0;
        if (slot->hash == h && slot_equals(slot, key, len)) {
            *value = slot->value;
            return 1;
        }
    }
}

/* Zeroed slots; a large table asks for huge pages, since its lookups land on random pages
 * and would otherwise miss the TLB as often as the cache. */
static pn_strmap_slot_t *new_slots(size_t capacity)
{
    size_t bytes = capacity * sizeof(pn_strmap_slot_t);
    if (bytes < (4u << 20))
        return calloc(capacity, sizeof(pn_strmap_slot_t));
    void *p = NULL;
    if (posix_memalign(&p, 2u << 20, bytes) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, bytes, MADV_HUGEPAGE);
#endif
    memset(p, 0, bytes);
    return p;
}

static int grow(pn_strmap_t *map)
{
    size_t capacity = map->capacity ? map->capacity * 2 : 64;
    pn_strmap_slot_t *slots = new_slots(capacity);
    if (!slots)
        return -1;
    for (size_t j = 0; j < map->capacity; j++) {
        if (!map->slots[j].key)
            continue;
        size_t i = map->slots[j].hash & (capacity - 1);
        while (slots[i].key)
            i = (i + 1) & (capacity - 1);
        slots[i] = map->slots[j];
    }
    free(map->slots);
    map->slots = slots;
    map->capacity = capacity;
    return 0;
}

int pn_strmap__put(pn_strmap_t *map, const char *key, uint32_t value, uint32_t *existing)
{
    if ((map->count + 1) * 2 > map->capacity && grow(map) != 0)
        return -1;
    size_t len = strlen(key);
    uint32_t h = pn_strmap__hash(key, len);
    size_t mask = map->capacity - 1;
    size_t i = h & mask;
    for (; map->slots[i].key; i = (i + 1) & mask) {
        if (map->slots[i].hash == h && slot_equals(&map->slots[i], key, len)) {
            if (existing)
                *existing = map->slots[i].value;
            return 0;
        }
    }
    pn_strmap_slot_t *slot = &map->slots[i];
    *slot = (pn_strmap_slot_t){key, h, value, {0}};
    memcpy(slot->head, key, len < PN_STRMAP_INLINE ? len : PN_STRMAP_INLINE);
    map->count++;
    return 1;
}

void pn_strmap__destroy(pn_strmap_t *map)
{
    free(map->slots);
    *map = (pn_strmap_t)PN_STRMAP_INIT;
}
