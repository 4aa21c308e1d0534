#!/usr/bin/python3
"""The catalogue of bad inputs: each case is a dataset people really send (an empty file, a
truncated JSON, a spreadsheet saved with a byte-order mark, a row with a NUL byte...) and what
the partnet command must do with it.

A bad input gets one line naming the file, the line and what was expected, exit code 2, and
nothing on stdout: nothing runs on half a dataset. Inputs that look odd but are fine (a BOM,
CRLF or mixed line ends, a network with no agreements) must be read correctly, and each such
case says why it is fine.

To add a case, add a Bad or a Fine to CASES. To check one more command on every bad input, add
its arguments to COMMANDS ("{out}" stands for an output file it must not leave behind). Run by
`meson test` (PARTNET_BUILD_ROOT and PARTNET_SOURCE_ROOT set)."""
import csv
import gzip
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

from harness import CIS, PARTNET, run

# The commands run on every bad input; each must refuse it the same way. A command that writes
# a file names it "{out}": after the refusal no such file may exist, and an existing one must be
# left as it was.
COMMANDS = [["info"], ["rank"], ["stats"], ["clusters"], ["coverage"], ["growth"],
            ["compare", "2000", "2010"], ["report"],
            ["export", "--graphml", "{out}"], ["export", "--gexf", "{out}"],
            ["export", "--nodes-csv", "{out}"], ["export", "--pajek", "{out}"],
            ["draw", "-o", "{out}.svg"], ["growth", "--chart", "{out}.png"],
            ["report", "--html", "{out}"], ["explore", "-o", "{out}.html"],
            ["merge", "-o", "{out}"]]

BIG = 100 * 1000 * 1000  # a "single 100 MB line", made at test time

NODES = ('{"id": "by-minsk", "name": "Minsk", "country": "BY", "level": "city"},\n'
         ' {"id": "am-kapan", "name": "Kapan", "country": "AM", "level": "city"}')


def dataset(nodes=NODES, agreements="", extra=""):
    """A native JSON dataset: Minsk on line 2, Kapan on line 3, the agreements on line 4,
    what extra adds after ",\n" on line 5."""
    text = '{\n"nodes": [' + nodes + '],\n"agreements": [' + agreements + ']' + extra + '\n}\n'
    return text.encode()


def agreement(fields):
    return '{"id": "a1", "parties": ["by-minsk", "am-kapan"], "kind": "twinning"' + fields + '}'


LATIN1 = ("not UTF-8: Latin-1? (ISO-8859-1); convert it with iconv -f ISO-8859-1 -t UTF-8, or "
          "read it with --encoding ISO-8859-1")
CP1251 = ("not UTF-8: Windows-1251? (Cyrillic as Russian Excel saves it); convert it with iconv -f "
          "WINDOWS-1251 -t UTF-8, or read it with --encoding WINDOWS-1251")
CP1252 = ("not UTF-8: Windows-1252? (Western European as Excel saves it); convert it with iconv "
          "-f WINDOWS-1252 -t UTF-8, or read it with --encoding WINDOWS-1252")
TWICE = ('{dir}/twice.json:%d: "%s" is given twice in one object: readers disagree on which one '
         'counts; give it once')
RECORD = "the limit on one record: is this a %s? (--max-record raises the limit)"
# Pairs in Russian, as Russian Excel saves them
RUSSIAN = ("city1,country1,city2,country2\nМинск,Беларусь,Москва,Россия\n"
           "Гомель,Беларусь,Брянск,Россия\n")

NODES_CSV = b"id,name,country,level\nby-minsk,Minsk,BY,city\nam-kapan,Kapan,AM,city\n"
PAIRS_HEADER = b"city1,country1,city2,country2,date,kind\n"


def with_countries(name, table, message):
    """A bad countries.csv beside valid tables; @p message follows "countries.csv:2: "."""
    return Bad(name, {"t/nodes.csv": NODES_CSV, "t/edges.csv": b"source,target\n",
                      "t/countries.csv": table}, "{dir}/t/countries.csv:2: " + message, data="t")


def with_companion(name, companion, table, message, line=2,
                   edges=b"source,target,id,source_document\nby-minsk,am-kapan,a1,mono.txt\n",
                   where=None):
    """A bad companion table beside valid tables; @p message follows "WHERE:LINE: " (where:
    the companion). Every command loads through the same tables loader: an analysis and an
    export stand for them all, so that the catalogue stays within its time."""
    return Bad(name, {"t/nodes.csv": NODES_CSV, "t/edges.csv": edges, "t/" + companion: table},
               "{dir}/t/%s:%d: %s" % (where or companion, line, message), data="t",
               commands=[["info"], ["export", "--nodes-csv", "{out}"]])


def with_coordinates(name, lat, lon):
    """A node x with coordinates that are not degrees."""
    return Bad(name, {"t/nodes.csv": b"id,name,country,lat,lon\nx,X,BY,%s,%s\n"
                      % (lat.encode(), lon.encode()), "t/edges.csv": b"source,target\n"},
               '{dir}/t/nodes.csv:2: node "x": columns lat, lon: expected degrees from -90 to '
               '90 and -180 to 180, found "%s", "%s"' % (lat, lon), data="t")


class Bad:
    """A bad input: exit 2 and, as the first line of stderr, "partnet: error: " + message, where
    {dir} in the message stands for the case's folder."""

    def __init__(self, name, files, message, data=None, options=(), commands=None):
        self.name, self.files, self.message = name, files, message
        self.data = data or next(iter(files))
        self.options, self.commands = list(options), commands


class Fine:
    """An input that is fine: exit 0, and check(summary, stderr) holds. why says why."""

    def __init__(self, name, files, why, check, data=None, options=()):
        self.name, self.files, self.why, self.check = name, files, why, check
        self.data = data or next(iter(files))
        self.options = list(options)


def nodes_and_agreements_are(nodes, agreements, warning=None):
    def check(test, summary, err):
        test.assertEqual(summary["nodes"], str(nodes))
        test.assertEqual(summary["agreements"], str(agreements))
        if warning:
            test.assertIn(warning, err)
    return check


def agreements_are(n, warning=None):
    def check(test, summary, err):
        test.assertEqual(summary["agreements"], str(n))
        if warning:
            test.assertIn(warning, err)
    return check


# -- hostile names in every output --
# Ids and names that break outputs: messages cut an id at 150 bytes (a 201-byte Cyrillic id is
# cut inside a letter there), names longer than that in two- and four-byte characters, the
# controls a terminal obeys (ESC, BEL), the noncharacters U+FFFE and U+FFFF, line breaks,
# markup, quotes and backslashes. NUL cannot be in a name: "\u0000" is refused (see CASES).
HOSTILE = {
    "x" + "д" * 100: "Д" * 80 + "\x1b[2J",
    "bel\x07": "Bell\x07 \ufffe\uffff",
    "nl": "two\nlines\r\tand \\ \"quotes\" <&>",
    "emoji" + "😀" * 40: "😀" * 50,
    "del": "del\x7f\u2028\u0085 \x1b]0;title\x07",
}
HOSTILE_COUNTRIES = ["BY", "RU", "AM", "BY", "KZ"]
# every pair but two: the network is connected, with a cycle
HOSTILE_PAIRS = [(a, b) for a in range(5) for b in range(a + 1, 5) if (a + b) % 3]
# the commands that write JSON, with the ids and names each lists: all (every node) or some
HOSTILE_COMMANDS = [
    (["info"], None), (["check"], None), (["rank"], "all"), (["rank", "--all"], "all"),
    (["stats"], None), (["clusters"], "all"), (["coverage"], None), (["growth"], None),
    (["compare", "2001", "2008"], "some"), (["report"], "some"), (["agreements"], "all"),
    (["show", "del"], "some"), (["search", "Bell"], "some"), (["path", "nl", "bel\x07"], "some")]


def hostile_json(countries=HOSTILE_COUNTRIES, pairs=HOSTILE_PAIRS, located=False):
    """The hostile network as a native JSON dataset, one node or agreement a line; @p located:
    each node at a place of its country."""
    ids = list(HOSTILE)
    places = {"BY": (53.9, 27.56), "RU": (55.75, 37.62), "AM": (40.18, 44.51), "KZ": (51.17, 71.45)}
    nodes = [json.dumps(dict({"id": i, "name": HOSTILE[i], "country": c, "level": "city",
                              "aliases": [HOSTILE[i] + " alias"]},
                             **({"lat": places[c][0] + k, "lon": places[c][1]} if located else {})),
                        ensure_ascii=False)
             for k, (i, c) in enumerate(zip(ids, countries))]
    agreements = [json.dumps({"id": "a%d" % k, "parties": [ids[a], ids[b]], "kind": "twinning",
                              "date": str(2000 + k)})
                  for k, (a, b) in enumerate(pairs, 1)]
    return ('{"nodes": [\n' + ",\n".join(nodes) + '],\n"agreements": [\n' +
            ",\n".join(agreements) + "]}\n").encode()


def hostile_tables():
    """The same network as nodes.csv and edges.csv (quoted as Python's csv quotes)."""
    ids = list(HOSTILE)
    nodes, edges = io.StringIO(), io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["id", "name", "country", "level"])
    for i, c in zip(ids, HOSTILE_COUNTRIES):
        w.writerow([i, HOSTILE[i], c, "city"])
    w = csv.writer(edges, lineterminator="\n")
    w.writerow(["id", "source", "target", "date", "kind"])
    for k, (a, b) in enumerate(HOSTILE_PAIRS, 1):
        w.writerow(["a%d" % k, ids[a], ids[b], str(2000 + k), "twinning"])
    return nodes.getvalue().encode(), edges.getvalue().encode()


