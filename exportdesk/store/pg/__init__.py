"""Campus mode: the store's PostgreSQL engine, schema, roles and policies."""
