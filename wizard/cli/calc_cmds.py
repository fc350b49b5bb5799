def register(sub) -> None:
    """Calculator commands arrive with the calculators."""
