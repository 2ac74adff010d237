"""Open every view and every dialog of RP Desktop on a sample school, on the one screen the
offscreen platform was given, and write what checks.py finds to a JSON file.

Run by test_fit.py in a process of its own, because the screen's size is fixed when Qt starts:
    QT_QPA_PLATFORM=offscreen:configfile=screen.json python -m tests.ui.fit.survey DB OUT.json
"""

import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from rp_desktop.domain.casework.records import CaseDetail
from rp_desktop.domain.records import ListQuery
from rp_desktop.domain.vocabulary import Tier
from rp_desktop.services import school, showcase
from rp_desktop.services.casework import case_detail
from rp_desktop.services.circles import records as circles
from rp_desktop.services.circles import seeding as library_seed
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.students import records as students
from rp_desktop.ui import dialogs
from rp_desktop.ui.screenshots.dialogs import DIALOG_VIEWS
from rp_desktop.ui.window.main_window import VIEWS, MainWindow
from tests.ui.fit.checks import window_findings

Build = Callable[[], QWidget]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def look(name: str, window: QWidget) -> list[str]:
    """`window` shown, then each page of each of its tab widgets (the main window's own tabs
    aside: each of its views is looked at by name)."""
    if not window.isVisible():
        window.show()
    settle()
    keep_picture(name, window)
    found = window_findings(name, window)
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisible() or isinstance(tabs.window(), MainWindow):
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle()
            page = f"{name} › {tabs.tabText(index).replace('&', '')}"
            keep_picture(page, window)
            found += window_findings(page, window)
    return found


def keep_picture(name: str, window: QWidget) -> None:
    """With RP_FIT_PICTURES set to a folder, each window looked at is saved there as a PNG,
    for a person to look at too."""
    folder = os.environ.get("RP_FIT_PICTURES")
    if folder:
        size = window.screen().size()
        file = re.sub(r"[^\w-]+", "_", name).strip("_")
        window.grab().save(str(Path(folder) / f"{size.width()}x{size.height()}-{file}.png"))


def close(window: QWidget) -> None:
    window.hide()
    window.deleteLater()
    settle()


def main_window_views(db: Database) -> Iterator[str]:
    info = school.school_info(db)
    assert info is not None
    window = MainWindow(db, info)
    window.show()
    for view in VIEWS:
        window.show_view(view)
        yield from look(view, window)
    reports = window.reports.content()
    for index, opened in enumerate(_report_pages(reports)):
        opened()
        yield from look(f"reports page {index + 1}", window)
    from rp_desktop.ui.window.shortcuts_dialog import ShortcutsDialog

    shortcuts = ShortcutsDialog(window.menuBar(), window)
    yield from look("keyboard shortcuts", shortcuts)
    close(shortcuts)
    close(window)


def _report_pages(reports: QWidget) -> list[Callable[[], object]]:
    from rp_desktop.domain.reports.model import ReportKind

    pages: list[Callable[[], object]] = [
        lambda kind=kind: reports.open_report(kind)  # type: ignore[attr-defined]
        for kind in ReportKind
    ]
    pages.append(reports.show_equity)  # type: ignore[attr-defined]
    return pages


def case_window_and_forms(db: Database) -> Iterator[str]:
    """The busiest Tier 3 case in its window, and every form the window opens."""
    from rp_desktop.ui.case.case_window import CaseWindow

    info = school.school_info(db)
    assert info is not None
    case_id = showcase.busiest_case(db, Tier.INTENSIVE)
    assert case_id is not None
    window = CaseWindow(db, case_id, school_name=info.name)
    yield from look("case window", window)
    detail = case_detail.get_case_detail(db, case_id)
    forms: dict[str, Build] = {
        "case form": window.edit_details,
        "new meeting": window.new_meeting,
        "new meeting, answers kept": lambda: _answers_kept(window.new_meeting()),
        "new agreement": window.edit_agreement,
        "follow-up": lambda: window.step_form("follow_up"),
        "tier move": lambda: window.step_form("tier"),
        "close the case": lambda: window.step_form("close"),
        "re-entry": lambda: window.step_form("re_entry"),
        "new support plan": lambda: window.step_form("support_plan"),
    }
    if detail.meetings:
        forms["meeting"] = lambda: window.open_meeting(detail.meetings[0].id)
        # Marked held with the person harmed's choice missing: the note and the reason show.
        forms["meeting marked held"] = lambda: window.mark_held(detail.meetings[-1].id)
    forms["preparation"] = lambda: _preparation(window, detail)
    if detail.agreements:
        forms["agreement"] = lambda: window.edit_agreement(detail.agreements[0].id)
    if detail.support_plans:
        plan = detail.support_plans[0]
        forms["support plan"] = lambda: window.step_form("support_plan", plan)
        forms["progress"] = lambda: window.step_form("progress", plan)
    forms["family contact"] = window.family.add_contact  # type: ignore[dict-item]
    forms["letters for families"] = lambda: _letters(db, detail)
    for name, build in forms.items():
        form = build()
        yield from look(name, form)
        close(form)
    close(window)


