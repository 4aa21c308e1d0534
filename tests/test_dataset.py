#!/usr/bin/python3
"""The bundled dataset stays honest: every quote is in the monograph near its stated line, the
checks pass with no missing source, and its counts change only on purpose."""
import collections
import json
import os
import re
import subprocess
import unittest

import shared_material

BUILD = os.environ.get("PARTNET_BUILD_ROOT", "build")
SOURCE = os.environ.get("PARTNET_SOURCE_ROOT", ".")
PARTNET = os.path.join(BUILD, "tools", "partnet")
CIS = os.path.join(SOURCE, "graphs", "cis.json")
SEEDS = shared_material.path("seeds")
NEAR = 3  # a quote starts within this many lines of the line it cites


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


class CisDataset(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(CIS, encoding="utf-8") as f:
            cls.data = json.load(f)

    def sources(self):
        for section in ("agreements", "reported"):
            for item in self.data.get(section, []):
                yield section, item

    def test_every_quote_is_in_the_monograph_near_its_line(self):
        shared_material.require(SEEDS)
        documents = {}
        checked = 0
        for section, item in self.sources():
            src = item.get("source")
            self.assertIsNotNone(src, "%s %s has no source" % (section, item["id"]))
            path = os.path.join(SEEDS, src["document"])
            if path not in documents:
                with open(path, encoding="utf-8") as f:
                    documents[path] = f.read().split("\n")
            lines = documents[path]
            line = src["line"]
            quote = normalise(src["quote"])
            self.assertGreater(len(quote.split()), 2, "%s: quote too short" % item["id"])
            first = max(0, line - 1 - NEAR)
            window = normalise(" ".join(lines[first:line - 1 + NEAR + 40]))
            head = normalise(" ".join(lines[first:line + NEAR]))
            at = window.find(quote)
            self.assertGreaterEqual(at, 0, "%s %s: quote not found near line %d: %r"
                                    % (section, item["id"], line, quote))
            self.assertLessEqual(at, len(head), "%s %s: the quote starts more than %d lines "
                                 "after line %d" % (section, item["id"], NEAR, line))
            checked += 1
        self.assertGreater(checked, 100)

    def test_check_passes_with_no_missing_source(self):
        r = subprocess.run([PARTNET, "check", CIS], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out = r.stdout.decode()
        self.assertEqual(r.returncode, 0, out + r.stderr.decode())
        self.assertIn("0 errors, 0 warnings", out)
        self.assertNotIn("no source", out)

    def test_counts(self):
        """Change these numbers only when the dataset changes on purpose."""
        d = self.data
        self.assertEqual(len(d["agreements"]), 93)
        self.assertEqual(len(d["nodes"]), 111)
        levels = collections.Counter(n["level"] for n in d["nodes"])
        self.assertEqual(levels, {"country": 1, "region": 41, "district": 40, "city": 29})
        self.assertEqual(sorted(c["code"] for c in d["countries"]),
                         ["AM", "AZ", "BY", "GE", "KG", "KZ", "MD", "RU", "TJ", "TM", "UZ"])
        self.assertEqual(len(d["reported"]), 28)
        kinds = collections.Counter(a["kind"] for a in d["agreements"])
        self.assertEqual(kinds["twinning"], 32)
        self.assertEqual(kinds["cooperation_agreement"], 49)
        self.assertEqual(sum(1 for a in d["agreements"] if not a.get("date")), 10)

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
