"""Nothing lost: the guards that keep what a person writes, in one place for every app.

- `keep.versions`: a save from a stale tab is refused, not written over the newer text;
  the person keeps what they typed and sees what was saved meanwhile.
- `keep.submissions`: a form that adds a row adds it once, however often it is posted.
- `keep.saves`: a model form's save behind both guards (the program's exercises).
- `keep.drafts`: the keys of the drafts the browser keeps of unsaved text.
- `keep.models`: the abstract models whose fields the guards act on.

It imports only Django and the standard library, never one of our apps (an import-linter
contract in pyproject.toml), so every app may use it. The abstract models need no app of
their own: `keep` is not in INSTALLED_APPS and has no tables.
"""
