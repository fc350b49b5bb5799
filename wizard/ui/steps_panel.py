"""The steps panel beside the wizard: every step with per-area progress (answered of shown,
following the skip logic), the current step marked, and Enter or a click to go there.

Each row is drawn by :class:`StepDelegate`: the step's name wraps on the left, its count
("19/24") sits at the right of the name's first line, and an area that does not apply says so
on a muted line below (in both languages in bilingual mode), so a count never wraps onto a
line of its own where it would look like a step."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (QLabel, QListView, QListWidget, QListWidgetItem, QProgressBar,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout,
                               QWidget)

from wizard.i18n import N_, NP_
from wizard.ui import lang
from wizard.ui.readiness_wizard import PageId
from wizard.ui.wrapping import draw_text, text_height

STEPS = N_("Steps")
WELCOME = N_("Welcome")
DETAILS = N_("Assessment details")
REVIEW = N_("Review")
RESULTS = N_("Results")
EXPORT = N_("Export and print")
DOES_NOT_APPLY = N_("does not apply")
PACK_NAME = N_("{title}: {answered} of {total} answered")
OVERALL = NP_("{answered} of {count} question answered",
              "{answered} of {count} questions answered")
LIST_NAME = N_("Steps and progress; press Enter to go to a step")
STEP_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2      # "19/24" at the right of the first line
NOTE_ROLE = Qt.ItemDataRole.UserRole + 3       # "does not apply", muted, below the name
PADDING = 4
GAP = 8


class StepDelegate(QStyledItemDelegate):
    """Lays a step out as name (wrapping) + count (right, on the first line) + note."""

    def layout(self, option: QStyleOptionViewItem, index) -> tuple[QRect, QRect, QRect]:
        """The rectangles of the name, the count and the note inside ``option.rect``."""
        fm = QFontMetrics(option.font)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        count = index.data(COUNT_ROLE) or ""
        count_w = fm.horizontalAdvance(count) if count else 0
        name_w = max(rect.width() - (count_w + GAP if count else 0), 20)
        name_h = max(text_height(option.font, name_w, index.data() or ""), fm.height())
        name_rect = QRect(rect.left(), rect.top(), name_w, name_h)
        count_rect = QRect(rect.right() - count_w + 1, rect.top(), count_w, fm.height())
        note = index.data(NOTE_ROLE) or ""
        note_rect = QRect(rect.left(), name_rect.bottom() + 1, rect.width(),
                          text_height(option.font, rect.width(), note))
        return name_rect, count_rect, note_rect

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt naming
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = self.parent()
        width = view.viewport().width() if view is not None else opt.rect.width()
        opt.rect = QRect(0, 0, max(width, 60), 0)
        name, _count, note = self.layout(opt, index)
        return QSize(width, name.height() + note.height() + 2 * PADDING)

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:            # background, selection and focus, without the text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        name, count, note = self.layout(opt, index)
        enabled = bool(opt.state & QStyle.StateFlag.State_Enabled)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = opt.palette.ColorGroup.Normal if enabled else opt.palette.ColorGroup.Disabled
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group, role))
        draw_text(painter, name, text)
        if index.data(COUNT_ROLE):
            painter.drawText(count, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                             index.data(COUNT_ROLE))
        if index.data(NOTE_ROLE):
            if not selected:
                painter.setPen(QColor("#8a8f98"))
            draw_text(painter, note, index.data(NOTE_ROLE))
        painter.restore()


class _StepList(QListWidget):
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()        # rows re-wrap at the new width


class StepsPanel(QWidget):
    def __init__(self, wizard, parent=None) -> None:
        super().__init__(parent)
        self.wizard_ = wizard
        self.list = _StepList(self)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.delegate = StepDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
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
        # (name, key, enabled, count, note, accessible text)
        entries: list[tuple[str, object, bool, str, str, str]] = []

        def step(msgid: str, key: int) -> None:
            name = lang.ui(msgid, "\n")
            entries.append((name, int(key), True, "", "", lang.plain(name)))

        step(WELCOME, PageId.WELCOME)
        answered_all = total_all = 0
        if session is not None:
            step(DETAILS, PageId.DETAILS)
            for pack in session.content.packs:
                title = lang.pick(pack.title, "\n")
                answered, total = session.pack_progress(pack.id)
                applies = session.state.applicable.get(pack.id, False) and total > 0
                answered_all += answered
                total_all += total
                if applies:
                    spoken = lang.tr(PACK_NAME, title=lang.pick(pack.title, " / "),
                                     answered=answered, total=total)
                    entries.append((title, pack.id, True, f"{answered}/{total}", "", spoken))
                else:
                    note = lang.ui(DOES_NOT_APPLY)
                    entries.append((title, pack.id, False, "", note, f"{title} ({note})"))
            step(REVIEW, PageId.REVIEW)
            step(RESULTS, PageId.RESULTS)
            step(EXPORT, PageId.EXPORT)
        current_key = self._current_key()
        self.list.blockSignals(True)
        if self.list.count() != len(entries):
            self.list.clear()
            for _ in entries:
                self.list.addItem(QListWidgetItem())
        bold = QFont(self.list.font())
        bold.setBold(True)
        for row, (text, key, enabled, count, note, spoken) in enumerate(entries):
            item = self.list.item(row)
            item.setText(text)
            item.setData(STEP_ROLE, key)
            item.setData(COUNT_ROLE, count)
            item.setData(NOTE_ROLE, note)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken.replace("\n", " / "))
            item.setToolTip(spoken.replace("\n", " / "))
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled if enabled \
                else Qt.ItemFlag.NoItemFlags
            item.setFlags(flags)
            is_current = key == current_key
            item.setFont(bold if is_current else self.list.font())
            if is_current:
                self.list.setCurrentItem(item)
        self._break_compounds()
        self.list.blockSignals(False)
        self.list.scheduleDelayedItemsLayout()
        self.overall.setText(lang.ui(OVERALL, "\n", answered=answered_all, count=total_all)
                             if session is not None else "")
        self.bar.setRange(0, max(total_all, 1))
        self.bar.setValue(answered_all)
        self.bar.setAccessibleName(self.overall.text() or lang.tr(STEPS))
        self.list.setAccessibleName(lang.tr(LIST_NAME))

    def _break_compounds(self) -> None:
        """Let a Korean compound joined by a middle dot ("cloud·GPU") wrap after the dot in a narrow panel
        (a zero-width space, shown only)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            text = item.text()
            if "\u00b7" in text and "\u00b7\u200b" not in text:
                item.setText(text.replace("\u00b7", "\u00b7\u200b"))

    def retranslate(self) -> None:
        self.refresh()
