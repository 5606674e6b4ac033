"""Every regular expression built from the vocabularies, in one place.

Patterns are compiled once on first use. They are built only from escaped
literals, bounded repeats and anchored alternations, so none of them can
backtrack catastrophically (``tests/test_patterns.py`` checks that on
100 KB adversarial near-matches).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .. import recache, vocab

# --- lexicon keys -----------------------------------------------------------
# A block's lexicon key: lower case, bullets and leading punctuation off,
# trailing ":", "»", "|" off, spaces collapsed.
_KEY_LEAD = recache.compile(r"^[\s•●◦▪■►▸‣∙·*+>|»›\-–—]+")
# (The look-behind starts the trailing run at its first character only: a
# plain "[...]+$" retries from every character of a long run, O(n²).)
_KEY_TRAIL = recache.compile(r"(?<![\s:：»›>|])[\s:：»›>|]+$")


def lexicon_key(text: str) -> str:
    key = _KEY_TRAIL.sub("", _KEY_LEAD.sub("", text.lower()))
    return squeeze(key)


def _alternation(phrases: list[str]) -> str:
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        escaped = re.escape(phrase)
        if phrase[-1:].isalnum():
            escaped += r"(?!\w)"
        parts.append(escaped)
    return "|".join(parts)


class PrefixTable:
    """Longest-phrase prefix lookup without a regex (no compile cost, no
    backtracking): phrases grouped by their leading word (the run of letters
    and digits they start with), longest first; a key is checked against its
    own leading word's group only."""

    def __init__(self, phrases: dict[str, str]) -> None:
        self._by_word: dict[str, list[tuple[str, str]]] = {}
        for phrase, value in sorted(phrases.items(), key=lambda pv: -len(pv[0])):
            self._by_word.setdefault(_leading_word(phrase), []).append((phrase, value))

    def match(self, key: str) -> tuple[str, str] | None:
        """``(phrase, value)`` of the longest phrase ``key`` starts with at a
        word boundary, or None."""
        for phrase, value in self._by_word.get(_leading_word(key), ()):
            length = len(phrase)
            if key.startswith(phrase) and (
                length == len(key) or not key[length - 1].isalnum() or not key[length].isalnum()
            ):
                return phrase, value
        return None


_LEADING_WORD = recache.compile(r"[^\W_]*")


def _leading_word(text: str) -> str:
    """The letters and digits ``text`` starts with ("baca" of "baca: ..."; "" for "© 2024")."""
    found = _LEADING_WORD.match(text)
    return found.group() if found else ""


@cache
def lexicon_prefix() -> PrefixTable:
    return PrefixTable(vocab.boilerplate()["prefix"])


@cache
def lexicon_contains() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(vocab.boilerplate()["contains"].items(), key=lambda kv: -len(kv[0])))


@cache
def byline_prefix() -> PrefixTable:
    return PrefixTable(vocab.byline_labels())


# --- dates --------------------------------------------------------------------
_YEAR = r"(?P<y>(?:19|20)\d\d)"


@cache
def date_patterns() -> tuple[re.Pattern[str], ...]:
    """Publication-date forms, most specific first (all case-insensitive)."""
    # Month names are checked against dates.txt after the match (a regex
    # alternation of them would cost more to compile than all our cleaning).
    month = r"(?P<m>[A-Za-z]{3,10})"
    return (
        # "14 Agustus 2023", "20 - Oct - 2024", "21 Aug 2015", "5-Jun-2024"
        recache.compile(
            rf"(?<![\w/])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s{{0,3}}[-/.,]?\s{{0,3}}{month}\.?\s{{0,3}}[-/.,]?\s{{0,3}}{_YEAR}(?!\d)",
            re.I,
        ),
        # "March 5, 2024", "Aug. 21 2015"
        recache.compile(
            rf"(?<!\w){month}\.?\s{{1,3}}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s{{1,3}}{_YEAR}(?!\d)",
            re.I,
        ),
        # "2024-01-31", "2024/01/31"
        recache.compile(rf"(?<![\d/]){_YEAR}[-/](?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)(?![\d/])"),
        # "14/08/2023", "14-08-2023", "14.08.2023" (day first, as in Indonesia)
        recache.compile(rf"(?<![\d/(])(?P<d>[0-3]?\d)[-/.](?P<m>[01]?\d)[-/.]{_YEAR}(?![\d/])"),
    )