CASES = [
    # -- empty, or nothing but a header --
    Bad("empty JSON file", {"empty.json": b""},
        "{dir}/empty.json:1: the file is empty; expected a dataset: native JSON, CSV tables or "
        "a pair list"),
    Bad("blank CSV file", {"blank.csv": b"\r\n\n  \n"},
        "{dir}/blank.csv:1: the file is empty; expected a dataset: native JSON, CSV tables or "
        "a pair list"),
    Bad("empty nodes table", {"t/nodes.csv": b"", "t/edges.csv": b"source,target\n"},
        "{dir}/t/nodes.csv:1: the file is empty; expected a header line", data="t"),
    Bad("empty file without header", {"rows.csv": b""},
        "{dir}/rows.csv:1: the file is empty; expected a dataset: native JSON, CSV tables or a "
        "pair list", options=["--no-header", "--columns", "a=1,b=2"]),
    Fine("only a header", {"header.csv": PAIRS_HEADER},
         "a header with no rows is a list of no pairs: an empty network, valid like {} (graphs/"
         "FORMAT.md), and the warning says it is empty",
         agreements_are(0, "header.csv: the dataset is empty: no nodes, no agreements")),
    Fine("tables of only headers", {"t/nodes.csv": b"id,name\n", "t/edges.csv": b"source,target\n"},
         "as a pair list of only a header: an empty network, said in a warning",
         agreements_are(0, "t/edges.csv: the dataset is empty"), data="t"),
    Fine("network with no agreements", {"lonely.json": dataset()},
         "nodes and no agreements is a network before its first agreement: valid; every "
         "analysis of it is empty, and a warning says so",
         agreements_are(0, "lonely.json: the dataset has no agreements, only 2 nodes")),

    # -- malformed JSON --
    Bad("truncated JSON",
        {"truncated.json": dataset(agreements=agreement(""))
         .split(b'"kind"')[0]},
        "{dir}/truncated.json:4:66: malformed JSON: expected the rest of the list or object, "
        "found the end of the file"),
    Bad("JSON string never closed",
        {"unclosed.json": dataset(agreements=agreement(', "note": "signed in Minsk}]}'))
         .split(b"in Minsk")[0] + b"in Minsk}]}\n"},
        "{dir}/unclosed.json:4:94: malformed JSON: the string that starts here has no closing "
        "quote"),
    Bad("JSON nested thousands deep",
        {"deep.json": b'{"title": ' + b"[" * 5000 + b"]" * 5000 + b"}"},
        '{dir}/deep.json:1:1011: malformed JSON: expected lists and objects nested at most 1000 '
        'deep, found "[[[[[[[[[[[[[[[["'),
    Bad("JSON top level is a list", {"list.json": b'[{"id": "x"}]'},
        "{dir}/list.json:1:1: malformed JSON: expected a JSON object { ... } holding countries, "
        'nodes and agreements, found "[{"id": "x"}]"'),
    Bad("NaN in JSON", {"nan.json": dataset(NODES.replace('"level": "city"}', '"level": "city", '
                                                          '"lat": NaN, "lon": 27.5}', 1))},
        '{dir}/nan.json:2:88: malformed JSON: expected a value (string in double quotes, number, '
        'object, list, true, false or null), found "NaN, "lon": 27.5"'),

    # -- types --
    Bad("number where a string belongs", {"id.json": dataset(NODES.replace('"by-minsk"', "5"))},
        '{dir}/id.json:2: nodes[0]: field "id": expected a string, found a number'),
    Bad("number as a date", {"date.json": dataset(agreements=agreement(', "date": 2004'))},
        '{dir}/date.json:4: agreement "a1": field "date": expected a string, found a number'),
    Bad("string where a number belongs",
        {"lat.json": dataset(NODES.replace('"level": "city"}', '"level": "city", "lat": "53.9", '
                                           '"lon": 27.5}', 1))},
        '{dir}/lat.json:2: node "by-minsk": field "lat": expected a number, found a string'),
    Bad("string as a region count",
        {"regions.json": dataset(extra=',\n"countries": [{"code": "BY", "regions": "seven"}]')},
        '{dir}/regions.json:5: country "BY": field "regions": expected a number or an object '
        'with count, year and source, found a string'),
    Bad("word where a number belongs in CSV",
        {"t/nodes.csv": NODES_CSV, "t/edges.csv": b"source,target\n",
         "t/countries.csv": b"code,regions\nBY,seven\n"},
        '{dir}/t/countries.csv:2: column regions: expected a whole number, found "seven"',
        data="t"),

    # -- the companion tables beside edges.csv: what nodes.csv and edges.csv cannot hold --
    with_companion("membership left before it joined", "memberships.csv",
                   b"country,org,from,to\nBY,CIS,1991,1990\n",
                   "column to: left in 1990, before joining in 1991"),
    with_companion("membership of no country", "memberships.csv", b"country,org\nXX,CIS\n",
                   'column country: expected an ISO 3166-1 alpha-2 code, found "XX"'),
    with_companion("document year in words", "documents.csv",
                   b"id,title,year\nmono.txt,Monograph,last year\n",
                   'column year: expected a year, found "last year"'),
    with_companion("documents without ids", "documents.csv", b"title\nMonograph\n",
                   'the header has no "id" column (expected id[,title,author,year,url,note])',
                   line=1),
    with_companion("a source document not listed", "documents.csv", b"id\nother.txt\n",
                   'column source_document: "mono.txt" is not a document of documents.csv',
                   edges=b"source,target,source_document\nby-minsk,am-kapan,mono.txt\n",
                   where="edges.csv"),
    with_companion("figure of an unknown metric", "reported.csv",
                   b"id,metric,countries,value\nr1,regions,BY,3\n",
                   'column metric: expected agreements, regions_covered or partners, found '
                   '"regions"'),
    with_companion("figure without a value", "reported.csv",
                   b"id,metric,countries\nr1,agreements,BY\n",
                   "column value is empty (only qualifiers all, almost_all and most go without "
                   "a value)"),
    with_companion("figure of three countries", "reported.csv",
                   b"id,metric,countries,value\nr1,agreements,BY|AM|RU,3\n",
                   'column countries: expected one or two ISO 3166-1 alpha-2 codes joined with '
                   '|, found "BY|AM|RU"'),
    with_companion("source of an unknown agreement", "sources.csv",
                   b"agreement,document\na2,mono.txt\n",
                   'column agreement: no agreement of {dir}/t/edges.csv has the id "a2"'),
    with_companion("further source of an agreement without one", "sources.csv",
                   b"agreement,document\na1,mono.txt\n",
                   'agreement "a1" has no source_document in {dir}/t/edges.csv: its first source '
                   'is there, sources.csv gives the others',
                   edges=b"source,target,id\nby-minsk,am-kapan,a1\n"),
    with_companion("source line in words", "sources.csv",
                   b"agreement,document,line\na1,mono.txt,twelve\n",
                   'column line: expected a line number, found "twelve"'),
    with_companion("dataset field partnet does not know", "dataset.csv",
                   b"field,value\nauthor,Someone\n",
                   'column field: expected title, description, license or citation, found '
                   '"author"'),
    with_companion("dataset title given twice", "dataset.csv",
                   b"field,value\ntitle,One\ntitle,Two\n", "field title is given twice", line=3),

    # -- NaN and huge numbers --
    Bad("huge number in JSON",
        {"huge.json": dataset(NODES.replace('"level": "city"}', '"level": "city", "lat": 1e999, '
                                            '"lon": 27.5}', 1))},
        '{dir}/huge.json:2: node "by-minsk": field "lat": expected a number from -90 to 90, '
        'found inf'),
    Bad("huge whole number in JSON",
        {"count.json": dataset(extra=',\n"countries": [{"code": "BY", "regions": '
                                     '99999999999999999999}]')},
        '{dir}/count.json:5: country "BY": field "regions": expected a whole number from 0 to '
        '100000, found 1e+20'),
    Bad("NaN in CSV",
        {"t/nodes.csv": b"id,name,country,lat,lon\nx,X,BY,nan,27.5\n",
         "t/edges.csv": b"source,target\n"},
        '{dir}/t/nodes.csv:2: node "x": columns lat, lon: expected degrees from -90 to 90 and '
        '-180 to 180, found "nan", "27.5"', data="t"),
    Bad("huge number in CSV",
        {"t/nodes.csv": NODES_CSV,
         "t/edges.csv": b"source,target,source_document,source_line\n"
                        b"by-minsk,am-kapan,mono.txt,1e300\n"},
        '{dir}/t/edges.csv:2: column source_line: expected a line number, found "1e300"',
        data="t"),

    # -- bytes that are not UTF-8 text --
    Bad("NUL byte in JSON", {"nul.json": dataset(NODES.replace("Minsk", "Min\0sk"))},
        "{dir}/nul.json:2:42: a NUL byte: the file must be UTF-8 text"),
    Bad("NUL escape in JSON", {"nulesc.json": dataset(NODES.replace("Minsk", "Min\\u0000sk"))},
        "{dir}/nulesc.json:2:42: a \\u0000 (NUL) escape: strings cannot hold NUL characters"),
    Bad("NUL byte in CSV", {"nul.csv": PAIRS_HEADER + b"Min\0sk,Belarus,Kapan,Armenia,,\n"},
        "{dir}/nul.csv:2: column 1: NUL byte at byte 4 of the field"),
    Bad("invalid UTF-8 in JSON", {"latin1.json": dataset().replace(b"Kapan", b"K\xe0pan")},
        "{dir}/latin1.json:3:31: invalid UTF-8: the file must be UTF-8 text; " + LATIN1),
    Bad("invalid UTF-8 in CSV", {"latin1.csv": PAIRS_HEADER + b"Minsk,Belarus,K\xe0pan,Armenia,,\n"},
        "{dir}/latin1.csv:2: column 3: invalid UTF-8 at byte 2 of the field: " + LATIN1),
    Fine("byte-order mark in JSON", {"bom.json": b"\xef\xbb\xbf" + dataset(agreements=agreement(""))},
         "a byte-order mark is how some editors start UTF-8 files: it is skipped",
         agreements_are(1)),
    Fine("byte-order mark in CSV",
         {"bom.csv": b"\xef\xbb\xbf" + PAIRS_HEADER + b"Minsk,Belarus,Kapan,Armenia,2018,\n"},
         "Excel saves \"CSV UTF-8\" with a byte-order mark: it is skipped, and the first "
         "column is still city1", agreements_are(1)),

    # -- binary files: NUL bytes at the start or two in a row --
    Bad("file of NUL bytes", {"zeros.csv": b"\0" * 100000},
        "{dir}/zeros.csv:1: NUL bytes at line 1: a binary file, not UTF-8 text"),
    Bad("one NUL byte", {"nul1.json": b"\0"},
        "{dir}/nul1.json:1: NUL bytes at line 1: a binary file, not UTF-8 text"),
    Bad("NUL bytes after a brace", {"zeros.json": b"{\n" + b"\0" * 100},
        "{dir}/zeros.json:2: NUL bytes at line 2: a binary file, not UTF-8 text"),
    Bad("NUL bytes at the end of a nodes table",
        {"t/nodes.csv": NODES_CSV + b"\0\0\0\0", "t/edges.csv": b"source,target\n"},
        "{dir}/t/nodes.csv:4: NUL bytes at line 4: a binary file, not UTF-8 text", data="t"),
    Bad("gzip file", {"pairs.csv.gz": gzip.compress(PAIRS_HEADER, mtime=0)},
        "{dir}/pairs.csv.gz:1: NUL bytes at line 1: a binary file, not UTF-8 text"),

    # -- records past the limit (--max-record; 16 MiB unless raised) --
    Bad("row past the record limit",
        {"long.csv": PAIRS_HEADER + b"Minsk,Belarus," + b"x" * 2000 + b",Armenia,,\n"},
        "{dir}/long.csv:2: a row longer than 1024 bytes, " + RECORD % "CSV file",
        options=["--max-record", "1K"]),
    Bad("quoted row over many lines past the record limit",
        {"lines.csv": PAIRS_HEADER + b'Minsk,Belarus,"' + b"x\n" * 1000 + b'",Armenia,,\n'},
        "{dir}/lines.csv:2: a row longer than 1024 bytes, " + RECORD % "CSV file",
        options=["--max-record", "1K"]),
    Bad("nodes row past the record limit",
        {"t/nodes.csv": NODES_CSV + b"x," + b"X" * 2000 + b",BY,city\n",
         "t/edges.csv": b"source,target\n"},
        "{dir}/t/nodes.csv:4: a row longer than 1024 bytes, " + RECORD % "CSV file",
        options=["--max-record", "1K"], data="t"),
    Bad("JSON agreement past the record limit",
        {"rec.json": dataset(agreements=agreement(', "note": "' + "x" * 2000 + '"'))},
        "{dir}/rec.json:4: a value longer than 1024 bytes starts here, " +
        RECORD % "partnet dataset", options=["--max-record", "1K"]),
    Bad("JSON blank space without end", {"blank.json": b'{"agreements": [' + b" " * 2000},
        "{dir}/blank.json:1: a value longer than 1024 bytes starts here, " +
        RECORD % "partnet dataset", options=["--max-record", "1K"]),
    Bad("edges header past 64 KiB, the file named",
        {"t/edges.csv": b"source,target," + b"x" * 70000 + b"\n", "t/nodes.csv": NODES_CSV},
        "{dir}/t/edges.csv:1: a header line longer than 65536 bytes: expected the names of the "
        "columns", data="t/edges.csv"),
    Bad("edges header past 64 KiB, the folder named",
        {"t/edges.csv": b"source,target," + b"x" * 70000 + b"\n", "t/nodes.csv": NODES_CSV},
        "{dir}/t/edges.csv:1: a header line longer than 65536 bytes: expected the names of the "
        "columns", data="t"),

    # -- other encodings: what the file looks like, and how to read it --
    Bad("UTF-16 with a byte-order mark", {"u16.csv": RUSSIAN.encode("utf-16")},
        '{dir}/u16.csv:1: the file is UTF-16 with a byte-order mark (UTF-16LE, as Excel saves '
        '"Unicode text"), not UTF-8: convert it with iconv -f UTF-16 -t UTF-8, or read it with '
        '--encoding UTF-16'),
    Bad("UTF-16 JSON with a byte-order mark", {"u16.json": dataset().decode().encode("utf-16")},
        '{dir}/u16.json:1: the file is UTF-16 with a byte-order mark (UTF-16LE, as Excel saves '
        '"Unicode text"), not UTF-8: convert it with iconv -f UTF-16 -t UTF-8, or read it with '
        '--encoding UTF-16'),
    Bad("UTF-16LE without a byte-order mark", {"u16le.csv": RUSSIAN.encode("utf-16-le")},
        "{dir}/u16le.csv:1: the file is UTF-16 without a byte-order mark (UTF-16LE), not UTF-8: "
        "convert it with iconv -f UTF-16LE -t UTF-8, or read it with --encoding UTF-16LE"),
    Bad("UTF-16BE without a byte-order mark", {"u16be.csv": RUSSIAN.encode("utf-16-be")},
        "{dir}/u16be.csv:1: the file is UTF-16 without a byte-order mark (UTF-16BE), not UTF-8: "
        "convert it with iconv -f UTF-16BE -t UTF-8, or read it with --encoding UTF-16BE"),
    Bad("Windows-1251 pair list", {"ru.csv": RUSSIAN.encode("cp1251")},
        "{dir}/ru.csv:2: column 1: invalid UTF-8 at byte 1 of the field: " + CP1251),
    Bad("Windows-1251 JSON",
        {"ru.json": dataset(NODES.replace("Minsk", "Минск")).decode().encode("cp1251")},
        "{dir}/ru.json:2:39: invalid UTF-8: the file must be UTF-8 text; " + CP1251),
    Bad("Windows-1252 quotes", {"quotes.csv": PAIRS_HEADER +
                                "Minsk,Belarus,“Kapan”,Armenia,,\n".encode("cp1252")},
        "{dir}/quotes.csv:2: column 3: invalid UTF-8 at byte 1 of the field: " + CP1252),
    Bad("Windows-1251 rows after 64 KiB of ASCII",
        {"late.csv": PAIRS_HEADER + b"Minsk,Belarus,Kapan,Armenia,,\n" * 3000 +
         "Гомель,Беларусь,Брянск,Россия,,\n".encode("cp1251")},
        "{dir}/late.csv:3002: column 1: invalid UTF-8 at byte 1 of the field: " + CP1251),
    Bad("UTF-8 read as ASCII", {"ru.csv": RUSSIAN.encode()},
        "{dir}/ru.csv:2: byte 31 of the file (0xD0) is not ASCII text",
        options=["--encoding", "ASCII"]),
    # the header is 30 bytes: line 2 starts at byte 31; the third line feed is cut in half
    Bad("UTF-16 that ends inside a character", {"odd.csv": RUSSIAN.encode("utf-16")[:-1]},
        "{dir}/odd.csv:3: the file ends inside a character: not UTF-16 text",
        options=["--encoding", "UTF-16"]),
    # 0x98 is the one byte Windows-1251 leaves undefined: 3000 rows of 30 bytes after the
    # 40-byte header, then "Гомель," (7 bytes): byte 40 + 90000 + 7 + 1
    Bad("a byte Windows-1251 does not define, far into the file",
        {"late.csv": PAIRS_HEADER + b"Minsk,Belarus,Kapan,Armenia,,\n" * 3000 +
         "Гомель,".encode("cp1251") + b"\x98" + ",Брянск,Россия,,\n".encode("cp1251") +
         b"Minsk,Belarus,Kapan,Armenia,,\n" * 10},
        "{dir}/late.csv:3002: byte 90048 of the file (0x98) is not WINDOWS-1251 text",
        options=["--encoding", "WINDOWS-1251"]),
    # two lines and "Gomel," are 64 UTF-16 units (128 bytes): the high surrogate with no low
    # one after it starts at byte 129
    Bad("UTF-16 with half a surrogate pair on line 3",
        {"half.csv": ("city1,country1,city2,country2\nMinsk,Belarus,Kapan,Armenia\n"
                      "Gomel,").encode("utf-16-le") + b"\x00\xd8" +
         ",Belarus,Kapan,Armenia\n".encode("utf-16-le")},
        "{dir}/half.csv:3: byte 129 of the file (0x00) is not UTF-16LE text",
        options=["--encoding", "UTF-16LE"]),
    Fine("Windows-1251 read with --encoding", {"ru.csv": RUSSIAN.encode("cp1251")},
         "Russian Excel's CSV is Windows-1251: --encoding converts it to UTF-8 through iconv",
         agreements_are(2), options=["--encoding", "WINDOWS-1251"]),
    Fine("UTF-16 read with --encoding", {"u16.csv": RUSSIAN.encode("utf-16")},
         "Excel's \"Unicode text\" is UTF-16 with a byte-order mark: iconv reads the mark",
         agreements_are(2), options=["--encoding", "UTF-16"]),
    Fine("Latin-1 JSON read with --encoding",
         {"l1.json": dataset(agreements=agreement("")).replace(b"Kapan", b"K\xe0pan")},
         "a Latin-1 file is read whole through iconv, JSON as well as CSV",
         agreements_are(1), options=["--encoding", "ISO-8859-1"]),
    Fine("UTF-8 named as the encoding", {"ru.csv": RUSSIAN.encode()},
         "--encoding UTF-8 is the default, spelled out", agreements_are(2),
         options=["--encoding", "utf-8"]),

    # -- JSON: keys given twice, half surrogate pairs --
    Bad("key twice in an agreement",
        {"twice.json": dataset(agreements=agreement(', "parties": ["am-kapan", "by-minsk"]'))},
        TWICE % (4, "parties")),
    Bad("key twice in a node, on its own line",
        {"twice.json": dataset(NODES.replace('"level": "city"}', '"level": "city",\n'
                                             '  "level": "region"}', 1))},
        TWICE % (3, "level")),
    Bad("key twice in a nested object",
        {"twice.json": dataset(extra=',\n"countries": [{"code": "BY", "regions": {"count": 6, '
                                     '"year": 2020, "count": 7}}]')},
        TWICE % (5, "count")),
    Bad("key twice among many",
        {"twice.json": dataset(agreements=agreement(
            ''.join(', "k%d": %d' % (i, i) for i in range(20)) + ', "kind": "memorandum"'))},
        TWICE % (4, "kind")),
    Bad("lone high surrogate", {"high.json": dataset(NODES.replace("Minsk", "Min\\ud800sk"))},
        '{dir}/high.json:2:42: "\\ud800" is half of a UTF-16 surrogate pair: a high surrogate '
        'with no low one (\\uDC00 to \\uDFFF) after it'),
    Bad("lone low surrogate", {"low.json": dataset(NODES.replace("Minsk", "Min\\uDC00sk"))},
        '{dir}/low.json:2:42: "\\uDC00" is half of a UTF-16 surrogate pair: a low surrogate '
        'with no high one (\\uD800 to \\uDBFF) before it'),
    Bad("high surrogate before a letter",
        {"pair.json": dataset(NODES.replace("Minsk", "Min\\ud83d\\u0041sk"))},
        '{dir}/pair.json:2:42: "\\ud83d" is half of a UTF-16 surrogate pair: a high surrogate '
        'with no low one (\\uDC00 to \\uDFFF) after it'),
    Fine("surrogate pair", {"pair.json": dataset(NODES.replace("Minsk", "Min\\ud83d\\ude00sk"))},
         "a high and a low surrogate together are one character (U+1F600), as JSON writes "
         "characters beyond the BMP", agreements_are(0)),
    Fine("same key in different objects", {"keys.json": dataset(agreements=agreement(""))},
         "a key is unique in its object: \"id\" in each node and in the agreement is not a key "
         "given twice", agreements_are(1)),

    # -- CSV rows and headers that do not line up --
    Bad("pair list row with three of four columns",
        {"short.csv": b"city1,country1,city2,country2\nMinsk,Belarus,Kapan,Armenia\n"
                      b"Gomel,Belarus,Kapan\n"},
        "{dir}/short.csv:3: expected 4 fields as in the header, found 3"),
    Bad("pair list row without its date and kind cells",
        {"short.csv": PAIRS_HEADER + b"Minsk,Belarus,Kapan,Armenia\n"},
        "{dir}/short.csv:2: expected 6 fields as in the header, found 4"),
    Bad("pair list header naming a column twice",
        {"twice.csv": b"city1,country1,city2,country2,date,Date\n"
                      b"Minsk,Belarus,Kapan,Armenia,2018,2019\n"},
        '{dir}/twice.csv:1: columns 5 and 6 are both "date": a header names each column once'),
    Bad("pair list header naming a party twice",
        {"twice.csv": b"city1,country1, CITY1 ,country2\nMinsk,Belarus,Kapan,Armenia\n"},
        '{dir}/twice.csv:1: columns 1 and 3 are both "city1": a header names each column once'),
    Bad("nodes header naming a column twice",
        {"t/nodes.csv": b"id,name,country,name\nby-minsk,Minsk,BY,Mensk\n",
         "t/edges.csv": b"source,target\n"},
        '{dir}/t/nodes.csv:1: columns 2 and 4 are both "name": a header names each column once',
        data="t"),
    Bad("edges header naming a column twice",
        {"t/nodes.csv": NODES_CSV, "t/edges.csv": b"source,target,target\nby-minsk,am-kapan,x\n"},
        '{dir}/t/edges.csv:1: columns 2 and 3 are both "target": a header names each column '
        'once', data="t"),

    # -- numbers written another way than the column expects --
    with_countries("fraction as a region count", b"code,regions\nBY,7.5\n",
                   'column regions: expected a whole number, found "7.5"'),
    with_countries("hexadecimal region count", b"code,regions\nBY,0x1A\n",
                   'column regions: expected a whole number, found "0x1A"'),
    with_countries("exponent as a region year", b"code,regions,regions_year\nBY,7,2.02e3\n",
                   'column regions_year: expected a year, found "2.02e3"'),
    Bad("fraction as a source line",
        {"t/nodes.csv": NODES_CSV,
         "t/edges.csv": b"source,target,source_document,source_line\n"
                        b"by-minsk,am-kapan,mono.txt,12.9\n"},
        '{dir}/t/edges.csv:2: column source_line: expected a line number, found "12.9"',
        data="t"),
    with_coordinates("hexadecimal latitude", "0x35", "27.5"),
    with_coordinates("infinite longitude", "53.9", "-inf"),
    Fine("decimals with a sign and an exponent",
         {"t/nodes.csv": b"id,name,country,lat,lon\nx,X,BY,+5.39e1,-.5\ny,Y,AM,40,45\n",
          "t/edges.csv": b"source,target\nx,y\n",
          "t/countries.csv": b"code,regions\nBY,7\n"},
         "coordinates are decimals as people and JSON write them; only counts, years and lines "
         "must be whole", agreements_are(1), data="t"),

    # -- Unicode: names compared composed (NFC), kept as written --
    Fine("a name composed and decomposed",
         {"nfd.csv": "city1,country1,city2,country2\nLie\u0300ge,Belgium,Kapan,Armenia\n"
                     "Li\u00e8ge,Belgium,Minsk,Belarus\n".encode()},
         "\"Liège\" typed on a keyboard is composed, from a Mac's file name decomposed: the same "
         "name, so one node, and a warning says it was written two ways",
         nodes_and_agreements_are(3, 2, 'nfd.csv: 1 party written in other cells with the same '
                                        'name, country and qualifiers are one node each')),
    Fine("a decomposed country name under --strict",
         {"nfd.csv": "city1,country1,city2,country2\nAbidjan,Co\u0302te d\u2019Ivoire,Minsk,"
                     "Belarus\nZu\u0308rich,Switzerland,Minsk,Belarus\n".encode()},
         "a decomposed accent resolves exactly, as the composed one does, not through a guess "
         "that --strict refuses", agreements_are(2), options=["--strict"]),
    Fine("a decomposed qualifier",
         {"nfd.csv": "city1,country1,city2,country2\nLagoa,\"Ac\u0327ores, Portugal\",Minsk,"
                     "Belarus\nLagoa,\"A\u00e7ores, Portugal\",Kapan,Armenia\n".encode()},
         "qualifiers compare composed too: one Lagoa of the Azores",
         nodes_and_agreements_are(3, 2)),
    # ids of the JSON and table formats: "lie\u0300ge" (decomposed, as the node is written) and
    # "li\u00e8ge" (composed, as an agreement names it) are one id
    Fine("a node id decomposed and an agreement naming it composed",
         {"nfd.json": dataset('{"id": "lie\u0300ge", "name": "Li\u00e8ge", "country": "BE", '
                              '"level": "region"},\n {"id": "k\u00f6ln", "name": "K\u00f6ln", '
                              '"country": "BE", "level": "city", "parent": "li\u00e8ge"}',
                              '{"id": "a1", "parties": ["li\u00e8ge", "ko\u0308ln"], '
                              '"kind": "twinning"}')},
         "an id typed on a keyboard is composed, one from a Mac's file name decomposed: the same "
         "id, so the agreement and the parent find the node",
         nodes_and_agreements_are(2, 1)),
    Fine("table ids decomposed in nodes.csv and composed in edges.csv",
         {"t/nodes.csv": "id,name,country,level,parent\nlie\u0300ge,Li\u00e8ge,BE,region,\n"
                         "k\u00f6ln,K\u00f6ln,BE,city,li\u00e8ge\n".encode(),
          "t/edges.csv": "source,target\nli\u00e8ge,k\u00f6ln\nko\u0308ln,lie\u0300ge\n".encode()},
         "edges.csv, nodes.csv's parents and the nodes compare ids composed",
         nodes_and_agreements_are(2, 2), data="t"),
    Bad("a JSON node id given composed and decomposed",
        {"nfd.json": dataset(NODES + ',\n {"id": "by-mi\u0301nsk", "name": "M", "country": "BY", '
                             '"level": "city"},\n {"id": "by-m\u00ednsk", "name": "M", '
                             '"country": "BY", "level": "city"}')},
        '{dir}/nfd.json:5: node "by-m\u00ednsk": another node has this id (line 4), the same '
        'text composed differently (ids are compared in NFC)'),
    Bad("a table node id given composed and decomposed",
        {"t/nodes.csv": NODES_CSV + "by-mi\u0301nsk,M,BY,city\nby-m\u00ednsk,M,BY,city\n".encode(),
         "t/edges.csv": b"source,target\n"},
        '{dir}/t/nodes.csv:5: node "by-m\u00ednsk": another node has this id (line 4), the same '
        'text composed differently (ids are compared in NFC)', data="t"),

    # -- delimiters --
    Fine("semicolons with a quoted comma in the header",
         {"semi.csv": b'city1;country1;city2;country2;"note, remark"\n'
                      b'Minsk;Belarus;Kapan;Armenia;"signed, 2018"\n'},
         "the delimiter is guessed from the header outside quotes: a comma inside a quoted "
         "cell does not make it a comma file", agreements_are(1)),
    Fine("tabs with a quoted semicolon in the header",
         {"tabs.tsv": b'city1\tcountry1\tcity2\tcountry2\t"a;b"\n'
                      b'Minsk\tBelarus\tKapan\tArmenia\tx\n'},
         "as above, for a tab file", agreements_are(1)),

    # -- line ends --
    Fine("CRLF line ends",
         {"crlf.csv": PAIRS_HEADER.replace(b"\n", b"\r\n") +
          b"Minsk,Belarus,Kapan,Armenia,2018,\r\nGomel,Belarus,Kapan,Armenia,2019,\r\n"},
         "Windows line ends are line ends (RFC 4180 even asks for them)", agreements_are(2)),
    Fine("mixed line ends",
         {"mixed.csv": PAIRS_HEADER.replace(b"\n", b"\r\n") +
          b"Minsk,Belarus,Kapan,Armenia,2018,\n"
          b"Gomel,Belarus,Kapan,Armenia,2019,\r\n"
          b"Brest,Belarus,Kapan,Armenia,2020,\r"
          b"Pinsk,Belarus,Athens,Grece,2021,\n"},
         "files edited on several systems mix LF, CRLF and even old Mac CR: each ends a row; "
         "lines are counted by LF, as grep -n and editors count them",
         agreements_are(4, 'mixed.csv:4: country "Grece" read as Greece (GR)')),
    Fine("CRLF in JSON", {"crlf.json": dataset(agreements=agreement("")).replace(b"\n", b"\r\n")},
         "JSON allows CR and LF as white space", agreements_are(1)),

    # -- a single 100 MB line: past the record limit, unless it is raised --
    Bad("single 100 MB line of CSV", {"line.csv": lambda: b"x" * BIG},
        "{dir}/line.csv:1: a header line longer than 65536 bytes: expected the names of the "
        "columns", commands=[["info"]]),
    Bad("single 100 MB line of JSON", {"line.json": lambda: b'{"title": "' + b"x" * BIG},
        "{dir}/line.json:1: a value longer than 16777216 bytes starts here, the limit on one "
        "record: is this a partnet dataset? (--max-record raises the limit)",
        commands=[["info"]]),
    Bad("single 100 MB line of JSON, the limit raised",
        {"line.json": lambda: b'{"title": "' + b"x" * BIG},
        "{dir}/line.json:1:11: malformed JSON: the string that starts here has no closing quote",
        options=["--max-record", "128M"], commands=[["info"]]),

    # -- CSV quoting --
    Bad("unterminated quote in a pair list",
        {"quote.csv": PAIRS_HEADER + b'Minsk,Belarus,"Kapan,Armenia,2018,\n'
                                     b"Gomel,Belarus,Kapan,Armenia,2019,\n"},
        "{dir}/quote.csv:2: unterminated quoted field: the quote opened in the row starting on "
        "this line is never closed"),
    Bad("stray quote in a nodes table",
        {"t/nodes.csv": b'id,name\nx,Minsk "Hero City"\n', "t/edges.csv": b"source,target\n"},
        "{dir}/t/nodes.csv:2: malformed CSV: a quote inside an unquoted field, or text after a "
        "closing quote", data="t"),

    # -- ids and references --
    Bad("duplicate node id in JSON", {"dup.json": dataset(NODES.replace("am-kapan", "by-minsk"))},
        '{dir}/dup.json:3: node "by-minsk": another node has this id (line 2)'),
    Bad("duplicate agreement id in CSV",
        {"t/nodes.csv": NODES_CSV,
         "t/edges.csv": b"source,target,id\nby-minsk,am-kapan,x\nam-kapan,by-minsk,x\n"},
        '{dir}/t/edges.csv:3: agreement "x": another agreement has this id (line 2)', data="t"),
    Bad("dangling party in JSON",
        {"dangling.json": dataset(agreements=agreement("").replace("am-kapan", "tj-dushanbe"))},
        '{dir}/dangling.json:4: agreement "a1": field "parties": no node has the id '
        '"tj-dushanbe"'),
    Bad("dangling party in CSV",
        {"t/nodes.csv": NODES_CSV, "t/edges.csv": b"source,target\nby-minsk,tj-dushanbe\n"},
        '{dir}/t/edges.csv:2: column target: no node has the id "tj-dushanbe"', data="t"),
    Bad("dangling parent",
        {"parent.csv": b"id,name,country,level,parent\nby-minsk,Minsk,BY,city,by-minsk-oblast\n",
         "edges.csv": b"source,target\n"},
        '{dir}/parent.csv:2: node "by-minsk": column parent: no node has the id '
        '"by-minsk-oblast"', data="edges.csv", options=["--nodes", "{dir}/parent.csv"]),
    Bad("self-agreement in JSON",
        {"self.json": dataset(agreements=agreement("").replace("am-kapan", "by-minsk"))},
        '{dir}/self.json:4: agreement "a1": field "parties": an agreement of "by-minsk" with '
        'itself'),
    Bad("self-agreement in CSV",
        {"t/nodes.csv": NODES_CSV, "t/edges.csv": b"source,target\nby-minsk,by-minsk\n"},
        '{dir}/t/edges.csv:2: an agreement of "by-minsk" with itself', data="t"),
    Fine("same name twice in a pair list",
         {"namesakes.csv": PAIRS_HEADER + b"Nienburg,Germany,Nienburg,Germany,1985,\n"
                                          b"Minsk,Belarus,Kapan,Armenia,2018,\n"},
         "a pair list names parties by name: the same name twice in one country is a town "
         "twinned with its namesake, which cannot be told apart; the row is skipped, with a "
         "warning naming it",
         agreements_are(1, "namesakes.csv:2: both parties are \"Nienburg\" in DE")),

    # -- dates --
    Bad("impossible month", {"month.json": dataset(agreements=agreement(', "date": "2018-13"'))},
        '{dir}/month.json:4: agreement "a1": field "date": "2018-13": month 13 does not exist'),
    Bad("impossible day", {"day.csv": PAIRS_HEADER + b"Minsk,Belarus,Kapan,Armenia,2018-02-29,\n"},
        '{dir}/day.csv:2: column 5 (date): "2018-02-29": February 2018 has 28 days, not 29'),
    Bad("year out of range",
        {"t/nodes.csv": NODES_CSV, "t/edges.csv": b"source,target,date\nby-minsk,am-kapan,0999\n"},
        '{dir}/t/edges.csv:2: column date: "0999": year 999 is outside 1000..2200', data="t"),
    Bad("year far in the future", {"future.json": dataset(agreements=agreement(', "date": "2201"'))},
        '{dir}/future.json:4: agreement "a1": field "date": "2201": year 2201 is outside '
        '1000..2200'),
    Bad("date in another shape",
        {"shape.csv": PAIRS_HEADER + b"Minsk,Belarus,Kapan,Armenia,23.06.2004,\n"},
        '{dir}/shape.csv:2: column 5 (date): "23.06.2004": expected YYYY, YYYY-MM or YYYY-MM-DD'),
    Bad("end before start",
        {"end.json": dataset(agreements=agreement(', "date": "2019", "end": "2017"'))},
        '{dir}/end.json:4: agreement "a1": ends 2017, before it was signed (2019)'),
    Bad("end before start in CSV",
        {"t/nodes.csv": NODES_CSV,
         "t/edges.csv": b"source,target,date,end\nby-minsk,am-kapan,2019-05,2019-04\n"},
        '{dir}/t/edges.csv:2: agreement: ends 2019-04, before it was signed (2019-05)', data="t"),

    # -- unknown names --
    Bad("unknown kind", {"kind.json": dataset(agreements=agreement("").replace("twinning", "treaty"))},
        '{dir}/kind.json:4: agreement "a1": field "kind": expected twinning, '
        'cooperation_agreement, memorandum, programme, protocol, roadmap or other, found '
        '"treaty"'),
    Bad("unknown kind in a pair list", {"kind.csv": PAIRS_HEADER + b"Minsk,Belarus,Kapan,Armenia,,treaty\n"},
        '{dir}/kind.csv:2: column 6 (kind): expected twinning, cooperation_agreement, '
        'memorandum, programme, protocol, roadmap or other, found "treaty"'),
    Bad("kind_stated neither true nor false",
        {"t/nodes.csv": NODES_CSV,
         "t/edges.csv": b"source,target,kind,kind_stated\nby-minsk,am-kapan,twinning,no\n"},
        '{dir}/t/edges.csv:2: column kind_stated: expected true, false or nothing, found "no"',
        data="t"),
    Bad("unknown level", {"level.json": dataset(NODES.replace('"city"', '"town"', 1))},
        '{dir}/level.json:2: node "by-minsk": field "level": expected country, region, district '
        'or city, found "town"'),
    Bad("unknown country code", {"country.json": dataset(NODES.replace('"BY"', '"XX"'))},
        '{dir}/country.json:2: node "by-minsk": field "country": "XX" is not an ISO 3166-1 '
        'alpha-2 country code'),
    Bad("unknown country code in a nodes table",
        {"t/nodes.csv": NODES_CSV.replace(b",BY,", b",XX,"), "t/edges.csv": b"source,target\n"},
        '{dir}/t/nodes.csv:2: country "XX" is not an ISO 3166-1 alpha-2 code', data="t"),
    Bad("unknown country name with --strict",
        {"strict.csv": PAIRS_HEADER + b"Minsk,Belarus,Kyrenia,Northern Cyprus,,\n"},
        '{dir}/strict.csv:2: country "Northern Cyprus" is not a country name partnet knows',
        options=["--strict"]),
    Fine("names with terminal controls, noncharacters, line breaks and 200 bytes",
         {"hostile.json": hostile_json()},
         "a name is text as given: ESC, BEL, U+FFFE, U+FFFF, DEL and a line break are kept (and "
         "escaped where an output needs it); ids are not cut at any length",
         nodes_and_agreements_are(5, 7)),
    Fine("the same hostile names in tables, quoted as Python's csv quotes them",
         {"t/nodes.csv": lambda: hostile_tables()[0], "t/edges.csv": lambda: hostile_tables()[1]},
         "a quoted cell may hold a line break, a quote or a control character",
         nodes_and_agreements_are(5, 7), data="t"),
    Fine("unknown country name", {"cyprus.csv": PAIRS_HEADER + b"Minsk,Belarus,Kyrenia,Northern Cyprus,,\n"},
         "lists scraped from the web name places ISO does not list: without --strict such a "
         "name is kept as a country of its own, and a warning lists it",
         agreements_are(1, '1 country name not resolved, kept as a country of its own: '
                           '"Northern Cyprus"')),
]


