"""The HTML report against the OWASP XSS filter-evasion payloads: everything from an article is
escaped (the page's markup is exactly the template's), nothing runs in Chromium, and the CSP
stops the payloads even when they are pasted into the page unescaped."""
import json
import os
import re
from html.parser import HTMLParser

import pytest
from helpers import FIXTURES, invoke

#: NUL cannot be in an article file (it is refused as binary before any report), so those payloads
#: are left out of the files.
PAYLOADS = [p for p in json.loads((FIXTURES / "xss" / "owasp-filter-evasion.json").read_text(encoding="utf-8"))
            if "\x00" not in p]
BENIGN = "Officials in Kiev said so , and the the talks went on.\nThe end.\n"
HOSTILE = "Officials in Kiev said:\n" + "\n".join(f"{p} Kiev , {p}" for p in PAYLOADS) + "\nThe end.\n"
#: Runs before any page script: records every dialog, print or CSP violation instead of showing it.
HOOKS = """
window.__xss = [];
window.__csp = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__xss.push(name + "(" + args.join(",") + ")"); };
}
document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective));
"""


class _Markup(HTMLParser):
    """Every tag with its attribute names, and every attribute value, of a page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[tuple[str, tuple[str, ...]]] = set()
        self.attributes: list[tuple[str, str]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.add((tag, tuple(sorted(name for name, _ in attrs))))
        self.attributes += [(name, value or "") for name, value in attrs]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Report pages of a benign article and of the payloads as .txt, .md and .html articles."""
    folder = tmp_path_factory.mktemp("xss")
    (folder / "benign.en.txt").write_text(BENIGN, encoding="utf-8")
    for suffix in ("txt", "md", "html"):
        (folder / f"hostile.en.{suffix}").write_text(HOSTILE, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        res = invoke("report", "--no-pair", "-o", "report", ".")
    finally:
        os.chdir(cwd)
    assert res.exit_code == 0, res.output
    return folder / "report"


@pytest.mark.parametrize("name", ["hostile.en.txt.html", "hostile.en.md.html", "hostile.en.html.html"])
def test_payloads_add_no_markup_to_the_page(pages, name):
    page = (pages / name).read_text(encoding="utf-8")
    allowed = _Markup((pages / "benign.en.txt.html").read_text(encoding="utf-8")).tags
    found = _Markup(page)
    assert found.tags <= allowed, f"markup that the template does not write: {found.tags - allowed}"
    for name, value in found.attributes:  # payload text is fine in a tooltip, not where a URL or style goes
        if name in ("href", "src", "action", "formaction", "style", "content"):
            assert not re.search(r"(?i)javascript:|vbscript:|data:|expression\(", value), (name, value)


def settle(tab):
    tab.evaluate("new Promise(resolve => setTimeout(resolve, 300))")


@pytest.mark.parametrize("name", ["hostile.en.txt.html", "hostile.en.md.html", "hostile.en.html.html", "index.html"])
def test_no_payload_runs_in_the_browser(browser, pages, name):
    tab = browser.open((pages / name).as_uri(), init_script=HOOKS)
    settle(tab)
    assert tab.evaluate("window.__xss") == []
    assert tab.evaluate("document.querySelectorAll('script').length") == (1 if name == "index.html" else 0)
    assert tab.evaluate("document.querySelectorAll('iframe, img, object, embed, frame, base, form, input, "
                        "link, .article-text svg, [style], meta[http-equiv=refresh]').length") == 0
    if name != "index.html":
        shown = tab.evaluate("(() => { const c = document.querySelector('.article-text').cloneNode(true);"
                             " c.querySelectorAll('a.ref').forEach(a => a.remove()); return c.textContent; })()")
        assert all(p.replace("\r", "") in shown.replace("\r", "") for p in PAYLOADS)


def _offline(payload: str) -> bool:
    """Payloads that name no host and navigate nowhere (safe to run with the CSP removed)."""
    return not re.search(r"(?i)https?:|//|www\.|\.(?:js|css|xml|htc|html|jpg)\b|refresh|<base|\d+\.\d+\.\d+", payload)


def test_the_csp_stops_the_payloads_even_unescaped(browser, pages, tmp_path):
    page = (pages / "hostile.en.txt.html").read_text(encoding="utf-8")
    unescaped = page.replace("</main>", "\n".join(p for p in PAYLOADS if _offline(p)) + "</main>")
    (tmp_path / "unescaped.html").write_text(unescaped, encoding="utf-8")
    tab = browser.open((tmp_path / "unescaped.html").as_uri(), init_script=HOOKS)
    settle(tab)
    assert tab.evaluate("document.querySelectorAll('main script, main img, main svg').length") > 5, "payloads are live markup"
    assert tab.evaluate("window.__xss") == []
    assert "script-src-elem" in tab.evaluate("window.__csp") or "script-src" in tab.evaluate("window.__csp")
    # Control: without its CSP the same page runs payloads, so the assertions above can fail.
    no_csp = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", unescaped)
    (tmp_path / "no-csp.html").write_text(no_csp, encoding="utf-8")
    tab = browser.open((tmp_path / "no-csp.html").as_uri(), init_script=HOOKS)
    settle(tab)
    assert len(tab.evaluate("window.__xss")) >= 3
