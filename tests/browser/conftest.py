"""The browser tests' own folder also holds npm's node_modules, which pytest must not walk."""

collect_ignore = ["node_modules"]