class Catalogue(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="partnet-bad-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def write(self, case, index):
        folder = os.path.join(self.tmp, "case%02d" % index)
        for name, content in case.files.items():
            path = os.path.join(folder, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(content() if callable(content) else content)
        return folder

    def run_partnet(self, folder, case, command, stdout=subprocess.PIPE):
        options = [o.replace("{dir}", folder) for o in case.options]
        args = [a.replace("{out}", os.path.join(folder, "out")) for a in command]
        env = dict(os.environ)
        env.pop("PARTNET_DATASET", None)
        return subprocess.run([PARTNET, "--data", os.path.join(folder, case.data), *options,
                               *args], stdout=stdout, stderr=subprocess.PIPE, env=env,
                              timeout=600)

    def test_bad_inputs_are_refused_with_their_place(self):
        for index, case in enumerate(CASES):
            if not isinstance(case, Bad):
                continue
            folder = self.write(case, index)
            # the message as a terminal shows it: a backslash (of "\uDC00") doubled
            expected = "partnet: error: " + case.message.replace("{dir}", folder).replace(
                "\\", "\\\\")
            for command in case.commands or COMMANDS:
                with self.subTest(case=case.name, command=command):
                    r = self.run_partnet(folder, case, command)
                    self.assertEqual(r.returncode, 2, r.stderr.decode(errors="replace")[:2000])
                    self.assertEqual(r.stdout, b"", "nothing runs on half a dataset")
                    first = r.stderr.decode(errors="replace").splitlines()[0]
                    self.assertEqual(first, expected)
                if any("{out}" in a for a in command):
                    out = [a for a in command if "{out}" in a][0].replace(
                        "{out}", os.path.join(folder, "out"))
                    with self.subTest(case=case.name, command=command, output="none left"):
                        self.assertFalse(os.path.exists(out))
                    if command[-2] == "--html":
                        continue  # a folder, not a file to keep
                    with self.subTest(case=case.name, command=command, output="kept"):
                        with open(out, "wb") as f:
                            f.write(b"an earlier export\n")
                        self.assertEqual(self.run_partnet(folder, case, command).returncode, 2)
                        with open(out, "rb") as f:
                            self.assertEqual(f.read(), b"an earlier export\n")
                        os.remove(out)
            # partnet check lists the same error on stdout, as data: without the prefix
            with self.subTest(case=case.name, command="check"):
                r = self.run_partnet(folder, case, ["check"])
                self.assertEqual(r.returncode, 2)
                self.assertIn(expected[len("partnet: "):], r.stdout.decode(errors="replace"))
            shutil.rmtree(folder)

    def test_odd_but_fine_inputs_are_read(self):
        for index, case in enumerate(CASES):
            if not isinstance(case, Fine):
                continue
            with self.subTest(case=case.name, why=case.why):
                folder = self.write(case, index)
                r = self.run_partnet(folder, case, ["info", "--format", "csv"])
                err = r.stderr.decode(errors="replace")
                self.assertEqual(r.returncode, 0, err)
                rows = csv.DictReader(io.StringIO(r.stdout.decode()))
                summary = {row["key"]: row["value"] for row in rows if row["table"] == "summary"}
                case.check(self, summary, err)
                self.assertNotIn("error:", err)
                shutil.rmtree(folder)


class Domains(unittest.TestCase):
    def test_every_domain_of_a_table_row_is_kept(self):
        """The tables loader kept 64 domains of a row and dropped the rest without a word."""
        folder = tempfile.mkdtemp(prefix="partnet-domains-")
        try:
            with open(os.path.join(folder, "nodes.csv"), "wb") as f:
                f.write(NODES_CSV)
            domains = ["d%d" % i for i in range(100)]
            with open(os.path.join(folder, "edges.csv"), "w") as f:
                f.write("source,target,domains\nby-minsk,am-kapan,%s\n" % "|".join(domains))
            r = run("--data", folder, "--format", "json", "agreements")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout)[0]["domains"], domains)
        finally:
            shutil.rmtree(folder)