# --- datelines ---------------------------------------------------------------
# A domain-like site name ("jpnn.com", "REPUBLIKA.CO.ID", "Radar Seluma.Disway.Id").
_DOMAIN = (
    r"[\w-]+(?:\.[\w-]+)*\."
    r"(?i:com|co\.id|id|net|org|news|tv|info|web\.id|or\.id|go\.id|my|co|io)(?![\w.])"
)
# A place: one to four capitalised words ("PONOROGO", "Teluk Kuantan").
_PLACE = r"(?P<place>[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3})"
_DASH = r"\s{0,3}[-–—]{1,2}(?:\s+|$)"

_SITE = rf"(?P<site>{_DOMAIN}|[A-Z][A-Z0-9]{{2,20}})"
_AGENCY = r"(?:\((?P<agency>[^()]{2,30})\))?"
#: "SITE, PLACE -" / "SITE | PLACE -" (site first).
DATELINE_SITE_FIRST = recache.compile(
    rf"^{_SITE}\s{{0,2}}[,|]\s{{0,2}}{_PLACE}\s{{0,2}}{_AGENCY}{_DASH}"
)
#: "SITE; Text" / "SITE, Text" (a site name only, no place).
DATELINE_SITE_ONLY = recache.compile(rf"^(?P<site>{_DOMAIN})\s{{0,2}}[,;|:]\s{{0,2}}(?=[A-Z\"“])")
#: "PLACE, SITE -", "PLACE (AGENCY) -", "PLACE -", "PLACE | SITE-" (place first).
# A site name after the place: words, inner hyphens ("JAMBI-INDEPENDENT"), a domain tail.
_SITE_AFTER = r"[A-Z0-9](?:[^-–—,.|()\"“]|-(?=\w)){1,30}?(?:\.[\w-]+){0,3}"
DATELINE_PLACE_FIRST = recache.compile(
    rf"^{_PLACE}\s{{0,2}}(?:[,|]\s{{0,2}}(?P<site>{_DOMAIN}|{_SITE_AFTER}),?)?\s{{0,2}}{_AGENCY}{_DASH}"
)
#: "New York CNN — ...": a network's dateline pasted without its parentheses
#: (the place in title case, the network's acronym in capitals).
DATELINE_NETWORK = recache.compile(
    r"^(?P<place>[A-Z][a-z][\w'’.]*(?:[ -][A-Z][a-z][\w'’.]*){0,3})\s{1,3}"
    r"(?P<agency>[A-Z]{2,6}(?: [A-Z][a-z]+)?)\s{0,3}[-–—]{1,2}\s{0,3}(?=[A-Z\"“]|$)"
)
#: "Hong Kong (CNN Business)A muddled ...": a network's dateline pasted
#: without its space (the network's name sits in its own element).
DATELINE_GLUED = recache.compile(
    rf"^{_PLACE}\s{{0,2}}\((?P<agency>[A-Z][\w .]{{1,20}})\)(?=[A-Z\"“])"
)
#: "BANDA ACEH (Waspada): ...": a regional paper's name in parentheses, then a
#: colon, after a place in capitals ("Badan Pusat Statistik (BPS): ..." is a sentence).
DATELINE_PAREN_COLON = recache.compile(
    r"^(?P<place>[A-Z]{4,}|[A-Z]{2,}(?:[ -][A-Z]{2,}){1,3})\s{0,2}"
    r"\((?P<agency>[A-Z][\w.]{1,20}(?: [A-Z][\w.]{1,20})?)\)"
    r"\s{0,2}:\s{1,3}(?=[A-Z\"“])"
)
#: "Medan, (Analisa). ...", "Bandung, (PR).- ...": the paper after a comma, then a full stop.
DATELINE_PAREN_DOT = recache.compile(
    rf"^{_PLACE},\s{{0,2}}\((?P<agency>[A-Z][\w .]{{1,20}})\)\s{{0,2}}\.-?\s{{1,3}}(?=[A-Z\"“])"
)
#: A press release's dateline: "PITTSBURGH, March 11, 2025 /PRNewswire/ -- ",
#: "AUSTIN, Texas, March 11, 2025 (GLOBE NEWSWIRE) -- " (place, date, wire).
DATELINE_WIRE = recache.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,30}?)(?:,\s{0,2}[A-Z][A-Za-z. ]{1,20}?)?,\s{0,2}"
    r"(?:[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4}|\d{1,2}\s[A-Z][a-z]{2,8}\s\d{4})\s{0,2}"
    r"(?:/(?P<agency>[A-Za-z][\w -]{1,30})/|\((?P<wire>[A-Z][A-Za-z ]{2,30})\))"
    r"\s{0,2}(?:--|[–—])\s{0,3}"
)
#: "SAN FRANCISCO--(BUSINESS WIRE)--" (Business Wire's own form).
DATELINE_WIRE_DASHED = recache.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ ,-]{1,40}?)--\((?P<agency>[A-Z][A-Za-z ]{2,30})\)--\s{0,3}"
)
#: "(CNN) — The ..." (an agency or network alone).
DATELINE_AGENCY_ONLY = recache.compile(rf"^\((?P<agency>[A-Z][\w .]{{1,20}})\){_DASH}")
#: "JAKARTA. Hujan ..." / "KONTAN.CO.ID - JAKARTA. Indeks ..." (upper-case
#: place and a full stop, Kontan style).
DATELINE_CAPS_DOT = recache.compile(
    rf"^(?:(?P<site>{_DOMAIN})\s{{0,2}}[-–—|,]\s{{0,2}})?"
    r"(?P<place>[A-Z]{3,}(?: [A-Z]{3,}){0,2})\.\s+(?=[A-Z])"
)
#: "Jakarta. Bandung-based startup ..." (Jakarta Globe: a title-case place of
#: words of five letters or more, a full stop; "Sen. Ted Cruz", "Prof. Carlos"
#: are a rank's abbreviations; the place is checked against ranks too).
DATELINE_TITLE_DOT = recache.compile(
    r"^(?P<place>[A-Z][a-z]{4,}(?: [A-Z][a-z]{4,})?)\.\s+(?=[A-Z])"
)
#: "Liputan6.com, Jakarta Dalam ..." (site, place, no dash).
DATELINE_NO_DASH = recache.compile(
    rf"^(?P<site>{_DOMAIN}),\s{{0,2}}(?P<place>[A-Z][a-z]+)\s+(?=[A-Z])"
)
#: A site name in upper case, not a place ("JATIMTIMES", "JABARNEWS").
SITE_WORD = recache.compile(
    r"(?:\.(?:COM|CO|ID|NET)|TIMES|NEWS|POST|POS|EKSPRES|EXPRESS|ONLINE|TV|MEDIA|INFO)$"
)
DOMAIN = recache.compile(rf"^{_DOMAIN}$", re.I)


