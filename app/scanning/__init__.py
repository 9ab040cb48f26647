"""Scanner drivers behind ``app.core.ports.Scanner``: SANE, TWAIN, file import and a simulated feeder.

Import the driver modules directly (``app.scanning.sane_driver`` etc.): this package imports no
native scanner library, so the station starts on machines without SANE or TWAIN.
"""
