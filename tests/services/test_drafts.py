"""Form drafts: one per key, replaced as the user types, gone once deleted, never audited, and
stored encrypted with the rest of an encrypted database."""

from pathlib import Path

import pytest

from rp_desktop.domain.safekeeping.passphrase import Passphrase
from rp_desktop.services import drafts
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.opening import open_database
from tests.conftest import FakeClock
from tests.services.conftest import audit_rows

PHRASE = "Quetzalcoatl-lantern-7731 spoke with Yevgenia Oyelaran-Brightwater"


def test_saving_again_replaces_the_draft(db: Database, clock: FakeClock) -> None:
    drafts.save_draft(db, "case:new:a1", "case", None, "New Tier 2 case", {"values": {"n": 1}})
    clock.advance(seconds=90)
    drafts.save_draft(db, "case:new:a1", "case", None, "New Tier 2 case", {"values": {"n": 2}})
    found = drafts.list_drafts(db)
    assert len(found) == 1
    assert found[0].fields == {"values": {"n": 2}}
    assert found[0].saved_at == clock.now
    assert drafts.get_draft(db, "case:new:a1") == found[0]


def test_drafts_are_listed_newest_first_and_deleted_by_key(db: Database, clock: FakeClock) -> None:
    drafts.save_draft(db, "student:4:b2", "student", 4, "Student", {"values": {}})
    clock.advance(minutes=5)
    drafts.save_draft(db, "meeting:new:c3", "meeting", None, "New meeting, case 9", {})
    assert [d.key for d in drafts.list_drafts(db)] == ["meeting:new:c3", "student:4:b2"]
    assert drafts.list_drafts(db)[1].record_id == 4
    assert drafts.delete_draft(db, "meeting:new:c3") is True
    assert drafts.delete_draft(db, "meeting:new:c3") is False
    assert [d.key for d in drafts.list_drafts(db)] == ["student:4:b2"]
    assert drafts.get_draft(db, "meeting:new:c3") is None


def test_text_is_kept_exactly_and_drafts_are_not_audited(db: Database) -> None:
    before = len(audit_rows(db))
    typed = 'Ñandú\'s "quote" -- ; DROP TABLE form_draft; 👍 שלום\n\tend'
    drafts.save_draft(db, "k", "student", None, "Student", {"values": {"note": typed}})
    assert drafts.get_draft(db, "k").fields["values"]["note"] == typed  # type: ignore[union-attr]
    drafts.delete_draft(db, "k")
    assert len(audit_rows(db)) == before


def test_a_key_or_form_name_that_does_not_fit_is_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="key"):
        drafts.save_draft(db, "k" * 81, "case", None, "", {})
    with pytest.raises(ValueError, match="form"):
        drafts.save_draft(db, "k", "", None, "", {})
    drafts.save_draft(db, "k", "case", None, "L" * 300, {})  # a long label is cut, not refused
    assert drafts.get_draft(db, "k").label == "L" * drafts.LONGEST_LABEL  # type: ignore[union-attr]


def _files(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())


def test_the_phrase_can_be_found_in_a_plain_database(db: Database, db_path: Path) -> None:
    """The control for the test below: the search finds a draft where nothing hides it."""
    drafts.save_draft(db, "case:new:p1", "case", None, "New Tier 2 case", {"note": PHRASE})
    assert PHRASE.encode() in _files(db_path.parent)


def test_drafts_in_an_encrypted_database_are_encrypted(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "school.db"
    db = open_database(path, passphrase=Passphrase("some long synthetic phrase here"), clock=clock)
    try:
        drafts.save_draft(db, "case:new:e1", "case", None, "New Tier 2 case", {"note": PHRASE})
        assert drafts.get_draft(db, "case:new:e1").fields == {"note": PHRASE}  # type: ignore[union-attr]
        # While the database is open the draft is in the write-ahead log: look there too.
        assert path.with_name("school.db-wal").stat().st_size > 0
        while_open = _files(tmp_path)
    finally:
        db.close()
    for needle in (PHRASE, "Quetzalcoatl", "Oyelaran"):
        for encoding in ("utf-8", "utf-16-le"):
            assert needle.encode(encoding) not in while_open + _files(tmp_path)


def test_a_save_deletes_its_draft_in_the_same_transaction(db: Database) -> None:
    """A crash right after the save must not leave a draft that would save the record again;
    a save that fails leaves the draft where it was."""
    from rp_desktop.domain.records import StudentFields
    from rp_desktop.domain.validation import InvalidInput
    from rp_desktop.services.students.records import add_student

    drafts.save_draft(db, "student:new:d4", "student", None, "New student", {"values": {}})
    drafts.save_draft(db, "student:new:e5", "student", None, "New student", {"values": {}})
    with pytest.raises(InvalidInput):
        add_student(db, StudentFields("", "", "", "", 5, ""), replaces_draft="student:new:d4")
    assert drafts.get_draft(db, "student:new:d4") is not None
    add_student(
        db,
        StudentFields("S-77", "Ines", "Valderrama", "", 5, "5B"),
        replaces_draft="student:new:d4",
    )
    assert [d.key for d in drafts.list_drafts(db)] == ["student:new:e5"]


def test_a_save_that_names_no_draft_leaves_every_draft_alone(db: Database) -> None:
    """Writing the audit event of an action deletes nothing by itself: only the form that saves
    says which draft its save replaces."""
    from rp_desktop.domain.records import StudentFields
    from rp_desktop.services.students.records import add_student

    drafts.save_draft(db, "student:new:d4", "student", None, "New student", {"values": {}})
    add_student(db, StudentFields("S-78", "Tomasz", "Brzezinski", "", 6, "6A"))
    assert [d.key for d in drafts.list_drafts(db)] == ["student:new:d4"]
