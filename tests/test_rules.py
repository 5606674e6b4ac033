"""Rule tables: input -> expected, with negative sets that must not change."""

from __future__ import annotations

import pytest

from bersih.model import Block
from bersih.rules.byline import is_person_name, parse_byline
from bersih.rules.dates import find_date, is_date_line
from bersih.rules.features import features, lexicon_rule
from bersih.rules.firstpass import first_pass
from bersih.rules.header import clean_title, match_dateline

DATELINES = [
    ("PONOROGO - Masih maraknya", "PONOROGO", None),
    ("jpnn.com, TERNATE - Insiden pembakaran", "TERNATE", None),
    ("JAKARTA, KOMPAS.com - Pemerintah", "JAKARTA", None),
    ("Jakarta (ANTARA) - Kementerian", "Jakarta", "ANTARA"),
    ("TRIBUNJATIM.COM, PONOROGO - Calon", "PONOROGO", None),
    ("Liputan6.com, Jakarta - Menteri", "Jakarta", None),
    ("Liputan6.com, Jakarta Dalam era teknologi", "Jakarta", None),
    ("REPUBLIKA.CO.ID, JAKARTA -- Menteri", "JAKARTA", None),
    ("Teluk Kuantan (ANTARA) - Masyarakat", "Teluk Kuantan", "ANTARA"),
    ("Palangka Raya, Wahana Kalteng – Kapolresta", "Palangka Raya", None),
    ("JABARNEWS | PURWAKARTA – Kegiatan", "PURWAKARTA", None),
    ("Sungai Apit– Untuk mengetahui", "Sungai Apit", None),
    ("JAKARTA. Hujan deras yang mengguyur", "JAKARTA", None),
    ("KONTAN.CO.ID - JAKARTA. Indeks Harga", "JAKARTA", None),
    ("LONDON (Reuters) - Britain's economy", "LONDON", "Reuters"),
    ("Deli Serdang | TribuneIndonesia.com-", "Deli Serdang", None),
    ("Deli Serdang - TribuneIndonesia.com-", "Deli Serdang", None),
    ("JAKARTA, iNews.id - Presiden", "JAKARTA", None),
    ("Jakarta, CNN Indonesia -- Pemerintah", "Jakarta", None),
    ("BATANGHARI, JAMBI-INDEPENDENT.CO.ID - Satgas", "BATANGHARI", None),
    ("MASOHI, Polres Maluku Tengah – Jumat", "MASOHI", None),
    ("(CNN) — The storm", None, "CNN"),
    ("Hong Kong (CNN Business)A muddled view of trade talks", "Hong Kong", "CNN Business"),
    ("BANDA ACEH (Waspada): Gubernur Aceh", "BANDA ACEH", "Waspada"),
    ("Medan, (Analisa). Gubernur Sumatera Utara", "Medan", "Analisa"),
    # press releases over a wire
    ("PITTSBURGH, March 11, 2025 /PRNewswire/ -- Northwind", "PITTSBURGH", "PRNewswire"),
    ("AUSTIN, Texas, March 11, 2025 (GLOBE NEWSWIRE) -- Acme", "AUSTIN", "GLOBE NEWSWIRE"),
    ("SAN FRANCISCO--(BUSINESS WIRE)--Acme today announced", "SAN FRANCISCO", "BUSINESS WIRE"),
    ("JAKARTA, 5 Maret 2025 /PRNewswire/ -- PT Maju", "JAKARTA", "PRNewswire"),
    ("Jakarta. Bandung-based agritech startup TaniKirim", "Jakarta", None),
    ("New York CNN — Shipping rates are surging", "New York", "CNN"),
    ("New York CNN —", "New York", "CNN"),
]
# A site name where a place would be: cut from the text, but no dateline.
SITE_ONLY = [
    "JATIMTIMES - Polres Malang",
    "TANGERANGEKSPRES.CO.ID - Komplotan",
    "Tribratanewssumbabarat.com; Kegiatan",
]
NOT_DATELINES = [
    "Masih maraknya Tindak Pidana Perdagangan Orang",
    "Menurut Kapolres, kegiatan - yang digelar rutin - berjalan lancar.",
    "Bertempat di Aula Wengker Polres Ponorogo, Senin (14/8/2023), TPPO dibahas",
    '"Mulai keluarga, lembaga pendidikan," ungkap AKBP Wimboko.',
    "Badan Pusat Statistik (BPS) Jawa Timur mencatat inflasi",
    "Dinas Kesehatan (Dinkes) Kota Bogor menyebut",
    "Badan Pusat Statistik (BPS): Inflasi naik",
    "BPS (Badan Pusat Statistik): Inflasi naik",
    "Menteri Keuangan (Menkeu). Sri Mulyani",
    "Republican Gov. Eric Holcomb and leaders of the state",
    "Cmdr. Sean Robertson, a spokesperson",
    "Selasa. Polisi menangkap dua orang",
]


