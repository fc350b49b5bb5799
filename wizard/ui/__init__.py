"""The desktop wizard (PySide6): thin Qt over the core. Pages are built from the questionnaire
model at run time, navigation asks the core which page comes next, answers live in the core's
assessment. Start it with ``wizard.ui.app.run``."""
