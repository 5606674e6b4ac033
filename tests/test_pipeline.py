"""Pipeline behaviour that spans stages: relaxation, explanations, languages."""

from __future__ import annotations

import pytest

from bersih import NoArticleError, Options, clean
from bersih.render.json import to_dict

PARA_1 = (
    "Pemerintah kota mulai memperbaiki saluran air di kawasan pasar lama setelah banjir "
    "merendam puluhan kios pada pekan lalu."
)
PARA_2 = (
    "Warga berharap pekerjaan itu selesai sebelum musim hujan tiba karena genangan selalu "
    "mengganggu kegiatan jual beli di pasar."
)
MENU = ["Beranda", "Nasional", "Daerah", "Ekonomi", "Olahraga", "Hiburan", "Teknologi"]


def test_relaxes_rather_than_losing_the_article() -> None:
    text = "\n\n".join([PARA_1, *MENU, PARA_2])
    article = clean(text)
    body = to_dict(article)["body"]
    assert PARA_1 in body and PARA_2 in body
    assert any(s.rule == "relaxed.body-run" for s in article.steps)


def test_every_removal_is_explained() -> None:
    text = "\n\n".join(
        ["Berita terkait", PARA_1, "Baca juga: Pasar Baru Dibuka", PARA_2, "Ikuti Kami"]
    )
    article = clean(text)
    removed = {(s.rule, s.detail) for s in article.removed}
    assert ("related.inline", "Baca juga: Pasar Baru Dibuka") in removed
    assert ("promo.follow", "Ikuti Kami") in removed


def test_other_languages_use_the_generic_rules() -> None:
    spanish = (
        "El ayuntamiento anunció el lunes un plan para renovar el mercado central de la ciudad, "
        "que cumple cien años y necesita reparaciones urgentes en el techo y en las paredes."
    )
    article = clean(
        "Mercado central será renovado\n\n" + spanish + "\n\n" + spanish.replace("lunes", "martes")
    )
    assert article.lang is None
    assert article.title == "Mercado central será renovado"
    assert spanish in to_dict(article)["body"]


def test_language_can_be_forced() -> None:
    article = clean("\n\n".join([PARA_1, PARA_2]), Options(lang="en"))
    assert article.lang == "en"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Beranda\nNasional\nDaerah", "Ikuti Kami"])
def test_no_article(text: str) -> None:
    with pytest.raises(NoArticleError):
        clean(text)


def test_unspaced_scripts_are_measured_by_characters() -> None:
    japanese = (
        "先日、不正に改造した携帯電話を販売したとして、商標法違反の疑いで男性が逮捕されたという"
        "ニュースを耳にしました。報道によると、今回販売されたのは改造された端末でした。"
    )
    article = clean("ホーム\n\nニュース\n\n" + japanese + "\n\n" + japanese.replace("先日", "昨日"))
    assert japanese in to_dict(article)["body"]


def test_subheading_over_a_list_is_kept() -> None:
    text = "\n\n".join(
        [
            PARA_1,
            "Daftar Pasar yang Akan Diperbaiki Tahun Ini",
            "- Pasar Lama di Kecamatan Utara",
            "- Pasar Baru di Kecamatan Selatan",
            PARA_2,
        ]
    )
    markdown = to_dict(clean(text))["markdown"]
    assert "## Daftar Pasar yang Akan Diperbaiki Tahun Ini" in markdown
    assert "- Pasar Lama di Kecamatan Utara" in markdown


def test_names_in_capitals_are_written_as_names() -> None:
    """A reporter's name printed in capitals, alone after the story or under
    a label line, comes out as "Dini Teja", as a labelled byline does."""
    story = "\n\n".join(["Judul Berita tentang Saluran Air Pasar Lama", PARA_1, PARA_2, PARA_1])
    assert clean(story + "\n\nDINI TEJA\n").authors == ("Dini Teja",)
    assert clean(story + "\n\nReporter\n\nDINI TEJA\n").authors == ("Dini Teja",)


EN_PARAS = [
    "The city council voted on Tuesday to rebuild the old river bridge after engineers "
    "found deep cracks in two of its supporting piers during a routine inspection.",
    "Work is expected to begin in the spring and last about eighteen months, officials "
    "said, while a temporary crossing will keep traffic moving across the river.",
    "Residents who rely on the bridge to reach the market said they welcomed the decision "
    "but worried about the detour their buses would have to take in the meantime.",
]
OTHER_STORIES = [
    "Why farmers are painting their cows with zebra stripes",
    "Some people thought the striped cattle were a joke, but the science behind them "
    "could save farmers a great deal of money every single year.",
    "Storm leaves thousands without power along the coast",
    "Crews worked through the night to restore lines brought down by the strong winds "
    "and heavy rain that swept across the region on Monday.",
    "School board approves a later start time for high schools",
    "The change, which takes effect next autumn, follows years of debate among parents "
    "and teachers about how much sleep teenagers really need.",
]