@pytest.mark.parametrize(("text", "place", "agency"), DATELINES)
def test_dateline(text: str, place: str, agency: str | None) -> None:
    found = match_dateline(text)
    assert found is not None
    assert (found.place, found.agency) == (place, agency)


@pytest.mark.parametrize("text", SITE_ONLY)
def test_site_prefix_is_not_a_place(text: str) -> None:
    found = match_dateline(text)
    assert found is not None and found.place is None and found.site


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("LONDON, March 5 (Reuters) - Oil prices rose", None),
        ("JAKARTA, 5 Maret (ANTARA) - Harga minyak", None),
        ("JAKARTA, iNews.id - Presiden", "iNews.id"),
    ],
)
def test_dateline_site_is_never_a_date(text: str, site: str | None) -> None:
    found = match_dateline(text)
    assert found is not None and found.site == site


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_not_a_dateline(text: str) -> None:
    assert match_dateline(text) is None


BYLINES = [
    ("Penulis: Aqwamit Torik | Editor: Ayu Mufihdah KS", ["Aqwamit Torik"], ["Ayu Mufihdah KS"]),
    ("Rep: Dessy Suciati Saputri/ Red: Ilham", ["Dessy Suciati Saputri"], ["Ilham"]),
    ("Redaktur & Reporter : Friederich", ["Friederich"], []),
    ("Laporan Wartawan TribunJatim.com, Aqwamit Torik", ["Aqwamit Torik"], []),
    ("Laporan Wartawan Tribun Medan, Array A Argus", ["Array A Argus"], []),
    ("Pewarta: Gilang Galiartha", ["Gilang Galiartha"], []),
    ("Editor : Iskandar Nasution", [], ["Iskandar Nasution"]),
    ("Danandaya Arya putra, Jurnalis", ["Danandaya Arya putra"], []),
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"], []),
    # the writer, then the channel or network: a camel-case brand, an acronym first
    ("Angga Prasetyo - detikJateng", ["Angga Prasetyo"], []),
    ("Dinda Ayu Lestari | CNN Indonesia", ["Dinda Ayu Lestari"], []),
    ("Jane Smith - BBC News", ["Jane Smith"], []),
    (
        "Penulis: Nadia Permatasari, Yohanes Kurniawan | Editor: Ardiansyah Putra",
        ["Nadia Permatasari", "Yohanes Kurniawan"],
        ["Ardiansyah Putra"],
    ),
    ("LAPORAN: AHMAD ALFIAN", ["Ahmad Alfian"], []),
    ("oleh Liputan6 diperbarui 22 Nov 2024, 03:02 WIB", [], []),
    ("Redaktur & Reporter : Tim Redaksi", [], []),
    ("Upload by Admin - 22 November 2021", [], []),
    # a name, then the writer's handle or the date (English portals)
    ("Catherine Shu @catherineshu / 2 days", ["Catherine Shu"], []),
    ("Nishant Kumar @Nishantopines", ["Nishant Kumar"], []),
    ("Chris Davies - Nov 19, 2019, 10:31 pm CST", ["Chris Davies"], []),
    ("Steve Peoples, AP National Political Writer", ["Steve Peoples"], []),
    ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"], []),
    (
        "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST",
        ["Michael David Smith"],
        [],
    ),
    ("Kontributor Bandung, Agie Permadi", ["Agie Permadi"], []),
    (
        "Reporting by Jane Smith in Jakarta and Bob Jones in Washington; Editing by Tom Hogue",
        ["Jane Smith", "Bob Jones"],
        ["Tom Hogue"],
    ),
    ("Fajar Nugroho - detikNews", ["Fajar Nugroho"], []),
    ("Jane Smith | Staff writer", ["Jane Smith"], []),
    # writers joined by "and", then their outlet (Gannett papers)
    ("Kevin Johnson and Kevin McCoy USA TODAY", ["Kevin Johnson", "Kevin McCoy"], []),
    (
        "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader",
        ["Lisa Kaczke", "Trevor J. Mitchell"],
        [],
    ),
]
NOT_BYLINES = [
    "Oleh karena itu, naik turun IHSG selalu menjadi perhatian para investor.",
    "By the time the police arrived, the suspect had fled.",
    "Kapolda: Polisi di Malut Siaga",
    "Kapolres Ponorogo, AKBP Wimboko S.I.K, M.Si mengatakan untuk memberantas TPPO",
    # an embedded tweet's attribution, a headline, a name beside no date
    "— Robert Maguire (@RobertMaguire_) November 18, 2019",
    "Kevin Durant Leads Nets Past Lakers 110-99",
    "Chris Davies - the story so far",
    "Joe Biden and Kamala Harris Visit Ohio",
    "Trump and Biden Trade Barbs Over Times",
    "Kevin Johnson USA TODAY",
    "Deli Serdang | TribuneIndonesia.com-",
    "Deli Serdang - TribuneIndonesia.com-",
    "Kota Bandung | CNN Indonesia",
    "Foto: Ilustrasi (Thinkstock)",
    "Foto: Dok. Istimewa",
]


