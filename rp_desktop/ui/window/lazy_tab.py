"""Pages built when first needed, so that start-up does not wait for them: a tab whose content is
built the first time it is shown (LazyTab), and an empty page that holds a tab's place in the
window's frame until its page is built and put there instead (PendingPage, put_in_place)."""

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabBar, QTabWidget, QVBoxLayout, QWidget


class LazyTab(QWidget):
    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def built(self) -> QWidget | None:
        """The content if it has been built, without building it."""
        return self._content

    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._build()
            self._layout.addWidget(self._content)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)


class PendingPage(QWidget):
    """The empty place of the page called `name`, until that page is built."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name


def put_in_place(tabs: QTabWidget, pending: PendingPage, page: QWidget) -> None:
    """Put `page` in the tab `pending` held, under its title, the same tab staying current.
    No currentChanged is emitted: which tab is current has not changed."""
    index = tabs.indexOf(pending)
    bar = tabs.tabBar()
    behaviour = bar.selectionBehaviorOnRemove()
    # Inserted first, then the place removed: when it was current, the page to its left (the
    # new one) becomes current, and no other tab is shown, even for a moment.
    bar.setSelectionBehaviorOnRemove(QTabBar.SelectionBehavior.SelectLeftTab)
    with QSignalBlocker(tabs):
        tabs.insertTab(index, page, tabs.tabText(index))
        tabs.removeTab(index + 1)
    bar.setSelectionBehaviorOnRemove(behaviour)
    pending.deleteLater()


class Pages:
    """The pages of `tabs` built when first needed, each an empty place in its tab until then,
    or one at a time while nothing else is waiting once `build_the_rest` is called.

    `build(name)` makes a page; `built(page, shown)` is told of each new page before it takes
    its place, `shown` when it goes straight on screen (its tab is the current one)."""

    def __init__(
        self,
        tabs: QTabWidget,
        build: Callable[[str], QWidget],
        built: Callable[[QWidget, bool], None],
    ) -> None:
        self._tabs = tabs
        self._build = build
        self._told = built
        self._built: dict[str, QWidget] = {}
        self._pending: dict[str, PendingPage] = {}
        self._idle = QTimer(tabs, interval=0)
        self._idle.timeout.connect(self._build_next)
        self._unless: Callable[[], bool] = lambda: False

    def add(self, name: str, title: str) -> None:
        """A tab for the page `name`, built later."""
        self._pending[name] = PendingPage(name)
        self._tabs.addTab(self._pending[name], title)

    def page(self, name: str) -> QWidget:
        """The page `name`, built and put in its tab the first time it is asked for."""
        page = self._built.get(name)
        if page is None:
            page = self._built[name] = self._build(name)
            pending = self._pending.pop(name)
            self._told(page, self._tabs.currentWidget() is pending)
            put_in_place(self._tabs, pending, page)
        return page

    def built(self, name: str) -> QWidget | None:
        return self._built.get(name)

    def build_the_rest(self, *, unless: Callable[[], bool]) -> None:
        """Build the pages not built yet, one each time nothing else is waiting, stopping when
        `unless()` says so (a locked window) or none is left."""
        self._unless = unless
        self._idle.start()

    def stop(self) -> None:
        self._idle.stop()

    def _build_next(self) -> None:
        if not self._pending or self._unless():
            self._idle.stop()
            return
        self.page(next(iter(self._pending)))
