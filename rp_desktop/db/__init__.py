"""The database: typed SQLAlchemy models, the engine and its pragmas, migrations, the lock."""