def _english_page(*, notice: str, footer: list[str], stories: list[str] = OTHER_STORIES) -> str:
    header = [
        "Home", "World", "U.S.", "Politics",
        "Storm leaves thousands without power along the coast",
        "City will rebuild the old river bridge after cracks are found",
        "Updated on: March 3, 2024 / 10:07 AM / Example News",
    ]  # fmt: skip
    return "\n\n".join([*header, *EN_PARAS, notice, *footer, *stories])


def test_the_sites_copyright_notice_closes_the_article() -> None:
    """Stories listed below the footer's notice, headline + teaser each, are
    not the article, however much prose they hold."""
    page = _english_page(notice="© 2024 Example Media Inc. All Rights Reserved.", footer=[])
    article = clean(page)
    assert article.body_text == "\n\n".join(EN_PARAS)
    assert article.title == "City will rebuild the old river bridge after cracks are found"


def test_a_photo_credit_is_no_copyright_notice() -> None:
    paras = [EN_PARAS[0], "© Reuters", *EN_PARAS[1:]]
    article = clean("\n\n".join(["City will rebuild the old river bridge", *paras]))
    assert all(p in article.body_text for p in EN_PARAS)


def test_footer_links_are_no_byline() -> None:
    page = _english_page(
        notice="Copyright © 2024 Example Media Inc.",
        footer=["Privacy Policy", "Terms of Use", "Ad Choices"],
        stories=[],
    )
    assert clean(page).authors == ()


def test_a_headline_repeated_in_lists_of_other_stories_is_not_the_title() -> None:
    """Printed twice counts for a headline in the header, not for another
    story's link repeated in a menu and in a list below the story."""
    page = _english_page(notice="© 2024 Example Media Inc. All Rights Reserved.", footer=[])
    page = page.replace("\n\nHome", "\n\nHome\n\n" + OTHER_STORIES[2], 1)
    assert clean(page).title == "City will rebuild the old river bridge after cracks are found"


def test_an_illustration_caption_above_the_byline_is_not_the_title() -> None:
    text = "\n\n".join(
        [
            "Harga Gabah dan Beras Mulai Naik di Pasar Induk",
            "Pedagang beras di pasar induk (Ilustrasi)",
            "Rep: Muhammad Rizki Red: Sadly Rachman",
            PARA_1,
            PARA_2,
        ]
    )
    article = clean(text)
    assert article.title == "Harga Gabah dan Beras Mulai Naik di Pasar Induk"
    assert "Ilustrasi" not in article.body_text


def _pasted(header: list[str]) -> str:
    return "\n\n".join([*header, *EN_PARAS])


HEADLINE = "City will rebuild the old river bridge after cracks are found"


@pytest.mark.parametrize(
    "header",
    [
        # the headline nearest above the story, over a byline of name + outlet
        ["Audio Briefs for Smart Speakers", "Place an Ad", HEADLINE,
         "Tom Davies Associated Press", "Published 11:34 PM EST Nov 19, 2024"],
        # over a photo caption and a date line with a label
        ["Back To Main Menu", HEADLINE, "Workers inspect the bridge on Monday.",
         "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM"],
        # a menu printed twice is no headline printed twice
        ["Letters to the Editor", "Editorial Cartoons Today", "All Magazine Editions",
         "Letters to the Editor", "Editorial Cartoons Today", "All Magazine Editions",
         HEADLINE, "By Meg James"],
        # a byline with a date in digits is no headline
        [HEADLINE, "Carlos Nadalim 27/09/2024 Comment! Schools, Cities"],
        # over its deck, the photo credit and then the byline; a menu line printed twice
        ["Place an Ad", "Show Search", HEADLINE, "Engineers found deep cracks in two piers.",
         "(Reed Saxon / Associated Press)", "By Meg James", "Place an Ad"],
    ],
)  # fmt: skip
def test_the_headline_sits_above_the_byline_and_the_story(header: list[str]) -> None:
    assert clean(_pasted(header)).title == HEADLINE


