"""ElevenLabs cloud voices: HTTP streaming through the SDK, and the websocket input stream
through the project's own async client."""

from integrations.elevenlabs.tts import DEFAULT_MODEL, DEFAULT_VOICE_ID, ElevenLabsTTS

__all__ = ["DEFAULT_MODEL", "DEFAULT_VOICE_ID", "ElevenLabsTTS"]
