/* Whole-or-nothing output files. */
#include "test_common.h"

#include <sys/stat.h>

PN_TEST_SUITE(outfile);

/* The text of the file at @p path (static storage, the next call overwrites it). */
static const char *text_of(const char *path)
{
    static char text[256];
    char *whole = pn_test_slurp(path, NULL);
    snprintf(text, sizeof text, "%s", whole);
    free(whole);
    return text;
}

/* How many files the test's folder holds, hidden ones (a temporary file) included. */
static int files_in_test_dir(void)
{
    DIR *dir = opendir(pn_test_dir());
    cr_assert_not_null(dir);
    int n = 0;
    for (struct dirent *entry; (entry = readdir(dir));)
        n += strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0;
    closedir(dir);
    return n;
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    cr_assert_eq(stat(path, &st), 0, "%s", path);
    return st.st_mode & 07777;
}

Test(outfile, commit_moves_the_whole_file_into_place)
{
    const char *path = pn_test_file("out.txt", "old");
    int before = files_in_test_dir();
    pn_outfile_t *f;
    cr_assert_eq(pn_outfile_open(&f, path), 0, "%s", pn_error_last());
    fputs("new text", pn_outfile_stream(f));
    cr_expect_str_eq(text_of(path), "old", "nothing changes before the commit");
    cr_assert_eq(pn_outfile_commit(f), 0, "%s", pn_error_last());
    cr_expect_str_eq(text_of(path), "new text");
    cr_expect_eq(files_in_test_dir(), before, "no temporary file is left");
}

Test(outfile, abort_leaves_an_existing_file_alone)
{
    const char *path = pn_test_file("keep.txt", "precious");
    int before = files_in_test_dir();
    pn_outfile_t *f;
    cr_assert_eq(pn_outfile_open(&f, path), 0);
    fputs("half", pn_outfile_stream(f));
    pn_outfile_free(f);
    cr_expect_str_eq(text_of(path), "precious");
    cr_expect_eq(files_in_test_dir(), before);
}

Test(outfile, a_new_file_gets_the_mode_a_new_file_would_get)
{
    mode_t mask = umask(027);
    char path[512];
    snprintf(path, sizeof path, "%s", pn_test_path("new.txt"));
    pn_outfile_t *f;
    cr_assert_eq(pn_outfile_open(&f, path), 0, "%s", pn_error_last());
    cr_assert_eq(pn_outfile_commit(f), 0, "%s", pn_error_last());
    umask(mask);
    cr_expect_eq(mode_of(path), 0640, "0666 less the umask 027, not mkstemp's 0600: %o",
                 (unsigned)mode_of(path));
}

Test(outfile, a_replaced_file_keeps_its_mode)
{
    static const mode_t modes[] = {0600, 0640, 0604, 0755};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s", pn_test_file("private.txt", "secret"));
        cr_assert_eq(chmod(path, modes[i]), 0);
        pn_outfile_t *f;
        cr_assert_eq(pn_outfile_open(&f, path), 0, "%s", pn_error_last());
        fputs("new secret", pn_outfile_stream(f));
        cr_assert_eq(pn_outfile_commit(f), 0, "%s", pn_error_last());
        cr_expect_str_eq(text_of(path), "new secret");
        cr_expect_eq(mode_of(path), modes[i], "%o became %o", (unsigned)modes[i],
                     (unsigned)mode_of(path));
    }
}

Test(outfile, writes_a_name_as_long_as_the_file_system_allows)
{
    /* 255 bytes, NAME_MAX: the temporary name beside it must be no longer */
    char name[256];
    memset(name, 'n', 251);
    snprintf(name + 251, sizeof name - 251, ".txt");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", pn_test_dir(), name);
    for (int round = 0; round < 2; round++) { /* a new file, then replacing it */
        pn_outfile_t *f;
        cr_assert_eq(pn_outfile_open(&f, path), 0, "%s", pn_error_last());
        fprintf(pn_outfile_stream(f), "round %d", round);
        cr_assert_eq(pn_outfile_commit(f), 0, "%s", pn_error_last());
        cr_expect_str_eq(text_of(path), round ? "round 1" : "round 0");
        cr_expect_eq(files_in_test_dir(), 1);
    }
}