def test_a_byline_line_under_an_unfinished_deck_is_not_joined_to_it() -> None:
    """ "by Bryan DeArdo" under a deck with no full stop is the byline, not
    the end of the deck's sentence."""
    header = [HEADLINE, "One member of the council did not hold back on Monday\nby Bryan DeArdo"]
    assert clean(_pasted(header)).authors == ("Bryan DeArdo",)


def test_prose_like_headlines_under_a_list_heading_are_its_entries() -> None:
    """Under "Related articles", headlines that read like prose, even one in
    question form, are the list's entries; a sentence ends the list."""
    entries = [
        "Bible bombshell: Scientists claim discovery of the root of all evil in the old desert",
        "Will the river bridge be finished before the long and very cold winter comes back?",
        "Major cities face a plague of vicious bloodthirsty rats after the warm summer season",
    ]
    page = _pasted([HEADLINE, "By Meg James"]).split("\n\n")
    page[3:3] = ["Related articles", *entries]
    article = clean("\n\n".join(page))
    assert article.body_text == "\n\n".join(EN_PARAS)


def test_a_comment_link_does_not_open_a_list_over_question_subheadings() -> None:
    paras = [
        EN_PARAS[0],
        "Leave a comment",
        "What is new in the autumn plan for the bridge?",
        EN_PARAS[1],
        EN_PARAS[2],
    ]
    article = clean("\n\n".join([HEADLINE, "By Meg James", *paras]))
    assert "What is new in the autumn plan for the bridge?" in article.body_text


def test_bylines_under_a_list_of_other_stories_are_theirs() -> None:
    """A list of other stories inside the story, each with its byline."""
    teasers = [
        "Related articles",
        "Storm leaves thousands without power along the coast",
        "By Emily Stewart",
        "School board approves a later start time for high schools",
        "By Hannah Brown",
    ]
    paras = [EN_PARAS[0], *teasers, EN_PARAS[1], EN_PARAS[2]]
    page = "\n\n".join([HEADLINE, "By Meg James", *paras])
    assert clean(page).authors == ("Meg James",)


def test_an_editor_line_after_a_list_inside_the_story_still_counts() -> None:
    text = "\n\n".join(
        [
            "Judul Berita tentang Saluran Air Pasar Lama",
            "Penulis: Galih Pratama",
            PARA_1,
            "Berita terkait",
            "Banjir Rendam Puluhan Rumah di Kawasan Pasar Baru",
            PARA_2,
            PARA_1.replace("pekan lalu", "bulan lalu"),
            "Editor: Maria Ulfah",
        ]
    )
    article = clean(text)
    assert (article.authors, article.editors) == (("Galih Pratama",), ("Maria Ulfah",))


def test_items_of_a_list_a_colon_introduces_are_the_storys() -> None:
    """ "Terdapat 14 RT, terdiri dari:" then "Kelurahan Duri Kosambi: 2 RT":
    capitalised items of the story's own list, not links to other stories."""
    items = [
        "Kelurahan Duri Kosambi Barat: 2 RT",
        "Kelurahan Kedaung Kali Angke: 4 RT",
        "Kelurahan Rawa Buaya Utara: 3 RT",
    ]
    title = "Banjir Rendam Permukiman di Jakarta Barat"
    text = "\n\n".join([title, PARA_1, "Terdapat 9 RT, terdiri dari:", *items, PARA_2])
    body = clean(text).body_text
    assert all(item in body for item in items)


def test_numbered_items_apart_from_each_other_are_a_list() -> None:
    """ "2) Polistil 960574 ..." with a shop link under each: a numbered item
    has siblings, so none is a lone link to another story."""
    items = [
        "1) Lego Star Wars Bombardiere della Resistenza Edizione Speciale",
        "2) Polistil Pista Elettrica Sorpasso Grande con Due Auto",
        "3) Blade Runner The Final Cut in Ultra HD e Blu-Ray",
    ]
    links = ["http://amzn.to/2iJFhRj", "http://amzn.to/2hZfWFJ", "http://amzn.to/2hWw372"]
    entries = [line for item, link in zip(items, links, strict=True) for line in (item, link)]
    text = "\n\n".join([HEADLINE, EN_PARAS[0], *entries, EN_PARAS[1], EN_PARAS[2]])
    body = clean(text).body_text
    assert all(item.split(") ", 1)[1] in body for item in items)


