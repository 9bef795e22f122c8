"""Dataset recipes: selection by filters and labels, dedupe, safety, scrubbing, split by stream."""

from __future__ import annotations

import json

from engines.training.dataset import Candidate, Recipe, build, hf_line, openai_line, split_of


def cand(tid: str, stream: str = "s1", **kw: object) -> Candidate:
    base: dict[str, object] = {
        "persona": "hiyori",
        "status": "finished",
        "prompt": f'Fan says "q {tid}"',
        "reply": f"answer {tid}",
        "verdicts": ("good",),
    }
    base.update(kw)
    return Candidate(turn_id=tid, stream=stream, **base)  # type: ignore[arg-type]


def never(_text: str, _stage: str) -> str | None:
    return None


def test_labels_and_filters_select_and_a_bad_turn_counts_only_with_its_edit() -> None:
    cands = [
        cand("good"),
        cand("bad", verdicts=("bad",)),
        cand("fixed", verdicts=("bad",), edited="what she should have said"),
        cand("mixed", verdicts=("good", "bad")),
        cand("unlabelled", verdicts=()),
        cand("low", score=-3.0),
        cand("tagged", tags=frozenset({"funny"})),
        cand("spam", tags=frozenset({"funny", "cringe"})),
        cand("v1", persona_version=1),
        cand("cut", status="interrupted"),
    ]
    r = Recipe(verdicts=("good", "bad"), min_score=None, tags_none=("cringe",), persona_versions=())
    got, report = build(cands, r, system="sys", safety=never)
    by_id = {e.turn_id: e for e in got}
    assert set(by_id) == {"good", "fixed", "low", "tagged", "v1"}
    assert by_id["fixed"].messages[2]["content"] == "what she should have said"
    assert report.dropped["bad_without_edit"] == 2 and report.dropped["label"] == 1
    assert report.dropped["tags"] == 1 and report.dropped["status"] == 1

    scored, _ = build([*cands, cand("high", score=5.0)], Recipe(min_score=0), system="s", safety=never)
    assert [e.turn_id for e in scored] == ["high"]
    tagged, _ = build(cands, Recipe(tags_any=("funny",), tags_none=("cringe",)), system="s", safety=never)
    assert [e.turn_id for e in tagged] == ["tagged"]
    v1, _ = build(cands, Recipe(persona_versions=(1,)), system="s", safety=never)
    assert [e.turn_id for e in v1] == ["v1"]


def test_duplicates_are_dropped_ignoring_case_and_spacing() -> None:
    cands = [cand("a", prompt="Hi  there", reply="Hello!"), cand("b", prompt="hi there", reply="hello!  ")]
    got, report = build(cands, Recipe(), system="s", safety=never)
    assert [e.turn_id for e in got] == ["a"] and report.dropped["duplicate"] == 1


def test_what_the_safety_pipeline_blocks_is_dropped_on_either_side() -> None:
    def check(text: str, stage: str) -> str | None:
        return f"{stage}-blocked" if "BAD" in text else None

    cands = [
        cand("ok"),
        cand("in", prompt='Fan says: "BAD question"\nReply to chat.'),
        # a chat turn has no task line: its one line is the viewer's
        cand("one line", prompt='Fan says: "BAD question"'),
        cand("two viewers", prompt='Fan says: "hi"\nFoe says: "BAD question"'),
        cand("out", reply="BAD answer"),
        # the prompt's last line is the bot's own task, not viewer text: input safety read
        # "Reply to chat." as an order to the model and cautioned harmless questions
        cand("task", prompt='Fan says: "hi"\nThank them by name, briefly and warmly.'),
        cand("idle", prompt="Chat has been quiet. Say something to keep the stream lively, about BAD."),
    ]
    got, report = build(cands, Recipe(), system="s", safety=check)
    assert [e.turn_id for e in got] == ["ok", "task", "idle"]
    assert report.dropped == {"safety:input-blocked": 3, "safety:output-blocked": 1}


def test_viewer_names_become_placeholders_and_personal_data_is_scrubbed() -> None:
    c = cand(
        "x",
        prompt='xX_Fan_Xx says "mail me: fan@example.com"',
        reply="Sure xx_fan_xx, call 555-123-4567!",
        names=("xX_Fan_Xx", "Fan Display"),
    )
    (got,), report = build([c], Recipe(), system="s", safety=never)
    assert got.messages[1]["content"] == '<viewer1> says "mail me: <email>"'
    assert got.messages[2]["content"] == "Sure <viewer1>, call <phone>!"
    assert report.pii == {"email": 1, "phone": 1}


def test_the_split_is_by_stream_so_no_stream_is_in_both() -> None:
    cands = [cand(f"t{i}", stream=f"s{i % 10}") for i in range(100)]
    got, report = build(cands, Recipe(validation_fraction=0.2), system="s", safety=never)
    train = {e.stream for e in got if e.split == "train"}
    val = {e.stream for e in got if e.split == "validation"}
    assert len(val) == 2 and len(train) == 8 and not train & val
    assert sorted(report.streams["validation"]) == sorted(val)
    other, _ = build(cands, Recipe(validation_fraction=0.2, seed="1"), system="s", safety=never)
    assert {e.stream for e in other if e.split == "validation"} != val  # the seed picks other streams
    assert split_of("only", ["only"], Recipe()) == "train"  # one stream: all of it trains
    assert {split_of(s, ["a", "b"], Recipe(validation_fraction=0.01)) for s in "ab"} == {
        "train",
        "validation",
    }


def test_paraphrases_reword_the_viewers_line_are_marked_synthetic_and_checked_too() -> None:
    asked: list[str] = []

    def para(text: str) -> list[str]:
        asked.append(text)
        return [text.upper(), "BAD rewrite", "third", "fourth"]

    def check(text: str, stage: str) -> str | None:
        return "x" if "BAD" in text else None

    c = cand("a", viewer_text="q a")
    got, report = build([c], Recipe(paraphrases=3), system="s", safety=check, paraphrase=para)
    assert asked == ["q a"]
    assert [e.synthetic for e in got] == [False, True, True]  # the blocked rewording is left out
    assert [e.messages[1]["content"] for e in got] == ['Fan says "q a"', 'Fan says "Q A"', 'Fan says "third"']
    assert all(e.messages[2] == got[0].messages[2] for e in got)  # the same reply
    assert report.synthetic == 2 and report.kept == 1
    plain, _ = build([cand("b")], Recipe(paraphrases=3), system="s", safety=check, paraphrase=para)
    assert len(plain) == 1  # no viewer text (an idle line): nothing to reword


def test_both_export_formats_are_chat_messages() -> None:
    (e,), _ = build([cand("a")], Recipe(), system="sys", safety=never)
    line = json.loads(json.dumps(openai_line(e)))
    assert line == {
        "messages": [
            {"role": "system", "content": "sys"},
            {"role": "user", "content": 'Fan says "q a"'},
            {"role": "assistant", "content": "answer a"},
        ]
    }
    assert hf_line(e)["stream"] == "s1" and hf_line(e)["synthetic"] is False
