"""partnet merge and several --data, as a black box, on real rows: nine agreements of the
bundled dataset (tests/fixtures/merge/cis-part.json, copied from graphs/cis.json) and nine rows
of the world twin-cities list inside the CIS (world-cis.csv, lines 287, 303, 1608, 1623, 1430,
1727, 1452, 1792 and 1627 of twin_cities_raw.csv; world-kinds.csv: two of them with a kind
column, one stating twinning); the Lagoas of the Azores and the Algarve
(lagoa.csv: lines 3829, 20134 and 20139); and a few rows written for one rule each.

The expected values are worked by hand from the rows (see each test), not from partnet."""
import csv
import json
import os
import subprocess
import sys
import tempfile
import unittest

import jsonschema

import shared_material
from harness import CIS, FIXTURES, PARTNET, SOURCE, run

MERGE = os.path.join(FIXTURES, "merge")
CIS_WORLD = os.path.join(SOURCE, "graphs", "cis-world.json")
WORLD_LIST = shared_material.path("data", "world-twin-cities", "twin_cities_raw.csv")
MONOGRAPH = "003_04d2d979b8eaaf9e.txt"
PART = os.path.join(MERGE, "cis-part.json")
WORLD = os.path.join(MERGE, "world-cis.csv")


def line_of(path, text):
    """The 1-based line of @p path holding @p text (grep -n)."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if text in line:
                return number
    raise AssertionError(f"{text!r} is not in {path}")


def merged(*paths, extra=()):
    """Merge @p paths into a temporary file: (process, dataset as JSON, report as JSON)."""
    with tempfile.TemporaryDirectory() as tmp:
        out, report = os.path.join(tmp, "out.json"), os.path.join(tmp, "report.json")
        p = run("merge", *paths, "-o", out, "--report", report, "--format", "json", *extra)
        data = rep = None
        if p.returncode == 0:
            with open(out, encoding="utf-8") as f:
                data = json.load(f)
            with open(report, encoding="utf-8") as f:
                rep = json.load(f)
            with open(os.path.join(SOURCE, "schemas", "merge.schema.json"),
                      encoding="utf-8") as f:
                jsonschema.Draft202012Validator(json.load(f)).validate(rep)
        return p, data, rep


def without_nulls(value):
    """A field that is null (or an empty list) is a field left out (graphs/FORMAT.md)."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def by_id(items):
    return {item["id"]: item for item in items}