def strings_of(value):
    """Every (id, name) pair of the objects in a JSON value, and every string in it."""
    pairs, strings = set(), []
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            if isinstance(v.get("id"), str) and isinstance(v.get("name"), str):
                pairs.add((v["id"], v["name"]))
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
        elif isinstance(v, str):
            strings.append(v)
    return pairs, strings


class HostileNames(unittest.TestCase):
    """Every JSON output is valid JSON whatever the names, and carries them exactly."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="partnet-hostile-")
        with open(os.path.join(cls.tmp, "hostile.json"), "wb") as f:
            f.write(hostile_json())
        os.mkdir(os.path.join(cls.tmp, "tables"))
        nodes, edges = hostile_tables()
        with open(os.path.join(cls.tmp, "tables", "nodes.csv"), "wb") as f:
            f.write(nodes)
        with open(os.path.join(cls.tmp, "tables", "edges.csv"), "wb") as f:
            f.write(edges)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def json_of(self, *args, status=0):
        r = run(*args)
        self.assertEqual(r.returncode, status, r.stderr.decode(errors="replace")[:2000])
        # strict: bytes that are not UTF-8, or a raw control character, fail here
        return json.loads(r.stdout.decode("utf-8"))

    def test_every_json_output_is_valid_and_keeps_the_names(self):
        expected = set(HOSTILE.items())
        for data in ("hostile.json", "tables"):
            for command, lists in HOSTILE_COMMANDS:
                with self.subTest(data=data, command=command):
                    value = self.json_of("--data", os.path.join(self.tmp, data), "--format",
                                         "json", *command)
                    pairs, _ = strings_of(value)
                    if lists == "all":
                        self.assertEqual(pairs, expected)
                    elif lists == "some":
                        self.assertTrue(pairs)
                        self.assertLessEqual(pairs, expected)

    def test_every_svg_is_xml_and_shows_the_names(self):
        """A control character, U+FFFE or U+FFFF in a name made the drawing invalid XML (and
        the report's page showed no picture). Shown: controls as spaces, the two noncharacters
        as U+FFFD; PNG is drawn from the same names."""
        path = os.path.join(self.tmp, "located.json")
        with open(path, "wb") as f:
            f.write(hostile_json(located=True))

        def shown(text):
            return "".join(" " if ord(ch) < 0x20 else "\ufffd" if ch in "\ufffe\uffff" else ch
                           for ch in text)
        countries = {"BY": "Belarus", "RU": "Russian Federation", "AM": "Armenia",
                     "KZ": "Kazakhstan"}
        tooltips = {"%s (%s)" % (shown(HOSTILE[i]), countries[c])
                    for i, c in zip(HOSTILE, HOSTILE_COUNTRIES)}
        out = os.path.join(self.tmp, "pictures")
        os.makedirs(out, exist_ok=True)
        drawings = []
        for layout in ("force", "map"):
            svg = os.path.join(out, layout + ".svg")
            r = run("--data", path, "draw", "--layout", layout, "-o", svg)
            self.assertEqual(r.returncode, 0, r.stderr)
            drawings.append(svg)
            png = os.path.join(out, layout + ".png")
            r = run("--data", path, "draw", "--layout", layout, "-o", png)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(png, "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        chart = os.path.join(out, "growth.svg")
        r = run("--data", path, "growth", "--chart", chart)
        self.assertEqual(r.returncode, 0, r.stderr)
        report = os.path.join(out, "report")
        r = run("--data", path, "report", "--html", report)
        self.assertEqual(r.returncode, 0, r.stderr)
        drawings.append(os.path.join(report, "network.svg"))
        for svg in drawings + [chart, os.path.join(report, "growth.svg")]:
            with self.subTest(svg=os.path.relpath(svg, out)):
                root = ET.parse(svg).getroot()  # expat: fails on what XML 1.0 cannot carry
                self.assertEqual(root.tag, "{http://www.w3.org/2000/svg}svg")
        for svg in drawings:
            with self.subTest(svg=os.path.relpath(svg, out), shows="every name"):
                root = ET.parse(svg).getroot()
                titles = {"".join(c.itertext()) for c in root.iter("{http://www.w3.org/2000/svg}title")}
                self.assertEqual(titles & tooltips, tooltips)
                ids = {c.get("data-id") for c in root.iter("{http://www.w3.org/2000/svg}circle")}
                self.assertLessEqual({shown(i) for i in HOSTILE}, ids)

    def test_show_keeps_every_alias_whole(self):
        """show's aliases were cut at 1024 bytes, inside a letter, in its tables (CSV)."""
        ids = list(HOSTILE)
        path = os.path.join(self.tmp, "aliases.json")
        long_aliases = ["ё" * 400, "ю" * 300]
        with open(path, "wb") as f:
            f.write(hostile_json().replace(
                json.dumps([HOSTILE[ids[0]] + " alias"], ensure_ascii=False).encode(),
                json.dumps(long_aliases, ensure_ascii=False).encode()))
        shown = self.json_of("--data", path, "--format", "json", "show", ids[0])
        self.assertEqual(shown["node"]["aliases"], long_aliases)
        r = run("--data", path, "--format", "csv", "show", ids[0])
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = csv.DictReader(io.StringIO(r.stdout.decode("utf-8")))
        values = {row["key"]: row["value"] for row in rows if row["table"] == "node"}
        self.assertEqual(values["aliases"], "; ".join(long_aliases))

    def test_messages_cut_a_long_id_between_characters(self):
        """check cut the 201-byte id at 150 bytes, in the middle of a "д": invalid JSON."""
        path = os.path.join(self.tmp, "bad.json")
        with open(path, "wb") as f:
            f.write(hostile_json(countries=["XX"] + HOSTILE_COUNTRIES[1:]))
        long_id = list(HOSTILE)[0]
        # 150 bytes are "x" and 74 whole letters and half of the 75th: the half is dropped
        cut = long_id.encode()[:150].decode("utf-8", errors="ignore")
        self.assertEqual(cut, "x" + "д" * 74)
        problems = self.json_of("--data", path, "--format", "json", "check", status=2)
        messages = [p["message"] for p in problems if p["severity"] == "error"]
        self.assertEqual(messages, ['%s:2: node "%s": field "country": "XX" is not an ISO '
                                    "3166-1 alpha-2 country code" % (path, cut)])

    def test_a_path_between_long_ids_says_why_it_is_missing_in_valid_json(self):
        """path's reason was cut at 512 bytes, inside a letter, when the ids are long."""
        a, b = "x" + "д" * 300, "y" + "ж" * 300
        path = os.path.join(self.tmp, "apart.json")
        nodes = [{"id": i, "name": i.upper(), "country": "BY", "level": "city"}
                 for i in (a, b, "c", "d")]
        agreements = [{"id": "a1", "parties": [a, "c"], "kind": "twinning"},
                      {"id": "a2", "parties": [b, "d"], "kind": "twinning"}]
        with open(path, "w") as f:
            json.dump({"nodes": nodes, "agreements": agreements}, f, ensure_ascii=False)
        answer = self.json_of("--data", path, "--format", "json", "path", a, b)
        self.assertIsNone(answer["distance"])
        whole = "%s and %s are not connected" % (a, b)
        # a 1203-byte reason in a 512-byte buffer: cut, between letters
        self.assertTrue(whole.startswith(answer["reason"]))
        self.assertGreater(len(answer["reason"].encode()), 500)



class ComposedIds(unittest.TestCase):
    def test_an_id_is_found_in_either_form_and_kept_as_written(self):
        """A node written "lie\u0300ge" (decomposed) keeps that text in every output, and is the
        node that edges, parents and the command line name "li\u00e8ge" (composed)."""
        nfd, nfc = "lie\u0300ge", "li\u00e8ge"
        folder = tempfile.mkdtemp(prefix="partnet-nfc-")
        try:
            with open(os.path.join(folder, "nodes.csv"), "w") as f:
                f.write("id,name,country,level,parent\n%s,L,BE,region,\nkoln,K,BE,city,%s\n"
                        % (nfd, nfc))
            with open(os.path.join(folder, "edges.csv"), "w") as f:
                f.write("source,target\n%s,koln\n" % nfc)
            r = run("--data", folder, "--format", "json", "agreements")
            self.assertEqual(r.returncode, 0, r.stderr)
            parties = [p["id"] for p in json.loads(r.stdout)[0]["parties"]]
            self.assertEqual(sorted(parties), sorted([nfd, "koln"]))
            r = run("--data", folder, "--format", "json", "show", nfc)
            self.assertEqual(r.returncode, 0, r.stderr)
            shown = json.loads(r.stdout)["node"]
            self.assertEqual(shown["id"], nfd)
            r = run("--data", folder, "--format", "json", "show", "koln")
            self.assertEqual(json.loads(r.stdout)["node"]["parent"]["id"], nfd)
        finally:
            shutil.rmtree(folder)

# -- input that never ends --
# Each runs under a Python that prints the peak memory of what it ran, in kB.
PEAK = ("import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "sys.stderr.buffer.write(r.stderr)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(r.returncode)\n")


class Endless(unittest.TestCase):
    """An input that never ends (/dev/zero, a pipe that never closes a line or a string) is
    refused within seconds, naming the place, in bounded memory: no record is held past the
    limit (16 MiB unless --max-record or PARTNET_MAX_RECORD says otherwise)."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="partnet-endless-")
        with open(os.path.join(self.tmp, "edges.csv"), "wb") as f:
            f.write(b"source,target\n")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def refuse(self, shell, message, env=None):
        """Run @p shell (PARTNET stands for the command) and check the refusal."""
        environ = dict(os.environ)
        environ.pop("PARTNET_DATASET", None)
        environ.update(env or {})
        start = time.monotonic()
        r = subprocess.run([sys.executable, "-c", PEAK, "sh", "-c",
                            shell.replace("PARTNET", os.path.abspath(PARTNET))], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=environ, cwd=self.tmp, timeout=120)
        seconds = time.monotonic() - start
        self.assertEqual(r.returncode, 2, r.stderr.decode(errors="replace")[:2000])
        if isinstance(message, re.Pattern):
            self.assertRegex(r.stderr.decode().splitlines()[0], message)
        else:
            self.assertEqual(r.stderr.decode().splitlines()[0], message)
        # a second or two; the sanitizer build is slower
        self.assertLess(seconds, 20)
        peak_mb = int(r.stdout) / 1024
        self.assertLess(peak_mb, 400, "memory bounded by a few times the record limit")
        return peak_mb

    def refuse_within(self, shell, message, limit_mb, times):
        """refuse(), in memory of at most @p times the record limit beside what partnet
        takes to read a small dataset."""
        base = subprocess.run([sys.executable, "-c", PEAK, PARTNET, "--data", CIS, "info"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        self.assertEqual(base.returncode, 0, base.stderr)
        peak_mb = self.refuse(shell, message)
        if os.environ.get("PARTNET_SANITIZED") == "1":
            return  # ASan's red zones and quarantine weigh more than partnet's own memory
        self.assertLess(peak_mb - int(base.stdout) / 1024, times * limit_mb,
                        "%.0f MB beside %.0f MB" % (peak_mb, int(base.stdout) / 1024))

    def test_a_row_of_tiny_cells_that_never_ends(self):
        """Each cell costs 32 bytes beside its text: a row of "a," took ten times the limit."""
        for cell in (",", "a,"):
            with self.subTest(cell=cell):
                self.refuse_within(
                    "(echo city1,country1,city2,country2; yes %s | tr -d '\\n') | "
                    "PARTNET --data - --max-record 16M info" % cell,
                    re.compile(r"^partnet: error: <stdin>:2: a row of \d+ cells or more, over the limit "
                               r"on one record \(16777216 bytes, at 32 bytes a cell\): is this a "
                               r"CSV file\? \(--max-record raises the limit\)$"), 16, 2)

    def test_a_json_record_of_tiny_items(self):
        """cJSON takes 64 bytes a value: a node of 8 MB of aliases "0," took 43 times that."""
        with open(os.path.join(self.tmp, "tiny.json"), "w") as f:
            f.write('{"nodes": [{"id": "a", "name": "A", "country": "BY", "level": "city", '
                    '"aliases": [' + "0," * (4 << 20) + '0]}], "agreements": []}\n')
        message = re.compile(r"^partnet: error: tiny.json:1: a value of \d+ items or more starts here, "
                             r"over the limit on one record \(16777216 bytes, at 64 bytes a "
                             r"value\): is this a partnet dataset\? \(--max-record raises the "
                             r"limit\)$")
        self.refuse_within("PARTNET --data tiny.json info", message, 16, 2)
        self.refuse_within("(printf '{\"nodes\": [{\"id\": \"a\", \"aliases\": ['; "
                           "yes 0, | tr -d '\\n') | PARTNET --data - info",
                           re.compile(message.pattern.replace("tiny.json", "<stdin>")), 16, 2)

    def test_dev_zero_as_the_data(self):
        self.refuse("PARTNET --data /dev/zero info",
                    "partnet: error: /dev/zero:1: NUL bytes at line 1: a binary file, not UTF-8 text")

    def test_dev_zero_as_the_nodes(self):
        self.refuse("PARTNET --data edges.csv --nodes /dev/zero info",
                    "partnet: error: /dev/zero:1: NUL bytes at line 1: a binary file, not UTF-8 text")

    def test_dev_zero_through_a_pipe(self):
        self.refuse("cat /dev/zero | PARTNET --data - info",
                    "partnet: error: <stdin>:1: NUL bytes at line 1: a binary file, not UTF-8 text")

    def test_a_line_that_never_ends(self):
        self.refuse("yes abcdefgh | tr -d '\\n' | PARTNET --data - info",
                    "partnet: error: <stdin>:1: a header line longer than 65536 bytes: expected the "
                    "names of the columns")

    def test_a_row_that_never_ends(self):
        self.refuse("(echo city1,country1,city2,country2; yes abcdefgh | tr -d '\\n') | "
                    "PARTNET --data - info",
                    "partnet: error: <stdin>:2: a row longer than 16777216 bytes, " + RECORD % "CSV file")

    def test_a_json_string_that_never_closes(self):
        self.refuse("(printf '{\\n\"title\": \"'; yes abcdefgh | tr -d '\\n') | "
                    "PARTNET --data - info",
                    "partnet: error: <stdin>:2: a value longer than 16777216 bytes starts here, " +
                    RECORD % "partnet dataset")

    def test_the_limit_from_the_environment(self):
        self.refuse("(echo city1,country1,city2,country2; yes abcdefgh | tr -d '\\n') | "
                    "PARTNET --data - info",
                    "partnet: error: <stdin>:2: a row longer than 2048 bytes, " + RECORD % "CSV file",
                    env={"PARTNET_MAX_RECORD": "2K"})

    def test_the_option_over_the_environment(self):
        self.refuse("(echo city1,country1,city2,country2; yes abcdefgh | tr -d '\\n') | "
                    "PARTNET --data - --max-record 3k info",
                    "partnet: error: <stdin>:2: a row longer than 3072 bytes, " + RECORD % "CSV file",
                    env={"PARTNET_MAX_RECORD": "2K"})

    def test_limits_that_are_not_sizes_are_usage_errors(self):
        expected = "expected a size in bytes from 1 to 1T, such as 16M or 1G"
        for value in ["0", "", "-1", "1X", "2T", "16MiBs", "M", " 5", "99999999999999999999"]:
            with self.subTest(option=value):
                r = run("--data", CIS, "--max-record", value, "info", stdout=subprocess.PIPE)
                self.assertEqual(r.returncode, 2)
                self.assertEqual(r.stdout, b"")
                self.assertEqual(r.stderr.decode(), 'partnet: --max-record: %s, not "%s"\n'
                                 % (expected, value))
            with self.subTest(environment=value):
                if not value:
                    continue  # an empty variable is no variable
                r = subprocess.run([PARTNET, "--data", CIS, "info"], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=dict(os.environ,
                                                                    PARTNET_MAX_RECORD=value))
                self.assertEqual(r.returncode, 2)
                self.assertEqual(r.stderr.decode(), 'partnet: PARTNET_MAX_RECORD: %s, not "%s"\n'
                                 % (expected, value))

    def test_sizes_in_every_unit(self):
        for value in ["1T", "1t", "64M", "64MiB", "64MB", "1048576", "100k"]:
            with self.subTest(value=value):
                r = run("--quiet", "--data", CIS, "--max-record", value, "info")
                self.assertEqual(r.returncode, 0, r.stderr)

    def test_an_encoding_iconv_does_not_know(self):
        r = run("--data", CIS, "--encoding", "KLINGON", "info")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr.decode(), "partnet: --encoding KLINGON: not an encoding iconv "
                         "knows (iconv -l lists them)\n")


# -- numeric options --
# Every numeric option of every command: (the command, the option, its smallest and largest
# value). Counts go to a billion; seeds to 2^32 - 1 (igraph's generator keeps 32 bits of a seed).
COUNT, SEED = 1000000000, 4294967295
NUMERIC_OPTIONS = [
    (["rank"], "--top", 0, COUNT), (["rank"], "--sample", 1, COUNT), (["rank"], "--seed", 0, SEED),
    (["clusters"], "--top", 0, COUNT), (["clusters"], "--seed", 0, SEED),
    (["clusters"], "--stability", 2, 1000),
    (["compare", "2000", "2010"], "--top", 0, COUNT),
    (["compare", "2000", "2010"], "--sample", 1, COUNT),
    (["growth"], "--top", 1, COUNT), (["growth"], "--step", 1, 1200),
    (["growth"], "--from", 1000, 2200), (["growth"], "--to", 1000, 2200),
    (["report"], "--top", 1, COUNT),
    (["draw", "-o", "{out}.svg"], "--labels", 0, COUNT),
    (["explore", "-o", "{out}.html"], "--seed", 0, SEED),
    (["explore", "-o", "{out}.html"], "--sample", 0, COUNT),
    (["export", "--graphml", "{out}"], "--seed", 0, SEED),
    (["search", "Minsk"], "--top", 0, COUNT),
    (["rank"], "--k-core", 0, COUNT), (["stats"], "--min-agreements", 1, COUNT),
]
VIEW_OPTIONS = ("--k-core", "--min-agreements")

# Values that are not a whole number in range, whatever the option: overflow of every integer
# type, a sign, spaces, another base, a fraction, an exponent, trailing text, nothing.
NOT_NUMBERS = ["99999999999999999999", "-99999999999999999999", "9223372036854775808",
               "4294967298", "2147483649", "-1", "", " 5", "5 ", "+5", "0x10", "2.5", "1e3",
               "5x", "five", "\u0665"]


class Options(unittest.TestCase):
    """A numeric option out of its range is a usage error: exit 2, one line naming the option
    and the range, nothing on stdout, nothing written."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="partnet-options-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def refuse(self, command, option, value, message):
        args = [a.replace("{out}", os.path.join(self.tmp, "out")) for a in command]
        r = subprocess.run([PARTNET, "--data", CIS, args[0], option, value, *args[1:]],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(r.stdout, b"")
        self.assertEqual(r.stderr.decode(), message + "\n")
        self.assertEqual(os.listdir(self.tmp), [])

    def test_numeric_options_out_of_range_are_usage_errors(self):
        for command, option, low, high in NUMERIC_OPTIONS:
            values = NOT_NUMBERS + [str(high + 1), str(high * 10)] + \
                ([str(low - 1), "0"] if low > 0 else [])
            for value in [v for v in values if not (v.isascii() and v.isdigit() and
                                                    low <= int(v) <= high)]:
                with self.subTest(command=command[0], option=option, value=value):
                    # a view option is every command's: its message names no command
                    who = "partnet" if option in VIEW_OPTIONS else "partnet: " + command[0]
                    self.refuse(command, option, value,
                                '%s: %s: expected a whole number from %d to %d, not "%s"'
                                % (who, option, low, high, value))

    def test_years_to_compare_out_of_range_are_usage_errors(self):
        for value in NOT_NUMBERS + ["999", "2201", "0"]:
            with self.subTest(value=value):
                # after "--", as a year written "-1" would otherwise read as an option
                r = subprocess.run([PARTNET, "--data", CIS, "compare", "--", value, "2010"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
                self.assertEqual(r.returncode, 2)
                self.assertEqual(r.stderr.decode(), 'partnet: compare: year: expected a whole '
                                 'number from 1000 to 2200, not "%s"\n' % value)

    def test_the_ends_of_the_range_are_accepted(self):
        for command, option, value in [(["clusters"], "--stability", "2"),
                                        (["rank"], "--seed", str(SEED)),
                                        (["rank"], "--top", str(COUNT)),
                                        (["growth"], "--step", "1200")]:
            with self.subTest(command=command, option=option, value=value):
                r = subprocess.run([PARTNET, "--quiet", "--data", CIS, *command, option, value],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
                self.assertEqual(r.returncode, 0, r.stderr)


# -- every file written whole, or not at all --
# Every way partnet writes a file; "{out}" is the file's path.
WRITERS = [["export", "--graphml", "{out}"], ["export", "--gexf", "{out}"],
           ["export", "--nodes-csv", "{out}"], ["export", "--edges-csv", "{out}"],
           ["export", "--pajek", "{out}"],
           ["draw", "-o", "{out}.svg"], ["draw", "-o", "{out}.png"], ["draw", "-o", "{out}.pdf"],
           ["growth", "--chart", "{out}.svg"], ["growth", "--chart", "{out}.png"],
           ["growth", "--chart", "{out}.pdf"], ["explore", "-o", "{out}.html"]]


def limit_file_size():
    """In the child: files larger than 2000 bytes fail to write (EFBIG), as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


class WholeFiles(unittest.TestCase):
    """Every file partnet writes is written whole or not at all: a failed write is exit 1 with
    one line, and leaves no temporary file and the earlier file as it was; a signal leaves no
    temporary file either; a replaced file keeps its mode; a name may be as long as the file
    system allows."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="partnet-whole-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_writer(self, writer, out, data=CIS, preexec_fn=None):
        args = [a.replace("{out}", out) for a in writer]
        return subprocess.run([PARTNET, "--quiet", "--data", data, *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, preexec_fn=preexec_fn, timeout=600)

    def test_a_write_error_is_exit_1_and_keeps_the_earlier_file(self):
        for writer in WRITERS:
            with self.subTest(writer=writer):
                path = writer[-1].replace("{out}", os.path.join(self.tmp, "out"))
                with open(path, "wb") as f:
                    f.write(b"an earlier picture\n")
                r = self.run_writer(writer, os.path.join(self.tmp, "out"),
                                    preexec_fn=limit_file_size)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertEqual(r.stderr.decode(), "partnet: %s: %s: write failed: File too "
                                 "large\n" % (writer[0], path))
                with open(path, "rb") as f:
                    self.assertEqual(f.read(), b"an earlier picture\n")
                self.assertEqual(os.listdir(self.tmp), [os.path.basename(path)])
                os.remove(path)

    def test_a_report_that_cannot_be_written_leaves_no_folder(self):
        folder = os.path.join(self.tmp, "report")
        r = self.run_writer(["report", "--html", folder], folder, preexec_fn=limit_file_size)
        self.assertEqual(r.returncode, 1)
        self.assertIn(": write failed: File too large", r.stderr.decode())
        self.assertEqual(len(r.stderr.splitlines()), 1, r.stderr)
        self.assertEqual(os.listdir(self.tmp), [])

    def test_report_folders_that_cannot_be_made_are_exit_1(self):
        in_the_way = os.path.join(self.tmp, "a file")
        open(in_the_way, "w").close()
        for folder, message in [
                (os.path.join(self.tmp, "missing", "report"),
                 "cannot make this folder: No such file or directory"),
                (in_the_way, "is a file, expected a folder for the report's files"),
                (os.path.join(in_the_way, "report"), "cannot make this folder: Not a directory"),
                (os.path.join(self.tmp, "n" * 256), "cannot make this folder: File name too long")]:
            with self.subTest(folder=folder):
                r = self.run_writer(["report", "--html", folder], folder)
                self.assertEqual(r.returncode, 1)
                self.assertEqual(r.stderr.decode(), "partnet: report: %s: %s\n" % (folder, message))
                self.assertEqual(os.listdir(self.tmp), ["a file"])

    def test_a_replaced_file_keeps_its_mode_and_a_new_one_gets_a_new_files(self):
        for writer in WRITERS:
            with self.subTest(writer=writer):
                path = writer[-1].replace("{out}", os.path.join(self.tmp, "out"))
                r = self.run_writer(writer, os.path.join(self.tmp, "out"),
                                    preexec_fn=lambda: os.umask(0o027))
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(os.stat(path).st_mode & 0o7777, 0o640, "0666 less the umask")
                os.chmod(path, 0o600)
                r = self.run_writer(writer, os.path.join(self.tmp, "out"))
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(os.stat(path).st_mode & 0o7777, 0o600, "kept private")
                self.assertGreater(os.path.getsize(path), 100)
                self.assertEqual(os.listdir(self.tmp), [os.path.basename(path)])
                os.remove(path)

    def test_names_as_long_as_the_file_system_allows(self):
        for writer in WRITERS + [["report", "--html", "{out}"]]:
            suffix = writer[-1].replace("{out}", "")
            with self.subTest(writer=writer, bytes=255):
                out = os.path.join(self.tmp, "n" * (255 - len(suffix)))
                r = self.run_writer(writer, out)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(os.listdir(self.tmp), [os.path.basename(out) + suffix])
                shutil.rmtree(self.tmp)
                os.mkdir(self.tmp)
            with self.subTest(writer=writer, bytes=256):
                out = os.path.join(self.tmp, "n" * (256 - len(suffix)))
                r = self.run_writer(writer, out)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn("File name too long", r.stderr.decode())
                self.assertEqual(os.listdir(self.tmp), [])

    def big_network(self):
        """Tables of 20,000 nodes and 300,000 agreements: seconds of writing to catch."""
        folder = os.path.join(self.tmp, "big")
        os.mkdir(folder)
        rng = random.Random(7)
        with open(os.path.join(folder, "nodes.csv"), "w") as f:
            f.write("id,name,country,level\n")
            f.writelines("n%d,Town %d,BY,city\n" % (i, i) for i in range(20000))
        with open(os.path.join(folder, "edges.csv"), "w") as f:
            f.write("source,target\n")
            for _ in range(300000):
                a, b = rng.sample(range(20000), 2)
                f.write("n%d,n%d\n" % (a, b))
        return folder

    def test_a_signal_while_writing_leaves_no_temporary_file(self):
        data = self.big_network()
        out = os.path.join(self.tmp, "out")
        os.mkdir(out)
        names = ["net.graphml", "net.gexf", "edges.csv", "nodes.csv", "net.net"]
        for name in names:
            with open(os.path.join(out, name), "w") as f:
                f.write("an earlier export\n")
        args = [PARTNET, "--quiet", "--data", data, "export"]
        for option, name in zip(["--graphml", "--gexf", "--edges-csv", "--nodes-csv", "--pajek"],
                                names):
            args += [option, os.path.join(out, name)]
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
            with self.subTest(signal=sig.name):
                p = self.stopped_while_writing(args, out, names)
                p.send_signal(sig)
                p.send_signal(signal.SIGCONT)
                p.wait(timeout=600)
                p.stderr.close()
                self.assertEqual(p.returncode, -sig, "ended by the signal, as the shell expects")
                self.assertEqual(sorted(os.listdir(out)), sorted(names), "no temporary file")
                for name in names:
                    with open(os.path.join(out, name)) as f:
                        self.assertEqual(f.read(), "an earlier export\n")

    def stopped_while_writing(self, args, out, names):
        """An export stopped (SIGSTOP) while a temporary file exists and no target is replaced
        yet: the signal then always comes before the end, however slow the machine."""
        for _ in range(5):
            p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 preexec_fn=lambda: resource.setrlimit(
                                     resource.RLIMIT_CORE, (0, 0)))
            while p.poll() is None:
                if any(n.startswith(".") for n in os.listdir(out)):
                    p.send_signal(signal.SIGSTOP)
                    while p.poll() is None and process_state(p.pid) != "T":
                        time.sleep(0.001)
                    if p.poll() is None and self.untouched(out, names):
                        return p
                    p.send_signal(signal.SIGCONT)
                time.sleep(0.002)
            p.stderr.close()
            self.restore(out, names)
        self.fail("five exports ended before one could be stopped while writing")

    @staticmethod
    def untouched(out, names):
        """Every target still the earlier file and a temporary file beside them."""
        for name in names:
            with open(os.path.join(out, name)) as f:
                if f.read() != "an earlier export\n":
                    return False
        return any(n.startswith(".") for n in os.listdir(out))

    @staticmethod
    def restore(out, names):
        for n in os.listdir(out):
            os.unlink(os.path.join(out, n))
        for name in names:
            with open(os.path.join(out, name), "w") as f:
                f.write("an earlier export\n")


def process_state(pid):
    """The state letter of /proc/PID/stat (T: stopped)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


if __name__ == "__main__":
    unittest.main(verbosity=2)
