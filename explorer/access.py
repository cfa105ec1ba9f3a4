"""Who may change the shared graph from the explorer, and what they may ingest.

Why: the explorer is a shared service with no sign-in of its own.  Read-only is the default:
adding documents needs the editor role (a password an administrator sets), a folder on the
server can be ingested only below the roots an administrator lists, and uploads have size and
count limits.  Settings come from the ``[explorer]`` table of ``.streamlit/secrets.toml`` or
from ``KG_*`` environment variables (the variables win, for containers).
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Access:
    """A deployment's settings; see README, Safety."""

    editor_password: str | None = None       # None: nobody edits from the explorer (the CLI still can)
    ingest_roots: tuple[Path, ...] = ()      # folders on the server an editor may ingest; () = folder ingest off
    max_upload_mb: int = 50                  # per uploaded file
    max_upload_files: int = 50               # per ingest
    ingest_memory_mb: int = 3072             # address space of the ingest's child process

    @property
    def editing(self) -> bool:
        return bool(self.editor_password)

    def password_ok(self, given: str) -> bool:
        return bool(self.editor_password) and hmac.compare_digest(given.encode(), (self.editor_password or "").encode())

    def folder_allowed(self, folder: Path) -> bool:
        """Whether ``folder`` (resolved, links followed) lies inside one of the roots."""
        return any(inside(folder, root) for root in self.ingest_roots)


def inside(path: Path, root: Path) -> bool:
    """Whether ``path`` resolves to ``root`` or something below it."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
    except (OSError, ValueError):
        return False


_ENV = {"editor_password": "KG_EDITOR_PASSWORD", "ingest_roots": "KG_INGEST_ROOTS",
        "max_upload_mb": "KG_MAX_UPLOAD_MB", "max_upload_files": "KG_MAX_UPLOAD_FILES",
        "ingest_memory_mb": "KG_INGEST_MEMORY_MB"}


def load_access(secrets: Mapping[str, Any] | None, env: Mapping[str, str] | None = None) -> Access:
    """The settings of ``secrets`` (the ``[explorer]`` table) overridden by ``env``; bad values are ignored."""
    env = os.environ if env is None else env
    table = dict(secrets or {})
    default = Access()
    values: dict[str, Any] = {}
    for name, var in _ENV.items():
        raw: Any = env.get(var, table.get(name))
        if raw is None or raw == "":
            continue
        if name == "ingest_roots":
            roots = raw.split(os.pathsep) if isinstance(raw, str) else list(raw)
            values[name] = tuple(Path(r) for r in roots if str(r).strip())
        elif name == "editor_password":
            values[name] = str(raw)
        else:
            try:
                values[name] = max(1, int(raw))
            except (TypeError, ValueError):
                values[name] = getattr(default, name)
    return Access(**values)
