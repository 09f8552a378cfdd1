"""Helpers the catalog generators (scripts/gen-*.py) share: text cleaning, YAML scalars, and
loading one generator from another (their file names have hyphens, so `import` cannot).

Standard library only.
"""

import importlib.util
import os
import re

PLAIN_OK = re.compile(r"^[A-Za-z0-9(][^\n]*$")


def clean(text):
    """Collapse whitespace (newlines, no-break spaces, double spaces) and trim."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def quote(text):
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scalar(text):
    """A YAML scalar: plain when unambiguous, else double-quoted."""
    if (PLAIN_OK.match(text) and ": " not in text and " #" not in text
            and not text.endswith(":") and text.lower() not in
            ("true", "false", "yes", "no", "null", "on", "off", "~")):
        return text
    return quote(text)


def load_generator(file_name):
    """Another generator of scripts/, e.g. load_generator("gen-nist-csf-1.1.py"), as a module."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), file_name)
    spec = importlib.util.spec_from_file_location(file_name.replace("-", "_")[:-3], path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
