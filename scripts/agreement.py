"""How often pasted text and saved HTML of the same pages give one title and
one byline: a check of the text path's header rules where no truth exists.

The eval corpus holds the same English pages as pasted text
(``scrapinghub-text``) and as HTML (``scrapinghub-html``) but scores no title
or author on them. The HTML answers come from the markup (``<h1>``,
``og:title``, JSON-LD, byline elements) and are right far more often, so
agreement is a floor for the text path's accuracy (and the disagreements
list is where either is wrong)::

    python scripts/agreement.py                    # counts, then each disagreement
    python scripts/agreement.py --corpus DIR --quiet

Uses the ``bersih`` on PATH; no network.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PAIRS = (("scrapinghub-text", "scrapinghub-html"),)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", default=str(Path(__file__).parents[1] / "../shared/eval/corpus")
    )
    parser.add_argument("--quiet", action="store_true", help="counts only")
    args = parser.parse_args()
    corpus = Path(args.corpus).resolve()
    for text_set, html_set in PAIRS:
        if not (corpus / text_set).is_dir() or not (corpus / html_set).is_dir():
            print(f"{text_set} or {html_set} missing under {corpus}", file=sys.stderr)
            return 1
        with tempfile.TemporaryDirectory() as tmp:
            text = _clean(corpus / text_set / "inputs", Path(tmp) / "text")
            html = _clean(corpus / html_set / "inputs", Path(tmp) / "html")
        _report(text_set, html_set, text, html, args.quiet)
    return 0


def _clean(folder: Path, out: Path) -> dict[str, dict[str, object]]:
    """``{stem: bersih's JSON}`` for every input of ``folder`` with an article."""
    cmd = ["bersih", "clean", str(folder), "-f", "json", "-o", str(out), "-q"]
    subprocess.run(cmd, check=False)
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))}


def _norm(value: object) -> str:
    return re.sub(r"\W+", " ", str(value or "").lower()).strip()


def _same_title(a: object, b: object) -> bool:
    x, y = _norm(a), _norm(b)
    return bool(x) and (x == y or x in y or y in x)


def _same_people(a: object, b: object) -> bool:
    def names(v: object) -> list[str]:
        return sorted(_norm(n) for n in v) if isinstance(v, list) else []

    return names(a) == names(b)


def _report(
    text_set: str,
    html_set: str,
    text: dict[str, dict[str, object]],
    html: dict[str, dict[str, object]],
    quiet: bool,
) -> None:
    both = sorted(set(text) & set(html))
    titled = [k for k in both if html[k].get("title")]
    titles = [k for k in titled if _same_title(text[k].get("title"), html[k].get("title"))]
    people = [k for k in both if _same_people(text[k].get("authors"), html[k].get("authors"))]
    print(f"{text_set} vs {html_set}: {len(both)} pages cleaned both ways")
    print(f"  title agrees:   {len(titles)} of {len(titled)}")
    print(f"  authors agree:  {len(people)} of {len(both)}")
    if quiet:
        return
    for key in titled:
        if key not in titles:
            print(f"  title   {key}: {text[key].get('title')!r} | html {html[key].get('title')!r}")
    for key in both:
        if key not in people:
            print(
                f"  authors {key}: {text[key].get('authors')!r} | html {html[key].get('authors')!r}"
            )


if __name__ == "__main__":
    sys.exit(main())
