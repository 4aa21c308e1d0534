/*
 * UTF-8 validation, NFC through ICU, name folding and the guess of an encoding that is not
 * UTF-8.
 */
#include "utf8.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>
#include <unicode/ustring.h>

size_t pn_utf8__invalid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return i; /* NUL, continuation byte, C0/C1 overlong lead or F5..FF */
        }
        if (len - i < n)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

/* The length a lead byte announces, or 0 for a byte that cannot start a character. */
static size_t lead_length(unsigned char c)
{
    return c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
}

size_t pn_utf8__mend(char *text)
{
    unsigned char *s = (unsigned char *)text;
    size_t len = strlen(text), r = 0, w = 0;
    while (r < len) {
        size_t valid = pn_utf8__invalid(text + r, len - r);
        memmove(s + w, s + r, valid);
        w += valid;
        r += valid;
        if (r == len)
            break;
        size_t need = lead_length(s[r]), have = 1;
        while (have < need && r + have < len && (s[r + have] & 0xC0) == 0x80)
            have++;
        if (need && have < need) {
            r += have; /* a character cut short */
            continue;
        }
        s[w++] = '?';
        r++;
    }
    s[w] = '\0';
    return w;
}

/* U+00C0..U+017F without their accents, lower case */
static const char *const latin[] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n",
    "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a",
    "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o",
    "o", " ", "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c",
    "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e",
    "e", "e", "g", "g", "g", "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i",
    "i", "i", "i", "i", "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l",
    "l", "l", "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s",
    "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
    "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

