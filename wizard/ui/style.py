"""The few style rules the wizard adds to the platform style: headings, question blocks, the
help panel and inline messages. Sizes are in points or em-relative so that 200 % scaling works."""

STYLE = """
QLabel#pageHeading { font-size: 15pt; font-weight: bold; padding: 2px 0 0 0; }
QLabel#pageSteps { color: #4a4a4a; }
QLabel#questionText { font-size: 11pt; }
QLabel#questionTag { color: #1f4fa0; font-size: 9pt; }
QLabel#inlineError { color: #b00020; }
QLabel#helpPanel { background: #f4f7fb; border: 1px solid #c9d6e8; border-radius: 4px;
                   padding: 6px 8px; }
QLabel#packIntro { background: #f7f7f2; border: 1px solid #e2e2d5; border-radius: 4px;
                   padding: 8px 10px; }
QLabel#scoringNote { color: #555; font-size: 9pt; }
QLabel#calculatorView { background: #f6f9f4; border: 1px solid #d5e3cc; border-radius: 4px;
                        padding: 6px 8px; }
QFrame#questionRule { color: #dddddd; }
QLabel#noteLabel { color: #555; }
"""
