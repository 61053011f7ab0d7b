"""Every group and subcommand of `addrnet` has working --help."""

from __future__ import annotations

import argparse

import pytest

from addrnet.cli import build_parser

GROUPS = ["corpus", "tokenizer", "train", "export", "gazetteer", "serve", "parse", "eval", "bench"]  # in this order


def _subcommands(parser: argparse.ArgumentParser) -> list[list[str]]:
    out: list[list[str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out.append([name])
                out.extend([name, *rest] for rest in _subcommands(sub))
    return out


def test_groups_are_the_stages() -> None:
    groups = [c[0] for c in _subcommands(build_parser()) if len(c) == 1]
    assert [g for g in groups if g in GROUPS] == GROUPS


def test_usage_lists_every_group(capsys: pytest.CaptureFixture[str]) -> None:
    groups = [c[0] for c in _subcommands(build_parser()) if len(c) == 1]
    build_parser().print_usage()
    assert "{" + ",".join(groups) + "}" in capsys.readouterr().out


@pytest.mark.parametrize("argv", _subcommands(build_parser()), ids=" ".join)
def test_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args([*argv, "--help"])
    assert exc.value.code == 0
    assert "usage: addrnet" in capsys.readouterr().out
