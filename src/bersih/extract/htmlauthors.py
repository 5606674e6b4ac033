"""Authors and editors from a page's markup, by the strength of the evidence.

1. a byline element that names the role: "Oleh: X", "Penulis: X | Editor: Y",
   "Irfan Kamil Penulis" (the role after the name);
2. JSON-LD ``author`` objects of type Person (an Organization is demoted);
3. a byline element with bare names ("Fajar Nugroho - detikNews");
4. ``<meta name="author">`` and its kin.

A byline element is one whose class, id, ``itemprop`` or ``rel`` says so,
outside lists, navigation, sidebars, footers and photo credits (another
story's byline, a photographer). Names must look like a person's: not an
organisation, not the site, no function words ("Share on Facebook"). A
name a byline element calls an editor is never an author.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .. import recache, vocab
from ..rules.byline import is_person_name, label_role, parse_byline, unique
from .htmldom import tag_of, text_of, visible

#: A byline element's text is at most this many characters.
BYLINE_MAX_CHARS = 160
#: Site-name words at least this long are looked for inside names.
SITE_MIN_CHARS = 4
#: Elements whose bylines belong to other stories (or to a photo).
OTHER_STORY_TAGS = frozenset({"li", "nav", "aside", "footer", "figure", "figcaption"})

_WORD = recache.compile(r"\w+")
_NAME_SEPARATORS = recache.compile(r"[,;&|]|\s-\s|\band\b|\bdan\b")
Names = tuple[str, ...]


@cache
def _hints(section: str) -> re.Pattern[str]:
    words = vocab.sections("html_meta.txt")[section]
    # Matched against lower-cased text: re.I makes such an alternation ~4x slower.
    return recache.compile(
        "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    )


def _byline_candidates(attributes: list[Any]) -> list[Any]:
    """Elements whose class or id holds a byline hint, or whose itemprop or
    rel is "author", in document order (attribute values are scanned, not
    elements: far cheaper on large pages)."""
    hints = _hints("byline-hints")
    out: list[Any] = []
    for value in attributes:
        marked = (
            value.strip().lower() == "author"
            if value.attrname in ("itemprop", "rel")
            else hints.search(value.lower())
        )
        if not marked:
            continue
        el = value.getparent()  # only now: each parent is a new proxy
        if not out or out[-1] is not el:
            out.append(el)
    return out


def pick_authors(
    attributes: list[Any],
    metas: dict[str, list[str]],
    ld_people: list[Any],
    sites: set[str],
) -> tuple[Names, Names, str]:
    """``(authors, editors, rule)``; ``attributes`` are the page's
    (``body_attributes``), ``ld_people`` its JSON-LD author values."""
    labelled, editors, bare = _byline_elements(attributes, sites)
    not_editor = {e.lower() for e in editors}
    if labelled:
        return labelled, editors, "authors.byline-element-role"
    found = _keep(_ld_people(ld_people, sites), not_editor)
    if found:
        return found, editors, "authors.jsonld-person"
    if bare:
        return bare, editors, "authors.byline-element"
    for name in vocab.sections("html_meta.txt")["author-meta"]:
        values = [v for v in metas.get(name, []) if not v.lower().startswith(("http:", "https:"))]
        found = _keep([n for v in values for n in split_people(v, sites)], not_editor)
        if found:
            return found, editors, f"authors.meta-{name}"
    return (), editors, ""


def _keep(names: list[str], not_editor: set[str]) -> Names:
    return tuple(n for n in unique(names) if n.lower() not in not_editor)


def _ld_people(values: list[Any], sites: set[str]) -> list[str]:
    names: list[str] = []
    for value in values:
        for person in value if isinstance(value, list) else [value]:
            if isinstance(person, dict):
                kinds = person.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(k and str(k).lower() != "person" for k in kinds):
                    continue  # an Organization (or another non-person) is demoted
                person = person.get("name")
            if isinstance(person, str):
                names.extend(split_people(person, sites))
        if names:
            break
    return names


def _byline_elements(attributes: list[Any], sites: set[str]) -> tuple[Names, Names, Names]:
    """``(authors with a role label, editors, bare names)`` of byline elements."""
    labelled: list[str] = []
    editors: list[str] = []
    bare: list[str] = []
    first: Any = None  # the first element naming authors with a role label
    for el in _byline_candidates(attributes):
        if _in_other_story(el):
            continue
        text = text_of(el)
        if not text or len(text) > BYLINE_MAX_CHARS or not visible(el):
            continue
        role, names = _role_names(text, sites)
        if role == "author" and names:
            if first is not None and not _within(el, first):
                continue  # "By X" under each teaser further down: other stories'
            first = el if first is None else first
            labelled.extend(names)
        elif role == "author":
            labelled.extend(names)
        elif role == "editor":
            editors.extend(names)
        elif not bare:
            bare = names
    not_editor = {e.lower() for e in editors}
    return _keep(labelled, not_editor), tuple(unique(editors)), _keep(bare, not_editor)


def _within(el: Any, outer: Any) -> bool:
    """``el`` is ``outer`` or inside it."""
    while el is not None:
        if el is outer:
            return True
        el = el.getparent()
    return False


def _role_names(text: str, sites: set[str]) -> tuple[str | None, list[str]]:
    """``("author"|"editor"|None, names)`` of one byline element's text."""
    parsed = parse_byline(text)
    if parsed and parsed.authors:
        names = (_clean_name(n) for n in parsed.authors)
        return "author", [n for n in names if is_author_name(n, sites)]
    if parsed and parsed.editors:
        return "editor", list(parsed.editors)
    head, _, last = text.rstrip(" :").rpartition(" ")
    role = label_role(last) if head else None
    if role:  # "Irfan Kamil Penulis", "Dewi Kania Jurnalis"
        return role, split_people(head, sites)
    return None, split_people(text, sites)


def _in_other_story(el: Any) -> bool:
    """Inside a list item, navigation, sidebar or footer (another story's
    byline), or in a photo's credit or caption."""
    for anc in (el, *el.iterancestors()):
        if tag_of(anc) in OTHER_STORY_TAGS:
            return True
        hint = " ".join(filter(None, (anc.get("class"), anc.get("id"))))
        if hint and _hints("credit-hints").search(hint.lower()):
            return True
    return False


def split_people(value: str, sites: set[str]) -> list[str]:
    """Personal names in a byline or author value ("A, B and C - Site")."""
    parsed = parse_byline(value)
    candidates = (
        list(parsed.authors) if parsed and parsed.authors else _NAME_SEPARATORS.split(value)
    )
    names = (_clean_name(c.strip()) for c in candidates)
    return [n for n in names if is_author_name(n, sites)]


def is_author_name(name: str, sites: set[str]) -> bool:
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
    while len(words) > 1 and words[-1].lower().rstrip(".,") in months.keys() | weekdays.keys():
        words.pop()
    return " ".join(words)
