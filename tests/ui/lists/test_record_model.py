"""The paged table model: checked by qtmodeltester for every list, and its paging."""

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt

from rp_desktop.domain.records import CaseFields, ListQuery, Page, ParticipantFields
from rp_desktop.domain.vocabulary import Role, Tier, Tier3Kind
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.opening import Database
from rp_desktop.ui.lists import record_model
from rp_desktop.ui.lists.record_model import Column, RecordTableModel
from rp_desktop.ui.window.main_window import MainWindow
from tests.ui.conftest import School


@pytest.mark.parametrize(
    ("view", "rows"), [("tier1", 3), ("tier2", 1), ("tier3", 1), ("students", 4)]
)
def test_every_list_model_passes_qtmodeltester(
    qtmodeltester, window: MainWindow, db: Database, school_db: School, view: str, rows: int
):
    for tier, kind in ((Tier.TARGETED, None), (Tier.INTENSIVE, Tier3Kind.FORMAL_CONFERENCE)):
        # The school has circles and students only: a case of each tier, so no list is empty.
        fields = CaseFields(
            tier=tier,
            tier3_kind=kind,
            occurred_on=date(2026, 3, 2),
            category_id=cases.list_categories(db)[0].id,
            description="Words in the hallway.",
            participants=(
                ParticipantFields(Role.PERSON_HARMED, student_id=school_db.members[0].id),
            ),
        )
        cases.open_case(db, fields)
    window.show_view(view)
    listed = window.current_list()
    listed.reload()
    assert listed.model.rowCount() == rows
    qtmodeltester.check(listed.model, force_py=True)


def test_a_list_with_rows_passes_qtmodeltester_after_sorting(qtmodeltester, window: MainWindow):
    model = window.tier1.model
    assert model.rowCount() == 3
    model.sort(3, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


@dataclass(frozen=True)
class Row:
    id: int
    name: str


def numbered(total: int):  # type: ignore[no-untyped-def]
    calls: list[tuple[int, int]] = []

    def fetch(query: ListQuery, offset: int, limit: int) -> Page[Row]:
        calls.append((offset, limit))
        rows = [Row(i, f"row {i}") for i in range(total)]
        return Page(tuple(rows[offset : offset + limit]), total)

    return fetch, calls


def test_rows_arrive_a_page_at_a_time(qtmodeltester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_model, "PAGE_SIZE", 10)
    fetch, calls = numbered(25)
    model = RecordTableModel([Column("Name", lambda r: r.name)], fetch)
    model.reload()
    assert model.rowCount() == 10
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 25
    assert not model.canFetchMore(QModelIndex())
    assert calls == [(0, 10), (10, 10), (20, 10)]
    assert model.index(24, 0).data() == "row 24"
    qtmodeltester.check(model, force_py=True)


def test_a_column_without_a_sort_key_leaves_the_order_alone() -> None:
    fetch, calls = numbered(3)
    model = RecordTableModel([Column("Name", lambda r: r.name)], fetch)
    model.reload()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert calls == [(0, record_model.PAGE_SIZE)]
    assert model.sort_column() == -1


def test_the_tier_tabs_differ_only_in_their_tier(window: MainWindow) -> None:
    assert window.tier2.tier is Tier.TARGETED
    assert window.tier3.tier is Tier.INTENSIVE
    headers = [
        window.tier3.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(window.tier3.model.columnCount())
    ]
    assert "Practice" in headers
