"""The Students list sorted by homeroom reads as people read it: "9-107" before "10-204",
"Room 2" before "Room 12", a page at a time like any other order."""

from rp_desktop.domain.records import ListQuery, StudentFields
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.students.records import add_student, list_students, set_student_active

ROOMS = ["10-204", "9-107", "Room 12", "9-108", "Room 2", "11-301", "9-107"]


def test_homerooms_sort_naturally_a_page_at_a_time(db: Database) -> None:
    for number, room in enumerate(ROOMS):
        last = "Zamora" if number == 1 else f"Okafor{number}"
        add_student(db, StudentFields(f"H{number}", "Ada", last, grade=9, homeroom=room))
    add_student(db, StudentFields("H99", "Ada", "Abara", grade=9, homeroom="9-107"))

    def rooms(descending: bool, offset: int, limit: int) -> list[tuple[str, str]]:
        query = ListQuery(sort="homeroom", descending=descending)
        page = list_students(db, query, offset, limit)
        assert page.total == 8
        return [(s.homeroom, s.last_name) for s in page.rows]

    ascending = rooms(False, 0, 3) + rooms(False, 3, 5)
    assert ascending == [
        ("9-107", "Abara"),
        ("9-107", "Okafor6"),
        ("9-107", "Zamora"),  # within a homeroom, by name
        ("9-108", "Okafor3"),
        ("10-204", "Okafor0"),
        ("11-301", "Okafor5"),
        ("Room 2", "Okafor4"),
        ("Room 12", "Okafor2"),
    ]
    assert rooms(True, 0, 8) == ascending[::-1]


def test_the_homeroom_order_keeps_the_search_and_leaves_out_who_left(db: Database) -> None:
    kept = add_student(db, StudentFields("K1", "Ines", "Muñoz", grade=9, homeroom="10-A"))
    add_student(db, StudentFields("K2", "Ines", "Moreau", grade=9, homeroom="9-A"))
    gone = add_student(db, StudentFields("K3", "Ines", "Muñoz Díaz", grade=9, homeroom="9-B"))
    set_student_active(db, gone.id, False)
    page = list_students(db, ListQuery(text="munoz", sort="homeroom"))
    assert [s.id for s in page.rows] == [kept.id]
    assert page.total == 1
