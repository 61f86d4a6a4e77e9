"""Problems found in content files, each with its file and line, for the person to fix."""

from dataclasses import dataclass
from pathlib import Path


@dataclass
class ContentError:
    path: Path
    line: int
    message: str

    def __str__(self):
        return f"{display_path(self.path)}, regel {self.line}: {self.message}"


class ContentErrors(Exception):
    """One or more problems in the content files; nothing was written."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def display_path(path):
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
