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
import io
import os
import shutil
import subprocess
import tempfile
import unittest

BUILD = os.environ.get("PARTNET_BUILD_ROOT", "build")
PARTNET = os.path.join(BUILD, "tools", "partnet")

# The commands run on every bad input; each must refuse it the same way. A command that writes
# a file names it "{out}": after the refusal no such file may exist, and an existing one must be
# left as it was.
COMMANDS = [["info"], ["rank"], ["stats"], ["clusters"], ["coverage"], ["growth"],
            ["compare", "2000", "2010"], ["report"],
            ["export", "--graphml", "{out}"], ["export", "--gexf", "{out}"],
            ["export", "--nodes-csv", "{out}"], ["export", "--pajek", "{out}"],
            ["draw", "-o", "{out}.svg"], ["growth", "--chart", "{out}.png"],
            ["report", "--html", "{out}"], ["explore", "-o", "{out}.html"]]

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


NODES_CSV = b"id,name,country,level\nby-minsk,Minsk,BY,city\nam-kapan,Kapan,AM,city\n"
PAIRS_HEADER = b"city1,country1,city2,country2,date,kind\n"


class Bad:
    """A bad input: exit 2 and, as the first line of stderr, "error: " + message, where
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


def agreements_are(n, warning=None):
    def check(test, summary, err):
        test.assertEqual(summary["agreements"], str(n))
        if warning:
            test.assertIn(warning, err)
    return check


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
        "{dir}/latin1.json:3:31: invalid UTF-8: the file must be UTF-8 text"),
    Bad("invalid UTF-8 in CSV", {"latin1.csv": PAIRS_HEADER + b"Minsk,Belarus,K\xe0pan,Armenia,,\n"},
        "{dir}/latin1.csv:2: column 3: invalid UTF-8 at byte 2 of the field"),
    Fine("byte-order mark in JSON", {"bom.json": b"\xef\xbb\xbf" + dataset(agreements=agreement(""))},
         "a byte-order mark is how some editors start UTF-8 files: it is skipped",
         agreements_are(1)),
    Fine("byte-order mark in CSV",
         {"bom.csv": b"\xef\xbb\xbf" + PAIRS_HEADER + b"Minsk,Belarus,Kapan,Armenia,2018,\n"},
         "Excel saves \"CSV UTF-8\" with a byte-order mark: it is skipped, and the first "
         "column is still city1", agreements_are(1)),

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

    # -- a single 100 MB line --
    Bad("single 100 MB line of CSV", {"line.csv": lambda: b"x" * BIG},
        "{dir}/line.csv:1: cannot tell which columns hold the two parties: expected a header "
        "such as city1,country1,city2,country2, or give --columns a=1,a_country=2,b=3,"
        "b_country=4", commands=[["info"]]),
    Bad("single 100 MB line of JSON", {"line.json": lambda: b'{"title": "' + b"x" * BIG},
        "{dir}/line.json:1:11: malformed JSON: the string that starts here has no closing quote",
        commands=[["info"]]),

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
            expected = "error: " + case.message.replace("{dir}", folder)
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
            # partnet check lists the same error on stdout
            with self.subTest(case=case.name, command="check"):
                r = self.run_partnet(folder, case, ["check"])
                self.assertEqual(r.returncode, 2)
                self.assertIn(expected, r.stdout.decode(errors="replace"))
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


if __name__ == "__main__":
    unittest.main(verbosity=2)