#: A brand written in camel case from a lower-case start: "detikJateng",
#: "kumparanHITS", "tribunJatim" (no personal name is written so).
CAMEL_BRAND = recache.compile(r"^[a-z]{2,}[A-Z][\w.]*$")


def is_site_name(name: str) -> bool:
    """A site's name: a domain ("jpnn.com"), a name ending like one
    ("detikNews") or a camel-case brand ("detikJateng")."""
    return bool(DOMAIN.match(name) or SITE_WORD.search(name.upper()) or CAMEL_BRAND.match(name))


# --- end markers --------------------------------------------------------------
@cache
def end_marker() -> re.Pattern[str]:
    """ "(*)", "(humas)", "(fru)", "(afz/jpnn)", "(JPG/tr-03/jfr)" at the end."""
    words = _alternation(sorted(vocab.words("endmarkers.txt")))
    return recache.compile(
        r"\s{0,3}(?:[(\[](?:\*{1,3}|[a-z]{2,8}|(?i:" + words + r")"
        r"|[\w.-]{1,15}(?:/[\w .-]{1,20}){1,4})[)\]]|\*{3})\s{0,3}$"
    )


#: A site's copyright notice, not a photo credit: a year or the rights formula
#: ("© 2019 CBS Interactive Inc. All rights reserved.", "Copyright 2024 AP").
COPYRIGHT_NOTICE = recache.compile(
    r"(?:©|\(c\)|copyright|hak cipta)[^\n]{0,40}?(?:19|20)\d\d(?!\d)"
    r"|rights reserved|hak cipta dilindungi|semua hak dilindungi",
    re.I,
)


