"""Markers of the build tests: ``slow`` (seconds to a minute each) and ``bundle`` (needs the
PyInstaller build; READINESS_SKIP_BUNDLE=1 skips them). Both run by default."""


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes seconds to a minute (builds or installs)")
    config.addinivalue_line("markers", "bundle: builds the PyInstaller bundle "
                                       "(READINESS_SKIP_BUNDLE=1 skips)")
