"""Metadata candidates from a page's markup: title, authors, date, tags,
canonical URL and site name.

Each value comes from the most reliable source that has one, and says which
(``rule``), so ``--explain`` can show it:

- title: an ``<h1>`` that agrees with og:title / JSON-LD headline / ``<title>``,
  else og:title or the headline, else ``<title>``, site suffixes and
  "Halaman all" removed;
- authors: JSON-LD ``Person`` authors, byline elements, ``<meta name=author>``;
  organisations, teams and the site's own name are never authors;
- date: JSON-LD ``datePublished``, ``article:published_time`` and similar
  meta, else a ``<time>`` next to the headline (never one inside a link or a
  list of other stories);
- tags: ``article:tag``, ``news_keywords``, ``keywords``, JSON-LD keywords.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from .. import vocab
from ..rules.byline import is_person_name, label_role, parse_byline
from ..rules.dates import find_date
from ..rules.header import clean_title
from .htmldom import is_hidden, tag_of, text_of

#: Schema.org types whose author and dates are the page's own article.
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "reportage",
        "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
        "reviewnewsarticle", "report", "liveblogposting", "techarticle", "posting",
        "socialmediaposting", "scholarlyarticle", "medicalscholarlyarticle", "review",
        "satiricalarticle", "advertisercontentarticle", "askpublicnewsarticle",
    }
)
#: Meta names/properties that hold the publication date, most trusted first.
DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished",
    "publishdate", "pubdate", "publish-date", "publish_date", "published_time",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "date", "article.published", "content_publisheddate",
)
#: Meta names/properties that may hold the author's name.
AUTHOR_META = (
    "author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
    "parsely-author", "sailthru.author", "content_author", "byl", "twitter:creator",
)
#: Meta names/properties that hold tags.
TAG_META = ("article:tag", "news_keywords", "keywords", "parsely-tags")
#: Class/id/itemprop/rel words that mark a byline element.
BYLINE_HINT = re.compile(
    r"author|autor|byline|by-line|penulis|reporter|writer|wartawan|jurnalis|contributor|pewarta",
    re.I,
)
#: Class/id words of photo credits and captions (their names are photographers).
CREDIT_HINT = re.compile(r"photo|foto|caption|image|img|gallery|thumb|media|credit-pic", re.I)
#: Site-name words at least this long are looked for inside names.
SITE_MIN_CHARS = 4
#: A byline element's text is at most this many characters.
BYLINE_MAX_CHARS = 160
#: An ``<h1>`` with fewer words is a section name ("Ekonomi"), not a headline.
H1_MIN_WORDS = 3
#: ``<time>`` elements are looked for this many ancestors up from the headline.
TIME_ANCESTORS = 4
#: Most tags kept from the meta keywords (some pages list the whole site's topics).
MAX_TAGS = 20

_SEPARATORS = re.compile(r"\s+(?:[|\-–—:»·•]|::|\|\|)\s+")
_ISO_DATE = re.compile(r"^\s*((?:19|20)\d\d)-([01]\d)-([0-3]\d)")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Found:
    """A metadata value and the rule that found it."""

    value: str
    rule: str


@dataclass(frozen=True, slots=True)
class PageMeta:
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
    #: The page declares itself an article (og:type, JSON-LD type, a publication date).
    declared_article: bool = False
    #: The ``<h1>`` element picked as the headline (or None).
    h1: Any = None


def read_meta(tree: Any) -> PageMeta:
    """Collect the metadata candidates of a parsed page."""
    metas = _meta_values(tree)
    titles = [_SPACE.sub(" ", el.text or "").strip() for el in tree.iter("title")]
    metas["<title>"] = [t for t in titles if t][:1]
    ld = list(_ld_articles(tree))
    site = _site_name(metas, ld)
    url = _canonical(tree, metas)
    h1s = _headlines(tree)
    title, h1 = _pick_title(h1s, metas, ld, site, url)
    sites = _site_words(site, url)
    labelled, editors, bare = _byline_elements(tree, sites)
    authors, authors_rule = _pick_authors((labelled, editors, bare), metas, ld, sites)
    declared = bool(ld) or metas.get("og:type", [""])[0].lower() == "article"
    return PageMeta(
        title=title,
        authors=authors,
        authors_rule=authors_rule,
        editors=editors,
        date=_pick_date(h1, metas, ld),
        tags=_pick_tags(metas, ld),
        url=url,
        site=site,
        declared_article=declared or any(k in metas for k in DATE_META[:3]),
        h1=h1,
    )


# --- raw sources ----------------------------------------------------------------
def _meta_values(tree: Any) -> dict[str, list[str]]:
    """``<meta>`` name/property/itemprop (lower case) -> contents, in order."""
    values: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = el.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), []).append(_SPACE.sub(" ", content).strip())
    return values


def _ld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        data = _load_json(script.text)
        yield from _walk_ld(data)


def _load_json(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return None


def _walk_ld(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_ld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _walk_ld(graph, depth + 1)


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    items = value if isinstance(value, list) else [value]
    return {str(t).lower() for t in items if t}


def _ld_articles(tree: Any) -> Iterator[dict[str, Any]]:
    for obj in _ld_objects(tree):
        if _types(obj) & ARTICLE_TYPES:
            yield obj


def _ld_text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return _SPACE.sub(" ", value).strip()
    if isinstance(value, dict):
        return _ld_text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return _ld_text(value[0])
    return None


def _site_name(metas: dict[str, list[str]], ld: list[dict[str, Any]]) -> str | None:
    for key in ("og:site_name", "application-name", "twitter:site"):
        if key in metas:
            return metas[key][0].lstrip("@")
    for obj in ld:
        name = _ld_text(obj.get("publisher"))
        if name:
            return name
    return None


def _canonical(tree: Any, metas: dict[str, list[str]]) -> str | None:
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and _is_url(el.get("href")):
            return str(el.get("href")).strip()
    url = metas.get("og:url", [None])[0]
    return url if _is_url(url) else None


def _is_url(value: str | None) -> bool:
    return bool(value) and urlparse(str(value).strip()).scheme in ("http", "https")


# --- title --------------------------------------------------------------------------
def _headlines(tree: Any) -> list[tuple[str, Any]]:
    body = tree.find("body")
    out = []
    for el in (body if body is not None else tree).iter("h1"):
        if _visible(el):
            text = text_of(el)
            if text:
                out.append((text, el))
    return out


def _visible(el: Any) -> bool:
    while el is not None:
        if is_hidden(el) or tag_of(el) in ("script", "template", "noscript"):
            return False
        el = el.getparent()
    return True


def _pick_title(
    h1s: list[tuple[str, Any]],
    metas: dict[str, list[str]],
    ld: list[dict[str, Any]],
    site: str | None,
    url: str | None,
) -> tuple[Found | None, Any]:
    named = [(f"meta.{k}", v) for k in ("og:title", "twitter:title") for v in metas.get(k, [])[:1]]
    named += [("jsonld.headline", h) for h in (_ld_text(o.get("headline")) for o in ld) if h]
    named += [("html.title", t) for t in _document_titles(metas)]
    sites = _site_words(site, url)
    for text, el in h1s:
        key = _key(text)
        if key and any(_agrees(key, _key(v)) for _, v in named):
            return Found(clean_title(text), "title.h1-agrees"), el
    for rule, value in named:
        title = strip_site(value, sites)
        if len(_WORD.findall(title)) >= H1_MIN_WORDS:
            return Found(title, rule), None
    for text, el in h1s:
        if len(_WORD.findall(text)) >= H1_MIN_WORDS:
            return Found(clean_title(text), "title.h1"), el
    return None, None


def _document_titles(metas: dict[str, list[str]]) -> list[str]:
    # <title> is read by _meta_values' caller below (kept as a pseudo meta)
    return metas.get("<title>", [])


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _agrees(h1: str, other: str) -> bool:
    """The headline equals the other title or opens it (before a site suffix)."""
    if not other:
        return False
    return other == h1 or other.startswith(h1 + " ") and len(h1) >= 0.5 * len(other)


def _site_words(site: str | None, url: str | None) -> set[str]:
    words = {w.lower() for w in _WORD.findall(site or "") if len(w) > 2}
    host = urlparse(url).hostname if url else None
    if host:
        parts = [p for p in host.lower().split(".") if p not in ("www", "com", "co", "id", "net", "org")]
        words.update(p for p in parts if len(p) > 2)
    return words


def strip_site(title: str, sites: set[str]) -> str:
    """Drop trailing segments that name the site ("… | Tempo Gaya", "… - Kompas.com")."""
    title = clean_title(title)
    while True:
        seps = list(_SEPARATORS.finditer(title))
        if not seps:
            return title
        last = seps[-1]
        if not _names_site(title[last.end() :], sites) or last.start() == 0:
            return title
        title = title[: last.start()].rstrip()


def _names_site(segment: str, sites: set[str]) -> bool:
    words = {w.lower() for w in _WORD.findall(segment)}
    return bool(words & sites) or bool(re.search(r"\.(?:com|co\.id|id|net|org)\b", segment, re.I))


# --- authors ------------------------------------------------------------------------
def _pick_authors(
    bylines: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
    metas: dict[str, list[str]],
    ld: list[dict[str, Any]],
    sites: set[str],
) -> tuple[tuple[str, ...], str]:
    """Authors by the strength of their evidence: a byline element that names
    the role ("Irfan Kamil Penulis", "Oleh: X"), JSON-LD Person authors, a
    byline element with bare names, then ``<meta name=author>``. A name a
    byline element calls an editor is never an author."""
    labelled, editors, bare = bylines
    not_editor = {e.lower() for e in editors}
    if labelled:
        return labelled, "authors.byline-element-role"
    ld_names = tuple(n for n in _ld_authors(ld, sites) if n.lower() not in not_editor)
    if ld_names:
        return ld_names, "authors.jsonld-person"
    if bare:
        return bare, "authors.byline-element"
    for name in AUTHOR_META:
        names = tuple(n for n in _person_names(metas.get(name, []), sites) if n.lower() not in not_editor)
        if names:
            return names, f"authors.meta-{name}"
    return (), ""


def _ld_authors(ld: list[dict[str, Any]], sites: set[str]) -> tuple[str, ...]:
    names: list[str] = []
    for obj in ld:
        authors = obj.get("author") or obj.get("creator")
        for person in authors if isinstance(authors, list) else [authors]:
            if isinstance(person, dict) and _types(person) - {"person"}:
                continue  # an Organization (or another non-person) is demoted
            name = _ld_text(person)
            if name:
                names.extend(_split_people(name, sites))
        if names:
            break
    return tuple(_unique(names))


def _byline_elements(
    tree: Any, sites: set[str]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Names in elements marked as bylines (class, id, itemprop, rel):
    ``(authors with a role label, editors, bare names)``."""
    body = tree.find("body")
    labelled: list[str] = []
    editors: list[str] = []
    bare: list[str] = []
    for el in (body if body is not None else tree).iter():
        if not isinstance(el.tag, str) or not _marks_byline(el) or _in_other_story(el):
            continue
        text = text_of(el)
        if not text or len(text) > BYLINE_MAX_CHARS or not _visible(el):
            continue
        role, names = _role_names(text, sites)
        if role == "author":
            labelled.extend(names)
        elif role == "editor":
            editors.extend(names)
        elif not bare:
            bare = names
    not_editor = {e.lower() for e in editors}
    authors = tuple(n for n in _unique(labelled) if n.lower() not in not_editor)
    return authors, tuple(_unique(editors)), tuple(n for n in bare if n.lower() not in not_editor)


