"""The steps panel beside the wizard: every step with per-area progress (answered of shown,
following the skip logic), the current step marked, and Enter or a click to go there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout,
                               QWidget)

from wizard.i18n import N_
from wizard.ui import lang
from wizard.ui.readiness_wizard import PageId

STEPS = N_("Steps")
WELCOME = N_("Welcome")
DETAILS = N_("Assessment details")
REVIEW = N_("Review")
RESULTS = N_("Results")
EXPORT = N_("Export and print")
PACK = N_("{title}  {answered}/{total}")
DOES_NOT_APPLY = N_("{title}  (does not apply)")
OVERALL = N_("{answered} of {total} questions answered")
LIST_NAME = N_("Steps and progress; press Enter to go to a step")
STEP_ROLE = Qt.ItemDataRole.UserRole + 1


class _StepList(QListWidget):
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class StepsPanel(QWidget):
    def __init__(self, wizard, parent=None) -> None:
        super().__init__(parent)
        self.wizard_ = wizard
        self.list = _StepList(self)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.overall = QLabel(self)
        self.overall.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.overall)
        layout.addWidget(self.bar)
        wizard.currentIdChanged.connect(lambda _id: self.refresh())
        self.refresh()

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(STEP_ROLE)
        if target is None or not (item.flags() & Qt.ItemFlag.ItemIsEnabled):
            return
        if isinstance(target, str):
            session = self.wizard_.session
            pages = [pid for (pack, _sid), pid in self.wizard_.sections.items() if pack == target]
            shown = [pid for pid in pages if pid in self.wizard_.path()]
            if not shown or session is None:
                return
            self.wizard_.go_to(shown[0])
        else:
            self.wizard_.go_to(int(target))

    def _current_key(self):
        current = self.wizard_.currentId()
        for (pack, _sid), pid in self.wizard_.sections.items():
            if pid == current:
                return pack
        return current

    def refresh(self) -> None:
        session = self.wizard_.session
        entries: list[tuple[str, object, bool]] = [(lang.tr(WELCOME), int(PageId.WELCOME), True)]
        answered_all = total_all = 0
        if session is not None:
            entries.append((lang.tr(DETAILS), int(PageId.DETAILS), True))
            for pack in session.content.packs:
                title = lang.pick(pack.title, " / ")
                answered, total = session.pack_progress(pack.id)
                applies = session.state.applicable.get(pack.id, False) and total > 0
                answered_all += answered
                total_all += total
                text = lang.tr(PACK, title=title, answered=answered, total=total) if applies \
                    else lang.tr(DOES_NOT_APPLY, title=title)
                entries.append((text, pack.id, applies))
            entries += [(lang.tr(REVIEW), int(PageId.REVIEW), True),
                        (lang.tr(RESULTS), int(PageId.RESULTS), True),
                        (lang.tr(EXPORT), int(PageId.EXPORT), True)]
        current_key = self._current_key()
        self.list.blockSignals(True)
        if self.list.count() != len(entries):
            self.list.clear()
            for _ in entries:
                self.list.addItem(QListWidgetItem())
        bold = QFont(self.list.font())
        bold.setBold(True)
        for row, (text, key, enabled) in enumerate(entries):
            item = self.list.item(row)
            item.setText(text)
            item.setData(STEP_ROLE, key)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled if enabled \
                else Qt.ItemFlag.NoItemFlags
            item.setFlags(flags)
            is_current = key == current_key
            item.setFont(bold if is_current else self.list.font())
            if is_current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.overall.setText(lang.tr(OVERALL, answered=answered_all, total=total_all)
                             if session is not None else "")
        self.bar.setRange(0, max(total_all, 1))
        self.bar.setValue(answered_all)
        self.bar.setAccessibleName(self.overall.text() or lang.tr(STEPS))
        self.list.setAccessibleName(lang.tr(LIST_NAME))

    def retranslate(self) -> None:
        self.refresh()
