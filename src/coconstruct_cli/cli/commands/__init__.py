"""One module per command; `COMMANDS` registers them, in the order `kit --help` lists them.

The guide first (the main job), then the reading commands, then the tools for kit files. Adding a
command: its module here and one line below.
"""

from . import about, categories, guide, help, listing, path, paths, progress, read, schema, search, show, validate

COMMANDS = (
    ("guide", guide.guide),
    ("list", listing.list_),
    ("path", path.path),
    ("paths", paths.paths),
    ("categories", categories.categories),
    ("show", show.show),
    ("search", search.search),
    ("about", about.about),
    ("read", read.read),
    ("progress", progress.progress),
    ("validate", validate.validate),
    ("schema", schema.schema),
    ("help", help.help_),
)
