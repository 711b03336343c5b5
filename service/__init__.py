"""The HTTP service for `normalise` (FastAPI). Not built yet: see the project's issue list."""
