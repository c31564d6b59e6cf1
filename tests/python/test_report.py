"""python3 -m vecinos.report writes one self-contained HTML file that a real browser shows whole."""
import re
import subprocess
import sys
import unittest

import browser
import support
from vecinos import synthetic


FAST = ("--bootstrap", "200", "--max-runs", "60")  # the report of a small sweep, quickly


def report(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "vecinos.report", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


class ReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = support.class_temp_dir(cls, "report")
        synthetic.write(cls.dir, samples=16, replicates=2, ticks=40)
        cls.html = cls.dir / "r.html"
        r = report(cls.dir, "-o", cls.html, *FAST)
        assert r.returncode == 0, r.stderr
        cls.text = cls.html.read_text()

    def test_the_report_answers_the_three_questions_without_network(self):
        t = self.text
        for heading in ("1. Which parameters matter", "2. Under which conditions outcomes degrade",
                        "3. How likely each path is", "4. Key indicators over time"):
            self.assertIn(heading, t)
        self.assertIn("First-order (Saltelli et al. 2010) and total (Jansen 1999) Sobol&#x27; "
                      "indices", t)
        self.assertIn("PRIM: path rupture", t)
        self.assertIn("CART: which path, where", t)
        self.assertIn("Most frequent event sequences", t)
        for path in ("rupture", "trade_war", "managed"):
            self.assertIn(f"<td class='txt'>{path}</td>", t)
        # self-contained: every image is a data URI, nothing is fetched
        images = re.findall(r"<img [^>]*src='([^']*)'", t)
        self.assertGreaterEqual(len(images), 9)
        self.assertTrue(all(src.startswith("data:image/png;base64,") for src in images))
        self.assertIsNone(re.search(r"(src|href)=['\"]?(https?:|//|file:)", t))
        self.assertNotIn("<script", t)

    def test_a_real_browser_loads_every_figure_and_logs_nothing(self):
        if browser.chromium() is None:
            self.fail("chromium is not installed: tools/setup-deps.sh installs it")
        with browser.Browser() as b:
            page = b.open(self.html.as_uri())
            images = page.evaluate(
                "Array.from(document.images).map(i => [i.complete, i.naturalWidth, "
                "i.naturalHeight])")
            self.assertEqual(len(images), self.text.count("<img "))
            for complete, w, h in images:
                self.assertTrue(complete)
                self.assertGreater(w, 300)
                self.assertGreater(h, 150)
            png = page.screenshot(width=1280)
            self.assertEqual(page.console, [])
        from io import BytesIO

        from PIL import Image

        with Image.open(BytesIO(png)) as im:
            self.assertEqual(im.size[0], 1280)
            self.assertGreater(im.size[1], 4000)  # the whole page, every figure in it
            self.assertLess(im.size[1], 40000)
            # not blank: the page has dark text and coloured figures
            colours = im.convert("RGB").resize((64, 512)).getcolors(1 << 16)
            self.assertGreater(len(colours), 200)
        self.assertGreater(len(png), 200_000)

    def test_the_same_sweep_gives_the_same_report(self):
        small = ("--outcome", "relationship_tension.max", "--indicator", "usmca_status", *FAST)
        first, again = self.dir / "first.html", self.dir / "again.html"
        for out in (first, again):
            r = report(self.dir, "-o", out, *small)
            self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(again.read_bytes(), first.read_bytes())
        self.assertGreater(first.stat().st_size, 100_000)

    def test_bad_input_exits_2_with_a_clear_message(self):
        r = report(self.dir / "nowhere")
        self.assertEqual(r.returncode, 2)
        self.assertIn("no such file; write it with `vecinos sweep collect", r.stderr)
        r = report(self.dir, "--outcome", "trade.final", "-o", self.dir / "x.html")
        self.assertEqual(r.returncode, 2)
        self.assertIn("--outcome trade.final: not an outcome of", r.stderr)
        self.assertIn("trade_us_mx_usd.final", r.stderr)
        r = report(self.dir, "--cases", "trade_us_mx_usd.final <", "-o", self.dir / "x.html")
        self.assertEqual(r.returncode, 2)
        self.assertIn("ends early", r.stderr)


if __name__ == "__main__":
    unittest.main()
