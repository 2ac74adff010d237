"""Changing the passphrase: a weak new one is refused before anything is tried, a wrong current
one changes nothing, and a change leaves one audit event that says nothing more."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from rp_desktop.domain.safekeeping.passphrase import Passphrase, PassphraseProblem
from rp_desktop.domain.vocabulary import AuditAction
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.services.safekeeping.errors import WrongPassphrase
from rp_desktop.services.safekeeping.opening import open_database
from rp_desktop.services.safekeeping.passphrases import WeakPassphrase, change_passphrase
from tests.conftest import FakeClock
from tests.services.conftest import audit_rows

CURRENT = Passphrase("copper kettle winter garden")
NEW = Passphrase("harbor cedar violin morning")


@pytest.fixture
def encrypted(db_path: Path, clock: FakeClock) -> Iterator[Database]:
    database = open_database(db_path, passphrase=CURRENT, clock=clock)
    yield database
    database.close()


def test_a_weak_new_passphrase_is_refused_before_anything_is_tried(encrypted: Database) -> None:
    with pytest.raises(WeakPassphrase) as refused:
        change_passphrase(encrypted, CURRENT, Passphrase("short"))
    assert refused.value.problem is PassphraseProblem.TOO_SHORT
    assert audit_rows(encrypted) == []


def test_a_wrong_current_passphrase_changes_nothing(encrypted: Database) -> None:
    with pytest.raises(WrongPassphrase):
        change_passphrase(encrypted, Passphrase("not the passphrase at all"), NEW)
    assert audit_rows(encrypted) == []
    assert encrypted.check_passphrase(CURRENT)


def test_a_change_re_encrypts_and_leaves_one_bare_audit_event(
    encrypted: Database, db_path: Path, clock: FakeClock
) -> None:
    change_passphrase(encrypted, CURRENT, NEW)
    events = audit_rows(encrypted)
    assert [(e.action, e.entity, e.entity_id, e.detail) for e in events] == [
        (AuditAction.CHANGE_PASSPHRASE, "database", None, "")
    ]
    encrypted.close()
    with pytest.raises(WrongPassphrase):
        open_database(db_path, passphrase=CURRENT, clock=clock)
    with open_database(db_path, passphrase=NEW, clock=clock) as reopened:
        assert len(audit_rows(reopened)) == 1


def test_a_plain_database_has_no_passphrase_to_change(db: Database) -> None:
    with pytest.raises(ValueError, match="plain database"):
        change_passphrase(db, CURRENT, NEW)
