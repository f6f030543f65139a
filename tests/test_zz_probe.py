from pathlib import Path
from tests.conftest import Cli
from tests.test_doc_layout import chaired, _urge_all  # noqa
from tests.test_documents import STATE

def test_probe(chaired: Cli, tmp_path: Path) -> None:
    chaired.ok(*STATE)
    _urge_all(chaired, tmp_path, "20/5/2022")
    base = ("report", "--quarter", "2022Q2")
    for by in ("unit", "chair", "field", "leader", "series"):
        print("=====", by)
        print(chaired.ok(*base, "--by", by, "--format", "csv"))
        j = chaired.json(*base, "--by", by)
        print({k: (v if not isinstance(v, list) else v[:2]) for k, v in j.items() if k.startswith("by_") or k in ("totals", "series_totals")})
        print(chaired.ok("--lang", "en", *base, "--by", by))
