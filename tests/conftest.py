"""Suite-wide settings. Each area keeps its fixtures in its own conftest.py; helpers shared
across areas live beside this file (e.g. `record_builders.py`), which pytest puts on the path."""