# --- bylines -----------------------------------------------------------------
#: "Label: rest" / "Label & Label : rest" (the label is checked against byline.txt).
BYLINE_COLON = recache.compile(r"^(?P<labels>[^:：\d]{1,40}?)\s{0,3}[:：]\s{0,3}(?P<rest>.*)$")
#: After a label without a colon: " - ", "-", or a space before a capital.
BYLINE_AFTER_LABEL = recache.compile(r"^(?:\s{0,3}[-–—]\s{0,3}|\s{1,3}(?=[A-Z]))")


#: "by Jeff Foust", "oleh Admin": a byline inside a line.
BYLINE_BY = recache.compile(r"(?:^|\s)(?:[Bb]y|[Oo]leh)\s+[A-Z]")
#: Separators between byline segments ("Penulis: X | Editor: Y", "Rep: X/ Red: Y").
BYLINE_SEGMENTS = recache.compile(r"\s*(?:\||;|/\s|\s/|•|·|\s{3,}|\s-\s(?=[A-Z][\w ]{0,20}:))\s*")
#: A second "Label:" inside a byline segment ("Rep: X Red: Y").
INNER_LABEL = recache.compile(r"(?<=\s)([A-Z][A-Za-z]{1,15})\s{0,2}:")
#: Separators between names in one segment.
# (Leading spaces only from the start of their run: "\s*X" retries from every
# character of a long run of spaces, O(n²). Same splits.)
NAME_SPLIT = recache.compile(r"(?:(?<!\s)\s+)?(?:,|&|\band\b|\bdan\b|\bserta\b)\s*")
#: Trailing noise after a name ("diperbarui 22 Nov", "- 22 November 2021").
NAME_TAIL = recache.compile(
    r"(?<!\s)\s+(?:diperbarui|diterbitkan|updated|published|pada|on|at|\d|[-–—|]\s).*$", re.I
)
#: Where a writer filed from, after the name ("Jane Smith in Jakarta").
NAME_PLACE = recache.compile(r"(?<!\s)\s{1,3}in\s{1,3}[A-Z][\w .'’-]*$")
#: "(https://…)" style links, e-mail addresses and handles in a byline.
# (Bounded by the brackets and by the look-behind: "\(.*?\)" and "\S+@" retry
# from every character of a long run without ")" or "@", O(n²).)
NAME_NOISE = recache.compile(r"\([^()\n]*\)|(?<![^\s()])[^\s@()]+@\S+|@\w+|https?://\S+")

# --- words and sentences -----------------------------------------------------
WORD = recache.compile(r"\w+(?:[-'’]\w+)*")
#: Characters of text tokenised at a time by the helpers below: a 50 MB
#: paragraph never becomes one list of millions of word strings.
WORD_CHUNK_CHARS = 64 * 1024
_OTHER_SPACE = recache.compile(r"[^\S ]")


def word_chunks(text: str) -> Iterator[list[str]]:
    """The ``WORD``s of ``text``, a bounded list at a time (cut at spaces)."""
    start = 0
    while start < len(text):
        end = text.find(" ", start + WORD_CHUNK_CHARS)
        end = len(text) if end < 0 else end
        yield WORD.findall(text, start, end)
        start = end


