"""Local sound devices (PortAudio through sounddevice; optional)."""

from integrations.audio.sounddevice_sink import SoundDeviceSink, list_devices

__all__ = ["SoundDeviceSink", "list_devices"]