class MergeTest(unittest.TestCase):
    def test_monograph_and_list_agree_on_seven(self):
        p, data, rep = merged(PART, WORLD)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        # nodes: 19 of cis-part; the list's 16 are 14 of them (Spitak, Orsha, Vanadzor, Vitebsk,
        # Minsk, Dushanbe, Tbilisi, Mogilev, Polotsk, Tosno, Kommunar by name, Sumgait and
        # Babruysk by alias, Svietlahorsk a letter from the alias Svetlahorsk) and 2 new ones
        self.assertEqual(len(data["nodes"]), 21)
        ids = {n["id"] for n in data["nodes"]}
        self.assertIn("MD:Anenii Noi District", ids)
        self.assertIn("RU:Angarsk", ids)
        self.assertNotIn("BY:Mogilev", ids)
        # agreements: 9 + the list's 9, of which 7 are the monograph's: the list is undated
        # and states no kind, so each row is the agreement of its pair, and of its pair's two
        # (Minsk-Dushanbe 1998 twinning and cooperation agreement, Minsk-Tbilisi 2015 twinning
        # and 2018 programme) the twinning, the list's default; 2 are new
        self.assertEqual(len(data["agreements"]), 11)
        agreements = by_id(data["agreements"])
        orsha = agreements["by-am-2012-orsha-spitak"]
        self.assertEqual(orsha["date"], "2012-06")
        self.assertEqual([s["document"] for s in orsha["sources"]],
                         ["003_04d2d979b8eaaf9e.txt", "world-cis.csv"])
        self.assertEqual(orsha["sources"][0]["line"], 1797)
        self.assertEqual(orsha["sources"][1]["line"], 2)
        for both in ("by-am-2012-vitebsk-vanadzor", "by-tj-1998-minsk-dushanbe-twinning",
                     "by-ge-2015-minsk-tbilisi", "by-az-nd-mogilev-sumgayit",
                     "by-ru-2010-polotsk-tosno", "by-ru-2007-svetlogorsk-kommunar"):
            self.assertEqual(len(agreements[both]["sources"]), 2, both)
        for alone in ("by-tj-1998-minsk-dushanbe-cooperation-agreement",
                      "by-ge-2018-minsk-tbilisi"):
            self.assertIn("source", agreements[alone], alone)
        # the kind the monograph states (a relation without a named document) is the merged
        # agreement's; the list's own rows keep its default, marked as not stated
        sumgait = agreements["by-az-nd-mogilev-sumgayit"]
        self.assertEqual(sumgait["kind"], "other")
        self.assertNotIn("kind_stated", sumgait)
        self.assertEqual([s["line"] for s in sumgait["sources"]], [1158, 6])
        angarsk = agreements["world-cis.csv:10"]
        self.assertEqual((angarsk["kind"], angarsk["kind_stated"]), ("twinning", False))
        # the list's file is a document the merged dataset cites
        self.assertIn("world-cis.csv", {d["id"] for d in data["documents"]})
        nodes = by_id(data["nodes"])
        self.assertIn("Svietlahorsk", nodes["by-svetlogorsk"]["aliases"])
        self.assertEqual(nodes["by-bobruisk"]["aliases"].count("Babruysk"), 1)

        events = rep["merged"]
        grounds = {(e["what"], e["id"]): e["ground"] for e in events}
        self.assertEqual(grounds[("node", "AZ:Sumgait")], "alias")
        self.assertEqual(grounds[("node", "BY:Svietlahorsk")], "spelling")
        self.assertEqual(grounds[("node", "BY:Orsha")], "name")
        self.assertEqual(sum(e["what"] == "node" for e in events), 14)
        self.assertEqual(sum(e["what"] == "agreement" for e in events), 7)
        self.assertEqual(sum(e["what"] == "conflict" for e in events), 0)
        sumgait = next(e for e in events if e["what"] == "agreement" and e["line"] == 6)
        self.assertEqual(sumgait["ground"], "kind stated")
        self.assertEqual(sumgait["file"], WORLD)
        self.assertEqual(sumgait["other_file"], PART)
        self.assertEqual(sumgait["other_line"], line_of(PART, '"id": "by-az-nd-mogilev-sumgayit"'))
        self.assertEqual(sumgait["detail"], "other, Sumgait - Mogilev")
        self.assertEqual(grounds[("agreement", "row 2")], "same")
        self.assertEqual(rep["sources"], [
            {"dataset": PART, "agreements": 9, "in_another": 7, "only_here": 2, "conflicts": 0},
            {"dataset": WORLD, "agreements": 9, "in_another": 7, "only_here": 2, "conflicts": 0},
            {"dataset": "merged", "agreements": 11, "in_another": 7, "only_here": 4,
             "conflicts": 0}])

    def test_a_stated_kind_replaces_a_default_and_two_stated_kinds_conflict(self):
        # the list first: its default twinning gives way to the monograph's other
        p, data, rep = merged(WORLD, PART)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        sumgait = next(a for a in data["agreements"] if a["parties"][1] == "BY:Mogilev"
                       and a["parties"][0] == "AZ:Sumgait")
        self.assertEqual(sumgait["kind"], "other")
        self.assertNotIn("kind_stated", sumgait)
        self.assertEqual([s["document"] for s in sumgait["sources"]],
                         ["world-cis.csv", MONOGRAPH])
        # world-kinds.csv states twinning for Sumgait-Mogilev (a conflict with the monograph's
        # other) and leaves Polotsk-Tosno's kind cell empty (merged, as without the column)
        p, data, rep = merged(PART, os.path.join(MERGE, "world-kinds.csv"))
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual(len(data["agreements"]), 10)
        conflict = next(e for e in rep["merged"] if e["what"] == "conflict")
        self.assertEqual((conflict["ground"], conflict["line"], conflict["other_id"]),
                         ("kind", 2, "by-az-nd-mogilev-sumgayit"))
        self.assertIn("twinning here, other there", conflict["detail"])
        polotsk = next(e for e in rep["merged"] if e["what"] == "agreement")
        self.assertEqual((polotsk["line"], polotsk["other_id"], polotsk["ground"]),
                         (3, "by-ru-2010-polotsk-tosno", "kind stated"))
        stated = by_id(data["agreements"])["world-kinds.csv:2"]
        self.assertEqual(stated["kind"], "twinning")
        self.assertNotIn("kind_stated", stated)

    def test_several_data_read_one_network(self):
        p = run("--data", PART, "--data", WORLD, "info", "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        info = json.loads(p.stdout)
        self.assertEqual(info["summary"]["nodes"], 21)
        self.assertEqual(info["summary"]["agreements"], 11)
        # conflicts are warnings naming both files and lines
        p = run("--data", PART, "--data", os.path.join(MERGE, "world-kinds.csv"), "info")
        err = p.stderr.decode()
        self.assertIn(f"warning: {os.path.join(MERGE, 'world-kinds.csv')}:2: conflict (kind)",
                      err)
        self.assertIn(f"{PART}:{line_of(PART, 'by-az-nd-mogilev-sumgayit')}", err)
        self.assertEqual(run("--data", PART, "--data", WORLD, "--quiet", "info").stderr, b"")

    def test_transliteration_and_a_name_taken_twice(self):
        p, data, rep = merged(PART, os.path.join(MERGE, "translit.csv"))
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        node = next(e for e in rep["merged"] if e["id"] == "BY:Могилёв")
        self.assertEqual((node["what"], node["ground"], node["other_id"]),
                         ("node", "transliteration", "by-mogilev"))
        self.assertIn("Могилёв", by_id(data["nodes"])["by-mogilev"]["aliases"])
        # Mogilev is by-mogilev by name; Mahilyow, an alias of it too, cannot be the same node
        # of the same list: kept apart and reported
        p, data, rep = merged(PART, os.path.join(MERGE, "taken.csv"))
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        ambiguous = [e for e in rep["merged"] if e["what"] == "ambiguous"]
        self.assertEqual(len(ambiguous), 1)
        self.assertEqual((ambiguous[0]["id"], ambiguous[0]["line"]), ("BY:Mahilyow", 3))
        self.assertEqual(ambiguous[0]["other_id"], "by-mogilev")
        self.assertEqual(len(data["nodes"]), 19 + 3)

    def test_a_finer_date_is_kept_and_another_date_is_a_conflict(self):
        # tables/: Орша-Spitak 2012-06-15 (the monograph: 2012-06) and Vitebsk-Vanadzor 2013
        # (the monograph: 2012-06), from a ministry's list
        tables = os.path.join(MERGE, "tables")
        p, data, rep = merged(PART, tables)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual(len(data["nodes"]), 19)
        self.assertEqual(len(data["agreements"]), 10)
        orsha = by_id(data["agreements"])["by-am-2012-orsha-spitak"]
        self.assertEqual(orsha["date"], "2012-06-15")
        self.assertEqual([(s["document"], s["line"]) for s in orsha["sources"]],
                         [("003_04d2d979b8eaaf9e.txt", 1797), ("ministry.pdf", 4)])
        events = {(e["what"], e["id"]): e for e in rep["merged"]}
        self.assertEqual(events[("node", "orsha")]["ground"], "transliteration")
        self.assertEqual(events[("agreement", "row 2")]["ground"], "date refined")
        conflict = events[("conflict", "row 3")]
        self.assertEqual(conflict["ground"], "date")
        self.assertEqual(conflict["file"], os.path.join(tables, "edges.csv"))
        self.assertIn("2013 here, 2012-06 there", conflict["detail"])

    def test_qualifiers_name_the_parent_and_a_bare_name_is_ambiguous(self):
        p, data, rep = merged(os.path.join(MERGE, "lagoa.json"), os.path.join(MERGE, "lagoa.csv"))
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        nodes = {e["id"]: e for e in rep["merged"] if e["what"] == "node"}
        self.assertEqual((nodes["PT:Lagoa, Azores"]["ground"],
                          nodes["PT:Lagoa, Azores"]["other_id"]), ("qualifier", "pt-lagoa-azores"))
        self.assertEqual((nodes["PT:Lagoa, Algarve"]["ground"],
                          nodes["PT:Lagoa, Algarve"]["other_id"]),
                         ("qualifier", "pt-lagoa-algarve"))
        self.assertEqual(nodes["US:Fall River"]["other_id"], "us-fall-river")
        ambiguous = [e for e in rep["merged"] if e["what"] == "ambiguous"]
        self.assertEqual(len(ambiguous), 1)
        self.assertEqual((ambiguous[0]["id"], ambiguous[0]["line"]), ("PT:Lagoa", 2))
        self.assertIn("pt-lagoa-azores", ambiguous[0]["detail"])
        self.assertIn("pt-lagoa-algarve", ambiguous[0]["detail"])
        # Lagoa (Azores) - Fall River is in both: one agreement with two sources
        self.assertEqual(len(by_id(data["agreements"])["lagoa-fall-river"]["sources"]), 2)
        # 5 nodes, PT:Lagoa, Canada's Sainte-Thérèse, Spain's Lepe; 1 + 2 agreements
        self.assertEqual(len(data["nodes"]), 8)
        self.assertEqual(len(data["agreements"]), 3)

    def test_written_dataset_reads_back_as_the_bundled_one(self):
        p, data, rep = merged(CIS)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        with open(CIS, encoding="utf-8") as f:
            original = json.load(f)
        for section in ("nodes", "agreements", "reported", "documents"):
            self.assertEqual(data[section], without_nulls(original[section]), section)
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "cis.json")
            self.assertEqual(run("merge", CIS, "-o", out).returncode, 0)
            before = run("agreements", "--format", "csv").stdout
            after = run("--data", out, "agreements", "--format", "csv").stdout
            # the same rows but for input_line, the line of the file read
            strip = lambda text: [row.rsplit(b",", 1)[0] for row in text.splitlines()]
            self.assertEqual(strip(before), strip(after))

    def test_a_place_a_list_names_as_a_unit_has_that_level(self):
        # levels.csv: lines 1507, 10932, 7549, 20853, 1582, 1672, 20999 and 20876 of the list
        levels = os.path.join(MERGE, "levels.csv")
        p = run("--data", levels, "rank", "--by", "degree", "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        level = {r["id"]: r["level"] for r in json.loads(p.stdout)}
        self.assertEqual({i for i, v in level.items() if v == "region"},
                         {"RU:Kaliningrad Oblast", "AM:Shirak Province"})
        self.assertEqual({i for i, v in level.items() if v == "district"},
                         {"BY:Valozhyn District", "PL:Kętrzyn County", "UA:Markivka Raion",
                          "BY:Krychaw district"})
        self.assertEqual(level["RU:Kaliningrad"], "city")
        self.assertEqual(level["BY:Krychaw"], "city", "the town is not its district")
        self.assertEqual(len(level), 15)  # 16 places, Kaliningrad twice
        # merged with the bundled dataset: the oblast is its Kaliningrad Oblast (a region),
        # the city of Kaliningrad a new node
        p, data, rep = merged(CIS, levels)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        oblast = next(e for e in rep["merged"] if e["id"] == "RU:Kaliningrad Oblast")
        self.assertEqual((oblast["ground"], oblast["other_id"]), ("name", "ru-kaliningrad-oblast"))
        nodes = by_id(data["nodes"])
        self.assertEqual(nodes["RU:Kaliningrad"]["level"], "city")
        self.assertEqual(nodes["AM:Shirak Province"]["level"], "region")

    def test_a_kind_not_stated_reads_back_and_is_checked(self):
        with tempfile.TemporaryDirectory() as tmp:
            first, again = os.path.join(tmp, "first.json"), os.path.join(tmp, "again.json")
            self.assertEqual(run("merge", PART, WORLD, "-o", first).returncode, 0)
            # written back, the list's two own rows still state no kind; merged with the
            # list again, each of its 9 rows is one agreement of the merged file
            p, data, rep = merged(first, WORLD)
            self.assertEqual(p.returncode, 0, p.stderr.decode())
            self.assertEqual(len(data["agreements"]), 11)
            self.assertEqual(sum(e["what"] == "agreement" for e in rep["merged"]), 9)
            self.assertEqual(by_id(data["agreements"])["world-cis.csv:8"]["kind_stated"], False)
            with open(first, encoding="utf-8") as f:
                text = f.read()
            with open(again, "w", encoding="utf-8") as f:
                f.write(text.replace('"kind_stated":false', '"kind_stated":"no"', 1))
            p = run("--data", again, "info")
            self.assertEqual(p.returncode, 2)
            self.assertIn(f'{again}:{line_of(again, "kind_stated")}: agreement '
                          '"world-cis.csv:8": field "kind_stated": expected true or false, '
                          'found a string', p.stderr.decode())

    def test_title_description_and_licence_of_the_merged_dataset(self):
        # by default the first's title; the licence every dataset states, else each in turn
        p, data, _ = merged(CIS, WORLD)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        with open(CIS, encoding="utf-8") as f:
            cis = json.load(f)
        self.assertEqual(data["title"], cis["title"])
        self.assertEqual(data["license"], f"{CIS}: CC BY 4.0; {WORLD}: no license stated")
        p, data, _ = merged(CIS, CIS)
        self.assertEqual(data["license"], "CC BY 4.0", "one licence stated by both")
        p, data, _ = merged(PART, WORLD, extra=("--title", "Monograph and list",
                                                "--description", "Nine and nine rows",
                                                "--license", "CC BY 4.0 and MIT"))
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        self.assertEqual((data["title"], data["description"], data["license"]),
                         ("Monograph and list", "Nine and nine rows", "CC BY 4.0 and MIT"))
        p, data, _ = merged(PART, WORLD, extra=("--licence", "MIT"))
        self.assertEqual(data["license"], "MIT")
        self.assertEqual(run("merge", PART, "--title").returncode, 2)

    def test_agreements_and_show_list_every_source(self):
        # Orsha-Spitak: the monograph's line 1797 and the list's row 2
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "m.json")
            self.assertEqual(run("merge", PART, WORLD, "-o", out).returncode, 0)
            p = run("--data", out, "agreements", "--node", "Orsha", "--format", "csv")
            rows = list(csv.DictReader(p.stdout.decode().splitlines()))
            self.assertEqual([(r["id"], r["document"], r["line"], r["sources"]) for r in rows],
                             [("by-am-2012-orsha-spitak", MONOGRAPH, "1797",
                               f"{MONOGRAPH}:1797|world-cis.csv:2")])
            # the table shows them too, and so does show (its agreements table)
            p = run("--data", out, "agreements", "--node", "Orsha")
            self.assertIn(f"{MONOGRAPH}:1797|world-cis.csv:2", p.stdout.decode())
            p = run("--data", out, "show", "Orsha", "--format", "csv")
            self.assertIn(f"agreements,1,sources,{MONOGRAPH}:1797|world-cis.csv:2",
                          p.stdout.decode())
            p = run("--data", out, "show", "Angarsk")
            self.assertIn("world-cis.csv:10", p.stdout.decode())

    def test_check_checks_every_dataset_and_the_merge(self):
        kinds = os.path.join(MERGE, "world-kinds.csv")
        # the conflict of world-kinds.csv (twinning stated, other in the monograph) is a
        # warning; exit 0
        p = run("check", "--format", "json", PART, kinds)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        rows = json.loads(p.stdout)
        warnings = [r for r in rows if r["severity"] == "warning"]
        self.assertEqual(len(warnings), 1)
        self.assertEqual((warnings[0]["file"], warnings[0]["line"], warnings[0]["entity"]),
                         (kinds, 2, "agreement row 2"))
        self.assertIn("conflict (kind): Sumgait - Mogilev: twinning here, other there; "
                      f"{PART}:{line_of(PART, 'by-az-nd-mogilev-sumgayit')} has "
                      "by-az-nd-mogilev-sumgayit", warnings[0]["message"])
        # notes of both: the monograph's undated Mogilev-Sumgayit; the list's 2 rows without
        # a source or a date
        notes = [(r["file"], r["line"]) for r in rows if r["severity"] == "note"]
        self.assertEqual(sorted(notes), sorted([(PART, 39), (kinds, 2), (kinds, 3), (kinds, 2),
                                                (kinds, 3)]))
        # the same through --data, as a table: a line of counts per dataset and the merge's
        p = run("--data", PART, "--data", kinds, "check")
        self.assertEqual(p.returncode, 0)
        lines = p.stdout.decode().splitlines()
        self.assertEqual(lines[-3:], [
            f"{PART}: 0 errors, 0 warnings, 1 note; 19 nodes, 9 agreements, 6 countries",
            f"{kinds}: 0 errors, 0 warnings, 4 notes; 4 nodes, 2 agreements, 3 countries",
            "merged: 1 conflict, 0 ambiguous matches; 19 nodes, 10 agreements, 6 countries"])
        # an ambiguous match (Mahilyow, an alias of Mogilev, which the list names too)
        p = run("check", "--format", "csv", PART, os.path.join(MERGE, "taken.csv"))
        self.assertEqual(p.returncode, 0)
        rows = list(csv.DictReader(p.stdout.decode().splitlines()))
        self.assertEqual([r["entity"] for r in rows if r["severity"] == "warning"],
                         ["node BY:Mahilyow"])
        # errors in the second dataset, not only the first, exit 2; nothing is merged
        p = run("check", PART, os.path.join(FIXTURES, "bad.json"))
        self.assertEqual(p.returncode, 2)
        out = p.stdout.decode()
        self.assertIn(f"{os.path.join(FIXTURES, 'bad.json')}: 7 errors", out)
        self.assertIn("merged: not merged: the datasets have errors", out)
        # a merge refused (one id, two countries) is an error
        clash = os.path.join(MERGE, "clash.json")
        p = run("check", "--format", "json", PART, clash)
        self.assertEqual(p.returncode, 2)
        errors = [r for r in json.loads(p.stdout) if r["severity"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertIn('node "by-orsha" is in RU', errors[0]["message"])

    def test_bad_input_exits_2_naming_both_files(self):
        p, _, _ = merged(PART, os.path.join(MERGE, "clash.json"))
        self.assertEqual(p.returncode, 2)
        clash = os.path.join(MERGE, "clash.json")
        self.assertIn(f'{clash}:{line_of(clash, "by-orsha")}: node "by-orsha" is in RU, but '
                      f'{PART}:{line_of(PART, chr(34) + "id" + chr(34) + ": " + chr(34) + "by-orsha")}'
                      ' gives that id to a node in BY', p.stderr.decode())
        p = run("merge", "-o", "/dev/null")
        self.assertEqual(p.returncode, 2)
        p = run("merge", PART, os.path.join(FIXTURES, "bad.json"), "-o", "/dev/null")
        self.assertEqual(p.returncode, 2)
        self.assertIn("bad.json:", p.stderr.decode())


class CisWorldTest(unittest.TestCase):
    """graphs/cis-world.json: what tools/merge-cis-world makes, and the comparison the README
    gives, counted here from the file itself (not from partnet's account)."""

    @classmethod
    def setUpClass(cls):
        with open(CIS_WORLD, encoding="utf-8") as f:
            cls.data = json.load(f)

    def test_rebuilds_to_the_same_bytes(self):
        shared_material.require(WORLD_LIST)
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "cis-world.json")
            p = subprocess.run([sys.executable, os.path.join(SOURCE, "tools", "merge-cis-world"),
                                "--partnet", PARTNET, "--list", WORLD_LIST, "-o", out],
                               stderr=subprocess.PIPE)
            self.assertEqual(p.returncode, 0, p.stderr.decode())
            with open(out, "rb") as a, open(CIS_WORLD, "rb") as b:
                self.assertEqual(a.read(), b.read(), "graphs/cis-world.json is not what "
                                 "tools/merge-cis-world makes: rebuild it")

    def test_every_row_of_the_list_cites_its_line(self):
        shared_material.require(WORLD_LIST)
        with open(WORLD_LIST, encoding="utf-8") as f:
            lines = f.read().split("\n")
        nodes = by_id(self.data["nodes"])
        cited = 0
        for a in self.data["agreements"]:
            for s in a.get("sources", [a.get("source")]):
                if s["document"] != "twin_cities_raw.csv":
                    continue
                cited += 1
                row = next(csv.reader([lines[s["line"] - 1]]))
                names = set()
                for party in a["parties"]:
                    n = nodes[party]
                    names |= {n["name"], *n.get("aliases", [])}
                self.assertIn(row[0], names, (a["id"], s["line"], row))
                self.assertIn(row[2], names, (a["id"], s["line"], row))
        self.assertEqual(cited, 393)

    def test_agreements_show_every_source(self):
        p = run("--data", CIS_WORLD, "agreements", "--node", "Orsha", "--kind", "twinning",
                "--format", "json")
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        rows = json.loads(p.stdout)
        with open(os.path.join(SOURCE, "schemas", "agreements.schema.json"),
                  encoding="utf-8") as f:
            jsonschema.Draft202012Validator(json.load(f)).validate(rows)
        spitak = next(r for r in rows if r["id"] == "by-am-2012-orsha-spitak")
        self.assertEqual([(s["document"], s["line"]) for s in spitak["sources"]],
                         [(MONOGRAPH, 1797), ("twin_cities_raw.csv", 287)])
        self.assertEqual(spitak["source"]["line"], 1797, "source is the first of them")

    def test_the_comparison_the_readme_gives(self):
        sources = lambda a: a.get("sources", [a.get("source")])
        both = {a["id"] for a in self.data["agreements"] if len(sources(a)) == 2}
        self.assertEqual(both, {"by-am-2008-nesvizh-district-goris",
                                "by-am-2008-slutsk-district-sisian", "by-am-2012-orsha-spitak",
                                "by-am-2012-vitebsk-vanadzor",
                                "by-tj-1998-minsk-dushanbe-twinning", "by-ge-2015-minsk-tbilisi",
                                "by-az-nd-mogilev-sumgayit", "by-ru-2010-polotsk-tosno",
                                "by-ru-2007-svetlogorsk-kommunar",
                                "by-ru-2010-nesvizh-district-gatchinsky-district"})
        agreements = by_id(self.data["agreements"])
        # the monograph's kind: relations without a named document (lines 1158, 3403, 3407,
        # 3393); the list states none
        for other in ("by-az-nd-mogilev-sumgayit", "by-ru-2010-polotsk-tosno",
                      "by-ru-2007-svetlogorsk-kommunar",
                      "by-ru-2010-nesvizh-district-gatchinsky-district"):
            self.assertEqual(agreements[other]["kind"], "other", other)
            self.assertNotIn("kind_stated", agreements[other], other)
        # a pair with an agreement of each source apart: a conflict
        pairs = {}
        for a in self.data["agreements"]:
            if len(sources(a)) == 1:
                from_list = sources(a)[0]["document"] == "twin_cities_raw.csv"
                pairs.setdefault(frozenset(a["parties"]), set()).add(from_list)
        conflicts = {p for p, kinds in pairs.items() if kinds == {True, False}}
        self.assertEqual(conflicts, set())
        alone = [a for a in self.data["agreements"] if len(sources(a)) == 1]
        only_monograph = [a for a in alone if sources(a)[0]["document"] == MONOGRAPH]
        only_list = [a for a in alone if sources(a)[0]["document"] == "twin_cities_raw.csv"]
        self.assertEqual(len(self.data["agreements"]), 477)
        self.assertEqual((len(only_monograph), len(only_list)), (84, 383))
        self.assertTrue(all(a["kind_stated"] is False for a in only_list))
        # the list's own places: districts and a region by their names, the others towns
        levels = {}
        for n in self.data["nodes"]:
            if ":" in n["id"]:
                levels[n["level"]] = levels.get(n["level"], 0) + 1
        self.assertEqual(levels, {"city": 297, "district": 43, "region": 1})
        self.assertEqual(by_id(self.data["nodes"])["AM:Shirak Province"]["level"], "region")

if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
