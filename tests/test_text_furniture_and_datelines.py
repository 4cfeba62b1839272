"""Text-stage rules for page furniture and datelines: Q&A teasers, related-link lists,
forum furniture, Arabic-script datelines. Every line here is invented for the test; none is
taken from a corpus."""

from __future__ import annotations

from wartrace.models import TextAnalysis
from wartrace.text import analyse_text


def analyse(text: str) -> TextAnalysis:
    return analyse_text(text, url=None, outlet=None, published=None, title=None, recurring_lines=())


def kept(text: str) -> str:
    result = analyse(text)
    assert len(result.clean_text) == len(text)
    return result.clean_text


BODY = "Rebels attacked an army post in Kandor on Monday and killed four soldiers, officials said."


def test_qa_teaser_block_is_blanked() -> None:
    text = (
        f"{BODY}\nThe post was rebuilt last year after a flood, a local official told reporters.\n"
        "Residents said gunfire went on for two hours before reinforcements came.\n-\n"
        "Why did the rebels leave Vell? They said the town could not be held after the rains.\n-\n"
        "Where is the militia based? The hills north of Ostra have long been its home.\n-\n"
        "When did the truce end?\n"
        "It collapsed in 1998 after a raid on a convoy.\n"
        "The army said it would reinforce the post in Kandor."
    )
    clean = kept(text)
    assert BODY in clean
    assert "Vell" not in clean and "Ostra" not in clean and "1998" not in clean
    assert "reinforce the post in Kandor" in clean


def test_a_lone_question_in_the_story_is_kept() -> None:
    text = f"{BODY}\nWhat comes next for the town? Residents fear more raids.\nPolice arrived."
    assert "Residents fear more raids" in kept(text)


def test_quoted_questions_are_kept() -> None:
    text = (
        f"{BODY}\n"
        '"Who will protect us?" a farmer asked after the raid on the post.\n'
        '"Where were the soldiers?" another resident said.\n'
    )
    clean = kept(text)
    assert "Who will protect us" in clean and "Where were the soldiers" in clean


def test_related_list_under_a_header_is_blanked() -> None:
    text = (
        f"{BODY}\n\nRelated:\nArmy kills ten militants in a raid\nTalks stall as fighting spreads\n"
        "\nThe attack was the third this month, the governor said."
    )
    clean = kept(text)
    assert "ten militants" not in clean and "Talks stall" not in clean
    assert "third this month" in clean


def test_related_list_stops_at_a_sentence() -> None:
    text = (
        f"{BODY}\nRead also:\nGunmen raid a village near the border\n"
        "Gunmen also burned two trucks on the road to Kandor on Sunday, witnesses told reporters."
    )
    clean = kept(text)
    assert "raid a village" not in clean
    assert "burned two trucks" in clean


def test_forum_furniture_is_blanked() -> None:
    text = (
        "Author Topic: Militants raid a base  (Read 52 times)\n"
        "0 Members and 2 Guests are viewing this topic.\n"
        "Offline Some Poster\n"
        "  • Posts: 1234\n"
        "  • Karma: +3/-1\n"
        "    • View Profile\n"
        f"{BODY}\n"
    )
    clean = kept(text)
    for gone in ("Author Topic", "Guests are viewing", "Posts: 1234", "Karma", "View Profile"):
        assert gone not in clean
    assert BODY in clean


def test_arabic_script_dateline_with_agency() -> None:
    text = (
        "شام میں حملہ\n"
        "دمشق(شِنہوا) شام کے ایک صوبے میں حملے میں چار فوجی ہلاک ہو گئے اور کئی زخمی ہوئے۔"
        " حکام نے کہا کہ حملہ آور فرار ہو گئے۔\n"
    )
    result = analyse(text)
    assert result.dateline == "دمشق"
    assert result.outlet == "Xinhua"


def test_arabic_dateline_with_dash_and_bracketed_agency() -> None:
    text = (
        "بيروت - (رويترز) - قال مسؤولون إن مسلحين هاجموا موقعا للجيش في بلدة صغيرة يوم الاثنين.\n"
    )
    result = analyse(text)
    assert result.dateline == "بيروت"
    assert result.outlet == "Reuters"


def test_explainer_opening_with_questions_is_kept() -> None:
    text = (
        "What happened? Gunmen attacked a church in Tarbo on Sunday and killed 11 worshippers.\n"
        "Who was behind it? Police blamed a militia active in the hills west of the town.\n"
        f"{BODY}\n{BODY}\n{BODY}\n"
    )
    clean = kept(text)
    assert "killed 11 worshippers" in clean and "Police blamed a militia" in clean
