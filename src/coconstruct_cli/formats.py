"""The output formats each command offers: one tuple serves the option's help, its completion and
the check of the value given, so that the three cannot drift apart."""

DOCUMENTS = ("table", "md", "json", "csv", "html")
"""list, path, paths, categories, search and guide."""

SHOW = ("table", "md", "json")
ABOUT = ("table", "md", "json", "html")
