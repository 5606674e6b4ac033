"""Metadata candidates from a page's markup: title, authors, date, tags,
canonical URL and site name.

Each value comes from the most reliable source that has one, and says which
(its ``rule``), so ``--explain`` can show it:

- title: an ``<h1>`` that agrees with og:title / JSON-LD headline / ``<title>``,
  else og:title or the headline, else ``<title>``, else a long enough ``<h1>``;
  site suffixes and "Halaman all" removed;
- authors and editors: see ``htmlauthors``;
- date: JSON-LD ``datePublished`` of an article, ``article:published_time``
  and similar meta, else a ``<time>`` in the headline's container (never one
  inside a link or a list item: another story's date);
- tags: ``article:tag``, ``news_keywords``, ``keywords``, JSON-LD keywords.

The names these read are data: ``data/html_meta.txt``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple
from urllib.parse import urlparse

from .. import recache, vocab
from ..decode import inline
from ..rules.byline import unique
from ..rules.dates import find_date
from ..rules.header import clean_title
from .htmlauthors import pick_authors
from .htmldom import body_attributes, tag_of, text_of, visible

#: An ``<h1>`` or title with fewer words is a section name ("Ekonomi").
TITLE_MIN_WORDS = 3
#: An ``<h1>`` agrees with a longer title that it opens when it is at least
#: this share of it (the rest being a site suffix).
AGREE_MIN_SHARE = 0.5
#: A title's trailing segment that names the site has at most this many words.
SITE_SEGMENT_MAX_WORDS = 5
#: ``<time>`` elements are looked for this many ancestors up from the headline.
TIME_ANCESTORS = 4
#: Most tags kept (some pages list the whole site's topics as keywords).
MAX_TAGS = 20
#: A tag is at most this many characters.
TAG_MAX_CHARS = 60
#: JSON-LD is walked this many levels deep (``@graph``, lists).
LD_MAX_DEPTH = 4

# A title separator with a space either side (" | ", " - ", " :: "); the
# lookarounds keep it linear (no run of spaces is tried at every length).
_SEPARATORS = recache.compile(r"(?<=\s)(?:[|\-–—:»·•]|::|\|\|)(?=\s)")
#: ... and, to compare two titles' parts, a colon after a word ("Site: Title").
_PART_SEPARATORS = recache.compile(r"(?<=\s)(?:[|\-–—»·•]|::|\|\|)(?=\s)|(?<=\w):(?=\s)")
#: A site's name, read off a title, has at most this many words.
SITE_MAX_WORDS = 5
_DOMAIN_END = recache.compile(r"\.(?:com|co\.id|id|net|org)\b", re.I)
_ISO_DATE = recache.compile(r"^\s*((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
#: A timestamp with a time of day in UTC ("T01:48:03.835Z", "T22:30:00+00:00").
_UTC_STAMP = recache.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?\s{0,2}(?:Z|[+-]00:?00)\s*$", re.I)
_LIST = recache.compile(r"[,;]")
_WORD = recache.compile(r"\w+")
_HOST_NOISE = frozenset({"www", "com", "co", "id", "net", "org"})


class Found(NamedTuple):
    """A metadata value and the rule that found it."""

    value: str
    rule: str
    #: A date read from a UTC timestamp ("...T22:30:00Z"): the local date
    #: may be the next or the previous day.
    utc: bool = False


class PageMeta(NamedTuple):
    """What the markup says about the article (all optional)."""

    title: Found | None = None
    authors: tuple[str, ...] = ()
    authors_rule: str = ""
    #: Names a byline element calls editors ("Robertus Belarminus Editor").
    editors: tuple[str, ...] = ()
    date: Found | None = None
    tags: tuple[str, ...] = ()
    url: str | None = None
    site: str | None = None


@cache
def _names(section: str) -> tuple[str, ...]:
    return tuple(vocab.sections("html_meta.txt")[section])


def read_meta(tree: Any, attributes: list[Any] | None = None) -> PageMeta:
    """Collect the metadata candidates of a parsed page (``attributes``:
    its ``body_attributes``, when the caller has them already)."""
    if attributes is None:
        attributes = body_attributes(tree)
    metas = _meta_values(tree)
    ld = [obj for obj in _ld_objects(tree) if _types(obj) & set(_names("article-types"))]
    site = _site_name(metas, ld)
    url = _canonical(tree, metas)
    sites = site_words(site, url)
    title, h1 = _pick_title(tree, metas, ld, sites)
    people = [obj.get("author") or obj.get("creator") for obj in ld]
    authors, editors, rule = pick_authors(attributes, metas, [p for p in people if p], sites)
    return PageMeta(
        title=title,
        authors=authors,
        authors_rule=rule,
        editors=editors,
        date=_pick_date(h1, metas, ld),
        tags=_pick_tags(metas, ld),
        url=url,
        site=site,
    )


# --- raw sources ----------------------------------------------------------------
def _meta_values(tree: Any) -> dict[str, list[str]]:
    """``<meta>`` name/property/itemprop (lower case) -> contents, in order;
    the document's ``<title>`` under "<title>"."""
    values: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        name = el.get("property") or el.get("name") or el.get("itemprop")
        content = inline(el.get("content") or "")
        if name and content:
            values.setdefault(name.strip().lower(), []).append(content)
    titles = [inline(el.text or "") for el in tree.iter("title")]
    values["<title>"] = [t for t in titles if t][:1]
    return values


