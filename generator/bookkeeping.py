"""The names of modelgen's own files in an output folder (no imports: the no-change check needs them)."""

MANIFEST = ".modelgen-manifest.json"  # what the last run wrote, with digests (committed beside the output)
JOURNAL = ".modelgen-journal.json"  # a run between its staging and its renames (see `write`)
STAGING = ".modelgen-staging-"  # prefix of a run's staging folder
TEMP = ".modelgen-tmp-"  # prefix of a file written atomically
