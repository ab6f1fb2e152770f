"""How the command line's help reads: arguments by their metavars (``FILE``, ``PATH...``, ``[ID]``)
rather than Typer's ``{PATH}... <list[Path]>``, and number limits said in words rather than "x>=1"."""

from __future__ import annotations

import typer
from typer.core import TyperArgument, TyperCommand


class Argument(TyperArgument):
    """An argument shown in help as its metavar reads (FILE, PATH..., [ID]), with no Python type
    (``<list[Path]>``) after it and no doubled brackets."""

    def display_type_rich(self, ctx):  # noqa: ARG002 - typer's signature
        return None

    def get_usage_pieces(self, ctx) -> list[str]:  # noqa: ARG002
        name = self.metavar or self.name.upper()
        return [name if self.required or name.startswith("[") else f"[{name}]"]


class Command(TyperCommand):
    """Every command's help: its arguments by their metavars (see Argument)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument and param.metavar:
                param.__class__ = Argument


def at_least(low: int):
    """A callback refusing numbers below ``low`` (help then shows no "x>=1" range)."""
    def check(value: int) -> int:
        if value < low:
            raise typer.BadParameter(f"must be at least {low}")
        return value
    return check
