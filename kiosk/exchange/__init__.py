"""Office files in and out: the CSV every importer reads and every export writes, and XLSX."""
