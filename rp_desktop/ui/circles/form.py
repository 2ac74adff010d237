"""The Tier 1 community circle form: when, with which group, who kept it, who was there (the
students, the staff, and other adults as a count), and the group's agreements made in it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from rp_desktop.domain.records import Circle, CircleFields, Group, StaffMember
from rp_desktop.domain.validation import LONGEST_CIRCLE_MINUTES
from rp_desktop.domain.vocabulary import CircleKind, CircleStatus
from rp_desktop.services import people
from rp_desktop.services.circles import records as circles
from rp_desktop.services.circles.group_agreements import agreements_made_in
from rp_desktop.services.circles.records import MOST_GUESTS
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students import records as students
from rp_desktop.ui.circles.adults import AgreementsMade, StaffAtCircle, staff_text
from rp_desktop.ui.circles.attendance import AttendanceList
from rp_desktop.ui.forms.form_draft import DraftPlace
from rp_desktop.ui.forms.record_form import RecordForm
from rp_desktop.ui.forms.widgets import (
    choice_combo,
    current_choice,
    current_data,
    date_edit,
    make_searchable,
    searchable_if_long,
    select_data,
)
from rp_desktop.ui.words.formatting import pydate, qdate

# Wide enough for a class in three or four columns of names, so all of it is seen at once
WIDE_ENOUGH = 940


class CircleForm(RecordForm):
    """New, open or edit one Tier 1 circle. Signals: see RecordForm."""

    def __init__(
        self,
        db: Database,
        circle: Circle | None = None,
        *,
        school_year: int,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Tier 1 circle") if circle else self.tr("New Tier 1 circle")
        super().__init__(title, parent)
        self.setMinimumWidth(WIDE_ENOUGH)
        self._db = db
        self._circle = circle
        self._groups: dict[int, Group] = {}
        self._following = False
        # A keeper the user picks, or one recorded, stays; otherwise it follows the group.
        self._keeper_chosen = bool(circle and circle.fields.keeper_id is not None)
        self._keeper_sat: int | None = None  # a new circle's keeper, ticked as there
        self._add_fields()
        self._fill_choices(school_year)
        self._fill(circle)
        self.group.currentIndexChanged.connect(self._on_group_changed)
        self.keeper.currentIndexChanged.connect(self._on_keeper_chosen)
        if circle is None:
            self._tick_keeper()
            self.keeper.currentIndexChanged.connect(self._tick_keeper)
        self.draft.start(DraftPlace(db, "circle", circle.id if circle else None))
        self.remember_initial()

    def values(self) -> CircleFields:
        minutes = self.duration.value()
        return CircleFields(
            held_on=pydate(self.held_on.date()),
            status=current_choice(self.status, CircleStatus) or CircleStatus.HELD,
            kind=current_choice(self.kind, CircleKind) or CircleKind.OTHER,
            group_id=current_data(self.group),
            keeper_id=current_data(self.keeper),
            purpose=self.purpose.text(),
            duration_minutes=minutes or None,
            notes=self.notes.toPlainText(),
            attendee_ids=self.attendance.present_ids(),
            staff_ids=self.staff.present_ids(),
            guests=self.guests.value(),
        )

    def submit(self, values: CircleFields) -> int:
        if self._circle is None:
            saved = circles.record_circle(self._db, values, replaces_draft=self.draft.key)
        else:
            saved = circles.update_circle(
                self._db, self._circle.id, values, replaces_draft=self.draft.key
            )
        self._circle = saved
        return saved.id

    def _add_fields(self) -> None:
        # The group first: choosing it fills in the keeper and who was there.
        self.group: QComboBox = self.add_field("group_id", self.tr("&Group"), QComboBox())
        self.keeper: QComboBox = self.add_field("keeper_id", self.tr("K&eeper"), QComboBox())
        self.held_on: QDateEdit = self.add_field("held_on", self.tr("&Date"), date_edit())
        self.status: QComboBox = self.add_field(
            "status", self.tr("S&tatus"), choice_combo(list(CircleStatus))
        )
        self.kind: QComboBox = self.add_field(
            "kind", self.tr("&Kind of circle"), choice_combo(list(CircleKind))
        )
        self.purpose: QLineEdit = self.add_field(
            "purpose",
            self.tr("&Purpose"),
            QLineEdit(placeholderText=self.tr("For example: getting to know each other")),
        )
        self.duration: QSpinBox = self.add_field(
            "duration_minutes", self.tr("D&uration"), QSpinBox()
        )
        self.attendance: AttendanceList = self.add_field(
            "attendee_ids",
            self.tr("&Attendance"),
            AttendanceList(lambda text: students.find_students(self._db, text)),
        )
        self.notes: QPlainTextEdit = self.add_field("notes", self.tr("&Notes"), QPlainTextEdit())
        self.notes.setMinimumHeight(72)
        # The adults after the notes: a class of thirty, its notes in sight on a 720-pixel screen.
        self._add_adults()

    def _add_adults(self) -> None:
        """The staff who were there, other adults as a count, the group's agreements made."""
        self.staff: StaffAtCircle = self.add_field(
            "staff_ids", self.tr("&Staff who were there"), StaffAtCircle(self._staff_choices())
        )
        self.guests: QSpinBox = self.add_field(
            "guests", self.tr("&Other adults (count)"), QSpinBox()
        )
        self.guests.setRange(0, MOST_GUESTS)
        self.guests.setToolTip(self.tr("Parents, guests: how many, never their names."))
        made = agreements_made_in(self._db, self._circle.id) if self._circle else []
        if made:
            self.agreements = self.add_field(
                "group_agreements", self.tr("The group agreed"), AgreementsMade(made)
            )

    def _staff_choices(self) -> list[StaffMember]:
        """Today's staff, plus whoever this circle recorded (someone since gone stays)."""
        staff = people.list_staff(self._db)
        known = {member.id for member in staff}
        recorded = self._circle.staff if self._circle else ()
        return staff + [member for member in recorded if member.id not in known]

    def _fill_choices(self, school_year: int) -> None:
        """This year's groups and today's staff, plus whichever this circle names: an old
        circle keeps its group and keeper even after they are gone."""
        fields = self._circle.fields if self._circle else None
        self.group.addItem(self.tr("No group (people chosen one by one)"), None)
        groups = people.list_groups(self._db, school_year=school_year)
        own_group = fields.group_id if fields else None
        if own_group is not None and all(g.id != own_group for g in groups):
            groups.extend(g for g in [people.get_group(self._db, own_group)] if g)
        for group in groups:
            self.group.addItem(group.name, group.id)
        self._groups = {group.id: group for group in groups}
        make_searchable(self.group)  # type "10-a" rather than scroll past a hundred groups
        self.keeper.addItem(self.tr("Not recorded"), None)
        staff = people.list_staff(self._db)
        own_keeper = fields.keeper_id if fields else None
        if own_keeper is not None and all(m.id != own_keeper for m in staff):
            staff.extend(m for m in [people.get_staff(self._db, own_keeper)] if m)
        for member in staff:
            self.keeper.addItem(staff_text(member), member.id)
        searchable_if_long(self.keeper)
        self.duration.setRange(0, LONGEST_CIRCLE_MINUTES)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("Not recorded"))

    def _fill(self, circle: Circle | None) -> None:
        if circle is None:
            # Most circles are written up after they were held, on the day.
            self.held_on.setDate(qdate(self._db.today()))
            select_data(self.status, CircleStatus.HELD)
            self._on_group_changed()
            return
        fields = circle.fields
        self.held_on.setDate(qdate(fields.held_on or self._db.today()))
        select_data(self.status, fields.status)
        select_data(self.kind, fields.kind)
        select_data(self.group, fields.group_id)
        select_data(self.keeper, fields.keeper_id)
        self.purpose.setText(fields.purpose)
        self.duration.setValue(fields.duration_minutes or 0)
        self.notes.setPlainText(fields.notes)
        self.staff.show_staff(circle.staff, set(fields.staff_ids))
        self.guests.setValue(fields.guests)
        members = people.group_members(self._db, fields.group_id) if fields.group_id else []
        member_ids = {m.id for m in members}
        others = [s for s in circle.attendees if s.id not in member_ids]
        self.attendance.show_students(members + others, set(fields.attendee_ids))

    def showEvent(self, event: QShowEvent) -> None:
        """A new circle starts in its group box, its words selected: type "10-a", Enter."""
        super().showEvent(event)
        if self._circle is None and not self.read_only:
            self.group.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_group_changed(self) -> None:
        """A new group: its students, all ticked, since most circles have nearly everyone; and
        its usual keeper, unless the user has chosen one."""
        group_id = current_data(self.group)
        members = people.group_members(self._db, group_id) if group_id else []
        self.attendance.show_students(members, {m.id for m in members})
        if not self._keeper_chosen:
            group = self._groups.get(group_id) if group_id is not None else None
            self._following = True
            select_data(self.keeper, group.keeper_id if group else None)
            self._following = False

    def _on_keeper_chosen(self) -> None:
        """Chosen by hand (or put back from a draft), as opposed to following the group."""
        if not self._following:
            self._keeper_chosen = True

    def _tick_keeper(self) -> None:
        """A new circle's keeper sat in it: ticked among the staff. The keeper before goes,
        if listed only for being the keeper (someone added by hand stays)."""
        if self._keeper_sat is not None:
            self.staff.remove(self._keeper_sat)
        keeper = current_data(self.keeper)
        self._keeper_sat = keeper if keeper is not None and self.staff.add(keeper) else None
