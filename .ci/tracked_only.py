"""The sdist's build hook: the archive holds the files git tracks, never a stray one.

hatchling leaves out what `.gitignore` names (node_modules, caches) but takes any other untracked file
lying in an included folder (a scratch export, an editor's backup). In a git checkout, those are
excluded here; outside one (the sdist unpacked to build the wheel) there is nothing to ask git, and
the archive's own files are all tracked ones.
"""

from __future__ import annotations

import subprocess
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TrackedOnly(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        try:
            listed = subprocess.run(
                ["git", "ls-files", "-z", "--others", "--exclude-standard"],
                cwd=self.root,
                capture_output=True,
                check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            return  # not a git checkout
        untracked = {name.decode("utf-8", "surrogateescape") for name in listed.split(b"\0") if name}
        if not untracked:
            return
        excluded = self.build_config.path_is_excluded

        def tracked_only(relative_path: str) -> bool:
            return relative_path in untracked or excluded(relative_path)

        self.build_config.path_is_excluded = tracked_only
