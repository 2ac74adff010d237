"""Home's "Referrals waiting" card: the referrals no one has decided on yet, oldest first, each
line the day, the referrer and how many students (never a student's name); Enter or a
double-click opens triage, and "New referral…" in its footer takes one in."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from rp_desktop.domain.home import RecordKind as Kind
from rp_desktop.services.continuum import referrals
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.home.card import HomeCard, Line
from rp_desktop.ui.referrals.form import ReferralForm
from rp_desktop.ui.referrals.triage import TriageForm
from rp_desktop.ui.referrals.words import queue_line
from rp_desktop.ui.words.formatting import counted

SHOWN = 6  # lines on the card; the note says how many more wait


class ReferralQueueCard(HomeCard):
    """The referrals waiting for a decision.

    Signals (besides HomeCard's):
        caseOpened(int): triage opened this case; its window should open.
        changed(): a referral was taken in or decided (Home and the lists read again).
    """

    caseOpened = Signal(int)
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Referrals waiting"),
            self.tr("No referral is waiting for a decision: New referral takes one in."),
            parent,
        )
        self._db = db
        self.new_referral = QPushButton(self.tr("New referral…"))
        self.new_referral.setAccessibleName(self.tr("Take in a new referral"))
        self.footer.addStretch(1)
        self.footer.addWidget(self.new_referral)
        self.new_referral.clicked.connect(self.take_in)
        self.opened.connect(self._triage)

    def reload(self) -> None:
        waiting, total = referrals.waiting_referrals(self._db, limit=SHOWN)
        lines: list[Line] = [(queue_line(r), (Kind.REFERRAL, r.id)) for r in waiting]
        if total > len(waiting):
            note = self.tr("The oldest {shown} of {total} waiting.").format(
                shown=len(waiting), total=total
            )
        else:
            note = counted(total, self.tr("1 waiting"), self.tr("{count} waiting, oldest first"))
        self.show_lines(lines, note if total else "")

    def take_in(self) -> ReferralForm:
        """The form for a new referral, opened; once saved, the queue reads again."""
        form = ReferralForm(self._db, parent=self.window())
        form.saved.connect(self._changed)
        form.open()
        return form

    def triage(self, referral_id: int) -> TriageForm | None:
        """The triage dialog for one waiting referral, opened (None: it is gone)."""
        try:
            referral = referrals.get_referral(self._db, referral_id)
        except referrals.ReferralNotFound:
            self._changed()
            return None
        form = TriageForm(self._db, referral, self.window())
        form.saved.connect(self._changed)
        form.caseOpened.connect(self.caseOpened)
        form.open()
        return form

    def _triage(self, record: tuple[Kind, int]) -> None:
        kind, referral_id = record
        if kind is Kind.REFERRAL:
            self.triage(referral_id)

    def _changed(self) -> None:
        self.reload()
        self.changed.emit()