def _role_names(text: str, sites: set[str]) -> tuple[str | None, list[str]]:
    """``("author"|"editor"|None, names)`` of one byline element's text."""
    parsed = parse_byline(text)
    if parsed and (parsed.authors or parsed.editors):
        if parsed.authors:
            names = (_clean_name(n) for n in parsed.authors)
            return "author", [n for n in names if _is_author_name(n, sites)]
        return "editor", list(parsed.editors)
    words = text.rstrip(" :").rsplit(" ", 1)
    if len(words) == 2:
        role = label_role(words[1])
        if role:  # "Irfan Kamil Penulis", "Dewi Kania Jurnalis"
            names = _split_people(words[0], sites)
            return role, names
    return None, _split_people(text, sites)


def _marks_byline(el: Any) -> bool:
    if (el.get("itemprop") or "").lower() == "author" or (el.get("rel") or "").lower() == "author":
        return True
    hint = " ".join(filter(None, (el.get("class"), el.get("id"))))
    return bool(hint) and bool(BYLINE_HINT.search(hint))


def _in_other_story(el: Any) -> bool:
    """Inside a list item, navigation, sidebar or footer (another story's
    byline), or in a photo's credit or caption."""
    for anc in (el, *el.iterancestors()):
        if tag_of(anc) in ("li", "nav", "aside", "footer", "figure", "figcaption"):
            return True
        hint = " ".join(filter(None, (anc.get("class"), anc.get("id"))))
        if hint and CREDIT_HINT.search(hint):
            return True
    return False


