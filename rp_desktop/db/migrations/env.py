"""Alembic's environment: always run from `rp_desktop.db.schema` on a connection it hands over."""

from alembic import context

from rp_desktop.db.base import Base
from rp_desktop.db.models import __all__ as _all_models  # noqa: F401  (fills the metadata)

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
