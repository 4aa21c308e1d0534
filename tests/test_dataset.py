#!/usr/bin/python3
"""The bundled datasets stay honest: every quote begins at exactly the line it cites in the
monograph, every line a note cites holds the words the note quotes, the checks pass with no
missing source, and the counts change only on purpose."""
import collections
import json
import os
import re
import subprocess
import unittest

import shared_material

from harness import CIS, EXAMPLE, PARTNET
SEEDS = shared_material.path("seeds")
FOLLOWING = 60  # a quote may run on over this many of the lines after the one it begins on


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


class Document:
    """A text file the sources cite, read as its lines (1-based, as `grep -n` counts)."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.lines = f.read().split("\n")

    def begins_at(self, text, line, fold=False):
        """Does `text` (whitespace normalised; with `fold`, in any case) begin on `line`,
        running on over the next lines?"""
        if not 1 <= line <= len(self.lines):
            return False
        head = normalise(self.lines[line - 1])
        if not head:
            return False
        window = normalise(" ".join(self.lines[line - 1:line + FOLLOWING]))
        text = normalise(text)
        at = window.lower().find(text.lower()) if fold else window.find(text)
        return 0 <= at < len(head)

    def lines_beginning(self, text, fold=False):
        """Every line `text` begins on: what a failure message names."""
        return [n for n in range(1, len(self.lines) + 1) if self.begins_at(text, n, fold)]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def sourced_items(data):
    for section in ("agreements", "reported"):
        for item in data.get(section, []):
            yield section, item


def notes(data):
    """(where, text) for every free text that may cite a line of the monograph."""
    for section in ("agreements", "reported", "nodes"):
        for item in data.get(section, []):
            for field in ("note", "description"):
                if item.get(field):
                    yield "%s %s %s" % (section, item["id"], field), item[field]
    for c in data.get("countries", []):
        regions = c.get("regions")
        if isinstance(regions, dict) and regions.get("source"):
            yield "country %s regions.source" % c["code"], regions["source"]


# "'words' (line N)", "'words' (lines N-M)", "'words', line N" and "line N ('words')": a note
# quoting the monograph next to the line it cites
CITED = [re.compile(r"'([^']{6,}?)',?\s*\(?(?:monograph )?lines? (\d+)(?:\s*-\s*(\d+))?"),
         re.compile(r"lines? (\d+)(?:\s*-\s*(\d+))?:? \(?'([^']{6,}?)'")]


def cited(text):
    """(words, first line, last line) for every quotation a note ties to a line."""
    for m in CITED[0].finditer(text):
        yield m.group(1), int(m.group(2)), int(m.group(3) or m.group(2))
    for m in CITED[1].finditer(text):
        yield m.group(3), int(m.group(1)), int(m.group(2) or m.group(1))


class Quotes(unittest.TestCase):
    """Each bundled dataset against the documents it cites."""

    documents = {}

    def document(self, name):
        shared_material.require(SEEDS)
        if name not in self.documents:
            self.documents[name] = Document(os.path.join(SEEDS, name))
        return self.documents[name]

    def check_sources(self, path):
        data = load(path)
        listed = {d["id"] for d in data.get("documents", [])}
        checked = 0
        for section, item in sourced_items(data):
            where = "%s: %s %s" % (os.path.basename(path), section, item["id"])
            src = item.get("source")
            self.assertIsNotNone(src, "%s has no source" % where)
            self.assertIn(src["document"], listed, where)
            doc = self.document(src["document"])
            line, quote = src.get("line"), src.get("quote", "")
            self.assertIsInstance(line, int, "%s: no line" % where)
            self.assertGreater(len(normalise(quote).split()), 2, "%s: quote too short" % where)
            if not doc.begins_at(quote, line):
                self.fail("%s: the quote does not begin at line %d but at %s: %r"
                          % (where, line, doc.lines_beginning(quote) or "no line", quote))
            checked += 1
        return data, checked

    def check_notes(self, path, data):
        doc = self.document(data["documents"][0]["id"])
        checked = 0
        for where, text in notes(data):
            for words, first, last in cited(text):
                # an elided quotation ('A ... B') is checked by its first part
                words = re.split(r"\s*(?:\.\.\.|<\.\.\.>)\s*", words)[0]
                if not any(doc.begins_at(words, n, fold=True) for n in range(first, last + 1)):
                    self.fail("%s: %s: %r is not at line %s but at %s"
                              % (os.path.basename(path), where, words,
                                 first if first == last else "%d-%d" % (first, last),
                                 doc.lines_beginning(words, fold=True) or "no line"))
                checked += 1
        return checked

    def test_every_quote_of_the_bundled_dataset_begins_at_its_line(self):
        data, checked = self.check_sources(CIS)
        self.assertEqual(checked, len(data["agreements"]) + len(data["reported"]))
        self.assertGreater(self.check_notes(CIS, data), 50)

    def test_every_quote_of_the_example_begins_at_its_line(self):
        data, checked = self.check_sources(EXAMPLE)
        self.assertEqual(checked, len(data["agreements"]) + len(data["reported"]))
        self.assertGreater(self.check_notes(EXAMPLE, data), 2)

    def test_a_quote_a_line_off_is_caught(self):
        """The check itself: the issue's examples, one or two lines off, and a blank line."""
        doc = self.document("003_04d2d979b8eaaf9e.txt")
        quote = "in October 2012 to the Lepel district and Tashir"
        self.assertTrue(doc.begins_at(quote, 1801))
        for wrong in (1799, 1800, 1802, 1803):
            self.assertFalse(doc.begins_at(quote, wrong), wrong)
        tatarstan = "the intergovernmental Agreement on trade"
        self.assertEqual(doc.lines_beginning(tatarstan), [4368])
        self.assertFalse(doc.begins_at(tatarstan, 4369), "a blank line holds no quote")
        spanning = "Vanadzor, and in October 2012 to the Lepel district and Tashir, Braslav district and Stepanavan"
        self.assertTrue(doc.begins_at(spanning, 1801), "a quote runs on over the next lines")
        self.assertFalse(doc.begins_at("and Stepanavan", 1801), "it must begin on its line")
        self.assertEqual(list(cited("'Yavan and Uzden regions' (line 7615): the raion")),
                         [("Yavan and Uzden regions", 7615, 7615)])
        self.assertEqual(list(cited("the list (lines 1787-1803 'For instance')")),
                         [("For instance", 1787, 1803)])


