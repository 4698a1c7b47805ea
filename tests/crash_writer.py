"""A writer process for the crash test: creates and edits cases as fast as it can and
prints an acknowledgement after each committed call. The test kills it at random."""

from __future__ import annotations

import random
import sys

from exportdesk.store import Store


def main() -> None:
    path, user_id, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    store = Store(path)
    user = store.get_user(user_id)
    out = sys.stdout
    while True:
        case = store.create_case(user, answers={"title": f"seed {seed}"})
        print(f"CREATE {case['id']} {case['revision']}", file=out, flush=True)
        for i in range(rng.randint(1, 8)):
            title = f"seed {seed} edit {i} {'x' * rng.randint(0, 150)}"
            text = "y" * rng.randint(0, 2000)  # bulk in a long-text answer (titles stop at 200)
            saved = store.save_draft(
                user,
                case["id"],
                {"title": title, "counterpart_name": "渡辺研究所", "technology_description": text},
            )
            print(f"SAVE {case['id']} {saved['revision']} {len(title)}", file=out, flush=True)


if __name__ == "__main__":
    main()
