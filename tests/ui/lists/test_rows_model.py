"""The shape every table of the ui shares: rows under headers, checked by Qt's own model tester,
with the cells a view may ask for past the last row or column answered with nothing."""

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from rp_desktop.ui.lists.rows_model import RIGHT, RowsModel


class Pairs(RowsModel[tuple[str, int]]):
    def text(self, row: tuple[str, int], column: int) -> str:
        return (row[0], str(row[1]))[column]

    def style(self, row: tuple[str, int], column: int, role: int) -> Any:
        return RIGHT if role == Qt.ItemDataRole.TextAlignmentRole and column == 1 else None


def test_rows_under_headers_pass_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = Pairs(headers=["Name", "Count"])
    model.set_rows([("Circles", 3), ("Cases", 12)])
    qtmodeltester.check(model, force_py=True)

    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Count"
    assert model.headerData(2, Qt.Orientation.Horizontal) is None
    assert model.data(model.index(1, 1)) == "12"
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole) == "12"
    assert model.data(model.index(1, 1), Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert model.data(model.index(1, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.data(model.index(2, 0)) is None  # past the last row
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: no row has children
    assert model.row_where(lambda row: row[1] > 10) == 1
    assert model.row_where(lambda row: row[1] > 99) is None


def test_new_rows_and_headers_reset_the_views(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = Pairs(headers=["Name", "Count"])
    model.set_rows([("Circles", 3)])
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([("Month", 1), ("Year", 2), ("All", 3)], ["When", "How many"])
    assert model.rows == [("Month", 1), ("Year", 2), ("All", 3)]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "When"
    assert model.row(2) == ("All", 3)
    assert model.data(QModelIndex()) is None
