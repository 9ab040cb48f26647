"""Inventory, progress against the roadmap and exports; arrives with the reports issue."""
