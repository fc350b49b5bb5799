"""The parts of the results page: chart, checklist, findings, action plan."""
