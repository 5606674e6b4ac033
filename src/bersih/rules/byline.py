"""Bylines: "Penulis: X | Editor: Y", "Rep: X/ Red: Y", "Laporan Wartawan
Site, X", "By X and Y", "X, Jurnalis" -> authors apart from editors.

Names must look like a person's: organisations, teams, desks, initials
codes and the site's own name are never authors.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import recache, vocab
from . import patterns
from .dates import is_date_line

#: Longest byline block, in words ("Penulis: A, B | Editor: C" is ~8).
BYLINE_MAX_WORDS = 24
#: Names are one to five words ("Friederich", "Danandaya Arya putra").
NAME_MAX_WORDS = 5
#: An outlet after the writers' names is at most this many words
#: ("Sioux Falls Argus Leader").
OUTLET_MAX_WORDS = 5

_ROLE_SUFFIX = recache.compile(
    r"^(?P<names>[^,|]{3,60}?)\s{0,2}[,|]\s{0,2}(?P<role>[A-Za-z ]{3,40})$"
)
#: "Name @handle ...", "Name - date", "Name | date".
_NAME_THEN_STAMP = recache.compile(
    r"^(?P<name>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3})\s+(?:(?P<rest>@\w.*)|[-–—|•]\s+(?P<date>\S.*))$"
)
_NOT_NAME_CHARS = recache.compile(r"[^\w\s.'’-]|_")
_INITIALS = recache.compile(r"^[A-Za-z]{1,4}(?:[/.-][A-Za-z0-9]{1,6})*$")


class Byline(NamedTuple):
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()


def parse_byline(text: str) -> Byline | None:
    """A byline's names by role, or None when ``text`` is not a byline."""
    if patterns.count_words(text, BYLINE_MAX_WORDS) > BYLINE_MAX_WORDS:
        return None
    dangling = text.rstrip().endswith(("-", "–", "—"))
    text = text.strip(" •-–—|")
    found = False
    authors: list[str] = []
    editors: list[str] = []
    for segment in _segments(text):
        parsed = _segment(segment)
        if parsed is None:
            continue
        found = True
        role, names = parsed
        (authors if role == "author" else editors).extend(names)
    if not found:
        return _role_suffix(text) or _name_then_stamp(text, dangling) or _names_then_outlet(text)
    return Byline(tuple(unique(authors)), tuple(unique(editors)))


def _name_then_stamp(text: str, dangling: bool = False) -> Byline | None:
    """A name, then the writer's handle, the date or the site: "Catherine
    Shu @catherineshu / 2 days", "Chris Davies - Nov 19, 2019, 10:31 pm CST",
    "Fajar Nugroho - detikNews". A line left ``dangling`` on a dash after the
    site ("Deli Serdang - TribuneIndonesia.com-") is a dateline whose story
    starts on the next line."""
    match = _NAME_THEN_STAMP.match(text)
    if match is None:
        return None
    name, date = clean_name(match.group("name")), match.group("date")
    if not (2 <= len(name.split()) <= NAME_MAX_WORDS and is_person_name(name)):
        return None
    if date is not None and not is_date_line(date) and (dangling or not _site_after(text, date)):
        return None
    return Byline((name,), ())


def _site_after(text: str, site: str) -> bool:
    """ "Fajar Nugroho - detikNews", "Dinda Lestari | CNN Indonesia": the
    site's or the network's name after a dash or bar, the line's last words
    ("Deli Serdang | TribuneIndonesia.com-" is a dateline)."""
    site = site.strip()
    marked = text[: len(text) - len(site)].rstrip().endswith(("-", "–", "—", "|"))
    return (
        marked
        and len(site.split()) <= 2
        and not site.endswith(("-", "–", "—"))
        and (patterns.is_site_name(site) or _network_name(site.split()))
    )


def _network_name(tokens: list[str]) -> bool:
    """ "CNN Indonesia", "BBC News", "VOA": an acronym of capitals first."""
    first = tokens[0].strip(".") if tokens else ""
    return (
        2 <= len(first) <= 6
        and first.isupper()
        and first.isalpha()
        and all(t[:1].isupper() for t in tokens)
    )


def _names_then_outlet(text: str) -> Byline | None:
    """Writers joined by "and", then their outlet, as Gannett papers print
    them: "Kevin Johnson and Kevin McCoy USA TODAY", "Lisa Kaczke and Trevor
    J. Mitchell Sioux Falls Argus Leader". The outlet is the longest tail of
    capitalised words that is in capitals or ends in a newspaper's word."""
    if " and " not in text and " & " not in text:
        return None
    tokens = text.split()
    for cut in range(max(1, len(tokens) - OUTLET_MAX_WORDS), len(tokens)):
        outlet = tokens[cut:]
        if not _outlet_like(outlet):
            continue
        names = [clean_name(n) for n in _split_names(" ".join(tokens[:cut]))]
        if len(names) >= 2 and all(_full_name(n) for n in names):
            return Byline(tuple(names), ())
    return None


def _outlet_like(tokens: list[str]) -> bool:
    if not all(t[:1].isupper() for t in tokens):
        return False
    if len(tokens) >= 2 and all(t.isupper() for t in tokens):
        return True  # "USA TODAY"
    return tokens[-1].lower().strip(".") in vocab.words("names.txt")


def _full_name(name: str) -> bool:
    """A person's name of first and last name at least, the last no initial."""
    tokens = name.split()
    return 2 <= len(tokens) <= NAME_MAX_WORDS - 1 and len(tokens[-1]) > 2 and is_person_name(name)


