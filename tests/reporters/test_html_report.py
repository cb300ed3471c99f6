"""The editor's HTML review report: structure, escaping, CSP, determinism, and the rendered DOM in Chromium."""
import base64
import hashlib
import html
import json
import os
import re
import shutil

import pytest
from helpers import REPO, SEED, invoke

from tqcheck.reporters.html import Mark, page_names, tokens

PAYLOADS = ('<script>window.__pwned = "script"</script>',
            '<img src="Kiev.png" onerror="window.__pwned = \'img\'">',
            '<svg onload="window.__pwned = \'svg\'"></svg>',
            '"><iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>"></iframe>',
            "<a href=\"javascript:window.__pwned='href'\" id=\"pwn\">Kiev</a>")
HOSTILE = "Officials in Kiev said:\n" + "\n".join(PAYLOADS) + "\nThe end.\n"


def report(paths, out, *extra, cwd=None):
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        res = invoke("report", "--no-pair", "-o", str(out), *extra, *map(str, paths))
    finally:
        os.chdir(old)
    assert res.exit_code == 0, res.output
    return out


def css_string(value: str) -> str:
    """The text of a computed CSS string value such as '"a\\a b"' (newline escaped as \\a)."""
    assert value.startswith('"') and value.endswith('"'), value
    return re.sub(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)", lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2),
                  value[1:-1])


def seed_findings():
    res = invoke("check", "--no-pair", "--format", "json", str(SEED))
    return json.loads(res.stdout)["articles"][0]["findings"]


# -- structure without a browser ------------------------------------------------------------------
class _F:
    def __init__(self, start, end, text):
        self.start, self.end = start, end
        self.text = text[start:end]


def test_tokens_nest_overlapping_and_crossing_findings():
    text = "abcdefghij"
    marks = [Mark(n, _F(a, b, text), "hl", "tip") for n, (a, b) in enumerate([(0, 5), (2, 4), (3, 8), (9, 9)], 1)]
    toks = tokens(text, marks)
    assert "".join(t.text for t in toks if t.kind == "text") == text
    stack, pieces = [], {m.n: "" for m in marks}
    for t in toks:
        if t.kind == "open":
            stack.append(t.mark.n)
        elif t.kind == "close":
            assert stack.pop() == t.mark.n, "tags close in the order they opened"
        elif t.kind == "text":
            for n in set(stack):
                pieces[n] += t.text
    assert not stack
    assert [pieces[m.n] for m in marks[:3]] == ["abcde", "cd", "defgh"]
    assert sum(1 for t in toks if t.kind == "open" and t.first) == 3
    assert sum(1 for t in toks if t.kind == "close" and t.last) == 3
    assert [t.mark.n for t in toks if t.kind == "empty"] == [4]


def test_page_names_follow_the_article_files():
    assert page_names(["a/x.en.txt", "b/y.md", "-"]) == ["x.en.txt.html", "y.md.html", "-.html"]
    assert page_names(["a/x.txt", "b/x.txt"]) == ["a__x.txt.html", "b__x.txt.html"]
    assert page_names(["index", "../../etc/passwd"]) == ["index-2.html", "passwd.html"]


