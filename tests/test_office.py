"""`office set` / `office`: the issuing office's profile, one row per database."""

from __future__ import annotations

import re

from tests.conftest import Cli, run, snapshot

PARTY = (
    "office", "set", "--kind", "party", "--parent-body", "TỈNH ỦY NINH BÌNH",
    "--body", "VĂN PHÒNG", "--code", "VPTU", "--place", "Ninh Bình",
    "--signer-title", "CHÁNH VĂN PHÒNG", "--signer-name", "Nguyễn Văn A",
    "--to", "Thường trực Tỉnh ủy", "--to", "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy",
)  # fmt: skip
KEYS = {
    "kind", "parent_body", "body", "code", "place", "signer_name", "signer_title",
    "signer_authority", "to", "template", "accepts_completions", "on_time_by",
}  # fmt: skip


def test_a_new_database_shows_an_empty_state_profile(cli: Cli) -> None:
    profile = cli.json("office")
    assert set(profile) == KEYS
    assert profile["kind"] == "state" and profile["to"] == [] and profile["body"] is None


def test_set_then_show(cli: Cli) -> None:
    cli.ok(*PARTY)
    profile = cli.json("office")
    assert profile["kind"] == "party"
    assert profile["code"] == "VPTU" and profile["place"] == "Ninh Bình"
    assert profile["to"] == ["Thường trực Tỉnh ủy", "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy"]
    # What is not given stays; --to replaces the list; --no-to clears it.
    cli.ok("office", "set", "--kind", "nhà nước", "--to", "Chủ tịch UBND tỉnh")
    profile = cli.json("office")
    assert profile["kind"] == "state" and profile["body"] == "VĂN PHÒNG"
    assert profile["to"] == ["Chủ tịch UBND tỉnh"]
    cli.ok("office", "set", "--no-to")
    assert cli.json("office")["to"] == []
    assert "Nguyễn Văn A" in cli.ok("office")


def test_each_set_is_one_change_and_can_be_undone(cli: Cli) -> None:
    cli.ok(*PARTY)
    cli.ok("office", "set", "--signer-name", "Trần Thị B")
    cli.ok("undo", "--yes")
    assert cli.json("office")["signer_name"] == "Nguyễn Văn A"


def test_bad_values_write_nothing(cli: Cli) -> None:
    cli.ok(*PARTY)
    before = snapshot(cli.db)
    assert "kind" in cli.fail("office", "set", "--kind", "army")
    assert "VPTU" in cli.fail("office", "set", "--code", "12/BC-VPTU")
    cli.fail("office", "set", "--place", "   ")
    cli.fail("office", "set")
    cli.fail("office", "set", "--to", "A", "--no-to", code=2)  # options misused together
    cli.fail("office", "set", "--template", "/nonexistent/t.docx")
    cli.fail("office", "set", "--body", "x" * 401)
    assert snapshot(cli.db) == before
    assert cli.fail("--lang", "vi", "office", "set", "--kind", "army").startswith("Error: ")


def test_a_bad_answer_names_the_option_it_was_given_to(cli: Cli) -> None:
    before = snapshot(cli.db)
    for lang, said in (
        ("en", "Error: --accept-completions takes yes or no, not 'maybe'"),
        ("vi", "Error: --accept-completions nhận yes (có) hoặc no (không), không phải 'maybe'"),
    ):
        got = cli.fail("--lang", lang, "office", "set", "--accept-completions", "maybe")
        assert got.splitlines() == [said]
    assert snapshot(cli.db) == before


def test_on_time_by_acceptance_goes_with_accepting_completions(cli: Cli) -> None:
    """Set alone, the profile said 'judged by the acceptance' while completions, never
    accepted, counted by their documents."""
    cli.ok(*PARTY)
    before = snapshot(cli.db)
    for args in (
        ("--on-time-by", "acceptance"),
        ("--on-time-by", "nghiệm thu", "--accept-completions", "không"),
    ):
        got = cli.fail("office", "set", *args)
        assert got.startswith("Error: --on-time-by acceptance needs --accept-completions yes"), got
    vi = cli.fail("--lang", "vi", "office", "set", "--on-time-by", "acceptance")
    assert vi.startswith("Error: --on-time-by acceptance cần có --accept-completions yes")
    assert snapshot(cli.db) == before
    cli.ok("office", "set", "--accept-completions", "yes", "--on-time-by", "acceptance")
    assert "--on-time-by document" in cli.fail("office", "set", "--accept-completions", "no")
    cli.ok("office", "set", "--accept-completions", "no", "--on-time-by", "document")
    profile = cli.json("office")
    assert (profile["accepts_completions"], profile["on_time_by"]) == (False, "document")
    cli.ok("office", "set", "--accept-completions", "yes")  # by document, with acceptance
    cli.ok("office", "set", "--signer-name", "Trần Thị B")


