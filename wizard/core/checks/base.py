"""What every concern's checks share: the content, the packs as read, and the problem list."""

from __future__ import annotations

from wizard.core.problems import Problem


class Context:
    def __init__(self, content, read, broken: set[str]) -> None:
        self.content = content
        self.read = read
        self.broken = broken  # files that failed to load: references to them are not news
        self.problems: list[Problem] = []

    def add(self, code: str, pack_id: str, line: int, message: str) -> None:
        """A problem in the file of pack ``pack_id``."""
        self.problems.append(Problem(str(self.content.files.get(pack_id, pack_id)), line,
                                     message, code))

    def add_in(self, code: str, file_name: str, line: int, message: str) -> None:
        """A problem in one of the content folder's shared files (rules.yaml, glossary.yaml)."""
        self.problems.append(Problem(str(self.content.folder / file_name), line, message, code))

    def line(self, key: str) -> int:
        return self.content.lines.get(key, 1)

    @property
    def packs(self):
        return [pack for _, pack, _ in self.read]
