"""Readers and extraction: files in, typed extractions with evidence out (never touches a store)."""
