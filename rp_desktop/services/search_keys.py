"""The folded text each kind of record is found by. Kept in one place so that the services that
write records and the demo builder that bulk-loads them agree."""

from rp_desktop.domain.search import search_key

DESCRIPTION_IN_KEY = 1000  # enough of a long description to find a case by its words


def student_key(student_number: str, first: str, last: str, preferred: str, homeroom: str) -> str:
    return search_key(student_number, first, last, preferred, homeroom)


def circle_key(group_name: str, keeper_name: str, purpose: str) -> str:
    return search_key(group_name, keeper_name, purpose)


def case_key(category: str, place: str, description: str, people: list[str]) -> str:
    return search_key(category, place, description[:DESCRIPTION_IN_KEY], *people)
