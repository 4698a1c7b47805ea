"""Administering accounts: edit, proxies, password reset, unlock, deactivate; all audited."""

from __future__ import annotations

import pytest

from exportdesk.store import StoreError
from tests.store_fixtures import PASSWORD, Campus, make_campus


@pytest.fixture
def campus(tmp_path) -> Campus:
    return make_campus(tmp_path / "campus.db")


def actions(campus: Campus, user_id: int) -> list[str]:
    return [r["action"] for r in campus.store.account_history(campus.admin, user_id)]


def test_update_user_changes_name_and_department_audited(campus: Campus) -> None:
    s = campus.store
    user = s.update_user(
        campus.admin, campus.prof.id, name="研究 一郎（改）", department_id=campus.sci
    )
    assert (user.name, user.department_id) == ("研究 一郎（改）", campus.sci)
    assert actions(campus, campus.prof.id)[-1] == "update"
    with pytest.raises(StoreError) as exc:
        s.update_user(campus.admin, campus.prof.id, name="x", department_id=9999)
    assert exc.value.code == "invalid"
    with pytest.raises(StoreError):
        s.update_user(campus.admin, campus.prof.id, name="  ")
    assert s.get_user(campus.prof.id).name == "研究 一郎（改）"
    with pytest.raises(StoreError) as exc:
        s.update_user(campus.office, campus.prof.id, name="x")
    assert exc.value.code == "forbidden"


def test_roles_refuse_unknown_departments_and_keep_an_admin(campus: Campus) -> None:
    s = campus.store
    with pytest.raises(StoreError):
        s.set_roles(campus.admin, campus.prof.id, [("dept_manager", 9999)])
    assert s.get_user(campus.prof.id).roles == campus.prof.roles
    # The only administrator cannot give up the role while others depend on it.
    with pytest.raises(StoreError) as exc:
        s.set_roles(campus.admin, campus.admin.id, [("office", None)])
    assert exc.value.code == "last_admin"
    assert s.get_user(campus.admin.id).has("admin")
    s.set_roles(campus.admin, campus.office.id, [("office", None), ("admin", None)])
    s.set_roles(campus.admin, campus.admin.id, [("office", None)])
    assert not s.get_user(campus.admin.id).has("admin")


def test_proxies_set_exactly(campus: Campus) -> None:
    s = campus.store
    assert s.proxy_applicant_ids(campus.secretary.id) == {campus.prof.id}
    s.set_proxies(campus.admin, campus.secretary.id, {campus.prof_sci.id})
    assert s.proxy_applicant_ids(campus.secretary.id) == {campus.prof_sci.id}
    assert actions(campus, campus.secretary.id)[-2:] == ["add_proxy", "remove_proxy"]
    with pytest.raises(StoreError):
        s.add_proxy(campus.admin, campus.secretary.id, campus.secretary.id)
    with pytest.raises(StoreError):
        s.add_proxy(campus.admin, campus.secretary.id, 9999)


def test_lock_unlock_and_reset_password(campus: Campus) -> None:
    s = campus.store
    for _ in range(5):
        with pytest.raises(StoreError):
            s.authenticate("prof", "wrong password!")
    with pytest.raises(StoreError) as exc:
        s.authenticate("prof", PASSWORD)
    assert exc.value.code == "locked"
    assert next(a for a in s.list_accounts(campus.admin) if a["login"] == "prof")["locked"]
    s.unlock_user(campus.admin, campus.prof.id)
    assert s.authenticate("prof", PASSWORD).id == campus.prof.id
    with pytest.raises(StoreError) as exc:
        s.reset_password(campus.admin, campus.prof.id, "short")
    assert exc.value.code == "weak_password"
    s.reset_password(campus.admin, campus.prof.id, "a new password 2026")
    with pytest.raises(StoreError):
        s.authenticate("prof", PASSWORD)
    assert s.authenticate("prof", "a new password 2026").id == campus.prof.id
    assert {"unlock", "reset_password"} <= set(actions(campus, campus.prof.id))
    # The audit never holds the password or its hash.
    history = s.account_history(campus.admin, campus.prof.id)
    text = " ".join(f"{r['before_json']} {r['after_json']}" for r in history)
    assert "a new password" not in text and "argon2" not in text


def test_deactivate_and_reactivate(campus: Campus) -> None:
    s = campus.store
    s.set_active(campus.admin, campus.prof.id, False)
    with pytest.raises(StoreError) as exc:
        s.authenticate("prof", PASSWORD)
    assert exc.value.code == "inactive"
    s.set_active(campus.admin, campus.prof.id, True)
    assert s.authenticate("prof", PASSWORD).id == campus.prof.id
    assert actions(campus, campus.prof.id)[-3:-1] == ["deactivate", "activate"]
    with pytest.raises(StoreError) as exc:
        s.set_active(campus.admin, campus.admin.id, False)
    assert exc.value.code == "deactivate_self"
    with pytest.raises(StoreError) as exc:
        s.set_active(campus.office, campus.prof.id, False)
    assert exc.value.code == "forbidden"
