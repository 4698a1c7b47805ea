"""Case folding that finds the same rows on both engines.

SQLite's lower() and LIKE fold ASCII letters only, so "MÜLLER" would not find "Müller";
PostgreSQL's lower() folds every letter (Ü, É, Ｍ) one character at a time. The store
folds what a user types with `fold_case`, and the searched text in SQL with
`folded_sql`: a function of the same name on SQLite (registered on every connection,
store/db.py), lower() on PostgreSQL (store/pg/schema.py).
"""

from __future__ import annotations

# Python's lower() differs from a per-character fold in two places: İ becomes two
# characters (i and a combining dot), and a final Σ becomes ς. PostgreSQL gives i and σ.
_SIMPLE = str.maketrans({"İ": "i", "Σ": "σ"})

# The only letters beyond ASCII whose lower case is ASCII: İ (U+0130) and the Kelvin
# sign (U+212A); a test checks this against Python's Unicode tables.
ASCII_FROM_OTHERS = {"\u0130": "i", "\u212a": "k"}


def fold_case(text: str | None) -> str | None:
    """Every letter in its lower case, one character for one (None stays None)."""
    if text is None:
        return None
    if text.isascii():
        return text.lower()
    return text.translate(_SIMPLE).lower()


def folded_sql(expression: str, word: str) -> str:
    """SQL for `expression` folded as fold_case does, good for finding `word` (folded).

    An ASCII word can only match ASCII letters, which SQLite's own lower() folds; the
    two letters beyond ASCII that fold into ASCII are replaced first. That stays in C
    (a call into Python per row would triple the time of a search); a word with other
    letters needs the full fold.
    """
    if not word.isascii():
        return f"fold_case({expression})"
    for letter, ascii_letter in ASCII_FROM_OTHERS.items():
        expression = f"replace({expression}, '{letter}', '{ascii_letter}')"
    return f"lower({expression})"
