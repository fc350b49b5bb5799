"""Countries: a searchable list of check boxes with country names in the display language,
buttons to add a named group from the packs (Country Group D:5, countries of concern, ...)
and a summary of what is chosen. The list is a small model over one shared, sorted table of
names per display language, so a page with several country questions builds quickly."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QListView, QMenu, QPushButton,
                               QToolButton, QVBoxLayout)

from wizard.core.presenting import country_name
from wizard.i18n import N_, NP_
from wizard.ui import lang
from wizard.ui.questions.base import Editor

SEARCH = N_("Search countries by name or code")
ADD_GROUP = N_("Add a &group")
GROUP_ITEM = NP_("{name} ({count} country)", "{name} ({count} countries)")
CLEAR = N_("Clear all")
CHOSEN = N_("Chosen ({count}): {names}")
NONE_CHOSEN = N_("No country chosen yet.")
LIST_NAME = N_("Countries")

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


@lru_cache(maxsize=1)
def _codes() -> tuple[str, ...]:
    from wizard.core.iso3166 import ISO_CODES

    return tuple(sorted(ISO_CODES))


@lru_cache(maxsize=4)
def _table(mode: str) -> tuple[tuple[str, ...], dict[str, str], dict[str, str]]:
    """(codes sorted by display name, code -> display name, code -> search text)."""
    codes = _codes()
    langs = ("ko", "en") if mode == "both" else (mode,)
    names = {}
    for code in codes:
        parts = [country_name(code, lg) for lg in langs]
        if len(parts) == 2 and parts[0] == parts[1]:
            parts = parts[:1]
        names[code] = f"{' · '.join(parts)} ({code})"
    search = {code: f"{country_name(code, 'ko')} {country_name(code, 'en')} {code}"
              for code in codes}
    ordered = tuple(sorted(codes, key=lambda c: names[c].casefold()))
    return ordered, names, search


def display_name(code: str) -> str:
    return _table(lang.mode())[1].get(code, code)


def group_names(content) -> dict[str, Any]:
    """Group id -> its name (``Text``) as the packs define it."""
    names = {}
    for pack in content.packs:
        for gid, group in pack.country_groups.items():
            names.setdefault(gid, group.name)
    return names


class CountryModel(QAbstractListModel):
    """Every country once, with a check box; ``chosen`` is the set of ticked codes."""

    toggled = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.chosen: set[str] = set()
        self.codes, self.names, self.search = _table(lang.mode())

    def relabel(self) -> None:
        self.beginResetModel()
        self.codes, self.names, self.search = _table(lang.mode())
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.codes)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        code = self.codes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.names[code]
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if code in self.chosen else Qt.CheckState.Unchecked
        if role == SEARCH_ROLE:
            return self.search[code]
        return None

    def flags(self, index: QModelIndex):
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        code = self.codes[index.row()]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked == (code in self.chosen):
            return False
        (self.chosen.add if checked else self.chosen.discard)(code)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit()
        return True

    def set_chosen(self, codes) -> None:
        self.chosen = set(codes or ()) & set(self.codes)
        if self.codes:
            self.dataChanged.emit(self.index(0), self.index(len(self.codes) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])


class _SearchEdit(QLineEdit):
    """Enter ticks the first match (and is not passed on to the wizard's Next button);
    Down moves into the list."""

    def __init__(self, editor: "CountriesEditor") -> None:
        super().__init__(editor)
        self.editor = editor

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text():
            self.editor.tick_first_match()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down:
            self.editor.view.setFocus()
            if not self.editor.view.currentIndex().isValid():
                self.editor.view.setCurrentIndex(self.editor.proxy.index(0, 0))
            event.accept()
            return
        super().keyPressEvent(event)


class CountriesEditor(Editor):
    def __init__(self, info, session, parent=None) -> None:
        super().__init__(info, session, parent)
        self.model = CountryModel(self)
        self.model.toggled.connect(self._toggled)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = _SearchEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.groups_button = QToolButton(self)
        self.groups_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.groups_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.groups_menu = QMenu(self.groups_button)
        self.groups_button.setMenu(self.groups_menu)
        self.clear_button = QPushButton(self)
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self._clear)
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setUniformItemSizes(True)
        self.view.setMinimumHeight(150)
        self.view.setMaximumHeight(220)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.groups_button)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addWidget(self.summary)
        self.setFocusProxy(self.search)
        known = set(self.model.codes)
        self._groups = {gid: sorted(c for c in members if c in known)
                        for gid, members in session.content.groups.items()}
        self.retranslate()
        self.set_value(session.answer(info.qid))

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self.model.codes is not _table(lang.mode())[0]:
            self.model.relabel()
        question = self.accessible_question()
        self.search.setPlaceholderText(lang.tr(SEARCH))
        self.search.setAccessibleName(f"{question}: {lang.tr(SEARCH)}")
        self.view.setAccessibleName(f"{question}: {lang.tr(LIST_NAME)}")
        self.groups_button.setText(lang.ui(ADD_GROUP))
        self.groups_button.setAccessibleName(lang.plain(lang.tr(ADD_GROUP)))
        self.clear_button.setText(lang.ui(CLEAR))
        self.clear_button.setAccessibleName(lang.tr(CLEAR))
        self.summary.setAccessibleName(lang.tr(LIST_NAME))
        self._build_group_menu()
        self._update_summary()

    def _build_group_menu(self) -> None:
        self.groups_menu.clear()
        names = group_names(self.session.content)
        for gid, members in self._groups.items():
            if not members:
                continue
            name = lang.pick(names[gid], " / ") if gid in names else gid
            action = QAction(lang.tr(GROUP_ITEM, name=name, count=len(members)),
                             self.groups_menu)
            action.triggered.connect(lambda _=False, g=gid: self.add_group(g))
            self.groups_menu.addAction(action)
        self.groups_button.setEnabled(bool(self.groups_menu.actions()))

    # -- value -----------------------------------------------------------------------------
    def value(self) -> list[str]:
        return sorted(self.model.chosen)

    def set_value(self, value: Any) -> None:
        self.model.set_chosen(value)
        self._update_summary()

    def add_group(self, gid: str) -> None:
        self._apply(self.model.chosen | set(self._groups.get(gid, ())))

    def tick_first_match(self) -> None:
        if self.proxy.rowCount() >= 1:
            index = self.proxy.index(0, 0)
            self.proxy.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
            self.search.clear()

    def _clear(self) -> None:
        self._apply(set())

    def _apply(self, codes: set[str]) -> None:
        self.set_value(codes)
        self.edited.emit(self.value() or None)

    def _toggled(self) -> None:
        self._update_summary()
        self.edited.emit(self.value() or None)

    def _update_summary(self) -> None:
        codes = self.value()
        if not codes:
            self.summary.setText(lang.tr(NONE_CHOSEN))
            return
        names = ", ".join(display_name(code) for code in codes)
        self.summary.setText(lang.tr(CHOSEN, count=len(codes), names=names))
