"""JSON: one document per call, stable keys, ISO dates, null for missing, UTF-8 as is."""

from __future__ import annotations

import json
from typing import Any


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
