"""The Markdown report of `modelgen diff`, written for a reviewer of a pull request.

Counts come first, then where the breaking changes are, then one section per operation
and per shared model. Breaking changes lead every list; long lists, added operations and
the classes a change brings along are folded into `<details>`, so a big diff stays short
to read while everything remains one click away.
"""

from __future__ import annotations

from .diff import Group, Report, quoted

_SHOWN = 20  # longer lists are folded into <details>, so a big diff stays reviewable


def render(report: Report) -> str:
    lines = ["# API changes for SDK users", "", f"`{report.old_label}` → `{report.new_label}`", ""]
    ops = [g for g in report.groups if g.kind == "operation"]
    models = [g for g in report.groups if g.kind == "model"]
    if report.breaking:
        where = [
            (sum(1 for g in ops if g.breaking), "operation"),
            (sum(1 for g in models if g.breaking), "shared model"),
        ]
        places = " and ".join(_plural(count, noun) for count, noun in where if count)
        lines.append(f"**{_plural(report.breaking, 'breaking change')}** in {places}.")
    else:
        lines.append("**No breaking changes.**" if report.groups else "**No changes** for SDK users.")
    lines.append("")
    if report.counts:
        lines += ["| Change | Count |", "|---|---:|"]
        lines += [
            f"| {label.capitalize()} | {report.counts[label]} |" for label in _COUNT_ORDER if report.counts.get(label)
        ]
        lines.append("")
    hotspots = [g for g in report.groups if g.status == "changed" and g.breaking]
    if hotspots:
        rows = [f"| {g.title} | {g.breaking} | {len(g.changes) - g.breaking + len(g.new_classes)} |" for g in hotspots]
        lines += ["Where the breaking changes are (removed operations and models are listed below):", ""]
        lines += ["| Operation or shared model | Breaking | Other |", "|---|---:|---:|"] + rows[:_SHOWN] + [""]
        if len(rows) > _SHOWN:
            lines += _details(f"{len(rows) - _SHOWN} more", ["| | | |", "|---|---:|---:|"] + rows[_SHOWN:])
    for title, groups, noun in (("Operations", ops, "operation"), ("Shared models", models, "model")):
        if groups:
            lines += [f"## {title}", ""] + _section(groups, noun)
    return "\n".join(lines).rstrip() + "\n"


def _section(groups: list[Group], noun: str) -> list[str]:
    lines: list[str] = []
    removed = [g for g in groups if g.status == "removed"]
    added = [g for g in groups if g.status == "added"]
    changed = [g for g in groups if g.status == "changed"]
    if removed:
        lines += [f"### Removed ({len(removed)})", ""]
        lines += _folded([f"- **Breaking** {g.title} removed{_taking(g)}" for g in removed], f"more removed {noun}s")
    if added:
        lines += [f"### Added ({len(added)})", ""]
        lines += _details(f"{_plural(len(added), 'new ' + noun)}", [f"- {g.title}" for g in added])
    if changed:
        breaking = [g for g in changed if g.breaking]
        lines += [f"### Changed ({len(changed)}, {len(breaking)} with breaking changes)", ""]
        for group in breaking:
            lines += _group(group)
        quiet = [g for g in changed if not g.breaking]
        if quiet:
            body: list[str] = []
            for group in quiet:
                body += _group(group)
            lines += _details(f"{_plural(len(quiet), noun)} with only non-breaking changes", body)
    return lines


def _taking(group: Group) -> str:
    """The classes a removed operation takes with it (counted in "Models removed")."""
    if not group.gone_classes:
        return ""
    return f", and with it {_plural(len(group.gone_classes), 'class')} {quoted(sorted(group.gone_classes))}"


def _group(group: Group) -> list[str]:
    heading = f"#### {group.title}"
    if group.kind == "model" and not group.used_by:
        heading += " — used by no operation"
    if group.used_by:
        shown = ", ".join(group.used_by[:3]) + (f" and {len(group.used_by) - 3} more" if len(group.used_by) > 3 else "")
        heading += f" — used by {shown}"
    bullets = [f"- {'**Breaking** ' if c.breaking else ''}{c.text}" for c in group.changes]
    lines = [heading, ""] + _folded(bullets, "more")
    if group.new_classes:
        names = quoted(group.new_classes)
        if len(group.new_classes) <= 5:
            lines[-1:-1] = [f"- {_plural(len(group.new_classes), 'new class')}: {names}"]
        else:
            lines += _details(_plural(len(group.new_classes), "new class"), [names])
    return lines


def _folded(items: list[str], rest: str) -> list[str]:
    if len(items) <= _SHOWN:
        return items + [""]
    return items[:_SHOWN] + [""] + _details(f"{len(items) - _SHOWN} {rest}", items[_SHOWN:])


_COUNT_ORDER = (
    "operations removed",
    "operations added",
    "models removed",
    "models renamed",
    "models changed",
    "models added",
    "fields removed",
    "field type changes",
    "fields now required",
    "fields added",
    "enum values removed",
    "enum values added",
)


def _details(summary: str, body: list[str]) -> list[str]:
    return ["<details>", f"<summary>{summary}</summary>", ""] + body + ["", "</details>", ""]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else ('es' if noun.endswith('s') else 's')}"
