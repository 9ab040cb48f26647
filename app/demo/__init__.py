"""Demo content made by the project itself: sample pages for the simulated feeder."""
