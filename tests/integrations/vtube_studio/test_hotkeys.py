"""Finding a hotkey the way VTube Studio does (README, "Requesting execution of hotkeys")."""

from __future__ import annotations

from integrations.vtube_studio.hotkeys import Cue, Hotkey, Model, cue_for

RESPONSE = {
    "modelLoaded": True,
    "modelName": "My Model",
    "modelID": "UniqueIDOfModel",
    "availableHotkeys": [
        {"name": "Smile", "type": "ToggleExpression", "file": "smile.exp3.json", "hotkeyID": "id-1"},
        {"name": "SMILE", "type": "TriggerAnimation", "file": "smile.motion3.json", "hotkeyID": "id-2"},
        {"name": "", "type": "RemoveAllExpressions", "file": "", "hotkeyID": "id-3"},
        {"name": "id-1", "type": "TriggerAnimation", "file": "", "hotkeyID": "id-4"},
        {"name": "Broken"},  # no id: cannot be triggered, ignored
    ],
}


def test_the_response_is_read_in_ui_order() -> None:
    model = Model.from_response(RESPONSE)
    assert (model.loaded, model.model_id, model.name) == (True, "UniqueIDOfModel", "My Model")
    assert [h.hotkey_id for h in model.hotkeys] == ["id-1", "id-2", "id-3", "id-4"]
    assert Model.from_response({"modelLoaded": False, "availableHotkeys": []}).hotkeys == ()


def test_a_name_finds_the_first_hotkey_of_that_name_case_insensitive() -> None:
    model = Model.from_response(RESPONSE)
    assert [h.hotkey_id for h in model.namesakes("smile")] == ["id-1", "id-2"]
    for name in ("smile", "Smile", "SMILE", "sMiLe"):
        found = model.find(name)
        assert found is not None and found.hotkey_id == "id-1"


def test_an_id_comes_before_a_name_and_a_nameless_hotkey_only_by_id() -> None:
    model = Model.from_response(RESPONSE)
    found = model.find("id-1")
    assert found is not None and found.type == "ToggleExpression"  # not the hotkey named "id-1"
    assert model.find("") is None
    found = model.find("id-3")
    assert found is not None and found.type == "RemoveAllExpressions"


def test_cues_follow_the_hotkey_type() -> None:
    model = Model.from_response(RESPONSE)
    assert cue_for("smile", model) == Cue("toggle", "id-1")
    assert cue_for("id-2", model) == Cue("oneshot", "id-2")
    assert cue_for("id-3", model) == Cue("clear", "id-3")
    assert cue_for("sad.exp3.json", model) == Cue("expression", "sad.exp3.json")
    assert cue_for("Blush", model) is None
    assert cue_for("Blush", None) == Cue("oneshot", "Blush")  # model not read yet: sent by name
    assert Hotkey("id-1", "Smile", "ToggleExpression", "smile.exp3.json").describe() == (
        "'Smile' (ToggleExpression smile.exp3.json)"
    )
