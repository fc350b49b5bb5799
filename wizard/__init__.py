"""AI Trade Readiness: an offline, bilingual readiness wizard for US AI trade rules."""

__version__ = "0.1.0"
