/*
 * The thread pool (see threads.h): POSIX threads started for one piece of work and joined.
 */
#include "threads.h"

#include <pthread.h>
#include <unistd.h>

#define THREADS_MAX 64

int pn_threads__count(int wanted, int most)
{
    if (wanted <= 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        wanted = cores < 1 ? 1 : cores > THREADS_MAX ? THREADS_MAX : (int)cores;
    }
    if (most > THREADS_MAX)
        most = THREADS_MAX;
    return wanted < 1 ? 1 : wanted > most ? most : wanted;
}

typedef struct {
    void (*work)(void *arg, int k);
    void *arg;
    int k;
} start_t;

static void *run_one(void *p)
{
    start_t *s = p;
    s->work(s->arg, s->k);
    return NULL;
}

int pn_threads__run(int count, void (*work)(void *arg, int k), void (*watch)(void *arg),
                    void *arg)
{
    pthread_t ids[THREADS_MAX];
    start_t starts[THREADS_MAX];
    int threads = 0;
    count = count < 1 ? 1 : count > THREADS_MAX ? THREADS_MAX : count;
    /* with a watch every k gets a thread of its own; without, k = 0 is the caller's */
    for (int k = watch ? 0 : 1; k < count; k++) {
        starts[threads] = (start_t){work, arg, k};
        if (pthread_create(&ids[threads], NULL, run_one, &starts[threads]) == 0)
            threads++;
    }
    int ran = threads;
    if (watch && threads > 0) {
        watch(arg);
    } else {
        work(arg, 0);
        ran++;
    }
    for (int t = 0; t < threads; t++)
        pthread_join(ids[t], NULL);
    return ran;
}
