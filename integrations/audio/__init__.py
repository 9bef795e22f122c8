"""Local sound devices (PortAudio through sounddevice; optional)."""

from integrations.audio.sounddevice_mic import AudioDevice, MicChunk, SoundDeviceMic, audio_devices
from integrations.audio.sounddevice_sink import SoundDeviceSink, list_devices

__all__ = ["AudioDevice", "MicChunk", "SoundDeviceMic", "SoundDeviceSink", "audio_devices", "list_devices"]
