"""Metadata extraction from OCR text and QR codes; arrives with the metadata issue."""
