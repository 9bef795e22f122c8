"""faster-whisper: local speech-to-text for the streamer's microphone."""

from integrations.faster_whisper.stt import FasterWhisperSTT, transcribe_wav

__all__ = ["FasterWhisperSTT", "transcribe_wav"]
