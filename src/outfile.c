/*
 * Whole-or-nothing output files: mkstemp beside the target, write, fsync, rename.
 */
#include <partnet/outfile.h>

#include "error.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct pn_outfile {
    FILE *stream;
    char *path;
    char *temp; /* NULL for standard output and devices */
    int direct; /* a device or pipe opened by path: closed, never renamed */
};

int pn_outfile_open(pn_outfile_t **out, const char *path)
{
    assert(out && path);
    pn_outfile_t *f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path))) {
        free(f);
        return pn_error__nomem();
    }
    if (strcmp(path, "-") == 0) {
        f->stream = stdout;
        *out = f;
        return 0;
    }
    struct stat st;
    int exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        free(f->path);
        free(f);
        return pn_error_set(PN_EIO, "%s: is a folder, expected a file name", path);
    }
    if (exists && !S_ISREG(st.st_mode)) {
        /* a device or a pipe (/dev/stdout, a fifo) is written as it is: renaming over it
         * would replace it */
        if (!(f->stream = fopen(path, "wb"))) {
            int e = errno;
            free(f->path);
            free(f);
            return pn_error_set(PN_EIO, "%s: cannot write: %s", path, strerror(e));
        }
        f->direct = 1;
        *out = f;
        return 0;
    }
    size_t n = strlen(path);
    f->temp = malloc(n + 16);
    if (!f->temp) {
        free(f->path);
        free(f);
        return pn_error__nomem();
    }
    /* a hidden name in the same folder, so that rename() stays on one file system */
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    snprintf(f->temp, n + 16, "%.*s.%s.XXXXXX", (int)dir, path, path + dir);
    int fd = mkstemp(f->temp);
    if (fd < 0) {
        int e = errno;
        pn_error_set(PN_EIO, "%s: cannot write here: %s", path, strerror(e));
        free(f->temp);
        free(f->path);
        free(f);
        return PN_EIO;
    }
    /* mkstemp makes 0600; an export gets the mode a new file would get */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    f->stream = fdopen(fd, "wb");
    if (!f->stream) {
        close(fd);
        unlink(f->temp);
        free(f->temp);
        free(f->path);
        free(f);
        return pn_error__nomem();
    }
    *out = f;
    return 0;
}

FILE *pn_outfile_stream(pn_outfile_t *f)
{
    return f->stream;
}

const char *pn_outfile_temp_path(const pn_outfile_t *f)
{
    return f->temp ? f->temp : f->path;
}

static void release(pn_outfile_t *f)
{
    free(f->temp);
    free(f->path);
    free(f);
}

int pn_outfile_commit(pn_outfile_t *f)
{
    int status = 0;
    if (!f->temp) {
        int failed = fflush(f->stream) != 0 || ferror(f->stream);
        int e = errno;
        if (f->direct && fclose(f->stream) != 0 && !failed) {
            failed = 1;
            e = errno;
        }
        if (failed && f->direct)
            status = pn_error_set(PN_EIO, "%s: write failed: %s", f->path, strerror(e));
        else if (failed)
            status = pn_error_set(PN_EIO, "writing to standard output failed: %s", strerror(e));
        release(f);
        return status;
    }
    int failed = fflush(f->stream) != 0 || ferror(f->stream) || fsync(fileno(f->stream)) != 0;
    int e = errno;
    if (fclose(f->stream) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    if (!failed && rename(f->temp, f->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed) {
        unlink(f->temp);
        status = pn_error_set(PN_EIO, "%s: write failed: %s", f->path, strerror(e));
    }
    release(f);
    return status;
}

void pn_outfile_free(pn_outfile_t *f)
{
    if (!f)
        return;
    if (f->temp) {
        fclose(f->stream);
        unlink(f->temp);
    } else if (f->direct) {
        fclose(f->stream);
    }
    release(f);
}
