"""The PySide6 desktop front end: windows, views, the worker bridge and translations."""
