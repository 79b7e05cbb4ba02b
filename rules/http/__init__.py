"""HTTP: HTTP sessions, their requests, responses and the groups that poll them (official category 8)."""
