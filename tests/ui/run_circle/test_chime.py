"""The chime: silent with a plain reason when sound cannot play, never raising, and volume and
mute that behave the same whichever chime a circle got."""

import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rp_desktop.ui.run_circle import chime
from rp_desktop.ui.run_circle.chime import Chime, QtChime, SilentChime, make_chime
from tests.ui.fakes import FakeChime

# What Qt Multimedia logs on a computer without a sound server (checked with PySide6 6.12):
# the first import, then each QSoundEffect that finds no device.
NO_SOUND_SERVER_LOG = (
    r"^Couldn't (load|resolve) .+ (library|symbols)$",  # qt.multimedia.symbolsresolver
    r"^PulseAudioService: pa_context_connect\(\) failed$",
    r"^QSoundEffect: playback of this format is not supported on the selected audio device$",
)


class FakeSoundEffect(QObject):
    """Stands in for QSoundEffect: its status is whatever the test sets."""

    statusChanged = Signal()
    Status = SimpleNamespace(Loading=0, Ready=1, Error=2)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = ""
        self._status, self._volume, self._muted, self.plays = 0, 1.0, False, 0

    def setSource(self, url: object) -> None:
        self.source = str(url)

    def status(self) -> int:
        return self._status

    def set_status(self, status: int) -> None:
        self._status = status
        self.statusChanged.emit()

    def setVolume(self, volume: float) -> None:
        self._volume = volume

    def volume(self) -> float:
        return self._volume

    def setMuted(self, muted: bool) -> None:
        self._muted = muted

    def isMuted(self) -> bool:
        return self._muted

    def play(self) -> None:
        self.plays += 1


def fake_multimedia(outputs: list[str]) -> SimpleNamespace:
    devices = SimpleNamespace(audioOutputs=lambda: outputs)
    return SimpleNamespace(QSoundEffect=FakeSoundEffect, QMediaDevices=devices)


def qt_chime(outputs: list[str] | None = None) -> QtChime:
    return QtChime(fake_multimedia(["speakers"] if outputs is None else outputs), Path("x.wav"))  # type: ignore[arg-type]


def test_without_qt_multimedia_the_circle_runs_silently(monkeypatch: pytest.MonkeyPatch) -> None:
    # The import then fails, as it does on Linux without libpulse.
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    silent = make_chime()
    assert isinstance(silent, SilentChime)
    assert not silent.available
    assert silent.problem == chime.no_sound_library()
    silent.play()


def test_the_wav_is_shipped_and_is_a_short_gentle_bell() -> None:
    import wave

    with wave.open(str(chime.chime_sound())) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44_100)
        seconds = wav.getnframes() / wav.getframerate()
        frames = wav.readframes(wav.getnframes())
    assert 1.2 <= seconds <= 2.0
    samples = memoryview(frames).cast("h")
    assert max(abs(s) for s in samples) < 0.5 * 32767  # modest, never full scale
    assert max(abs(s) for s in samples[-200:]) < 100  # faded out, no click at the end


@pytest.mark.parametrize("make", [SilentChime, FakeChime, qt_chime], ids=["silent", "fake", "qt"])
def test_volume_is_kept_between_zero_and_one_and_mute_is_remembered(make: type) -> None:
    sound: Chime = make()
    sound.set_volume(0.25)
    assert sound.volume == pytest.approx(0.25)
    sound.set_volume(1.7)
    assert sound.volume == 1.0
    sound.set_volume(-3)
    assert sound.volume == 0.0
    assert not sound.muted
    sound.set_muted(True)
    assert sound.muted
    sound.play()


def test_a_muted_qt_chime_plays_nothing_and_an_unmuted_one_plays() -> None:
    sound = qt_chime()
    effect = sound.findChild(FakeSoundEffect)
    assert effect is not None
    assert "x.wav" in effect.source
    sound.set_muted(True)
    sound.play()
    assert effect.plays == 0
    sound.set_muted(False)
    sound.play()
    assert effect.plays == 1
    assert sound.available
    assert sound.problem is None


def test_a_sound_that_fails_silences_the_chime_once_and_says_why(qtbot: QtBot) -> None:
    sound = qt_chime()
    effect = sound.findChild(FakeSoundEffect)
    assert effect is not None
    found: list[str] = []
    sound.problemFound.connect(found.append)
    effect.set_status(FakeSoundEffect.Status.Ready)
    assert sound.available
    effect.set_status(FakeSoundEffect.Status.Error)
    effect.set_status(FakeSoundEffect.Status.Error)
    qtbot.waitUntil(lambda: bool(found))  # said from the event loop
    QApplication.processEvents()
    assert found == [chime.chime_failed()]
    assert not sound.available
    assert sound.problem == chime.chime_failed()
    sound.play()
    assert effect.plays == 0


def test_a_sound_failing_for_want_of_an_output_says_so() -> None:
    sound = qt_chime(outputs=[])
    effect = sound.findChild(FakeSoundEffect)
    assert effect is not None
    effect.set_status(FakeSoundEffect.Status.Error)
    assert sound.problem == chime.no_sound_output()


def real_multimedia(outputs: list[str]) -> SimpleNamespace:
    """Qt Multimedia's own QSoundEffect (it must import here: `make test` installs libpulse),
    on a computer that lists `outputs`, whatever this one has."""
    from PySide6 import QtMultimedia

    devices = SimpleNamespace(audioOutputs=lambda: outputs)
    return SimpleNamespace(QSoundEffect=QtMultimedia.QSoundEffect, QMediaDevices=devices)


def not_a_sound(path: Path) -> Path:
    """A file no QSoundEffect plays on any computer, sound output or not: it cannot decode it,
    and fails as it does for a sound without an output to play on."""
    path.write_bytes(b"RIFF, but not a wave of any kind. " * 8)
    return path


@pytest.mark.qt_log_ignore(*NO_SOUND_SERVER_LOG)
def test_without_a_sound_output_the_chime_is_silent_and_harmless(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    multimedia = real_multimedia([])
    monkeypatch.setattr(chime, "import_module", {"PySide6.QtMultimedia": multimedia}.__getitem__)
    sound = make_chime()
    assert isinstance(sound, SilentChime)
    assert not sound.available
    assert sound.problem == chime.no_sound_output()
    sound.play()
    sound.play()


@pytest.mark.qt_log_ignore(
    *NO_SOUND_SERVER_LOG, r"^QSoundEffect(\(qaudio\))?: Error decoding source "
)
@pytest.mark.parametrize(
    ("outputs", "said"),
    [([], chime.no_sound_output), (["speakers"], chime.chime_failed)],
    ids=["no output", "an output"],
)
def test_a_real_sound_effect_that_fails_is_said_once_and_plays_nothing(
    qtbot: QtBot, tmp_path: Path, outputs: list[str], said: Callable[[], str]
) -> None:
    sound = not_a_sound(tmp_path / "chime.wav")
    qt_sound = QtChime(real_multimedia(outputs), sound)  # type: ignore[arg-type]
    found: list[str] = []
    qt_sound.problemFound.connect(found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=2000)
    assert not qt_sound.available
    qt_sound.play()
    qt_sound.play()
    QApplication.processEvents()
    assert found == [said()]
    assert qt_sound.problem == said()
