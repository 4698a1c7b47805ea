"""The store's interface: institution, users, people, cases, approvals, audit.

Every method that changes something runs in one transaction together with its
audit entry, checks the acting user's rights first, and raises StoreError
(changing nothing) when the action is refused. A shared server database could
stand behind the same calls later. The parts live in their own modules.
"""

from __future__ import annotations

from exportdesk.store.accounts import AccountsMixin
from exportdesk.store.cases import CasesMixin
from exportdesk.store.institution import InstitutionMixin
from exportdesk.store.people import PeopleMixin
from exportdesk.store.received import ReceivedMixin
from exportdesk.store.review import ReviewMixin


class Store(InstitutionMixin, AccountsMixin, PeopleMixin, CasesMixin, ReviewMixin, ReceivedMixin):
    """One database file and everything done with it."""