def _ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            yield from _walk_ld(_load_json(script.text), 0)


def _load_json(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def _walk_ld(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > LD_MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_ld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _walk_ld(data.get("@graph"), depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    return {str(t).lower() for t in (value if isinstance(value, list) else [value]) if t}


def _ld_text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return inline(value)
    if isinstance(value, dict):
        return _ld_text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return _ld_text(value[0])
    return None


def _site_name(metas: dict[str, list[str]], ld: list[dict[str, Any]]) -> str | None:
    for name in ("og:site_name", "application-name", "twitter:site"):
        if name in metas:
            return metas[name][0].lstrip("@")
    publishers = (_ld_text(obj.get("publisher")) for obj in ld)
    return next((p for p in publishers if p), None)


def _canonical(tree: Any, metas: dict[str, list[str]]) -> str | None:
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and _is_url(el.get("href")):
            return str(el.get("href")).strip()
    url = metas.get("og:url", [None])[0]
    return url if _is_url(url) else None


def _is_url(value: str | None) -> bool:
    return bool(value) and urlparse(str(value).strip()).scheme in ("http", "https")


def site_words(site: str | None, url: str | None) -> set[str]:
    """Words naming the site: from its name and its host ("kompas", "detiknews")."""
    words = {w.lower() for w in _WORD.findall(site or "") if len(w) > 2}
    host = urlparse(url).hostname if url else None
    if host:
        words.update(p for p in host.lower().split(".") if p not in _HOST_NOISE and len(p) > 2)
    return words


# --- title --------------------------------------------------------------------------
def _pick_title(
    tree: Any, metas: dict[str, list[str]], ld: list[dict[str, Any]], sites: set[str]
) -> tuple[Found | None, Any]:
    """The title and the ``<h1>`` element it came from (or None)."""
    named = [(f"meta.{k}", v) for k in ("og:title", "twitter:title") for v in metas.get(k, [])[:1]]
    named += [("jsonld.headline", h) for h in (_ld_text(o.get("headline")) for o in ld) if h]
    named += [("html.title", t) for t in metas["<title>"]]
    h1s = _headlines(tree)
    for text, el in h1s:
        if any(_agrees(_key(text), _key(value)) for _, value in named):
            return Found(clean_title(text), "title.h1-agrees"), el
    shared = _shared_part(named)
    if shared:
        return Found(shared, "title.shared-part"), None
    for rule, value in named:
        title = strip_site(value, sites)
        if len(_WORD.findall(title)) >= TITLE_MIN_WORDS:
            return Found(title, rule), None
    for text, el in h1s:
        if len(_WORD.findall(text)) >= TITLE_MIN_WORDS:
            return Found(clean_title(text), "title.h1"), el
    return None, None


def _shared_part(named: list[tuple[str, str]]) -> str | None:
    """The title two sources share, each with the site's name on its own
    side: og:title "X | Society" and <title> "Society: X" give "X" (the
    longer part: a site's name is a few words); "X" and "X | Site" give "X"."""
    parts = [_title_parts(value) for _, value in named]
    mine = parts[0] if parts else []
    keys = [_key(p) for p in mine]
    for other in parts[1:]:  # the first source's title, read with each other's
        other_keys = [_key(p) for p in other]
        if len(mine) == 2 and keys == other_keys[::-1]:
            title, site = sorted(mine, key=lambda p: len(_WORD.findall(p)), reverse=True)
            if len(site.split()) <= SITE_MAX_WORDS:
                return _long_enough(title)
        common = [p for p, k in zip(mine, keys, strict=True) if k in other_keys]
        if len(common) == 1 and keys != other_keys and max(len(mine), len(other)) > 1:
            return _long_enough(common[0])
    return None


def _long_enough(title: str) -> str | None:
    title = clean_title(title)
    return title if len(_WORD.findall(title)) >= TITLE_MIN_WORDS else None


def _title_parts(value: str) -> list[str]:
    """A title split at its separators ("|", " - ", "Site: Title")."""
    cuts = [0, *(x for m in _PART_SEPARATORS.finditer(value) for x in (m.start(), m.end()))]
    cuts.append(len(value))
    parts = (value[a:b].strip() for a, b in zip(cuts[::2], cuts[1::2], strict=True))
    return [p for p in parts if p]


def _headlines(tree: Any) -> list[tuple[str, Any]]:
    body = tree.find("body")
    h1s = ((text_of(el), el) for el in (body if body is not None else tree).iter("h1"))
    return [(text, el) for text, el in h1s if text and visible(el)]


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _agrees(h1: str, other: str) -> bool:
    """The headline equals the other title or opens it (before a site suffix)."""
    if not h1 or not other:
        return False
    opens = other.startswith(h1 + " ") and len(h1) >= AGREE_MIN_SHARE * len(other)
    return other == h1 or opens


def strip_site(title: str, sites: set[str]) -> str:
    """Drop trailing segments that name the site ("… | Tempo Gaya", "… - Kompas.com")."""
    title = clean_title(title)
    while True:
        seps = list(_SEPARATORS.finditer(title))
        head = title[: seps[-1].start()].rstrip() if seps else ""
        if not head or not _names_site(title[seps[-1].end() :], sites):
            return title
        title = head


def _names_site(segment: str, sites: set[str]) -> bool:
    """A short segment with the site's name or a domain ("Okezone Lifestyle")."""
    words = [w.lower() for w in _WORD.findall(segment)]
    if len(words) > SITE_SEGMENT_MAX_WORDS:
        return False
    return bool(set(words) & sites) or bool(_DOMAIN_END.search(segment))


# --- date -------------------------------------------------------------------------
def _pick_date(h1: Any, metas: dict[str, list[str]], ld: list[dict[str, Any]]) -> Found | None:
    for obj in ld:
        value = _ld_text(obj.get("datePublished")) or ""
        iso = to_iso(value)
        if iso:
            return Found(iso, "date.jsonld-datePublished", bool(_UTC_STAMP.search(value)))
    for name in _names("date-meta"):
        for value in metas.get(name, []):
            iso = to_iso(value)
            if iso:
                return Found(iso, f"date.meta-{name}", bool(_UTC_STAMP.search(value)))
    iso = _time_near(h1) if h1 is not None else None
    return Found(iso, "date.time-near-headline") if iso else None


def to_iso(value: str) -> str | None:
    """``YYYY-MM-DD`` from an ISO timestamp or a printed date."""
    match = _ISO_DATE.match(value)
    if match:
        return "-".join(match.groups())
    found = find_date(value)
    return found[0] if found else None


def _time_near(h1: Any) -> str | None:
    """A ``<time>`` in the headline's container, not inside a link or list item."""
    scope = h1
    for _ in range(TIME_ANCESTORS):
        parent = scope.getparent()
        if parent is None or tag_of(parent) == "body":
            break
        scope = parent
        if tag_of(scope) in ("article", "main"):
            break
    for el in scope.iter("time"):
        if not any(tag_of(a) in ("a", "li") for a in el.iterancestors()):
            iso = to_iso(el.get("datetime") or "") or to_iso(text_of(el))
            if iso:
                return iso
    return None


# --- tags -------------------------------------------------------------------------
def _pick_tags(metas: dict[str, list[str]], ld: list[dict[str, Any]]) -> tuple[str, ...]:
    tags: list[str] = list(metas.get("article:tag", []))
    for name in _names("tag-meta"):
        if not tags and name in metas:
            tags = _LIST.split(metas[name][0])
    for obj in ld:
        keywords = obj.get("keywords")
        if not tags and keywords:
            tags = (
                [str(k) for k in keywords]
                if isinstance(keywords, list)
                else _LIST.split(str(keywords))
            )
    cleaned = (inline(t) for t in tags)
    return tuple(unique([t for t in cleaned if t and len(t) <= TAG_MAX_CHARS])[:MAX_TAGS])