@pytest.mark.parametrize(("text", "authors", "editors"), BYLINES)
def test_byline(text: str, authors: list[str], editors: list[str]) -> None:
    found = parse_byline(text)
    assert found is not None
    assert (list(found.authors), list(found.editors)) == (authors, editors)


@pytest.mark.parametrize("text", NOT_BYLINES)
def test_not_a_byline(text: str) -> None:
    found = parse_byline(text)
    assert found is None or (not found.authors and not found.editors)


@pytest.mark.parametrize(
    "name",
    ["Achmad Sarjono", "Friederich", "Array A. Argus", "Danandaya Arya putra", "Sarah Red"],
)
def test_person_names(name: str) -> None:
    assert is_person_name(name)


@pytest.mark.parametrize(
    "name",
    [
        *("Tim Redaksi", "Kompas Cyber Media", "TribunJatim.com", "jfr", "tr-03", "Admin"),
        *("Liputan6", "Sponsored By", "Story By", "Foto Oleh"),
        *("Read More", "Report Error", "More From WIRED", "Community Guidelines"),
        *("Wednesday", "Sherif Saed Wednesday", "November"),
    ],
)
def test_not_person_names(name: str) -> None:
    assert not is_person_name(name)


DATES = [
    ("Senin, 14 Agustus 2023 10:15 WIB", "2023-08-14"),
    ("20 - Oct - 2024, 04:05", "2024-10-20"),
    ("Sabtu, 06 April 2019 - 17:40:00 WIB", "2019-04-06"),
    ("Jumat 21 Aug 2015 22:17 WIB", "2015-08-21"),
    ("Selasa, 27 Oktober 2020 – 19:11 WIB", "2020-10-27"),
    ("Updated 10:42 AM EST, Tue March 5, 2024", "2024-03-05"),
    ("Khamis, 7 Mac 2024 | 11:05 pagi", "2024-03-07"),
    ("2024-01-31", "2024-01-31"),
    ("14/08/2023 10:15 WIB", "2023-08-14"),
]