def test_a_row_of_headlines_below_the_story_is_a_list_without_a_heading() -> None:
    teasers = [
        "Pay to breathe? Oxygen bars open in the capital as the city chokes under smog",
        "Drunk man terrorizes the streets of a small town in an old army tank",
        "Scientists use a Hawaii telescope to spot water vapour on a distant moon",
        "School board approves a later start time for high schools next autumn",
    ]
    page = _pasted([HEADLINE, "By Meg James"]) + "\n\n" + "\n\n".join(teasers)
    assert clean(page).body_text == "\n\n".join(EN_PARAS)


def test_a_list_the_story_introduces_at_its_end_stays() -> None:
    winners = ["Kecamatan Babadan Kota Ponorogo", "Kecamatan Jenangan Kota Ponorogo",
               "Kecamatan Siman Kota Ponorogo", "Kecamatan Sukorejo Kota Ponorogo"]  # fmt: skip
    text = "\n\n".join(
        ["Empat Kecamatan Raih Penghargaan", PARA_1, PARA_2, "Para pemenang adalah:", *winners]
    )
    body = clean(text).body_text
    assert all(w in body for w in winners)


@pytest.mark.parametrize(
    "intro",
    [
        "Berikut daftar lengkap pemenang lomba desa tahun ini.",
        "Para pemenang adalah sebagai berikut.",
    ],
)
def test_a_list_a_sentence_announces_at_the_end_stays(intro: str) -> None:
    """ "Berikut daftar ..." with a full stop announces the list as a colon does."""
    items = [
        "Juara pertama lomba desa tahun ini Desa Sukamaju Babadan",
        "Juara kedua lomba desa tahun ini Desa Sukamakmur Siman",
        "Juara ketiga lomba desa tahun ini Desa Sukajaya Jenangan",
        "Juara harapan lomba desa tahun ini Desa Sukasari Sawoo",
    ]
    text = "\n\n".join(["Empat Desa Raih Penghargaan Lomba Desa", PARA_1, PARA_2, intro, *items])
    body = clean(text).body_text
    assert all(item in body for item in items)


CUT_EXCERPTS = [
    "Some people thought the striped cattle were a joke, but the science behind them could "
    "save farmers a great deal of money every single …",
    "Storm leaves thousands without power along the coast as crews work through the night "
    "to restore the lines that the wind brought …",
    "School board approves a later start time for high schools after parents and teachers "
    "spent a year arguing about whether the change...",
]


def test_a_row_of_excerpts_cut_off_mid_sentence_is_other_pages() -> None:
    """Each paragraph stops after a word with "…", a share line between:
    excerpts of other pages, however prose-like."""
    rows = [line for excerpt in CUT_EXCERPTS for line in (excerpt, "Facebook Twitter WhatsApp")]
    page = _pasted([HEADLINE, "By Meg James"]) + "\n\nYou may like\n\n" + "\n\n".join(rows)
    article = clean(page)
    assert article.body_text == "\n\n".join(EN_PARAS)
    assert any(s.rule == "teaser.excerpt" for s in article.removed)


def test_a_story_paragraph_trailing_off_once_stays() -> None:
    trailing = EN_PARAS[1].removesuffix(".") + " …"
    body = clean("\n\n".join([HEADLINE, EN_PARAS[0], trailing, EN_PARAS[2]])).body_text
    assert trailing in body


LONG_COMMENT = (
    "This will also make possible the move from a declining team to a real contender, and "
    "then they should make a priority of ending up the next draft with a boat load of "
    "linemen, because without them nothing else the coaches try this season will matter "
    "at all, and the fans have waited long enough for someone to say it out loud."
)


def test_a_long_comment_under_the_comments_heading_is_no_story() -> None:
    """The heading naming the story ("12 responses to “...”") starts the
    readers' comments: the body is looked for above it."""
    comments = [f"12 responses to “{HEADLINE}”", "fan2019 says:", "November 19, 2019 at 6:34 am",
                LONG_COMMENT, LONG_COMMENT.replace("linemen", "guards")]  # fmt: skip
    page = _pasted([HEADLINE, "By Meg James"]) + "\n\n" + "\n\n".join(comments)
    assert clean(page).body_text == "\n\n".join(EN_PARAS)


def test_a_row_of_headlines_over_the_storys_headline_and_byline_is_a_list() -> None:
    """ "Most commented" without its heading: headlines with counts, then the
    story's own headline and byline."""
    row = [
        "Storm leaves thousands of homes without power along the coast for a week (185)",
        "School board approves a later start time for all of the high schools (148)",
        "Drunk man terrorizes the streets of a small town in an old army tank (145)",
        "Scientists say they have spotted water vapour on a distant moon of Jupiter (142)",
        "Mayor says the new stadium will be paid for without any of the city's money (133)",
        "Police are looking for the owner of a parrot that learned to call the fire brigade (130)",
    ]
    article = clean(_pasted([*row, HEADLINE, "Posted by Meg James on November 19, 2019"]))
    assert article.body_text == "\n\n".join(EN_PARAS)
    assert article.title == HEADLINE