static unsigned decode(const unsigned char *s, size_t len, size_t *n)
{
    if (s[0] < 0x80 || len < 2) {
        *n = 1;
        return s[0];
    }
    if (s[0] < 0xE0) {
        *n = 2;
        return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if (s[0] < 0xF0 && len >= 3) {
        *n = 3;
        return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *n = len >= 4 ? 4 : len;
    return 0x10000;
}

/* Can @p c take part in composition: a combining mark, or a character NFC may change? */
static int may_compose(UChar32 c)
{
    return u_getCombiningClass(c) != 0 ||
           u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES;
}

/* may_compose() of the Basic Multilingual Plane, one bit a character (8 KiB), made once. */
static uint8_t composing[0x10000 / 8];
static pthread_once_t composing_once = PTHREAD_ONCE_INIT;

static void find_composing(void)
{
    for (UChar32 c = 0; c <= 0xFFFF; c++)
        if (may_compose(c))
            composing[c >> 3] |= (uint8_t)(1u << (c & 7));
}

int pn_utf8__nfc(char **out, size_t *out_len, const char *text, size_t len)
{
    *out = NULL;
    /* below U+0300 (lead bytes under 0xCC) there is nothing to compose: the fast way out */
    size_t i = 0;
    while (i < len && (unsigned char)text[i] < 0xCC)
        i++;
    if (i == len || len > INT32_MAX / 4)
        return 0;
    /* text with no combining mark and no character NFC changes is in NFC: Cyrillic,
     * Armenian or Georgian ids as they are typed, one bit test a character */
    pthread_once(&composing_once, find_composing);
    int32_t at = (int32_t)i, end = (int32_t)len;
    int plain = 1;
    while (plain && at < end) {
        UChar32 c;
        U8_NEXT(text, at, end, c);
        if (c < 0)
            return 0; /* invalid UTF-8 is refused elsewhere: as given */
        plain = c <= 0xFFFF ? !(composing[c >> 3] & (1u << (c & 7))) : !may_compose(c);
    }
    if (plain)
        return 0;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    UChar *u = malloc((len + 1) * sizeof *u), *normal = NULL;
    int32_t ulen = 0;
    int status = 0;
    if (!u)
        return -1;
    u_strFromUTF8(u, (int32_t)len + 1, &ulen, text, (int32_t)len, &err);
    if (U_FAILURE(err) || unorm2_quickCheck(nfc, u, ulen, &err) == UNORM_YES || U_FAILURE(err))
        goto done; /* invalid UTF-8 is refused elsewhere: as given */
    /* NFC is at most three times as long (Unicode's stability policy) */
    int32_t cap = 3 * ulen + 1, nlen;
    if (!(normal = malloc((size_t)cap * sizeof *normal))) {
        status = -1;
        goto done;
    }
    nlen = unorm2_normalize(nfc, u, ulen, normal, cap, &err);
    int32_t need = 0;
    u_strToUTF8(NULL, 0, &need, normal, nlen, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
        goto done;
    err = U_ZERO_ERROR;
    if (!(*out = malloc((size_t)need + 1))) {
        status = -1;
        goto done;
    }
    u_strToUTF8(*out, need + 1, &need, normal, nlen, &err);
    if (U_FAILURE(err)) {
        free(*out);
        *out = NULL;
        goto done;
    }
    *out_len = (size_t)need;
done:
    free(u);
    free(normal);
    return status;
}

size_t pn_utf8__fold(const char *given, size_t len, char *out)
{
    /* composed and decomposed accents fold alike; a form longer than the text given (a few
     * characters NFC decomposes) would not fit the caller's buffer: folded as given */
    char *nfc = NULL;
    size_t nfc_len = 0;
    const char *text = given;
    if (pn_utf8__nfc(&nfc, &nfc_len, given, len) == 0 && nfc && nfc_len <= len) {
        text = nfc;
        len = nfc_len;
    }
    const unsigned char *s = (const unsigned char *)text;
    size_t o = 0, i = 0;
    int space = 1; /* a space is pending only after a word */
    while (i < len) {
        size_t n;
        unsigned cp = decode(s + i, len - i, &n);
        const char *rep = NULL;
        char one[2] = {0, 0};
        if (cp < 0x80) {
            if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
                one[0] = (char)cp;
            } else if (cp >= 'A' && cp <= 'Z') {
                one[0] = (char)(cp - 'A' + 'a');
            } else if (cp == '\'') {
                rep = "";
            } else if (cp == '&') {
                rep = " and ";
            } else {
                rep = " ";
            }
        } else if (cp >= 0xC0 && cp <= 0x17F) {
            rep = latin[cp - 0xC0];
        } else if (cp == 0x218 || cp == 0x219) {
            rep = "s";
        } else if (cp == 0x21A || cp == 0x21B) {
            rep = "t";
        } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
            rep = "";
        } else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0xA0 || cp == 0xAB || cp == 0xBB) {
            rep = " ";
        }
        if (!rep && !one[0]) {
            /* another script: copy the bytes */
            if (space == 2)
                out[o++] = ' ';
            memcpy(out + o, s + i, n);
            o += n;
            space = 0;
        } else {
            const char *r = rep ? rep : one;
            for (; *r; r++) {
                if (*r == ' ') {
                    if (space == 0)
                        space = 2;
                    continue;
                }
                if (space == 2)
                    out[o++] = ' ';
                out[o++] = *r;
                space = 0;
            }
        }
        i += n;
    }
    out[o] = '\0';
    free(nfc);
    return o;
}

/* Cyrillic words written in
 * Windows-1251 are runs of bytes from 0xC0 up; Latin text has a lone accented letter here and
 * there. */
const char *pn_utf8__guess_encoding(const char *data, size_t len)
{
    size_t runs = 0, lone = 0, c1 = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c < 0x80)
            continue;
        c1 += c < 0xA0;
        size_t run = 1;
        while (i + run < len && (unsigned char)data[i + run] >= 0x80)
            run++;
        if (run >= 3)
            runs++;
        else
            lone++;
        i += run - 1;
    }
    if (runs > lone)
        return "not UTF-8: Windows-1251? (Cyrillic as Russian Excel saves it); convert it with "
               "iconv -f WINDOWS-1251 -t UTF-8, or read it with --encoding WINDOWS-1251";
    if (c1)
        return "not UTF-8: Windows-1252? (Western European as Excel saves it); convert it with "
               "iconv -f WINDOWS-1252 -t UTF-8, or read it with --encoding WINDOWS-1252";
    return "not UTF-8: Latin-1? (ISO-8859-1); convert it with iconv -f ISO-8859-1 -t UTF-8, or "
           "read it with --encoding ISO-8859-1";
}
