"""Paper: receipts as data and the durable print spool."""