def _segments(text: str) -> list[str]:
    """Split at "|", "/ " ... and before a second "Label:" ("Rep: X Red: Y")."""
    out: list[str] = []
    for segment in patterns.BYLINE_SEGMENTS.split(text):
        cuts = [m.start() for m in patterns.INNER_LABEL.finditer(segment) if _role_of(m.group(1))]
        for start, end in zip([0, *cuts], [*cuts, len(segment)], strict=True):
            out.append(segment[start:end])
    return out


def label_role(text: str) -> str | None:
    """The role a label-only line names ("Reporter", "Editor :"), or None."""
    key = patterns.lexicon_key(text)
    return _role_of(key) if key else None


def _segment(segment: str) -> tuple[str, list[str]] | None:
    found = _label_and_rest(segment.strip())
    if found is None:
        return None
    role, rest = found
    names = [n for n in (clean_name(x) for x in _split_names(rest)) if is_person_name(n)]
    if not names and not rest.strip():
        return None
    return role, names


def _label_and_rest(segment: str) -> tuple[str, str] | None:
    """``(role, rest)`` when ``segment`` opens with a byline label."""
    colon = patterns.BYLINE_COLON.match(segment)
    if colon:
        role = _role_of(colon.group("labels"))
        if role:
            return role, colon.group("rest")
    found = patterns.byline_prefix().match(segment.lower())
    if found is None:
        return None
    after = patterns.BYLINE_AFTER_LABEL.match(segment[len(found[0]) :])
    if after is None:
        return None
    rest = segment[len(found[0]) + after.end() :]
    if found[0] in vocab.sections("byline.txt")["desk-then-name"]:
        rest = rest.partition(",")[2] or rest  # "Kontributor Bandung, Agie Permadi"
    return found[1], rest


def _role_of(labels: str) -> str | None:
    table = vocab.byline_labels()
    roles = {table.get(part.strip().lower()) for part in re.split(r"&|/|\bdan\b|\band\b", labels)}
    roles.discard(None)
    if not roles:
        return None
    # "Redaktur & Reporter : X": one person is both, so X is the author.
    return "author" if "author" in roles else "editor"


def _role_suffix(text: str) -> Byline | None:
    """ "Danandaya Arya putra, Jurnalis": names, then the role."""
    match = _ROLE_SUFFIX.match(text)
    if not match:
        return None
    # "Jurnalis", "Staff Writer", "AP National Political Writer": the last word names it
    role = _role_of(match.group("role")) or _role_of(match.group("role").split()[-1])
    names = [
        n for n in (clean_name(x) for x in _split_names(match.group("names"))) if is_person_name(n)
    ]
    if role is None or not names:
        return None
    return Byline(tuple(names), ()) if role == "author" else Byline((), tuple(names))


def _split_names(rest: str) -> list[str]:
    rest = patterns.NAME_NOISE.sub(" ", rest)
    rest = patterns.NAME_TAIL.sub("", rest)
    names = (patterns.NAME_PLACE.sub("", x) for x in patterns.NAME_SPLIT.split(rest))
    return [x for x in names if x.strip()]


def clean_name(name: str) -> str:
    """Trim punctuation; "AHMAD ALFIAN" (a byline in capitals) -> "Ahmad Alfian"."""
    name = " ".join(name.strip(" .,:;-–—|").split())
    if name.isupper() and len(name) > 3:
        name = " ".join(w.capitalize() if len(w) > 2 else w for w in name.split())
    return name


def is_person_name(name: str) -> bool:
    """A personal name: capitalised words, no organisation or desk words."""
    tokens = name.split()
    if _NOT_NAME_CHARS.search(name) or patterns.DOMAIN.match(name):
        return False
    if not 1 <= len(tokens) <= NAME_MAX_WORDS or len(name) > 60:
        return False
    if any(ch.isdigit() for ch in name) or "." in name.replace(". ", " ").rstrip("."):
        return _dotted_initials_ok(tokens)
    if len(tokens) == 1 and (_INITIALS.match(name) and (name.isupper() or name.islower())):
        return False
    org = vocab.words("names.txt")
    lowered = [t.lower().strip(".,:") for t in tokens]
    if any(t in org for t in lowered) or patterns.DOMAIN.match(name):
        return False
    months, weekdays = vocab.calendar()
    if any(t in weekdays for t in lowered) or (len(lowered) == 1 and lowered[0] in months):
        return False  # "Wednesday", "Sherif Saed Wednesday", "November": a date's words
    if len(tokens) > 1 and _ends_with_label(lowered[-1]):
        return False  # "Sponsored By", "Foto Oleh": a label waiting for its name
    capitalised = sum(1 for t in tokens if t[:1].isupper())
    return tokens[0][:1].isupper() and capitalised / len(tokens) >= 0.6


def _ends_with_label(last: str) -> bool:
    """A byline label word ("by", "oleh", "penulis"); short abbreviations
    ("red", "rep") are labels only before a colon or slash, and may be
    surnames."""
    return bool(vocab.byline_labels().get(last)) and (len(last) > 3 or last == "by")


def _dotted_initials_ok(tokens: list[str]) -> bool:
    # "Array A. Argus" is a name; "tr-03", "Liputan6.com" are not.
    if any(ch.isdigit() for t in tokens for ch in t):
        return False
    org = vocab.words("names.txt")
    return all(t[:1].isupper() and t.lower().strip(".") not in org for t in tokens) and any(
        len(t.strip(".")) > 2 for t in tokens
    )


def unique(items: list[str]) -> list[str]:
    """``items`` without repeats (case-insensitive), in order."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out
