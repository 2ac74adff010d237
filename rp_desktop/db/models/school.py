"""School-wide settings and the audit trail."""

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rp_desktop.db.base import Base, EnumText, UTCDateTime
from rp_desktop.domain.vocabulary import AuditAction


class SchoolSettingRow(Base):
    """Settings that belong to the school's data (its name, the school year), not to a laptop."""

    __tablename__ = "school_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String)


class AuditEventRow(Base):
    """Who did what to which record and when; ids only, chained by hash and sealed by a keyed
    MAC (domain/safekeeping/audit_seal.py). `seal` is None only for an event made before
    revision 0008 that has not been sealed yet (it follows a break in the old chain)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[AuditAction] = mapped_column(EnumText(AuditAction))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(String, default="")
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    seal: Mapped[str | None] = mapped_column(String(64))


class FormDraftRow(Base):
    """What a form held when last typed in, saved as the user types so that a crash or a kill
    loses nothing; offered back on the next start and deleted once saved or discarded. It lives
    in the (encrypted) database, never in a file beside it."""

    __tablename__ = "form_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    # One per open form window, chosen by the window, so two open forms never share a draft.
    key: Mapped[str] = mapped_column(String(80), unique=True)
    # Which form ("case", "circle", "student", ...) and which record (None for a new one).
    form: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int | None] = mapped_column(Integer)
    # A few words that describe the form without quoting what was typed ("Tier 2 case").
    label: Mapped[str] = mapped_column(String(100), default="")
    # The fields as JSON: field name to value.
    fields: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)
