"""Content: YAML files → validated exercise and plan models."""
