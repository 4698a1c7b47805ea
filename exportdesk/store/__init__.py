"""Record keeping: the database file, cases, people, users and roles, the audit log.

Only this package writes SQL. Every refused action raises StoreError and changes nothing.
"""

from exportdesk.store.errors import StoreError
from exportdesk.store.service import Store

__all__ = ["Store", "StoreError"]
