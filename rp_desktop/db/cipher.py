"""Encryption at rest with SQLCipher 4: keys, and driver connections to plain or encrypted files.

The key is derived here once per opening, with SQLCipher 4's own default KDF (PBKDF2-HMAC-SHA512,
256,000 iterations, the 16-byte salt SQLCipher keeps at the start of the file), and handed to
SQLCipher as a raw key. Each new connection then costs a fraction of a millisecond instead of the
derivation's tenth of a second, and a file made here opens in any SQLCipher 4 tool with the
passphrase alone.
"""

import os
from contextlib import closing
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

# The drivers and hashlib load when first used: telling whether a file is encrypted (what the
# first screen asks, before anything else has loaded) needs neither.
if TYPE_CHECKING:
    import sqlite3

from rp_desktop.domain.safekeeping.passphrase import Passphrase

SALT_BYTES = 16
KEY_BYTES = 32
KDF_ITERATIONS = 256_000  # SQLCipher 4's default
SQLITE_HEADER = b"SQLite format 3\x00"
# SQLCipher pages are powers of two from 512 bytes up; an encrypted file is whole pages.
SMALLEST_PAGE = 512


class Key:
    """A derived SQLCipher key and the salt it was derived with."""

    __slots__ = ("_raw", "salt")

    def __init__(self, raw: bytes, salt: bytes) -> None:
        if len(raw) != KEY_BYTES or len(salt) != SALT_BYTES:
            raise ValueError("a key is 32 bytes and its salt 16")
        self._raw = raw
        self.salt = salt

    def pragma_value(self) -> str:
        """The raw-key blob literal for `PRAGMA key`, salt included so a new file gets this salt."""
        return f"x'{self._raw.hex()}{self.salt.hex()}'"

    def derive(self, label: bytes) -> bytes:
        """A 32-byte key for another use, HMAC-SHA256(this key, label): the raw key never leaves."""
        import hashlib
        import hmac

        return hmac.new(self._raw, label, hashlib.sha256).digest()

    def __repr__(self) -> str:
        return "Key(***)"


def derive_key(passphrase: Passphrase, salt: bytes) -> Key:
    import hashlib

    raw = hashlib.pbkdf2_hmac(
        "sha512", passphrase.reveal().encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
    )
    return Key(raw, salt)


def new_key(passphrase: Passphrase) -> Key:
    """A key for a new file, with a fresh random salt."""
    return derive_key(passphrase, os.urandom(SALT_BYTES))


def key_for_file(path: Path, passphrase: Passphrase) -> Key:
    """The key `passphrase` gives for the existing encrypted file at `path`."""
    with path.open("rb") as handle:
        salt = handle.read(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        raise ValueError("the file is too short to be an encrypted database")
    return derive_key(passphrase, salt)


def is_plain_sqlite(path: Path) -> bool:
    """True when the file starts like an unencrypted SQLite database."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def may_be_encrypted(path: Path) -> bool:
    """True when the file could be an SQLCipher database: whole pages, and not plain SQLite.
    Without the key, an encrypted file cannot be told from random bytes of the same size."""
    size = path.stat().st_size
    return size >= SMALLEST_PAGE and size % SMALLEST_PAGE == 0 and not is_plain_sqlite(path)


@cache
def driver() -> Any:
    """The sqlcipher3 module, imported (and silenced) on first use."""
    import sqlcipher3

    # SQLCipher writes its own errors (a wrong key, say) to stderr; the app says them in plain
    # words instead. The setting is process-wide.
    with closing(sqlcipher3.connect(":memory:")) as quiet:
        quiet.execute("PRAGMA cipher_log_level = NONE")
    return sqlcipher3


def connect(
    target: Path | str, key: Key | None, *, sqlcipher: bool = False, **options: Any
) -> "sqlite3.Connection":
    """A driver connection to `target` (a path, or a file: URI with uri=True): SQLCipher keyed
    with `key`, or a plain one when `key` is None (through the standard sqlite3 module unless
    `sqlcipher` asks for SQLCipher's functions). Nothing is read yet, so a wrong key shows only
    on the first statement."""
    import sqlite3

    if key is None and not sqlcipher:
        plain: sqlite3.Connection = sqlite3.connect(target, **options)
        return plain
    connection = cast(sqlite3.Connection, driver().connect(str(target), **options))
    if key is not None:
        connection.execute(f'PRAGMA key = "{key.pragma_value()}"')
    return connection


def driver_errors(key: Key | None) -> tuple[type[Exception], ...]:
    """The exception classes a connection made by `connect` raises for a bad file. A damaged
    schema can make SQLite's own error message invalid UTF-8, which the driver then fails to
    decode: that is a bad file too."""
    import sqlite3

    if key is None:
        return (sqlite3.DatabaseError, UnicodeDecodeError)
    return (sqlite3.DatabaseError, driver().DatabaseError, UnicodeDecodeError)