@pytest.mark.parametrize(("text", "iso"), DATES)
def test_dates(text: str, iso: str) -> None:
    found = find_date(text)
    assert found is not None and found[0] == iso


@pytest.mark.parametrize(
    "text",
    ["Senin (14/8/2023)", "kemarin (14/11)", "Pukul 10.15 WIB", "31 Februari 2023", "Agenda 2024"],
)
def test_not_dates(text: str) -> None:
    assert find_date(text) is None


def test_date_line_vs_sentence() -> None:
    assert is_date_line("Kamis 29 Januari 2026 17:25 WIB")
    assert not is_date_line("Banjir merendam rumah warga pada 29 Januari 2026 di Jakarta Utara")
    # a label's words ("Published On", "Diperbarui pada") keep a date line one
    assert is_date_line("Published On 5 Mar 2025")
    assert is_date_line("Diperbarui pada 20 November 2025")
    assert not is_date_line("On 5 March 2025 the council voted")


TITLES = [
    ("Hujan Deras di Jakarta - Kompas.com", "Hujan Deras di Jakarta"),
    ("Prabowo Sapa Warga Ponorogo | Tribunnews.com", "Prabowo Sapa Warga Ponorogo"),
    ("Luhut Minta Menteri Kompak Halaman all", "Luhut Minta Menteri Kompak"),
    ("Kapolda: Polisi di Malut Siaga", "Kapolda: Polisi di Malut Siaga"),
    (
        "Nyalakan Tanda Bahaya, Rupiah Paling Lemah di Asia!",
        "Nyalakan Tanda Bahaya, Rupiah Paling Lemah di Asia!",
    ),
    (
        "Pidato Prabowo soal Indonesia Bubar sebagai Early Warning",
        "Pidato Prabowo soal Indonesia Bubar sebagai Early Warning",
    ),
]


@pytest.mark.parametrize(("raw", "clean"), TITLES)
def test_title_cleaning(raw: str, clean: str) -> None:
    assert clean_title(raw) == clean