def test_a_deck_between_headline_and_byline_is_not_a_row_of_headlines() -> None:
    deck = "Engineers found deep cracks in two of its piers"
    article = clean(_pasted([HEADLINE, deck, "By Meg James"]))
    assert article.body_text == "\n\n".join(EN_PARAS)
    assert article.title == HEADLINE


CARD_HEADLINE = "Tribune Publishing renames itself as its dispute with Gannett continues"
CARD = [
    "Business",
    CARD_HEADLINE,
    "Business",
    CARD_HEADLINE,
    "The owner of the newspaper has a new name and a newly elected board this week.",
]


def test_a_related_storys_card_inside_the_story_goes() -> None:
    """Headline printed twice (picture, link) and a teaser: another story's
    card; the paragraph above its section name is no photo caption."""
    top = ["Business", "California", "Opinion", HEADLINE, "By Meg James"]
    page = "\n\n".join([*top, EN_PARAS[0], EN_PARAS[1], *CARD, EN_PARAS[2]])
    article = clean(page)
    assert article.body_text == "\n\n".join(EN_PARAS)
    assert {s.rule for s in article.removed if CARD_HEADLINE in s.detail} == {"teaser.card"}


def test_a_headline_printed_twice_over_the_story_is_its_title() -> None:
    page = "\n\n".join([HEADLINE, HEADLINE, *EN_PARAS])
    article = clean(page)
    assert article.title == HEADLINE
    assert article.body_text == "\n\n".join(EN_PARAS)


TABLE = [
    "Qualified teams",
    "England (Group A): 10th appearance",
    "Czech Republic (Group A): Seventh appearance",
    "Ukraine (Group B): Third appearance",
    "Spain (Group F): 11th appearance",
    "Sweden (Group F): Seventh appearance",
]


def test_a_table_pasted_as_lines_below_the_story_is_the_storys() -> None:
    """Rows sharing one punctuation pattern ("():") right below the last
    paragraph, under a short heading: the story's table."""
    article = clean(_pasted([HEADLINE, "By Meg James"]) + "\n\n" + "\n\n".join(TABLE))
    assert article.body_text == "\n\n".join([*EN_PARAS, *TABLE])


@pytest.mark.parametrize(
    "rows",
    [
        ["Categories", "News (12)", "Sports (8)", "World (5)", "Business (3)", "Travel (2)"],
        ["Home", "Scores", "Schedule", "Standings", "Teams", "Players"],
    ],
)
def test_menus_and_category_counts_below_the_story_are_no_table(rows: list[str]) -> None:
    article = clean(_pasted([HEADLINE, "By Meg James"]) + "\n\n" + "\n\n".join(rows))
    assert article.body_text == "\n\n".join(EN_PARAS)


def test_a_table_alone_is_no_article() -> None:
    with pytest.raises(NoArticleError):
        clean("\n\n".join(TABLE[1:]))


def test_a_title_printed_twice_below_other_stories_is_no_card() -> None:
    """Teasers above, then the story's headline twice and its dateline lead."""
    teasers = [EN_PARAS[2].replace("bridge", "school"), EN_PARAS[1].replace("bridge", "tunnel")]
    lead = "LONDON (Reuters) - " + EN_PARAS[0]
    page = "\n\n".join(["Related", *teasers, HEADLINE, HEADLINE, lead, EN_PARAS[1], EN_PARAS[2]])
    article = clean(page)
    assert EN_PARAS[0] in article.body_text
    assert not any(s.rule == "teaser.card" for s in article.removed)


@pytest.mark.parametrize(
    ("tail", "authors"),
    [
        (["Achmad Sarjono"], ["Achmad Sarjono"]),  # a press release signed at its foot
        # a list's entry: another story's headline comes first
        (["Kabar Daerah Hari Ini Untuk Anda", "Harga Pangan Naik Lagi", "Dewi Lestari"], []),
        # a tag list naming the story's people first
        (["Raka Aditya", "Sheila Maharani", "Pernikahan Artis"], []),
    ],
)
def test_bare_name_below_the_story(tail: list[str], authors: list[str]) -> None:
    text = "\n\n".join(["Saluran Pasar Lama Diperbaiki", PARA_1, PARA_2, *tail])
    assert list(clean(text).authors) == authors