def test_the_profiles_choices_are_matched_as_every_name_is(cli: Cli) -> None:
    """--kind, --accept-completions and --on-time-by take their codes and Vietnamese names in
    any case, with or without accents or tone marks placed either way, as every other choice
    (dirtrack.text.match_name); anything else is refused naming what they take."""
    cli.ok("office", "set", "--kind", "NHA NUOC", "--accept-completions", "Có")
    cli.ok("office", "set", "--on-time-by", "Ngay Nghiem Thu")
    profile = cli.json("office")
    assert (profile["kind"], profile["accepts_completions"], profile["on_time_by"]) == (
        "state",
        True,
        "acceptance",
    )
    cli.ok(
        "office", "set", "--kind", "Đảng", "--on-time-by", "VĂN BẢN", "--accept-completions", "off"
    )
    profile = cli.json("office")
    assert (profile["kind"], profile["accepts_completions"], profile["on_time_by"]) == (
        "party",
        False,
        "document",
    )
    before = snapshot(cli.db)
    assert "party, state" in cli.fail("office", "set", "--kind", "tỉnh")
    assert "yes or no" in cli.fail("office", "set", "--accept-completions", "maybe")
    assert "document, acceptance" in cli.fail("office", "set", "--on-time-by", "hôm nay")
    assert snapshot(cli.db) == before


def test_the_profiles_choices_complete_and_show_their_vietnamese_names(cli: Cli) -> None:
    """--kind, --accept-completions and --on-time-by were plain text: no shell completion and
    no Vietnamese names in the help; now they are choices as add-meeting --kind is."""

    def zsh(words: str) -> str:
        env = {"_DIRTRACK_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": words}
        done = run(env=env, forked=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert re.findall(r'"(\w+)":', zsh("dirtrack office set --kind da")) == ["party"]
    assert "nhà nước" in zsh("dirtrack office set --kind nha")
    assert re.findall(r'"(\w+)":', zsh("dirtrack office set --on-time-by nghiem")) == ["acceptance"]
    assert re.findall(r'"(\w+)":', zsh("dirtrack office set --accept-completions kh")) == ["no"]
    assert re.findall(r'"(\w+)":', zsh("dirtrack office template --kind nh")) == ["state"]
    text = " ".join(
        line.strip("│ ") for line in cli.ok("--lang", "vi", "office", "set", "-h").splitlines()
    )
    for said in ("party (đảng", "state (nhà nước", "yes (có)", "no (không)", "document (văn bản)",
                 "acceptance (nghiệm thu)"):  # fmt: skip
        assert said in text, said
    cli.ok("office", "set", "--kind", "đảng")
    assert cli.json("office")["kind"] == "party"
    before = snapshot(cli.db)
    for lang, option, said in (
        ("en", "--kind", "Error: unknown kind of body 'x': use one of party, state"),
        ("vi", "--kind", "Error: loại cơ quan 'x' không hợp lệ: dùng một trong party (đảng), "
                         "state (nhà nước)"),
        ("en", "--on-time-by", "Error: unknown --on-time-by 'x'; use one of document, acceptance"),
        ("en", "--accept-completions", "Error: --accept-completions takes yes or no, not 'x'"),
    ):  # fmt: skip
        result = cli("--lang", lang, "office", "set", option, "x")
        assert result.exit_code == 1
        assert result.stderr.splitlines() == [said]
    assert cli.fail("office", "template", "--out", "t.docx", "--kind", "x").splitlines() == [
        "Error: unknown kind of body 'x': use one of party, state"
    ]
    assert snapshot(cli.db) == before
