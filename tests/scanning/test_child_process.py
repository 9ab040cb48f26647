"""The driver child process: a crashing or hanging backend becomes a device error, pages stay delivered."""

from __future__ import annotations

import pytest

from app.core.cancel import CancelToken
from app.core.errors import DeviceError, DeviceOffline
from app.scanning.child import stream_from_child
from tests.scanning.child_targets import crash_after_one, hang


def test_a_crashing_driver_becomes_a_device_error_after_its_pages():
    received = []
    with pytest.raises(DeviceError) as caught:
        for item in stream_from_child(crash_after_one, (), CancelToken()):
            received.append(item)
    assert received == ["page 1"]
    assert "stopped unexpectedly" in str(caught.value)


def test_a_silent_driver_is_reported_offline_and_stopped():
    received = []
    with pytest.raises(DeviceOffline):
        for item in stream_from_child(hang, (), CancelToken(), idle_timeout=1.0):
            received.append(item)
    assert received == ["page 1"]