def test_index_page_of_dated_entries_even_when_relaxed() -> None:
    """A tag page whose entries (headline, section, date, teaser, writer)
    leave the strict body run nearly empty is still an index, not an article
    made of all its teasers."""
    entries = []
    for n in range(5):
        entries += [
            f"Banjir Bandang Terjang Desa ke-{n + 2} di Jember, Puluhan Rumah Rusak",
            "News",
            f"{19 - n} Nov 2025, 21:14 WIB",
            f"Hujan deras sejak {n + 2} hari lalu membuat sungai di desa itu meluap dan "
            "membawa lumpur ke permukiman warga.",
            "Mohammad Faiz Rahman",
        ]
    with pytest.raises(NoArticleError, match="index"):
        clean("\n\n".join(["Tag", "Banjir Bandang", *entries, "Muat Lebih Banyak"]))


def test_caption_above_the_byline_is_no_dateline() -> None:
    """Tribun prints the photo's caption ("BARANG BUKTI - ...") between its
    credit and the reporter's line; the story's dateline comes after both."""
    text = "\n\n".join(
        [
            "Polres Bongkar Sindikat Curanmor Lintas Kabupaten",
            "Kamis, 13 November 2025 16:21 WIB",
            "Penulis: Lailatul Fitriyah | Editor: Dwi Prastika",
            "TRIBUNJATIM.COM/LAILATUL FITRIYAH",
            "BARANG BUKTI - Kapolres menunjukkan barang bukti sepeda motor hasil curian "
            "saat rilis di markas polres, Kamis (13/11/2025).",
            "Laporan Wartawan TribunJatim.com, Lailatul Fitriyah",
            f"TRIBUNJATIM.COM, MALANG - {PARA_1}",
            PARA_2,
            PARA_1.replace("pekan lalu", "bulan lalu"),
            PARA_2.replace("musim hujan", "akhir tahun"),
        ]
    )
    article = clean(text)
    assert article.dateline == "MALANG"
    assert "BARANG BUKTI" not in to_dict(article)["body"]


def test_caption_under_its_label_is_neither_title_nor_body() -> None:
    """BBC prints "Image source, X" and "Image caption," over the caption:
    the caption (over the byline) is no headline, and the paragraph above
    a photo's source line is still the story's."""
    story = [
        "Councils in the north said on Tuesday that bus routes would be cut "
        "after the funding settlement left a gap in their budgets.",
        "Operators said dozens of services were no longer viable without support, "
        "and villages with no shop would be hardest hit.",
        "Image source, Getty Images",
        "Image caption,",
        "A rural bus waits at a stop in the Eden Valley",
        "The county council said it was in urgent talks with the operators about "
        "keeping the busiest routes running through the winter.",
    ]
    text = "\n\n".join(
        [
            "Bus operator to cut 40 rural routes after funding shortfall",
            "Published",
            "12 February 2025",
            "Image source, BBC",
            "Image caption,",
            "Operators say rising fuel and wage costs have made dozens of routes unviable",
            "By Helen Marsh",
            *story,
        ]
    )
    article = clean(text)
    body = to_dict(article)["body"]
    assert article.title == "Bus operator to cut 40 rural routes after funding shortfall"
    assert story[1] in body and "A rural bus waits" not in body and "Image" not in body


def test_headline_over_its_standfirst_and_captioned_photo() -> None:
    """The Guardian: headline, a longer standfirst with no full stop, the
    photo's caption ending in "Photograph: X/Y", then the byline."""
    story = [
        "The number of homes standing empty for more than six months has risen to "
        "its highest level in a decade, official figures show.",
        "Local authorities said the trend was driven by slow probate, owners holding "
        "properties as investments and the cost of renovation.",
        "Councils want new powers to bring long-term empty homes back into use "
        "before the winter, when waiting lists usually grow.",
        PARA_1,
        PARA_2,
        PARA_1.replace("pekan lalu", "bulan lalu"),
    ]
    text = "\n\n".join(
        [
            "This article is more than 1 month old",
            "Number of homes left empty rises to highest level in a decade",
            "Councils say long-term vacancies are being driven by second-home buyers and "
            "probate delays, as waiting lists pass 1.3m households",
            "A row of boarded-up terraced houses. Councils say renovation costs deter "
            "owners from selling. Photograph: Jon Tyrell/Alamy",
            "Rowena Hale, Political correspondent",
            "Wed 19 Mar 2025 16.05 GMT",
            *story,
        ]
    )
    article = clean(text)
    assert article.title == "Number of homes left empty rises to highest level in a decade"
    assert to_dict(article)["body"] == "\n\n".join(story)


