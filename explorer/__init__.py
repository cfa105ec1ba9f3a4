"""Support for the Streamlit explorer (app.py) that is not presentation: ingest with a
per-file report, and the small summaries the overview page shows."""
