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


def _ascii_folded(expression: str) -> str:
    for letter, ascii_letter in ASCII_FROM_OTHERS.items():
        expression = f"replace({expression}, '{letter}', '{ascii_letter}')"
    return f"lower({expression})"


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains_sql(expression: str, word: str) -> tuple[str, list[str]]:
    """SQL true where `expression`, folded as fold_case does, contains `word` (folded by
    the caller), with its parameters; LIKE … ESCAPE '\\', the user's % and _ literal.

    An ASCII word can only match ASCII letters, which SQLite's own lower() folds once
    the two letters beyond ASCII that fold into ASCII are replaced: that stays in C (a
    call into Python per row would triple the time of a search). A word with other
    letters needs the full fold; the rows it could match are first narrowed in C, with
    each of its other letters as one unknown character (a fold is one for one).
    """
    pattern = f"%{_like_escape(word)}%"
    if word.isascii():
        return f"{_ascii_folded(expression)} LIKE ? ESCAPE '\\'", [pattern]
    full = f"fold_case({expression}) LIKE ? ESCAPE '\\'"
    if not any(ch.isascii() and ch.isalnum() for ch in word):
        return full, [pattern]
    rough = "".join(_like_escape(ch) if ch.isascii() else "_" for ch in word)
    return (
        f"{_ascii_folded(expression)} LIKE ? ESCAPE '\\' AND {full}",
        [f"%{rough}%", pattern],
    )


def equals_sql(expression: str, text: str) -> tuple[str, list[str]]:
    """SQL true where `expression`, folded as fold_case does, equals `text` (folded by
    the caller), with its parameters; narrowed in C as contains_sql is."""
    if text.isascii():
        return f"{_ascii_folded(expression)} = ?", [text]
    full = f"fold_case({expression}) = ?"
    if not any(ch.isascii() and ch.isalnum() for ch in text):
        return full, [text]
    rough = "".join(_like_escape(ch) if ch.isascii() else "_" for ch in text)
    return f"{_ascii_folded(expression)} LIKE ? ESCAPE '\\' AND {full}", [rough, text]
