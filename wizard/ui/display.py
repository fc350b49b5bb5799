"""Is there a display the wizard can open a window on? Asked before Qt is started, because Qt
aborts the whole process (exit 134, "Reinstalling the application may fix this problem") when
it finds none, and that tells a user nothing.

``problem()`` returns ``None`` when the window can open, else a :class:`~wizard.i18n.Note`
naming the cause: no display at all, a display that does not answer, or, on Linux with X11,
the system libraries Qt's xcb platform plugin needs and cannot find (listed, with the
Debian/Ubuntu packages that provide them). Only Linux and the other X11 systems are checked:
Windows and macOS always have a display for a desktop program.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path
from typing import Callable, Mapping, Optional

from wizard.i18n import N_, Note

NO_DISPLAY = N_("the desktop wizard cannot start: no display was found (neither DISPLAY nor "
                "WAYLAND_DISPLAY is set). Start it in a desktop session, or use the commands "
                "that need no display ('readiness-wizard --help').")
NO_ANSWER = N_("the desktop wizard cannot start: the display {display} (DISPLAY) does not "
               "answer. Check that the desktop session is running and that DISPLAY is right, "
               "or use the commands that need no display ('readiness-wizard --help').")
MISSING_LIBRARIES = N_("the desktop wizard cannot start: Qt's X11 display support needs these "
                       "system libraries, which are missing: {libraries}. On Debian or Ubuntu "
                       "install them with: sudo apt install {packages}. The commands that need "
                       "no display work without them ('readiness-wizard --help').")

# Platforms that need no display server at all (QT_QPA_PLATFORM)
HEADLESS = ("offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")

# What Qt's xcb platform plugin (libqxcb.so and libQt6XcbQpa.so.6) links against, beyond Qt
# itself, with the Debian/Ubuntu package of each (``ldd`` on PySide6 6.x).
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

Loader = Callable[[str], object]


def _platform(environ: Mapping[str, str]) -> str:
    """The platform plugin asked for ("xcb", "wayland", "offscreen", ...; "" for Qt's own
    choice). ``QT_QPA_PLATFORM`` may list several (``wayland;xcb``) and carry options."""
    asked = environ.get("QT_QPA_PLATFORM", "").strip()
    return asked.split(";")[0].split(":")[0].strip().lower()


def _plugin_dir() -> Optional[Path]:
    try:
        from PySide6.QtCore import QLibraryInfo  # Qt may be missing: this module explains that
    except ImportError:
        return None
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"


def missing_libraries(load: Loader = ctypes.CDLL,
                      plugin_dir: Optional[Path] = None) -> list[str]:
    """The libraries the xcb plugin needs and the system cannot load (empty when the plugin
    loads, or when this Qt has no xcb plugin to check)."""
    folder = plugin_dir if plugin_dir is not None else _plugin_dir()
    plugin = folder / "libqxcb.so" if folder is not None else None
    if plugin is None or not plugin.is_file():
        return []
    try:
        load(str(plugin))
        return []
    except OSError:
        pass
    missing = []
    for soname in XCB_LIBRARIES:
        try:
            load(soname)
        except OSError:
            missing.append(soname)
    return missing


def _has_wayland(plugin_dir: Optional[Path]) -> bool:
    folder = plugin_dir if plugin_dir is not None else _plugin_dir()
    if folder is None or not folder.is_dir():
        return True          # cannot tell: assume it is there
    return any(folder.glob("*qwayland*"))


def _answers(display: str, load: Loader) -> bool:
    """Does the X server ``display`` accept a connection? (True when it cannot be asked.)"""
    try:
        xcb = load("libxcb.so.1")
        connect = xcb.xcb_connect
        connect.restype = ctypes.c_void_p
        connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
        has_error = xcb.xcb_connection_has_error
        has_error.restype = ctypes.c_int
        has_error.argtypes = [ctypes.c_void_p]
        disconnect = xcb.xcb_disconnect
        disconnect.argtypes = [ctypes.c_void_p]
    except (OSError, AttributeError):
        return True          # libxcb missing is reported as such; no way to ask here
    connection = connect(os.fsencode(display), None)
    try:
        return connection is not None and has_error(connection) == 0
    finally:
        if connection is not None:
            disconnect(connection)


def problem(environ: Optional[Mapping[str, str]] = None, *, system: str = sys.platform,
            load: Loader = ctypes.CDLL, plugin_dir: Optional[Path] = None) -> Optional[Note]:
    """Why no window can open here, or ``None`` when it can (or when the system is not one
    where this can be told in advance)."""
    environ = os.environ if environ is None else environ
    if system.startswith(("win", "darwin", "cygwin")):
        return None
    platform = _platform(environ)
    if platform in HEADLESS:
        return None
    display = environ.get("DISPLAY", "").strip()
    wayland = environ.get("WAYLAND_DISPLAY", "").strip()
    if platform.startswith("wayland"):
        return None if wayland else Note(NO_DISPLAY)
    if not platform and wayland and _has_wayland(plugin_dir):
        return None          # Qt's own choice in a Wayland session (xcb is its fallback)
    if platform not in ("", "xcb"):
        return None          # a platform we do not know: let Qt say what it thinks
    if not display:
        return Note(NO_DISPLAY)
    missing = missing_libraries(load, plugin_dir)
    if missing:
        return Note(MISSING_LIBRARIES, {"libraries": ", ".join(missing),
                                        "packages": " ".join(XCB_LIBRARIES[m] for m in missing)})
    if not _answers(display, load):
        return Note(NO_ANSWER, {"display": display})
    return None
