import json
from pathlib import Path
from tests.conftest import Cli
from tests.test_results import setup

def test_probe(cli: Cli, tmp_path: Path) -> None:
    _, (one, *_) = setup(cli)
    cli.ok("office", "set", "--accept-completions", "có", "--on-time-by", "nghiệm thu")
    proof = tmp_path / "bao-cao.pdf"
    proof.write_bytes(b"%PDF bao cao")
    cli.ok("done", str(one), "--date", "2025-03-25", "--doc", "45/BC-SYT", "--doc-date", "2025-03-20", "--file", str(proof), "--note", "Đã gửi báo cáo")
    print("SHOW-BEFORE", json.dumps(cli.json("show", str(one)), ensure_ascii=False))
    cli.ok("return", str(one), "--reason", "Thiếu số liệu", "--date", "2025-03-28")
    print("SHOW", json.dumps(cli.json("show", str(one)), ensure_ascii=False))
    print("TEXT", cli.ok("show", str(one)))
    exp = json.loads(cli.ok("export"))
    print("EXPORT", json.dumps([d for d in exp["directives"] if d["id"] == one], ensure_ascii=False))
    print("HIST", cli.ok("history", str(one)) if True else "")
    cli.ok("undo", "--yes")
    print("UNDONE", json.dumps(cli.json("show", str(one)), ensure_ascii=False))
    assert False
