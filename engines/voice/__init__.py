"""Voice: PCM helpers, playback sinks and the lip-sync envelope (pure logic, no vendor SDKs).

The TTS and STT interfaces live in :mod:`engines.backends`; adapters live in ``integrations/``.
"""
