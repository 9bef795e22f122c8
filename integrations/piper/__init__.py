"""Piper: local neural TTS (the default voice backend)."""

from integrations.piper.tts import DEFAULT_VOICE, PiperTTS

__all__ = ["DEFAULT_VOICE", "PiperTTS"]
