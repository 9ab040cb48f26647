"""Pure domain core: models, ports, errors and the headless pipeline; no I/O libraries."""