@pytest.mark.parametrize(
    ("above", "authors"),
    [
        ("El Ayuntamiento prevé licitar las primeras obras en septiembre", ["Lucía Ortega"]),
        ("Editor", []),  # the name is the editor's, under its label
        ("Miguel Bernal", []),  # one of a list of names
    ],
)
def test_bare_name_over_the_date_line(above: str, authors: list[str]) -> None:
    """El País prints the writer's name alone over "Place - date"."""
    text = "\n\n".join(
        [
            "Valencia aprueba un plan de 45 millones para renovar los colectores",
            above,
            "Lucía Ortega",
            "Valencia - 06 may 2025 - 13:42 CEST",
            "El Ayuntamiento de Valencia aprobó este martes un plan de 45 millones de euros "
            "para renovar los colectores de aguas pluviales de los barrios inundables.",
            "El proyecto prevé sustituir unos 38 kilómetros de tuberías y construir tres "
            "depósitos de tormentas antes de finales de 2028, según el consistorio.",
        ]
    )
    assert list(clean(text).authors) == authors


@pytest.mark.parametrize(
    "link",
    [
        "Shipping rates are surging again. Here’s why",
        "Pasar Baru Dibuka Lagi, Pedagang Kembali Berjualan?",
    ],
)
def test_headline_under_a_bare_read_also_label(link: str) -> None:
    """The link under "Related article" / "Baca juga" on their own lines goes
    with its label, though it reads like prose; the story's next paragraph
    (a sentence) stays."""
    text = "\n\n".join(["Saluran Pasar Lama Diperbaiki", PARA_1, "Baca juga", link, PARA_2])
    body = to_dict(clean(text))["body"]
    assert link not in body and PARA_1 in body and PARA_2 in body


def test_line_introducing_a_list_under_a_bare_read_also_label_stays() -> None:
    """jpnn: "Baca Juga:" whose box was lost in the paste, then the story's
    own line introducing a list."""
    intro = "Berikut daftar lokasi yang tergenang banjir:"
    text = "\n\n".join(["Saluran Pasar Lama Diperbaiki", PARA_1, "Baca Juga:", intro, PARA_2])
    assert intro in to_dict(clean(text))["body"]


def test_date_below_the_headline_over_todays_date_on_top() -> None:
    """A regional WordPress theme prints today's date over its menu; the
    story's own date sits under the headline."""
    text = "\n\n".join(
        [
            "Jumat, 21 November 2025",
            *MENU,
            "Saluran Pasar Lama Diperbaiki Sebelum Musim Hujan",
            "by Redaksi",
            "20 November 2025",
            PARA_1,
            PARA_2,
        ]
    )
    assert clean(text).date == "2025-11-20"


def test_section_page_of_cards_with_labelled_dates() -> None:
    """Al Jazeera's section page: kind, headline, teaser, "Published On"
    date, the date again, share and save buttons, five times."""
    cards = []
    for n in range(5):
        cards += [
            "News",
            f"Farmers in the highlands strike over pay for the {n + 2}th week",
            f"Workers at {n + 40} estates walked off the job on Monday, demanding a raise.",
            f"Published On {n + 1} Mar 2025",
            f"{n + 1} Mar 2025",
            "Click here to share on social media",
            "Save",
        ]
    with pytest.raises(NoArticleError, match="index"):
        clean("\n\n".join(["Africa", *cards, "Show more"]))


def test_read_more_with_its_colon_introduces_a_link() -> None:
    """Jakarta Globe: "Read More:" then another story's headline, between two
    paragraphs of the story; the paragraph above is no excerpt."""
    link = "Indonesia's Startup Funding Falls to Five-Year Low as Investors Turn Cautious"
    text = "\n\n".join(["Saluran Pasar Lama Diperbaiki", PARA_1, "Read More:", link, PARA_2])
    body = to_dict(clean(text))["body"]
    assert PARA_1 in body and PARA_2 in body and link not in body