def _article_scope(h1: Any) -> Any:
    """The headline's container: up to a few ancestors, stopping at <article>/<body>."""
    el = h1
    for _ in range(TIME_ANCESTORS):
        parent = el.getparent()
        if parent is None or tag_of(parent) == "body":
            break
        el = parent
        if tag_of(el) in ("article", "main"):
            break
    return el


def _person_names(values: list[str], sites: set[str]) -> tuple[str, ...]:
    names: list[str] = []
    for value in values:
        if _is_url(value):
            continue
        names.extend(_split_people(value, sites))
    return tuple(_unique(names))


def _split_people(value: str, sites: set[str]) -> list[str]:
    parsed = parse_byline(value)
    if parsed and parsed.authors:
        candidates = list(parsed.authors)
    else:
        candidates = re.split(r"\s*(?:,|;|&|\||\s-\s|\band\b|\bdan\b)\s*", value)
    names = (_clean_name(c.strip()) for c in candidates)
    return [n for n in names if _is_author_name(n, sites)]


def _is_author_name(name: str, sites: set[str]) -> bool:
    """A person's name: not the site ("Roger Gonzalez CBS Sports" on
    cbssports.com), no function words ("Share on Facebook")."""
    if not name or not is_person_name(name):
        return False
    words = {w.lower() for w in _WORD.findall(name)}
    if words & (sites | vocab.stopwords("en") | vocab.stopwords("id")):
        return False
    squeezed = "".join(_WORD.findall(name.lower()))
    return not any(len(site) >= SITE_MIN_CHARS and site in squeezed for site in sites)