LEXICON = [
    ("Artikel Sebelumnya", "nav.prev-next"),
    ("Berita terkait", "section.related"),
    ("Rekomendasi", "section.related"),
    ("Baca juga: Lima Desa Masuk Zona Merah", "related.inline"),
    ("BACA JUGA:", "related.inline"),
    ("Baca: Tangisan Korban First Travel", "related.inline"),
    ("Ikuti Kami", "promo.follow"),
    ("Simak breaking news dan berita pilihan kami langsung di ponselmu.", "promo.follow"),
    ("Silakan baca konten menarik lainnya dari JPNN.com di Google News", "promo.follow"),
    ("ADVERTISEMENT", "ad.marker"),
    ("SCROLL TO CONTINUE WITH CONTENT", "ad.marker"),
    ("Copyright © ANTARA 2024", "footer.copyright"),
    ("Foto: Republika/Rakhmawaty La'lang", "caption.photo"),
    ("Share :", "promo.share"),
    ("This story has been shared 19,590 times.", "promo.share"),
    # section headings: a heading phrase and a section's name
    ("More in World", "section.related"),
    ("More U.S.", "section.related"),
    ("Most read in Politics", "section.related"),
    ("Trending News", "section.related"),
    ("Terpopuler di Regional", "section.related"),
    ("More From the Los Angeles Times", "section.related"),
    ("Privacy Policy", "footer.copyright"),
    ("Pedagang beras di pasar induk (Ilustrasi)", "caption.photo"),
    ("You have been successfully subscribed!", "promo.subscribe"),
    ("By signing up, you agree to our Privacy Policy and Terms of Use.", "promo.subscribe"),
    ("The Latest", "section.related"),
    ("Related Tags:", "section.tags"),
    ("Tell us what YOU think...", "section.comments"),
    ("Berikut video lengkapnya.", "related.inline"),
    # a newsletter box's messages, share buttons' labels, a publisher's imprint
    ("Thanks for signing up!", "promo.subscribe"),
    ("Keep an eye on your inbox for the latest sports news.", "promo.subscribe"),
    ("There was an error processing your subscription.", "promo.subscribe"),
    (
        "Please check the opt-in box to acknowledge that you would like to subscribe.",
        "promo.subscribe",
    ),
    ("No spam, we promise. You can unsubscribe at any time.", "promo.subscribe"),
    ("See All Newsletters", "promo.subscribe"),
    ("Terima kasih telah berlangganan newsletter kami.", "promo.subscribe"),
    ("Click to share on Twitter (Opens in new window)", "promo.share"),
    ("Click to email this to a friend (Opens in new window)", "promo.share"),
    ("Our Latest Stories", "section.related"),
    ("Share All sharing options for: The law that fuels the smog", "promo.share"),
    ("Like this story? Share it with a friend!", "promo.share"),
    ("Flipboard", "promo.share"),
    # Indonesian portals' widgets and English footers
    ("Gulir ke bawah untuk lanjut membaca", "ad.marker"),
    ("Berita Populer", "section.related"),
    ("Pilihan Untukmu", "section.related"),
    ("Download Apps Detikcom Sekarang https://apps.example.com/", "promo.follow"),
    ("Lihat Foto", "caption.photo"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "footer.copyright"),
    ("This article originally appeared on Example.com", "related.inline"),
    ("Get the latest news delivered to your inbox", "promo.subscribe"),
    ("Skip Ad", "ad.marker"),
    ("toggle caption", "caption.photo"),
    ("Sponsored Links by Taboola", "section.related"),
    ("Filed under: Politics", "section.tags"),
    ("Enter your email address", "promo.subscribe"),
    ("Have a news tip? Email us.", "promo.follow"),
    ("CLICK HERE TO GET THE FOX NEWS APP", "promo.follow"),
    ("Fox News' Jane Doe contributed to this report.", "footer.credit"),
    ("Example is part of Example Media Inc. Visit our corporate site.", "footer.copyright"),
    # a heading trailing off; the same headings in Malay and other languages
    ("You may also like...", "section.related"),
    ("Berita Berkaitan", "section.related"),
    ("Você pode gostar...", "section.related"),
    ("Te puede interesar", "section.related"),
    ("Das könnte Sie auch interessieren", "section.related"),
    ("Leia também:", "related.inline"),
    ("Lire aussi", "related.inline"),
    # BBC's photo blocks: the source, then a label over the caption
    ("Image source, Getty Images", "caption.source"),
    ("Image caption,", "caption.label"),
    # newsletter boxes and affiliate disclosures inside the story
    ("skip past newsletter promotion", "promo.subscribe"),
    ("Sign up here.", "promo.subscribe"),
    ("Type your email...", "promo.subscribe"),
    (
        "Thanks for reading The Transit Ledger! Subscribe for free to receive new posts.",
        "promo.subscribe",
    ),
    (
        "Disclosure: ZDNet may earn a commission from some of the products on this page.",
        "promo.affiliate",
    ),
    ("Related article", "related.inline"),
    ("Más información", "related.inline"),
    ("Also: See Black Friday coverage at CNET", "related.inline"),
    ("SEE MORE: Hong Kong protests: 800 students under siege in university", "related.inline"),
]
# Furniture known by its shape (rules/firstpass.py).
SHAPES = [
    ("Add AP News on Google", "promo.follow"),
    ("Follow us on Instagram", "promo.follow"),
    ("Ikuti berita terkini di WhatsApp", "promo.follow"),
    ("Follow BBC Cumbria on X, Facebook, Nextdoor and Instagram.", "promo.follow"),
    # a list's words for screen readers, pasted with it
    ("list of 4 items", "section.list-entry"),
    ("South Africa's rand slides as power cuts return list 3 of 4", "section.list-entry"),
    (
        "Home > Berita > Lalu Lintas > Satlantas Polres Klaten Gelar Operasi Zebra "
        "Candi 2025, 1.128 Pelanggar Terjaring",
        "nav.breadcrumb",
    ),
    ("Una calle inundada en el barrio de Orriols tras una tormenta.Mónica Torres", "caption.photo"),
    ("Boarded-up houses in Middlesbrough. Photograph: Jon Tyrell/Alamy", "caption.photo"),
    ("Workers sort vegetables in Lembang. (Photo courtesy of TaniKirim)", "caption.photo"),
]
NOT_LEXICON = [
    "More people came to the market than ever before.",
    "More Americans are moving to the suburbs",
    "Trending upward",
    "More the merrier",
    "Filed under the new law, the taxes rose by a fifth.",
    "This story has been told many times by the villagers who survived the flood.",
    "Kontak senjata terjadi di perbatasan pada Senin malam.",
    "Sumbernya dari BPS, kata dia.",
    "Pemerintah berencana berbagi data dengan warga.",
    "Reading is the best way to learn more about the world around us.",
    "Subscribers who signed up early kept the old price, the company said.",
    "Voters were asked to check their mail for the new ballot papers.",
    "More to come…",
]


