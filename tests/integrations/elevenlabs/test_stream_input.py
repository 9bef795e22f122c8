"""The ElevenLabs websocket turn (stream-input) against the local stand-in, and the router
that cuts the turn's audio into sentences by the character alignment."""

from __future__ import annotations

import base64
import json
import logging
import socket
from collections.abc import AsyncIterator

import pytest

from engines.backends import AudioChunk, BackendError, BackendTimeout, Limits, TTSTurn
from integrations.elevenlabs import ElevenLabsTTS
from integrations.elevenlabs.stream_input import AudioRouter, StreamInputTurn
from tests.support.fake_elevenlabs import API_KEY, ElevenBehavior, FakeElevenLabs, Socket, render_speech

SENTENCES = ["Hi Kiri,", "welcome in!", "It is a cozy game today, secret-spoken-words."]


@pytest.fixture
async def fake() -> AsyncIterator[FakeElevenLabs]:
    async with FakeElevenLabs() as server:
        yield server


@pytest.fixture
async def tts(fake: FakeElevenLabs) -> AsyncIterator[ElevenLabsTTS]:
    client = ElevenLabsTTS(
        api_key=API_KEY, base_url=fake.base_url, limits=Limits(first_output_s=2.0, stall_s=1.0, total_s=10.0)
    )
    yield client
    await client.aclose()


def open_turn(tts: ElevenLabsTTS, voice: str | None = None) -> StreamInputTurn:
    turn = tts.open_turn(voice=voice)
    assert isinstance(turn, StreamInputTurn)
    return turn


async def read_all(turn: TTSTurn, sentences: list[str]) -> list[bytes]:
    streams = [await turn.say(s) for s in sentences]
    await turn.end()
    return [b"".join([c.pcm async for c in stream]) for stream in streams]


async def collect(stream: AsyncIterator[AudioChunk], into: list[bytes]) -> None:
    async for chunk in stream:
        into.append(chunk.pcm)


async def wait_closed(fake: FakeElevenLabs, sock: Socket) -> None:
    await fake.wait_for(lambda: sock.closed_at is not None)


async def test_each_sentence_gets_exactly_its_own_audio(fake: FakeElevenLabs, tts: ElevenLabsTTS) -> None:
    fake.behavior.first_audio_s = 0.2  # all three sentences wait, then come as one stream
    turn = open_turn(tts, voice="persona-voice")
    try:
        audio = await read_all(turn, SENTENCES)
    finally:
        await turn.aclose()
    # the stand-in voices each sentence's text with the space the client sent after it
    assert audio == [render_speech(s + " ", 22_050) for s in SENTENCES]
    [sock] = fake.sockets
    assert sock.generations == ["".join(s + " " for s in SENTENCES)]
    assert sock.voice_id == "persona-voice" and sock.key_ok
    assert sock.query == {
        "model_id": "eleven_flash_v2_5",
        "output_format": "pcm_22050",
        "sync_alignment": "true",
        "inactivity_timeout": "60",
    }
    first, *texts, last = sock.messages
    assert first["text"] == " " and "xi-api-key" not in first  # the key travels in the header only
    assert texts == [{"text": s + " ", "flush": True} for s in SENTENCES]
    assert last == {"text": ""}
    await wait_closed(fake, sock)
    assert sock.final_sent and not sock.client_closed


async def test_audio_messages_straddle_sentences_and_are_cut_at_the_right_sample(
    fake: FakeElevenLabs, tts: ElevenLabsTTS
) -> None:
    """Checks the premise of the test above: one message carried the end of a sentence and
    the start of the next, so the router really had to cut inside a message."""
    fake.behavior.first_audio_s = 0.2
    fake.behavior.ws_chunk_ms = 300
    turn = open_turn(tts)
    try:
        audio = await read_all(turn, ["One two.", "Three four five."])
    finally:
        await turn.aclose()
    assert audio == [render_speech("One two. ", 22_050), render_speech("Three four five. ", 22_050)]
    # one stream of audio: "One two. " is 9 chars * 40 ms = 360 ms, inside the second message
    assert fake.sockets[0].generations == ["One two. Three four five. "]


async def test_a_sentence_is_sent_before_the_earlier_ones_have_played(
    fake: FakeElevenLabs, tts: ElevenLabsTTS
) -> None:
    turn = open_turn(tts)
    try:
        first = await turn.say("Hello there everyone.")
        got = [c async for c in first]  # sentence 1 complete; sentence 2 not said yet
        assert b"".join(c.pcm for c in got) == render_speech("Hello there everyone. ", 22_050)
        second = await turn.say("Welcome back.")
        await turn.end()
        assert b"".join([c.pcm async for c in second]) == render_speech("Welcome back. ", 22_050)
    finally:
        await turn.aclose()
    assert len(fake.sockets) == 1  # one socket for the whole turn


async def test_the_connection_opens_before_the_first_sentence(
    fake: FakeElevenLabs, tts: ElevenLabsTTS
) -> None:
    turn = open_turn(tts)
    try:
        await fake.wait_for(lambda: fake.sockets and fake.sockets[0].messages)
        assert fake.sockets[0].messages == [tts.initial_message()]
    finally:
        await turn.aclose()


