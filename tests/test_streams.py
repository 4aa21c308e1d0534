#!/usr/bin/python3
"""The partnet command on streams: every kind of dataset read from a pipe (--data -), and
output that cannot be written (a full disk, a closed stdout) reported with exit code 1. Run by
`meson test` (PARTNET_BUILD_ROOT and PARTNET_SOURCE_ROOT set)."""
import csv
import io
import os
import subprocess
import unittest

import harness
from harness import EXAMPLE, FIXTURES, PARTNET


def run(*args, close_stdout=False, **kwargs):
    """harness.run(), with standard output closed when @p close_stdout."""
    return harness.run(*args, preexec=(lambda: os.close(1)) if close_stdout else None, **kwargs)


def summary(out):
    """The summary table of `info --format csv` as {key: value}."""
    rows = csv.DictReader(io.StringIO(out.decode()))
    return {r["key"]: r["value"] for r in rows if r["table"] == "summary"}


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Pipes(unittest.TestCase):
    """`--data -` reads standard input as a stream: a pipe cannot be sought or read twice."""

    def pipe(self, data, *options):
        read_end, write_end = os.pipe()
        proc = subprocess.Popen([PARTNET, "--data", "-", *options, "info", "--format", "csv"],
                                stdin=read_end, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        os.close(read_end)
        with os.fdopen(write_end, "wb") as w:
            w.write(data)
        out, err = proc.communicate(timeout=300)
        return proc.returncode, out, err.decode()

    def test_json_from_a_pipe(self):
        code, out, err = self.pipe(read(EXAMPLE))
        self.assertEqual(code, 0, err)
        s = summary(out)
        self.assertEqual(s["dataset"], "<stdin>")
        self.assertEqual(s["agreements"], "21")

    def test_edges_table_from_a_pipe_with_its_nodes(self):
        code, out, err = self.pipe(read(os.path.join(FIXTURES, "tables", "edges.csv")),
                                   "--nodes", os.path.join(FIXTURES, "tables", "nodes.csv"))
        self.assertEqual(code, 0, err)
        self.assertEqual(summary(out)["agreements"], "4")

    def test_edges_table_from_a_pipe_needs_its_nodes(self):
        code, out, err = self.pipe(read(os.path.join(FIXTURES, "tables", "edges.csv")))
        self.assertEqual(code, 2)
        self.assertEqual(out, b"")
        self.assertIn("<stdin>: an edges table (source, target columns) needs its nodes: give "
                      "--nodes FILE", err)

    def test_pair_list_from_a_pipe(self):
        code, out, err = self.pipe(read(os.path.join(FIXTURES, "pairs.tsv")), "--columns",
                                   "a=name_a,a_country=land_a,b=name_b,b_country=land_b,date=year")
        self.assertEqual(code, 0, err)
        self.assertEqual(summary(out)["agreements"], "3")
        self.assertIn('<stdin>:5: country "Belaurs" read as Belarus (BY)', err)

    def test_pair_list_without_header_from_a_pipe(self):
        code, out, err = self.pipe(b"Minsk;Belarus;Kapan;Armenia;2018\n"
                                   b"Gomel;Belarus;Khujand;Tajikistan;2019-05\n",
                                   "--no-header", "--delimiter", ";", "--columns",
                                   "a=1,a_country=2,b=3,b_country=4,date=5")
        self.assertEqual(code, 0, err)
        self.assertEqual(summary(out)["agreements"], "2")

    def test_a_pipe_longer_than_the_peek(self):
        # the loader looks at the first 64 KiB to choose how to read; the rest must follow
        rows = ["city1,country1,city2,country2"]
        rows += ["Town%d,Belarus,Town%d,Russia" % (i, i) for i in range(20000)]
        data = ("\n".join(rows) + "\n").encode()
        self.assertGreater(len(data), 65536 * 4)
        code, out, err = self.pipe(data)
        self.assertEqual(code, 0, err)
        self.assertEqual(summary(out)["agreements"], "20000")

    def test_an_empty_pipe(self):
        code, out, err = self.pipe(b"")
        self.assertEqual(code, 2)
        self.assertEqual(out, b"")
        self.assertIn("partnet: error: <stdin>:1: the file is empty", err)


class WriteErrors(unittest.TestCase):
    """Output that cannot be written is a failure (exit 1) with a message, for every command:
    a full disk (/dev/full) and a closed standard output."""

    commands = [["info"], ["check", EXAMPLE], ["check", "--format", "csv", EXAMPLE], ["rank"],
                ["rank", "--all", "--format", "json"], ["stats"], ["clusters"], ["coverage"],
                ["--version"], ["--help"], ["info", "--help"]]

    def expect_failure(self, message, **how):
        for args in self.commands:
            data = [] if args[0].startswith("--") else ["--data", EXAMPLE]
            with self.subTest(args=args):
                r = run(*data, *args, **how)
                self.assertEqual(r.returncode, 1, r.stderr)
                self.assertIn("partnet: writing the output failed: " + message,
                              r.stderr.decode())

    def test_full_disk(self):
        with open("/dev/full", "wb") as full:
            self.expect_failure("No space left on device", stdout=full)

    def test_closed_stdout(self):
        self.expect_failure("Bad file descriptor", stdout=None, close_stdout=True)

    def test_bad_input_stays_exit_2_when_nothing_was_written(self):
        r = run("--data", os.path.join(FIXTURES, "bad.json"), "info", stdout=None,
                close_stdout=True)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertNotIn("writing the output failed", r.stderr.decode())


if __name__ == "__main__":
    unittest.main(verbosity=2)
