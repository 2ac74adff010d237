"""The chime at time-up: a gentle bell through Qt Multimedia, or silence with a plain reason.

Qt Multimedia may be missing (on Linux it needs the system's libpulse) or find no sound output
(a school laptop with audio disabled, a test machine). The circle must run either way, so the
chime sits behind a small interface: `make_chime()` gives a `QtChime` when sound can play and a
`SilentChime` otherwise, and a chime that fails later falls silent instead of raising.
"""

from importlib import import_module, resources
from pathlib import Path
from types import ModuleType
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal

DEFAULT_VOLUME = 0.7


def _tr(text: str) -> str:
    return QCoreApplication.translate("Chime", text)


def no_sound_library() -> str:
    return _tr("Sound is not set up on this computer; the circle runs silently.")


def no_sound_output() -> str:
    return _tr("This computer has no sound output; the circle runs silently.")


def no_chime_sound() -> str:
    return _tr("The chime's sound is missing from this installation; the circle runs silently.")


def chime_failed() -> str:
    return _tr("The chime could not be played on this computer; the circle runs silently.")


class Chime(Protocol):
    """What a circle screen needs of a chime. `play()` never raises."""

    @property
    def volume(self) -> float: ...

    @property
    def muted(self) -> bool: ...

    @property
    def available(self) -> bool:
        """Whether the chime can make a sound at all (muted or not)."""
        ...

    @property
    def problem(self) -> str | None:
        """Why it cannot, in one sentence a person can read; None when it can."""
        ...

    def play(self) -> None: ...

    def set_volume(self, volume: float) -> None: ...

    def set_muted(self, muted: bool) -> None: ...


class SilentChime:
    """A chime that makes no sound. It still keeps volume and mute, so the controls behave."""

    def __init__(self, problem: str | None = None, volume: float = DEFAULT_VOLUME) -> None:
        self._problem = problem
        self._volume = _clamped(volume)
        self._muted = False

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    @property
    def available(self) -> bool:
        return False

    @property
    def problem(self) -> str | None:
        return self._problem

    def play(self) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        self._volume = _clamped(volume)

    def set_muted(self, muted: bool) -> None:
        self._muted = muted


class QtChime(QObject):
    """The chime through a `QSoundEffect`. If the sound cannot be loaded or played, it falls
    silent for good and says why in `problem`.

    Signals:
        problemFound(str): the chime has just fallen silent, and why; emitted at most once.
    """

    problemFound = Signal(str)

    def __init__(self, multimedia: ModuleType, source: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._problem: str | None = None
        self._multimedia = multimedia
        self._effect = multimedia.QSoundEffect(self)
        self._effect.statusChanged.connect(self._check_status)
        self._effect.setVolume(DEFAULT_VOLUME)
        self._effect.setSource(QUrl.fromLocalFile(str(source)))

    @property
    def volume(self) -> float:
        return float(self._effect.volume())

    @property
    def muted(self) -> bool:
        return bool(self._effect.isMuted())

    @property
    def available(self) -> bool:
        return self._problem is None

    @property
    def problem(self) -> str | None:
        return self._problem

    def play(self) -> None:
        if self._problem is not None or self.muted:
            return
        try:
            self._effect.play()
        except RuntimeError:  # the effect's C++ side is gone, e.g. at shutdown
            self._fall_silent(chime_failed())

    def set_volume(self, volume: float) -> None:
        self._effect.setVolume(_clamped(volume))

    def set_muted(self, muted: bool) -> None:
        self._effect.setMuted(muted)

    def _check_status(self) -> None:
        if self._effect.status() == self._multimedia.QSoundEffect.Status.Error:
            # With no output (unplugged, disabled) the sound "fails" too: say what is wrong.
            outputs = self._multimedia.QMediaDevices.audioOutputs()
            self._fall_silent(chime_failed() if outputs else no_sound_output())

    def _fall_silent(self, problem: str) -> None:
        if self._problem is None:
            self._problem = problem
            # Said from the event loop: a sound that fails while it is being made (in the
            # constructor) is heard by whoever connects just after.
            QTimer.singleShot(0, self, lambda: self.problemFound.emit(problem))


def chime_sound() -> Path:
    """The bell's wav file, shipped inside the package."""
    return Path(str(resources.files("rp_desktop") / "resources" / "sounds" / "chime.wav"))


def make_chime(parent: QObject | None = None) -> Chime:
    """The chime this computer can play: a `QtChime`, or a `SilentChime` saying why not."""
    try:
        multimedia = import_module("PySide6.QtMultimedia")
    except ImportError:  # on Linux: libpulse.so.0 missing
        return SilentChime(no_sound_library())
    if not multimedia.QMediaDevices.audioOutputs():
        return SilentChime(no_sound_output())
    source = chime_sound()
    if not source.is_file():
        return SilentChime(no_chime_sound())
    return QtChime(multimedia, source, parent)


def _clamped(volume: float) -> float:
    return min(1.0, max(0.0, float(volume)))