def test_subheading_under_an_embed_placeholder_stays() -> None:
    """CNN Indonesia's "[Gambas:Video CNN]" is no "read also" label: the
    subheading under it is the story's."""
    sub = "Operasi pasar di 120 titik"
    text = "\n\n".join(
        [
            "Saluran Pasar Lama Diperbaiki",
            PARA_1,
            "[Gambas:Video CNN]",
            sub,
            PARA_2,
            PARA_2.replace("musim hujan", "akhir tahun"),
        ]
    )
    assert sub in to_dict(clean(text))["body"]


def test_read_also_box_of_several_links() -> None:
    """suara.com: "Baca Juga:" over three headlines, one a question."""
    links = [
        "Kenali Fase Pelana Kuda pada DBD, Saat Demam Turun Justru Paling Berbahaya",
        "Benarkah Jambu Biji Bisa Naikkan Trombosit? Ini Kata Dokter",
        "Warga Tambun Geger, Tiga Anak dalam Satu RT Dirawat karena DBD",
    ]
    text = "\n\n".join(["Saluran Pasar Lama Diperbaiki", PARA_1, "Baca Juga:", *links, PARA_2])
    body = to_dict(clean(text))["body"]
    assert body == f"{PARA_1}\n\n{PARA_2}"


def test_box_screen_readers_may_skip_is_furniture_inside_the_story() -> None:
    """The Guardian's newsletter box between "skip past newsletter
    promotion" and "after newsletter promotion" goes; the story around it
    stays whole."""
    box = [
        "skip past newsletter promotion",
        "Sign up to First Edition",
        "Free daily newsletter",
        "Our morning email breaks down the key stories of the day, telling you what's "
        "happening and why it matters",
        "Enter your email address",
        "Sign up",
        "after newsletter promotion",
    ]
    story = [PARA_1, PARA_2, PARA_1.replace("pekan lalu", "bulan lalu")]
    text = "\n\n".join(["Saluran Pasar Lama Diperbaiki", story[0], *box, *story[1:]])
    assert to_dict(clean(text))["body"] == "\n\n".join(story)


def test_deck_over_the_byline_of_a_short_paywalled_story() -> None:
    """One paragraph between headline and byline is the deck, even when the
    story under the byline is short (a paywall cut it)."""
    deck = (
        "There are more devices, platforms and services to choose from than ever before. "
        "Here's how to figure out what's best for your play habits and your wallet."
    )
    text = "\n\n".join(
        [
            "So Many Ways to Play and Pay",
            deck,
            "By Sarah Needleman",
            "Nov. 19, 2019 8:03 am ET",
            "Gaming used to be so simple. We'd buy a game, sit down in front of a console, "
            "grind our way to the end, then repeat.",
            "Now we spend money over and over on virtual perks, and we play on phones while "
            "socializing with friends far away.",
        ]
    )
    assert deck not in to_dict(clean(text))["body"]


@pytest.mark.parametrize(
    ("heading", "bio"),
    [
        (
            "About Jane Doe",
            "As the paper's city hall reporter, Jane Doe covers budgets and zoning.",
        ),
        ("Über Moritz Bachmann", "Als Sales Manager bildet Moritz Bachmann die Schnittstelle."),
        ("Tentang PT Sinar Tani", "PT Sinar Tani adalah perusahaan rantai dingin di Bandung."),
    ],
)
def test_about_box_after_the_story_closes_it(heading: str, bio: str) -> None:
    """An author box or a company's boilerplate ("About X" over a paragraph
    naming X) after the story is no part of it."""
    story = [PARA_1, PARA_2, PARA_1.replace("pekan lalu", "bulan lalu")]
    text = "\n\n".join(["Saluran Pasar Lama Diperbaiki", *story, heading, bio])
    assert to_dict(clean(text))["body"] == "\n\n".join(story)


def test_other_stories_of_a_series_under_the_story() -> None:
    """ "Series | Headline" lines in a row below the story are the series'
    other stories; a table's rows with a shared first cell are not."""
    series = [
        "Milano Design Week 2018 | Seiko's 'The Flow of Time' at the Triennale",
        "Milano Design Week 2018 | 'LIVING NATURE' explores nature and living",
        "Milano Design Week 2018 | a preview of DOUTDESign at Zona Santambrogio",
    ]
    table = [
        "Grup A | Jerman 2-1 Jepang",
        "Grup A | Spanyol 7-0 Kosta Rika",
        "Grup A | Maroko 0-0 Kroasia",
    ]
    text = "\n\n".join(
        ["Saluran Pasar Lama Diperbaiki", PARA_1, PARA_2, "Hasil laga:", *table, *series]
    )
    body = to_dict(clean(text))["body"]
    assert all(row in body for row in table) and not any(s in body for s in series)