def test_article_text_is_escaped_and_pages_carry_a_strict_csp(tmp_path):
    article = tmp_path / "hostile.en.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    out = report([article], tmp_path / "out")
    page = (out / "hostile.en.txt.html").read_text(encoding="utf-8")
    body = page.split("<body>", 1)[1]
    assert "<script" not in body and "<img" not in body and "<iframe" not in body and "<svg" not in body.split('class="histogram"')[0]
    assert "&lt;script&gt;" in body and "onerror=&#34;window.__pwned" in body
    csp = html.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1))
    assert "script-src 'none'" in csp and "default-src 'none'" in csp
    style = re.search(r"<style>(.*?)</style>", page, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp
    index = (out / "index.html").read_text(encoding="utf-8")
    script = re.search(r"<script>(.*?)</script>", index, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html.unescape(index)
    assert "http://" not in index.replace("http://www.w3.org/2000/svg", "") and "https://" not in index


def test_index_opens_with_the_summary_and_the_worst_articles_above_the_table(tmp_path):
    out = report([REPO / "examples"], tmp_path / "out")
    index = (out / "index.html").read_text(encoding="utf-8")
    lede, worst, table = index.find('class="lede"'), index.find('id="worst-h"'), index.find('<table class="articles')
    assert -1 < lede < worst < table, "summary, then the worst articles, then the table"
    section = index[worst:table]
    assert 'href="grain-corridor.en.md.html"' in section and "fail" in section, "each worst article links to its page"


def test_report_is_deterministic_and_independent_of_the_absolute_path(tmp_path):
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        shutil.copy(SEED, tmp_path / name / SEED.name)
        report([SEED.name], tmp_path / f"out-{name}", cwd=tmp_path / name)
    first, second = tmp_path / "out-one", tmp_path / "out-two"
    assert sorted(p.name for p in first.iterdir()) == ["index.html", f"{SEED.name}.html"]
    for page in first.iterdir():
        text = page.read_text(encoding="utf-8")
        assert text == (second / page.name).read_text(encoding="utf-8")
        assert str(tmp_path) not in text


def test_committed_reports_match_a_fresh_render_of_the_examples(tmp_path):
    fresh = report(["examples"], tmp_path / "reports", cwd=REPO)
    committed = REPO / "reports"
    stale = "reports/ is stale: run `make demo` and commit reports/"
    assert sorted(p.name for p in committed.glob("*.html")) == sorted(p.name for p in fresh.iterdir()), stale
    for page in fresh.iterdir():
        assert (committed / page.name).read_text(encoding="utf-8") == page.read_text(encoding="utf-8"), \
            f"{stale} ({page.name} differs)"


# -- the rendered DOM in headless Chromium -----------------------------------------------------------
@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed")
    shutil.copy(SEED, folder / SEED.name)
    (folder / "hostile.en.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "hostile.en.html").write_text(f"<p>{HOSTILE}</p>", encoding="utf-8")
    (folder / "hostile.en.md").write_text(HOSTILE, encoding="utf-8")
    return report([folder], folder / "report")


FINDINGS_IN_DOM = """
(() => Array.from(document.querySelectorAll("mark.hl[id]")).map(first => {
  const n = first.dataset.finding;
  const text = Array.from(document.querySelectorAll(`mark[data-finding="${n}"]`))
    .filter(el => !el.parentElement.closest(`mark[data-finding="${n}"]`))
    .map(el => { const c = el.cloneNode(true); c.querySelectorAll("a.ref").forEach(a => a.remove()); return c.textContent; })
    .join("");
  const style = getComputedStyle(first);
  first.focus();
  const tip = getComputedStyle(first, "::after").content;
  const item = document.getElementById(`item-${n}`);
  return {n: Number(n), text, background: style.backgroundColor, underline: style.borderBottomStyle,
          focused: document.activeElement === first, tip,
          itemLinksBack: !!item && item.querySelector("a.jump").getAttribute("href") === `#f${n}`,
          refLinksToItem: !!document.querySelector(`a.ref[href="#item-${n}"]`)};
}))()
"""


def test_every_seed_finding_is_highlighted_in_place(browser, seed_report):
    expected = seed_findings()
    page = browser.open((seed_report / f"{SEED.name}.html").as_uri())
    shown = page.evaluate(FINDINGS_IN_DOM)
    assert len(shown) == len(expected) > 10
    underline = {"minor": "dotted", "major": "solid", "critical": "double"}
    for finding, mark in zip(expected, sorted(shown, key=lambda m: m["n"])):
        assert mark["text"] == finding["text"], finding
        assert mark["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), finding
        assert mark["underline"] == underline[finding["severity"]]
        assert mark["focused"] and finding["message"] in css_string(mark["tip"]), "message shows on focus"
        if finding["suggestion"]:
            assert f"→ {finding['suggestion']}" in css_string(mark["tip"])
        assert mark["itemLinksBack"] and mark["refLinksToItem"]
    assert page.evaluate("document.querySelectorAll('ol.findings > li').length") == len(expected)


@pytest.mark.parametrize("name", ["hostile.en.txt", "hostile.en.html", "hostile.en.md"])
def test_injected_payloads_run_nothing(browser, seed_report, name):
    page = browser.open((seed_report / f"{name}.html").as_uri())
    page.evaluate("new Promise(resolve => setTimeout(resolve, 300))")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script, img, iframe, .article-text svg, #pwn').length") == 0
    shown = page.evaluate("(() => { const c = document.querySelector('.article-text').cloneNode(true);"
                          " c.querySelectorAll('a.ref').forEach(a => a.remove()); return c.textContent; })()")
    for payload in PAYLOADS:
        assert payload in shown, "the payload is shown as text"


def test_the_csp_blocks_payloads_even_if_escaping_failed(browser, seed_report, tmp_path):
    page = (seed_report / "hostile.en.txt.html").read_text(encoding="utf-8")
    unescaped = page.replace("</main>", "\n".join(PAYLOADS) + "</main>")
    (tmp_path / "unescaped.html").write_text(unescaped, encoding="utf-8")
    tab = browser.open((tmp_path / "unescaped.html").as_uri())
    tab.evaluate("new Promise(resolve => setTimeout(resolve, 300))")
    assert tab.evaluate("document.querySelectorAll('script, img').length") >= 2, "the payload is in the DOM"
    assert tab.evaluate("typeof window.__pwned") == "undefined"
    # Control: the same page without its CSP runs the payload, so the check above can fail.
    no_csp = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", unescaped)
    (tmp_path / "no-csp.html").write_text(no_csp, encoding="utf-8")
    tab = browser.open((tmp_path / "no-csp.html").as_uri())
    tab.evaluate("new Promise(resolve => setTimeout(resolve, 300))")
    assert tab.evaluate("typeof window.__pwned") == "string"


def test_index_lists_every_article_and_sorts_by_score(browser, seed_report):
    page = browser.open((seed_report / "index.html").as_uri())
    rows = page.evaluate("Array.from(document.querySelectorAll('table.articles tbody tr td:first-child a'))"
                         ".map(a => a.getAttribute('href'))")
    assert sorted(rows) == sorted(["hostile.en.html.html", "hostile.en.md.html", "hostile.en.txt.html", f"{SEED.name}.html"])
    assert page.evaluate("document.querySelectorAll('svg.histogram rect').length") == 10  # 0-10 ... 90-100
    scores = "Array.from(document.querySelectorAll('table.articles tbody tr')).map(r => Number(r.cells[6].dataset.sort))"
    page.evaluate("document.querySelector('button[data-col=\"6\"]').click()")
    ascending = page.evaluate(scores)
    assert ascending == sorted(ascending), "the sorting script runs under the page's CSP"
    page.evaluate("document.querySelector('button[data-col=\"6\"]').click()")
    assert page.evaluate(scores) == sorted(ascending, reverse=True)
