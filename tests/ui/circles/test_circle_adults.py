"""The adults at a Tier 1 circle on its form: the keeper of a new circle ticked as there, other
staff added from a short drop-down, other adults as a count; a circle a run recorded opens
with its staff and the group's agreements made in it, and saving it keeps them."""

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from rp_desktop.db.models import StaffRow
from rp_desktop.domain.circle.types import RoundPlan
from rp_desktop.domain.circle_runs import CircleRunFields, SeatedPerson
from rp_desktop.domain.records import ListQuery
from rp_desktop.domain.vocabulary import CircleKind, CircleStage, StaffRole
from rp_desktop.services.circles import records as circles
from rp_desktop.services.circles.group_agreements import group_agreements, retire_group_agreement
from rp_desktop.services.circles.runs import save_circle_run
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.circles.form import CircleForm
from rp_desktop.ui.forms.widgets import select_data
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.circles.test_circles_tab import open_new_form
from tests.ui.conftest import School, type_text

TEACHER = "Gunnar Lindqvist (Teacher)"
COUNSELOR = "Marisol Quintero (Counselor)"


def ticked(form: CircleForm) -> list[str]:
    names = form.staff.staff
    return [
        names.item(row).text()
        for row in range(names.count())
        if names.item(row).checkState() == Qt.CheckState.Checked
    ]


def test_a_new_circles_keeper_is_ticked_and_other_staff_are_added_by_choice(
    qtbot, db: Database, window: MainWindow, school_db: School
) -> None:
    form = open_new_form(window)
    form.show()
    qtbot.waitExposed(form)
    assert ticked(form) == []
    select_data(form.group, school_db.advisory_id)
    assert ticked(form) == [TEACHER]  # the group's keeper sat in the circle
    select_data(form.keeper, school_db.counselor_id)
    assert ticked(form) == [COUNSELOR], "a keeper changed before saving: the new one sat"

    adder = form.staff.adder
    adder.setFocus()
    qtbot.keyClick(adder, Qt.Key.Key_Down)  # the first staff member, Gunnar
    qtbot.keyClick(adder, Qt.Key.Key_Down)
    adder.showPopup()
    qtbot.keyClick(adder.view(), Qt.Key.Key_Return)
    assert adder.currentIndex() == 0, "the drop-down is ready for another"
    assert ticked(form) == [COUNSELOR, TEACHER]
    select_data(form.keeper, None)
    assert ticked(form) == [TEACHER], "Gunnar was added by hand: only the keeper went"
    select_data(form.keeper, school_db.counselor_id)
    assert ticked(form) == [TEACHER, COUNSELOR]
    form.guests.setFocus()
    form.guests.selectAll()
    type_text(form.guests, "2")

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert not form.isVisible()
    saved = circles.get_circle(db, window.tier1.selected_record().id)
    assert [s.display_name for s in saved.staff] == ["Gunnar Lindqvist", "Marisol Quintero"]
    assert saved.fields.guests == 2


def run_record(db: Database, school_db: School) -> int:
    """A values circle run for the advisory: the counselor keeps it, the teacher and a parent
    sit in, two students; three agreements made."""
    with Session(db.engine) as session:
        teacher = session.query(StaffRow).filter_by(role=StaffRole.TEACHER).one().id
    start = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    first, second = school_db.members[:2]
    saved = save_circle_run(
        db,
        CircleRunFields(
            seats=(
                SeatedPerson(0, "Ms Q", True, staff_id=school_db.counselor_id),
                SeatedPerson(1, "Xochitl", student_id=first.id),
                SeatedPerson(2, "Nou", student_id=second.id),
                SeatedPerson(3, "Mr L", staff_id=teacher),
                SeatedPerson(4, "A parent"),
            ),
            rounds=(RoundPlan(CircleStage.AGREEMENT, "What will we agree?"),),
            turns=(),
            started_at=start,
            ended_at=start + timedelta(minutes=30),
            running_seconds=1800,
            kind=CircleKind.VALUES_AND_GUIDELINES,
            purpose="Our class agreement",
            group_id=school_db.advisory_id,
            keeper_id=school_db.counselor_id,
            group_agreements=("We listen to the end", "We pass when we need to", "No put-downs"),
        ),
    )
    assert saved.community_circle_id is not None
    return saved.community_circle_id


def test_a_circle_a_run_recorded_shows_its_adults_and_agreements_and_keeps_them(
    qtbot, db: Database, school_db: School
) -> None:
    circle_id = run_record(db, school_db)
    retire_group_agreement(db, group_agreements(db, school_db.advisory_id)[2].id)
    form = CircleForm(db, circles.get_circle(db, circle_id), school_year=2025)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert ticked(form) == [TEACHER, COUNSELOR]
    assert form.guests.value() == 1
    words = form.agreements.text()
    assert "We listen to the end" in words
    assert "We pass when we need to" in words
    assert "No put-downs (no longer in force)" in words
    assert form.staff.accessibleName() == "Staff who were there"
    assert form.guests.accessibleName() == "Other adults (count)"

    type_text(form.notes, "Calm and warm.")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    again = circles.get_circle(db, circle_id)
    assert again.fields.notes == "Calm and warm."
    assert again.fields.staff_ids == {school_db.counselor_id, again.staff[0].id}
    assert again.fields.guests == 1


def test_the_adults_fit_a_1280_by_720_screen(qtbot, db: Database, school_db: School) -> None:
    circle_id = run_record(db, school_db)
    form = CircleForm(db, circles.get_circle(db, circle_id), school_year=2025)
    qtbot.addWidget(form)
    form.show()
    form.resize(form.minimumWidth(), 720 - 40)
    qtbot.waitExposed(form)
    QApplication.processEvents()
    assert form.width() <= 1280
    for widget in (form.staff.staff, form.staff.adder, form.guests, form.agreements):
        right = widget.mapTo(form, widget.rect().topRight()).x()
        assert right <= form.width(), "nothing runs off the form's right edge"


def test_a_circle_shown_read_only_offers_no_staff_to_add(
    qtbot, db: Database, school_db: School
) -> None:
    circle = circles.list_circles(db, ListQuery()).rows[0]  # recorded with no staff
    form = CircleForm(db, circles.get_circle(db, circle.id), school_year=2025)
    qtbot.addWidget(form)
    form.set_read_only(True)
    form.show()
    qtbot.waitExposed(form)
    assert ticked(form) == []
    assert form.staff.staff.placeholder == "No staff recorded."
    assert not form.staff.adder.isVisible()
    form.set_read_only(False)
    assert form.staff.adder.isVisible()
    assert form.staff.staff.placeholder.startswith("No staff recorded. Add who sat")
