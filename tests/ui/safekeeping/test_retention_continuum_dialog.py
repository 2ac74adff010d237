"""The retention screen with the continuum's records: the preview says in words how many
everyday practice logs, referrals and caregivers would go, never what they say or who they
are; removing them leaves the kept ones."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.safekeeping.retention.screen import RetentionDialog
from rp_desktop.ui.words.formatting import format_date
from tests.services.safekeeping.test_retention import count
from tests.services.safekeeping.test_retention_continuum import EXPECTED, GONE, build, raw_bytes


def test_the_preview_names_logs_referrals_and_caregivers_then_they_go(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    school = build(db)
    dialog = RetentionDialog(db, backup=lambda: None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.years.setValue(3)

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    shown, day = dialog.outcome.text(), format_date(date(2022, 8, 1))
    assert f"2 everyday practices logged before {day}" in shown
    assert f"3 referrals received before {day}, or turned into a removed case" in shown
    assert "3 caregivers with no student left" in shown
    assert "2 former students" in shown
    assert "preparations and contacts with caregivers" in shown
    assert not any(word in shown for word in GONE)  # counts, never names or stories
    qtbot.mouseClick(dialog.understood, Qt.MouseButton.LeftButton)
    assert dialog.remove_button.text() == f"Remove {EXPECTED.removed} records"

    with qtbot.waitSignal(dialog.purged) as purged:
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)

    assert purged.args == [EXPECTED.removed]
    assert dialog.removed == EXPECTED
    assert count(db, "practice_log") == len(school.kept_logs)
    assert count(db, "referral") == len(school.kept_referrals)
    assert count(db, "caregiver") == len(school.kept_caregivers)
    assert not any(word.encode() in raw_bytes(db_path) for word in GONE)