def count_words(text: str, limit: int | None = None) -> int:
    """How many ``WORD``s ``text`` has (counting may stop once past ``limit``)."""
    n = 0
    for words in word_chunks(text):
        n += len(words)
        if limit is not None and n > limit:
            break
    return n


def squeeze(text: str) -> str:
    """``" ".join(text.split())`` without the list of words (same result)."""
    if _OTHER_SPACE.search(text):
        return " ".join(text.split())
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


TERMINAL = recache.compile(r"[.!?…。！？][\"”’')\]」』]*\s*$|[\"”」]\s*$")
#: Scripts written without spaces (Chinese, Japanese, Thai): about two
#: characters make a word, so length rules still work on them.
_UNSPACED_RANGES = r"\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Characters that may be of such a script: anything past U+0DFF but general
#: punctuation and currency signs. Latin text never has one, and this class
#: compiles in a fraction of the time the exact one takes (~4 ms, on every
#: start), so the exact one is compiled only for text that needs it.
_MAYBE_UNSPACED = recache.compile(r"(?![\u2000-\u206f\u20a0-\u20cf])[^\x00-\u0dff]")


@cache
def unspaced() -> re.Pattern[str]:
    """A character of a script written without spaces."""
    return recache.compile(f"[{_UNSPACED_RANGES}]")


def count_unspaced(text: str) -> int:
    """Characters of unspaced scripts in ``text`` (no list of them)."""
    if not _MAYBE_UNSPACED.search(text) or not unspaced().search(text):
        return 0
    return unspaced().subn("", text)[1]