def _clean_name(name: str) -> str:
    """Drop a date's month or weekday left at a name's end ("Roger Gonzalez Nov")."""
    months, weekdays = vocab.calendar()
    words = name.split()
    while len(words) > 1 and (words[-1].lower().rstrip(".,") in months or words[-1].lower().rstrip(".,") in weekdays):
        words.pop()
    return " ".join(words)


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


# --- date -------------------------------------------------------------------------
def _pick_date(h1: Any, metas: dict[str, list[str]], ld: list[dict[str, Any]]) -> Found | None:
    for obj in ld:
        iso = to_iso(_ld_text(obj.get("datePublished")) or "")
        if iso:
            return Found(iso, "date.jsonld-datePublished")
    for key in DATE_META:
        for value in metas.get(key, []):
            iso = to_iso(value)
            if iso:
                return Found(iso, f"date.meta-{key}")
    if h1 is not None:
        iso = _time_near(h1)
        if iso:
            return Found(iso, "date.time-near-headline")
    return None


def to_iso(value: str) -> str | None:
    """``YYYY-MM-DD`` from an ISO timestamp or a printed date."""
    match = _ISO_DATE.match(value)
    if match:
        return "-".join(match.groups())
    found = find_date(value)
    return found[0] if found else None


def _time_near(h1: Any) -> str | None:
    """A ``<time>`` in the headline's container, not inside a link or list item."""
    scope = _article_scope(h1)
    for el in scope.iter("time"):
        if any(tag_of(a) in ("a", "li") for a in el.iterancestors()):
            continue
        iso = to_iso(el.get("datetime") or "") or to_iso(text_of(el))
        if iso:
            return iso
    return None


# --- tags -------------------------------------------------------------------------
def _pick_tags(metas: dict[str, list[str]], ld: list[dict[str, Any]]) -> tuple[str, ...]:
    tags: list[str] = []
    if "article:tag" in metas:
        tags = list(metas["article:tag"])
    else:
        for key in TAG_META[1:]:
            if key in metas:
                tags = re.split(r"\s*[,;]\s*", metas[key][0])
                break
    if not tags:
        for obj in ld:
            keywords = obj.get("keywords")
            if isinstance(keywords, list):
                tags = [str(k) for k in keywords]
            elif isinstance(keywords, str):
                tags = re.split(r"\s*[,;]\s*", keywords)
            if tags:
                break
    cleaned = [_SPACE.sub(" ", t).strip() for t in tags]
    return tuple(_unique([t for t in cleaned if t and len(t) <= 60])[:MAX_TAGS])
