"""Reference central-repository service (FastAPI), deployable on its own; arrives with the sync issue."""
