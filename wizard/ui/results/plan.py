"""The action plan as an editable table: owner, due date (a date editor) and status (a list)
can be set per action and are stored in the assessment's plan (``assessment.plan``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QHeaderView,
                               QStyledItemDelegate, QTableView)

from wizard.core.assessment import PLAN_STATUSES
from wizard.core.evidence import key_for
from wizard.i18n import N_
from wizard.ui import lang

COLUMNS = (N_("#"), N_("Action"), N_("Owner"), N_("Due"), N_("Status"), N_("Comment"),
           N_("Evidence"))
PRIORITY, ACTION, OWNER, DUE, STATUS, COMMENT, EVIDENCE = range(len(COLUMNS))
EVIDENCE_TIP = N_("Evidence for this action: double-click, or press Enter, to see, attach or "
                  "remove files and references")
DETAILS = N_("{area} \u00b7 {when} \u00b7 {role}")
EDITABLE = {OWNER: "owner", DUE: "due", STATUS: "status", COMMENT: "comment"}
WATCH_ONLY = N_("(watch item)")
NO_DATE = N_("No date")
NAME = N_("Action plan: Owner, Due, Status and Comment can be edited (F2 or Enter)")
EMPTY_DATE = QDate(2000, 1, 1)
# widths in average characters of the table's font: the action text never gets narrower than
# ACTION_MIN (it wraps, and the table scrolls sideways instead); the others are fixed
ACTION_MIN = 30
WIDTHS = {PRIORITY: 4, OWNER: 14, DUE: 12, STATUS: 11, COMMENT: 18, EVIDENCE: 6}


class PlanModel(QAbstractTableModel):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list = []
        self.areas: dict[str, Any] = {}

    def set_report(self, report) -> None:
        self.beginResetModel()
        self.rows = list(report.actions)
        self.areas = {area.id: area.title for area in report.areas}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return lang.ui_lines(COLUMNS[section])
        return None

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _text(self, action, column: int) -> str:
        plan = self.session.plan(action.id)
        if column == PRIORITY:
            return str(action.priority)
        if column == ACTION:
            text = lang.pick(action.title, "\n")
            if action.watch_only:
                text = f"{text} {lang.tr(WATCH_ONLY)}"
            details = lang.tr(DETAILS, area=lang.pick(self.areas.get(action.area, {}), " / "),
                              when=lang.label("timeframe", action.timeframe),
                              role=lang.label("owner_role", action.owner_role))
            return f"{text}\n{details}"
        if column == OWNER:
            return plan.owner
        if column == DUE:
            return plan.due
        if column == STATUS:
            return lang.label("plan_status", plan.status)
        if column == EVIDENCE:
            return str(len(self.session.assessment.evidence.get(key_for("action", action.id),
                                                                 ())))
        return plan.comment

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        action = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == EVIDENCE:
            return lang.tr(EVIDENCE_TIP)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == EVIDENCE:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return self._text(action, column)
        if role == Qt.ItemDataRole.EditRole:
            plan = self.session.plan(action.id)
            return getattr(plan, EDITABLE[column]) if column in EDITABLE else None
        if role == Qt.ItemDataRole.ForegroundRole and action.watch_only and column == ACTION:
            return QBrush(QColor("#1f4fa0"))
        return None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        field = EDITABLE.get(index.column())
        if field is None:
            return False
        text = str(value or "")
        if field == "status" and text not in PLAN_STATUSES:
            return False
        limit = 2000 if field == "comment" else 200
        self.session.set_plan(self.rows[index.row()].id, **{field: text[:limit]})
        self.dataChanged.emit(index, index)
        return True

    def action_id(self, row: int) -> str:
        return self.rows[row].id

    def retranslate(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)


class DateDelegate(QStyledItemDelegate):
    """A date editor; the earliest date stands for "no date" (an empty due date)."""

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        editor.setMinimumDate(EMPTY_DATE)
        editor.setSpecialValueText(lang.tr(NO_DATE))
        editor.setAccessibleName(lang.tr(COLUMNS[DUE]))
        return editor

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        date = QDate.fromString(text, "yyyy-MM-dd") if text else QDate.currentDate()
        editor.setDate(date if date.isValid() else QDate.currentDate())

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        date = editor.date()
        model.setData(index, "" if date == EMPTY_DATE else date.toString("yyyy-MM-dd"))


class StatusDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802
        editor = QComboBox(parent)
        for status in PLAN_STATUSES:
            editor.addItem(lang.label("plan_status", status), status)
        editor.setAccessibleName(lang.tr(COLUMNS[STATUS]))
        return editor

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData())


class PlanTable(QTableView):
    """Enter starts editing the current cell (and never reaches the wizard's Next button); on
    the Evidence column, Enter or a double click asks for the action's evidence."""

    evidence_requested = Signal(str)     # an action id

    def __init__(self, model: PlanModel, parent=None) -> None:
        super().__init__(parent)
        self.doubleClicked.connect(self._double_clicked)
        self.setModel(model)
        self.date_delegate = DateDelegate(self)
        self.status_delegate = StatusDelegate(self)
        self.setItemDelegateForColumn(DUE, self.date_delegate)
        self.setItemDelegateForColumn(STATUS, self.status_delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        # rows follow their wrapped text at the width the columns really have
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.fit_columns()
        self.setTabKeyNavigation(False)

    def fit_columns(self) -> None:
        """Fixed columns as wide as their contents need (at least their header), the action
        column the rest of the width but never under ``ACTION_MIN`` characters."""
        fm = self.fontMetrics()
        char = fm.averageCharWidth()
        header = self.horizontalHeader()
        fixed = 0
        for column, chars in WIDTHS.items():
            title = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
            longest = max((fm.horizontalAdvance(line) for line in title.split("\n")), default=0)
            width = max(chars * char, longest + 2 * char)
            header.resizeSection(column, width)
            fixed += width
        room = self.viewport().width() - fixed
        header.resizeSection(ACTION, max(ACTION_MIN * char, room))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self.fit_columns()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid() and index.column() == EVIDENCE:
                self.evidence_requested.emit(self.model().action_id(index.row()))
                event.accept()
                return
            if index.isValid() and self.state() != QAbstractItemView.State.EditingState \
                    and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
            event.accept()
            return
        super().keyPressEvent(event)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() == EVIDENCE:
            self.evidence_requested.emit(self.model().action_id(index.row()))

    def retranslate(self) -> None:
        self.model().retranslate()
        self.setAccessibleName(lang.tr(NAME))
        self.fit_columns()

