"""A writer process for the concurrency test: a fixed number of cases created and edited
as fast as it can, one acknowledgement per committed call; any error goes to stderr."""

from __future__ import annotations

import sys

from exportdesk.store import Store


def main() -> None:
    path, user_id, name, rounds = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    store = Store(path)
    user = store.get_user(user_id)
    for i in range(rounds):
        case = store.create_case(user, answers={"title": f"{name} {i}"})
        print(f"CREATE {case['id']}", flush=True)
        saved = store.save_draft(user, case["id"], {"title": f"{name} {i} edited"})
        print(f"SAVE {case['id']} {saved['revision']}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
