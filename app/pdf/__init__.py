"""PDF/A assembly, compression and signing; arrives with the OCR/PDF issue."""
