/*
 * What an input's first bytes say before any reader parses them: UTF-16 (Excel's "Unicode
 * text"), a binary file, or text in a single-byte encoding (Windows-1251, Latin-1), so that
 * the message says what the file looks like and how to convert it.
 */
#include "load_core.h"

#include "error.h"
#include "utf8.h"

#include <string.h>

int pn_load__open(pn_reader_t *in, pn_loader_t *l, const char *path)
{
    int status = pn_reader__open(in, path);
    in->max_record = l->opts->max_record;
    in->encoding = l->opts->encoding;
    return status;
}

int pn_load__read_error(pn_loader_t *l, int status)
{
    if (status != PN_EPARSE)
        return status;
    int added = pn_load__error(l, "%s", pn_error_last());
    return added ? added : PN_EPARSE;
}

static uint32_t line_of(const char *data, size_t at)
{
    uint32_t line = 1;
    for (size_t i = 0; i < at; i++)
        line += data[i] == '\n';
    return line;
}

static int two_nuls(const char *p, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++)
        if (p[i] == '\0' && p[i + 1] == '\0')
            return 1;
    return 0;
}

/* UTF-16 without a byte-order mark: the delimiters and line ends of a CSV, or the
 * punctuation of JSON, put a NUL beside a byte now and then, always on the same side.
 * @return "UTF-16LE", "UTF-16BE" or NULL. */
static const char *utf16_without_mark(const char *data, size_t len)
{
    size_t n = len < 4096 ? len & ~(size_t)1 : 4096, zero[2] = {0, 0};
    for (size_t i = 0; i < n; i++)
        zero[i % 2] += data[i] == '\0';
    size_t enough = n / 32 > 2 ? n / 32 : 2; /* one code unit in 16, and not a lone NUL */
    if (zero[1] >= enough && zero[0] == 0)
        return "UTF-16LE";
    if (zero[0] >= enough && zero[1] == 0)
        return "UTF-16BE";
    return NULL;
}

int pn_load__sniff(pn_loader_t *l, pn_reader_t *in)
{
    if (in->sniffed)
        return 0;
    in->sniffed = 1;
    const char *data;
    size_t len;
    int status = pn_reader__peek(&data, &len, in);
    if (status)
        return pn_load__read_error(l, status);
    const char *utf16 = NULL, *iconv_name = NULL;
    int mark = 0;
    if (!in->encoding && len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 ||
                                      memcmp(data, "\xFE\xFF", 2) == 0)) {
        utf16 = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        iconv_name = "UTF-16"; /* iconv reads the mark */
        mark = 1;
    } else if (!in->encoding) {
        utf16 = iconv_name = utf16_without_mark(data, len);
    }
    if (utf16) {
        status = pn_load__error(l, "%s:1: the file is UTF-16 %s a byte-order mark (%s%s), not "
                                "UTF-8: convert it with iconv -f %s -t UTF-8, or read it with "
                                "--encoding %s", in->name, mark ? "with" : "without", utf16,
                                mark ? ", as Excel saves \"Unicode text\"" : "", iconv_name,
                                iconv_name);
        return status ? status : PN_EPARSE;
    }
    const char *nul = memchr(data, '\0', len);
    if (nul && (nul == data || two_nuls(nul, (size_t)(data + len - nul)))) {
        uint32_t line = line_of(data, (size_t)(nul - data));
        status = pn_load__error(l, "%s:%u: NUL bytes at line %u: a binary file, not UTF-8 text",
                                in->name, line, line);
        return status ? status : PN_EPARSE;
    }
    /* a character cut by the end of the peek is not an error */
    for (size_t at = 0, bad; at < len; at += bad + 1) {
        bad = pn_utf8__invalid(data + at, len - at);
        if (at + bad < len && data[at + bad] != '\0' &&
            !(len == PN_READER_PEEK_SIZE && at + bad + 4 > len)) {
            in->not_utf8 = pn_utf8__guess_encoding(data, len);
            break;
        }
    }
    return 0;
}