def _letters(db: Database, detail: CaseDetail) -> QWidget:
    from rp_desktop.ui.families.letter_dialog import LetterDialog
    from rp_desktop.ui.families.letters import addressees

    choices = [("Tuesday, March 17, 2026 · Formal conference", 1)]
    return LetterDialog(
        "Print an invitation", addressees(db, detail), choices, "Meeting", ask_place=True
    )


def _preparation(window: QWidget, detail: CaseDetail) -> QWidget:
    """The first person's pre-conference checklist, as the Preparation tab opens it."""
    preparation = window.preparation  # type: ignore[attr-defined]
    preparation.table.selectRow(0)
    form = preparation.edit_chosen()
    assert form is not None, detail.case.id
    return form  # type: ignore[no-any-return]


def other_windows(db: Database) -> dict[str, Build]:
    from rp_desktop.ui.case.categories_dialog import CategoriesDialog
    from rp_desktop.ui.circles.form import CircleForm
    from rp_desktop.ui.conversation.window import ConversationWindow
    from rp_desktop.ui.exports.dialog import ExportDialog
    from rp_desktop.ui.families.caregiver_form import CaregiverForm
    from rp_desktop.ui.home.due_list import DueList
    from rp_desktop.ui.home.staff_dialog import StaffDialog
    from rp_desktop.ui.practice.dialog import LogPracticeDialog
    from rp_desktop.ui.practice.log_window import PracticeLogWindow
    from rp_desktop.ui.run_circle.library_dialog import CircleLibraryDialog
    from rp_desktop.ui.run_circle.prompts import PromptForm
    from rp_desktop.ui.run_circle.round_dialog import RoundDialog
    from rp_desktop.ui.startup.restore_backup import RestoreBackupDialog
    from rp_desktop.ui.startup.welcome import WelcomeDialog
    from rp_desktop.ui.students.form import StudentForm
    from rp_desktop.ui.students.roster_wizard import RosterWizard
    from rp_desktop.ui.students.timeline import StudentTimeline

    info = school.school_info(db)
    assert info is not None
    year = info.school_year
    circle_id = circles.list_circles(db, ListQuery(), limit=1).rows[0].id
    student = students.list_students(db, ListQuery(), limit=1).rows[0]
    involved = showcase.most_involved_student(db)
    assert involved is not None
    builds: dict[str, Build] = {
        "new student": lambda: StudentForm(db),
        "student": lambda: StudentForm(db, student),
        "new circle": lambda: CircleForm(db, school_year=year),
        "circle": lambda: CircleForm(db, circles.get_circle(db, circle_id), school_year=year),
        "prompt": lambda: PromptForm(db, None),
        "round": lambda: RoundDialog(lambda _stage: [], None),
        "circle library": lambda: CircleLibraryDialog(db),
        "categories": lambda: CategoriesDialog(db),
        "roster wizard": lambda: RosterWizard(db),
        "export": lambda: ExportDialog([year - 1, year], year),
        "welcome": lambda: WelcomeDialog(db),
        "restore a backup": lambda: RestoreBackupDialog(db),
        "timeline": lambda: StudentTimeline(db, involved),
        "agreements due": lambda: DueList(db),
        "new conversation": lambda: ConversationWindow(db),
        "conversation, the questions": lambda: _conversation_at(db, 1),
        "conversation, the agreement": lambda: _conversation_at(db, 2),
        "conversation, answers kept": lambda: _answers_kept(_conversation_at(db, 1)),
        "add staff": lambda: StaffDialog(db),
        "new caregiver": lambda: CaregiverForm(db, for_student=student),
        "caregiver": lambda: _caregiver_form(db),
        "circle console": lambda: _console(db),
        "new referral": lambda: _referral_form(db),
        "referral triage": lambda: _triage(db),
        "log a practice": lambda: LogPracticeDialog(db),
        "log a practice, a conference of four": lambda: _conference_of_four(db),
        "practice log": lambda: PracticeLogWindow(db),
        "open a case from a log": lambda: _case_from_a_log(db),
        "close a case of harm": lambda: _close_a_case_of_harm(db),
    }
    # "locked" locks the database: it comes last.
    for name in sorted(DIALOG_VIEWS, key=lambda name: name == "locked"):
        builds[name] = lambda build=DIALOG_VIEWS[name]: build(db, info)
    return builds


def _caregiver_form(db: Database) -> QWidget:
    """The caregiver of two students, or the first there is."""
    from rp_desktop.services.continuum import caregivers
    from rp_desktop.ui.families.caregiver_form import CaregiverForm

    found = caregivers.find_caregivers(db, "a")
    chosen = max(found, key=lambda c: len(c.fields.students))
    return CaregiverForm(db, chosen)


