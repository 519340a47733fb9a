"""The README stays short and points at docs/, every link in them leads somewhere, and the docs
name every setting and every dependency."""

import re
import tomllib
from pathlib import Path

import pytest

from tests.tools import ROOT

README = ROOT / "README.md"
DOCS = ROOT / "docs"
DOC_FILES = sorted(DOCS.glob("*.md"))

# [text](target) in Markdown, not inside an image or an address with a scheme.
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")


def links(path: Path) -> list[str]:
    return [
        target
        for target in LINK.findall(path.read_text())
        if not re.match(r"[a-z]+:", target)  # http:, https:, mailto:
    ]


def anchors(path: Path) -> set[str]:
    """The anchors GitHub makes for a file's headings: lower case, punctuation dropped,
    spaces as hyphens (code fences skipped, so a `# comment` in a shell block is no heading)."""
    found: set[str] = set()
    in_fence = False
    for line in path.read_text().splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and (heading := re.match(r"#{1,6} (.+)", line)):
            slug = re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower()).replace(" ", "-")
            found.add(slug)
    return found


def test_the_readme_is_read_in_five_minutes():
    lines = README.read_text().splitlines()
    assert len(lines) <= 250, f"README.md has {len(lines)} lines; move detail into docs/"


def test_every_doc_the_readme_links_exists_and_every_doc_is_linked():
    linked = {(ROOT / target.split("#")[0]).resolve() for target in links(README)}
    linked_docs = {path for path in linked if path.parent == DOCS.resolve()}
    assert linked_docs, "the README links no page of docs/"
    missing = sorted(str(path.relative_to(ROOT)) for path in linked_docs if not path.exists())
    assert not missing, f"README links missing docs: {missing}"
    unlinked = sorted(path.name for path in DOC_FILES if path.resolve() not in linked_docs)
    assert not unlinked, f"docs the README does not link: {unlinked}"


@pytest.mark.parametrize("path", [README, *DOC_FILES], ids=lambda p: p.name)
def test_every_link_between_the_docs_leads_somewhere(path):
    """Relative links name a file that exists and, with #anchor, a heading in it."""
    broken = []
    for target in links(path):
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        if not linked.exists() or (
            anchor and linked.suffix == ".md" and anchor not in anchors(linked)
        ):
            broken.append(target)
    assert not broken, f"{path.name}: broken links {broken}"


@pytest.mark.parametrize("path", [README, *DOC_FILES], ids=lambda p: p.name)
def test_the_docs_speak_of_the_project_not_of_its_issues(path):
    text = path.read_text()
    assert not re.search(r"\bissues? #?\d+", text, re.IGNORECASE), path.name
    assert "first pass" not in text.lower(), path.name


def settings_variables() -> set[str]:
    source = (ROOT / "config" / "settings.py").read_text()
    return set(re.findall(r"\benv_(?:str|bool|int|list)\(\s*\"([A-Z_]+)\"", source))


def test_every_setting_read_from_the_environment_is_documented():
    """Every variable config/settings.py reads is in docs/deploy.md's configuration table, and
    in .env.example unless only the benchmark sets it."""
    variables = settings_variables()
    assert {"DEBUG", "SECRET_KEY", "DATABASE_URL", "TASKS_BACKEND"} <= variables
    deploy = (DOCS / "deploy.md").read_text()
    configuration = deploy[deploy.index("## Configuration") :]
    undocumented = sorted(
        v for v in variables | {"ENCRYPTION_KEYS", "JOURNAL_KEYS"} if f"`{v}`" not in configuration
    )
    assert not undocumented, f"not in docs/deploy.md, Configuration: {undocumented}"
    example = (ROOT / ".env.example").read_text()
    bench_only = {"BENCH_FLOOR"}
    missing = sorted(v for v in variables - bench_only if not re.search(rf"^{v}=", example, re.M))
    assert not missing, f"not in .env.example: {missing}"


def dependency_names() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    requirements = [
        *project["project"]["dependencies"],
        *(r for group in project["dependency-groups"].values() for r in group),
    ]
    return {re.match(r"[A-Za-z0-9_.\-]+", r).group(0).lower() for r in requirements}


def test_the_docs_say_why_each_dependency_is_there():
    """docs/architecture.md names every dependency in pyproject.toml, runtime and dev."""
    architecture = (DOCS / "architecture.md").read_text().lower()
    dependencies = dependency_names()
    assert {"django", "granian", "pytest"} <= dependencies
    unexplained = sorted(name for name in dependencies if f"`{name}" not in architecture)
    assert not unexplained, f"not explained in docs/architecture.md: {unexplained}"
