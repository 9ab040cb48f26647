"""A task's result reaches a live screen, and is dropped quietly once that screen was deleted."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.bootstrap import Station
from app.ui.batches_view import BatchesView
from app.ui.describe_view import DescribeView
from app.ui.review_view import ReviewView
from app.ui.session import SessionSignals, UiSession
from app.ui.tasks import TaskRunner


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    pool = QThreadPool()
    yield TaskRunner(pool)
    pool.waitForDone(5000)


def held_job(release: threading.Event, result: str) -> Callable[..., str]:
    def job(**_kw: object) -> str:
        release.wait(5)
        return result

    return job


def delete(qtbot: QtBot, widget: QWidget) -> None:
    widget.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(widget), timeout=2000)


def finish(qtbot: QtBot, runner: TaskRunner, release: threading.Event) -> None:
    release.set()
    assert runner.pool.waitForDone(5000)
    qtbot.waitUntil(lambda: not runner._running, timeout=2000)  # the result went through the event loop
    qtbot.wait(20)


def test_live_owner_gets_its_result(qtbot: QtBot, runner: TaskRunner) -> None:
    label = QLabel("…")
    qtbot.addWidget(label)
    release = threading.Event()
    runner.start(held_job(release, "Đã tải xong"), lambda text: label.setText(text), owner=label)
    finish(qtbot, runner, release)
    assert label.text() == "Đã tải xong"


def test_result_after_the_owner_was_deleted_is_dropped_without_error(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    label, calls = QLabel("…"), list[object]()
    release = threading.Event()

    def on_finished(text: str) -> None:
        calls.append(text)
        label.setText(text)  # would raise on the deleted label

    runner.start(held_job(release, "late"), on_finished, calls.append, owner=label)
    delete(qtbot, label)
    with qtbot.captureExceptions() as exceptions:
        finish(qtbot, runner, release)
    assert exceptions == []
    assert calls == []


def test_failure_after_the_owner_was_deleted_is_dropped_without_error(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    label, calls = QLabel("…"), list[object]()
    release = threading.Event()

    def job(**_kw: object) -> None:
        release.wait(5)
        raise ValueError("broken")

    runner.start(job, calls.append, lambda error: label.setText(str(error)), owner=label)
    delete(qtbot, label)
    with qtbot.captureExceptions() as exceptions:
        finish(qtbot, runner, release)
    assert exceptions == []
    assert calls == []


def test_without_an_owner_a_late_result_reaches_the_deleted_widget(qtbot: QtBot, runner: TaskRunner) -> None:
    """The hazard the owner guards against: a lambda outlives the widget it captured."""
    label = QLabel("…")
    release = threading.Event()
    runner.start(held_job(release, "late"), lambda text: label.setText(text))
    delete(qtbot, label)
    with qtbot.captureExceptions() as exceptions:
        finish(qtbot, runner, release)
    assert [type(e[1]) for e in exceptions] == [RuntimeError]


@pytest.mark.parametrize("screen", [ReviewView, BatchesView, DescribeView])
def test_screen_deleted_while_loading_ignores_its_late_results(
    qtbot: QtBot, demo_station: Station, screen: Callable[[UiSession], QWidget]
) -> None:
    """Logout or a screen rebuild while the screen's first load is still queued behind other work."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    runner, release = TaskRunner(pool), threading.Event()
    runner.start(held_job(release, "busy"))  # holds the only thread: the screen's load waits behind it
    supervisor = demo_station.store.accounts.login("lanhdao", "demo1234")
    view = screen(UiSession(demo_station, runner, supervisor, SessionSignals()))
    qtbot.wait(20)  # the load is queued now
    delete(qtbot, view)
    with qtbot.captureExceptions() as exceptions:
        finish(qtbot, runner, release)
    assert exceptions == []