TAGS_LINE = recache.compile(
    r"^(?:tags?|topik|topics?|kata kunci|keywords|label)\s{0,2}[:：]\s{0,2}(?P<tags>\S.{0,300})$",
    re.I,
)
#: A related-story link glued to the end of a paragraph ("... BEI. Baca Juga: IHSG menguat").
INLINE_RELATED = recache.compile(
    r"(?<=[.!?\"”])\s{1,3}(?=(?:Baca|BACA|Simak|SIMAK|Lihat|LIHAT)(?:\s(?:[Jj]uga|JUGA|[Pp]ula))?\s{0,2}:)"
)
#: "date 2023-08-29 Title ..." (a scraper's date field glued to a line).
LEADING_ISO_DATE = recache.compile(
    r"^(?:date|tanggal|published|diterbitkan)\s{1,3}(?:19|20)\d\d-\d\d-\d\d\s+", re.I
)
#: An excerpt's cut mark: "[…]", "[...]", "(...)".
EXCERPT_END = recache.compile(r"[\[(](?:…|\.{3})[\])]\s*$")
#: A paragraph cut off after a word by an ellipsis ("... esperando mais …").
CUT_OFF = recache.compile(r"\w\s?(?:…|\.{3})\s*$")
#: "32M ago", "2 hours ago", "5 menit lalu", "1 jam yang lalu".
RELATIVE_TIME = recache.compile(
    r"^(?:updated\s|published\s|posted\s|diperbarui\s|diterbitkan\s)?\d{1,3}\s{0,2}(?:[smhd]|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?|detik|menit|jam|hari|minggu|bulan|tahun)\s{1,2}(?:ago|(?:yang\s)?lalu)$",
    re.I,
)
#: A photo credit in capitals: "TRIBUNNEWS/IRWAN RISMAWAN", "ANTARA FOTO/GALIH".
CREDIT_LINE = recache.compile(r"^[A-Z0-9][A-Z0-9 .,&'’()-]{1,60}/[A-Z0-9 .,&'’()/-]{2,80}$")
#: A photo credit in parentheses, photographer and outlet: "(Reed Saxon / AP)"
#: (a name of two words or a domain on one side: "(Dik/Ysl)" is an end marker).
PAREN_CREDIT = recache.compile(
    r"^\((?=[^)]*(?:\w [A-Z]|\w\.\w))[A-Z][\w.'’ -]{1,40}\s?/\s?[A-Z][\w.&'’ -]{1,40}\)$"
)
#: A photo credit glued to the end of a caption: "... (tengah). TRIBUNNEWS/IRWAN RISMAWAN",
#: "... Jakarta. ANTARA FOTO/Galih Pradipta/foc." (a source in capitals, a slash, a name).
#: Or a credit word and the source after the caption's last sentence:
#: "... owners from selling. Photograph: Jon Tyrell/Alamy", "... (Foto: Dok. Humas)",
#: "... West Java. (Photo courtesy of TaniKirim)".
CREDIT_TAIL = recache.compile(
    r"(?:^|[.)])\s{0,2}(?:[A-Z]{2,}[ .]){0,2}[A-Z]{4,}(?:\.COM|\.CO\.ID)?/"
    r"[A-Za-z][\w .'’-]{1,40}(?:/[\w.]{1,12})?\.?\s{0,2}$"
    r"|[.!?”\"]\s{1,2}\(?(?:Photograph|Photo|Picture|Image|Illustration|Foto|Gambar|Ilustrasi)"
    r"(?:\s(?:by|courtesy of|courtesy|oleh|dari)\s|\s?:\s?)[A-Z][\w .,&'’/-]{1,60}\)?\.?\s{0,2}$"
)
#: "... en octubre de 2024.Mónica Torres": the photographer glued to the
#: caption's full stop (the name is checked to be one: "...Click To Tweet").
GLUED_CREDIT = recache.compile(
    r"[a-z0-9)]\.(?P<name>(?=[A-ZÀ-ÖØ-Þ])\w[\w'’-]*(?: (?=[A-ZÀ-ÖØ-Þ])\w[\w'’-]*){1,3})$"
)
#: A prompt to follow the site on a platform: "Add AP News on Google",
#: "Follow us on Instagram", "Ikuti berita terkini di WhatsApp".
_PLATFORM = (
    r"(?:google(?: news| discover)?|whatsapp|telegram|instagram|x|twitter|facebook"
    r"|youtube|tiktok|threads|linkedin|bluesky|flipboard|nextdoor)"
)
FOLLOW_PROMPT = recache.compile(
    r"^(?:add|follow|find|get|join|tambahkan|ikuti|temukan|dapatkan|gabung)\b.{1,40}?\s"
    rf"(?:on|di|via|lewat|melalui)\s{_PLATFORM}(?:(?:,\s|,?\s(?:and|dan|&)\s){_PLATFORM})*\.?$",
    re.I,
)
#: A press release's boilerplate heading, or an author box's: "About
#: Northwind Robotics", "Tentang PT Maju Jaya", "Über Moritz Bachmann" (the
#: paragraph under it names them).
ABOUT_HEADING = recache.compile(
    r"^(?:About|Tentang|Sekilas [Tt]entang|Profil|Über|Sobre|À propos de|Acerca de)"
    r"\s+(?P<name>(?:the\s)?[A-Z0-9][^.!?:]{1,60})$"
)
#: A list's words for screen readers, pasted with it: "list of 4 items",
#: "end of list", and "list 2 of 4" after an entry's headline.
LIST_A11Y = recache.compile(
    r"^(?:list of \d{1,3} items|end of list)$|(?:^|\s)list \d{1,3} of \d{1,3}$", re.I
)
#: The opening of a box screen readers may skip: "skip past newsletter promotion".
SKIP_PAST = recache.compile(r"^skip past (?P<what>[\w' -]{3,40})$", re.I)
#: A breadcrumb trail: three or more short parts joined by ">", "»", "/", "|" or "›".
#: (The last part may be the story's own headline, a long one.)
BREADCRUMB = recache.compile(
    r"^[^>»›/|]{1,40}(?:\s[>»›/|]\s[^>»›/|]{1,40}){1,7}\s[>»›/|]\s[^>»›/|]{1,200}$"
)
#: A WordPress shortcode left in the text: "[button link=...]Send us YOUR review[/button]".
SHORTCODE = recache.compile(r"^\[(?P<tag>[a-z_]{2,20})(?:\s[^\]]{0,300})?\].{0,300}\[/(?P=tag)\]$")
#: A comments section's heading: "2 comments", "3 Komentar", "10 thoughts on
#: “...”", "34 responses to “...”" (the story's title in quotes).
COMMENTS_HEADING = recache.compile(
    r"^(?:\d{1,5}\s(?:(?:comments?|responses?|replies|thoughts?)(?:\s(?:on|to)\s[“\"‘'«].*)?"
    r"|thoughts?\son\b.*|komentar|tanggapan)|(?:comments?|komentar)\s?\(\d{1,5}\))$",
    re.I,
)
#: The heading over a story's comments that names the story: "34 responses
#: to “...”", "10 thoughts on “...”" (never a comment counter at the top).
COMMENTS_LIST_HEADING = recache.compile(
    r"^\d{1,5}\s(?:comments?|responses?|replies|thoughts?)\s(?:on|to)\s[“\"‘'«]", re.I
)
#: A page's pagination: "Halaman: 1 2 3", "Page 2 of 5", "1 2 3 Next »".
PAGINATION = recache.compile(
    r"^(?:(?:halaman|hal\.|page)\s{0,2}:?\s{0,2}\d{1,3}(?:\s{0,2}(?:dari|of|/)\s{0,2}\d{1,3})?"
    r"|\d{1,3}(?=\s))(?:\s{1,3}\d{1,3})*(?:\s{1,3}(?:next|selanjutnya|berikutnya|»|›|>))*\s*$",
    re.I,
)
#: A story's reading time: "5 min read", "Reading time: 4 minutes", "Waktu baca 3 menit".
READING_TIME = recache.compile(
    r"^(?:\d{1,3}\s{0,2}(?:min|mins|minutes?|menit)\s(?:read|baca)"
    r"|(?:reading time|read time|waktu baca|lama baca)\s?:?\s{0,2}\d{1,3}\s{0,2}"
    r"(?:min|mins|minutes?|menit))$",
    re.I,
)
#: A video player's clock: "0:00 / 2:30".
PLAYER_CLOCK = recache.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s{0,2}/\s{0,2}\d{1,2}:\d{2}(?::\d{2})?$")
#: A commenter's line: "Pamela says:", "Budi berkata:".
COMMENTER = recache.compile(r"^[\w .'’-]{1,40}\s(?:says|said|wrote|berkata|menulis)\s?:?$")
#: An author's bio: "Meg James is a corporate media reporter for the Los Angeles Times ...".
AUTHOR_BIO = recache.compile(
    r"^(?:[A-Z][\w.'’-]+\s){1,3}(?:\([^)]{1,40}\)\s)?"
    r"(?:is|was|has been)\s(?:an?|the)\s(?:[\w-]+\s){0,4}"
    r"(?i:writer|reporter|editor|correspondent|journalist|contributor|columnist|author|producer)\b"
)
#: A gallery counter glued to a caption: "1of4Grass Valley's ...".
GALLERY_COUNTER = recache.compile(r"^\d{1,3}\s?of\s?\d{1,3}(?=[A-Z\s])")
HASHTAG_LINE = recache.compile(r"^(?:#\w+[\s,]*)+$")
SITE_SUFFIX = recache.compile(
    r"\s{0,3}[|\-–—:»]\s{0,3}(?:[^|\-–—]{1,40}?(?i:\.(?:com|co\.id|id|net|org|tv))"
    r"|[A-Z]\w*(?:\s[A-Z]\w*){0,2}(?:News|NEWS|Online|Times|Post|TV|Media))\s*$"
)
# (Starts only where a run of spaces starts, and possessive: two adjacent
# "\s*" share a long run in O(n²) ways at each of its O(n) starts.)
PAGE_SUFFIX = recache.compile(
    r"(?<!\s)\s*+[-|–]?\s*+(?:Halaman|Page|Hal\.?)\s++(?:all|semua|\d{1,3})\s*$", re.I
)
