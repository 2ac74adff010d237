"""What every list query shares: the search, the date range, the order, and one page of rows."""

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import Session

from rp_desktop.domain.records import ListQuery
from rp_desktop.domain.search import LIKE_ESCAPE, like_patterns

DEFAULT_PAGE = 200

AnySelect = Select[*tuple[Any, ...]]
S = TypeVar("S", bound=AnySelect)


def matching(search_key: Any, text: str) -> list[ColumnElement[bool]]:
    """Every word of `text` must appear in `search_key`, ignoring case and accents."""
    return [search_key.like(pattern, escape=LIKE_ESCAPE) for pattern in like_patterns(text)]


def in_date_range(column: Any, query: ListQuery) -> list[ColumnElement[bool]]:
    conditions = []
    if query.date_from is not None:
        conditions.append(column >= query.date_from)
    if query.date_to is not None:
        conditions.append(column <= query.date_to)
    return conditions


def ordered(
    stmt: S,
    query: ListQuery,
    sort_columns: Mapping[str, Any],
    default: str,
    tie_breaker: Any,
) -> S:
    """Order by the column (or columns) the screen asked for, or `default`; then by id, so that
    pages are stable."""
    chosen = sort_columns.get(query.sort) or sort_columns[default]
    columns = chosen if isinstance(chosen, tuple) else (chosen,)
    keys = [*columns, tie_breaker]
    return stmt.order_by(*(c.desc() if query.descending else c.asc() for c in keys))


def fetch_page(
    session: Session,
    rows: AnySelect,
    conditions: Sequence[ColumnElement[bool]],
    counted: Any,
    offset: int,
    limit: int,
) -> tuple[Sequence[Row[*tuple[Any, ...]]], int]:
    """One page of `rows` that meet `conditions`, and how many records of `counted` meet them.

    The count runs on the filtered table alone: counting the page query itself would make
    SQLite compute every joined and derived column of every match just to count it."""
    total = session.scalar(select(func.count()).select_from(counted).where(*conditions)) or 0
    page = session.execute(rows.where(*conditions).offset(offset).limit(limit)).all()
    return page, total