@pytest.mark.parametrize(("text", "rule"), LEXICON)
def test_lexicon(text: str, rule: str) -> None:
    assert lexicon_rule(text, len(text.split())) == rule


@pytest.mark.parametrize(("text", "rule"), SHAPES)
def test_furniture_shapes(text: str, rule: str) -> None:
    block = first_pass(Block(text), features(text, None), frozenset())
    assert block.rule == rule


@pytest.mark.parametrize(
    "text",
    [
        "Add the eggs on a low heat",
        "Find out more on the council website",
        "The laws of physics apply to online business too.Click To Tweet",
    ],
)
def test_not_furniture_by_shape(text: str) -> None:
    assert first_pass(Block(text), features(text, None), frozenset()).rule == ""


@pytest.mark.parametrize("text", NOT_LEXICON)
def test_not_lexicon(text: str) -> None:
    assert lexicon_rule(text, len(text.split())) == ""


@pytest.mark.parametrize(
    "text",
    [
        "Meg James is a corporate media reporter for the Los Angeles Times.",
        "Julius is an LA Entertainment Reporter for Fox News.",
    ],
)
def test_author_bio(text: str) -> None:
    from bersih.rules.features import features
    from bersih.rules.firstpass import first_pass

    assert first_pass(Block(text), features(text, "en"), frozenset()).rule == "footer.author-bio"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("34 responses to “Lynn: “We needed to win this game””", "section.comments"),
        (
            "10 thoughts on “Business Focus: It’s Why Some People Triumph Online and Others "
            "Never Make It”",
            "section.comments",
        ),
        ("3 Komentar", "section.comments"),
        ("Halaman: 1 2 3", "nav.pages"),
        ("1 2 3 Next »", "nav.pages"),
        ("Page 2 of 5", "nav.pages"),
        ("Foto Terkini", "section.related"),
        ("(Reed Saxon / AP)", "caption.credit"),
        ("5 min read", "meta.reading-time"),
        ("Reading time: 4 minutes", "meta.reading-time"),
        ("0:00 / 2:30", "meta.reading-time"),
        ("Comments (12)", "section.comments"),
        ("New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM", "meta.date"),
        ("The council met on 19 November 2019 | and voted to rebuild the bridge.", ""),
        ("(Dik/Ysl)", ""),
        ("2 responses to the survey came back after the deadline", ""),
    ],
)
def test_furniture_by_shape(text: str, rule: str) -> None:
    from bersih.rules.features import features
    from bersih.rules.firstpass import first_pass

    assert first_pass(Block(text), features(text, "en"), frozenset()).rule == rule


def test_a_shortcode_left_in_the_text_is_furniture() -> None:
    from bersih.rules.features import features
    from bersih.rules.firstpass import first_pass

    text = '[button link="http://example.com/submit/" type="big"] Send us YOUR kit review[/button]'
    assert first_pass(Block(text), features(text, "en"), frozenset()).rule == "markup.shortcode"
    prose = "The [caption] of the photo was missing, the editor said in a short note to readers."
    assert first_pass(Block(prose), features(prose, "en"), frozenset()).rule == ""