def _conversation_at(db: Database, step: int) -> QWidget:
    """A conversation between two students, at its `step` (1: the questions; 2: the agreement)."""
    from rp_desktop.domain.vocabulary import Role
    from rp_desktop.ui.conversation.window import ConversationWindow

    window = ConversationWindow(db)
    rows = students.list_students(db, ListQuery(), limit=2).rows
    for student in rows:
        window.people.picker.studentChosen.emit(student)
    roles = (Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED)
    for row, role in zip(window.people._rows, roles, strict=True):
        row.set_role(role)
    window.show()
    window.show_step(step)
    return window


def _answers_kept(form: QWidget) -> QWidget:
    """A meeting's form or a conversation with "Keep the answers word for word" ticked: a box
    under each question."""
    form.answers.keep.setChecked(True)  # type: ignore[attr-defined]
    return form


def _referral_form(db: Database) -> QWidget:
    """A new referral with a suspension proposed: every row shown."""
    from rp_desktop.ui.referrals.form import ReferralForm

    form = ReferralForm(db)
    form.proposed.setChecked(True)
    return form


def _triage(db: Database) -> QWidget:
    """Triage of the waiting referral with the most students, to a Tier 3 case: most rows."""
    from rp_desktop.domain.continuum.kinds import ReferralDecision
    from rp_desktop.services.continuum import referrals
    from rp_desktop.ui.referrals.triage import TriageForm

    waiting, _total = referrals.waiting_referrals(db)
    referral = max(waiting, key=lambda r: len(r.fields.student_ids))
    form = TriageForm(db, referral)
    form.decision.buttons[ReferralDecision.TIER3_CASE].setChecked(True)
    return form


def _conference_of_four(db: Database) -> QWidget:
    from rp_desktop.domain.continuum.kinds import PracticeKind
    from rp_desktop.ui.practice.dialog import LogPracticeDialog

    dialog = LogPracticeDialog(db)
    dialog.kind.set_kind(PracticeKind.IMPROMPTU_CONFERENCE)
    for student in students.list_students(db, ListQuery(), limit=4).rows:
        dialog.students.picker.studentChosen.emit(student)
    return dialog


def _case_from_a_log(db: Database) -> QWidget:
    from rp_desktop.services.continuum import practice
    from rp_desktop.ui.practice.case_dialog import OpenCaseDialog

    log = next(log for log in practice.recent_practice(db) if len(log.student_names) > 1)
    return OpenCaseDialog(db, log)


def _close_a_case_of_harm(db: Database) -> QWidget:
    """Closing a Tier 2 case of harm with a person harmed: it asks whether the harm was
    repaired."""
    from rp_desktop.domain.casework.roles import asks_repair_felt
    from rp_desktop.services.casework import cases
    from rp_desktop.ui.case.step_forms import CloseCaseForm

    for item in cases.list_cases(db, Tier.TARGETED, ListQuery(), limit=100).rows:
        detail = case_detail.get_case_detail(db, item.id)
        roles = (p.fields.role for p in detail.case.participants)
        if asks_repair_felt(detail.case.category_kind, roles):
            return CloseCaseForm(db, detail)
    raise AssertionError("no Tier 2 case of harm with a person harmed in the sample")


def _console(db: Database) -> QWidget:
    from rp_desktop.ui.screenshots.views import circle_in_progress

    info = school.school_info(db)
    assert info is not None
    runner = circle_in_progress(db, info)
    runner.wall.hide()
    return runner.console


def survey(db_path: Path) -> list[str]:
    found: list[str] = []
    with open_database(db_path, unencrypted=True) as db:
        library_seed.ensure_circle_library(db)  # as the app does when it opens a database
        found += main_window_views(db)
        found += case_window_and_forms(db)
        for name, build in other_windows(db).items():
            window = build()
            found += look(name, window)
            close(window)
    return found


def make_school(path: Path, students: int = 600) -> None:
    """A sample school of `students` students and two years of records, unencrypted."""
    from rp_desktop.services.demo import build_demo_school

    with open_database(path, unencrypted=True) as db:
        build_demo_school(db, students=students, years=2)


def _never_wait(*_args: object) -> int:
    raise AssertionError("a dialog waited for a click while the windows were surveyed")


def main() -> int:
    db_path, out = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication([])
    QCoreApplication.setOrganizationName("RP Desktop fit survey")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="fit")
    )
    dialogs.wait_for = _never_wait  # type: ignore[assignment]
    screen = app.primaryScreen().availableGeometry()
    found = survey(db_path)
    out.write_text(json.dumps({"screen": [screen.width(), screen.height()], "found": found}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
