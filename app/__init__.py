"""Trạm Số hóa: the digitisation station for still-valid administrative-procedure results."""

__version__ = "0.1.0"
