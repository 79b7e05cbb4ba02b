"""TMR: Timers (their time, options and the groups they run)."""
