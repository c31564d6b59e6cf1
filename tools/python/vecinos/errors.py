"""Errors of the analysis layer."""


class AnalysisError(ValueError):
    """Bad input to an analysis: the message names the file or key and what is allowed.

    The command-line entry points (``python3 -m vecinos.report`` ...) print it and exit 2.
    """