async def test_a_bad_key_fails_every_sentence_without_showing_the_key(
    fake: FakeElevenLabs, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    tts = ElevenLabsTTS(api_key="sk_wrong_key_123456", base_url=fake.base_url)
    turn = open_turn(tts)
    try:
        streams = [await turn.say(s) for s in SENTENCES[:2]]
        for stream in streams:
            with pytest.raises(BackendError) as info:
                async for _ in stream:
                    pass
            assert not info.value.retryable
            assert "sk_wrong_key_123456" not in str(info.value)
    finally:
        await turn.aclose()
        await tts.aclose()
    assert "invalid_api_key" in str(info.value)
    assert "sk_wrong_key_123456" not in caplog.text


async def test_a_refused_handshake_is_translated(fake: FakeElevenLabs, tts: ElevenLabsTTS) -> None:
    fake.behavior.fail_status = 500
    turn = open_turn(tts)
    try:
        stream = await turn.say(SENTENCES[0])
        with pytest.raises(BackendError, match="500 server error") as info:
            async for _ in stream:
                pass
    finally:
        await turn.aclose()
    assert info.value.retryable


async def test_a_handshake_that_never_completes_is_bounded_by_the_first_audio_limit() -> None:
    listener = socket.socket()  # accepts TCP (the kernel does) but never answers the upgrade
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    tts = ElevenLabsTTS(
        api_key=API_KEY, base_url=f"http://127.0.0.1:{port}", limits=Limits(first_output_s=0.3, stall_s=0.3)
    )
    turn = open_turn(tts)
    try:
        stream = await turn.say(SENTENCES[0])  # returns at once: the text waits for the socket
        with pytest.raises(BackendTimeout, match=r"no first output within 0\.3s"):
            async for _ in stream:
                pass
    finally:
        await turn.aclose()
        await tts.aclose()
        listener.close()


async def test_a_stalled_socket_times_out_the_sentence(fake: FakeElevenLabs, tts: ElevenLabsTTS) -> None:
    fake.behavior = ElevenBehavior(stall_after=0)
    tts.limits = Limits(first_output_s=0.3, stall_s=0.3, total_s=10.0)
    turn = open_turn(tts)
    try:
        stream = await turn.say(SENTENCES[0])
        with pytest.raises(BackendTimeout, match=r"no first output within 0\.3s"):
            async for _ in stream:
                pass
    finally:
        await turn.aclose()
    assert tts.stats.timeouts == 1


async def test_a_dropped_socket_fails_the_sentences_still_due(
    fake: FakeElevenLabs, tts: ElevenLabsTTS
) -> None:
    fake.behavior = ElevenBehavior(first_audio_s=0.2, drop_after=3)
    turn = open_turn(tts)
    try:
        streams = [await turn.say(s) for s in SENTENCES]
        got: list[bytes] = []
        with pytest.raises(BackendError, match="connection was lost") as info:
            await collect(streams[0], got)
        heard = b"".join(got)
        assert heard and render_speech(SENTENCES[0] + " ", 22_050).startswith(heard)
        for stream in streams[1:]:
            with pytest.raises(BackendError):
                async for _ in stream:
                    pass
    finally:
        await turn.aclose()
    assert info.value.retryable


async def test_closing_a_turn_midway_closes_the_socket_at_once(
    fake: FakeElevenLabs, tts: ElevenLabsTTS
) -> None:
    fake.behavior.ws_chunk_ms = 40
    turn = open_turn(tts)
    stream = await turn.say("A long sentence that is interrupted before its audio ends.")
    async for _ in stream:
        break  # the first chunk played; then the streamer barged in
    await turn.aclose()  # returns without waiting for the server
    with pytest.raises(BackendError, match="closed"):
        async for _ in await turn.say("Too late."):
            pass
    [sock] = fake.sockets
    await wait_closed(fake, sock)
    assert sock.client_closed and not sock.final_sent
    assert {"text": ""} not in sock.messages


# ------------------------------------------------------------ the router on its own


def message(pcm: bytes, chars: str, starts: list[int]) -> tuple[bytes, dict[str, list[object]]]:
    return pcm, {"chars": list(chars), "charStartTimesMs": list(starts), "charDurationsMs": [10] * len(chars)}


def drain(router: AudioRouter, index: int) -> list[object]:
    queue = router.sentences[index].queue
    return [queue.get_nowait() for _ in range(queue.qsize())]


def test_router_cuts_a_message_at_the_next_sentences_first_character() -> None:
    router = AudioRouter(16_000)
    router.add("Hi.")
    router.add("Yo!")
    pcm = bytes(range(200)) * 4  # 800 bytes = 400 samples = 25 ms
    router.audio(*message(pcm, "Hi. Yo", [0, 5, 9, 12, 15, 20]))
    # "Y" starts at 15 ms = 240 samples = 480 bytes into the message
    assert drain(router, 0) == [pcm[:480], None]
    assert drain(router, 1) == [pcm[480:]]


def test_router_keeps_a_split_sample_for_the_next_message() -> None:
    router = AudioRouter(16_000)
    router.add("Hello.")
    router.audio(b"\x01\x02\x03", None)
    router.audio(b"\x04\x05", None)
    assert drain(router, 0) == [b"\x01\x02", b"\x03\x04"]
    assert router.unaligned


def test_router_marks_the_tail_once_every_character_arrived_and_final_closes() -> None:
    router = AudioRouter(16_000)
    router.add("Ok!")
    router.add("Next one.")
    router.audio(*message(b"\x00\x00" * 10, "Ok!", [0, 0, 0]))
    assert drain(router, 0) == [b"\x00\x00" * 10, "tail"]
    router.final(ended=False)  # before the input ended, only complete sentences close
    assert drain(router, 0) == [None]
    assert drain(router, 1) == []
    router.final(ended=True)  # the server spoke nothing for "Next one."
    [error] = drain(router, 1)
    assert isinstance(error, BackendError) and "no audio" in str(error)


def test_router_messages_are_the_documented_json() -> None:
    """The stand-in's audio message parses the way the client reads it."""
    raw = json.dumps({"audio": base64.b64encode(b"\x01\x00").decode(), "isFinal": None, "alignment": None})
    data = json.loads(raw)
    assert base64.b64decode(data["audio"]) == b"\x01\x00" and data["isFinal"] is None
