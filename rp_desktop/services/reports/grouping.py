"""How a breakdown sorts students into categories, in SQL: the value (grade, group, homeroom,
demographic value) joined onto any query that has a student id column, and the categories the
roster has even where nothing was counted.

Grade, homeroom and demographic values are the student's current ones. Groups are those of the
school years the period touches (a period in 2025-26 is broken down by that year's advisories,
not by every advisory the student was ever in).
"""

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from rp_desktop.db.models import GroupMemberRow, GroupRow, StudentDemographicRow, StudentRow
from rp_desktop.domain.reports.keys import category_key, category_value, sorted_categories
from rp_desktop.domain.reports.model import Breakdown, BreakdownKind, Period
from rp_desktop.domain.school_year import school_year_of

AnySelect = Select[*tuple[Any, ...]]


class Grouping:
    """One breakdown over one period."""

    def __init__(self, breakdown: Breakdown, period: Period) -> None:
        if breakdown.kind is BreakdownKind.NONE:
            raise ValueError("a breakdown of kind NONE has no groups")
        if breakdown.kind is BreakdownKind.DEMOGRAPHIC and not breakdown.field:
            raise ValueError("a demographic breakdown needs the field it breaks down by")
        self.kind = breakdown.kind
        self.field = breakdown.field or ""
        self.years = (school_year_of(period.first), school_year_of(period.last))
        self._names: dict[str, str] = {}

    def attach(self, stmt: AnySelect, student_id: Any) -> tuple[AnySelect, Any]:
        """`stmt` joined to the value of the student in column `student_id`, and that value's
        column (NULL where the student has none)."""
        if self.kind in (BreakdownKind.GRADE, BreakdownKind.HOMEROOM):
            student = aliased(StudentRow)
            stmt = stmt.join(student, student.id == student_id)
            if self.kind is BreakdownKind.GRADE:
                return stmt, student.grade
            return stmt, func.nullif(student.homeroom, "")
        if self.kind is BreakdownKind.GROUP:
            members = self._memberships()
            return stmt.outerjoin(members, members.c.student_id == student_id), members.c.group_id
        values = aliased(StudentDemographicRow)
        joined = stmt.outerjoin(
            values, and_(values.student_id == student_id, values.field == self.field)
        )
        return joined, func.nullif(values.value, "")

    def matches(self, value: Any, category: str) -> ColumnElement[bool]:
        """The condition that `value` (from attach) falls in `category`. Raises ValueError for
        a category of another breakdown."""
        wanted = category_value(self.kind, category)
        if wanted is None:
            return value.is_(None)  # type: ignore[no-any-return]
        return value == wanted  # type: ignore[no-any-return]

    def key(self, value: object) -> str:
        return category_key(self.kind, value)

    def roster_categories(self, session: Session) -> set[str]:
        """The categories of the active students (and, for groups, every group of the years),
        so that a grade with nothing counted still shows as zero."""
        if self.kind is BreakdownKind.GROUP:
            groups = session.execute(
                select(GroupRow.id, GroupRow.name).where(GroupRow.school_year.between(*self.years))
            )
            self._names = {self.key(group_id): name for group_id, name in groups}
            return set(self._names)
        stmt, value = self.attach(select(StudentRow.id).where(StudentRow.active), StudentRow.id)
        values = session.scalars(stmt.with_only_columns(value).distinct())
        return {self.key(v) for v in values}

    def sort(self, keys: set[str]) -> tuple[str, ...]:
        return sorted_categories(self.kind, keys, self._names)

    def _memberships(self) -> Any:
        return (
            select(GroupMemberRow.student_id, GroupMemberRow.group_id)
            .join(GroupRow, GroupRow.id == GroupMemberRow.group_id)
            .where(GroupRow.school_year.between(*self.years))
            .subquery()
        )
