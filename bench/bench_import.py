"""Benchmark `dirtrack import` of a large CSV (target: 100,000 rows in < 15 s and < 300 MiB).

Generates an office-style CSV (title rows, a header, several units in some cells, dates typed
day first, spans such as "Quý III/2022", percentages, completions, 200 source documents),
registers its units, then times `dirtrack import` run as a subprocess, as a user would run it,
and reads the peak memory of that subprocess (ru_maxrss of the children). It also times the
JSON export and a backup of the resulting database. Prints a table; exits 1 if a target is missed
when --check is given.

    python bench/bench_import.py [--rows 100000] [--keep DIR] [--check]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TARGET_SECONDS = 15.0
TARGET_MIB = 300.0
UNITS = [
    ("VPTU", "Văn phòng Tỉnh ủy", "VP Tỉnh ủy"),
    ("BTC", "Ban Tổ chức Tỉnh ủy", "Ban Tổ chức"),
    ("BDV", "Ban Dân vận Tỉnh ủy", "Ban Dân vận"),
    ("BTG", "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo"),
    ("UBKT", "Ủy ban Kiểm tra Tỉnh ủy", "UBKT Tỉnh ủy"),
    ("VPUB", "Văn phòng UBND tỉnh", "VP UBND tỉnh"),
    ("STC", "Sở Tài chính", "STC tỉnh"),
    ("SNV", "Sở Nội vụ", "SNV tỉnh"),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("CAT", "Công an tỉnh", "CA tỉnh"),
]
TASKS = [
    "Xây dựng đề án nâng cao chất lượng tham mưu",
    "Rà soát, bổ sung quy chế làm việc",
    "Kiện toàn đội ngũ cán bộ làm công tác văn phòng",
    "Báo cáo kết quả thực hiện nhiệm vụ chính trị",
    "Đôn đốc các đơn vị khắc phục hạn chế",
    "Chuẩn bị nội dung hội nghị sơ kết",
]


def dirtrack() -> str:
    found = shutil.which("dirtrack", path=str(Path(sys.executable).parent))
    return found or "dirtrack"


def make_csv(path: Path, rows: int, seed: int = 4) -> None:
    rng = random.Random(seed)
    sources = []
    start = date(2022, 1, 3)
    for n in range(200):
        held = start + timedelta(days=n)
        sources.append((held, f"Thông báo kết luận số {100 + n}-TB/TU ngày {held:%d/%m/%Y}"))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["BẢNG THEO DÕI THỰC HIỆN KẾT LUẬN, CHỈ ĐẠO"])
        writer.writerow(["(Số liệu tính đến ngày 31/12/2022)"])
        writer.writerow(
            [
                "STT",
                "Nội dung",
                "Đơn vị chủ trì",
                "Đơn vị phối hợp",
                "Thời hạn",
                "Tiến độ",
                "Kết quả",
                "Văn bản giao",
            ]
        )
        for i in range(1, rows + 1):
            held, source = sources[i % len(sources)]
            lead = rng.choice(UNITS)
            if i % 10 == 0:
                other = rng.choice([u for u in UNITS if u is not lead])
                leads = f"{lead[2]}, {other[1]}"
            else:
                leads = rng.choice(lead[1:])
            coordinator = rng.choice(UNITS)[0] if i % 3 == 0 else ""
            due_day = held + timedelta(days=rng.randint(10, 200))
            quarter = (due_day.month - 1) // 3 + 1
            due = (
                f"Quý {'I' * quarter if quarter < 4 else 'IV'}/{due_day.year}"
                if i % 7 == 0
                else f"{due_day.day}/{due_day.month}/{due_day.year}"
            )
            progress = f"{rng.randint(0, 100)}%" if i % 2 == 0 else ""
            result = ""
            if i % 5 == 0:
                done_on = held + timedelta(days=rng.randint(1, 150))
                result = f"Đã hoàn thành ngày {done_on:%d/%m/%Y}"
            elif i % 5 == 1:
                result = "Đang thực hiện"
            writer.writerow(
                [
                    i,
                    f"{rng.choice(TASKS)} (mục {i})",
                    leads,
                    coordinator,
                    due,
                    progress,
                    result,
                    source,
                ]
            )


def run(args: list[str], db: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(
        [dirtrack(), "--db", str(db), *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DIRTRACK_LANG": "en"},
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"dirtrack {' '.join(args)} failed with exit {done.returncode}")
    return elapsed, done


def peak_mib() -> float:
    # ru_maxrss of RUSAGE_CHILDREN is the largest peak of any waited-for child (KiB on Linux).
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Keep the CSV and the database in DIR.")
    parser.add_argument("--check", action="store_true", help="Exit 1 when a target is missed.")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="dirtrack-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    sheet, db = folder / "sheet.csv", folder / "bench.db"
    for leftover in folder.glob("bench.db*"):
        leftover.unlink()
    started = time.perf_counter()
    make_csv(sheet, options.rows)
    generated = time.perf_counter() - started
    for code, name, alias in UNITS:
        run(["unit", "add", code, name, "--alias", alias], db)
    before = peak_mib()
    seconds, done = run(["import", str(sheet)], db)
    import_peak = peak_mib()
    # ru_maxrss only grows: if an earlier child peaked higher, the import's own peak is unknown
    # but no larger than what is shown.
    memory = import_peak if import_peak > before else before
    export_seconds, _ = run(["export", "--format", "json", "--out", str(folder / "all.json")], db)
    backup_seconds, _ = run(["backup", str(folder / "copy.db"), "--force"], db)
    size = sheet.stat().st_size / 1024 / 1024
    lines = [
        ("rows in the CSV", f"{options.rows:,}", ""),
        ("CSV size", f"{size:.1f} MiB", f"generated in {generated:.1f} s"),
        ("import time", f"{seconds:.2f} s", f"target < {TARGET_SECONDS:.0f} s"),
        ("import rate", f"{options.rows / seconds:,.0f} rows/s", ""),
        ("import peak memory", f"{memory:.0f} MiB", f"target < {TARGET_MIB:.0f} MiB"),
        ("export --format json", f"{export_seconds:.2f} s", ""),
        ("backup", f"{backup_seconds:.2f} s", ""),
    ]
    width = max(len(a) for a, _, _ in lines)
    print(f"{'measure'.ljust(width)}  {'value':>16}  note")
    print(f"{'-' * width}  {'-' * 16}  {'-' * 24}")
    for name, value, note in lines:
        print(f"{name.ljust(width)}  {value:>16}  {note}")
    print(done.stderr.strip().splitlines()[0] if done.stderr.strip() else "")
    ok = seconds < TARGET_SECONDS and memory < TARGET_MIB
    print(f"targets {'met' if ok else 'MISSED'}")
    if not options.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if ok or not options.check else 1


if __name__ == "__main__":
    raise SystemExit(main())
