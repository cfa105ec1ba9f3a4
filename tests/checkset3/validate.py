#!/usr/bin/env python3
"""Check the check-set 3 gold files and score them against themselves.

    python tests/checkset3/validate.py

Runs tests/checkset/validate.py on this folder: every gold/*.json must load, carry the
contract's keys, name its article in "file", have that article in articles/, and score
F1 1.0 against itself with /work/shared/eval/score.py. Standard library only.
"""
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("checkset1_validate", HERE.parent / "checkset" / "validate.py")
first = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(first)
first.HERE = HERE  # the first script reads gold/ and articles/ under HERE

if __name__ == "__main__":
    sys.exit(first.main())