class CisDataset(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = load(CIS)

    def test_check_passes_with_no_missing_source(self):
        r = subprocess.run([PARTNET, "check", CIS], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out = r.stdout.decode()
        self.assertEqual(r.returncode, 0, out + r.stderr.decode())
        self.assertIn("0 errors, 0 warnings", out)
        self.assertNotIn("no source", out)

    def test_counts(self):
        """Change these numbers only when the dataset changes on purpose."""
        d = self.data
        self.assertEqual(len(d["agreements"]), 94)
        self.assertEqual(len(d["nodes"]), 111)
        levels = collections.Counter(n["level"] for n in d["nodes"])
        self.assertEqual(levels, {"country": 1, "region": 41, "district": 40, "city": 29})
        self.assertEqual(sorted(c["code"] for c in d["countries"]),
                         ["AM", "AZ", "BY", "GE", "KG", "KZ", "MD", "RU", "TJ", "TM", "UZ"])
        self.assertEqual(len(d["reported"]), 28)
        kinds = collections.Counter(a["kind"] for a in d["agreements"])
        self.assertEqual(kinds["twinning"], 13)
        self.assertEqual(kinds["cooperation_agreement"], 49)
        self.assertEqual(kinds["other"], 22)
        self.assertEqual(sum(1 for a in d["agreements"] if not a.get("date")), 11)

    def test_relations_without_a_document_follow_one_rule(self):
        """The README's rule: a relation the text states without naming a document is a row
        of kind other, between two sub-national parties, with no document between the same
        two, and its note says so."""
        nodes = {n["id"]: n for n in self.data["nodes"]}
        documented = {frozenset(a["parties"]) for a in self.data["agreements"]
                      if a["kind"] != "other"}
        for a in self.data["agreements"]:
            no_document = (a.get("note") or "").startswith("no document named")
            self.assertEqual(a["kind"] == "other", no_document, a["id"])
            if a["kind"] != "other":
                continue
            self.assertNotIn(frozenset(a["parties"]), documented, a["id"])
            for p in a["parties"]:
                self.assertNotEqual(nodes[p]["level"], "country", a["id"])

    def test_a_note_naming_how_many_the_text_names_counts_right(self):
        """'the text names N of them' in a reported figure's note: N rows recorded."""
        nodes = {n["id"]: n for n in self.data["nodes"]}
        checked = 0
        for r in self.data["reported"]:
            m = re.search(r"the text names (\d+) of them", r.get("note") or "")
            if not m:
                continue
            self.assertEqual(r["metric"], "agreements", r["id"])
            recorded = sum(1 for a in self.data["agreements"]
                           if a["kind"] == r.get("kind", a["kind"])
                           and sorted(nodes[p]["country"] for p in a["parties"])
                           == sorted(r["countries"]))
            self.assertEqual(int(m.group(1)), recorded, r["id"])
            checked += 1
        self.assertGreater(checked, 0)

    def test_the_figures_of_one_paragraph_share_its_date(self):
        """The monograph's paragraphs that report several figures, and the date they give;
        a figure of a period (with `since`) is dated by its period instead."""
        paragraphs = {(1128, 1166): "2020-09", (1636, 1667): "2018-10"}
        checked = 0
        for r in self.data["reported"]:
            line = r["source"]["line"]
            for (first, last), date in paragraphs.items():
                if first <= line <= last and not r.get("since"):
                    self.assertEqual(r.get("as_of"), date, r["id"])
                    checked += 1
        self.assertEqual(checked, 7)

    def test_part_of_a_year_is_not_recorded_as_the_year(self):
        """'At the beginning of 2018' as `2018` would count agreements signed until December."""
        part = re.compile(r"'(?:at the beginning of|by mid-|in early|by the middle of) ?(\d{4})")
        checked = 0
        for r in self.data["reported"]:
            m = part.search(r.get("note") or "")
            if m:
                self.assertRegex(r.get("as_of") or "", r"^%s-\d\d" % m.group(1), r["id"])
                checked += 1
        self.assertEqual(checked, 2)

    def test_every_country_has_a_sourced_region_count(self):
        for c in self.data["countries"]:
            r = c["regions"]
            self.assertGreater(r["count"], 0, c["code"])
            self.assertTrue(r.get("year") and r.get("source"), c["code"])
            self.assertTrue(any(m["org"] == "CIS" for m in c.get("memberships", [])), c["code"])

    def test_one_entity_one_node(self):
        seen = {}
        for n in self.data["nodes"]:
            for name in [n["name"]] + n.get("aliases", []):
                key = (n["country"], name.lower())
                self.assertNotIn(key, seen, "%s and %s share the name %r" % (seen.get(key), n["id"], name))
                seen[key] = n["id"]

    def test_cities_and_districts_roll_up_to_a_region(self):
        nodes = {n["id"]: n for n in self.data["nodes"]}
        for n in self.data["nodes"]:
            if n["level"] in ("district", "city") and not n.get("first_level"):
                self.assertIn("parent", n, "%s has no parent" % n["id"])
                top = n
                while top.get("parent"):
                    top = nodes[top["parent"]]
                self.assertTrue(top["level"] == "region" or top.get("first_level"), n["id"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
