"""Write the fuzzers' seed corpus (the bundled examples and test fixtures, one file per format) to a folder."""
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(REPO.glob("examples/*")) + sorted((REPO / "tests" / "fixtures").rglob("*.txt"))
    sources += sorted((REPO / "tests" / "fixtures").rglob("*.html"))
    for i, path in enumerate(p for p in sources if p.is_file()):
        data = path.read_bytes()[:4096]
        for fmt in range(3):
            (out / f"seed-{i:03d}-{fmt}").write_bytes(bytes([fmt]) + data)
    print(f"{len(list(out.iterdir()))} seed inputs in {out}")


if __name__ == "__main__":
    main(sys.argv[1])