Test(outfile, a_name_too_long_is_an_error_naming_it)
{
    char name[257];
    memset(name, 'n', 256);
    name[256] = '\0';
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", pn_test_dir(), name);
    pn_outfile_t *f = NULL;
    pn_outfile_open(&f, path);
    int status = f ? pn_outfile_commit(f) : PN_EIO;
    cr_expect_eq(status, PN_EIO);
    cr_expect(strstr(pn_error_last(), "File name too long") != NULL, "%s", pn_error_last());
    cr_expect_eq(files_in_test_dir(), 0);
}

Test(outfile, a_signal_handler_removes_the_temporary_files_and_nothing_else)
{
    char kept[512], fresh[512];
    snprintf(kept, sizeof kept, "%s", pn_test_file("kept.txt", "earlier"));
    snprintf(fresh, sizeof fresh, "%s", pn_test_path("fresh.txt"));
    pn_outfile_t *a, *b;
    cr_assert_eq(pn_outfile_open(&a, kept), 0, "%s", pn_error_last());
    cr_assert_eq(pn_outfile_open(&b, fresh), 0, "%s", pn_error_last());
    fputs("half of it", pn_outfile_stream(a));
    cr_expect_eq(files_in_test_dir(), 3, "kept.txt and two temporary files");
    pn_outfile_remove_temporaries();
    cr_expect_eq(files_in_test_dir(), 1, "only kept.txt");
    cr_expect_str_eq(text_of(kept), "earlier");
    /* the handles are still freed, or committed, which then fails */
    cr_expect_eq(pn_outfile_commit(a), PN_EIO);
    pn_outfile_free(b);
    cr_expect_str_eq(text_of(kept), "earlier");
    cr_expect_eq(files_in_test_dir(), 1);
    pn_outfile_t *c;
    cr_assert_eq(pn_outfile_open(&c, fresh), 0, "a slot given back is taken again");
    cr_expect_eq(pn_outfile_commit(c), 0, "%s", pn_error_last());
}

Test(outfile, cannot_write_into_a_missing_folder)
{
    pn_outfile_t *f = NULL;
    cr_expect_eq(pn_outfile_open(&f, "/nonexistent/folder/out.graphml"), PN_EIO);
    cr_expect_null(f);
    cr_expect(strstr(pn_error_last(), "/nonexistent/folder/out.graphml: cannot write here") != NULL,
              "%s", pn_error_last());
}

Test(outfile, writes_a_device_in_place_instead_of_replacing_it)
{
    struct stat before, after;
    cr_assert_eq(stat("/dev/null", &before), 0);
    pn_outfile_t *f;
    cr_assert_eq(pn_outfile_open(&f, "/dev/null"), 0, "%s", pn_error_last());
    fputs("nothing", pn_outfile_stream(f));
    cr_assert_eq(pn_outfile_commit(f), 0, "%s", pn_error_last());
    cr_assert_eq(stat("/dev/null", &after), 0);
    cr_expect(S_ISCHR(after.st_mode), "/dev/null is still a device");
    cr_expect_eq(before.st_rdev, after.st_rdev);
}

Test(outfile, a_full_device_is_a_write_error)
{
    pn_outfile_t *f;
    cr_assert_eq(pn_outfile_open(&f, "/dev/full"), 0, "%s", pn_error_last());
    fputs("too much", pn_outfile_stream(f));
    cr_expect_eq(pn_outfile_commit(f), PN_EIO);
    cr_expect(strstr(pn_error_last(), "/dev/full: write failed") != NULL, "%s", pn_error_last());
}
