"""Suggested questions and a guide's words after a link ends: what the client's devices pull."""

from tests.api_client import api_token
from tests.guidance import test_guidance
from tests.guidance.test_guidance import links, post_form, text_of

# The fixtures of tests/test_guidance.py: a client with two guides and shared reflections.
api_app = test_guidance.api_app
story = test_guidance.story


def suggest(guide, link, **body):
    """Suggest through the guide's JSON API; return the response."""
    return guide.post(
        f"/api/guide/clients/{link}/suggestion",
        json=body,
        headers={"X-CSRFToken": api_token(guide)},
    )


def live_suggestions(phone):
    """Return the suggestions the client's devices would show (live, by pull)."""
    state = phone.state().values()
    return [c for c in state if c["kind"] == "guide_suggestion" and not c["deleted"]]


def test_a_suggestion_reaches_the_client_and_replaces_the_last(story):
    """A bank question and an own question arrive by pull; a new suggestion replaces the old."""
    gerda, link_a, phone = story["guide_a"], story["link_a"], story["phone"]
    made = suggest(
        gerda, link_a, questions=[{"question_id": "q001"}, {"text": " Wat nu? "}], days=3
    )
    assert made.status_code == 201, made.json
    [arrived] = live_suggestions(phone)
    assert arrived["questions"] == [{"question_id": "q001"}, {"text": "Wat nu?"}]
    assert arrived["days"] == 3 and arrived["link_id"] == link_a and arrived["circle"] is None
    assert suggest(gerda, link_a, circle="place", days=14).status_code == 201
    [latest] = live_suggestions(phone)
    assert latest["circle"] == "place" and latest["questions"] == []
    page = text_of(gerda.get(f"/guide/clients/{link_a}"))
    assert "Your current suggestion, 14 days" in page and "Circle: Place" in page


def test_bad_suggestions_are_refused_with_a_clear_message(story):
    """Nothing, too many questions, too many days or an unknown bank id: 400, nothing stored."""
    gerda, link_a, phone = story["guide_a"], story["link_a"], story["phone"]
    assert suggest(gerda, link_a, days=3).status_code == 400
    eight = [{"text": f"Vraag {n}"} for n in range(8)]
    assert suggest(gerda, link_a, questions=eight, days=3).status_code == 400
    assert suggest(gerda, link_a, circle="self", days=15).status_code == 400
    unknown = suggest(gerda, link_a, questions=[{"question_id": "nope"}], days=2)
    assert unknown.status_code == 400 and "question_id" in unknown.json["message"]
    assert suggest(story["guide_b"], link_a, circle="self", days=2).status_code == 404
    assert live_suggestions(phone) == []
    form = post_form(gerda, f"/guide/clients/{link_a}/suggestion", days="20", circle="self")
    assert form.status_code == 303
    assert "Choose 1 to 14 days." in text_of(gerda.get(f"/guide/clients/{link_a}"))
    assert live_suggestions(phone) == []


def test_the_guide_form_suggests_and_withdraws(story):
    """The form on the client page: bank questions and own lines; withdrawing removes it."""
    gerda, link_a, phone = story["guide_a"], story["link_a"], story["phone"]
    path = f"/guide/clients/{link_a}/suggestion"
    sent = post_form(gerda, path, days="5", bank=["q001"], questions="Eigen vraag\n\n")
    assert sent.status_code == 303
    [arrived] = live_suggestions(phone)
    assert arrived["questions"] == [{"question_id": "q001"}, {"text": "Eigen vraag"}]
    assert "What felt truly meaningful today?" in text_of(gerda.get(f"/guide/clients/{link_a}"))
    assert post_form(gerda, path, withdraw="1").status_code == 303
    assert live_suggestions(phone) == []


def test_turning_suggestions_off_or_ending_the_link_stops_them(story):
    """The client's switch withdraws the suggestion and refuses new ones; ending the link too."""
    anna, gerda, hugo = story["anna"], story["guide_a"], story["guide_b"]
    link_a, link_b, phone = story["link_a"], story["link_b"], story["phone"]
    assert suggest(gerda, link_a, circle="self", days=7).status_code == 201
    assert suggest(hugo, link_b, circle="close", days=7).status_code == 201
    off = anna.patch(
        f"/api/guides/{link_a}",
        json={"accepts_suggestions": False},
        headers={"X-CSRFToken": api_token(anna)},
    )
    assert off.json["accepts_suggestions"] is False
    assert [s["link_id"] for s in live_suggestions(phone)] == [link_b]
    refused = suggest(gerda, link_a, circle="self", days=7)
    assert refused.status_code == 409 and refused.json["error"] == "suggestions_off"
    assert links(anna)[link_b]["accepts_suggestions"] is True
    page = text_of(gerda.get(f"/guide/clients/{link_a}"))
    assert "Your client turned suggested questions off." in page and "Send suggestion" not in page
    anna.delete(f"/api/guides/{link_b}", headers={"X-CSRFToken": api_token(anna)})
    assert live_suggestions(phone) == []


def test_an_ended_links_open_questions_leave_every_device(story):
    """Ending a link takes its open questions off every device; another guide's stay open."""
    gerda, hugo, phone = story["guide_a"], story["guide_b"], story["phone"]
    link_a, link_b = story["link_a"], story["link_b"]
    post_form(gerda, f"/guide/clients/{link_a}/question", guide_text="Wat wil je leren?")
    post_form(hugo, f"/guide/clients/{link_b}/question", guide_text="Waar sta je nu?")
    post_form(gerda, f"/guide/clients/{link_a}/end")
    states = phone.state().values()
    questions = [c for c in states if c["kind"] == "guide_question" and not c["deleted"]]
    ended = {question["text"]: question.get("ended", False) for question in questions}
    assert ended == {"Waar sta je nu?": False}
