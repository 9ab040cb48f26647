"""Vietnamese OCR of cleaned pages with Tesseract: ``recognize_page(gray, dpi) -> OcrPage``."""
