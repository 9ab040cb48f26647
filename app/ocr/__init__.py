"""Tesseract OCR runner in a worker-process pool; arrives with the OCR issue."""
