/*
 * Work shared out on threads (private to the library): the one pool every parallel
 * computation uses, with a thread count the caller chooses (0: one per core).
 */
#ifndef PN_SRC_THREADS_H
#define PN_SRC_THREADS_H

/** The number of threads to use: @p wanted, or one per online core when it is 0 or less; at
 *  least 1, at most @p most. */
int pn_threads__count(int wanted, int most);

/**
 * Run work(arg, k) for k = 0 .. count - 1, each on a thread of its own, and wait for them all.
 * The calling thread runs k = 0 itself; with @p watch it runs watch(arg) instead while the
 * others work (a progress loop that ends when the work is done), and every k gets a thread.
 * A thread that cannot start is skipped: the work must be shared out dynamically, so that the
 * ones that run do it all.
 * @return how many workers ran (at least 1: without any thread, the caller runs k = 0)
 */
int pn_threads__run(int count, void (*work)(void *arg, int k), void (*watch)(void *arg),
                    void *arg);

#endif
